#!/bin/sh
# The pages telling serve adds, in headless Chromium:
#  1. a browser session (tests/web/serve-browser.mjs): log in, add a story in
#     the editor, see it listed; log out;
#  2. every served-only page type saved (login, editor start, chapter editor
#     with preview, import, stories, progress, grants, next steps, audit
#     trail, accounts, instruments, targets, refused forms (edits and
#     additions), 409 pages (one with a story's people), 404, the
#     dashboard after a publication) with the stylesheets, and checked
#     by tests/web/axe.mjs like the static report: zero violations.
# Last line: "N passed, N failed" (axe's, plus the browser test's).
set -u
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
cd "$ROOT"
TELLING=${TELLING:-$ROOT/build/telling}
T=$(mktemp -d)
pid=
cleanup() {
	[ -n "$pid" ] && kill "$pid" 2>/dev/null
	rm -rf "$T"
}
trap cleanup EXIT
PORT=$((40000 + $$ % 10000))
B=http://127.0.0.1:$PORT
PW=correct-horse-battery
"$TELLING" init tests/data/mini-report --db "$T/s.db" >/dev/null 2>&1 || { echo "web-serve: init failed"; exit 126; }
echo "$PW" | "$TELLING" user add admin --role admin --db "$T/s.db" >/dev/null || exit 126
"$TELLING" serve --db "$T/s.db" --port "$PORT" >"$T/serve.log" 2>&1 &
pid=$!
for _ in $(seq 1 100); do curl -s -o /dev/null "$B/" && break; sleep 0.1; done

fail=0
node tests/web/serve-browser.mjs "$B" admin "$PW" || fail=1

jar=$T/jar
D=$T/pages
mkdir -p "$D/assets"
cp assets/nlds.css assets/telling.css "$D/assets/"
curl -s -c "$jar" -b "$jar" -o "$D/inloggen.html" "$B/inloggen"
tok=$(grep -o 'name="csrf" value="[0-9a-f]*"' "$D/inloggen.html" | sed 's/.*value="//;s/"$//')
curl -s -c "$jar" -b "$jar" -o /dev/null --data-urlencode "csrf=$tok" --data-urlencode name=admin \
	--data-urlencode "password=$PW" "$B/inloggen"
get() { curl -s -b "$jar" -o "$D/$1.html" "$B$2"; }
# post NAME FIELDS PATH: a form sent with the session's CSRF token, the
# answer saved as NAME.html.
post() { curl -s -b "$jar" -o "$D/$1.html" --data-urlencode "csrf=$csrf" --data "$2" "$B$3"; }
get beheer /beheer
csrf=$(grep -o 'name="csrf" value="[0-9a-f]*"' "$D/beheer.html" | head -1 | sed 's/.*value="//;s/"$//')
get hoofdstuk /beheer/hoofdstuk/thema
curl -s -b "$jar" -o "$D/voorbeeld.html" --data-urlencode "csrf=$csrf" --data-urlencode action=preview \
	--data-urlencode "markdown=$(cat tests/data/mini-report/chapters/thema.md)" "$B/beheer/hoofdstuk/thema"
post geweigerd "title=&markdown=" /beheer/verhalen
get import /beheer/import
get verhalen /beheer/verhalen
get voortgang /beheer/voortgang
get toekenningen /beheer/toekenningen
get stappen /beheer/stappen
get audit /beheer/audit
get gebruikers /beheer/gebruikers
get niet-gevonden /bestaat-niet.html
get verhaal-wijzigen /beheer/verhalen/gepubliceerd
get verkennen /verkennen
get verkennen-indicator "/verkennen?indicator=aandeel-a&regio=PV22&regio=NL01&regio=GM0106"
get verkennen-fout "/verkennen?indicator=bestaat-niet"
get vergelijken "/vergelijken?links=PV22&rechts=NL01"
get zoeken "/zoeken?q=aandeel"
get zoeken-niets "/zoeken?q=bestaat-niet"
get toekenning-wijzigen /beheer/toekenningen/regeling-a/0
get gebruiker-wijzigen /beheer/gebruikers/1
get instrumenten /beheer/instrumenten
get instrument-wijzigen /beheer/instrumenten/regeling-a
get streefdoelen /beheer/streefdoelen
get streefdoel-wijzigen /beheer/streefdoelen/doel-met-alles
get voorpagina /
# A refused instrument form: each error names its field, linked to it.
post instrument-geweigerd "version=0&name=&budget=x&start_year=2026&end_year=2024&goals=99" /beheer/instrumenten/regeling-a
# Refused additions of an instrument and a target (the list page with the
# errors and the refilled form), and a story's 409 page with its people.
post instrument-toevoegen-geweigerd "name=&kind=&budget=-1&theme=nope" /beheer/instrumenten
post streefdoel-toevoegen-geweigerd "title=&polarity=beter&deadline=morgen" /beheer/streefdoelen
post verhaal-conflict "version=999999&title=T&markdown=M&people_0_name=Iemand&people_0_consent=1" /beheer/verhalen/gepubliceerd
# A save against a version that is not the stored one: the 409 page with
# both versions; and a save to an item that is gone.
post conflict "version=999999&theme=thema&year=2025&status=done&text=Mijn+versie" /beheer/stappen/1
post conflict-verwijderen "version=999999&action=delete" /beheer/stappen/1
post verdwenen "version=1&recipient=X&year=2025" /beheer/toekenningen/regeling-a/99
# After a publication the dashboard says it shows the current data.
curl -s -b "$jar" -o /dev/null --data-urlencode "csrf=$csrf" --data "note=axe" "$B/beheer/publiceren"
get zoeken-na-publicatie "/zoeken?q=verhaal"
kill "$pid"
wait "$pid" 2>/dev/null
pid=
mkdir -p build/web
node tests/web/axe.mjs "$D" --json build/web/axe-serve.json
rc=$?
[ "$fail" = 0 ] && [ "$rc" = 0 ]
