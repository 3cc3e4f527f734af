#!/bin/sh
# Wrong usage exits 2 with a message; help exits 0.
. "$(dirname "$0")/lib.sh"
set +e
"$TELLING" >/dev/null 2>"$T/err"; [ $? -eq 2 ] || fail "no command should exit 2"
"$TELLING" frobnicate 2>"$T/err"; [ $? -eq 2 ] || fail "unknown command should exit 2"
expect_in "$T/err" 'unknown command "frobnicate"'
"$TELLING" init 2>"$T/err"; [ $? -eq 2 ] || fail "init without arguments should exit 2"
expect_in "$T/err" "init needs an agenda folder and --db FILE"
"$TELLING" build --db x.db 2>"$T/err"; [ $? -eq 2 ] || fail "build without -o should exit 2"
"$TELLING" build --db 2>"$T/err"; [ $? -eq 2 ] || fail "--db without value should exit 2"
expect_in "$T/err" "--db needs a value"
"$TELLING" help >/dev/null 2>&1; [ $? -eq 0 ] || fail "help should exit 0"
"$TELLING" init "$T/nowhere" --db "$T/x.db" 2>"$T/err"; [ $? -eq 1 ] || fail "missing folder should exit 1"
expect_in "$T/err" "not an agenda folder"
"$TELLING" build --db "$T/empty.db" -o "$T/site" 2>"$T/err"; [ $? -eq 1 ] || fail "empty store should exit 1"
expect_in "$T/err" "no agenda loaded"
exit 0
