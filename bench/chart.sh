#!/bin/bash
# Bar chart benchmark: does tl_chart_bar stay linear in the number of rows?
#
#   bash bench/chart.sh             (ROWS=50000 RUNS=5; make bench-chart)
#
# bench/chart_bars.c renders a responsive bar chart (both drawings) of ROWS rows and, as the
# baseline in the same run, of ROWS/8 rows, RUNS times each, and reports the median CPU time of
# tl_chart_bar alone.  The last line is the ratio: about 8 when rendering is linear (less while
# fixed costs dominate), about 64 when it is quadratic.  Uses build/obj (no sanitizers).
# (The 50 000-row test in tests/unit/chart_test.c asserts the drawing, never its time.)
set -euo pipefail
export LC_ALL=C
ROOT=$(cd "$(dirname "$0")/.." && pwd)
cd "$ROOT"
ROWS=${ROWS:-50000}
RUNS=${RUNS:-5}
[ "$ROWS" -ge 8 ] || { echo "bench/chart: ROWS must be at least 8" >&2; exit 1; }
make -s build/telling
W=$(mktemp -d /tmp/telling-chart-XXXXXX)
trap 'rm -rf "$W"' EXIT
cc -std=c11 -D_POSIX_C_SOURCE=200809L -D_DEFAULT_SOURCE $(pkg-config --cflags libpq 2>/dev/null || echo -I/usr/include/postgresql) \
	-O2 -Isrc -o "$W/chart_bars" bench/chart_bars.c build/obj/*/*.o \
	-lsqlite3 -lpq -lyaml -lmd4c -ljansson -lmicrohttpd -lsodium -lz -lpthread -lm
echo "bench/chart: $(nproc) cores, load $(cut -d' ' -f1 /proc/loadavg), $(date -u +%FT%TZ)"
base=$("$W/chart_bars" $((ROWS / 8)) "$RUNS")
ours=$("$W/chart_bars" "$ROWS" "$RUNS")
echo "baseline $base"
echo "ours     $ours"
med() { sed 's/.*median \([0-9.]*\) s.*/\1/' <<<"$1"; }
awk -v a="$(med "$ours")" -v b="$(med "$base")" -v k=8 \
	'BEGIN {printf "ratio ours/baseline (%dx the rows): %.1f (linear about %d, quadratic about %d)\n", k, (b > 0 ? a / b : 0), k, k * k}'
