# telling — build, test and run.  `make help` lists the targets.
#
#   make            build/telling
#   make demo       set up, build, load examples/drenthe-2025, build the report into out/,
#                   then serve it at http://127.0.0.1:8080 (Ctrl-C stops)
#   make demo-build the same without serving (for tests and CI)
#   make check      set up, build, run every test (unit, CLI, malformed inputs, sanitizers,
#                   fuzz corpus replay and short fuzz runs, accessibility, PostgreSQL)
#   make check-pg   the store, import, report and server tests on a throwaway PostgreSQL
#   make asan       build/asan/telling with AddressSanitizer + UndefinedBehaviorSanitizer
#   make fuzz       build the libFuzzer targets (clang) into build/fuzz/
#   make bench      bench/report.sh (the R Markdown peer in the same run)
#   make bench-national  bench/national.sh (342 municipalities, baselines in the same run)
#   make bench-check     bench/check.sh (telling check against wc + grep)
#   make bench-import    bench/import.sh (the RIVM import against sqlite3 .import)
#   make bench-series    bench/series.sh (17 280 monthly rows against 1/8 of them: linear or not)
#   make bench-chart     bench/chart.sh (a 50 000-row bar chart against 1/8 of it: linear or not)

CC      ?= cc
CLANG   ?= clang
# libpq's header lives in /usr/include/postgresql on Debian.
PQ_CFLAGS := $(shell pkg-config --cflags libpq 2>/dev/null || echo -I/usr/include/postgresql)
CSTD    := -std=c11 -D_POSIX_C_SOURCE=200809L -D_DEFAULT_SOURCE $(PQ_CFLAGS)
WARN    := -Wall -Wextra -Werror -Wstrict-prototypes -Wmissing-prototypes -Wshadow \
           -Wcast-qual -Wsign-compare -Wformat=2 -Wno-format-nonliteral
OPT     ?= -O2 -g
CFLAGS_ALL = $(CSTD) $(WARN) $(OPT) $(CFLAGS)
LIBS    := -lsqlite3 -lpq -lyaml -lmd4c -ljansson -lmicrohttpd -lsodium -lz -lpthread -lm
SAN     := -fsanitize=address,undefined -fno-sanitize-recover=undefined -fno-omit-frame-pointer
# Each object and binary depends on the headers it includes, as the compiler
# lists them (build/**/*.d, read below): a header change rebuilds only what
# includes it.  DEPSTAMP: objects built before these lists existed (no .d)
# are rebuilt once, when the stamp is first made.
DEPFLAGS := -MMD -MP
DEPSTAMP := build/.deps-mmd

