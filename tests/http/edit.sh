#!/bin/sh
# HTTP tests of editing and deleting report content in `telling serve`
# (stories with their people, goals and instruments; grants, progress,
# next steps, instruments, targets, chapters, accounts; adding and deleting
# instruments and targets; a story's people field by field): every route x
# role, version-checked saves (a stale form gets a 409
# page in Dutch with both versions and loses nothing), deletes, the audit
# trail's before and after, CSRF, XSS in every edited field, and a
# concurrent edit where exactly one of several writers wins.
# Last line: "http: N passed, N failed".
. "$(dirname "$0")/lib.sh"
http_setup 2
for r in admin editor partner partner1 viewer; do login "$r"; done
c_editor=$(cat "$T/editor.csrf")
c_admin=$(cat "$T/admin.csrf")
c_p1=$(cat "$T/partner1.csrf")
X='"><script>alert(1)</script><img src=x onerror=alert(2)>'

# ---- Route x role --------------------------------------------------------
# partner = another organisation's partner; partner1 = partner of regeling-a.
#      method path                              body                           anon viewer partner partner1 editor admin
matrix GET  /beheer/verhalen/gepubliceerd       ""                             303 403 403 200 200 200
matrix POST /beheer/verhalen/gepubliceerd       "version=0&title="             401 403 403 422 422 422
matrix GET  /beheer/toekenningen/regeling-a/0   ""                             303 403 403 200 200 200
matrix POST /beheer/toekenningen/regeling-a/0   "version=0&year=x"             401 403 403 422 422 422
matrix GET  /beheer/voortgang/doel-met-alles/0  ""                             303 403 403 200 200 200
matrix POST /beheer/voortgang/doel-met-alles/0  "version=0&date=x"             401 403 403 422 422 422
matrix GET  /beheer/stappen/1                   ""                             303 403 403 403 200 200
matrix POST /beheer/stappen/1                   "version=0&theme=nope"         401 403 403 403 422 422
matrix GET  /beheer/hoofdstuk/thema             ""                             303 403 403 403 200 200
expect "unknown story" 404 GET /beheer/verhalen/bestaat-niet -b "$T/editor.jar"
expect "unknown grant" 404 GET /beheer/toekenningen/regeling-a/99 -b "$T/editor.jar"
expect "grant of unknown instrument" 404 GET /beheer/toekenningen/nope/0 -b "$T/editor.jar"
expect "bad grant key" 404 GET /beheer/toekenningen/regeling-a/x -b "$T/editor.jar"
expect "unknown step" 404 GET /beheer/stappen/99 -b "$T/editor.jar"
expect "step key not a number" 404 GET "/beheer/stappen/1%20OR%201=1" -b "$T/editor.jar"
expect "save without a version" 400 POST /beheer/stappen/1 -b "$T/editor.jar" \
	--data "csrf=$c_editor&theme=thema&year=2025&status=done&text=x"
expect "save without csrf" 403 POST /beheer/stappen/1 -b "$T/editor.jar" \
	--data "version=0&theme=thema&year=2025&status=done&text=x"
expect "save with another session's csrf" 403 POST /beheer/stappen/1 -b "$T/editor.jar" \
	--data "csrf=$c_admin&version=0&theme=thema&year=2025&status=done&text=x"

# ---- Lists link to the edit pages -------------------------------------------
expect "grant list" 200 GET /beheer/toekenningen -b "$T/partner1.jar"
body_has "grant list links" 'href="/beheer/toekenningen/regeling-a/0"'
expect "story list" 200 GET /beheer/verhalen -b "$T/editor.jar"
body_has "story list links" 'href="/beheer/verhalen/concept"'
body_has "each story's link names it" 'href="/beheer/verhalen/concept">wijzigen of verwijderen<span class="tl-visually-hidden">: '
expect "step list" 200 GET /beheer/stappen -b "$T/editor.jar"
body_has "step list links" 'href="/beheer/stappen/'

# ---- A save at the current version ---------------------------------------------
expect "grant form" 200 GET /beheer/toekenningen/regeling-a/0 -b "$T/partner1.jar"
body_has "grant form shows it" 'value="Stichting Een"'
v0=$(version_of)
[ "$v0" = 0 ] && ok || not_ok "imported grant has version $v0, expected 0"
expect "partner edits a grant" 303 POST /beheer/toekenningen/regeling-a/0 -b "$T/partner1.jar" \
	--data-urlencode "csrf=$c_p1" --data "version=$v0&recipient=Stichting+Een+bv&year=2025&amount=2600&municipality=GM0106"
expect "api shows the edit" 200 GET "/api/v1/grants?instrument=regeling-a"
body_has "api shows the edit" '"recipient":"Stichting Een bv"'
body_has "api: amount" '"amount":2600'
expect "grant form again" 200 GET /beheer/toekenningen/regeling-a/0 -b "$T/partner1.jar"
v1=$(version_of)
[ -n "$v1" ] && [ "$v1" -gt "$v0" ] && ok || not_ok "version after a save: $v1 (was $v0)"

# ---- A save against an older version: 409, both versions, nothing lost ------------
expect "stale save" 409 POST /beheer/toekenningen/regeling-a/0 -b "$T/editor.jar" \
	--data-urlencode "csrf=$c_editor" --data "version=$v0&recipient=Mijn+eigen+tekst&year=2025"
body_has "409 in Dutch" "iemand anders heeft dit intussen gewijzigd"
body_has "409 shows my version" "Mijn eigen tekst"
body_has "409 shows the stored version" "Stichting Een bv"
body_has "409 form keeps my text" 'value="Mijn eigen tekst"'
vc=$(version_of)
[ "$vc" = "$v1" ] && ok || not_ok "409 form carries version $vc, expected the stored $v1"
expect "store unchanged by the stale save" 200 GET "/api/v1/grants?instrument=regeling-a"
body_lacks "store unchanged by the stale save" "Mijn eigen tekst"
expect "save again from the 409 form" 303 POST /beheer/toekenningen/regeling-a/0 -b "$T/editor.jar" \
	--data-urlencode "csrf=$c_editor" --data "version=$vc&recipient=Mijn+eigen+tekst&year=2025"
expect "second save is stored" 200 GET "/api/v1/grants?instrument=regeling-a"
body_has "second save is stored" "Mijn eigen tekst"

# ---- Audit: before and after ------------------------------------------------------
expect "audit json" 200 GET /beheer/audit.json -b "$T/admin.jar"
body_has "audit: partner's edit" '"action":"edit","after":{"amount":"2600"'
body_has "audit: before" '"before":{"amount":"2500"'
body_has "audit: who" '"user":"partner1"'

# ---- Deletes -----------------------------------------------------------------------
expect "progress form" 200 GET /beheer/voortgang/doel-met-alles/0 -b "$T/editor.jar"
pv=$(version_of)
expect "progress edit" 303 POST /beheer/voortgang/doel-met-alles/0 -b "$T/editor.jar" \
	--data-urlencode "csrf=$c_editor" --data "version=$pv&date=2025-02&value=5%2C5&source=Bron"
expect "stale delete" 409 POST /beheer/voortgang/doel-met-alles/0 -b "$T/editor.jar" \
	--data-urlencode "csrf=$c_editor" --data "version=$pv&action=delete"
body_has "stale delete explained" "Er is niets verwijderd"
pv2=$(version_of)
expect "delete at the current version" 303 POST /beheer/voortgang/doel-met-alles/0 -b "$T/editor.jar" \
	--data-urlencode "csrf=$c_editor" --data "version=$pv2&action=delete"
expect "deleted progress is gone" 404 GET /beheer/voortgang/doel-met-alles/0 -b "$T/editor.jar"
expect "api without the progress" 200 GET /api/v1/targets
body_lacks "api without the progress" '"date":"2025-02"'
expect "save to a deleted item" 404 POST /beheer/voortgang/doel-met-alles/0 -b "$T/editor.jar" \
	--data-urlencode "csrf=$c_editor" --data "version=$pv2&date=2025-03&value=7&note=Nog+een+notitie"
