#!/bin/sh
# telling build --pdf: the PDF's contents give, for every chapter and
# interview, the page where its heading is printed.  Checked independently
# of telling's own reading: pdftotext -layout reads the contents page
# ("Title   N"), then page N must open with that title; a dotted leader,
# drawn and not text, joins each title to its number.  Also: the PDF
# is tagged and Dutch, and the build leaves no helper file behind.
. "$(dirname "$0")/lib.sh"
command -v pdftotext >/dev/null || fail "pdftotext is missing (tools/setup.sh --web installs poppler-utils)"
"$TELLING" build "$ROOT/examples/drenthe-2025" -o "$T/site" --pdf >"$T/out" 2>"$T/err" ||
	{ cat "$T/err" >&2; fail "build --pdf failed"; }
pdf=$T/site/rapport.pdf
[ -s "$pdf" ] || fail "no rapport.pdf"
expect_not_in "$T/err" "no page number"
[ ! -e "$T/site/.rapport-pdf.html" ] || fail "the HTML printed for the PDF was left behind"
pdfinfo "$pdf" | grep -q '^Tagged: *yes' || fail "the PDF is not tagged"
grep -aq '/Lang (nl)' "$pdf" || fail "the PDF's language is not nl"
npages=$(pdfinfo "$pdf" | sed -n 's/^Pages: *//p')

# "Title   N" lines of the contents (page 2), title and number split on the last run of spaces
pdftotext -layout -f 2 -l 2 "$pdf" - | sed -n 's/^ *\(.*[^ ]\)  *\([0-9][0-9]*\) *$/\2\t\1/p' >"$T/toc"
entries=$(wc -l <"$T/toc")
[ "$entries" -ge 19 ] || { cat "$T/toc" >&2; fail "the contents list $entries numbered entries, not the 9 chapters, Interviews and 9 interviews"; }
grep -q "	Naoberschap$" "$T/toc" || fail "Naoberschap has no page number"

# opens PAGE TITLE: the first four lines of the page, joined, contain the title
opens() {
	pdftotext -f "$1" -l "$1" "$pdf" - | grep -v '^ *$' | head -4 | tr '\n' ' ' | tr -s ' ' | grep -qiF -- "$2"
}
prev=0
while IFS='	' read -r page title; do
	[ "$page" -ge 3 ] && [ "$page" -le "$npages" ] || fail "\"$title\": page $page is not a page of the report (3..$npages)"
	[ "$page" -ge "$prev" ] || fail "\"$title\": page $page comes before the previous entry's $prev"
	opens "$page" "$title" || fail "\"$title\": the contents say page $page, but that page does not open with it"
	prev=$page
done <"$T/toc"

# the check above can fail: the page after Naoberschap's does not open with it
p=$(sed -n 's/	Naoberschap$//p' "$T/toc")
if opens $((p + 1)) "Naoberschap"; then fail "the page check does not tell pages apart"; fi

# a dotted leader runs from each title to its number: drawn (dark pixels
# between "Voorwoord" and its number on page 2), not text (no dots in the
# contents' text, which screen readers and pdftotext read)
pdftotext -bbox -f 2 -l 2 "$pdf" - | awk -F'"' '
	/>Voorwoord</ { x0 = $6; y0 = $4; y1 = $8; got = 1; next }
	got && /<word/ && $4 == y0 { x1 = $2 }
	END { if (got && x1 > x0 + 20) printf "%d %d %d %d\n", x0 + 4, y0, x1 - x0 - 8, y1 - y0 + 3 }' >"$T/box"
read -r bx by bw bh <"$T/box" || fail "no \"Voorwoord\" with a page number on page 2"
pdftoppm -gray -r 72 -f 2 -l 2 -x "$bx" -y "$by" -W "$bw" -H "$bh" "$pdf" "$T/leader"
dark=$(tail -c $((bw * bh)) "$T"/leader*.pgm | od -An -v -tu1 | tr -s ' ' '\n' | awk '$1 != "" && $1 < 128 { n++ } END { print n + 0 }')
[ "$dark" -ge 100 ] || fail "no leader between \"Voorwoord\" and its page number ($dark dark pixels)"
if pdftotext -layout -f 2 -l 2 "$pdf" - | grep -q '\.\.\.'; then fail "the leaders are text"; fi

# without pdftotext there are no page numbers: the build says so and leaves no PDF behind
set +e
TELLING_PDFTOTEXT=/nonexistent/pdftotext "$TELLING" build "$ROOT/examples/drenthe-2025" -o "$T/site2" --pdf >"$T/out2" 2>"$T/err2"
rc=$?
set -e
[ $rc -ne 0 ] || fail "build --pdf without pdftotext should fail"
expect_in "$T/err2" "pdftotext is not installed (apt-get install -y poppler-utils"
[ ! -e "$T/site2/rapport.pdf" ] || fail "a PDF with placeholder page numbers was left behind"
echo "ok: $entries entries, each on the page the contents give ($npages pages)"
