#!/bin/sh
# A grants table whose named grants have no amount says so in its total line
# ("geen bedrag genoemd", "niet genoemd") instead of adding them up to € 0.
. "$(dirname "$0")/lib.sh"
EX=$ROOT/examples/drenthe-2025
"$TELLING" init "$EX" --db "$T/d.db" >/dev/null 2>"$T/err" || { cat "$T/err"; fail "init"; }
# Subsidieregeling Bewonersinitiatieven: one grant named (Familiepad 't Opgaonde), its amount not
[ "$(sqlite3 "$T/d.db" "select count(*) || '/' || count(amount) from award where instrument = 'bewonersinitiatieven'")" = "1/0" ] ||
	fail "the example's bewonersinitiatieven grants changed: pick another instrument whose grants name no amount"
"$TELLING" build --db "$T/d.db" -o "$T/site" >/dev/null 2>&1 || fail "build"
"$TELLING" build --db "$T/d.db" -o "$T/en" --lang en >/dev/null 2>&1 || fail "build --lang en"
f=$(tr -d '\n' <"$T/site/naoberschap.html" | grep -o '<tfoot><tr><th[^>]*>Berekend uit de genoemde toekenningen: 1 (geen bedrag genoemd)</th><td[^>]*>[^€]\{0,60\}' | head -1)
[ -n "$f" ] || fail "no total line '1 (geen bedrag genoemd)' for Bewonersinitiatieven, or it holds an amount"
echo "$f" | grep -q '<span class="tl-missing">niet genoemd</span>' || fail "the total is not 'niet genoemd': $f"
expect_not_in "$T/site/naoberschap.html" "bedrag bekend van 0"
expect_in "$T/en/naoberschap.html" "Computed from the grants named: 1 (no amount stated)"
# where amounts are named they still add up (Hét Compliment: 3.000 + 4 x 1.000)
expect_in "$T/site/naoberschap.html" "$(printf '€\302\2407.000')"
exit 0
