#!/bin/bash
# Check benchmark: how long `telling check` takes on the whole Drenthe example, against reading
# the same files with wc and grep, in one run.
#
#   bash bench/check.sh             (make bench-check)
#
# Measured, each RUNS times (default 7), median wall time:
#   baseline-text  wc + grep over the example's chapters (the text the check reads)
#   check-text     telling check --text on those chapters, concatenated (no data)
#   baseline-all   wc + grep over the chapters and every data file (what check FOLDER reads)
#   check-folder   telling check FOLDER: load the agenda and its data into memory, check it all
#   check-db       telling check --db FILE: the same from a store made once beforehand
#   seed           telling check --text on the seed report, when ../shared is there
# Each check line ends with its ratio to its baseline ("4.1× wc+grep").  Exit 1 if a check
# finds no errors where the example keeps the seed's (so a broken checker cannot look fast).
# Environment: RUNS, TELLING (default build/telling, made if missing).
set -euo pipefail
export LC_ALL=C
ROOT=$(cd "$(dirname "$0")/.." && pwd)
cd "$ROOT"
RUNS=${RUNS:-7}
TELLING=${TELLING:-build/telling}
EX=examples/drenthe-2025
[ -x "$TELLING" ] || make -s build/telling
W=$(mktemp -d /tmp/telling-bench-check-XXXXXX)
trap 'rm -rf "$W"' EXIT

now() { date +%s%N; }
# median of RUNS wall times (ms, 2 decimals) of "$@", output discarded
median_ms() {
	local t=()
	for _ in $(seq "$RUNS"); do
		local a b
		a=$(now)
		"$@" >/dev/null 2>&1 || true
		b=$(now)
		t+=($(((b - a) / 10000)))
	done
	printf '%s\n' "${t[@]}" | sort -n | awk '{v[NR]=$1} END {m=v[int((NR+1)/2)]; printf "%.2f", m/100}'
}
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { if (b > 0) printf "%.1f", a / b; else print "-" }'; }

cat "$EX"/chapters/*.md >"$W/chapters.md"
"$TELLING" init "$EX" --db "$W/d.db" >/dev/null 2>&1
"$TELLING" check "$EX" >"$W/out" 2>/dev/null || true
grep -q '^check: [1-9][0-9]* error' "$W/out" || { echo "bench: the check found no errors in the example" >&2; exit 1; }

base_text() { wc -lwc "$EX"/chapters/*.md && grep -c '[0-9]' "$EX"/chapters/*.md; }
base_all() { wc -lwc "$EX"/chapters/*.md "$EX"/agenda.yml "$EX"/data/* && grep -c '[0-9]' "$EX"/chapters/*.md "$EX"/data/*; }

bt=$(median_ms base_text)
ct=$(median_ms "$TELLING" check --text "$W/chapters.md" --year 2025)
ba=$(median_ms base_all)
cf=$(median_ms "$TELLING" check "$EX")
cd_=$(median_ms "$TELLING" check --db "$W/d.db")
bytes_t=$(cat "$EX"/chapters/*.md | wc -c)
bytes_a=$(cat "$EX"/chapters/*.md "$EX"/agenda.yml "$EX"/data/* | wc -c)

echo "check benchmark: $EX, median of $RUNS runs, load $(cut -d' ' -f1-3 /proc/loadavg)"
printf '%-14s %9s ms   %s\n' baseline-text "$bt" "wc + grep over the chapters ($bytes_t bytes)"
printf '%-14s %9s ms   %s× wc+grep\n' check-text "$ct" "$(ratio "$ct" "$bt")"
printf '%-14s %9s ms   %s\n' baseline-all "$ba" "wc + grep over chapters and data ($bytes_a bytes)"
printf '%-14s %9s ms   %s× wc+grep\n' check-folder "$cf" "$(ratio "$cf" "$ba")"
printf '%-14s %9s ms   %s× wc+grep\n' check-db "$cd_" "$(ratio "$cd_" "$ba")"
SEED=$ROOT/../shared/seed/000_e6398055a67304f1.txt
if [ -f "$SEED" ]; then
	bs=$(median_ms sh -c "wc -lwc '$SEED' && grep -c '[0-9]' '$SEED'")
	cs=$(median_ms "$TELLING" check --text "$SEED" --year 2025)
	printf '%-14s %9s ms   %s× wc+grep (%s ms)\n' seed "$cs" "$(ratio "$cs" "$bs")" "$bs"
fi
