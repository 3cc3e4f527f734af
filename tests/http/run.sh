#!/bin/sh
# HTTP tests of `telling serve`, with curl, against the ASan+UBSan build:
# every route x role (allowed and forbidden), XSS payloads stored and
# reflected, CSRF, SQL injection, path traversal, oversized requests, ETag
# and gzip, cache invalidation, upload import (all or nothing, positioned
# errors), publication, audit export, login rate limit, graceful SIGTERM.
# Last line: "http: N passed, N failed".
. "$(dirname "$0")/lib.sh"
http_setup 1
# A partner without its organisation is refused.
if echo "$PW" | "$TELLING" user add p2 --role partner --db "$DB" >/dev/null 2>&1; then
	not_ok "partner without organisation accepted"
else ok; fi
# This suite's route x role tables have one column per role below.
ROLES="anon viewer partner editor admin"

# The version the chapter's edit form is at now (saves must name it).
chapter_version() {
	curl -s -b "$T/editor.jar" "$B/beheer/hoofdstuk/thema" | grep -o 'name="version" value="[0-9]*"' |
		head -1 | sed 's/.*value="//;s/"$//'
}

for r in admin editor partner viewer; do login "$r"; done

# ---- Public pages and API -------------------------------------------------
expect "front page" 200 GET /
body_has "front page" "Jaarverslag Mini-agenda 2025"
header_has "front page" "Content-Security-Policy"
expect "chapter page" 200 GET /thema.html
body_has "served report pages link to the dashboard" 'href="/verkennen"'
body_has "served report pages link to search" 'href="/zoeken"'
"$TELLING" build --db "$DB" -o "$T/site" >/dev/null 2>&1 || not_ok "telling build beside the server"
[ -f "$T/site/thema.html" ] && ok || not_ok "telling build wrote no thema.html"
if grep -q 'href="/verkennen"' "$T/site/thema.html" "$T/site/index.html"; then
	not_ok "the static build links to the dashboard"
else ok; fi
expect "indicator CSV" 200 GET /data/aandeel-a.csv
body_has "indicator CSV" "aandeel-a,PV22"
expect "stylesheet" 200 GET /assets/telling.css
expect "unknown page" 404 GET /geen-pagina.html
body_has "404 page" "Pagina niet gevonden"
expect "api agenda" 200 GET /api/v1/agenda
body_has "api agenda" '"slug":"mini"'
expect "api themes" 200 GET /api/v1/themes
expect "api goals" 200 GET "/api/v1/goals?theme=thema"
expect "api indicators" 200 GET /api/v1/indicators
expect "api one indicator" 200 GET /api/v1/indicators/aandeel-a
expect "api unknown indicator" 404 GET /api/v1/indicators/nope
expect "api regions" 200 GET "/api/v1/regions?level=gemeente"
expect "api groups" 200 GET /api/v1/groups
expect "api series" 200 GET "/api/v1/series?indicator=aandeel-a&region=PV22&from=2023"
body_has "api series filter" '"period":"2023JJ00"'
body_lacks "api series from" '"period":"2022JJ00"'
expect "api series group" 200 GET "/api/v1/series?indicator=aandeel-a&group=noord"
body_has "api series group" '"region":"GM0106"'
body_lacks "api series group" '"region":"PV22"'
expect "api paging" 200 GET "/api/v1/series?limit=2&offset=1"
body_has "api paging next" '"next":"/api/v1/series?limit=2&offset=3"'
expect "api csv" 200 GET "/api/v1/series.csv?indicator=aandeel-a"
header_has "api csv" "text/csv"
expect "api bad limit" 400 GET "/api/v1/series?limit=0"
body_has "api bad limit" '"parameter":"limit"'
expect "api bad period" 400 GET "/api/v1/series?from=20x4"
expect "api unknown resource" 404 GET /api/v1/nope

