# Helpers for the PostgreSQL tests (tests/pg/run.sh, inside tools/pg-test.sh).
# $PG is the test database's URI (emptied by pg_fresh), pg_uri NAME the URI
# of another database NAME on the same server (created when missing).
. "$(dirname "$0")/../cli/lib.sh"
[ -n "${TELLING_PG_URI:-}" ] || fail "TELLING_PG_URI not set: run through tools/pg-test.sh (make check-pg)"
PG=$TELLING_PG_URI

pg_fresh() {
	psql -qAtX -d "${1:-$PG}" -c 'DROP SCHEMA public CASCADE; CREATE SCHEMA public' >/dev/null 2>&1 ||
		fail "cannot empty ${1:-$PG}"
}

pg_uri() {
	if [ "$(psql -qAtX -d "$PG" -c "SELECT count(*) FROM pg_database WHERE datname = '$1'")" = 0 ]; then
		psql -qAtX -d "$PG" -c "CREATE DATABASE \"$1\"" >/dev/null || fail "cannot create database $1"
	fi
	echo "$PG" | sed "s#:///[^?]*?#:///$1?#"
}
