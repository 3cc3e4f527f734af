#!/bin/sh
# `telling check` on the Drenthe example: every finding as
# file:line:column: severity: message on stdout, the seed's own errors among
# them, exit 1 because there are errors; the same from the store as from the
# folder.
# engines: sqlite postgresql
. "$(dirname "$0")/lib.sh"
EX=$ROOT/examples/drenthe-2025
set +e
"$TELLING" check "$EX" >"$T/folder.out" 2>"$T/folder.err"
rc=$?
set -e
[ $rc -eq 1 ] || fail "check of the example should exit 1 (it keeps the seed's errors), got $rc"
expect_in "$T/folder.out" "chapters/naoberschap.md:45:61: error: \"donderdag 12 december 2025\": 12 december 2025 is a vrijdag"
expect_in "$T/folder.out" "chapters/naoberschap.md:51:306: error: \"42 initiatieven, waarvan 31 … en 12 …\": the parts add up to 43, not 42"
expect_in "$T/folder.out" "chapters/gezondheid.md:29:240: error: \"25 zorgzame …, twee in iedere gemeente\""
expect_in "$T/folder.out" ": warning: \"ruim 70%\" (vertrouwen-anderen, De Wolden and Tynaarlo): the data say 61,3% (De Wolden)"
expect_in "$T/folder.out" "chapters/inclusie-en-diversiteit.md:29:406: error: \"€ 750,000,-\": English notation"
expect_in "$T/folder.out" "chapters/inclusie-en-diversiteit.md:87:247: error: \"€ 750,000,-\": English notation"
# the whole count, as docs/check.md gives it and tests/unit/check_test.c (test_example_report) counts it
expect_in "$T/folder.out" "check: 5 errors, 12 warnings"
# a count of people against a percentage and the population (CBS 70072ned in the example's data)
expect_in "$T/folder.out" "chapters/bestaanszekerheid.md:59:794: warning: \"ruim 45.000\" (basisvaardigheden, Drenthe): 21% of the 416.623 inwoners van 15 jaar of ouder (inwoners-15-plus, 2019) is about 87.000"
# the seed's "AA en Hunze", which the example quotes as printed (form: one name, two spellings)
expect_in "$T/folder.out" "chapters/inclusie-en-diversiteit.md:29:586: warning: \"AA en Hunze\" is written \"Aa en Hunze\" at "
# stories are checked as text too, positioned in their own files (after the front matter)
expect_in "$T/folder.out" "stories/familiepad-t-opgaonde.md:29:36: warning: \"familiep pad\" is written as one word"
expect_in "$T/folder.out" "stories/snellere-start-sterkere-toekomst.md:21:407: warning: \"juni 2024 is de pilot gestart\""
# every finding line has the documented shape
grep -v '^check: ' "$T/folder.out" | grep -Evq '^[^:]+:[0-9]+:[0-9]+: (error|warning): ' &&
	fail "a finding without file:line:column: severity:"
D=$(store d)
"$TELLING" init "$EX" --db "$D" >/dev/null 2>&1
set +e
"$TELLING" check --db "$D" >"$T/db.out" 2>/dev/null
rc=$?
set -e
[ $rc -eq 1 ] || fail "check --db should exit 1, got $rc"
cmp -s "$T/folder.out" "$T/db.out" || { diff "$T/folder.out" "$T/db.out" >&2; fail "folder and store give different findings"; }
# A target of report.yml is reported at its own line: without its date it has no deadline.
cp -r "$EX" "$T/ex"
# (and its own words, which the chapter states, so that the structured copy is the one judged)
sed -i -e 's|    target: {value: 25, date: "2026-12-31"}|    target: {value: 25}|' \
	-e 's|    text: "Het doel is om aan het einde van 2026 25 zorgzame gemeenschappen te hebben, twee in iedere gemeente."|    text: "Vijfentwintig zorgzame gemeenschappen."|' "$T/ex/report.yml"
line=$(awk '/^targets:/ { t = 1 } t && /^  - slug: zorgzame-gemeenschappen$/ { print NR; exit }' "$T/ex/report.yml")
[ -n "$line" ] || fail "the example's report.yml has no target zorgzame-gemeenschappen"
set +e
"$TELLING" check "$T/ex" >"$T/ex.out" 2>/dev/null
set -e
expect_in "$T/ex.out" "ex/report.yml:$line:3: warning: \"Zorgzame gemeenschappen in Drenthe (zorgzame-gemeenschappen)\": a target without a deadline"
exit 0