body_has "gone page in Dutch" "intussen verwijderd"
body_has "gone page keeps the text" "Nog een notitie"
expect "audit of the delete" 200 GET /beheer/audit.csv -b "$T/admin.jar"
body_has "audit of the delete" "editor,delete,target progress,doel-met-alles/0"
# A new entry after a delete never takes a version a stale form holds.
expect "progress added after delete" 303 POST /beheer/voortgang -b "$T/editor.jar" \
	--data-urlencode "csrf=$c_editor" --data "target=doel-met-alles&date=2025-04&value=6"
expect "new entry form" 200 GET /beheer/voortgang -b "$T/editor.jar"
link=$(grep -o '/beheer/voortgang/doel-met-alles/[0-9]*' "$T/body" | head -1)
expect "new entry" 200 GET "$link" -b "$T/editor.jar"
nv=$(version_of)
[ "$nv" != "$pv" ] && [ "$nv" != "$pv2" ] && ok || not_ok "re-used key got an old version $nv"

# ---- Stories: partners keep the publish flag, XSS in every field ------------------
expect "story form" 200 GET /beheer/verhalen/concept -b "$T/partner1.jar"
body_lacks "partner sees no publish box" 'name="published"'
sv=$(version_of)
expect "partner edits a draft" 303 POST /beheer/verhalen/concept -b "$T/partner1.jar" --data-urlencode "csrf=$c_p1" \
	--data-urlencode "version=$sv" --data-urlencode "title=T $X" --data-urlencode "kicker=K $X" \
	--data-urlencode "lead=L $X" --data-urlencode "place=P $X" --data-urlencode "date=2025-11" \
	--data-urlencode "markdown=M $X" --data-urlencode "published=1" --data "instruments=regeling-a"
[ "$(sql "SELECT published FROM story WHERE slug = 'concept'")" = 0 ] && ok ||
	not_ok "a partner published a story"
expect "story form after xss" 200 GET /beheer/verhalen/concept -b "$T/editor.jar"
body_lacks "edit form escapes" "<script>alert(1)"
body_lacks "edit form escapes img" "<img src=x"
body_has "edit form shows it escaped" 'value="T &quot;&gt;&lt;script&gt;'
sv2=$(version_of)
expect "stale story save" 409 POST /beheer/verhalen/concept -b "$T/editor.jar" --data-urlencode "csrf=$c_editor" \
	--data-urlencode "version=$sv" --data-urlencode "title=Mijn $X" --data-urlencode "markdown=Mijn tekst $X"
body_lacks "409 page escapes" "<script>alert(1)"
body_lacks "409 page escapes img" "<img src=x"
body_has "409 page shows mine escaped" "Mijn &quot;&gt;&lt;script&gt;"
expect "editor publishes" 303 POST /beheer/verhalen/concept -b "$T/editor.jar" --data-urlencode "csrf=$c_editor" \
	--data-urlencode "version=$sv2" --data-urlencode "title=Gewijzigd verhaal" --data-urlencode "markdown=Nieuwe tekst" \
	--data-urlencode "published=1"
expect "published story in the api" 200 GET /api/v1/stories
body_has "published story in the api" "Gewijzigd verhaal"
expect "published story page" 200 GET /verhalen/concept.html
body_has "published story page" "Nieuwe tekst"
expect "story form" 200 GET /beheer/verhalen/concept -b "$T/editor.jar"
sv3=$(version_of)
# A chapter shows this story ({{verhaal concept}}): deleting it would leave
# no report, so the delete is refused and rolled back, with the reason.
expect "delete of a story a chapter shows" 422 POST /beheer/verhalen/concept -b "$T/editor.jar" \
	--data-urlencode "csrf=$c_editor" --data "version=$sv3&action=delete"
body_has "refusal names the binding" 'thema.md:32'
[ "$(sql "SELECT count(*) FROM story WHERE slug = 'concept'")" = 1 ] && ok ||
	not_ok "the refused delete removed the story"
[ "$(sql "SELECT count(*) FROM audit WHERE action = 'delete' AND entity = 'story'")" = 0 ] && ok ||
	not_ok "the refused delete left an audit row"
expect "server still serves after the refusal" 200 GET /verhalen/concept.html
expect "a story to delete" 303 POST /beheer/verhalen -b "$T/editor.jar" --data-urlencode "csrf=$c_editor" \
	--data "title=Weg+ermee&markdown=Tekst&published=1&instruments=regeling-a"
expect "its page" 200 GET /verhalen/weg-ermee.html
expect "its form" 200 GET /beheer/verhalen/weg-ermee -b "$T/editor.jar"
wv=$(version_of)
expect "story delete" 303 POST /beheer/verhalen/weg-ermee -b "$T/editor.jar" --data-urlencode "csrf=$c_editor" \
	--data "version=$wv&action=delete"
[ "$(sql "SELECT count(*) FROM story_instrument WHERE story = 'weg-ermee'")" = 0 ] && ok ||
	not_ok "the story's instrument links stayed behind"
expect "deleted story page" 404 GET /verhalen/weg-ermee.html

# ---- Next steps and chapters ---------------------------------------------------------
expect "step form" 200 GET /beheer/stappen/1 -b "$T/editor.jar"
stv=$(version_of)
expect "step edit" 303 POST /beheer/stappen/1 -b "$T/editor.jar" --data-urlencode "csrf=$c_editor" \
	--data "version=$stv&theme=thema&year=2025&status=done&text=Stap+een+herschreven"
expect "api step" 200 GET "/api/v1/next-steps?year=2025"
body_has "api step" "Stap een herschreven"
expect "chapter form" 200 GET /beheer/hoofdstuk/thema -b "$T/editor.jar"
cv=$(version_of)
expect "chapter save" 303 POST /beheer/hoofdstuk/thema -b "$T/editor.jar" --data-urlencode "csrf=$c_editor" \
	--data-urlencode "version=$cv" --data-urlencode "action=save" --data-urlencode "markdown=Versie van de redacteur"
expect "stale chapter save" 409 POST /beheer/hoofdstuk/thema -b "$T/admin.jar" --data-urlencode "csrf=$c_admin" \
	--data-urlencode "version=$cv" --data-urlencode "action=save" --data-urlencode "markdown=Versie van de beheerder"
body_has "chapter 409 shows both" "Versie van de redacteur"
body_has "chapter 409 keeps mine" "Versie van de beheerder"
expect "chapter unchanged" 200 GET /thema.html
body_lacks "chapter unchanged" "Versie van de beheerder"
expect "chapter save without version" 400 POST /beheer/hoofdstuk/thema -b "$T/admin.jar" \
	--data-urlencode "csrf=$c_admin" --data-urlencode "action=save" --data-urlencode "markdown=Zonder versie"

# ---- Adds are checked before they commit, as edits are ---------------------------
# A chapter broken behind the server's back (a binding to a story that does
# not exist) means no report can be built from the store: every add is
# then refused with a 422 that names the binding, and stores nothing (not
# the item, not an audit row), instead of committing and failing to reload.
sql "UPDATE chapter SET markdown = markdown || ' {{verhaal bestaat-niet}}' WHERE slug = 'thema'"
n_story=$(sql "SELECT count(*) FROM story")
n_award=$(sql "SELECT count(*) FROM award")
n_prog=$(sql "SELECT count(*) FROM target_progress")
n_step=$(sql "SELECT count(*) FROM next_step")
n_aud=$(sql "SELECT count(*) FROM audit")
expect "story add while no report builds" 422 POST /beheer/verhalen -b "$T/editor.jar" --data-urlencode "csrf=$c_editor" \
	--data "title=Niet+bewaard&markdown=Tekst&instruments=regeling-a"
body_has "story add refusal names the binding" 'bestaat-niet'
body_has "story add refusal keeps the form" 'value="Niet bewaard"'
expect "grant add while no report builds" 422 POST /beheer/toekenningen -b "$T/editor.jar" --data-urlencode "csrf=$c_editor" \
	--data "instrument=regeling-a&recipient=Niet+bewaard&year=2025"
body_has "grant add refusal names the binding" 'bestaat-niet'
expect "progress add while no report builds" 422 POST /beheer/voortgang -b "$T/editor.jar" --data-urlencode "csrf=$c_editor" \
	--data "target=doel-met-alles&date=2025-06&value=3"
