#!/usr/bin/env bash
# Import benchmark: the RIVM Gezondheidsmonitor for the whole country
# (../shared/data/rivm-gezondheidsmonitor/nl-full/: 3 files, 52 023 rows,
# ~1.8 M cells) into a telling store, against two baselines with SQLite's own
# loader in the same run:
#   (a) sqlite3 .import of the same observations as a long CSV
#       (indicator;region;period;value) into a plain table;
#   (b) sqlite3 .import of the three wide files as they are.
# telling parses, validates codes, periods and statuses, registers the
# 17 341 regions and keeps the store queryable (primary key, foreign keys).
# Prints times, observations/s, peak RSS and both ratios; the last line is
# `ratio: N` (telling / baseline a).  Median of RUNS (default 3).
# Inside tools/pg-test.sh it also imports into PostgreSQL against psql's
# \copy of the long CSV (ratio to baseline c), and times what a fresh
# process needs to render one municipality profile from the national store
# on each engine (bench/profile_render.c: open, load the model, parse the
# site, render the first gemeente/ page), checking both give the same bytes,
# and that process's peak RSS on each engine.
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/.." && pwd)
SHARED=${SHARED:-$ROOT/../shared}
NL=$SHARED/data/rivm-gezondheidsmonitor/nl-full
[ -d "$NL" ] || { echo "bench/import.sh: $NL not found (benchmarks need ../shared beside the project)" >&2; exit 1; }
RUNS=${RUNS:-3}
TELLING=$ROOT/build/telling
make -s -C "$ROOT" build/telling
command -v sqlite3 >/dev/null || { echo "bench/import.sh: sqlite3 missing (apt-get install -y sqlite3)" >&2; exit 1; }
W=$(mktemp -d /tmp/tl-import-bench-XXXX)
trap '[ -n "${KEEP:-}" ] || rm -rf "$W"' EXIT