# ETag, Last-Modified, gzip
status GET /thema.html >/dev/null
etag=$(sed -n 's/^[Ee][Tt][Aa][Gg]: *//p' "$T/headers" | tr -d '\r')
header_has "last-modified" "Last-Modified:"
expect "etag revalidation" 304 GET /thema.html -H "If-None-Match: $etag"
status GET /thema.html -H "Accept-Encoding: gzip" >/dev/null
header_has "gzip" "Content-Encoding: gzip"
if gzip -dc <"$T/body" | grep -q "Thema"; then ok; else not_ok "gzip body does not inflate"; fi

# ---- Route x role matrix --------------------------------------------------
# POST bodies carry the session's CSRF token (matrix, lib.sh).
#      method path                       body                           anon viewer partner editor admin
matrix GET /beheer                       ""                             303 200 200 200 200
matrix GET /beheer/hoofdstuk/thema       ""                             303 403 403 200 200
matrix POST /beheer/hoofdstuk/thema      "action=preview&markdown=Hoi"  401 403 403 200 200
matrix GET /beheer/import                ""                             303 403 403 200 200
matrix POST /beheer/import               "x=1"                          401 403 403 400 400
matrix GET /beheer/audit                 ""                             303 403 403 403 200
matrix GET /beheer/audit.csv             ""                             303 403 403 403 200
matrix GET /beheer/audit.json            ""                             303 403 403 403 200
matrix GET /beheer/gebruikers            ""                             303 403 403 403 200
matrix POST /beheer/gebruikers           "name=x&password=short&role=viewer" 401 403 403 403 422
matrix GET /concept/index.html           ""                             303 200 200 200 200
matrix GET /concept/assets/nlds.css      ""                             303 200 200 200 200
matrix GET /inloggen                     ""                             200 303 303 303 303
matrix GET /api/v1/themes                ""                             200 200 200 200 200
matrix GET /thema.html                   ""                             200 200 200 200 200
expect "unknown chapter" 404 GET /beheer/hoofdstuk/nope -b "$T/editor.jar"
expect "wrong method" 405 POST /thema.html --data x=1
expect "unsupported method" 405 PUT /
expect "delete" 405 DELETE /beheer

# ---- Cookies ---------------------------------------------------------------
status GET /inloggen >/dev/null
header_has "login cookie" "HttpOnly; SameSite=Strict"
status GET /inloggen -H "X-Forwarded-Proto: https" >/dev/null
header_has "secure cookie behind TLS" "; Secure"
status GET /beheer -b "$T/editor.jar" >/dev/null
header_has "private pages" "Cache-Control: private, no-store"

# ---- CSRF ------------------------------------------------------------------
c_admin=$(cat "$T/admin.csrf")
c_editor=$(cat "$T/editor.csrf")
expect "no csrf token" 403 POST /beheer/hoofdstuk/thema -b "$T/editor.jar" --data "action=save&markdown=x"
expect "wrong csrf token" 403 POST /beheer/hoofdstuk/thema -b "$T/editor.jar" --data "csrf=00ff&action=save&markdown=x"
expect "another session's token" 403 POST /beheer/hoofdstuk/thema -b "$T/editor.jar" \
	--data "csrf=$c_admin&action=save&markdown=x"
expect "login without its cookie" 403 POST /inloggen --data "csrf=abc&name=admin&password=$PW"

# ---- Login, SQL injection ---------------------------------------------------
curl -s -c "$T/x.jar" -o "$T/body" "$B/inloggen"
t=$(csrf_of)
expect "wrong password" 401 POST /inloggen -b "$T/x.jar" --data-urlencode "csrf=$t" \
	--data-urlencode "name=admin" --data-urlencode "password=wrong-password-1"
body_has "wrong password" "Onjuiste gebruikersnaam of wachtwoord"
expect "sql injection in login" 401 POST /inloggen -b "$T/x.jar" --data-urlencode "csrf=$t" \
	--data-urlencode "name=admin' OR '1'='1" --data-urlencode "password=' OR '1'='1"
expect "sql injection in api" 400 GET "/api/v1/series?region=PV22'%20OR%201=1--"
expect "sql injection in chapter slug" 404 GET "/beheer/hoofdstuk/thema'%20OR%201=1--" -b "$T/editor.jar"

