#!/bin/bash
# Long-series benchmark: does `telling build` stay linear in the length of a series?
#
#   bash bench/series.sh            (make bench-series)
#
# Workload, generated into a temporary agenda folder (no ../shared needed): 2 indicators x 12 regions
# (NL01, the focus province PV99 and 10 gemeenten) with monthly figures (2025MM12 backwards), one
# theme chapter with a value binding and {{grafiek}} per indicator.
#   ours      ROWS observation rows (default 17280: 720 months per series, 60 years);
#   baseline  the same agenda with 1/8 of the months (ROWS/8 rows), in the same run.
# Measured: `telling build FOLDER -o SITE`, RUNS times each (default 5), median wall and CPU.
# The last line is the ratio ours/baseline: 8 rows more cost about 8x when the build is linear
# (less, while start-up dominates) and about 64x when it is quadratic.  Before the fix of
# tl_model_series/tl_model_obs (which walked a whole series per cell) the CPU ratio was 31x
# (3.7 s against 0.2 s; after: 0.57 s against 0.14 s).
# Environment: ROWS (a multiple of 192), RUNS, TELLING (default build/telling), KEEP=1.
set -euo pipefail
export LC_ALL=C

ROOT=$(git -C "$(dirname "$0")" rev-parse --show-toplevel 2>/dev/null || (cd "$(dirname "$0")/.." && pwd))
cd "$ROOT"
ROWS=${ROWS:-17280}
RUNS=${RUNS:-5}
TELLING=${TELLING:-build/telling}
NIND=2 NREG=12
die() { echo "bench: $*" >&2; exit 1; }
[ $((ROWS % (NIND * NREG * 8))) = 0 ] || die "ROWS must be a multiple of $((NIND * NREG * 8))"
[ -x /usr/bin/time ] || die "/usr/bin/time is missing (apt-get install -y time)"
if [ ! -x "$TELLING" ] && [ "$TELLING" = build/telling ]; then
	make -s build/telling >&2 || die "make build/telling failed"
fi

W=$(mktemp -d /tmp/telling-series-XXXXXX)
if [ "${KEEP:-0}" = 1 ]; then trap 'echo "bench: work folder kept: $W" >&2' EXIT; else trap 'rm -rf "$W"' EXIT; fi

# agenda DIR MONTHS: the agenda folder with MONTHS monthly figures per indicator and region
agenda() {
	local d=$1 months=$2
	mkdir -p "$d/data" "$d/chapters"
	{
		echo 'agenda: {slug: reeks, title: "Lange reeksen", report_year: 2025, focus_region: PV99, national_region: NL01, lang: nl}'
		echo 'themes:'
		echo '  - {slug: reeks, title: "Reeksen", goals: [{number: 1, title: "Benchmark"}]}'
		echo 'indicators:'
		for i in $(seq 1 $NIND); do
			echo "  - {slug: maand$i, theme: reeks, title: \"Maandcijfer $i\", unit: \"aantal\", decimals: 0, polarity: neutral, source: Synthetisch, goals: [1]}"
		done
		echo 'regions:'
		echo '  - {code: NL01, name: Nederland, level: land}'
		echo '  - {code: PV99, name: "Provincie", level: provincie, parent: NL01}'
		for r in $(seq 1 $((NREG - 2))); do
			printf '  - {code: GM99%02d, name: "Gemeente %02d", level: gemeente, parent: PV99}\n' "$r" "$r"
		done
		echo 'chapters:'
		echo '  - {file: reeks.md, theme: reeks}'
	} >"$d/agenda.yml"
	{
		printf '## Wat willen we bereiken?\n\nLange maandreeksen.\n\n## Doelstellingen\n\n{{doelstellingen}}\n\n## Waar staan we nu?\n\n'
		for i in $(seq 1 $NIND); do
			printf '## Maandcijfer %d\n\nIn december 2025: {{maand%d PV99 2025MM12}}.\n\n{{grafiek maand%d}}\n\n' "$i" "$i" "$i"
		done
		printf '## Hoe gaan we verder?\n\nNiets.\n'
	} >"$d/chapters/reeks.md"
	awk -v ni=$NIND -v nr=$NREG -v months="$months" 'BEGIN {
		print "indicator,region,period,value"
		for (i = 1; i <= ni; i++)
			for (r = 0; r < nr; r++) {
				reg = r == 0 ? "NL01" : r == 1 ? "PV99" : sprintf("GM99%02d", r - 1)
				for (k = months - 1; k >= 0; k--) {
					y = 2025 - int(k / 12); m = 12 - k % 12
					printf "maand%d,%s,%dMM%02d,%d\n", i, reg, y, m, (i * 7 + r * 13 + y * 3 + m * 5) % 97 + 100
				}
			}
	}' >"$d/data/maanden.csv"
}

FULL=$((ROWS / NIND / NREG))
agenda "$W/ours" "$FULL"
agenda "$W/base" $((FULL / 8))
echo "workload: $NIND indicators x $NREG regions; ours $FULL months per series ($ROWS rows), baseline $((FULL / 8)) months ($((ROWS / 8)) rows)"

median() { sort -g | awk '{ a[NR] = $1 } END { if (NR) print a[int((NR + 1) / 2)] }'; }
cpu_of() { awk -F': ' '/User time \(seconds\)|System time \(seconds\)/ { t += $2 } END { printf "%.3f", t }' "$1"; }
now() { date +%s.%N; }
: >"$W/ours.txt"
: >"$W/base.txt"
# interleaved, so that a busy machine disturbs both sides alike
for i in $(seq 1 "$RUNS"); do
	for side in base ours; do
		rm -rf "$W/site-$side"
		t0=$(now)
		/usr/bin/time -v -o "$W/time.txt" "$TELLING" build "$W/$side" -o "$W/site-$side" >"$W/build-$side.log" 2>&1 ||
			{ cat "$W/build-$side.log" >&2; die "telling build failed on the $side agenda"; }
		t1=$(now)
		echo "$(awk -v a="$t0" -v b="$t1" 'BEGIN { printf "%.3f", b - a }') $(cpu_of "$W/time.txt")" >>"$W/$side.txt"
	done
done
grep -q 'maand1' "$W/site-ours/reeks.html" || die "the built chapter has no chart of maand1"

BW=$(cut -d' ' -f1 "$W/base.txt" | median) BC=$(cut -d' ' -f2 "$W/base.txt" | median)
OW=$(cut -d' ' -f1 "$W/ours.txt" | median) OC=$(cut -d' ' -f2 "$W/ours.txt" | median)
printf '%-9s %8s %12s %11s\n' "" rows "median wall" "median CPU"
printf '%-9s %8s %11ss %10ss\n' baseline $((ROWS / 8)) "$BW" "$BC" ours "$ROWS" "$OW" "$OC"
awk -v b="$BC" -v o="$OC" 'BEGIN { if (b <= 0) b = 0.001; printf "cpu ratio ours/baseline: %.1f× for 8× the rows\n", o / b }'
awk -v b="$BW" -v o="$OW" 'BEGIN { if (b <= 0) b = 0.001; printf "ratio ours/baseline: %.1f× for 8× the rows (linear: 8×, quadratic: 64×)\n", o / b }'