# An agenda whose indicators ask for every topic of the table (18+, value row).
mkdir -p "$W/agenda/chapters" "$W/data"
cp "$NL"/*.csv "$W/data/"
topics=$(head -1 "$NL/2012_18+.csv" | tr -d '\r"' | tr ';' '\n' | grep -E '_[0-9]+$' | grep -vE '^(Gemeentenaam_1|SoortRegio_2|Codering_3)$')
{
	echo "agenda: {slug: rivm, title: Gezondheidsmonitor, report_year: 2020, focus_region: NL01, national_region: NL01}"
	echo "themes: [{slug: gezondheid, title: Gezondheid, goals: [{number: 1, title: Gezond}]}]"
	echo "indicators:"
	for t in $topics; do
		slug=$(echo "$t" | tr 'A-Z_' 'a-z-')
		echo "  - {slug: $slug, theme: gezondheid, title: \"$t\", unit: \"%\", decimals: 1, polarity: neutral, source: RIVM,"
		echo "     import: [{topic: $t, dimensions: {Leeftijd: \"20300\", Marges: MW00000}}]}"
	done
	echo "regions: [{code: NL01, name: Nederland, level: land}]"
} >"$W/agenda/agenda.yml"

# Baseline (a)'s input: the same cells as a long CSV, written by awk.
awk -F';' 'FNR == 1 { for (i = 1; i <= NF; i++) { gsub(/"|\r/, "", $i); key[i] = $i }; next }
	{ gsub(/"|\r/, ""); gsub(/ +/, "");
	  for (i = 9; i <= NF; i++) print key[i] ";" $4 ";" $5 ";" $i }' "$NL"/*.csv >"$W/long.csv"
cells=$(wc -l <"$W/long.csv")

peak() { awk -F': ' '/Maximum resident set size/ {print $2}' "$1"; }
cpu() { awk -F': ' '/User time \(seconds\)/ {u = $2} /System time \(seconds\)/ {s = $2} END {print u + s}' "$1"; }
wall() { awk -F': ' '/Elapsed \(wall clock\)/ {print $2}' "$1" | awk -F: '{ if (NF == 3) print $1*3600+$2*60+$3; else print $1*60+$2 }'; }
median() { sort -n | awk '{a[NR] = $1} END {print a[int((NR + 1) / 2)]}'; }

ours=() ours_rss=() a=() b=() ours_cpu=() a_cpu=()
for i in $(seq 1 "$RUNS"); do
	rm -f "$W/t.db"*
	"$TELLING" init "$W/agenda" --db "$W/t.db" >/dev/null
	/usr/bin/time -v -o "$W/time" "$TELLING" import "$W/data" --db "$W/t.db" --add-regions >"$W/out" 2>"$W/err" ||
		{ cat "$W/err" >&2; exit 1; }
	ours+=("$(wall "$W/time")"); ours_rss+=("$(peak "$W/time")"); ours_cpu+=("$(cpu "$W/time")")
	rm -f "$W/a.db"
	/usr/bin/time -v -o "$W/time" sqlite3 "$W/a.db" \
		"CREATE TABLE obs(indicator TEXT, region TEXT, period TEXT, value TEXT);" \
		".mode csv" ".separator ;" ".import $W/long.csv obs" >/dev/null
	a+=("$(wall "$W/time")"); a_cpu+=("$(cpu "$W/time")")
	rm -f "$W/b.db"
	args=()
	for f in "$NL"/*.csv; do args+=(".import '$f' t$(basename "$f" .csv | tr -c 'a-zA-Z0-9\n' _)"); done
	/usr/bin/time -v -o "$W/time" sqlite3 "$W/b.db" ".mode csv" ".separator ;" "${args[@]}" >/dev/null
	b+=("$(wall "$W/time")")
done
obs=$(sqlite3 "$W/t.db" 'SELECT count(*) FROM observation')
regions=$(sqlite3 "$W/t.db" 'SELECT count(*) FROM region')
ot=$(printf '%s\n' "${ours[@]}" | median)
at=$(printf '%s\n' "${a[@]}" | median)
bt=$(printf '%s\n' "${b[@]}" | median)
oc=$(printf '%s\n' "${ours_cpu[@]}" | median)
ac=$(printf '%s\n' "${a_cpu[@]}" | median)
rss=$(printf '%s\n' "${ours_rss[@]}" | sort -n | tail -1)
echo "== import benchmark ($(date -u +%FT%TZ), $(nproc) cores, $RUNS runs, median; load $(cut -d' ' -f1-3 /proc/loadavg))"
head -2 "$W/out"
echo "cells in the files: $cells; observations stored: $obs; regions: $regions"
div() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.6f", a / b }'; }
printf 'telling import      %6.2f s  %9.0f obs/s  peak RSS %d kB\n' "$ot" "$(div "$obs" "$ot")" "$rss"
printf '(a) sqlite3 long    %6.2f s  %9.0f rows/s\n' "$at" "$(div "$cells" "$at")"
printf '(b) sqlite3 wide    %6.2f s\n' "$bt"
printf 'ratio to (b): %.2f\n' "$(div "$ot" "$bt")"
# CPU time (user + sys) moves much less than wall time on a busy machine.
printf 'cpu: telling %.2f s, (a) %.2f s, cpu ratio: %.2f\n' "$oc" "$ac" "$(div "$oc" "$ac")"

# PostgreSQL, when run inside tools/pg-test.sh (TELLING_PG_URI set):
#   tools/pg-test.sh bash bench/import.sh
# telling import into PostgreSQL against psql's \copy of the same long CSV
# into a plain table, in the same run.
if [ -n "${TELLING_PG_URI:-}" ]; then
	PG=$TELLING_PG_URI
	pq() { psql -qAtX -d "$PG" "$@"; }
	pg=() pc=()
	for i in $(seq 1 "$RUNS"); do
		pq -c 'DROP SCHEMA public CASCADE; CREATE SCHEMA public' >/dev/null 2>&1
		"$TELLING" init "$W/agenda" --db "$PG" >/dev/null
		/usr/bin/time -v -o "$W/time" "$TELLING" import "$W/data" --db "$PG" --add-regions >"$W/out" 2>"$W/err" ||
			{ cat "$W/err" >&2; exit 1; }
		pg+=("$(wall "$W/time")")
		pq -c 'DROP TABLE IF EXISTS bench_obs; CREATE TABLE bench_obs (indicator text, region text, period text, value text)' >/dev/null 2>&1
		/usr/bin/time -v -o "$W/time" psql -qAtX -d "$PG" -c "\\copy bench_obs FROM '$W/long.csv' (FORMAT csv, DELIMITER ';')" >/dev/null
		pc+=("$(wall "$W/time")")
	done
	pobs=$(pq -c 'SELECT count(*) FROM obs')
	[ "$pobs" = "$obs" ] || { echo "bench/import.sh: PostgreSQL stored $pobs observations, SQLite $obs" >&2; exit 1; }
	pt=$(printf '%s\n' "${pg[@]}" | median)
	ct=$(printf '%s\n' "${pc[@]}" | median)
	printf 'telling import (PostgreSQL) %6.2f s  %9.0f obs/s\n' "$pt" "$(div "$pobs" "$pt")"
	printf '(c) psql \\copy long          %6.2f s  %9.0f rows/s\n' "$ct" "$(div "$cells" "$ct")"
	printf 'PostgreSQL ratio to (c): %.2f\n' "$(div "$pt" "$ct")"

	# A municipality profile at national scale, from each engine's store.
	cc -std=c11 -D_POSIX_C_SOURCE=200809L -D_DEFAULT_SOURCE $(pkg-config --cflags libpq 2>/dev/null || echo -I/usr/include/postgresql) \
		-O2 -I"$ROOT/src" -o "$W/profile_render" "$ROOT/bench/profile_render.c" "$ROOT"/build/obj/*/*.o \
		-lsqlite3 -lpq -lyaml -lmd4c -ljansson -lmicrohttpd -lsodium -lz -lpthread -lm
	field() { sed -n "s/.* $1 \([0-9.]*\) s.*/\1/p" "$2"; }
	lt=() ll=() pt2=() pl=() lr=() pr=()
	for i in $(seq 1 "$RUNS"); do
		/usr/bin/time -v -o "$W/time" "$W/profile_render" "$W/t.db" >"$W/prof-lite"
		lt+=("$(field total "$W/prof-lite")"); ll+=("$(field load "$W/prof-lite")"); lr+=("$(peak "$W/time")")
		/usr/bin/time -v -o "$W/time" "$W/profile_render" "$PG" >"$W/prof-pg"
		pt2+=("$(field total "$W/prof-pg")"); pl+=("$(field load "$W/prof-pg")"); pr+=("$(peak "$W/time")")
	done
	sum_lite=$(sed 's/.*sum //' "$W/prof-lite")
	sum_pg=$(sed 's/.*sum //' "$W/prof-pg")
	[ "$sum_lite" = "$sum_pg" ] || { echo "bench/import.sh: the profile differs between the engines" >&2; exit 1; }
	page=$(sed 's/^profile \([^:]*\):.*/\1/' "$W/prof-pg")
	lm=$(printf '%s\n' "${lt[@]}" | median)
	pm=$(printf '%s\n' "${pt2[@]}" | median)
	printf 'profile %s from SQLite     %6.2f s (loading the model %.2f s)\n' "$page" "$lm" "$(printf '%s\n' "${ll[@]}" | median)"
	printf 'profile %s from PostgreSQL %6.2f s (loading the model %.2f s), the same bytes\n' "$page" "$pm" "$(printf '%s\n' "${pl[@]}" | median)"
	printf 'profile ratio PostgreSQL to SQLite: %.2f\n' "$(div "$pm" "$lm")"
	# Peak RSS of that process: the model, plus on PostgreSQL whatever the
	# engine holds of the query results while loading it.
	lrm=$(printf '%s\n' "${lr[@]}" | sort -n | tail -1)
	prm=$(printf '%s\n' "${pr[@]}" | sort -n | tail -1)
	printf 'profile peak RSS: SQLite %d kB, PostgreSQL %d kB, ratio %.2f\n' "$lrm" "$prm" "$(div "$prm" "$lrm")"
fi
printf 'ratio: %.2f\n' "$(div "$ot" "$at")"