body_has "progress add refusal names the binding" 'bestaat-niet'
expect "step add while no report builds" 422 POST /beheer/stappen -b "$T/editor.jar" --data-urlencode "csrf=$c_editor" \
	--data "theme=thema&year=2026&status=planned&text=Niet+bewaard"
body_has "step add refusal names the binding" 'bestaat-niet'
for t in story award target_progress next_step audit; do
	case $t in story) was=$n_story ;; award) was=$n_award ;; target_progress) was=$n_prog ;;
	next_step) was=$n_step ;; audit) was=$n_aud ;; esac
	now=$(sql "SELECT count(*) FROM $t")
	[ "$now" = "$was" ] && ok || not_ok "a refused add changed $t: $was rows, now $now"
done
sql "UPDATE chapter SET markdown = replace(markdown, ' {{verhaal bestaat-niet}}', '') WHERE slug = 'thema'"
expect "a step add once the report builds again" 303 POST /beheer/stappen -b "$T/editor.jar" \
	--data-urlencode "csrf=$c_editor" --data "theme=thema&year=2026&status=planned&text=Wel+bewaard"
[ "$(sql "SELECT count(*) FROM next_step")" = $((n_step + 1)) ] && ok || not_ok "the step add after repair was not stored"

# ---- Concurrent edits: one writer wins, the others get 409 ---------------------------
expect "step form" 200 GET /beheer/stappen/2 -b "$T/editor.jar"
cv=$(version_of)
for i in 1 2 3 4 5 6 7 8; do
	jar=$T/editor.jar
	[ $((i % 2)) = 0 ] && jar=$T/admin.jar && c=$c_admin || c=$c_editor
	curl -s -o /dev/null -w '%{http_code}\n' -b "$jar" --data-urlencode "csrf=$c" \
		--data "version=$cv&theme=thema&year=2025&status=started&text=Schrijver+$i" \
		"$B/beheer/stappen/2" >"$T/conc.$i" &
done
wait_for=0
while [ "$(cat "$T"/conc.* 2>/dev/null | wc -l)" -lt 8 ] && [ $wait_for -lt 300 ]; do
	sleep 0.1
	wait_for=$((wait_for + 1))
done
wins=$(cat "$T"/conc.* | grep -c '^303$')
conflicts=$(cat "$T"/conc.* | grep -c '^409$')
[ "$wins" = 1 ] && ok || not_ok "concurrent saves: $wins won (expected exactly 1)"
[ "$conflicts" = 7 ] && ok || not_ok "concurrent saves: $conflicts got 409 (expected 7)"
winner=$(sql "SELECT text FROM next_step WHERE position = 2")
n_audit=$(sql "SELECT count(*) FROM audit WHERE entity = 'next step' AND entity_key = '2'")
[ "$n_audit" = 1 ] && ok || not_ok "concurrent saves left $n_audit audit rows"
case $winner in "Schrijver "*) ok ;; *) not_ok "concurrent saves stored: $winner" ;; esac

# ---- Instruments: partners, municipalities, budget, period, goals -------------
#      method path                                body                anon viewer partner partner1 editor admin
matrix GET  /beheer/instrumenten                  ""                  303 403 200 200 200 200
matrix GET  /beheer/instrumenten/regeling-a       ""                  303 403 403 200 200 200
matrix POST /beheer/instrumenten/regeling-a       "version=0&name="   401 403 403 422 422 422
matrix GET  /beheer/instrumenten/netwerk-b        ""                  303 403 403 403 200 200
matrix POST /beheer/instrumenten/netwerk-b        "version=0&name="   401 403 403 403 422 422
expect "unknown instrument" 404 GET /beheer/instrumenten/bestaat-niet -b "$T/editor.jar"
expect "sql injection in an instrument slug" 404 GET "/beheer/instrumenten/regeling-a'%20OR%201=1--" -b "$T/editor.jar"
expect "dot-dot after an instrument" 400 GET "/beheer/instrumenten/../gebruikers" -b "$T/editor.jar"
expect "sql injection in a target slug" 404 POST "/beheer/streefdoelen/x'%20OR%201=1--" -b "$T/editor.jar" \
	--data-urlencode "csrf=$c_editor" --data "version=0&title=x"
expect "instrument list" 200 GET /beheer/instrumenten -b "$T/partner1.jar"
body_has "instrument list links" 'href="/beheer/instrumenten/regeling-a"'
body_has "each instrument's link names it" \
	'href="/beheer/instrumenten/regeling-a">wijzigen of verwijderen<span class="tl-visually-hidden">: Regeling A</span></a>'
body_lacks "partner sees only its instruments" 'href="/beheer/instrumenten/netwerk-b"'
body_has "instrument list has an add form" 'Toevoegen</button>'
expect "instrument form" 200 GET /beheer/instrumenten/regeling-a -b "$T/partner1.jar"
body_has "instrument form: partners" 'Partner Twee</textarea>'
body_has "instrument form: municipality ticked" 'value="GM0106" checked'
body_has "instrument form: goal ticked" 'name="goals" value="2" checked'
body_has "instrument form: delete" 'value="delete"'
body_has "instrument form: kind" 'name="kind" required value="regeling"'
body_has "instrument form: theme chosen" '<option value="thema" selected>'
body_has "instrument form: description" 'Een *verzonnen* regeling.</textarea>'
body_has "instrument form: stated totals, one a line" '>2025 |  | 4 | 10000 | Vier initiatieven kregen samen € 10.000.
2025 | thema | 3 |  | </textarea>'
body_has "instrument form: source" 'name="source" value="Testbron"'
body_lacks "a partner's form has no in-the-agenda box" 'name="in_agenda"'
iv=$(version_of)
expect "bad stated totals" 422 POST /beheer/instrumenten/regeling-a -b "$T/partner1.jar" \
	--data-urlencode "csrf=$c_p1" --data "version=$iv&name=Regeling+A&kind=regeling" --data-urlencode "partners=Partner Een" \
	--data-urlencode "stated=2025 | | 4 | | goed
twintig | | 4 | |
2025 | nope | 4 | |
2025 | | vier | |
2025 | | | -5 |
2025 | | | | $X
alleen tekst"
body_has "stated: line 2's year" 'href="#stated">'
body_has "stated: line 2's year" 'regel 2: het jaar is een jaartal'
body_has "stated: line 3's theme" 'regel 3: onbekend thema'
body_has "stated: line 4's count" 'regel 4: het aantal is een heel getal'
body_has "stated: line 5's amount" 'regel 5: het bedrag is een getal, 0 of meer'
body_has "stated: line 6 states nothing" 'regel 6: noem een aantal, een bedrag of allebei'
body_has "stated: line 7 has no parts" 'regel 7: schrijf jaar | thema | aantal | bedrag | woorden'
body_lacks "stated: line 1 is fine" 'regel 1:'
body_lacks "refused stated totals escape" "<script>alert(1)"
[ "$(sql "SELECT count(*) FROM stated_total WHERE instrument = 'regeling-a'")" = 2 ] && ok || not_ok "refused stated totals changed the store"
[ "$iv" = 0 ] && ok || not_ok "imported instrument has version $iv, expected 0"
expect "partner drops its own organisation" 422 POST /beheer/instrumenten/regeling-a -b "$T/partner1.jar" \
	--data-urlencode "csrf=$c_p1" --data "version=$iv&name=Regeling+A" --data-urlencode "partners=Partner Twee"
body_has "error names the partners field" 'href="#partners">Partners (één organisatie per regel)</a>:'
expect "bad budget and period" 422 POST /beheer/instrumenten/regeling-a -b "$T/partner1.jar" \
	--data-urlencode "csrf=$c_p1" --data "version=$iv&budget=12x&start_year=2026&end_year=2024" \
	--data-urlencode "name=Regeling $X" --data-urlencode "partners=Partner Een"
