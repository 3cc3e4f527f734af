#!/bin/sh
# The complete small example in docs/agenda-format.md builds as documented.
. "$(dirname "$0")/lib.sh"
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
"$TELLING" build "$D" -o "$T/site" >"$T/out" 2>"$T/err" || { cat "$T/err"; fail "documented example does not build"; }
expect_in "$T/site/gezondheid.html" "beoordeelt 74,2% van de"
expect_in "$T/site/gezondheid.html" "Inwoners leven langer in goede gezondheid"
expect_in "$T/site/gezondheid.html" "nog niet gepubliceerd"
