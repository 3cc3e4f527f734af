#!/bin/sh
# The key figures on the home page: an indicator the province has no figure
# for, but its municipalities do, reads "alleen per gemeente" (the chapter
# charts them), not "geen gegevens"; one nobody has a figure for still reads
# "geen gegevens".
. "$(dirname "$0")/lib.sh"
EX=$ROOT/examples/drenthe-2025
"$TELLING" init "$EX" --db "$T/d.db" >/dev/null 2>"$T/err" || { cat "$T/err"; fail "init"; }
"$TELLING" build --db "$T/d.db" -o "$T/site" >/dev/null 2>&1 || fail "build"
"$TELLING" build --db "$T/d.db" -o "$T/en" --lang en >/dev/null 2>&1 || fail "build --lang en"
row() { tr -d '\n' <"$1" | grep -o "<tr><th scope=\"row\"[^>]*>[^<]*<a href=\"[^\"]*#indicator-$2\">.*" | sed 's|</tr>.*||'; }
# doet-vrijwilligerswerk: RMBW figures for the twelve municipalities, none for Drenthe or the Netherlands
r=$(row "$T/site/index.html" vrijwilligerswerk)
[ -n "$r" ] || fail "no key-figures row for vrijwilligerswerk"
echo "$r" | grep -q 'alleen per gemeente' || fail "vrijwilligerswerk: Drenthe cell is not 'alleen per gemeente': $r"
echo "$r" | grep -q 'geen gegevens' || fail "vrijwilligerswerk: the national cell should still read 'geen gegevens': $r"
echo "$(row "$T/en/index.html" vrijwilligerswerk)" | grep -q 'by municipality only' || fail "no 'by municipality only' in English"
# a figure the province has stays a figure
r=$(row "$T/site/index.html" vertrouwen-instituties)
echo "$r" | grep -q '60,2%' || fail "vertrouwen-instituties: Drenthe 60,2% missing: $r"
# an indicator nobody has a figure for (data/geen-gegevens.csv) keeps "geen gegevens"
n=$(sqlite3 "$T/d.db" "select count(*) from observation where indicator = 'langdurig-laag-inkomen' and status <> 'missing'")
[ "$n" = 0 ] || fail "langdurig-laag-inkomen has figures now: pick another indicator without any"
r=$(row "$T/site/index.html" langdurig-laag-inkomen)
[ -n "$r" ] || fail "no key-figures row for langdurig-laag-inkomen"
echo "$r" | grep -q 'alleen per gemeente' && fail "langdurig-laag-inkomen: no municipality has a figure, yet: $r"
echo "$r" | grep -q 'geen gegevens' || fail "langdurig-laag-inkomen: not 'geen gegevens': $r"
exit 0