body_has "error names the budget" 'Budget in euro</a>: een getal'
body_has "error names the last year" 'Laatste jaar</a>: het eindjaar'
body_lacks "refused form escapes" "<script>alert(1)"
body_has "refused form keeps the text" 'value="Regeling &quot;&gt;&lt;script&gt;'
expect "partner edits its instrument" 303 POST /beheer/instrumenten/regeling-a -b "$T/partner1.jar" \
	--data-urlencode "csrf=$c_p1" --data "version=$iv&budget=120000%2C00&start_year=2024&end_year=2026&kind=regeling&theme=thema" \
	--data-urlencode "description=Beschrijving $X" \
	--data "municipalities=GM0106&municipalities=GM0114&goals=1" --data-urlencode "name=Regeling A $X" \
	--data-urlencode "partners=Partner Een
Partner Drie $X" --data-urlencode "budget_note=voor drie jaar" --data-urlencode "stated=2025 | | 5 | 12500,50 | Vijf $X

2024 | thema | 2 | |" --data-urlencode "source=Bron $X"
[ "$(sql "SELECT in_agenda || '|' || source FROM instrument WHERE slug = 'regeling-a'")" = "1|Bron $X" ] && ok ||
	not_ok "partner's save: in_agenda kept and source stored, got $(sql "SELECT in_agenda || '|' || source FROM instrument WHERE slug = 'regeling-a'")"
[ "$(sql "SELECT year || '/' || coalesce(theme, '-') || '/' || count || '/' || coalesce(amount, -1) FROM stated_total WHERE instrument = 'regeling-a' ORDER BY position" | tr '\n' ' ')" = "2025/-/5/12500.5 2024/thema/2/-1 " ] &&
	ok || not_ok "stated totals not stored: $(sql "SELECT * FROM stated_total WHERE instrument = 'regeling-a'")"
[ "$(sql "SELECT text FROM stated_total WHERE instrument = 'regeling-a' AND position = 0")" = "Vijf $X" ] && ok ||
	not_ok "the stated total's words are not stored"
expect "audit json after the stated totals" 200 GET /beheer/audit.json -b "$T/admin.jar"
body_has "audit: stated totals before" '"stated":"2025 |  | 4 | 10000 | Vier initiatieven'
# "after" is the stored value, formatted as "before" is, not the form's text
body_has "audit: stated totals after, as stored" '"stated":"2025 |  | 5 | 12500,5 | Vijf'
body_lacks "audit: not the form's stated totals" '12500,50'
body_has "audit: budget after, as stored" '"budget":"120000","budget_note"'
body_lacks "audit: not the form's budget" '120000,00'
body_has "audit: source before" '"source":"Testbron"'
body_has "audit: source after" '"source":"Bron \"><script>alert(1)</script>'
expect "api: the instrument" 200 GET /api/v1/instruments
body_has "api: partners" '"partners":["Partner Een","Partner Drie \"><script>alert(1)</script><img src=x onerror=alert(2)>"]'
body_has "api: budget" '"budget":120000'
body_has "api: description" '"description":"Beschrijving \"><script>'
expect "the description in the form" 200 GET /beheer/instrumenten/regeling-a -b "$T/partner1.jar"
body_has "the description in the form, escaped" "Beschrijving &quot;&gt;&lt;script&gt;alert(1)&lt;/script&gt;&lt;img src=x onerror=alert(2)&gt;</textarea>"
body_has "the stated totals in the form, escaped" "| Vijf &quot;&gt;&lt;script&gt;"
body_has "the source in the form, escaped" 'name="source" value="Bron &quot;&gt;&lt;script&gt;alert(1)'
expect "stored xss in the instrument list" 200 GET /beheer/instrumenten -b "$T/editor.jar"
body_lacks "instrument list escapes" "<script>alert(1)"
body_has "the hidden link name is escaped" '<span class="tl-visually-hidden">: Regeling A &quot;&gt;&lt;script&gt;'
expect "stored xss on the report page" 200 GET /thema.html
body_lacks "report page escapes the instrument" "<script>alert(1)"
body_lacks "report page escapes the instrument img" "<img src=x"
# /thema.html no longer shows the instruments (the chapter was rewritten
# above) and is the published report: the search shows the edited name
expect "search finds the edited instrument" 200 GET "/zoeken?q=Regeling"
body_has "search shows the instrument's name, escaped" 'Regeling A &quot;&gt;&lt;script&gt;alert(1)'
body_lacks "search escapes the instrument" "<script>alert(1)"
expect "stale instrument save" 409 POST /beheer/instrumenten/regeling-a -b "$T/editor.jar" \
	--data-urlencode "csrf=$c_editor" --data "version=$iv&name=Mijn+regeling&kind=regeling" --data-urlencode "partners=Partner Een"
body_has "instrument 409 in Dutch" "iemand anders heeft dit intussen gewijzigd"
body_has "instrument 409 keeps my text" 'value="Mijn regeling"'
body_lacks "instrument 409 escapes" "<script>alert(1)"
expect "delete of an instrument in use" 422 POST /beheer/instrumenten/regeling-a -b "$T/editor.jar" \
	--data-urlencode "csrf=$c_editor" --data "version=$(sql "SELECT version FROM instrument WHERE slug = 'regeling-a'")&action=delete"
body_has "refusal says what uses it" "Nog in gebruik: 3 toekenning(en), 1 streefdoel(en)"
[ "$(sql "SELECT count(*) FROM instrument WHERE slug = 'regeling-a'")" = 1 ] && ok || not_ok "the instrument was deleted"
[ "$(sql "SELECT count(*) FROM award WHERE instrument = 'regeling-a'")" = 3 ] && ok || not_ok "the refused delete took grants"
expect "instrument save without csrf" 403 POST /beheer/instrumenten/regeling-a -b "$T/editor.jar" \
	--data "version=$iv&name=X"
expect "audit json" 200 GET /beheer/audit.json -b "$T/admin.jar"
body_has "audit: instrument before" '"before":{"budget":"100000"'
body_has "audit: instrument edit" '"entity":"instrument"'

# An instrument's source and whether it is part of the agenda (editors only:
# a partner's form lacks the box and its save keeps the stored flag, above).
agenda_b() { sql "SELECT in_agenda || '|' || coalesce(source, '-') FROM instrument WHERE slug = 'netwerk-b'"; }
expect "editor's instrument form" 200 GET /beheer/instrumenten/netwerk-b -b "$T/editor.jar"
body_has "the box is there, not ticked" 'id="in-agenda" name="in_agenda">'
body_has "the source field is there" 'name="source" value="">'
nv=$(version_of)
expect "bad source and flag" 422 POST /beheer/instrumenten/netwerk-b -b "$T/editor.jar" \
	--data-urlencode "csrf=$c_editor" --data "version=$nv&name=Netwerk+B&kind=netwerk&in_agenda=ja&source=$(printf '%0301d' 0)"
body_has "error names the flag" 'href="#in-agenda">Onderdeel van de agenda (uitvinken voor een verwant instrument buiten de agenda)</a>: aangevinkt (1) of leeg'
body_has "error names the source" 'href="#source">Bron (waar het instrument beschreven staat)</a>: hoogstens 300'
[ "$(agenda_b)" = "0|-" ] && ok || not_ok "the refused save changed netwerk-b: $(agenda_b)"
expect "flag without csrf" 403 POST /beheer/instrumenten/netwerk-b -b "$T/editor.jar" \
	--data "version=$nv&name=Netwerk+B&kind=netwerk&in_agenda=1"
[ "$(agenda_b)" = "0|-" ] && ok || not_ok "the csrf-less save changed netwerk-b: $(agenda_b)"
expect "editor puts it in the agenda" 303 POST /beheer/instrumenten/netwerk-b -b "$T/editor.jar" \
	--data-urlencode "csrf=$c_editor" --data "version=$nv&name=Netwerk+B&kind=netwerk&in_agenda=1" \
	--data-urlencode "source=Nota $X"
[ "$(agenda_b)" = "1|Nota $X" ] && ok || not_ok "in_agenda and source not stored: $(agenda_b)"
expect "stale flag" 409 POST /beheer/instrumenten/netwerk-b -b "$T/editor.jar" \
	--data-urlencode "csrf=$c_editor" --data "version=$nv&name=Netwerk+B&kind=netwerk&source=Oud"
