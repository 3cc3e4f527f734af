#!/bin/sh
# HTTP tests of the dashboard pages of `telling serve`: the explorer
# (/verkennen), compare (/vergelijken) and search (/zoeken) — answers for
# every role, figures as the data hold them, refused parameters named with
# a 400, hostile strings in every query parameter escaped, and what search
# must never find (drafts, names without consent).
# Last line: "http: N passed, N failed".
. "$(dirname "$0")/lib.sh"
http_setup 3
for r in admin editor partner partner1 viewer; do login "$r"; done

# ---- Every role may read them -------------------------------------------
#      method path                                   body  anon viewer partner partner1 editor admin
matrix GET /verkennen                                ""    200 200 200 200 200 200
matrix GET "/verkennen?indicator=aandeel-a"          ""    200 200 200 200 200 200
matrix GET /vergelijken                              ""    200 200 200 200 200 200
matrix GET "/zoeken?q=aandeel"                       ""    200 200 200 200 200 200
expect "dashboard POST" 405 POST /zoeken --data "q=x"

# ---- Explorer ------------------------------------------------------------------
expect "overview" 200 GET /verkennen
body_has "overview lists indicators" 'href="/verkennen?indicator=aandeel-a"'
body_has "overview: latest of the focus region" "53,4%"
expect "overview of a theme" 200 GET "/verkennen?thema=tweede-thema"
body_lacks "overview of a theme" 'indicator=aandeel-a"'
expect "one indicator" 200 GET "/verkennen?indicator=aandeel-a"
body_has "default regions" ">Drenthe</th>"
body_has "default regions" ">Nederland</th>"
body_has "figures" "48,7%"
body_has "a chart" '<svg'
body_has "csv link" 'href="/data/aandeel-a.csv"'
expect "regions and years" 200 GET "/verkennen?indicator=aandeel-a&regio=GM0106&regio=GM1730&van=2023&tot=2024"
body_has "chosen region" ">Assen</th>"
body_has "provisional marked" "58,6%*"
body_lacks "years filtered" ">2022</th>"
body_lacks "regions as chosen" ">Nederland</th>"
expect "quarters in the table" 200 GET "/verkennen?indicator=bedrag-c&regio=PV22"
body_has "quarter row" "2025 K1"
body_has "euro" "34.100"
expect "no figures" 200 GET "/verkennen?indicator=aandeel-a&regio=GM0114&van=2030"
body_has "no figures said" "geen cijfers voor deze keuze"

# ---- Compare ---------------------------------------------------------------------
expect "compare default" 200 GET /vergelijken
body_has "compare: left" "53,4% (2024)"
body_has "compare: right" "52,3% (2024)"
body_has "compare: difference in points" "-1,1 procentpunt"
body_has "compare: polarity" "rechts ongunstiger"
body_has "compare: neutral reads as higher" "rechts hoger"
expect "one region, two years" 200 GET "/vergelijken?links=PV22&jaar_links=2022&rechts=PV22&jaar_rechts=2024&thema=thema"
body_has "two years" "+4,7 procentpunt"
body_has "two years read" "rechts gunstiger"
body_has "missing year" "niet te vergelijken"
expect "two municipalities" 200 GET "/vergelijken?links=GM0106&rechts=GM0114"
body_has "a suppressed cell is no data" "geen gegevens"

# ---- Search ---------------------------------------------------------------------
expect "search" 200 GET "/zoeken?q=AANDEEL"
body_has "case ignored" 'href="/verkennen?indicator=aandeel-a"'
body_has "count" "2 resultaten"
expect "search regions" 200 GET "/zoeken?q=tynaarlo"
body_has "region found" 'href="/gemeente/GM1730.html"'
expect "search stories" 200 GET "/zoeken?q=Anna"
body_has "published story found" 'href="/verhalen/gepubliceerd.html"'
expect "search a draft" 200 GET "/zoeken?q=Carla"
body_lacks "draft stays out" "concept.html"
body_has "nothing found" "Niets gevonden"
expect "search a name without consent" 200 GET "/zoeken?q=Geheim"
body_lacks "no consent, no hit" "gepubliceerd.html"
expect "search accents folded" 200 GET "/zoeken?q=%C3%A9erste"
body_has "accents folded" "Eerste doel"
expect "search instruments" 200 GET "/zoeken?q=partner%20een"
body_has "instrument by partner" "Regeling A"
expect "search sql" 200 GET "/zoeken?q=%27%20OR%201%3D1--"
body_has "search sql: nothing" "0 resultaten"

# ---- Refusals name the parameter --------------------------------------------------
expect "unknown indicator" 400 GET "/verkennen?indicator=nope"
body_has "unknown indicator named" "indicator: onbekende indicator"
expect "unknown theme" 400 GET "/vergelijken?thema=nope"
body_has "unknown theme named" "thema: onbekend thema"
expect "unknown region" 400 GET "/vergelijken?links=XX99"
body_has "unknown region named" "links: onbekende regio"
expect "bad year" 400 GET "/verkennen?indicator=aandeel-a&van=20x4"
body_has "bad year named" "van: een jaartal"
expect "too many regions" 400 GET "/verkennen?indicator=aandeel-a&regio=NL01&regio=PV22&regio=GM0106&regio=GM0114&regio=GM1730&regio=NL01&regio=PV22"
expect "search too long" 400 GET "/zoeken?q=$(head -c 101 /dev/zero | tr '\0' 'a')"
expect "not UTF-8" 400 GET "/zoeken?q=%FF%FE"
expect "control byte" 400 GET "/zoeken?q=a%01b"

# ---- Hostile strings in every parameter ---------------------------------------------
X='%22%3E%3Cscript%3Ealert(1)%3C%2Fscript%3E%3Cimg%20src%3Dx%20onerror%3Dalert(2)%3E'
for page in verkennen vergelijken zoeken; do
	for param in thema indicator regio van tot links rechts jaar_links jaar_rechts q; do
		got=$(status GET "/$page?$param=$X")
		case $got in 200 | 400) ok ;; *) not_ok "xss $page $param gave $got" ;; esac
		if grep -q "<script>alert(1)\|<img src=x" "$T/body"; then
			not_ok "xss $page $param reflected unescaped"
		else ok; fi
	done
done
expect "reflected search escaped" 200 GET "/zoeken?q=$X"
body_has "reflected search escaped" "&lt;script&gt;alert(1)"
body_has "search keeps the text in the field" 'value="&quot;&gt;&lt;script&gt;'

http_done
