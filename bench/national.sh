#!/bin/bash
# National benchmark: the whole annual report for all 342 municipalities of the Netherlands, from the
# real national files, against baselines in the same run.
#
#   bash bench/national.sh          (make bench-national)
#
# Workload, generated into a temporary agenda folder from ../shared/data (benchmarks may use it;
# nothing else may):
#   - regions: NL01 and the 342 municipalities of the RMBW file (level gemeente, parent NL01: a
#     national agenda has no province in between), focus region NL01;
#   - indicators: every RMBW indicator of brede-welvaart-indicators.all-gemeenten.wide.csv, and every
#     Gezondheidsmonitor topic (18+, MW00000) that all three nl-full files have;
#   - data/: those four files as published (bytes unchanged; the 2012/2016/2020 files hold 17 341
#     regions each: wijken and buurten are skipped by the importer, and so are municipalities of the
#     2020 classification that the 2024 list no longer has);
#   - geo/: the 2024 municipal boundaries (TopoJSON);
#   - two theme chapters with {{grafiek}} (trend + 342-bar chart) and {{kaart}} (342-region map) for
#     every indicator;
#   - the build writes a page per municipality (342) with every indicator, its position among the
#     342, and CSV and JSON downloads.
# Measured (RUNS times, default 3, median wall, peak RSS of the slowest step):
#   ours       `telling init` + `telling build` of that folder;
#   baseline 1 `cp -r` of the same folder (the bytes we read, copied: an I/O floor);
#   baseline 2 `telling init` + `telling build` of examples/drenthe-2025 (12 municipalities), the
#              existing report build, in the same run.
# The summary prints ratios (ours / baseline) and checks that two builds of the same store are
# byte-identical.  Environment: RUNS, TELLING (default build/telling), KEEP=1 keeps the work folder.
# Inside tools/pg-test.sh it also builds the same store from PostgreSQL (see the end).
set -euo pipefail
export LC_ALL=C

ROOT=$(git -C "$(dirname "$0")" rev-parse --show-toplevel 2>/dev/null || (cd "$(dirname "$0")/.." && pwd))
cd "$ROOT"
SHARED=$(cd "$ROOT/.." && pwd)/shared
DATA=$SHARED/data
RUNS=${RUNS:-3}
TELLING=${TELLING:-build/telling}

die() { echo "bench: $*" >&2; exit 1; }
BW=$DATA/brede-welvaart/brede-welvaart-indicators.all-gemeenten.wide.csv
RIVM=$DATA/rivm-gezondheidsmonitor/nl-full
GEO=$DATA/boundaries/gemeente_2024.cartomap.topojson
for f in "$BW" "$RIVM/2012_18+.csv" "$RIVM/2016_18+.csv" "$RIVM/RIVM_gezondheid2020_18+.csv" "$GEO"; do
	[ -f "$f" ] || die "missing $f (the national benchmark needs ../shared/data beside the repository)"
done
[ -x /usr/bin/time ] || die "/usr/bin/time is missing (apt-get install -y time)"
if [ ! -x "$TELLING" ] && [ "$TELLING" = build/telling ]; then
	make -s build/telling >&2 || die "make build/telling failed"
fi

LOAD0=$(cut -d' ' -f1-3 /proc/loadavg)
W=$(mktemp -d /tmp/telling-national-XXXXXX)
if [ "${KEEP:-0}" = 1 ]; then trap 'echo "bench: work folder kept: $W" >&2' EXIT; else trap 'rm -rf "$W"' EXIT; fi

# --- 1. the agenda folder -------------------------------------------------------------------------
AG=$W/nationaal
mkdir -p "$AG/data" "$AG/chapters" "$AG/geo"
cp "$BW" "$RIVM/2012_18+.csv" "$RIVM/2016_18+.csv" "$RIVM/RIVM_gezondheid2020_18+.csv" "$AG/data/"
cp "$GEO" "$AG/geo/"
tail -n +2 "$BW" | tr -d '\r' | cut -d, -f1 | sort -u >"$W/bw-ind.txt"
tail -n +2 "$BW" | tr -d '\r' | awk -F, '!seen[$2]++ { print $2 "," $3 }' | sort >"$W/gm.txt"
# Gezondheidsmonitor topics present in all three files (columns after Codering_3).
for f in "2012_18+" "2016_18+" "RIVM_gezondheid2020_18+"; do
	head -1 "$RIVM/$f.csv" | tr -d '\r\357\273\277' | tr ';' '\n' | tr -d '"' | tail -n +9 | sort >"$W/t-$f.txt"
