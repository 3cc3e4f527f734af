#!/bin/sh
# A map placed with {{kaart}}: the boundary file named in agenda.yml goes into
# the store (only the agenda's regions), the page shows one linked outline per
# municipality with a legend, a text alternative and a table, and the
# indicator's figures download as CSV and JSON.  Built from the folder and from
# the store, the sites are byte-identical.
. "$(dirname "$0")/lib.sh"
D=$T/mini
cp -r "$ROOT/tests/data/mini-agenda" "$D"
mkdir -p "$D/geo"
cp "$ROOT/tests/data/mini-geo/gemeenten.topojson" "$D/geo/"
sed -i 's/^  national_region: NL01$/  national_region: NL01\n  boundaries: geo\/gemeenten.topojson\n  boundaries_source: "synthetisch"/' "$D/agenda.yml"
sed -i 's/^{{grafiek aandeel-a}}$/{{grafiek aandeel-a}}\n\n{{kaart aandeel-a}}/' "$D/chapters/thema.md"

"$TELLING" init "$D" --db "$T/s.db" >"$T/out" 2>"$T/err" || { cat "$T/err"; fail "init failed"; }
[ "$(sqlite3 "$T/s.db" 'SELECT group_concat(region) FROM (SELECT region FROM region_shape ORDER BY region)')" = "GM0106,GM0114,GM1730" ] ||
	fail "the store should hold exactly the agenda's three outlines"
"$TELLING" build --db "$T/s.db" -o "$T/site" >"$T/out" 2>"$T/err" || { cat "$T/err"; fail "build failed"; }
P=$T/site/thema.html
expect_in "$P" '<section class="tl-map" id="kaart-aandeel-a">'
expect_in "$P" 'role="group" aria-labelledby="kaart-aandeel-a-title kaart-aandeel-a-desc"'
expect_in "$P" '<desc id="kaart-aandeel-a-desc">Kaart van 3 gemeenten in 3 klassen.'
expect_in "$P" '<a href="gemeente/GM0106.html" aria-label="Assen: '
expect_in "$P" '<ul class="tl-map-legend">'
expect_in "$P" '(gunstigst)'
expect_in "$P" 'Tabel bij deze kaart'
expect_in "$P" 'kaart: synthetisch'
expect_in "$P" 'href="data/aandeel-a.json"'
expect_not_in "$P" 'GM9999'
[ "$(grep -o 'fill-rule="evenodd"' "$P" | wc -l)" -eq 3 ] || fail "expected three outlines"
expect_in "$T/site/data/aandeel-a.json" '"indicator": "aandeel-a", "region": "GM0106"'
expect_in "$T/site/data/alle-cijfers.json" '"observations": ['
expect_in "$T/site/index.html" 'data/alle-cijfers.json'

# The same site from the folder directly, and again: byte for byte the same.
"$TELLING" build "$D" -o "$T/site2" >"$T/out" 2>"$T/err" || { cat "$T/err"; fail "build from folder failed"; }
"$TELLING" build "$D" -o "$T/site3" >"$T/out" 2>"$T/err" || { cat "$T/err"; fail "second build failed"; }
diff -r "$T/site" "$T/site2" >"$T/diff" || { head -20 "$T/diff"; fail "folder and store builds differ"; }
diff -r "$T/site2" "$T/site3" >"$T/diff" || { head -20 "$T/diff"; fail "two builds of the same data differ"; }

# Every municipality and group has a page, linked from the index, the map and the tables.
G=$T/site/gemeente/GM0106.html
[ -f "$G" ] || fail "no page for Assen"
expect_in "$G" '<h1 class="tl-chapter__title">Assen</h1>'
expect_in "$G" 'Plaats onder de gemeenten'
expect_in "$G" ' van 3 ('
expect_in "$G" 'href="../groep/noord.html"'
expect_in "$G" 'href="../thema.html#indicator-aandeel-a"'
expect_in "$G" 'href="../assets/telling.css"'
expect_in "$T/site/groep/noord.html" '<h1 class="tl-chapter__title">Noord</h1>'
expect_in "$T/site/groep/noord.html" 'href="../gemeente/GM1730.html"'
expect_in "$T/site/index.html" 'href="gemeente/GM0114.html"'
expect_in "$T/site/index.html" 'href="groep/noord.html"'
expect_in "$P" '<a href="gemeente/GM1730.html">Tynaarlo</a>'
