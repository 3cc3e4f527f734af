#!/bin/sh
# HTTP tests of telling serve's defences and shutdown: slow clients (a
# request or body sent a byte at a time is cut off after --request-time),
# the per-address connection cap, and SIGTERM in the middle of an upload
# import (the import completes and answers, new connections are refused,
# the store is closed cleanly, nothing is lost).
# Last line: "http: N passed, N failed".
. "$(dirname "$0")/lib.sh"
C="node $ROOT/tests/http/client.mjs"
http_setup 4 --timeout 2 --request-time 3 --per-ip 4
login editor

expect "a normal request" 200 GET /

# within: SECONDS LIMIT — 1 when SECONDS (or "open") is at most LIMIT
within() { [ "$1" != open ] && awk -v t="$1" -v l="$2" 'BEGIN { exit !(t <= l) }'; }

# ---- Slow clients: a byte every 1.5 s never trips the 2 s idle timeout --------
t=$($C trickle "$PORT" header 1500 15)
within "$t" 7 && ok || not_ok "slow headers kept their connection: $t s (request time 3 s)"
t=$($C trickle "$PORT" body 1500 15)
within "$t" 7 && ok || not_ok "slow body kept its connection: $t s (request time 3 s)"
expect "still answers after slow clients" 200 GET /

# ---- At most --per-ip connections from one address ---------------------------------
out=$($C hold "$PORT" 4)
first=$(echo "$out" | sed -n 1p)
second=$(echo "$out" | sed -n 2p)
case $first in refused | timeout) ok ;; *) not_ok "a fifth connection was served: $first" ;; esac
case $second in *" 200 "*) ok ;; *) not_ok "after the four closed: $second" ;; esac

# ---- SIGTERM during an upload import: it completes, nothing is lost --------------------
# Twelve thousand new cells (months of 1960–2159 for five regions, plus a
# header): large enough that the upload is still coming in at SIGTERM.
awk 'BEGIN {
	print "indicator;region;period;value;status;source;note"
	split("NL01 PV22 GM0106 GM0114 GM1730", r, " ")
	for (y = 1960; y < 2160; y++) for (m = 1; m <= 12; m++) for (i = 1; i <= 5; i++)
		printf "aandeel-a;%s;%dMM%02d;%d,5;;test;\n", r[i], y, m, (y + m + i) % 90
}' >"$T/groot.csv"
rows=$(($(wc -l <"$T/groot.csv") - 1))
n_before=$(sqlite3 "$DB" 'SELECT count(*) FROM obs')
cookie="tl_session=$(awk '$6 == "tl_session" { print $7 }' "$T/editor.jar")"
$C upload "$PORT" "$cookie" "$(cat "$T/editor.csrf")" "$T/groot.csv" "$T/go" >"$T/upload.out" 2>&1 &
up=$!
for _ in $(seq 1 100); do
	grep -q half "$T/upload.out" && break
	sleep 0.05
done
kill -TERM "$pid"
sleep 0.3
code=$(curl -s -o /dev/null -m 1 -w '%{http_code}' "$B/")
[ "$code" = 000 ] && ok || not_ok "a new connection after SIGTERM was answered: $code"
touch "$T/go"
wait "$up"
[ "$(sed -n 2p "$T/upload.out")" = 200 ] && ok || not_ok "upload during shutdown: $(cat "$T/upload.out")"
[ "$(sed -n 3p "$T/upload.out")" = imported ] && ok || not_ok "upload during shutdown: $(cat "$T/upload.out")"
wait "$pid"
rc=$?
pid=
[ "$rc" = 0 ] && ok || not_ok "serve exited with $rc after SIGTERM"
grep -q "stopped" "$T/server.log" && ok || not_ok "no graceful stop in the log"
n_after=$(sqlite3 "$DB" 'SELECT count(*) FROM obs')
[ "$n_after" = $((n_before + rows)) ] && ok || not_ok "after shutdown: $n_after cells, expected $n_before + $rows"
[ "$(sqlite3 "$DB" 'PRAGMA integrity_check')" = ok ] && ok || not_ok "store not intact after shutdown"
[ ! -s "$DB-wal" ] && ok || not_ok "the store was not closed cleanly (write-ahead log left: $(wc -c <"$DB-wal") bytes)"
n_audit=$(sqlite3 "$DB" "SELECT count(*) FROM audit WHERE action = 'import' AND entity_key = 'groot.csv'")
[ "$n_audit" = 1 ] && ok || not_ok "the import's audit row: $n_audit"

http_done
