#!/bin/sh
# Unpublished stories and people without consent appear in no output: not in
# any page (Dutch or English), not in the print version, not in a download.
. "$(dirname "$0")/lib.sh"
MINI=$ROOT/tests/data/mini-report
for lang in nl en; do
	"$TELLING" build "$MINI" -o "$T/$lang" --lang "$lang" >"$T/out" 2>"$T/err" || { cat "$T/err"; fail "mini report does not build ($lang)"; }
	# the published story is there, with its page and the link to it
	[ -f "$T/$lang/verhalen/gepubliceerd.html" ] || fail "no page for the published story ($lang)"
	expect_in "$T/$lang/thema.html" 'href="verhalen/gepubliceerd.html"'
	expect_in "$T/$lang/verhalen/gepubliceerd.html" "Anna Voorbeeld"
	expect_in "$T/$lang/verhalen/gepubliceerd.html" "Een deelnemer doet mee" # the alias opens a sentence
	# and nothing of what is private, anywhere
	[ ! -e "$T/$lang/verhalen/concept.html" ] || fail "a page for the unpublished story ($lang)"
	for secret in "Bram" "Geheim" "Carla" "Een concept dat niet verschijnt" "concept.html"; do
		if grep -rqF -- "$secret" "$T/$lang"; then
			grep -rlF -- "$secret" "$T/$lang" >&2
			fail "\"$secret\" appears in the $lang output"
		fi
	done
done
# the build says why the link to the unpublished story is left out
grep -qF "story concept is not published" "$T/err" || fail "no warning about the unpublished story's link"
