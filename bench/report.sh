#!/bin/bash
# Report benchmark: telling against the R Markdown + ggplot2 peer, on the same workload, in one run.
#
#   bash bench/report.sh            (make bench)
#
# Workload: the peer's data.csv (12 regions x 40 indicators x 2020-2025, long format
# region,indicator,year,value), turned here with awk into a telling agenda folder: 40 indicators,
# Nederland (NL01) = the mean of the 12 regions per indicator and year (the peer's own definition of
# its "national" line), focus province PV99 = "Regio 01", and the 12 regions as gemeenten
# GM9901..GM9912 under PV99 (so each bar chart has 12 bars); one theme chapter with, per indicator,
# a heading, a sentence with value bindings and {{grafiek indNN}} (line chart + bar chart).
#
# Ours:  `telling init` + `telling build`, RUNS times (default 5), median wall and peak RSS.
# Peer:  `bash ../shared/peers/rmd/bench.sh svg PEER_RUNS` (default 3), median wall and peak RSS.
# The last line is `speedup: N×` = peer median wall / our median wall.
#
# Environment: RUNS, PEER_RUNS, TELLING (default build/telling, made with `make build/telling` if
# missing), KEEP=1 keeps the work folder (agenda, sites, logs) and prints where it is.
# Needs ../shared beside the repository (benchmarks may use it; nothing else may), R and pandoc
# (tools/peer-setup.sh installs them as root), /usr/bin/time.
set -euo pipefail
export LC_ALL=C

ROOT=$(git -C "$(dirname "$0")" rev-parse --show-toplevel 2>/dev/null || (cd "$(dirname "$0")/.." && pwd))
cd "$ROOT"
SHARED=$(cd "$ROOT/.." && pwd)/shared
PEER=$SHARED/peers/rmd
RUNS=${RUNS:-5}
PEER_RUNS=${PEER_RUNS:-3}
TELLING=${TELLING:-build/telling}

die() { echo "bench: $*" >&2; exit 1; }

[ -d "$SHARED" ] || die "no ../shared beside the repository (looked for $SHARED); the benchmark compares against the peer in shared/peers/rmd and cannot run without it"
for f in bench.sh data.csv report.Rmd; do
	[ -f "$PEER/$f" ] || die "the R Markdown peer is incomplete: $PEER/$f is missing"
done
[ -x /usr/bin/time ] || die "/usr/bin/time is missing (apt-get install -y time)"
bash tools/peer-setup.sh || die "the peer's packages are missing (see above)"

LOAD0=$(cut -d' ' -f1-3 /proc/loadavg)
W=$(mktemp -d /tmp/telling-bench-XXXXXX)
if [ "${KEEP:-0}" = 1 ]; then
	trap 'echo "bench: work folder kept: $W" >&2' EXIT
else
	trap 'rm -rf "$W"' EXIT
fi

# --- 1. the peer's data as a telling agenda folder ----------------------------------------------
AG=$W/agenda
mkdir -p "$AG/chapters" "$AG/data"
DATA=$PEER/data.csv
head -1 "$DATA" | tr -d '\r' | grep -qx 'region,indicator,year,value' ||
	die "$DATA: expected the header region,indicator,year,value"
FOCUS_NAME="Regio 01"   # the peer's params$focus

tail -n +2 "$DATA" | tr -d '\r' | cut -d, -f1 | sort -u >"$W/regions.txt"
tail -n +2 "$DATA" | tr -d '\r' | cut -d, -f2 | sort -u >"$W/indicators.txt"
tail -n +2 "$DATA" | tr -d '\r' | cut -d, -f3 | sort -n -u >"$W/years.txt"
grep -qx "$FOCUS_NAME" "$W/regions.txt" || die "$DATA has no region \"$FOCUS_NAME\" (the peer's focus)"
FIRST=$(head -1 "$W/years.txt")
LAST=$(tail -1 "$W/years.txt")
NREG=$(wc -l <"$W/regions.txt")
NIND=$(wc -l <"$W/indicators.txt")
[ "$NREG" -le 99 ] || die "more than 99 regions: the GM99NN codes run out"

