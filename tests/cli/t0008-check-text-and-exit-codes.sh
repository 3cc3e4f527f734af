#!/bin/sh
# `telling check --text FILE`: a plain report without an agenda folder.
# Exit 0 when there is nothing or only warnings, 1 on an error, 2 on wrong
# usage; a file that cannot be read is named.
. "$(dirname "$0")/lib.sh"
printf 'In 2025 kregen 42 initiatieven subsidie, waarvan 30 voor naoberschap en 12 voor gezondheid.\n\nDe uitreiking was op vrijdag 12 december 2025.\n' >"$T/clean.md"
"$TELLING" check --text "$T/clean.md" >"$T/clean.out" || fail "a clean text should exit 0"
expect_in "$T/clean.out" "check: 0 errors, 0 warnings"

printf 'Zie [lees artikel](#).\n' >"$T/warn.md"
"$TELLING" check --text "$T/warn.md" >"$T/warn.out" || fail "only warnings should exit 0"
expect_in "$T/warn.out" "warn.md:1:5: warning: \"[lees artikel](#)\": the link goes nowhere"

printf 'Intro.\n\nIn 2025 kregen 42 initiatieven subsidie, waarvan 31 voor naoberschap en 12 voor gezondheid.\n' >"$T/bad.md"
set +e
"$TELLING" check --text "$T/bad.md" >"$T/bad.out" 2>&1; rc=$?
[ $rc -eq 1 ] || fail "an error should exit 1, got $rc"
expect_in "$T/bad.out" "bad.md:3:16: error: \"42 initiatieven, waarvan 31 … en 12 …\": the parts add up to 43, not 42"
expect_in "$T/bad.out" "check: 1 error, 0 warnings"

"$TELLING" check --text "$T/missing.md" >"$T/m.out" 2>"$T/m.err"; rc=$?
[ $rc -eq 1 ] || fail "a missing file should exit 1, got $rc"
expect_in "$T/m.err" "missing.md"

# --year: the report year, for a text without a store
printf 'Het streven was dat in 2024 alle scholen een gezonde kantine hebben.\n' >"$T/target.md"
"$TELLING" check --text "$T/target.md" --year 2025 >"$T/y.out"; rc=$?
[ $rc -eq 0 ] || fail "a passed target date is a warning: exit 0, got $rc"
expect_in "$T/y.out" "target.md:1:5: warning: \"streven was dat in 2024 alle scholen een gezonde kantine hebben.\": the target date (2024) passed before the report year 2025"
"$TELLING" check --text "$T/target.md" --year 2024 >"$T/y2.out"
expect_not_in "$T/y2.out" "passed before"
"$TELLING" check --text "$T/target.md" --year twintig 2>"$T/y.err"; [ $? -eq 2 ] || fail "--year twintig should exit 2"
expect_in "$T/y.err" "--year must be a year"

"$TELLING" check 2>"$T/u.err"; [ $? -eq 2 ] || fail "check without arguments should exit 2"
expect_in "$T/u.err" "check needs an agenda folder, --db FILE, or --text FILE"
"$TELLING" check "$ROOT/examples/drenthe-2025" --db "$T/x.db" 2>/dev/null; [ $? -eq 2 ] || fail "folder and --db together should exit 2"
"$TELLING" check --text "$T/clean.md" -o "$T/x" 2>/dev/null; [ $? -eq 2 ] || fail "check -o should exit 2"
"$TELLING" check --text "$T/clean.md" --lang fr 2>/dev/null; [ $? -eq 2 ] || fail "--lang fr should exit 2"
exit 0
