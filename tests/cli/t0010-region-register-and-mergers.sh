#!/bin/sh
# A statistics import registers every region code it names (with the years
# it has figures), a merger declared in agenda.yml is reported as a series
# break, and the report's change sentence does not compare across it.
# Real file: CBS 37259ned (population, the 12 Drenthe municipalities,
# 1960–2018); GM0109 Coevorden kept its code in the 1998 herindeling
# (14 946 in 1997, 34 497 in 1998, 35 299 in 2018; lines 216, 217, 237).
# The agenda has 4 of the 12 (GM0106, GM0114, GM1730, GM0109): 4 x 59 years =
# 236 cells, of which 40 empty (GM1730 Tynaarlo exists from 2000: grep -c
# "GM1730".*""$), and 8 x 59 = 472 for the others.
# engines: sqlite postgresql
. "$(dirname "$0")/lib.sh"
D=$(store d)
K37259=$ROOT/tests/data/cbs/odata3-untyped-csv/37259ned_UntypedDataSet_05022020_161506.drenthe.csv
cp -r "$ROOT/tests/data/mini-agenda" "$T/a"
# An indicator fed by 37259ned, Coevorden as a region, and a merger (the
# predecessor list is a test input: only the code this file holds).
sed -i 's/^regions:$/  - {slug: inwoners, theme: thema, title: Inwoners, unit: aantal, decimals: 0, polarity: neutral, source: CBS, import: [{topic: BevolkingOp1Januari_1, table: 37259ned}]}\n\nregions:\n  - {code: GM0109, name: Coevorden, level: gemeente, parent: PV22}/' "$T/a/agenda.yml"
printf '\nmergers:\n  - {old: [GM0109], new: GM0109, year: 1998}\n' >>"$T/a/agenda.yml"
printf '\n{{ontwikkeling inwoners GM0109}}\n' >>"$T/a/chapters/thema.md"
"$TELLING" init "$T/a" --db "$D" >"$T/out"

# A dry run reports and leaves the store as it was.
dump "$D" >"$T/before.sql"
"$TELLING" import "$K37259" --db "$D" --dry-run >"$T/out"
expect_in "$T/out" "(dry run, nothing written)"
expect_in "$T/out" "708 cells, 236 observations would be loaded (40 without a value)"
expect_in "$T/out" "regions: 12 named in the file, 12 new to the region register"
expect_in "$T/out" "mergers: 0 applied (0 cells of old municipalities mapped onto 0 figures), 1 left as a series break"
dump "$D" >"$T/after.sql"
cmp -s "$T/before.sql" "$T/after.sql" || fail "a dry run changed the store"

"$TELLING" import "$K37259" --db "$D" >"$T/out"
expect_in "$T/out" "236 observations loaded"
expect_in "$T/out" "472 region not in the agenda"
[ "$(q "$D" "SELECT first_year || '-' || last_year || ' ' || level FROM region_register WHERE code = 'GM1680'")" = "1998-2018 gemeente" ] ||
	fail "GM1680 should be registered as a gemeente with figures 1998-2018"
[ "$(q "$D" "SELECT count(*) FROM region_register")" = 12 ] || fail "12 regions expected in the register"
# Registered regions do not enter the report's own list.
[ "$(q "$D" "SELECT count(*) FROM region")" = 6 ] || fail "the agenda's regions changed"
# A second import finds nothing new to register.
"$TELLING" import "$K37259" --db "$D" >"$T/out"
expect_in "$T/out" "regions: 12 named in the file, 0 new to the region register"

"$TELLING" build --db "$D" -o "$T/site" >/dev/null
expect_in "$T/site/thema.html" "Sinds 1998"
expect_in "$T/site/thema.html" "Door de gemeentelijke herindeling van 1998 zijn cijfers van vóór 1998 niet vergelijkbaar."
expect_not_in "$T/site/thema.html" "Sinds 1960"

# --spec: import specs and mergers from a file of their own, the agenda unchanged.
# (GM9001..GM9003 are made-up codes.)
# 70262ned line 4: "63";"PV22  ";"2015JJ00";"    5648";… (TotaalRecreatieterrein_19).
K70262=$ROOT/tests/data/cbs/odata3-untyped-csv/70262ned_UntypedDataSet_05022020_180935.csv
cat >"$T/spec.yml" <<'YML'
imports:
  - {indicator: aandeel-a, topic: TotaalRecreatieterrein_19, table: 70262ned}
mergers:
  - {old: [GM9001, GM9002], new: GM9003, year: 2000}
YML
"$TELLING" import "$K70262" --spec "$T/spec.yml" --db "$D" >"$T/out"
expect_in "$T/out" "24 cells, 1 observations loaded"
[ "$(num "$(q "$D" "SELECT value FROM observation WHERE indicator = 'aandeel-a' AND region = 'PV22' AND period = '2015JJ00'")")" = 5648 ] ||
	fail "PV22 2015 should be 5648 from 70262ned"
[ "$(q "$D" "SELECT count(*) FROM indicator_import WHERE indicator = 'aandeel-a'")" = 0 ] ||
	fail "the spec file must not change the agenda's specs"
[ "$(q "$D" "SELECT new_code || ' ' || year || ' ' || action FROM merger ORDER BY new_code" | paste -sd,)" = "GM0109 1998 break,GM9003 2000 break" ] ||
	fail "the spec file's merger should be stored next to the agenda's"
