#!/bin/sh
# make check-pg: the store, import, report and server tests against a real
# PostgreSQL.  Run inside tools/pg-test.sh, which starts a throwaway cluster
# and exports TELLING_PG_URI (it fails, exit 2, when PostgreSQL cannot start:
# these tests never skip).  Last line: "pg: N passed, N failed".
cd "$(dirname "$0")/../.."
[ -n "${TELLING_PG_URI:-}" ] || { echo "tests/pg/run.sh: TELLING_PG_URI not set: run through tools/pg-test.sh" >&2; exit 2; }
export TELLING="${TELLING:-$PWD/build/asan/telling}"
export ASAN_OPTIONS="${ASAN_OPTIONS:-detect_leaks=1}"
export UBSAN_OPTIONS="${UBSAN_OPTIONS:-print_stacktrace=1:halt_on_error=1}"
passed=0
failed=0
result() {
	if [ "$1" -eq 0 ]; then
		echo "ok - $2"
		passed=$((passed + 1))
	else
		echo "not ok - $2"
		sed 's/^/    /' "$3" | tail -40
		failed=$((failed + 1))
	fi
}
empty() {
	psql -qAtX -d "$TELLING_PG_URI" -c 'DROP SCHEMA public CASCADE; CREATE SCHEMA public' >/dev/null 2>&1
}
log=$(mktemp)
trap 'rm -f "$log"' EXIT

# Unit tests of the seam and of everything that writes or reads a store.
for t in sql store obs_import mapper regions report; do
	TELLING_TEST_PG=1 "build/asan/tests/${t}_test" >"$log" 2>&1
	result $? "unit $t (PostgreSQL)" "$log"
done

# The HTTP tests of telling serve, with the store in PostgreSQL.
empty
TELLING_TEST_DB=$TELLING_PG_URI sh tests/http/run.sh >"$log" 2>&1
rc=$?
grep -q 'http: [0-9]* passed, 0 failed' "$log" || rc=1
result $rc "http (PostgreSQL): $(tail -1 "$log")" "$log"

# Edits (version checks, concurrent writers), the dashboard, and several
# serve processes on one database (tests/http/multi.sh), likewise.
for t in edit dash multi; do
	empty
	TELLING_TEST_DB=$TELLING_PG_URI sh "tests/http/$t.sh" >"$log" 2>&1
	rc=$?
	grep -q 'http: [0-9]* passed, 0 failed' "$log" || rc=1
	result $rc "http $t (PostgreSQL): $(tail -1 "$log")" "$log"
done

for t in tests/pg/t[0-9]*.sh; do
	tmp=$(mktemp -d)
	TMPDIR_TEST="$tmp" sh "$t" >"$log" 2>&1
	result $? "$t" "$log"
	rm -rf "$tmp"
done
echo "pg: $passed passed, $failed failed"
[ "$failed" -eq 0 ]