body_has "409 keeps my source" 'value="Oud"'
body_has "409 shows the stored source, escaped" 'Nota &quot;&gt;&lt;script&gt;'
body_lacks "409 escapes" "<script>alert(1)"
[ "$(agenda_b)" = "1|Nota $X" ] && ok || not_ok "the stale save changed netwerk-b: $(agenda_b)"
expect "api: in the agenda, its source" 200 GET /api/v1/instruments
grep -o '"slug":"netwerk-b"[^}]*' "$T/body" | grep -qF '"in_agenda":true' && ok || not_ok "api: netwerk-b is not in the agenda"
expect "the form shows them" 200 GET /beheer/instrumenten/netwerk-b -b "$T/editor.jar"
body_has "the box is ticked" 'id="in-agenda" name="in_agenda" checked>'
body_has "the source, escaped" 'name="source" value="Nota &quot;&gt;&lt;script&gt;'
body_lacks "the form escapes the source" "<script>alert(1)"
expect "audit json after the flag" 200 GET /beheer/audit.json -b "$T/admin.jar"
body_has "audit: flag and source after" '"in_agenda":"1","kind":"netwerk"'
body_has "audit: flag and source before" '"in_agenda":null,"kind":"netwerk"'
expect "editor takes it out again" 303 POST /beheer/instrumenten/netwerk-b -b "$T/editor.jar" \
	--data-urlencode "csrf=$c_editor" --data "version=$(sql "SELECT version FROM instrument WHERE slug = 'netwerk-b'")&name=Netwerk+B&kind=netwerk"
[ "$(agenda_b)" = "0|-" ] && ok || not_ok "unticking did not take netwerk-b out: $(agenda_b)"

# ---- Targets: what, baseline, target value, deadline, unit -----------------------
#      method path                                  body                anon viewer partner partner1 editor admin
matrix GET  /beheer/streefdoelen                    ""                  303 403 403 403 200 200
matrix GET  /beheer/streefdoelen/doel-met-alles     ""                  303 403 403 403 200 200
matrix POST /beheer/streefdoelen/doel-met-alles     "version=0&title="  401 403 403 403 422 422
expect "unknown target" 404 GET /beheer/streefdoelen/bestaat-niet -b "$T/editor.jar"
expect "target list" 200 GET /beheer/streefdoelen -b "$T/editor.jar"
body_has "target list links" 'href="/beheer/streefdoelen/doel-zonder-getal"'
body_has "each target's link names it" \
	'href="/beheer/streefdoelen/doel-zonder-getal">wijzigen of verwijderen<span class="tl-visually-hidden">: Meer jongeren voelen zich gezond</span></a>'
expect "target form" 200 GET /beheer/streefdoelen/doel-met-alles -b "$T/editor.jar"
body_has "target form: baseline date" 'value="2024-01-01"'
body_has "target form: the source's words" '>Van twee naar tien tuinen.</textarea>'
body_has "target form: decimals" 'name="decimals" inputmode="decimal" value="0"'
tv=$(version_of)
expect "bad target value" 422 POST /beheer/streefdoelen/doel-met-alles -b "$T/editor.jar" \
	--data-urlencode "csrf=$c_editor" --data "version=$tv&title=Tuinen&target=tien&deadline=2028-13&decimals=7" \
	--data-urlencode "text=Zin $X" --data-urlencode "source=Bron $X"
body_has "error names the target value" 'Streefwaarde (getal)</a>: een getal'
body_has "error names the deadline" 'href="#deadline"'
body_has "error names the decimals" 'Decimalen in de getallen (0 tot en met 6)</a>: een heel getal van 0 tot en met 6'
body_lacks "refused target form escapes its sentence and source" "<script>alert(1)"
body_has "refused target form keeps the sentence" 'Zin &quot;&gt;&lt;script&gt;'
for d in -1 2.5 x 10; do
	expect "decimals $d refused" 422 POST /beheer/streefdoelen/doel-met-alles -b "$T/editor.jar" \
		--data-urlencode "csrf=$c_editor" --data "version=$tv&title=Tuinen&polarity=neutral" --data-urlencode "decimals=$d"
	body_has "decimals $d: error names the field" 'href="#decimals"'
done
long=$(printf '%0301d' 0)
expect "a source of 301 characters" 422 POST /beheer/streefdoelen/doel-met-alles -b "$T/editor.jar" \
	--data-urlencode "csrf=$c_editor" --data "version=$tv&title=Tuinen&polarity=neutral&source=$long"
body_has "error names the source" 'href="#source"'
expect "target edit" 303 POST /beheer/streefdoelen/doel-met-alles -b "$T/editor.jar" \
	--data-urlencode "csrf=$c_editor" --data "version=$tv&baseline=3&baseline_date=2024-02&target=12%2C5&deadline=2028" \
	--data "polarity=lower-is-better&goals=2&theme=thema&instrument=regeling-a" \
	--data-urlencode "title=Tuinen $X" --data-urlencode "unit=tuinen $X" --data "decimals=1" \
	--data-urlencode "text=Van drie naar twaalf en een half $X" --data-urlencode "source=Bron $X"
[ "$(sql "SELECT decimals FROM target WHERE slug = 'doel-met-alles'")" = 1 ] && ok || not_ok "target decimals not stored"
[ "$(sql "SELECT source FROM target WHERE slug = 'doel-met-alles'")" = "Bron $X" ] && ok || not_ok "target source not stored"
[ "$(sql "SELECT text FROM target WHERE slug = 'doel-met-alles'")" = "Van drie naar twaalf en een half $X" ] && ok ||
	not_ok "target sentence not stored"
expect "target form after the edit" 200 GET /beheer/streefdoelen/doel-met-alles -b "$T/editor.jar"
body_lacks "target form escapes the stored sentence and source" "<script>alert(1)"
body_has "target form shows the stored source" 'value="Bron &quot;&gt;&lt;script&gt;'
expect "audit json after the target edit" 200 GET /beheer/audit.json -b "$T/admin.jar"
body_has "audit: target decimals before and after" '"decimals":"0"'
body_has "audit: target decimals after" '"decimals":"1"'
body_has "audit: target sentence before" '"text":"Van twee naar tien tuinen."'
expect "api: the target" 200 GET /api/v1/targets
body_has "api: target value" '"target":12.5'
body_has "api: baseline" '"baseline":3'
body_has "api: polarity" '"polarity":"lower-is-better"'
[ "$(sql "SELECT goal FROM target_goal WHERE target = 'doel-met-alles'")" = 2 ] && ok || not_ok "target goals not replaced"
expect "target on the report page" 200 GET /thema.html
body_lacks "report page escapes the target" "<script>alert(1)"
expect "api: the edited sentence and source" 200 GET /api/v1/targets
body_has "api: the edited sentence" '"text":"Van drie naar twaalf en een half \"><script>'
body_has "api: the edited source" '"source":"Bron \"><script>'

expect "stale target save" 409 POST /beheer/streefdoelen/doel-met-alles -b "$T/admin.jar" \
	--data-urlencode "csrf=$c_admin" --data "version=$tv&title=Mijn+doel&target=11&polarity=neutral"
body_has "target 409 shows the stored" "12,5"
body_has "target 409 keeps mine" 'value="Mijn doel"'
expect "delete of a target with progress" 422 POST /beheer/streefdoelen/doel-met-alles -b "$T/editor.jar" \
	--data-urlencode "csrf=$c_editor" --data "version=$(sql "SELECT version FROM target WHERE slug = 'doel-met-alles'")&action=delete"
body_has "refusal names the progress" "Nog in gebruik: 1 voortgangsmeting(en)"
[ "$(sql "SELECT count(*) FROM target WHERE slug = 'doel-met-alles'")" = 1 ] && ok || not_ok "the target was deleted"
expect "audit csv" 200 GET /beheer/audit.csv -b "$T/admin.jar"
body_has "audit of the target" "editor,edit,target,doel-met-alles"

