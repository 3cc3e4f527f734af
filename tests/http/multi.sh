#!/bin/sh
# Several `telling serve` processes on one store (issue 7, concurrency):
# a session made through one process works in the others; an edit through
# process A reaches the pages of processes B and C (their watchers reload
# on the other process's commit); concurrent saves of one record through
# different processes give exactly one success and 409 for the rest, with
# one audit row (no lost update); and reads keep working through all of
# them while `telling import` writes a large file into the same store.
# Runs on SQLite here and on PostgreSQL in tests/pg/run.sh (TELLING_TEST_DB).
# Last line: "http: N passed, N failed".
. "$(dirname "$0")/lib.sh"
http_setup 5
A=$B
pid_a=$pid
pids_extra=
trap 'for p in $pids_extra; do kill "$p" 2>/dev/null; done; cleanup' EXIT

# serve_more NAME: one more `telling serve` on $DB; sets $URL; its log is
# $T/NAME.log.  Ports as in http_setup: derived, the next ones when taken.
serve_more() {
	port=$((PORT + 1))
	for _ in 1 2 3 4 5; do
		"$TELLING" serve --db "$DB" --port "$port" >"$T/$1.log" 2>&1 &
		p=$!
		URL=http://127.0.0.1:$port
		for _ in $(seq 1 300); do
			curl -s -o /dev/null "$URL/" && break
			kill -0 "$p" 2>/dev/null || break
			sleep 0.1
		done
		if kill -0 "$p" 2>/dev/null && curl -s -o /dev/null "$URL/"; then
			pids_extra="$pids_extra $p"
			PORT=$port
			return 0
		fi
		port=$((port + 1))
	done
	echo "http: could not start serve $1"
	exit 1
}
serve_more b
Bu=$URL
serve_more c
Cu=$URL

# on URL METHOD PATH [curl args…]: status of a request to that process.
on() {
	u=$1
	shift
	B=$u
	status "$@"
	B=$A
}
expect_on() {
	what=$1
	want=$2
	shift 2
	got=$(on "$@")
	if [ "$got" = "$want" ]; then ok; else not_ok "$what: $2 $3 on $1 gave $got, expected $want"; fi
}

# wait_for URL PATH TEXT: poll the page (up to 30 s) until it contains TEXT.
wait_for() {
	for _ in $(seq 1 300); do
		curl -s -o "$T/poll" "$1$2"
		grep -qF -- "$3" "$T/poll" && return 0
		sleep 0.1
	done
	return 1
}

# ---- Sessions are not report data ---------------------------------------------
# A login, a logout and the clean-up of expired sessions write the store, but
# not the report: the other processes must not reload their whole model for
# them (on a national store that is seconds of CPU per login per process).
# A reload shows as a new Last-Modified (the snapshot's build time, to the
# second) on B's pages; an edit further down does move it.
lastmod() {
	curl -s -D - -o /dev/null "$1/" | tr -d '\r' | sed -n 's/^[Ll]ast-[Mm]odified: //p'
}
lm_b=$(lastmod "$Bu")
sleep 1.2
login viewer # a session that logs out
curl -s -o /dev/null -b "$T/viewer.jar" --data-urlencode "csrf=$(cat "$T/viewer.csrf")" "$A/uitloggen"
login viewer # and one that expires: the next login deletes it
sql "UPDATE session SET expires = 1 WHERE user_id = (SELECT id FROM app_user WHERE name = 'viewer')" >/dev/null
[ "$(sql "SELECT count(*) FROM session WHERE expires = 1")" = 1 ] && ok || not_ok "the expired session is gone early"
login editor
[ "$(sql "SELECT count(*) FROM session WHERE expires = 1")" = 0 ] && ok || not_ok "a login left the expired session"
login admin
# Both engines tell sessions apart (SQLite: data_counter, migration 13).
sleep 2.5 # the watcher polls once a second
[ -n "$lm_b" ] && [ "$(lastmod "$Bu")" = "$lm_b" ] && ok ||
	not_ok "B reloaded its report after logins and a logout on A (Last-Modified $lm_b, now $(lastmod "$Bu"))"
