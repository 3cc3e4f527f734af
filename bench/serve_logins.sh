#!/usr/bin/env bash
# Logins through one `telling serve` and what they cost another serve on the
# same store: two serves (A, B) on one store of the Drenthe example (SQLite,
# or the PostgreSQL database TELLING_BENCH_DB names), LOGINS logins through A
# spaced past B's one-second poll, then as long idle.  Prints how often B
# reloaded its report during the logins (a reload shows as a new
# Last-Modified) and B's CPU time during the logins and idle, and the ratio
# logins/idle (1.00: logins cost B nothing).  A data edit (a user added) at
# the end must still make B reload: the last line says whether it did.
set -euo pipefail
cd "$(dirname "$0")/.."
LOGINS=${LOGINS:-10}
command -v curl >/dev/null || { echo "bench/serve_logins: needs curl" >&2; exit 1; }
make -s build/telling
T=$(mktemp -d)
DB=${TELLING_BENCH_DB:-$T/d.db}
PA=$((30000 + $$ % 10000 + 20))
PB=$((PA + 1))
pids=()
cleanup() {
	for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done
	wait 2>/dev/null || true
	rm -rf "$T"
}
trap cleanup EXIT
PW=correct-horse-battery
./build/telling init examples/drenthe-2025 --db "$DB" >/dev/null 2>&1
echo "$PW" | ./build/telling user add bench --role viewer --db "$DB" >/dev/null
for p in "$PA" "$PB"; do
	./build/telling serve --db "$DB" --port "$p" >"$T/serve-$p.log" 2>&1 &
	pids+=($!)
	for _ in $(seq 1 100); do curl -s -o /dev/null "http://127.0.0.1:$p/" && break; sleep 0.1; done
done
pid_b=${pids[1]}
A=http://127.0.0.1:$PA
B=http://127.0.0.1:$PB

cpu_ticks() { awk '{print $14 + $15}' "/proc/$1/stat"; }
lastmod() { curl -s -D - -o /dev/null "$B/" | tr -d '\r' | sed -n 's/^[Ll]ast-[Mm]odified: //p'; }
login() {
	rm -f "$T/jar"
	tok=$(curl -s -c "$T/jar" -b "$T/jar" "$A/inloggen" | grep -o 'name="csrf" value="[0-9a-f]*"' | head -1 |
		sed 's/.*value="//;s/"$//')
	curl -s -c "$T/jar" -b "$T/jar" -o /dev/null --data-urlencode "csrf=$tok" --data-urlencode "name=bench" \
		--data-urlencode "password=$PW" "$A/inloggen"
}

sleep 1.5
reloads=0
prev=$(lastmod)
c0=$(cpu_ticks "$pid_b")
for _ in $(seq 1 "$LOGINS"); do
	login
	sleep 1.3 # B's watcher polls once a second; Last-Modified is to the second
	now=$(lastmod)
	[ "$now" != "$prev" ] && reloads=$((reloads + 1))
	prev=$now
done
c1=$(cpu_ticks "$pid_b")
sleep "$(echo "$LOGINS * 1.3" | bc)"
c2=$(cpu_ticks "$pid_b")
hz=$(getconf CLK_TCK)
echo "== serve logins ($(date -u +%FT%TZ), $(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg); $LOGINS logins through A)"
echo "store: ${TELLING_BENCH_DB:+PostgreSQL}${TELLING_BENCH_DB:-SQLite} (examples/drenthe-2025)"
echo "B reloaded: $reloads of $LOGINS logins"
awk -v a=$((c1 - c0)) -v i=$((c2 - c1)) -v hz="$hz" 'BEGIN {
	printf "B cpu: logins %.2f s, idle %.2f s, ratio: %s\n", a / hz, i / hz,
		(i > 0 ? sprintf("%.2f", a / i) : "n/a (idle under a tick)") }'
echo "$PW" | ./build/telling user add bench2 --role viewer --db "$DB" >/dev/null
sleep 1.5
[ "$(lastmod)" != "$prev" ] && echo "data edit: B reloaded" || echo "data edit: B did NOT reload"
