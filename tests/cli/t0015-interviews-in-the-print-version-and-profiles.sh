#!/bin/sh
# The interviews are part of the one-document version (rapport.html, which the PDF prints): each
# published story once, with an id the chapter's "Meer lezen in het interview" link goes to, and a
# link back to the chapter; no link in that document leaves it for a story page, and every in-page
# link has its target.  Profile pages link to the stories that concern their municipality: set
# there, or about an instrument that works there; a story page links to its municipality's page.
. "$(dirname "$0")/lib.sh"
MINI=$ROOT/tests/data/mini-report
"$TELLING" build "$MINI" -o "$T/site" >"$T/out" 2>"$T/err" || { cat "$T/err"; fail "mini report does not build"; }
R=$T/site/rapport.html
expect_in "$R" 'id="interview-gepubliceerd"'
expect_in "$R" 'href="#interview-gepubliceerd">Meer lezen in het interview: Een gepubliceerd verhaal</a>'
expect_in "$R" '<a href="#hoofdstuk-thema">Terug naar '
expect_in "$R" '<a href="#interviews">Interviews</a>'
expect_in "$R" 'Anna Voorbeeld vertelt over het project. Een deelnemer doet mee.'
expect_not_in "$R" 'href="verhalen/'
expect_not_in "$R" 'interview-concept'
# every in-page link of the one-document version has its target
check_anchors() {
	grep -o 'href="#[^"]*"' "$1" | sed 's/^href="#//; s/"$//' | sort -u >"$T/hrefs"
	grep -o ' id="[^"]*"' "$1" | sed 's/^ id="//; s/"$//' | sort -u >"$T/ids"
	missing=$(comm -23 "$T/hrefs" "$T/ids")
	[ -z "$missing" ] || fail "$1: in-page links without a target: $missing"
}
check_anchors "$R"
# the story's own page still links back to the chapter page, and to its municipality's page
expect_in "$T/site/verhalen/gepubliceerd.html" 'href="../thema.html"'
expect_in "$T/site/verhalen/gepubliceerd.html" 'Teststad, gemeente <a href="../gemeente/GM0106.html">Assen</a>'
# profiles: Assen is where the story is set; Emmen has Regeling A, which the story is about
expect_in "$T/site/gemeente/GM0106.html" 'href="../verhalen/gepubliceerd.html"'
expect_in "$T/site/gemeente/GM0114.html" 'href="../verhalen/gepubliceerd.html"'
expect_in "$T/site/gemeente/GM0114.html" 'over Regeling A, ook in Emmen'
expect_not_in "$T/site/gemeente/GM1730.html" 'verhalen/gepubliceerd.html'
expect_in "$T/site/groep/noord.html" 'href="../verhalen/gepubliceerd.html"'
[ "$(grep -o 'verhalen/gepubliceerd.html' "$T/site/groep/noord.html" | wc -l)" = 1 ] || fail "the group page lists the story more than once"

# the example: all nine interviews in the seed's order, every chapter link lands on one
EX=$ROOT/examples/drenthe-2025
"$TELLING" build "$EX" -o "$T/ex" >"$T/out" 2>"$T/err" || { cat "$T/err"; fail "the example does not build"; }
R=$T/ex/rapport.html
got=$(grep -o 'tl-story" id="interview-[a-z0-9-]*"' "$R" | sed 's/.*id="interview-//; s/"$//' | tr '\n' ' ')
want="familiepad-t-opgaonde sweelpop kansen-voor-kinderen voedseltuin-de-pluimerije hulp-op-en-om-scholen zorgzame-gemeenschappen-wet-dos kansrijke-start-voorzorg de-veilige-kleedkamer snellere-start-sterkere-toekomst "
[ "$got" = "$want" ] || fail "interviews in rapport.html: $got (want $want)"
[ "$(grep -c 'href="#interview-' "$R")" -ge 9 ] || fail "fewer than nine links to interviews in rapport.html"
expect_not_in "$R" 'href="verhalen/'
check_anchors "$R"
expect_in "$T/ex/gemeente/GM0106.html" 'href="../verhalen/snellere-start-sterkere-toekomst.html"'
expect_in "$T/ex/gemeente/GM0106.html" 'href="../verhalen/kansen-voor-kinderen.html"'
