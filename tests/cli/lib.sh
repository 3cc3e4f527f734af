# Shared helpers for the end-to-end tests.  Sourced by tNNNN-*.sh.
# $TELLING is the binary under test (the ASan+UBSan build by default);
# $TMPDIR_TEST a fresh directory removed afterwards.
set -eu
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
T=${TMPDIR_TEST:-$(mktemp -d)}
TELLING=${TELLING:-$ROOT/build/telling}

fail() {
	echo "FAIL: $*" >&2
	exit 1
}

# expect_in FILE TEXT: the file contains TEXT (fixed string).
expect_in() {
	grep -qF -- "$2" "$1" || fail "$1 does not contain: $2"
}

expect_not_in() {
	if grep -qF -- "$2" "$1"; then
		fail "$1 contains: $2"
	fi
}

# The engine under test.  Tests that exercise the store (marked with the
# line "# engines: sqlite postgresql") run again on PostgreSQL in
# tests/pg/run.sh, which sets TELLING_CLI_PG to a server's URI; they name
# their stores through `store` and read them through `q` and `dump`, so
# that one script tests both engines.
is_pg() {
	case $1 in postgres://* | postgresql://*) return 0 ;; *) return 1 ;; esac
}

# store NAME: the URI of an empty store NAME for this test (a SQLite file in
# $T, or with TELLING_CLI_PG a database of its own on that server, emptied).
store() {
	if [ -z "${TELLING_CLI_PG:-}" ]; then
		echo "$T/$1.db"
		return
	fi
	name=cli_$(echo "$1" | tr -c 'a-zA-Z0-9_\n' _)
	if [ "$(psql -qAtX -d "$TELLING_CLI_PG" -c "SELECT count(*) FROM pg_database WHERE datname = '$name'")" = 0 ]; then
		psql -qAtX -d "$TELLING_CLI_PG" -c "CREATE DATABASE $name" >/dev/null || fail "cannot create database $name"
	fi
	uri=$(echo "$TELLING_CLI_PG" | sed "s#:///[^?]*?#:///$name?#")
	psql -qAtX -d "$uri" -c 'DROP SCHEMA public CASCADE; CREATE SCHEMA public' >/dev/null 2>&1 ||
		fail "cannot empty $uri"
	echo "$uri"
}

# q STORE SQL: the rows of one query, fields separated by |, no header.
q() {
	if is_pg "$1"; then psql -qAtX -d "$1" -c "$2"; else sqlite3 "$1" "$2"; fi
}

# num VALUE: a number as both shells agree on it (sqlite3 prints 187.0, psql 187).
num() {
	awk -v v="$1" 'BEGIN { printf "%.15g\n", v }'
}

# dump STORE: the store's contents as text, for before/after comparisons.
# On PostgreSQL every table's rows in byte order, in one psql run (identity
# counters left out: a rolled-back transaction moves them on without
# changing any row).
dump() {
	if is_pg "$1"; then pg_dump_rows "$1"; else sqlite3 "$1" .dump; fi
}

pg_dump_rows() {
	psql -qAtX -d "$1" <<'SQL'
SELECT format('SELECT %L, ROW(r.*)::text FROM %I r ORDER BY ROW(r.*)::text COLLATE "C"', tablename, tablename)
FROM pg_tables WHERE schemaname = current_schema() ORDER BY tablename \gexec
SQL
}
