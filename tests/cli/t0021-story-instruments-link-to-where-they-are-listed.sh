#!/bin/sh
# A story's "Instrument" fact links to the instrument where a chapter lists
# it (verhalen/X.html -> ../<chapter>.html#instrument-<slug>; in the print
# version to #instrument-<slug>), and every such link lands on an element
# with that id.
. "$(dirname "$0")/lib.sh"
EX=$ROOT/examples/drenthe-2025
"$TELLING" init "$EX" --db "$T/d.db" >/dev/null 2>"$T/err" || { cat "$T/err"; fail "init"; }
"$TELLING" build --db "$T/d.db" -o "$T/site" >/dev/null 2>&1 || fail "build"
expect_in "$T/site/verhalen/sweelpop.html" '<dt>Instrument</dt><dd><a href="../naoberschap.html#instrument-compliment">Hét Compliment van Drenthe</a></dd>'
n=0
for f in "$T/site/verhalen/"*.html; do
	for l in $(grep -o '<dt>Instrument</dt><dd>.*</dd>' "$f" | grep -o 'href="[^"]*"' | sed 's/href="\.\.\/\(.*\)"/\1/'); do
		page=${l%%#*} id=${l#*#}
		grep -qF "id=\"$id\"" "$T/site/$page" || fail "$(basename "$f"): $l lands nowhere"
		n=$((n + 1))
	done
done
[ "$n" -ge 9 ] || fail "only $n instrument links on the nine interview pages"
# the print version: links within the document, to ids that exist there
R=$T/site/rapport.html
m=0
for id in $(grep -o '<dt>Instrument</dt><dd>[^/]*' "$R" | grep -o 'href="#[^"]*"' | sed 's/href="#\(.*\)"/\1/'); do
	grep -qF "id=\"$id\"" "$R" || fail "rapport.html: #$id lands nowhere"
	m=$((m + 1))
done
[ "$m" -ge 9 ] || fail "only $m instrument links in the print version's interviews"
exit 0