# data/obs.csv: the 12 regions as gemeenten GM9901.., Regio 01 again as the province PV99, and
# Nederland NL01 as the mean of all regions per indicator and year (as the peer's report.Rmd does).
{
	echo "indicator,region,period,value,status,source,note"
	tail -n +2 "$DATA" | tr -d '\r' | awk -F, -v focus="$FOCUS_NAME" -v regions="$W/regions.txt" '
		BEGIN { while ((getline r < regions) > 0) code[r] = sprintf("GM99%02d", ++n) }
		NF != 4 || $4 == "" { printf "bench: bad line %d in data.csv: %s\n", NR + 1, $0 > "/dev/stderr"; bad = 1; next }
		{
			printf "%s,%s,%s,%s,,Synthetisch,\n", $2, code[$1], $3, $4
			if ($1 == focus) printf "%s,PV99,%s,%s,,Synthetisch,\n", $2, $3, $4
			k = $2 "," $3; sum[k] += $4; cnt[k]++
		}
		END {
			for (k in sum) printf "%s,NL01,%s,%.4f,,\"gemiddelde van 12 regio'"'"'s\",\n", substr(k, 1, index(k, ",") - 1), substr(k, index(k, ",") + 1), sum[k] / cnt[k]
			exit bad
		}' | sort -t, -k1,1 -k2,2 -k3,3n
} >"$AG/data/obs.csv"

# agenda.yml
{
	printf 'agenda: {slug: bench, title: "Benchmark", subtitle: "Peer-workload", organisation: "Benchmark", period: [%s, %s], report_year: %s, report_title: "Benchmarkrapport", focus_region: PV99, national_region: NL01, lang: nl}\n' "$FIRST" "$LAST" "$LAST"
	echo 'themes:'
	echo '  - {slug: bench, title: "Indicatoren", subtitle: "Peer-workload", goals: [{number: 1, title: "Benchmark"}]}'
	echo 'indicators:'
	awk '{ printf "  - {slug: %s, theme: bench, title: \"Indicator %s\", unit: \"\", decimals: 1, polarity: neutral, source: \"Synthetisch\", goals: [1]}\n", $0, $0 }' "$W/indicators.txt"
	echo 'regions:'
	echo '  - {code: NL01, name: Nederland, level: land}'
	printf '  - {code: PV99, name: "%s", level: provincie, parent: NL01}\n' "$FOCUS_NAME"
	awk '{ printf "  - {code: GM99%02d, name: \"%s\", level: gemeente, parent: PV99}\n", NR, $0 }' "$W/regions.txt"
	echo 'chapters:'
	echo '  - {file: rapport.md, theme: bench}'
} >"$AG/agenda.yml"

# chapters/rapport.md: the four sections of a theme chapter; per indicator a heading, a sentence
# with bindings and the charts (the peer writes one generated sentence and two charts per indicator).
{
	printf '## Wat willen we bereiken?\n\nDit hoofdstuk herhaalt de werklast van de R Markdown-vergelijking: %s indicatoren, %s regio%s, %s–%s.\n\n' "$NIND" "$NREG" "$([ "$NREG" = 1 ] || echo "'s")" "$FIRST" "$LAST"
	printf '## Doelstellingen\n\n{{doelstellingen}}\n\n'
	printf '## Waar staan we nu?\n\nPer indicator de waarde in %s tegen het gemiddelde van de regio'"'"'s.\n\n' "$FOCUS_NAME"
	awk -v first="$FIRST" -v last="$LAST" -v focus="$FOCUS_NAME" '{
		printf "## Indicator %s\n\n", $0
		printf "In %s is de waarde in %s {{%s PV99 %s}}, tegen {{%s NL01 %s}} gemiddeld in de regio'"'"'s. In %s was de waarde in %s {{%s PV99 %s}}.\n\n", last, focus, $0, last, $0, last, first, focus, $0, first
		printf "{{grafiek %s}}\n\n", $0
	}' "$W/indicators.txt"
	printf '## Hoe gaan we verder?\n\nDe vergelijking draait bij elke wijziging van de renderer opnieuw.\n'
} >"$AG/chapters/rapport.md"

NOBS=$(($(wc -l <"$AG/data/obs.csv") - 1))
echo "workload: $NIND indicators x $NREG regions x $FIRST-$LAST from $DATA"
echo "agenda:   $AG ($NOBS observations in data/obs.csv, $(grep -c '{{grafiek' "$AG/chapters/rapport.md") chart bindings)"

