#!/bin/sh
# The Drenthe example carries the seed report's own content: its instruments,
# grants and amounts, targets, next steps and the nine interviews, and the
# report shows them.
. "$(dirname "$0")/lib.sh"
EX=$ROOT/examples/drenthe-2025
"$TELLING" init "$EX" --db "$T/d.db" >"$T/out" 2>"$T/err" || { cat "$T/err"; fail "init"; }
expect_in "$T/out" "9 stories"
q() { sqlite3 "$T/d.db" "$1"; }
[ "$(q 'select count(*) from story where published = 1')" = 9 ] || fail "not nine published interviews"
[ "$(q "select count(*) from award where instrument = 'compliment'")" = 5 ] || fail "Hét Compliment has not five nominees"
[ "$(q "select sum(amount) from award where instrument = 'compliment'")" = 7000.0 ] || fail "Compliment prize money is not 3000 + 4 x 1000"
[ "$(q "select amount from award where recipient = 'Sweelpop'")" = 3000.0 ] || fail "Sweelpop did not win 3000"
[ "$(q "select amount from award where instrument = 'snellere-start'")" = 350000.0 ] || fail "Snellere Start amount"
[ "$(q "select amount from award where instrument = 'veilige-kleedkamer'")" = 90000.0 ] || fail "Veilige Kleedkamer amount"
[ "$(q "select budget from instrument where slug = 'steunpunt-femicide'")" = 750000.0 ] || fail "steunpunt amount"
[ "$(q "select amount from stated_total where instrument = 'steunpunt-femicide'")" = 750000.0 ] || fail "steunpunt stated amount"
[ "$(q "select count || '/' || amount from stated_total where instrument = 'bewonersinitiatieven' and theme is null")" = "42/800000.0" ] || fail "stated 42 initiatives, 800.000"
[ "$(q "select count from stated_total where instrument = 'podium-platteland'")" = 13 ] || fail "Podium Platteland 13 projects"
[ "$(q "select count from stated_total where instrument = 'regenboogprojecten'")" = 7 ] || fail "Regenboogprojecten 7 projects"
[ "$(q "select target || ' ' || deadline from target where slug = 'snellere-start-werk'")" = "75.0 2027-01-01" ] || fail "75 azc residents by 1 January 2027"
[ "$(q "select count(*) from target_progress where target = 'snellere-start-werk'")" = 2 ] || fail "31 and 36 at work"
[ "$(q "select target || ' ' || deadline from target where slug = 'zorgzame-gemeenschappen'")" = "25.0 2026-12-31" ] || fail "25 zorgzame gemeenschappen by the end of 2026"
[ "$(q "select count(*) from target where target is null")" -ge 2 ] || fail "targets without a number are kept"
[ "$(q "select count(distinct theme) from next_step where year = 2026")" = 4 ] || fail "next steps for all four themes"

"$TELLING" build --db "$T/d.db" -o "$T/site" >/dev/null 2>&1 || fail "build"
ls "$T/site/verhalen/"*.html | grep -vc index.html | grep -qx 9 || fail "not nine interview pages"
# the interviews verbatim (the seed's words, typos and all)
expect_in "$T/site/verhalen/voedseltuin-de-pluimerije.html" "Het doel is niet zozeer groente telen, maar de verbinding met elkaar"
expect_in "$T/site/verhalen/familiepad-t-opgaonde.html" "Arthur van Toombbergen en Bé Uiterwijk Winkel"
expect_in "$T/site/verhalen/snellere-start-sterkere-toekomst.html" "Vanaf juni 2025 zijn er 36 azc-bewoners aan het werk."
# linked from the chapters, and back
expect_in "$T/site/naoberschap.html" 'href="verhalen/sweelpop.html"'
expect_in "$T/site/verhalen/sweelpop.html" 'href="../naoberschap.html"'
# computed next to stated
expect_in "$T/site/naoberschap.html" "Berekend uit de genoemde toekenningen: 5"
expect_in "$T/site/naoberschap.html" "42 toekenningen, € 800.000" # U+00A0 after €, as src/core/fmt.c writes it
expect_in "$T/site/inclusie-en-diversiteit.html" "36 van 75"
expect_in "$T/site/gezondheid.html" "Vervolgstappen voor 2026"
# and in English
"$TELLING" build --db "$T/d.db" -o "$T/en" --lang en >/dev/null 2>&1 || fail "build --lang en"
expect_in "$T/en/gezondheid.html" "Next steps for 2026"
expect_in "$T/en/naoberschap.html" "Computed from the grants named: 5"
# the seed prints the steunpunt's amount as "€ 750,000,-": quoted text keeps it as printed (and the
# check flags it), what the report computes from the grants is in our notation
I=$T/site/inclusie-en-diversiteit.html
[ "$(grep -o '€ 750,000,-' "$I" | wc -l)" = 3 ] || fail "the seed's € 750,000,- is not quoted as printed (twice in the text, once as the stated total)"
expect_in "$I" "<td class=\"utrecht-table__cell utrecht-table__cell--numeric-column tl-num\">$(printf '€\302\240750.000')</td>"
expect_in "$I" 'Volgens opgave in de bron:</p>'
expect_not_in "$I" '€ 750.000,-'
exit 0