# ---- XSS: reflected and stored ----------------------------------------------
X='"><script>alert(1)</script><img src=x onerror=alert(2)>'
expect "reflected in login" 401 POST /inloggen -b "$T/x.jar" --data-urlencode "csrf=$t" \
	--data-urlencode "name=$X" --data-urlencode "password=wrong-password-2"
body_lacks "reflected in login" "<script>alert(1)"
body_has "reflected in login escaped" "&lt;script&gt;"
expect "reflected in api" 400 GET "/api/v1/series?indicator=%3Cscript%3E"
body_lacks "reflected in api" "<script>"
expect "reflected in 404" 404 GET "/%3Cscript%3Ealert(1)%3C/script%3E.html"
body_lacks "reflected in 404" "<script>alert(1)"
expect "stored xss in chapter" 303 POST /beheer/hoofdstuk/thema -b "$T/editor.jar" \
	--data-urlencode "csrf=$c_editor" --data-urlencode "action=save" --data "version=$(chapter_version)" \
	--data-urlencode "markdown=Tekst $X [klik](javascript:alert(3)) <b onmouseover=alert(4)>b</b>"
expect "stored xss page" 200 GET /thema.html
body_lacks "stored xss page" "<script>alert(1)"
body_lacks "stored xss page" "<img src=x"
body_lacks "stored xss page" "javascript:alert"
body_lacks "stored xss page" "<b onmouseover"
body_has "edit is live before publication" "Tekst"
expect "stored xss editor" 200 GET /beheer/hoofdstuk/thema -b "$T/editor.jar"
body_lacks "stored xss editor" "<script>alert(1)"
expect "stored xss audit" 200 GET /beheer/audit -b "$T/admin.jar"
body_lacks "stored xss audit" "<script>alert(1)"
body_has "audit shows the edit" "chapter thema"
expect "xss in user name" 303 POST /beheer/gebruikers -b "$T/admin.jar" --data-urlencode "csrf=$c_admin" \
	--data-urlencode "name=<script>alert(5)</script>" --data-urlencode "password=$PW" \
	--data-urlencode "role=partner" --data-urlencode "organisation=<img src=x onerror=alert(6)>"
expect "users page" 200 GET /beheer/gebruikers -b "$T/admin.jar"
body_lacks "stored xss users" "<script>alert(5)"
body_lacks "stored xss users" "<img src=x"
body_has "stored xss users escaped" "&lt;script&gt;alert(5)"
expect "preview" 200 POST /beheer/hoofdstuk/thema -b "$T/editor.jar" --data-urlencode "csrf=$c_editor" \
	--data-urlencode "action=preview" --data-urlencode "markdown=Voorbeeldtekst $X"
body_has "preview shows the text" "Voorbeeldtekst"
body_lacks "preview escapes" "<script>alert(1)"
expect "bad binding refused" 422 POST /beheer/hoofdstuk/thema -b "$T/editor.jar" --data-urlencode "csrf=$c_editor" \
	--data "version=$(chapter_version)" --data-urlencode "action=save" --data-urlencode "markdown=Regel een
{{grafiek bestaat-niet}}"
body_has "bad binding names its place" "thema.md:2"
expect "text unchanged after refusal" 200 GET /thema.html
body_lacks "text unchanged after refusal" "bestaat-niet"

# ---- Path traversal and bad input -------------------------------------------
expect "dot-dot" 400 GET /../../etc/passwd
expect "encoded dot-dot" 400 GET /%2e%2e/%2e%2e/etc/passwd
expect "assets dot-dot" 400 GET /assets/../../../etc/passwd
expect "data dot-dot" 400 GET /data/../agenda.yml
expect "backslash" 400 GET '/assets/..%5c..%5cetc%5cpasswd'
expect "concept dot-dot" 400 GET /concept/../../etc/passwd -b "$T/viewer.jar"
expect "control byte" 400 GET "/thema%01.html"
expect "bad form escape" 400 POST /beheer/hoofdstuk/thema -b "$T/editor.jar" --data "csrf=$c_editor&markdown=%zz"

