#!/bin/sh
# Rule 1: `telling check --db FILE --accept` records what every binding
# prints; a later import that changes a bound figure makes the check report
# it as stale, with the old and the new figure; accepting again clears it.
# A change in a figure no binding shows is not reported.
. "$(dirname "$0")/lib.sh"
"$TELLING" init "$ROOT/examples/drenthe-2025" --db "$T/d.db" >/dev/null 2>&1
set +e
"$TELLING" check --db "$T/d.db" --accept >"$T/a.out" 2>/dev/null
set -e
expect_in "$T/a.out" "bound figures recorded as read"
expect_not_in "$T/a.out" "stale"
# near-miss: a figure no binding shows changes (Assen, basic skills)
printf 'indicator,region,period,value\nbasisvaardigheden,GM0106,2025,99\n' >"$T/other.csv"
"$TELLING" import "$T/other.csv" --db "$T/d.db" >/dev/null
set +e
"$TELLING" check --db "$T/d.db" >"$T/b.out" 2>/dev/null
set -e
expect_not_in "$T/b.out" "data changed since"
# hit: Drenthe's latest basic-skills figure (bound as "laatste") moves to a new year
printf 'indicator,region,period,value\nbasisvaardigheden,PV22,2026,23\n' >"$T/new.csv"
"$TELLING" import "$T/new.csv" --db "$T/d.db" >/dev/null
set +e
"$TELLING" check --db "$T/d.db" >"$T/c.out" 2>/dev/null; rc=$?
set -e
[ $rc -eq 1 ] || fail "a stale binding is an error: exit 1, got $rc"
expect_in "$T/c.out" "chapters/bestaanszekerheid.md:55:"
expect_in "$T/c.out" ": error: \"{{basisvaardigheden PV22 laatste}}\": the data changed since the text was accepted on "
expect_in "$T/c.out" "it showed 21% (2025), now 23% (2026)"
# build --strict refuses while it is stale
set +e
"$TELLING" build --db "$T/d.db" -o "$T/site" --strict >/dev/null 2>"$T/s.err"; rc=$?
set -e
[ $rc -eq 1 ] || fail "build --strict with a stale binding should exit 1"
expect_in "$T/s.err" "the data changed since the text was accepted"
# accepting again clears it
set +e
"$TELLING" check --db "$T/d.db" --accept >"$T/d.out" 2>/dev/null
set -e
expect_not_in "$T/d.out" "data changed since"
# --accept needs a store
set +e
"$TELLING" check "$ROOT/examples/drenthe-2025" --accept 2>"$T/u.err"; rc=$?
set -e
[ $rc -eq 2 ] || fail "--accept with a folder should exit 2"
expect_in "$T/u.err" "--accept needs --db FILE"
exit 0