# --- 2. ours ------------------------------------------------------------------------------------
secs() { awk -F: '{ if (NF == 3) print $1 * 3600 + $2 * 60 + $3; else print $1 * 60 + $2 }'; }
field() { awk -F': ' -v k="$1" 'index($0, k) { print $2 }' "$2"; }
median() { sort -g | awk '{ a[NR] = $1 } END { if (NR) print a[int((NR + 1) / 2)] }'; }
now() { date +%s.%N; }
# user + system seconds from one or more `/usr/bin/time -v` reports
cpu_of() { awk -F': ' '/User time \(seconds\)|System time \(seconds\)/ { t += $2 } END { printf "%.3f", t }'; }

ours_ok=0
if [ ! -x "$TELLING" ] && [ "$TELLING" = build/telling ]; then
	echo "bench: building build/telling" >&2
	make -s build/telling >&2 || echo "bench: make build/telling failed" >&2
fi
if [ -x "$TELLING" ]; then
	ours_ok=1
	: >"$W/ours.txt"
	for i in $(seq 1 "$RUNS"); do
		DB=$W/run-$i.db SITE=$W/site-$i
		rm -rf "$DB" "$SITE"
		t0=$(now)
		if ! /usr/bin/time -v -o "$W/time-init-$i.txt" "$TELLING" init "$AG" --db "$DB" >"$W/init-$i.log" 2>&1; then
			echo "bench: telling init failed (run $i):" >&2; tail -20 "$W/init-$i.log" >&2; ours_ok=0; break
		fi
		t1=$(now)
		if ! /usr/bin/time -v -o "$W/time-build-$i.txt" "$TELLING" build --db "$DB" -o "$SITE" >"$W/build-$i.log" 2>&1; then
			echo "bench: telling build failed (run $i):" >&2; tail -20 "$W/build-$i.log" >&2; ours_ok=0; break
		fi
		t2=$(now)
		ri=$(field 'Maximum resident set size' "$W/time-init-$i.txt")
		rb=$(field 'Maximum resident set size' "$W/time-build-$i.txt")
		wi=$(awk -v a="$t0" -v b="$t1" 'BEGIN { printf "%.3f", b - a }')
		wb=$(awk -v a="$t1" -v b="$t2" 'BEGIN { printf "%.3f", b - a }')
		wall=$(awk -v a="$t0" -v b="$t2" 'BEGIN { printf "%.3f", b - a }')
		rss=$((ri > rb ? ri : rb))
		cpu=$(cat "$W/time-init-$i.txt" "$W/time-build-$i.txt" | cpu_of)
		echo "$wall $wi $wb $rss $cpu" >>"$W/ours.txt"
		echo "ours run $i: wall=${wall}s (init ${wi}s, build ${wb}s) maxrss=${rss}kB (init ${ri}kB, build ${rb}kB)"
		[ "$i" = "$RUNS" ] || rm -rf "$SITE"
	done
else
	echo "bench: no telling binary at $TELLING; timing the peer only" >&2
fi

if [ "$ours_ok" = 1 ]; then
	OUR_WALL=$(cut -d' ' -f1 "$W/ours.txt" | median)
	OUR_INIT=$(cut -d' ' -f2 "$W/ours.txt" | median)
	OUR_BUILD=$(cut -d' ' -f3 "$W/ours.txt" | median)
	OUR_RSS=$(cut -d' ' -f4 "$W/ours.txt" | sort -n | tail -1)
	OUR_CPU=$(cut -d' ' -f5 "$W/ours.txt" | median)
	SITE=$W/site-$RUNS
	# the report page = the page with the most inline charts
	CH="" OUR_SVGS=0 OUR_ALL_SVGS=0
	while IFS= read -r f; do
		n=$( (grep -o '<svg' "$f" || true) | wc -l)
		OUR_ALL_SVGS=$((OUR_ALL_SVGS + n))
		if [ -z "$CH" ] || [ "$n" -gt "$OUR_SVGS" ]; then CH=$f OUR_SVGS=$n; fi
	done < <(find "$SITE" -name '*.html' | sort)
	[ -n "$CH" ] || die "telling build wrote no HTML page into $SITE"
	OUR_PAGE=$(stat -c %s "$CH")
	# a chart is a <figure>; each may hold more than one <svg> (e.g. a wide and a narrow drawing)
	OUR_FIGS=$( (grep -o '<figure' "$CH" || true) | wc -l)
	OUR_SITE=$(du -sb "$SITE" | cut -f1)
	OUR_FILES=$(find "$SITE" -type f | wc -l)