c_editor=$(cat "$T/editor.csrf")
c_admin=$(cat "$T/admin.csrf")

# ---- One store, one set of sessions ------------------------------------------
expect_on "session made in A works in B" 200 "$Bu" GET /beheer -b "$T/editor.jar"
expect_on "session made in A works in C" 200 "$Cu" GET /beheer -b "$T/admin.jar"

# ---- An edit through A reaches B's and C's pages --------------------------------
expect "chapter form on A" 200 GET /beheer/hoofdstuk/thema -b "$T/editor.jar"
cv=$(version_of)
expect "chapter save on A" 303 POST /beheer/hoofdstuk/thema -b "$T/editor.jar" --data-urlencode "csrf=$c_editor" \
	--data-urlencode "version=$cv" --data-urlencode "action=save" --data-urlencode "markdown=Geschreven via proces A"
expect "A shows its own edit" 200 GET /thema.html
body_has "A shows its own edit" "Geschreven via proces A"
wait_for "$Bu" /thema.html "Geschreven via proces A" && ok || not_ok "B never showed the edit made through A"
[ "$(lastmod "$Bu")" != "$lm_b" ] && ok || not_ok "B's Last-Modified did not move with its reload"
wait_for "$Cu" /thema.html "Geschreven via proces A" && ok || not_ok "C never showed the edit made through A"

# A form B still holds from before A's save is stale there too.
expect_on "stale save through B" 409 "$Bu" POST /beheer/hoofdstuk/thema -b "$T/admin.jar" \
	--data-urlencode "csrf=$c_admin" --data-urlencode "version=$cv" --data-urlencode "action=save" \
	--data-urlencode "markdown=Verouderd via proces B"
body_has "B's 409 shows A's version" "Geschreven via proces A"
# The form B hands out now carries A's version, so saving from it works.
expect_on "chapter form on B" 200 "$Bu" GET /beheer/hoofdstuk/thema -b "$T/admin.jar"
cv2=$(version_of)
[ -n "$cv2" ] && [ "$cv2" -gt "$cv" ] && ok || not_ok "B's form has version $cv2, A saved over $cv"
expect_on "save through B" 303 "$Bu" POST /beheer/hoofdstuk/thema -b "$T/admin.jar" \
	--data-urlencode "csrf=$c_admin" --data-urlencode "version=$cv2" --data-urlencode "action=save" \
	--data-urlencode "markdown=Daarna via proces B"
wait_for "$A" /thema.html "Daarna via proces B" && ok || not_ok "A never showed the edit made through B"
wait_for "$Cu" /thema.html "Daarna via proces B" && ok || not_ok "C never showed the edit made through B"

# ---- Concurrent saves of one record through three processes ----------------------
expect "step form" 200 GET /beheer/stappen/2 -b "$T/editor.jar"
sv=$(version_of)
i=0
curls=
for u in "$A" "$Bu" "$Cu" "$A" "$Bu" "$Cu" "$A" "$Bu" "$Cu"; do
	i=$((i + 1))
	jar=$T/editor.jar
	c=$c_editor
	[ $((i % 2)) = 0 ] && jar=$T/admin.jar && c=$c_admin
	curl -s -o /dev/null -w '%{http_code}\n' -b "$jar" --data-urlencode "csrf=$c" \
		--data "version=$sv&theme=thema&year=2025&status=started&text=Schrijver+$i" \
		"$u/beheer/stappen/2" >"$T/conc.$i" &
	curls="$curls $!"