# ---- A story's people (with consent), goals and instruments ------------------------
expect "story form with people" 200 GET /beheer/verhalen/gepubliceerd -b "$T/editor.jar"
body_has "person 1: name" 'name="people_0_name" value="Anna Voorbeeld"'
body_has "person 1: role" 'name="people_0_role" value="initiatiefnemer"'
body_has "person 1: consent ticked" 'id="people-0-consent" name="people_0_consent" checked'
body_has "person 2: alias" 'name="people_1_alias" value="een deelnemer"'
body_lacks "person 2: no consent" 'name="people_1_consent" checked'
body_has "an empty row to add someone" 'name="people_2_name" value=""'
body_has "a box to remove someone" 'name="people_1_remove"'
body_has "goal ticked" 'name="goals" value="1" checked'
body_has "instrument ticked" 'name="instruments" value="regeling-a" checked'
yv=$(version_of)
expect "a person needs a name" 422 POST /beheer/verhalen/gepubliceerd -b "$T/editor.jar" \
	--data-urlencode "csrf=$c_editor" --data "version=$yv&title=T&markdown=M&instruments=regeling-a" \
	--data "people_0_name=Anna&people_0_consent=1&people_1_role=buurman"
body_has "error names the people field and the person" 'href="#people">Mensen in het verhaal</a>: persoon 2: de naam ontbreekt'
body_has "refused form keeps the rows" 'name="people_1_role" value="buurman"'
expect "xss in a person's role and alias, reflected" 422 POST /beheer/verhalen/gepubliceerd -b "$T/editor.jar" \
	--data-urlencode "csrf=$c_editor" --data "version=$yv&title=T&markdown=M&instruments=regeling-a" \
	--data-urlencode "people_0_role=R $X" --data-urlencode "people_0_alias=A $X"
body_lacks "refused people escape" "<script>alert(1)"
body_has "refused role shown escaped" 'value="R &quot;&gt;&lt;script&gt;'
body_has "refused alias shown escaped" 'value="A &quot;&gt;&lt;script&gt;'
expect "a name of more than 120 characters" 422 POST /beheer/verhalen/gepubliceerd -b "$T/editor.jar" \
	--data-urlencode "csrf=$c_editor" --data "version=$yv&title=T&markdown=M&instruments=regeling-a" \
	--data "people_0_name=$(printf 'x%.0s' $(seq 1 121))"
body_has "error says the limit" "persoon 1: naam, rol en schuilnaam hebben elk hoogstens 120 tekens"
expect "unknown goal" 422 POST /beheer/verhalen/gepubliceerd -b "$T/editor.jar" \
	--data-urlencode "csrf=$c_editor" --data "version=$yv&title=T&markdown=M&goals=99"
body_has "error names the goals" 'Doelen van de agenda</a>: onbekend doel'
expect "unknown instrument in a story" 422 POST /beheer/verhalen/gepubliceerd -b "$T/editor.jar" \
	--data-urlencode "csrf=$c_editor" --data "version=$yv&title=T&markdown=M&instruments=bestaat-niet"
body_has "error names the instrument" 'Instrumenten</a>: onbekend instrument'
expect "editor edits people, goals and instruments" 303 POST /beheer/verhalen/gepubliceerd -b "$T/editor.jar" \
	--data-urlencode "csrf=$c_editor" --data "version=$yv&goals=1&goals=2&instruments=regeling-a&instruments=netwerk-b&published=1" \
	--data-urlencode "title=Een gepubliceerd verhaal" --data-urlencode "markdown=Anna Voorbeeld en Bram Geheim en Nina $X." \
	--data "people_0_name=Anna+Voorbeeld&people_0_role=initiatiefnemer&people_0_consent=1" \
	--data "people_1_name=Bram+Geheim&people_1_role=deelnemer&people_1_alias=een+deelnemer" \
	--data "people_2_name=Weg+Ermee&people_2_remove=1" \
	--data-urlencode "people_3_name=Nina $X" --data-urlencode "people_3_role=buurvrouw	met tab" \
	--data-urlencode "people_3_alias=een buurvrouw" --data-urlencode "people_4_name=Rol $X" \
	--data-urlencode "people_4_role=rol $X" --data-urlencode "people_4_alias=alias $X"
[ "$(sql "SELECT count(*) FROM story_person WHERE story = 'gepubliceerd'")" = 4 ] && ok || not_ok "story people not stored"
[ "$(sql "SELECT count(*) FROM story_person WHERE story = 'gepubliceerd' AND name = 'Weg Ermee'")" = 0 ] && ok ||
	not_ok "a person ticked for removal was stored"
[ "$(sql "SELECT role FROM story_person WHERE story = 'gepubliceerd' AND position = 2")" = "buurvrouw met tab" ] && ok ||
	not_ok "a tab in a person's input was not made a space"
[ "$(sql "SELECT consent FROM story_person WHERE story = 'gepubliceerd' AND position = 1")" = 0 ] && ok ||
	not_ok "a person without the box ticked got consent"
expect "audit json" 200 GET /beheer/audit.json -b "$T/admin.jar"
body_has "audit: people as a list" '"people":[{"alias":null,"consent":true,"name":"Anna Voorbeeld","role":"initiatiefnemer"}'
[ "$(sql "SELECT count(*) FROM story_goal WHERE story = 'gepubliceerd' AND goal IN (1, 2)")" = 2 ] && ok ||
	not_ok "story goals not stored"
expect "api stories" 200 GET /api/v1/stories
body_lacks "no name without consent" "Bram Geheim"
body_has "alias for the new person" "een buurvrouw"
body_lacks "new name without consent withheld" "Nina "
expect "story page" 200 GET /verhalen/gepubliceerd.html
body_lacks "story page: withheld" "Nina "
body_lacks "story page escapes" "<script>alert(1)"
expect "story form escapes people" 200 GET /beheer/verhalen/gepubliceerd -b "$T/partner1.jar"
body_lacks "story form escapes people" "<script>alert(1)"
body_has "stored role shown escaped" 'name="people_3_role" value="rol &quot;&gt;&lt;script&gt;'
body_has "stored alias shown escaped" 'name="people_3_alias" value="alias &quot;&gt;&lt;script&gt;'
body_lacks "partner is not offered others' instruments" 'value="netwerk-b"'
pyv=$(version_of)
expect "partner may not tick others' instruments" 422 POST /beheer/verhalen/gepubliceerd -b "$T/partner1.jar" \
	--data-urlencode "csrf=$c_p1" --data "version=$pyv&title=T&markdown=M&instruments=netwerk-b"
body_has "error names the instruments" 'Instrumenten</a>: geen instrument dat u mag kiezen'
expect "partner must keep one of its instruments" 422 POST /beheer/verhalen/gepubliceerd -b "$T/partner1.jar" \
	--data-urlencode "csrf=$c_p1" --data "version=$pyv&title=T&markdown=M"
expect "partner edits the story" 303 POST /beheer/verhalen/gepubliceerd -b "$T/partner1.jar" \
	--data-urlencode "csrf=$c_p1" --data "version=$pyv&instruments=regeling-a&goals=1" \
	--data-urlencode "title=Een gepubliceerd verhaal" --data-urlencode "markdown=Anna Voorbeeld." \
	--data "people_0_name=Anna+Voorbeeld&people_0_role=initiatiefnemer&people_0_consent=1"
[ "$(sql "SELECT count(*) FROM story_instrument WHERE story = 'gepubliceerd' AND instrument IN ('netwerk-b', 'regeling-a')")" = 2 ] && ok ||
	not_ok "a partner's save dropped another organisation's instrument link"
[ "$(sql "SELECT published FROM story WHERE slug = 'gepubliceerd'")" = 1 ] && ok || not_ok "a partner's save unpublished"
expect "stale story save keeps people" 409 POST /beheer/verhalen/gepubliceerd -b "$T/editor.jar" \
	--data-urlencode "csrf=$c_editor" --data "version=$yv&title=T&markdown=M&instruments=regeling-a" \
	--data "people_0_name=Mijn+Persoon&people_0_role=rol&people_0_consent=1"
body_has "409 shows my people" "Mijn Persoon | rol | toestemming: ja"
body_has "409 shows the stored people" "Anna Voorbeeld | initiatiefnemer | toestemming: ja"
body_has "409 form keeps my people" 'name="people_0_name" value="Mijn Persoon"'

