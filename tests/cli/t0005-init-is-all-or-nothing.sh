#!/bin/sh
# A folder with one bad data row loads nothing: the store keeps its previous
# contents, and the error names file, line and column.
# engines: sqlite postgresql
. "$(dirname "$0")/lib.sh"
D=$(store d)
"$TELLING" init "$ROOT/examples/drenthe-2025" --db "$D" >/dev/null
dump "$D" >"$T/before.sql"
cp -r "$ROOT/examples/drenthe-2025" "$T/bad"
printf 'ervaren-gezondheid,PV22,2023,12;5,,,\n' >>"$T/bad/data/jaarverslag-2025.csv"
set +e
"$TELLING" init "$T/bad" --db "$D" >"$T/out" 2>"$T/err"
rc=$?
set -e
[ "$rc" -eq 1 ] || fail "bad folder should exit 1, got $rc"
grep -q "jaarverslag-2025.csv:[0-9]*:[0-9]*:" "$T/err" || { cat "$T/err"; fail "no file:line:column in the error"; }
expect_in "$T/err" "is unchanged"
dump "$D" >"$T/after.sql"
cmp -s "$T/before.sql" "$T/after.sql" || fail "the store changed after a failed init"
