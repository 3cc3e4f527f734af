#!/bin/sh
# A `kill -9` at any moment of an import leaves the store as it was before
# the import, or — if the commit got through — with the whole file: never
# half.  Repeated at fixed and at random moments (the seed is printed, so a
# failure can be replayed with KILL_SEED=N); the observations must then be
# exactly those from before, row for row, or those plus the whole file.
# On PostgreSQL the kill ends the client; the server rolls the import back.
# engines: sqlite postgresql
. "$(dirname "$0")/lib.sh"
K=$(store k)
"$TELLING" init "$ROOT/tests/data/mini-agenda" --db "$K" >/dev/null
before=$(q "$K" 'SELECT count(*) FROM observation')
# The cells, ordered, as one fingerprint (not their import ids: each round
# starts with a fresh init, and PostgreSQL's identity counter never goes back).
obs_sum() {
	q "$1" 'SELECT indicator, region, period, value, status, source, note FROM observation' | LC_ALL=C sort | cksum
}
sum_before=$(obs_sum "$K")
seed=${KILL_SEED:-$(od -An -N2 -tu2 /dev/urandom | tr -d ' ')}
# Eight random moments between 0.005 s and 0.6 s.
random_delays=$(awk -v s="$seed" 'BEGIN { srand(s); for (i = 0; i < 8; i++) printf "%.3f ", 0.005 + rand() * 0.595 }')
# 3 indicators x 5 regions x 401 years x 12 months = 72 180 synthetic rows.
awk 'BEGIN {
	print "indicator,region,period,value";
	split("aandeel-a aandeel-b bedrag-c", ind, " ");
	split("NL01 PV22 GM0106 GM0114 GM1730", reg, " ");
	for (i = 1; i <= 3; i++) for (r = 1; r <= 5; r++) for (y = 1800; y <= 2200; y++)
		for (m = 1; m <= 12; m++) printf "%s,%s,%dMM%02d,%d.%d\n", ind[i], reg[r], y, m, y % 97, m;
}' >"$T/big.csv"
rows=$(($(wc -l <"$T/big.csv") - 1))
full=""
for delay in 0.01 0.03 0.05 0.08 0.12 0.2 0.3 0.5 $random_delays; do
	# Our own sleep-and-kill, so the kill lands on the import itself.
	"$TELLING" import "$T/big.csv" --db "$K" >/dev/null 2>&1 &
	pid=$!
	sleep "$delay"
	kill -9 "$pid" 2>/dev/null || true
	wait "$pid" 2>/dev/null || true
	if ! is_pg "$K"; then
		[ "$(q "$K" 'PRAGMA integrity_check')" = ok ] || fail "integrity check failed after kill at ${delay}s (seed $seed)"
	fi
	n=$(q "$K" 'SELECT count(*) FROM observation')
	if [ "$n" -ne "$before" ]; then
		[ "$n" -eq $((before + rows)) ] || fail "half an import after kill at ${delay}s (seed $seed): $n observations (before $before, file $rows)"
		full=yes
	else
		[ "$(obs_sum "$K")" = "$sum_before" ] || fail "observations changed after kill at ${delay}s (seed $seed) though their count did not"
	fi
	# Start each round from the same state.
	"$TELLING" init "$ROOT/tests/data/mini-agenda" --db "$K" >/dev/null
done
echo "kills survived (seed $seed); a complete import seen: ${full:-no}"
