# Shared by the HTTP suites beside it: start `telling serve` (ASan+UBSan
# build) on a store made from tests/data/mini-report with one account per
# role, and small assertions over curl.  The sourcing script sets nothing;
# it gets $T (scratch, removed on exit), $B (base URL), $DB and sql, $PW, ok/not_ok,
# status/expect/body_has/body_lacks/header_has, login ROLE, csrf_of and
# version_of, and ends with http_done.
cd "$(dirname "$0")/../.."
ROOT=$PWD
TELLING=${TELLING:-$ROOT/build/asan/telling}
export ASAN_OPTIONS="${ASAN_OPTIONS:-detect_leaks=1}"
export UBSAN_OPTIONS="${UBSAN_OPTIONS:-print_stacktrace=1:halt_on_error=1}"
T=$(mktemp -d)
passed=0
failed=0
pid=

cleanup() {
	[ -n "$pid" ] && kill "$pid" 2>/dev/null
	rm -rf "$T"
}
trap cleanup EXIT

ok() { passed=$((passed + 1)); }
not_ok() {
	echo "not ok - $*"
	failed=$((failed + 1))
}

# TELLING_TEST_DB (tests/pg/run.sh): run against that store instead, e.g. a
# PostgreSQL URI; `sql` queries it with the matching shell.
DB=${TELLING_TEST_DB:-$T/s.db}
sql() {
	case $DB in
	postgres://* | postgresql://*) psql -qAtX -d "$DB" -c "$1" ;;
	*) sqlite3 "$DB" "$1" ;;
	esac
}
PW=correct-horse-battery

# http_setup SUITE_NUMBER: store, accounts (admin editor viewer; partner of
# "Stichting Test"; partner1 of "Partner Een", a partner of regeling-a),
# server on its own port.
http_setup() {
	PORT=$((20000 + ($$ * 7 + $1 * 977) % 20000))
	B=http://127.0.0.1:$PORT
	shift
	"$TELLING" init "$ROOT/tests/data/mini-report" --db "$DB" >/dev/null 2>&1 || { echo "http: init failed"; exit 1; }
	for r in admin editor viewer; do
		echo "$PW" | "$TELLING" user add "$r" --role "$r" --db "$DB" >/dev/null || not_ok "user add $r"
	done
	echo "$PW" | "$TELLING" user add partner --role partner --organisation "Stichting Test" --db "$DB" >/dev/null
	echo "$PW" | "$TELLING" user add partner1 --role partner --organisation "Partner Een" --db "$DB" >/dev/null
	# The port is derived, not reserved: when another process holds it the
	# server exits at once, so try the next few ports before giving up.
	for _ in 1 2 3 4 5; do
		"$TELLING" serve --db "$DB" --port "$PORT" "$@" >"$T/server.log" 2>&1 &
		pid=$!
		for _ in $(seq 1 300); do
			curl -s -o /dev/null "$B/" && return 0
			kill -0 "$pid" 2>/dev/null || break
			sleep 0.1
		done
		kill -0 "$pid" 2>/dev/null && return 0
		PORT=$((PORT + 1))
		B=http://127.0.0.1:$PORT
	done
}

# status METHOD PATH [curl args…]: prints the status code.
status() {
	m=$1
	p=$2
	shift 2
	curl -s --path-as-is -o "$T/body" -D "$T/headers" -w '%{http_code}' -X "$m" "$@" "$B$p"
}

# expect WHAT CODE METHOD PATH [curl args…]
expect() {
	what=$1
	want=$2
	shift 2
	got=$(status "$@")
	if [ "$got" = "$want" ]; then ok; else not_ok "$what: $1 $2 gave $got, expected $want"; fi
}

body_has() { if grep -qF -- "$2" "$T/body"; then ok; else not_ok "$1: body lacks: $2"; fi; }
body_lacks() { if grep -qF -- "$2" "$T/body"; then not_ok "$1: body contains: $2"; else ok; fi; }
header_has() { if grep -qiF -- "$2" "$T/headers"; then ok; else not_ok "$1: headers lack: $2"; fi; }

csrf_of() { grep -o 'name="csrf" value="[0-9a-f]*"' "$T/body" | head -1 | sed 's/.*value="//;s/"$//'; }
# The version an edit form was loaded at (the first on the page).
version_of() { grep -o 'name="version" value="[0-9]*"' "$T/body" | head -1 | sed 's/.*value="//;s/"$//'; }

# login ROLE: a cookie jar in $T/ROLE.jar, the session's CSRF token in $T/ROLE.csrf
login() {
	jar=$T/$1.jar
	rm -f "$jar"
	curl -s -c "$jar" -b "$jar" -o "$T/body" "$B/inloggen"
	tok=$(csrf_of)
	code=$(curl -s -c "$jar" -b "$jar" -o /dev/null -w '%{http_code}' --data-urlencode "csrf=$tok" \
		--data-urlencode "name=$1" --data-urlencode "password=$PW" "$B/inloggen")
	[ "$code" = 303 ] || not_ok "login $1 gave $code"
	curl -s -b "$jar" -o "$T/body" "$B/beheer"
	csrf_of >"$T/$1.csrf"
}

# matrix METHOD PATH BODY CODE… : one expected code per role in $ROLES
# (anon = no session).  POST bodies carry the session's CSRF token.
ROLES="anon viewer partner partner1 editor admin"
matrix() {
	m=$1
	p=$2
	data=$3
	shift 3
	for role in $ROLES; do
		want=$1
		shift
		if [ "$role" = anon ]; then
			if [ "$m" = POST ]; then got=$(status POST "$p" --data "$data"); else got=$(status GET "$p"); fi
		else
			c=$(cat "$T/$role.csrf")
			if [ "$m" = POST ]; then
				got=$(status POST "$p" -b "$T/$role.jar" --data "csrf=$c&$data")
			else
				got=$(status GET "$p" -b "$T/$role.jar")
			fi
		fi
		if [ "$got" = "$want" ]; then ok; else not_ok "role $role: $m $p gave $got, expected $want"; fi
	done
}

# Stop the server with SIGTERM, check it stopped cleanly and without a
# sanitizer report, print the summary line.
http_done() {
	if [ -n "$pid" ]; then
		kill -TERM "$pid"
		wait "$pid"
		rc=$?
		pid=
		[ "$rc" = 0 ] && ok || not_ok "serve exited with $rc on SIGTERM"
		grep -q "stopped" "$T/server.log" && ok || not_ok "no graceful stop in the log"
	fi
	if grep -q "ERROR: AddressSanitizer\|runtime error\|LeakSanitizer" "$T/server.log"; then
		not_ok "sanitizer report:"
		cat "$T/server.log"
	else ok; fi
	echo "http: $passed passed, $failed failed"
	[ "$failed" -eq 0 ]
}
