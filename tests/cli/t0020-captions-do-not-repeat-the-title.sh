#!/bin/sh
# A figure's caption names the unit and the population only when its title
# does not already: "Rapportcijfer voor sociale contacten, inwoners", not
# "… (rapportcijfer), inwoners van Drenthe Drenthe"; "Mediaan besteedbaar
# inkomen van huishoudens", not "…, huishoudens".  A unit the title does not
# name is still given.
. "$(dirname "$0")/lib.sh"
EX=$ROOT/examples/drenthe-2025
"$TELLING" init "$EX" --db "$T/d.db" >/dev/null 2>"$T/err" || { cat "$T/err"; fail "init"; }
"$TELLING" build --db "$T/d.db" -o "$T/site" >/dev/null 2>&1 || fail "build"
caps() { grep -ho '<span class="tl-caption__title">[^<]*</span>' "$@" | sed 's/<[^>]*>//g' | sort -u; }
caps "$T/site/"*.html >"$T/caps"
[ -s "$T/caps" ] || fail "no captions found"
expect_in "$T/caps" "Rapportcijfer voor sociale contacten, inwoners"
expect_not_in "$T/caps" "(rapportcijfer)"
expect_in "$T/caps" "Mediaan besteedbaar inkomen van huishoudens"
expect_not_in "$T/caps" "huishoudens, huishoudens"
expect_not_in "$T/caps" "schulden, huishoudens"
# the population stays where the title does not name it
expect_in "$T/caps" "Overgewicht, volwassenen (18 jaar en ouder)"
# and a unit the title does not name stays: give one indicator a unit of its own
sed 's/^    unit: rapportcijfer$/    unit: score/' "$EX/agenda.yml" >"$T/agenda.yml"
cmp -s "$EX/agenda.yml" "$T/agenda.yml" && fail "the example has no 'unit: rapportcijfer' to change"
mkdir "$T/ex" && cp -r "$EX/." "$T/ex/" && cp "$T/agenda.yml" "$T/ex/agenda.yml"
"$TELLING" init "$T/ex" --db "$T/e.db" >/dev/null 2>"$T/err" || { cat "$T/err"; fail "init with unit score"; }
"$TELLING" build --db "$T/e.db" -o "$T/s2" >/dev/null 2>&1 || fail "build with unit score"
caps "$T/s2/naoberschap.html" | grep -qF "Rapportcijfer voor sociale contacten (score), inwoners" ||
	fail "a unit the title does not name is dropped: $(caps "$T/s2/naoberschap.html" | head -3)"
exit 0