done
comm -12 "$W/t-2012_18+.txt" "$W/t-2016_18+.txt" | comm -12 - "$W/t-RIVM_gezondheid2020_18+.txt" >"$W/gm-ind.txt"
NGM=$(wc -l <"$W/gm.txt")
NBW=$(wc -l <"$W/bw-ind.txt")
NGZ=$(wc -l <"$W/gm-ind.txt")
slug() { tr 'A-Z_' 'a-z-' | sed 's/[^a-z0-9-]//g'; }
{
	echo 'agenda: {slug: nationaal, title: "Nationale benchmark", organisation: "Benchmark", report_year: 2024, report_title: "Benchmark: alle gemeenten", focus_region: NL01, lang: nl, boundaries: geo/gemeente_2024.cartomap.topojson, boundaries_source: "CBS/Kadaster (PDOK)"}'
	echo 'themes:'
	echo '  - {slug: welvaart, title: "Brede welvaart", goals: [{number: 1, title: "Benchmark"}]}'
	echo '  - {slug: gezondheid, title: "Gezondheid", goals: [{number: 2, title: "Benchmark"}]}'
	echo 'indicators:'
	while read -r t; do
		printf '  - {slug: bw-%s, theme: welvaart, title: "%s", unit: "", decimals: 1, polarity: neutral, source: RMBW, import: [{topic: %s}]}\n' "$(echo "$t" | slug)" "$t" "$t"
	done <"$W/bw-ind.txt"
	while read -r t; do
		printf '  - {slug: gm-%s, theme: gezondheid, title: "%s", unit: "%%", decimals: 1, polarity: neutral, source: RIVM, import: [{topic: %s, dimensions: {Leeftijd: "20300", Marges: MW00000}}]}\n' "$(echo "$t" | slug)" "$t" "$t"
	done <"$W/gm-ind.txt"
	echo 'regions:'
	echo '  - {code: NL01, name: Nederland, level: land}'
	awk -F, '{ gsub(/"/, "", $2); printf "  - {code: %s, name: \"%s\", level: gemeente, parent: NL01}\n", $1, $2 }' "$W/gm.txt"
	echo 'chapters:'
	echo '  - {file: welvaart.md, theme: welvaart}'
	echo '  - {file: gezondheid.md, theme: gezondheid}'
} >"$AG/agenda.yml"
for th in welvaart gezondheid; do
	{
		printf '## Waar staan we nu?\n\n'
		grep -o "slug: [a-z0-9-]*, theme: $th" "$AG/agenda.yml" | cut -d' ' -f2 | tr -d , | while read -r s; do
			printf '{{grafiek %s}}\n\n{{kaart %s}}\n\n' "$s" "$s"
		done
	} >"$AG/chapters/$th.md"
done
IN_BYTES=$(du -sb "$AG" | cut -f1)
echo "workload: $NGM municipalities, $NBW RMBW + $NGZ Gezondheidsmonitor indicators, $(grep -c '{{kaart' "$AG"/chapters/*.md | awk -F: '{ s += $2 } END { print s }') maps; input $((IN_BYTES / 1024)) KiB"

# --- 2. measurements -----------------------------------------------------------------------------
now() { date +%s.%N; }
field() { awk -F': ' -v k="$1" 'index($0, k) { print $2 }' "$2"; }
median() { sort -g | awk '{ a[NR] = $1 } END { if (NR) print a[int((NR + 1) / 2)] }'; }
span() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.3f", b - a }'; }

# init + build of folder $1 into $2.db / $2-site; prints "wall rss"
report() {
	local ag=$1 out=$2 t0 t1 ri rb
	rm -rf "$out.db" "$out-site"
	t0=$(now)
	/usr/bin/time -v -o "$out.ti" "$TELLING" init "$ag" --db "$out.db" >"$out.init.log" 2>&1 || { tail -5 "$out.init.log" >&2; die "init of $ag failed"; }
	/usr/bin/time -v -o "$out.tb" "$TELLING" build --db "$out.db" -o "$out-site" >"$out.build.log" 2>&1 || { tail -5 "$out.build.log" >&2; die "build of $ag failed"; }
	t1=$(now)
	ri=$(field 'Maximum resident set size' "$out.ti")
	rb=$(field 'Maximum resident set size' "$out.tb")
	echo "$(span "$t0" "$t1") $((ri > rb ? ri : rb)) $(span "$t0" "$(now)")"
}

: >"$W/ours.txt" ; : >"$W/cp.txt" ; : >"$W/drenthe.txt"
for i in $(seq 1 "$RUNS"); do
	t0=$(now); rm -rf "$W/copy"; cp -r "$AG" "$W/copy"; t1=$(now)
	echo "$(span "$t0" "$t1")" >>"$W/cp.txt"
	report "$ROOT/examples/drenthe-2025" "$W/drenthe" >>"$W/drenthe.txt"
	report "$AG" "$W/ours-$i" >>"$W/ours.txt"
	echo "run $i: national $(tail -1 "$W/ours.txt" | cut -d' ' -f1)s, cp $(tail -1 "$W/cp.txt")s, drenthe $(tail -1 "$W/drenthe.txt" | cut -d' ' -f1)s"
	[ "$i" = 1 ] || rm -rf "$W/ours-$i-site"