fi

# --- 3. the peer, in the same run ------------------------------------------------------------------
echo "peer: bash $PEER/bench.sh svg $PEER_RUNS (R Markdown + ggplot2)"
LOGDIR=$W/peer-logs bash "$PEER/bench.sh" svg "$PEER_RUNS" | sed 's/^/peer /' ||
	die "the peer failed; its logs: $W/peer-logs (run with KEEP=1 to keep them)"
SUM=$(grep '^SUMMARY' "$W/peer-logs/summary-svg.txt" | tail -1)
PEER_WALL=$(sed -n 's/.*median_wall=\([0-9.]*\)s.*/\1/p' <<<"$SUM")
PEER_RSS=$(sed -n 's/.*peak_rss=\([0-9]*\)kB.*/\1/p' <<<"$SUM")
PEER_CPU=$(for f in "$W"/peer-logs/time-svg-*.txt; do cpu_of <"$f"; echo; done | median)
LASTRUN=$(grep '^run ' "$W/peer-logs/summary-svg.txt" | tail -1)
PEER_PAGE=$(sed -n 's/.* html=\([0-9]*\)B.*/\1/p' <<<"$LASTRUN")
PEER_IMGS=$(sed -n 's/.* imgs=\([0-9]*\).*/\1/p' <<<"$LASTRUN")
[ -n "$PEER_WALL" ] || die "the peer gave no median wall time (logs: $W/peer-logs)"

# --- 4. summary ----------------------------------------------------------------------------------
mib() { awk -v k="$1" 'BEGIN { printf "%.1f MiB", k / 1024 }'; }
kib() { awk -v b="$1" 'BEGIN { printf "%.1f KiB", b / 1024 }'; }
echo
echo "== report benchmark ($(date -u +%FT%TZ), $(nproc) cores, $(uname -m); load average before $LOAD0, after $(cut -d' ' -f1-3 /proc/loadavg))"
[ "$(awk -v n="$(nproc)" '{ print ($1 > n) }' /proc/loadavg)" = 0 ] ||
	echo "bench: note: other work kept the machine busy (1-min load above $(nproc)): both times are inflated; compare the ratio" >&2
printf '%-8s %12s %11s %12s %14s %s\n' "" "median wall" "median CPU" "peak RSS" "report page" "charts"
printf '%-8s %11ss %10ss %12s %14s %s\n' peer "$PEER_WALL" "$PEER_CPU" "$(mib "$PEER_RSS")" "$(kib "$PEER_PAGE")" \
	"$PEER_IMGS SVG charts as <img> data: URIs (no alt text), 1 self-contained HTML file; $PEER_RUNS runs"
if [ "$ours_ok" = 1 ]; then
	printf '%-8s %11ss %10ss %12s %14s %s\n' telling "$OUR_WALL" "$OUR_CPU" "$(mib "$OUR_RSS")" "$(kib "$OUR_PAGE")" \
		"$OUR_FIGS charts (<figure>) with $OUR_SVGS inline <svg> on ${CH#"$SITE"/} ($OUR_ALL_SVGS <svg> in all pages); site $(kib "$OUR_SITE") in $OUR_FILES files; $RUNS runs"
	echo "telling: init ${OUR_INIT}s + build ${OUR_BUILD}s (medians)"
	awk -v p="$PEER_CPU" -v o="$OUR_CPU" 'BEGIN { if (o <= 0) o = 0.001; printf "cpu ratio (user+sys, less sensitive to a busy machine): %.1f×\n", p / o }'
	[ "$OUR_FIGS" -ge $((2 * NIND)) ] || echo "bench: warning: expected $((2 * NIND)) charts (a line and a bar chart per indicator) on the report page, found $OUR_FIGS <figure>" >&2
	awk -v p="$PEER_WALL" -v o="$OUR_WALL" 'BEGIN { if (o <= 0) o = 0.001; printf "speedup: %.1f×\n", p / o }'
else
	echo "telling: not measured (no working $TELLING)"
	echo "speedup: n/a (telling did not run)" >&2
	exit 1
fi
