#!/bin/sh
# A national agenda: the focus region is the Netherlands and the
# municipalities hang directly under it (no province), or name no parent at
# all.  Charts, {{grafiek}}, maps and municipality pages still work: the
# municipalities compared are the focus region's, or else every region of
# level gemeente.
. "$(dirname "$0")/lib.sh"
for variant in under-nl no-parent; do
	D=$T/$variant
	cp -r "$ROOT/tests/data/mini-agenda" "$D"
	mkdir -p "$D/geo"
	cp "$ROOT/tests/data/mini-geo/gemeenten.topojson" "$D/geo/"
	sed -i 's/^  national_region: NL01$/  national_region: NL01\n  boundaries: geo\/gemeenten.topojson/' "$D/agenda.yml"
	sed -i 's/^{{grafiek aandeel-a}}$/{{grafiek aandeel-a}}\n\n{{kaart aandeel-a}}/' "$D/chapters/thema.md"
	if [ "$variant" = under-nl ]; then
		sed -i 's/^  focus_region: PV22$/  focus_region: NL01/; s/level: gemeente, parent: PV22/level: gemeente, parent: NL01/' "$D/agenda.yml"
		expect_in "$D/agenda.yml" 'focus_region: NL01'
	else
		sed -i 's/level: gemeente, parent: PV22, /level: gemeente, /' "$D/agenda.yml"
	fi
	expect_not_in "$D/agenda.yml" 'level: gemeente, parent: PV22'
	"$TELLING" build "$D" -o "$T/site-$variant" >"$T/out" 2>"$T/err" || { cat "$T/err"; fail "$variant: build failed"; }
	P=$T/site-$variant/thema.html
	expect_in "$P" 'id="indicator-aandeel-a-gemeenten'
	expect_in "$P" '<section class="tl-map" id="kaart-aandeel-a">'
	[ "$(grep -o 'fill-rule="evenodd"' "$P" | wc -l)" -eq 3 ] || fail "$variant: expected three outlines"
	for gm in GM0106 GM0114 GM1730; do
		[ -f "$T/site-$variant/gemeente/$gm.html" ] || fail "$variant: no page for $gm"
	done
	expect_in "$T/site-$variant/gemeente/GM0114.html" ' van 3 ('
done
expect_in "$T/site-under-nl/thema.html" 'Gemeenten in Nederland'
expect_not_in "$T/site-under-nl/gemeente/GM0114.html" 'Gemeente in Nederland'