done
# Reproducible: the same store built again gives the same bytes.
"$TELLING" build --db "$W/ours-1.db" -o "$W/again" >/dev/null 2>&1 || die "rebuild failed"
REPRO=no
diff -r -q "$W/ours-1-site" "$W/again" >/dev/null && REPRO=yes

OURS=$(cut -d' ' -f1 "$W/ours.txt" | median)
RSS=$(cut -d' ' -f2 "$W/ours.txt" | sort -n | tail -1)
CP=$(median <"$W/cp.txt")
DR=$(cut -d' ' -f1 "$W/drenthe.txt" | median)
DRRSS=$(cut -d' ' -f2 "$W/drenthe.txt" | sort -n | tail -1)
SITE=$W/ours-1-site
PAGES=$(find "$SITE" -name '*.html' | wc -l)
PROFILES=$(find "$SITE/gemeente" -name '*.html' | wc -l)
OBS=$(sqlite3 "$W/ours-1.db" 'SELECT count(*) FROM obs' 2>/dev/null || echo '?')
echo
echo "== national benchmark ($(date -u +%FT%TZ), $(nproc) cores; load average before $LOAD0, after $(cut -d' ' -f1-3 /proc/loadavg))"
echo "site:       $PAGES pages ($PROFILES municipality pages), $(du -sb "$SITE" | cut -f1 | awk '{ printf "%.1f MiB", $1 / 1048576 }'), $OBS observations in the store"
echo "ours:       init + build median ${OURS}s, peak RSS $((RSS / 1024)) MiB"
echo "baseline 1: cp -r of the same $((IN_BYTES / 1024)) KiB median ${CP}s"
echo "baseline 2: Drenthe example (12 municipalities) init + build median ${DR}s, peak RSS $((DRRSS / 1024)) MiB"
echo "reproducible: $REPRO (two builds of the same store, diff -r)"
# PostgreSQL, when run inside tools/pg-test.sh (TELLING_PG_URI set):
#   tools/pg-test.sh bash bench/national.sh
# the same national store in PostgreSQL: init, and build (which loads the
# store and renders every page, the 342 municipality profiles included)
# against the build from SQLite in the same run; the two sites must be
# byte-identical.
if [ -n "${TELLING_PG_URI:-}" ]; then
	PG=$TELLING_PG_URI
	: >"$W/pgb.txt" ; : >"$W/ltb.txt"
	psql -qAtX -d "$PG" -c 'DROP SCHEMA public CASCADE; CREATE SCHEMA public' >/dev/null 2>&1
	t0=$(now)
	"$TELLING" init "$AG" --db "$PG" >"$W/pg.init.log" 2>&1 || { tail -5 "$W/pg.init.log" >&2; die "init into PostgreSQL failed"; }
	PGINIT=$(span "$t0" "$(now)")
	for i in $(seq 1 "$RUNS"); do
		rm -rf "$W/pg-site" "$W/lite-site"
		t0=$(now); "$TELLING" build --db "$PG" -o "$W/pg-site" >/dev/null 2>&1 || die "build from PostgreSQL failed"
		span "$t0" "$(now)" >>"$W/pgb.txt"; echo >>"$W/pgb.txt"
		t0=$(now); "$TELLING" build --db "$W/ours-1.db" -o "$W/lite-site" >/dev/null 2>&1 || die "build from SQLite failed"
		span "$t0" "$(now)" >>"$W/ltb.txt"; echo >>"$W/ltb.txt"
	done
	SAME=no
	diff -r -q "$W/lite-site" "$W/pg-site" >/dev/null && SAME=yes
	PGB=$(grep . "$W/pgb.txt" | median)
	LTB=$(grep . "$W/ltb.txt" | median)
	echo "PostgreSQL: init ${PGINIT}s; build (load + all pages) median ${PGB}s against ${LTB}s from SQLite; sites byte-identical: $SAME"
	awk -v p="$PGB" -v l="$LTB" 'BEGIN { printf "ratio build PostgreSQL/SQLite: %.2f×\n", (l > 0 ? p / l : 0) }'
fi
awk -v o="$OURS" -v c="$CP" -v d="$DR" 'BEGIN {
	printf "ratio ours/cp: %.0f×\n", (c > 0 ? o / c : 0)
	printf "ratio ours/drenthe: %.1f×\n", (d > 0 ? o / d : 0)
}'
