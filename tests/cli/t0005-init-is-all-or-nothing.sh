#!/bin/sh
# A folder with one bad data row loads nothing: the store keeps its previous
# contents, and the error names file, line and column.
. "$(dirname "$0")/lib.sh"
"$TELLING" init "$ROOT/examples/drenthe-2025" --db "$T/d.db" >/dev/null
dump "$T/d.db" >"$T/before.sql"
cp -r "$ROOT/examples/drenthe-2025" "$T/bad"
printf 'ervaren-gezondheid,PV22,2023,12;5,,,\n' >>"$T/bad/data/jaarverslag-2025.csv"
set +e
"$TELLING" init "$T/bad" --db "$T/d.db" >"$T/out" 2>"$T/err"
rc=$?
set -e
[ "$rc" -eq 1 ] || fail "bad folder should exit 1, got $rc"
grep -q "jaarverslag-2025.csv:[0-9]*:[0-9]*:" "$T/err" || { cat "$T/err"; fail "no file:line:column in the error"; }
expect_in "$T/err" "is unchanged"
dump "$T/d.db" >"$T/after.sql"
cmp -s "$T/before.sql" "$T/after.sql" || fail "the store changed after a failed init"