# ---- Oversized requests -------------------------------------------------------
head -c 70000 /dev/zero | tr '\0' 'a' >"$T/big"
expect "oversized form (length)" 413 POST /inloggen --data-binary "@$T/big"
expect "oversized form (chunked)" 413 POST /inloggen -H "Transfer-Encoding: chunked" --data-binary "@$T/big"
head -c 70000 /dev/zero | tr '\0' 'b' >"$T/bighdr"
code=$(curl -s -o /dev/null -w '%{http_code}' -H "X-Big: $(cat "$T/bighdr")" "$B/")
case $code in 4*) ok ;; *) not_ok "oversized header gave $code" ;; esac
expect "server still answers" 200 GET /

# ---- Upload import: positioned errors, all or nothing -------------------------
n_before=$(sql 'SELECT count(*) FROM observation')
printf 'indicator;region;period;value;status;source;note\naandeel-a;PV22;2030;60,0;;test;\naandeel-a;XX99;2031;1,0;;test;\n' >"$T/bad.csv"
expect "bad upload" 422 POST /beheer/import -b "$T/editor.jar" -F "csrf=$c_editor" -F "file=@$T/bad.csv"
body_has "bad upload names the line" "bad.csv:3"
body_has "bad upload: nothing imported" "niets geïmporteerd"
[ "$(sql 'SELECT count(*) FROM observation')" = "$n_before" ] && ok || not_ok "bad upload changed the store"
printf 'indicator;region;period;value;status;source;note\naandeel-a;PV22;2030;60,0;;test;\n' >"$T/good.csv"
expect "good upload" 200 POST /beheer/import -b "$T/editor.jar" -F "csrf=$c_editor" -F "file=@$T/good.csv"
body_has "good upload" "1 waarnemingen"
expect "api sees the import" 200 GET "/api/v1/series?indicator=aandeel-a&region=PV22&from=2030"
body_has "api sees the import" '"period":"2030JJ00"'
expect "upload without csrf" 403 POST /beheer/import -b "$T/editor.jar" -F "file=@$T/good.csv"
expect "partner may not upload" 403 POST /beheer/import -b "$T/partner.jar" \
	-F "csrf=$(cat "$T/partner.csrf")" -F "file=@$T/good.csv"

# ---- Changes from another process are picked up -------------------------------
printf 'indicator;region;period;value;status;source;note\naandeel-a;PV22;2031;61,0;;test;\n' >"$T/cli.csv"
"$TELLING" import "$T/cli.csv" --db "$DB" >/dev/null 2>&1
sleep 2.5
expect "cli import seen" 200 GET "/api/v1/series?indicator=aandeel-a&region=PV22&from=2031"
body_has "cli import seen" '"period":"2031JJ00"'

# ---- Publication: frozen and reproducible -----------------------------------
expect "publish" 303 POST /beheer/publiceren -b "$T/editor.jar" --data "csrf=$c_editor&note=eerste"
expect "published page" 200 GET /thema.html
cp "$T/body" "$T/published.html"
expect "publish again" 303 POST /beheer/publiceren -b "$T/admin.jar" --data "csrf=$c_admin&note=tweede"
d=$(sql 'SELECT count(DISTINCT digest) FROM publication')
[ "$d" = 1 ] && ok || not_ok "same data published twice gave $d digests"
expect "edit after publication" 303 POST /beheer/hoofdstuk/thema -b "$T/editor.jar" \
	--data-urlencode "csrf=$c_editor" --data "version=$(chapter_version)" --data-urlencode "action=save" --data-urlencode "markdown=Conceptversie na publicatie"
expect "public stays frozen" 200 GET /thema.html
body_lacks "public stays frozen" "Conceptversie na publicatie"
cmp -s "$T/body" "$T/published.html" && ok || not_ok "published page changed after an edit"
expect "draft shows the edit" 200 GET /concept/thema.html -b "$T/viewer.jar"
body_has "draft shows the edit" "Conceptversie na publicatie"

# ---- Audit trail ---------------------------------------------------------------
expect "audit csv" 200 GET /beheer/audit.csv -b "$T/admin.jar"
body_has "audit csv header" "id,at,user,action,entity,key,before,after"
body_has "audit records import" "import,observations,good.csv"
body_has "audit records publish" "publish,report"
expect "audit json" 200 GET /beheer/audit.json -b "$T/admin.jar"
body_has "audit before and after" '"before":{"markdown":"Tekst'
body_has "audit after" '"after":{"markdown":"Conceptversie na publicatie"}'

