#!/bin/sh
# telling import into PostgreSQL: a good file lands (and replaces a cell of
# an earlier import), a file with a bad row changes nothing, a duplicate
# cell in one file is a positioned error; all as on SQLite.
. "$(dirname "$0")/lib.sh"
pg_fresh
"$TELLING" init "$ROOT/tests/data/mini-agenda" --db "$PG" >/dev/null 2>&1 || fail "init"
"$TELLING" init "$ROOT/tests/data/mini-agenda" --db "$T/d.db" >/dev/null 2>&1 || fail "init sqlite"
q() { psql -qAtX -d "$PG" -c "$1"; }
ind=$(q 'SELECT slug FROM indicator ORDER BY slug LIMIT 1')
reg=$(q 'SELECT code FROM region ORDER BY code LIMIT 1')
n0=$(q 'SELECT count(*) FROM observation')
printf 'indicator;region;period;value;status;source;note\n%s;%s;2031;61,5;;test;\n' "$ind" "$reg" >"$T/good.csv"
printf 'indicator;region;period;value;status;source;note\n%s;%s;2031;62,5;;test;\n%s;XX99;2031;1,0;;test;\n' "$ind" "$reg" "$ind" >"$T/bad.csv"
printf 'indicator;region;period;value;status;source;note\n%s;%s;2032;1,0;;test;\n%s;%s;2032;2,0;;test;\n' "$ind" "$reg" "$ind" "$reg" >"$T/dup.csv"
for db in "$PG" "$T/d.db"; do
	"$TELLING" import "$T/good.csv" --db "$db" >/dev/null 2>&1 || fail "good import into $db"
	"$TELLING" import "$T/good.csv" --db "$db" >/dev/null 2>&1 || fail "the same file again into $db"
	if "$TELLING" import "$T/bad.csv" --db "$db" >/dev/null 2>"$T/bad.err"; then fail "bad import accepted by $db"; fi
	expect_in "$T/bad.err" "bad.csv:3"
	if "$TELLING" import "$T/dup.csv" --db "$db" >/dev/null 2>"$T/dup.err"; then fail "duplicate accepted by $db"; fi
	expect_in "$T/dup.err" "dup.csv:3"
done
[ "$(q 'SELECT count(*) FROM observation')" = $((n0 + 1)) ] || fail "postgresql: expected exactly one new observation"
[ "$(q "SELECT value FROM observation WHERE period = '2031JJ00'")" = 61.5 ] || fail "postgresql: the bad file changed a value"
"$TELLING" build --db "$T/d.db" -o "$T/s1" >/dev/null 2>&1 || fail "build sqlite"
"$TELLING" build --db "$PG" -o "$T/s2" >/dev/null 2>&1 || fail "build postgresql"
diff -r "$T/s1" "$T/s2" >"$T/diff" || { head -40 "$T/diff" >&2; fail "reports differ after the imports"; }
exit 0