# ---- Adding and deleting instruments -----------------------------------------------
# A partner adds only instruments with its own organisation among the
# partners, and then edits and deletes only those.
#      method path                  body          anon viewer partner partner1 editor admin
matrix POST /beheer/instrumenten    "name="       401 403 422 422 422 422
expect "add without csrf" 403 POST /beheer/instrumenten -b "$T/editor.jar" --data "name=Zonder+token&kind=fonds"
expect "add with another session's csrf" 403 POST /beheer/instrumenten -b "$T/editor.jar" \
	--data-urlencode "csrf=$c_admin" --data "name=Ander+token&kind=fonds"
expect "partner's add form" 200 GET /beheer/instrumenten -b "$T/partner1.jar"
body_has "a partner's new instrument starts with its organisation" 'Partner Een</textarea>'
body_lacks "a partner's add form has no in-the-agenda box" 'name="in_agenda"'
expect "editor's add form" 200 GET /beheer/instrumenten -b "$T/editor.jar"
body_has "a new instrument starts in the agenda" 'id="in-agenda" name="in_agenda" checked>'
expect "bad instrument" 422 POST /beheer/instrumenten -b "$T/editor.jar" --data-urlencode "csrf=$c_editor" \
	--data "kind=fonds&theme=bestaat-niet&budget=-5&start_year=2026&end_year=2025&goals=99&municipalities=GM9999" \
	--data-urlencode "name=Nieuw $X" --data-urlencode "description=Beschrijving $X"
body_has "error names the theme" 'Thema</a>: kies een thema'
body_has "error names the budget" 'Budget in euro</a>: een bedrag van 0 of meer'
body_has "error names the last year" 'Laatste jaar</a>: het eindjaar ligt niet voor het beginjaar'
body_has "error names the goals" 'Doelen van de agenda</a>: onbekend doel'
body_has "error names the municipalities" 'Gemeenten waar het instrument loopt</a>: onbekende gemeente'
body_lacks "refused add escapes" "<script>alert(1)"
body_has "refused add keeps the text" 'value="Nieuw &quot;&gt;&lt;script&gt;'
expect "a name is required" 422 POST /beheer/instrumenten -b "$T/editor.jar" --data-urlencode "csrf=$c_editor" --data "kind=fonds"
body_has "error names the name" 'href="#name">Naam</a>: dit veld is verplicht'
[ "$(sql "SELECT count(*) FROM instrument")" = 2 ] && ok || not_ok "a refused add stored an instrument"
expect "editor adds an instrument" 303 POST /beheer/instrumenten -b "$T/editor.jar" --data-urlencode "csrf=$c_editor" \
	--data "theme=thema&budget=5000&start_year=2025&end_year=2026&goals=1&municipalities=GM0106" \
	--data-urlencode "name=Nieuw fonds" --data-urlencode "kind=fonds $X" --data-urlencode "description=Over het fonds $X" \
	--data-urlencode "partners=Partner Vier $X" --data-urlencode "budget_note=per jaar $X" \
	--data "in_agenda=1" --data-urlencode "source=Nota $X"
[ "$(sql "SELECT kind FROM instrument WHERE slug = 'nieuw-fonds'")" = "fonds $X" ] && ok || not_ok "the new instrument is not stored"
[ "$(sql "SELECT in_agenda || '|' || source FROM instrument WHERE slug = 'nieuw-fonds'")" = "1|Nota $X" ] && ok ||
	not_ok "the new instrument's flag and source are not stored"
[ "$(sql "SELECT count(*) FROM instrument_goal WHERE instrument = 'nieuw-fonds'")" = 1 ] && ok || not_ok "its goals are not stored"
expect "api: the new instrument" 200 GET /api/v1/instruments
body_has "api: the new instrument" '"slug":"nieuw-fonds"'
expect "the list shows it escaped" 200 GET /beheer/instrumenten -b "$T/editor.jar"
body_has "the list links it" 'href="/beheer/instrumenten/nieuw-fonds"'
expect "its form escapes" 200 GET /beheer/instrumenten/nieuw-fonds -b "$T/editor.jar"
body_lacks "its form escapes" "<script>alert(1)"
body_has "its form shows the kind escaped" 'value="fonds &quot;&gt;&lt;script&gt;'
expect "an instrument of the same name" 303 POST /beheer/instrumenten -b "$T/editor.jar" --data-urlencode "csrf=$c_editor" \
	--data "kind=fonds" --data-urlencode "name=Nieuw fonds"
[ "$(sql "SELECT count(*) FROM instrument WHERE slug = 'nieuw-fonds-2'")" = 1 ] && ok || not_ok "a second name did not get its own slug"
[ "$(sql "SELECT in_agenda FROM instrument WHERE slug = 'nieuw-fonds-2'")" = 0 ] && ok ||
	not_ok "an instrument added with the box unticked is in the agenda"
expect "audit json" 200 GET /beheer/audit.json -b "$T/admin.jar"
body_has "audit: the add" '"action":"add","after":{"budget":"5000"'
body_has "audit: the add has no before" '"before":null,"entity":"instrument","id":'
expect "partner adds without its organisation" 422 POST /beheer/instrumenten -b "$T/partner.jar" \
	--data-urlencode "csrf=$(cat "$T/partner.csrf")" --data "name=Van+een+ander&kind=project" \
	--data-urlencode "partners=Partner Een"
body_has "error names the partners" 'Partners (één organisatie per regel)</a>: uw organisatie blijft partner'
expect "partner adds its own instrument" 303 POST /beheer/instrumenten -b "$T/partner.jar" \
	--data-urlencode "csrf=$(cat "$T/partner.csrf")" --data "name=Eigen+project&kind=project" \
	--data-urlencode "partners=Stichting Test"
[ "$(sql "SELECT in_agenda FROM instrument WHERE slug = 'eigen-project'")" = 1 ] && ok ||
	not_ok "a partner's new instrument is not in the agenda"
matrix GET  /beheer/instrumenten/eigen-project  ""    303 403 200 403 200 200
expect "others' partner may not delete it" 403 POST /beheer/instrumenten/eigen-project -b "$T/partner1.jar" \
	--data-urlencode "csrf=$c_p1" --data "version=0&action=delete"
expect "its form" 200 GET /beheer/instrumenten/eigen-project -b "$T/partner.jar"
ev=$(version_of)
expect "stale delete of an instrument" 409 POST /beheer/instrumenten/eigen-project -b "$T/partner.jar" \
	--data-urlencode "csrf=$(cat "$T/partner.csrf")" --data "version=$((ev - 1))&action=delete"
expect "partner deletes its instrument" 303 POST /beheer/instrumenten/eigen-project -b "$T/partner.jar" \
	--data-urlencode "csrf=$(cat "$T/partner.csrf")" --data "version=$ev&action=delete"
expect "deleted instrument" 404 GET /beheer/instrumenten/eigen-project -b "$T/editor.jar"
[ "$(sql "SELECT count(*) FROM instrument_partner WHERE instrument = 'eigen-project'")" = 0 ] && ok ||
	not_ok "the deleted instrument's partners stayed behind"
expect "audit csv" 200 GET /beheer/audit.csv -b "$T/admin.jar"
body_has "audit of the instrument delete" "partner,delete,instrument,eigen-project"

# ---- Adding and deleting targets ------------------------------------------------------
#      method path                  body          anon viewer partner partner1 editor admin
matrix POST /beheer/streefdoelen    "title="      401 403 403 403 422 422
expect "bad target" 422 POST /beheer/streefdoelen -b "$T/editor.jar" --data-urlencode "csrf=$c_editor" \
	--data "polarity=beter&instrument=bestaat-niet&baseline=veel&deadline=morgen&goals=0" --data-urlencode "title=Doel $X"
body_has "error names the direction" 'Richting (wat is beter)</a>: hoger is beter, lager is beter of neutraal'
body_has "error names the instrument" 'Instrument</a>: onbekend instrument'
body_has "error names the baseline" 'Beginwaarde (getal)</a>: een getal'
body_has "error names the deadline" 'href="#deadline">'
body_lacks "refused target escapes" "<script>alert(1)"
expect "editor adds a target" 303 POST /beheer/streefdoelen -b "$T/editor.jar" --data-urlencode "csrf=$c_editor" \
	--data "polarity=lower-is-better&theme=thema&instrument=regeling-a&baseline=20&target=10&deadline=2030&goals=2" \
	--data-urlencode "title=Minder wachten $X" --data-urlencode "unit=weken" --data "decimals=2" \
	--data-urlencode "text=Wachttijd halveren $X" --data-urlencode "source=Nota $X"