# ---- Report content: stories, progress, grants, next steps ---------------------
#      method path                       body                                   anon viewer partner editor admin
matrix GET /beheer/verhalen              ""                                     303 403 200 200 200
matrix POST /beheer/verhalen             "title="                               401 403 422 422 422
matrix GET /beheer/voortgang             ""                                     303 403 200 200 200
matrix POST /beheer/voortgang            "target=doel-met-alles&date=x"         401 403 403 422 422
matrix GET /beheer/toekenningen          ""                                     303 403 200 200 200
matrix POST /beheer/toekenningen         "instrument=regeling-a&year=x"         401 403 403 422 422
matrix GET /beheer/stappen               ""                                     303 403 403 200 200
matrix POST /beheer/stappen              "theme=nope"                           401 403 403 422 422
# A partner of Regeling A's organisation writes for Regeling A, not for Netwerk B.
login partner1
c_p1=$(cat "$T/partner1.csrf")
expect "partner adds a story" 303 POST /beheer/verhalen -b "$T/partner1.jar" --data-urlencode "csrf=$c_p1" \
	--data-urlencode "title=Tuin $X" --data-urlencode "instruments=regeling-a" \
	--data-urlencode "municipality=GM0106" --data-urlencode "markdown=Een verhaal $X"
expect "partner's stories" 200 GET /beheer/verhalen -b "$T/partner1.jar"
body_has "partner's story listed" "Tuin &quot;&gt;&lt;script&gt;"
body_lacks "partner's story escaped" "<script>alert(1)"
body_has "partner's story is a draft" "(concept)"
expect "other partner's list" 200 GET /beheer/verhalen -b "$T/partner.jar"
body_lacks "other partner does not see it" "Tuin"
expect "partner: not its instrument" 403 POST /beheer/verhalen -b "$T/partner1.jar" --data-urlencode "csrf=$c_p1" \
	--data-urlencode "title=Netwerkverhaal" --data-urlencode "instruments=netwerk-b" --data-urlencode "markdown=x"
expect "partner: no instrument" 422 POST /beheer/verhalen -b "$T/partner1.jar" --data-urlencode "csrf=$c_p1" \
	--data-urlencode "title=Zonder" --data-urlencode "markdown=x"
expect "partner adds progress" 303 POST /beheer/voortgang -b "$T/partner1.jar" --data-urlencode "csrf=$c_p1" \
	--data "target=doel-met-alles&date=2025-06&value=6%2C5&source=Partner"
expect "partner adds a grant" 303 POST /beheer/toekenningen -b "$T/partner1.jar" --data-urlencode "csrf=$c_p1" \
	--data "instrument=regeling-a&recipient=Dorpshuis+Test&year=2025&amount=1250%2C50&municipality=GM0114"
expect "partner: grant elsewhere" 403 POST /beheer/toekenningen -b "$T/partner1.jar" --data-urlencode "csrf=$c_p1" \
	--data "instrument=netwerk-b&recipient=X&year=2025"
expect "bad amount" 422 POST /beheer/toekenningen -b "$T/editor.jar" --data-urlencode "csrf=$c_editor" \
	--data "instrument=regeling-a&recipient=X&year=2025&amount=1.250%2C50"
body_has "bad amount names the field" "amount"
expect "editor publishes a story" 303 POST /beheer/verhalen -b "$T/editor.jar" --data-urlencode "csrf=$c_editor" \
	--data "title=Redactieverhaal&markdown=Tekst&published=1"
expect "a story with people, goals and instruments" 303 POST /beheer/verhalen -b "$T/editor.jar" \
	--data-urlencode "csrf=$c_editor" --data "title=Met+mensen&published=1&goals=1&instruments=regeling-a" \
	--data-urlencode "markdown=Piet Privé vertelt." --data-urlencode "people_0_name=Piet Privé" \
	--data "people_0_role=buurman&people_0_alias=een+buurman"