done
for p in $curls; do wait "$p"; done
wins=$(cat "$T"/conc.* | grep -c '^303$')
conflicts=$(cat "$T"/conc.* | grep -c '^409$')
[ "$wins" = 1 ] && ok || not_ok "concurrent saves through 3 processes: $wins won (expected exactly 1): $(cat "$T"/conc.* | tr '\n' ' ')"
[ "$conflicts" = 8 ] && ok || not_ok "concurrent saves through 3 processes: $conflicts got 409 (expected 8)"
winner=$(sql "SELECT text FROM next_step WHERE position = 2")
n_audit=$(sql "SELECT count(*) FROM audit WHERE entity = 'next step' AND entity_key = '2'")
[ "$n_audit" = 1 ] && ok || not_ok "concurrent saves left $n_audit audit rows"
case $winner in "Schrijver "*) ok ;; *) not_ok "concurrent saves stored: $winner" ;; esac
# Every process ends up serving the one stored winner.
for u in "$A" "$Bu" "$Cu"; do
	wait_for "$u" "/api/v1/next-steps?year=2025" "$winner" && ok || not_ok "$u never showed the stored step ($winner)"
done

# ---- Reads during an import into the same store -----------------------------------
# A large file (every indicator x region x month of 1800-2200) whose last row
# is bad: the import does all the work in its transaction, then rolls back,
# so the report stays small.  Reads through every process go on meanwhile:
# public pages (from the snapshot) and logged-in pages (a session lookup in
# the store, which the import is writing).
awk 'BEGIN {
	print "indicator;region;period;value;status;source;note"
	split("aandeel-a aandeel-b", ind, " ")
	split("NL01 PV22 GM0106 GM0114 GM1730", reg, " ")
	for (i = 1; i <= 2; i++) for (r = 1; r <= 5; r++) for (y = 1800; y <= 2200; y++) for (m = 1; m <= 12; m++)
		printf "%s;%s;%dMM%02d;%d,5;;gelijktijdig;\n", ind[i], reg[r], y, m, m
	print "aandeel-a;XX99;2024;1,0;;gelijktijdig;"
}' >"$T/big.csv"
n_before=$(sql "SELECT count(*) FROM observation")
"$TELLING" import "$T/big.csv" --db "$DB" >"$T/import.out" 2>"$T/import.err" &
imp=$!
during=0
bad=0
while kill -0 "$imp" 2>/dev/null; do
	for u in "$A" "$Bu" "$Cu"; do
		g=$(on "$u" GET /thema.html)
		l=$(on "$u" GET /beheer -b "$T/editor.jar")
		[ "$g" = 200 ] && [ "$l" = 200 ] || { bad=$((bad + 1)); echo "during the import: $u gave $g and $l" >>"$T/bad"; }
		# Counted only when the import was still running after the answer.
		kill -0 "$imp" 2>/dev/null && during=$((during + 1))
	done
done
wait "$imp"
rc=$?
echo "# $during reads through 3 processes answered while the import ran"
[ "$rc" != 0 ] && ok || not_ok "the import with a bad last row succeeded"
grep -q "big.csv:$(wc -l <"$T/big.csv")" "$T/import.err" && ok || not_ok "import error names the bad line: $(head -3 "$T/import.err")"
[ "$bad" = 0 ] && ok || not_ok "reads failed during the import: $(head -5 "$T/bad")"
[ "$during" -ge 3 ] && ok || not_ok "only $during reads overlapped the import (the file is too small to tell)"
[ "$(sql "SELECT count(*) FROM observation")" = "$n_before" ] && ok || not_ok "the failed import left observations"
for u in "$A" "$Bu" "$Cu"; do
	[ "$(on "$u" GET /thema.html)" = 200 ] && ok || not_ok "$u after the import"
done

# ---- Stop B and C as A is stopped: cleanly, without sanitizer reports ----------------
for p in $pids_extra; do
	kill -TERM "$p"
	wait "$p" && ok || not_ok "serve $p exited with $? on SIGTERM"
done
pids_extra=
for n in b c; do
	if grep -q "ERROR: AddressSanitizer\|runtime error\|LeakSanitizer" "$T/$n.log"; then
		not_ok "sanitizer report from serve $n:"
		cat "$T/$n.log"
	else ok; fi
done
B=$A
pid=$pid_a
http_done