slug=$(sql "SELECT slug FROM target WHERE title LIKE 'Minder wachten%'")
[ "$(sql "SELECT decimals || '|' || text || '|' || source FROM target WHERE slug = '$slug'")" = "2|Wachttijd halveren $X|Nota $X" ] &&
	ok || not_ok "the new target's decimals, sentence and source are not stored"
case $slug in minder-wachten*) ok ;; *) not_ok "the new target has slug '$slug'" ;; esac
expect "api: the new target" 200 GET /api/v1/targets
body_has "api: the new target's direction" '"polarity":"lower-is-better"'
expect "the report escapes the new target" 200 GET /thema.html
body_lacks "the report escapes the new target" "<script>alert(1)"
expect "its form" 200 GET "/beheer/streefdoelen/$slug" -b "$T/editor.jar"
body_has "its form: direction" '<option value="lower-is-better" selected>'
body_has "its form: goal" 'name="goals" value="2" checked'
nt=$(version_of)
expect "editor deletes the target" 303 POST "/beheer/streefdoelen/$slug" -b "$T/editor.jar" \
	--data-urlencode "csrf=$c_editor" --data "version=$nt&action=delete"
[ "$(sql "SELECT count(*) FROM target_goal WHERE target = '$slug'")" = 0 ] && ok || not_ok "the target's goals stayed"
expect "audit csv" 200 GET /beheer/audit.csv -b "$T/admin.jar"
body_has "audit of the target add" "editor,add,target,$slug"
body_has "audit of the target delete" "editor,delete,target,$slug"

# ---- A grant's goals -----------------------------------------------------------------
expect "grant form" 200 GET /beheer/toekenningen/regeling-a/1 -b "$T/editor.jar"
body_has "grant goals ticked" 'name="goals" value="2" checked'
gv=$(version_of)
expect "unknown goal for a grant" 422 POST /beheer/toekenningen/regeling-a/1 -b "$T/editor.jar" \
	--data-urlencode "csrf=$c_editor" --data "version=$gv&recipient=Stichting+Twee&year=2025&goals=99"
body_has "error names the grant's goals" 'Doelen van de agenda</a>: onbekend doel'
expect "grant goals edited" 303 POST /beheer/toekenningen/regeling-a/1 -b "$T/editor.jar" \
	--data-urlencode "csrf=$c_editor" --data "version=$gv&recipient=Stichting+Twee&year=2025&goals=2"
[ "$(sql "SELECT group_concat(goal) FROM award_goal WHERE instrument = 'regeling-a' AND position = 1" 2>/dev/null ||
	sql "SELECT string_agg(goal::text, ',') FROM award_goal WHERE instrument = 'regeling-a' AND position = 1")" = 2 ] && ok ||
	not_ok "grant goals not replaced"
expect "grant added with goals" 303 POST /beheer/toekenningen -b "$T/editor.jar" --data-urlencode "csrf=$c_editor" \
	--data "instrument=regeling-a&recipient=Stichting+Vijf&year=2025&goals=1&goals=2"
[ "$(sql "SELECT count(*) FROM award_goal a JOIN award w ON w.instrument = a.instrument AND w.position = a.position WHERE w.recipient = 'Stichting Vijf'")" = 2 ] && ok ||
	not_ok "a new grant's goals not stored"

# ---- Accounts: role, organisation, password; delete --------------------------
uid() { sql "SELECT id FROM app_user WHERE name = '$1'"; }
id_viewer=$(uid viewer)
id_partner=$(uid partner)
id_admin=$(uid admin)
#      method path                               body                 anon viewer partner partner1 editor admin
matrix GET  "/beheer/gebruikers/$id_viewer"      ""                   303 403 403 403 403 200
matrix POST "/beheer/gebruikers/$id_viewer"      "version=0&role="    401 403 403 403 403 422
expect "unknown account" 404 GET /beheer/gebruikers/9999 -b "$T/admin.jar"
expect "account id not a number" 404 GET "/beheer/gebruikers/1%20OR%201=1" -b "$T/admin.jar"
expect "accounts list" 200 GET /beheer/gebruikers -b "$T/admin.jar"
body_has "accounts link to their page" "href=\"/beheer/gebruikers/$id_viewer\""
expect "account form" 200 GET "/beheer/gebruikers/$id_viewer" -b "$T/admin.jar"
uv=$(version_of)
expect "viewer may not edit chapters" 403 GET /beheer/hoofdstuk/thema -b "$T/viewer.jar"
expect "viewer becomes editor" 303 POST "/beheer/gebruikers/$id_viewer" -b "$T/admin.jar" \
	--data-urlencode "csrf=$c_admin" --data "version=$uv&role=editor"
expect "the new role counts at once" 200 GET /beheer/hoofdstuk/thema -b "$T/viewer.jar"
expect "stale account save" 409 POST "/beheer/gebruikers/$id_viewer" -b "$T/admin.jar" \
	--data-urlencode "csrf=$c_admin" --data "version=$uv&role=admin"
[ "$(sql "SELECT role FROM app_user WHERE id = $id_viewer")" = editor ] && ok ||
	not_ok "a stale account save changed the role"
expect "account form" 200 GET "/beheer/gebruikers/$id_partner" -b "$T/admin.jar"
pv=$(version_of)
expect "partner without organisation" 422 POST "/beheer/gebruikers/$id_partner" -b "$T/admin.jar" \
	--data-urlencode "csrf=$c_admin" --data "version=$pv&role=partner&organisation="
expect "short password" 422 POST "/beheer/gebruikers/$id_partner" -b "$T/admin.jar" \
	--data-urlencode "csrf=$c_admin" --data "version=$pv&role=partner&organisation=Stichting+Test&password=kort"
NEWPW=another-long-password-2
expect "new password" 303 POST "/beheer/gebruikers/$id_partner" -b "$T/admin.jar" --data-urlencode "csrf=$c_admin" \
	--data "version=$pv&role=partner&organisation=Stichting+Test" --data-urlencode "password=$NEWPW"
expect "a new password ends the sessions" 303 GET /beheer -b "$T/partner.jar"
curl -s -c "$T/np.jar" -b "$T/np.jar" -o "$T/body" "$B/inloggen"
tok=$(csrf_of)
expect "log in with the new password" 303 POST /inloggen -b "$T/np.jar" --data-urlencode "csrf=$tok" \
	--data-urlencode "name=partner" --data-urlencode "password=$NEWPW"
expect "audit json" 200 GET /beheer/audit.json -b "$T/admin.jar"
body_has "audit: password change noted" '"password":"changed"'
body_lacks "audit: never the password" "$NEWPW"
if sql "SELECT coalesce(before, '') || coalesce(after, '') FROM audit" | grep -q "argon2"; then
	not_ok "a password hash reached the audit trail"
else ok; fi
expect "admin form" 200 GET "/beheer/gebruikers/$id_admin" -b "$T/admin.jar"
av=$(version_of)
expect "the last admin stays admin" 422 POST "/beheer/gebruikers/$id_admin" -b "$T/admin.jar" \
	--data-urlencode "csrf=$c_admin" --data "version=$av&role=editor"
body_has "last admin said" "last admin"
expect "no deleting oneself" 422 POST "/beheer/gebruikers/$id_admin" -b "$T/admin.jar" \
	--data-urlencode "csrf=$c_admin" --data "version=$av&action=delete"
expect "account form" 200 GET "/beheer/gebruikers/$id_partner" -b "$T/admin.jar"
pv=$(version_of)
expect "delete an account" 303 POST "/beheer/gebruikers/$id_partner" -b "$T/admin.jar" \
	--data-urlencode "csrf=$c_admin" --data "version=$pv&action=delete"
expect "deleted account" 404 GET "/beheer/gebruikers/$id_partner" -b "$T/admin.jar"
expect "its session is gone" 303 GET /beheer -b "$T/np.jar"
expect "audit csv" 200 GET /beheer/audit.csv -b "$T/admin.jar"
body_has "audit of the account delete" "admin,delete,user,$id_partner"

http_done