[ "$(sql "SELECT count(*) FROM story_person WHERE story = 'met-mensen' AND consent = 0")" = 1 ] && ok ||
	not_ok "the new story's people were not stored"
expect "a person needs a name" 422 POST /beheer/verhalen -b "$T/editor.jar" --data-urlencode "csrf=$c_editor" \
	--data "title=Fout&markdown=x&people_0_role=rol&people_0_consent=1"
body_has "the refusal names the field" 'href="#people"'
body_has "the refused form keeps the person" 'name="people_0_role" value="rol"'
expect "editor adds a next step" 303 POST /beheer/stappen -b "$T/editor.jar" --data-urlencode "csrf=$c_editor" \
	--data "theme=thema&year=2026&status=planned&text=Een+nieuwe+stap"
expect "api stories" 200 GET /api/v1/stories
body_has "api: published story" "Een gepubliceerd verhaal"
body_has "api: editor's published story" "Redactieverhaal"
body_lacks "api: draft stays out" "Een concept dat niet verschijnt"
body_lacks "api: partner's draft stays out" "Tuin"
body_lacks "api: no name without consent" "Bram Geheim"
body_has "api: alias instead" "een deelnemer"
body_lacks "api: a new story's name without consent" "Piet Priv"
body_has "api: its alias" "een buurman"
expect "api targets" 200 GET /api/v1/targets
body_has "api: progress added" '"date":"2025-06","value":6.5,"source":"Partner"'
expect "api grants" 200 GET "/api/v1/grants?instrument=regeling-a&year=2025"
body_has "api: grant added" '"recipient":"Dorpshuis Test"'
body_has "api: grant amount" '"amount":1250.5'
expect "api grants csv" 200 GET "/api/v1/grants.csv?municipality=GM0114"
body_has "api grants csv" "regeling-a,Dorpshuis Test,,GM0114,2025,1250.5,"
expect "api next steps" 200 GET "/api/v1/next-steps?year=2026"
body_has "api: step added" "Een nieuwe stap"
expect "api instruments" 200 GET /api/v1/instruments
body_has "api instruments" '"partners":["Partner Een","Partner Twee"]'
expect "audit of content" 200 GET /beheer/audit.csv -b "$T/admin.jar"
body_has "audit: story by partner" "partner1,add,story"
body_has "audit: grant" "add,grant,regeling-a"

# ---- After a publication the dashboard shows the current data, and says so -----
expect "search after publication" 200 GET "/zoeken?q=Redactieverhaal"
body_has "the dashboard says it shows current data" "Het dashboard toont de actuele gegevens"
body_has "a story from after the publication is found" "Redactieverhaal"
body_has "it is marked as not yet in the report" "(nog niet in het gepubliceerde verslag)"
body_lacks "no link into the frozen report for it" 'href="/verhalen/redactieverhaal.html"'
expect "the frozen report lacks that page" 404 GET /verhalen/redactieverhaal.html
expect "search for what the report has" 200 GET "/zoeken?q=gepubliceerd"
body_has "a link into the published report" 'href="/verhalen/gepubliceerd.html"'
expect "explorer after publication" 200 GET /verkennen
body_has "the explorer says so too" "Het dashboard toont de actuele gegevens"

# ---- Logout, then login rate limit (last: it locks out this address) ---------
expect "logout" 303 POST /uitloggen -b "$T/viewer.jar" --data "csrf=$(cat "$T/viewer.csrf")"
expect "session gone after logout" 303 GET /beheer -b "$T/viewer.jar"
for i in 1 2 3 4 5; do
	status POST /inloggen -b "$T/x.jar" --data-urlencode "csrf=$t" --data-urlencode "name=editor" \
		--data-urlencode "password=wrong-$i-password" >/dev/null
done
expect "rate limit" 429 POST /inloggen -b "$T/x.jar" --data-urlencode "csrf=$t" --data-urlencode "name=editor" \
	--data-urlencode "password=$PW"
header_has "rate limit" "Retry-After"

# ---- Graceful stop ----------------------------------------------------------------
http_done
