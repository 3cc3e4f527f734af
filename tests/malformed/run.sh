#!/bin/sh
# Malformed-input matrix: every bad file must be refused with a positioned
# message and must leave the store exactly as it was.
#
# Usage: tests/malformed/run.sh BIN        (BIN = build/telling or build/asan/telling)
#
# Cases:
#   csv/NN-name.csv + csv/NN-name.expect   `BIN import NN-name.csv --db T`
#   agenda/NN-name/ (an agenda folder) + agenda/NN-name/expect
#                                          `BIN init agenda/NN-name --db T`
#   spec/NN-name.yml + spec/NN-name.expect `BIN import F --spec NN-name.yml --db T`
#                                          (F: a real CBS file, tests/data/cbs/…/70262ned…csv)
# For each case: a fresh store T initialised from tests/data/mini-agenda, a
# dump of it (sqlite3 T .dump), then the command.  It must exit non-zero
# (and not crash), its stderr must contain the first line of the expect file
# (which names file:line:col), and a second dump must equal the first.
# Prints "ok N - name" / "not ok N - name (why)" and, last, "N passed, N failed";
# exits 1 when anything failed.
# TELLING_TEST_DB=postgresql://… (tests/pg/run.sh): the store is that
# database instead, emptied for each case, and the dumps list every table's
# rows (sorted) through psql.
set -u
LC_ALL=C
export LC_ALL

BIN=${1:-}
if [ -z "$BIN" ]; then
	echo "usage: $0 BIN" >&2
	exit 2
fi
if [ ! -x "$BIN" ]; then
	echo "$0: $BIN is not an executable (run make first)" >&2
	exit 2
fi
DB=${TELLING_TEST_DB:-}
case $DB in
postgres://* | postgresql://*) pg=1 ;;
*) pg= ;;
esac
if [ -z "$pg" ] && ! command -v sqlite3 >/dev/null 2>&1; then
	echo "$0: sqlite3 (the command-line shell) is needed to compare stores" >&2
	exit 2
fi

here=$(cd "$(dirname "$0")" && pwd)
mini=$(cd "$here/../data/mini-agenda" && pwd)
tmp=$(mktemp -d "${TMPDIR:-/tmp}/tl-malformed.XXXXXX") || exit 2
trap 'rm -rf "$tmp"' EXIT
trap 'exit 130' INT TERM

# fresh_store: an empty store at $db.
fresh_store() {
	if [ -n "$pg" ]; then
		db=$DB
		psql -qAtX -d "$db" -c 'DROP SCHEMA public CASCADE; CREATE SCHEMA public' >/dev/null 2>&1
	else
		db=$tmp/t.db
		rm -f "$db" "$db-wal" "$db-shm" "$db-journal"
	fi
}

# dump_store: the store's contents as text on stdout.
dump_store() {
	if [ -z "$pg" ]; then
		sqlite3 "$db" .dump
		return
	fi
	psql -qAtX -d "$db" <<'SQL'
SELECT format('SELECT %L, ROW(r.*)::text FROM %I r ORDER BY ROW(r.*)::text COLLATE "C"', tablename, tablename)
FROM pg_tables WHERE schemaname = current_schema() ORDER BY tablename \gexec
SQL
}

n=0
passed=0
failed=0

ok() {
	passed=$((passed + 1))
	echo "ok $n - $1"
}

not_ok() {
	failed=$((failed + 1))
	echo "not ok $n - $1 ($2)"
}

# run_case NAME EXPECT-FILE CMD ARG [OPTION VALUE]: CMD is import or init, ARG the
# file or folder, OPTION VALUE one more option (--spec FILE).
run_case() {
	name=$1
	expect=$2
	cmd=$3
	arg=$4
	opt=${5:-}
	optval=${6:-}
	n=$((n + 1))
	fresh_store
	if [ ! -f "$expect" ]; then
		not_ok "$name" "no expect file: $expect"
		return
	fi
	want=$(sed -n 1p "$expect")
	if [ -z "$want" ]; then
		not_ok "$name" "empty expect file: $expect"
		return
	fi
	if ! "$BIN" init "$mini" --db "$db" >"$tmp/init.out" 2>"$tmp/init.err"; then
		not_ok "$name" "init of the mini agenda failed: $(sed -n 1p "$tmp/init.err")"
		return
	fi
	if ! dump_store >"$tmp/before.sql" 2>"$tmp/dump.err"; then
		not_ok "$name" "cannot dump the store: $(sed -n 1p "$tmp/dump.err")"
		return
	fi
	if [ -n "$opt" ]; then
		"$BIN" "$cmd" "$arg" "$opt" "$optval" --db "$db" >"$tmp/out" 2>"$tmp/err"
	else
		"$BIN" "$cmd" "$arg" --db "$db" >"$tmp/out" 2>"$tmp/err"
	fi
	rc=$?
	dump_store >"$tmp/after.sql" 2>/dev/null
	if [ "$rc" -eq 0 ]; then
		not_ok "$name" "exit status 0, expected a failure"
	elif [ "$rc" -gt 128 ]; then
		not_ok "$name" "killed by signal $((rc - 128))"
	elif grep -q -e 'AddressSanitizer' -e 'runtime error:' -e 'LeakSanitizer' -e 'internal error' "$tmp/err"; then
		not_ok "$name" "crash or sanitizer report: $(grep -m1 -e 'Sanitizer' -e 'runtime error' -e 'internal error' "$tmp/err")"
	elif ! grep -q -F -e "$want" "$tmp/err"; then
		not_ok "$name" "stderr lacks: $want; got: $(sed -n 1p "$tmp/err")"
	elif ! cmp -s "$tmp/before.sql" "$tmp/after.sql"; then
		not_ok "$name" "the store changed"
	else
		ok "$name"
	fi
}

for f in "$here"/csv/*.csv; do
	[ -f "$f" ] || continue
	base=${f%.csv}
	run_case "csv/$(basename "$base")" "$base.expect" import "$f"
done

for d in "$here"/agenda/*/; do
	[ -d "$d" ] || continue
	d=${d%/}
	run_case "agenda/$(basename "$d")" "$d/expect" init "$d"
done

k70262=$here/../data/cbs/odata3-untyped-csv/70262ned_UntypedDataSet_05022020_180935.csv
for f in "$here"/spec/*.yml; do
	[ -f "$f" ] || continue
	base=${f%.yml}
	run_case "spec/$(basename "$base")" "$base.expect" import "$k70262" --spec "$f"
done

echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
