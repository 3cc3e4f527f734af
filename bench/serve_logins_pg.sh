#!/usr/bin/env bash
# What logins through one `telling serve` cost another serve on the same
# PostgreSQL database (session rows are bookkeeping, not report data):
#
#   tools/pg-test.sh bash bench/serve_logins_pg.sh      (LOGINS=10 ROUNDS=2)
#   BEFORE=/path/to/older/telling tools/pg-test.sh bash bench/serve_logins_pg.sh
#
# Loads examples/drenthe-2025 into the database, starts serves A and B,
# and reads B's CPU time (utime + stime, /proc) over LOGINS logins on A and
# over the same time with nothing happening (the baseline, in the same
# round).  With BEFORE set, each round runs that binary's pair first and
# build/telling's after it, alternated.  A data edit on A must reach B: each
# round ends with one, and checks B's Last-Modified moved.
set -euo pipefail
cd "$(dirname "$0")/.."
[ -n "${TELLING_PG_URI:-}" ] || { echo "bench/serve_logins_pg.sh: run it inside tools/pg-test.sh" >&2; exit 1; }
LOGINS=${LOGINS:-10}
ROUNDS=${ROUNDS:-2}
make -s build/telling
NOW=$PWD/build/telling
PG=$TELLING_PG_URI
W=$(mktemp -d)
a= b=
cleanup() {
	for p in $a $b; do kill "$p" 2>/dev/null || true; done
	rm -rf "$W"
}
trap cleanup EXIT
"$NOW" init examples/drenthe-2025 --db "$PG" >/dev/null 2>&1
PW=bench-only-password
echo "$PW" | "$NOW" user add admin --role admin --db "$PG" >/dev/null
ticks() { awk '{print $14 + $15}' "/proc/$1/stat"; }
lastmod() { curl -s -D - -o /dev/null "$1/" | tr -d '\r' | sed -n 's/^[Ll]ast-[Mm]odified: //p'; }
PA=$((41000 + $$ % 4000))
PB=$((PA + 1))
A=http://127.0.0.1:$PA
B=http://127.0.0.1:$PB
login() {
	rm -f "$W/jar"
	tok=$(curl -s -c "$W/jar" -b "$W/jar" "$A/inloggen" | sed -n 's/.*name="csrf" value="\([0-9a-f]*\)".*/\1/p' | head -1)
	code=$(curl -s -c "$W/jar" -b "$W/jar" -o /dev/null -w '%{http_code}' --data-urlencode "csrf=$tok" \
		--data-urlencode "name=admin" --data-urlencode "password=$PW" "$A/inloggen")
	[ "$code" = 303 ] || { echo "bench/serve_logins_pg.sh: login gave $code" >&2; exit 1; }
}
round() { # BINARY LABEL
	"$1" serve --db "$PG" --port "$PA" >"$W/a.log" 2>&1 &
	a=$!
	"$1" serve --db "$PG" --port "$PB" >"$W/b.log" 2>&1 &
	b=$!
	for _ in $(seq 1 300); do curl -s -o /dev/null "$A/" && curl -s -o /dev/null "$B/" && break; sleep 0.1; done
	sleep 2
	start=$(date +%s.%N)
	t0=$(ticks "$b")
	for _ in $(seq 1 "$LOGINS"); do login; done
	sleep 2 # B's watcher polls once a second
	t1=$(ticks "$b")
	secs=$(awk -v s="$start" -v e="$(date +%s.%N)" 'BEGIN { printf "%.1f", e - s }')
	sleep "$secs"
	t2=$(ticks "$b")
	lm=$(lastmod "$B")
	sleep 1.1
	# A data edit through A (the chapter form) must still reach B.
	curl -s -b "$W/jar" -o "$W/form" "$A/beheer/hoofdstuk/gezondheid"
	csrf=$(sed -n 's/.*name="csrf" value="\([0-9a-f]*\)".*/\1/p' "$W/form" | head -1)
	ver=$(sed -n 's/.*name="version" value="\([0-9]*\)".*/\1/p' "$W/form" | head -1)
	md=$(awk '/<textarea/,/<\/textarea>/' "$W/form" | sed -e 's/.*<textarea[^>]*>//' -e 's/<\/textarea>.*//' |
		sed -e 's/&lt;/</g' -e 's/&gt;/>/g' -e 's/&quot;/"/g' -e "s/&#39;/'/g" -e 's/&amp;/\&/g')
	code=$(curl -s -b "$W/jar" -o /dev/null -w '%{http_code}' --data-urlencode "csrf=$csrf" --data-urlencode "version=$ver" \
		--data-urlencode "action=save" --data-urlencode "markdown=$md"$'\n\n'"Bewerkt (bench)." "$A/beheer/hoofdstuk/gezondheid")
	moved=no
	for _ in $(seq 1 100); do [ "$(lastmod "$B")" != "$lm" ] && moved=yes && break; sleep 0.1; done
	printf '%-7s B: %3d cs CPU over %d logins on A (%s s), %3d cs over the same time idle; edit (%s) reloaded B: %s\n' \
		"$2" $((t1 - t0)) "$LOGINS" "$secs" $((t2 - t1)) "$code" "$moved"
	kill "$a" "$b"
	wait "$a" "$b" 2>/dev/null || true
	a= b=
}
echo "== serve logins ($(date -u +%FT%TZ), $(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg)); cs = 1/100 s"
for _ in $(seq 1 "$ROUNDS"); do
	[ -n "${BEFORE:-}" ] && round "$BEFORE" before
	round "$NOW" now
done
