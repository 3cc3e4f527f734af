#!/bin/sh
# `telling build` runs the check and prints its findings; --strict refuses
# to build while the check finds errors, and writes nothing.
. "$(dirname "$0")/lib.sh"
EX=$ROOT/examples/drenthe-2025
"$TELLING" build "$EX" -o "$T/site" >"$T/out" 2>"$T/err" || fail "build without --strict should succeed"
expect_in "$T/err" "chapters/naoberschap.md:51:306: error: \"42 initiatieven"
expect_in "$T/err" "check: 5 errors,"
expect_in "$T/out" "(see warnings above)"
[ -s "$T/site/index.html" ] || fail "no site built"
set +e
"$TELLING" build "$EX" -o "$T/strict" --strict >"$T/sout" 2>"$T/serr"; rc=$?
set -e
[ $rc -eq 1 ] || fail "build --strict with check errors should exit 1, got $rc"
expect_in "$T/serr" "report not built: the check found 5 errors (--strict)"
[ ! -e "$T/strict" ] || fail "build --strict wrote $T/strict"
# a clean agenda builds under --strict (the documented small example)
D=$T/mijn-agenda
mkdir -p "$D/data" "$D/chapters"
awk -v dir="$D" '
	/^```yaml$/ && !y { out = dir "/agenda.yml"; y = 1; next }
	/^```csv$/ && !c { out = dir "/data/voorbeeld.csv"; c = 1; next }
	/^```markdown$/ && !m { out = dir "/chapters/gezondheid.md"; m = 1; next }
	/^```$/ { out = ""; next }
	out != "" { print > out }
' "$ROOT/docs/agenda-format.md"
echo "Welkom." >"$D/chapters/inleiding.md"
"$TELLING" build "$D" -o "$T/small" --strict >"$T/o2" 2>"$T/e2" || { cat "$T/e2" >&2; fail "a clean agenda should build with --strict"; }
exit 0