SRC     := $(sort $(wildcard src/*/*.c))
LIBSRC  := $(SRC)
MAIN    := src/main.c
HDR     := $(wildcard src/*.h src/*/*.h)
OBJ     := $(patsubst src/%.c,build/obj/%.o,$(LIBSRC))
AOBJ    := $(patsubst src/%.c,build/asan/obj/%.o,$(LIBSRC))
FOBJ    := $(patsubst src/%.c,build/fuzz/obj/%.o,$(LIBSRC))
# Pattern-built objects are kept (make would delete them as intermediates).
.SECONDARY: $(FOBJ)
UNIT    := $(sort $(wildcard tests/unit/*_test.c))
UNITBIN := $(patsubst tests/unit/%.c,build/asan/tests/%,$(UNIT))
FUZZSRC := $(sort $(wildcard fuzz/fuzz_*.c))
FUZZBIN := $(patsubst fuzz/%.c,build/fuzz/%,$(FUZZSRC))

.PHONY: all setup setup-test demo demo-build http web-serve check check-pg unit cli malformed asan fuzz fuzz-regress fuzz-short web bench lint format clean help
.PHONY: all setup setup-test demo check unit cli malformed asan fuzz fuzz-regress fuzz-short web bench bench-national bench-series bench-chart bench-check bench-import lint format clean help

all: build/telling

help:
	@sed -n '1,17p' Makefile

$(DEPSTAMP):
	@mkdir -p $(dir $@)
	@touch $@

build/obj/%.o: src/%.c $(DEPSTAMP)
	@mkdir -p $(dir $@)
	$(CC) $(CFLAGS_ALL) $(DEPFLAGS) -c $< -o $@

build/telling: $(OBJ) $(MAIN) $(DEPSTAMP)
	$(CC) $(CFLAGS_ALL) $(DEPFLAGS) -DTL_ASSETS_DIR=\"$(CURDIR)/assets\" -o $@ $(MAIN) $(OBJ) $(LIBS)

build/asan/obj/%.o: src/%.c $(DEPSTAMP)
	@mkdir -p $(dir $@)
	$(CC) $(CFLAGS_ALL) $(SAN) $(DEPFLAGS) -c $< -o $@

build/asan/telling: $(AOBJ) $(MAIN) $(DEPSTAMP)
	$(CC) $(CFLAGS_ALL) $(SAN) $(DEPFLAGS) -DTL_ASSETS_DIR=\"$(CURDIR)/assets\" -o $@ $(MAIN) $(AOBJ) $(LIBS)

build/asan/tests/%: tests/unit/%.c $(AOBJ) $(DEPSTAMP)
	@mkdir -p $(dir $@)
	$(CC) $(CFLAGS_ALL) $(SAN) $(DEPFLAGS) -Isrc -o $@ $< $(AOBJ) $(LIBS) -lcmocka

asan: build/asan/telling

setup:
	@sh tools/setup.sh

setup-test:
	@sh tools/setup.sh --web

# The example report: load the agenda folder into a fresh store, build the site.
demo-build: setup build/telling
	@rm -f out/drenthe-2025.db
	@mkdir -p out
	./build/telling init examples/drenthe-2025 --db out/drenthe-2025.db
	./build/telling build --db out/drenthe-2025.db -o out/site
	@echo
	@echo "Het rapport staat klaar / the report is ready: $(CURDIR)/out/site/index.html"
	@echo "Open it in a browser, e.g.: chromium $(CURDIR)/out/site/index.html"

# …and serve it, with the dashboard, the API and the editor (see README.md
# for the first account).  Blocks until Ctrl-C.
demo: demo-build
	@echo
	@echo "Het rapport wordt geserveerd / the report is served at http://127.0.0.1:8080/"
	./build/telling serve --db out/drenthe-2025.db --port 8080

# The served-only pages in headless Chromium: axe on each page type, a
# browser session that logs in and adds a story.
web-serve: build/telling
	@sh tests/web/serve.sh

# HTTP tests of telling serve (route x role, XSS, CSRF, limits…).
http: build/asan/telling
	@sh tests/http/run.sh && sh tests/http/edit.sh && sh tests/http/dash.sh && sh tests/http/limits.sh && sh tests/http/multi.sh

# The store, import, report and server tests against a throwaway PostgreSQL
# (tools/pg-test.sh: fails, never skips, when PostgreSQL cannot start).
check-pg: build/asan/telling $(UNITBIN)
	@sh tools/pg-test.sh sh tests/pg/run.sh

unit: $(UNITBIN)
	@sh tests/run-unit.sh $(UNITBIN)

cli: build/telling build/asan/telling
	@sh tests/run-cli.sh

fuzz: $(FUZZBIN)

# The library is instrumented once (fuzzer-no-link) and every target links it.
build/fuzz/obj/%.o: src/%.c $(DEPSTAMP)
	@mkdir -p $(dir $@)
	$(CLANG) $(CSTD) $(DEPFLAGS) -g -O1 -fsanitize=fuzzer-no-link,address,undefined -c $< -o $@

build/fuzz/%: fuzz/%.c $(FOBJ) $(DEPSTAMP)
	@mkdir -p $(dir $@)
	$(CLANG) $(CSTD) $(DEPFLAGS) -g -O1 -fsanitize=fuzzer,address,undefined -Isrc -o $@ $< $(FOBJ) $(LIBS)

# Replay every corpus file, then fuzz each target briefly (FUZZ_SECONDS each).
fuzz-short: $(FUZZBIN)
	@sh tests/run-fuzz.sh $(FUZZBIN)

# The example report, built fresh, checked in headless Chromium with axe.
web: build/telling
	@rm -rf build/web-site build/web-site.db
	@./build/telling build examples/drenthe-2025 -o build/web-site >/dev/null
	@sh tests/web/run.sh build/web-site

check: setup-test all asan
	@sh tests/check.sh

bench: build/telling
	@bash bench/report.sh

# All 342 municipalities from the national files, against baselines in the same run.
bench-national: build/telling
	@bash bench/national.sh

# bench/check.sh: telling check on the example (and the seed) against wc + grep, in one run.
bench-check: build/telling
	@bash bench/check.sh

# bench/import.sh: the RIVM import against sqlite3's own loader, in one run (ratio last).
bench-import: build/telling
	@bash bench/import.sh

# Long monthly series against 1/8 of their length, in the same run.
bench-series: build/telling
	@bash bench/series.sh

# A bar chart of 50 000 rows against 1/8 of them, in the same run (bench/chart.sh).
bench-chart: build/telling
	@bash bench/chart.sh

lint:
	@sh tools/lint.sh

format:
	clang-format -i $(SRC) $(MAIN) $(HDR)

clean:
	rm -rf build out

# The header lists the compiler wrote (missing ones are simply not there yet).
-include $(OBJ:.o=.d) $(AOBJ:.o=.d) $(FOBJ:.o=.d) build/telling.d build/asan/telling.d \
	$(UNITBIN:=.d) $(FUZZBIN:=.d)
