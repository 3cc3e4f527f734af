#!/bin/sh
# The Drenthe example loads and builds; the Gezondheid page shows experienced
# health for Drenthe, the Netherlands and all twelve municipalities, with the
# seed report's caption form and Dutch numbers.
. "$(dirname "$0")/lib.sh"
"$TELLING" init "$ROOT/examples/drenthe-2025" --db "$T/d.db" >"$T/init.out"
expect_in "$T/init.out" "4 themes, 12 goals"
"$TELLING" build --db "$T/d.db" -o "$T/site" >"$T/build.out" 2>"$T/build.err"
for f in index naoberschap bestaanszekerheid gezondheid inclusie-en-diversiteit; do
	[ -s "$T/site/$f.html" ] || fail "missing page $f.html"
done
P=$T/site/gezondheid.html
expect_in "$P" '<html lang="nl"'
for h in "Wat willen we bereiken?" "Doelstellingen" "Waar staan we nu?" "Hoe gaan we verder?"; do
	expect_in "$P" ">$h</h2>"
done
expect_in "$P" "Ervaren gezondheid (zeer) goed"
expect_in "$P" "74,2%"
expect_in "$P" "2024 | Bron: RMBW"
for g in Assen Coevorden Emmen Hoogeveen Meppel "Aa en Hunze" Borger-Odoorn "De Wolden" \
	Noordenveld Westerveld Tynaarlo Midden-Drenthe Drenthe Nederland; do
	expect_in "$P" ">$g<"
done
# Inline SVG with a text alternative, and a data table.
expect_in "$P" 'role="img"'
expect_in "$P" "<desc"
expect_in "$P" '<th scope="row"'
# Never a number that is not a number.
if grep -Eiq '(^|[^a-z])(nan|-?inf)([^a-z]|$)' "$P"; then
	fail "a non-number (nan/inf) is shown"
fi
# Every goal title, exactly as in the seed report.
expect_in "$P" "In 2027, bij de uitkomst van de volgende gezondheidsmonitor, is het percentage Drentse jongeren dat zich gezond voelt substantieel gestegen"
# Downloads carry the source of each figure.
expect_in "$T/site/data/ervaren-gezondheid.csv" "indicator,region,region_name,period,value,status,source,note"
expect_in "$T/site/data/alle-cijfers.csv" "ervaren-gezondheid,PV22,Drenthe,2024JJ00,74.2,final"
