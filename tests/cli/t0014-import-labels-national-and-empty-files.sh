#!/bin/sh
# Three gaps of the all-shared-data bench, on real files:
# - a StatLine CSV (CBS 70072ned, titled, topics by label) is read with the
#   spec key of the OData download of the same table (Bevolkingsdichtheid_57):
#   Drenthe 187 inhabitants per km² in 2019 (line 8, column 5 of the file);
# - a file that loads nothing says why (84489NED: names and codes only;
#   RIVM with another age group than the spec asks for);
# - the CategoryGroups.json of a v3 download is read with its folder and
#   refused alone with a message that names the folder.
# engines: sqlite postgresql
. "$(dirname "$0")/lib.sh"
DB=$(store d)
D=$ROOT/tests/data/cbs
cp -r "$ROOT/tests/data/mini-agenda" "$T/a"
sed -i 's/^regions:$/  - {slug: dichtheid, theme: thema, title: Bevolkingsdichtheid, unit: inwoners per km², decimals: 0, polarity: neutral, source: CBS, import: [{topic: Bevolkingsdichtheid_57, table: 70072ned}]}\n  - {slug: gezond-18-65, theme: thema, title: Gezond, unit: "%", polarity: higher-is-better, source: RIVM, import: [{topic: ErvarenGezondheidGoedZeerGoed_4, dimensions: {Leeftijd: "53115", Marges: MW00000}}]}\n\nregions:/' "$T/a/agenda.yml"
"$TELLING" init "$T/a" --db "$DB" >"$T/out" || fail "init failed"

"$TELLING" import "$D/statline-csv-titled/70072ned_regionale_kerncijfers_provincies_2019-2024.csv" --db "$DB" >"$T/out" 2>"$T/err" ||
	fail "the titled StatLine CSV was refused: $(cat "$T/err")"
[ "$(num "$(q "$DB" "SELECT value FROM observation WHERE indicator = 'dichtheid' AND region = 'PV22' AND period = '2019JJ00'")")" = 187 ] ||
	fail "Drenthe's density in 2019 should be 187"

"$TELLING" import "$D/odata3-typed-84489NED/84489NED_TypedDataSet.json" --db "$DB" >"$T/out" 2>"$T/err" || fail "84489NED refused"
expect_in "$T/err" "warning: no observations loaded: every topic of 84489NED is text (names, codes), none holds figures"

"$TELLING" import "$D/rivm-gezondheidsmonitor/2012_18+.drenthe.csv" --db "$DB" >"$T/out" 2>"$T/err" || fail "RIVM refused"
expect_in "$T/err" "warning: no observations loaded: the cells of topic ErvarenGezondheidGoedZeerGoed_4 have Leeftijd=20300, Marges=MW00000, but indicator gezond-18-65 asks for Leeftijd=53115, Marges=MW00000"

"$TELLING" import "$D/odata3-meta-85984NED" --db "$DB" >"$T/out" 2>"$T/err" || fail "the v3 metadata folder was refused: $(cat "$T/err")"
expect_in "$T/out" "1 file, 0 observations loaded"
if "$TELLING" import "$D/odata3-meta-85984NED/CategoryGroups.json" --db "$DB" >"$T/out" 2>"$T/err"; then
	fail "CategoryGroups.json alone should be refused"
fi
expect_in "$T/err" "part of the CBS OData v3 download in folder $D/odata3-meta-85984NED"
# A broken companion file is an error where it stands.
mkdir "$T/meta" && cp "$D/odata3-meta-85984NED/"*.json "$T/meta/" && chmod u+w "$T/meta/"*
printf '[{"ID":1,"DimensionKey":"RegioS"}]\n' >"$T/meta/CategoryGroups.json"
if "$TELLING" import "$T/meta" --db "$DB" >"$T/out" 2>"$T/err"; then
	fail "a category group without a Title should be refused"
fi
expect_in "$T/err" "$T/meta/CategoryGroups.json:1:2: category group 1: Title is missing"
echo ok
