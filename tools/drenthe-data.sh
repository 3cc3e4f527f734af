#!/bin/sh
# drenthe-data.sh — turn the real source files of the Drenthe example into
# telling's long observation files.
#
#   sh tools/drenthe-data.sh
#
# reads   examples/drenthe-2025/sources/   (copies of the published files, bytes unchanged)
# writes  examples/drenthe-2025/data/rmbw.csv
#         examples/drenthe-2025/data/gezondheidsmonitor.csv
#
# Output columns: indicator,region,period,value,status,source,note
# The output is checked in; running this script again must give the same
# bytes (it does: fixed mapping order, C locale, values copied as text).
# data/jaarverslag-2025.csv and data/geen-gegevens.csv are typed by hand and
# are not touched here.  See examples/drenthe-2025/SOURCES.md.
#
# POSIX sh + awk only.
set -eu

cd "$(dirname "$0")/.."
EX=examples/drenthe-2025
SRC=$EX/sources
OUT=$EX/data
LC_ALL=C
export LC_ALL

RMBW_FILE=$SRC/brede-welvaart-indicators.drenthe.long.csv
RIVM_FILES="$SRC/2012_18+.drenthe.csv $SRC/2016_18+.drenthe.csv $SRC/RIVM_gezondheid2020_18+.drenthe.csv"

for f in $RMBW_FILE $RIVM_FILES; do
	[ -r "$f" ] || { echo "drenthe-data: cannot read $f" >&2; exit 1; }
done
mkdir -p "$OUT"

HEADER='indicator,region,period,value,status,source,note'

# ---------------------------------------------------------------------------
# 1. CBS Regionale Monitor Brede Welvaart (DERIVED long file, CMO STAMM 2025)
#    indicator,statcode,statnaam,year,value  — CRLF, decimal point.
#    Quirk: 0 means "no value" (e.g. Assen's SocialCohesion, Westerveld's
#    VolunteerWork): written as status missing, never as 0.
#    Values are copied as text, at full source precision.
# ---------------------------------------------------------------------------
# source variable -> telling indicator slug, in report order
RMBW_MAP='
SatisfactionLife tevredenheid-leven
SatisfactionWithSocialLife tevredenheid-sociale-contacten
TrustInstitutions vertrouwen-instituties
SocialCohesion sociale-cohesie
VolunteerWork vrijwilligerswerk
RegisteredProblematicDebt problematische-schulden
MedianDisposableIncome mediaan-besteedbaar-inkomen
PopulationWithStartingQualification met-startkwalificatie
ExperiencedHealth ervaren-gezondheid
Overweight overgewicht
PeopleWithIllness langdurige-ziekte
TrustOthers vertrouwen-anderen
OftenFeelingUnsafe vaak-onveilig
'

tmp=$OUT/.drenthe-data.$$
trap 'rm -f "$tmp.raw" "$tmp.csv"' EXIT
trap 'exit 1' INT TERM

awk -v map="$RMBW_MAP" -v src="CBS, Regionale Monitor Brede Welvaart (via CMO STAMM 2025)" '
BEGIN {
	FS = ","
	n = split(map, lines, "\n")
	k = 0
	for (i = 1; i <= n; i++) {
		if (split(lines[i], p, " ") != 2)
			continue
		k++
		slug[p[1]] = p[2]
		order[p[1]] = k
		var[k] = p[1]
	}
	nvar = k
}
{ sub(/\r$/, "") }
NR == 1 {
	if ($0 != "indicator,statcode,statnaam,year,value") {
		print "drenthe-data: unexpected RMBW header: " $0 > "/dev/stderr"
		bad = 1; exit 1
	}
	next
}
!($1 in slug) { next }
{
	if (NF != 5 || $2 !~ /^GM[0-9][0-9][0-9][0-9]$/ || $4 !~ /^(19|20)[0-9][0-9]$/) {
		print "drenthe-data: RMBW line " NR " not understood: " $0 > "/dev/stderr"
		bad = 1; exit 1
	}
	seen[$1] = 1
	if ($5 == "")
		next                       # no value that year: nothing to record
	if ($5 !~ /^-?[0-9]+(\.[0-9]+)?$/) {
		print "drenthe-data: RMBW line " NR ": value \"" $5 "\" is not a number" > "/dev/stderr"
		bad = 1; exit 1
	}
	if ($5 + 0 == 0)
		line = slug[$1] "," $2 "," $4 ",,missing,\"" src "\",0 in bron = geen waarde"
	else
		line = slug[$1] "," $2 "," $4 "," $5 ",,\"" src "\","
	# sort key: mapping order, region, year
	printf "%03d %s %s\t%s\n", order[$1], $2, $4, line
}
END {
	if (bad)
		exit 1
	for (i = 1; i <= nvar; i++)
		if (!(var[i] in seen)) {
			print "drenthe-data: RMBW indicator " var[i] " not found in the source" > "/dev/stderr"
			exit 1
		}
}
' "$RMBW_FILE" > "$tmp.raw"
{ echo "$HEADER"; sort "$tmp.raw" | cut -f2-; } > "$tmp.csv"
mv "$tmp.csv" "$OUT/rmbw.csv"

# ---------------------------------------------------------------------------
# 2. RIVM/GGD'en/CBS Gezondheidsmonitor Volwassenen en Ouderen (50090NED),
#    Drenthe-filtered exports 2012/2016/2020, 18+.
#    ";"-separated, every field quoted, CRLF, numbers left-padded, codes
#    right-padded.  Kept: Leeftijd 20300 (18 jaar en ouder), Marges MW00000
#    (the estimate itself), regions NL01 and the GM codes (no wijken/buurten).
#    "       ." = unknown -> status unknown; "" = not asked that year ->
#    omitted (no row).
#    Columns are found by name in each file's header.
# ---------------------------------------------------------------------------
RIVM_MAP='
Vrijwilligerswerk_33 vrijwilligerswerk-gezondheidsmonitor
MoeiteMetRondkomen_38 moeite-met-rondkomen
ErvarenGezondheidGoedZeerGoed_4 ervaren-gezondheid-gezondheidsmonitor
Overgewicht_9 overgewicht-gezondheidsmonitor
EenOfMeerLangdurigeAandoeningen_16 langdurige-aandoeningen-gezondheidsmonitor
VoldoetAanBeweegrichtlijn_5 beweegrichtlijn
'

# shellcheck disable=SC2086
awk -v map="$RIVM_MAP" -v src="RIVM/GGD'en/CBS, Gezondheidsmonitor Volwassenen en Ouderen (50090NED)" '
function trim(s) { sub(/^ +/, "", s); sub(/ +$/, "", s); return s }
function unquote(s) {
	if (s !~ /^".*"$/) {
		print "drenthe-data: " FILENAME ":" FNR ": unquoted field " s > "/dev/stderr"
		bad = 1; exit 1
	}
	return substr(s, 2, length(s) - 2)
}
BEGIN {
	FS = ";"
	n = split(map, lines, "\n")
	k = 0
	for (i = 1; i <= n; i++) {
		if (split(lines[i], p, " ") != 2)
			continue
		k++
		slug[p[1]] = p[2]
		order[p[1]] = k
		var[k] = p[1]
	}
	nvar = k
}
{ sub(/\r$/, "") }
FNR == 1 {
	nf = NF
	for (c in col)
		delete col[c]
	for (i = 1; i <= NF; i++)
		col[unquote($i)] = i
	for (f in slug)
		if (!(f in col)) {
			print "drenthe-data: " FILENAME ": no column " f > "/dev/stderr"
			bad = 1; exit 1
		}
	split("Leeftijd Marges WijkenEnBuurten Perioden", need, " ")
	for (i = 1; i <= 4; i++)
		if (!(need[i] in col)) {
			print "drenthe-data: " FILENAME ": no column " need[i] > "/dev/stderr"
			bad = 1; exit 1
		}
	next
}
{
	if (NF != nf) {
		print "drenthe-data: " FILENAME ":" FNR ": " NF " fields, header has " nf > "/dev/stderr"
		bad = 1; exit 1
	}
	if (trim(unquote($col["Leeftijd"])) != "20300" || trim(unquote($col["Marges"])) != "MW00000")
		next
	region = trim(unquote($col["WijkenEnBuurten"]))
	if (region != "NL01" && region !~ /^GM[0-9][0-9][0-9][0-9]$/)
		next                       # wijken and buurten are not used
	period = trim(unquote($col["Perioden"]))
	if (period !~ /^(19|20)[0-9][0-9]JJ00$/) {
		print "drenthe-data: " FILENAME ":" FNR ": period \"" period "\" not understood" > "/dev/stderr"
		bad = 1; exit 1
	}
	for (f in slug) {
		v = trim(unquote($col[f]))
		if (v == "")
			continue           # not measured that year: no row
		if (v == ".")
			line = slug[f] "," region "," period ",.,unknown,\"" src "\",. in bron = onbekend"
		else if (v ~ /^-?[0-9]+(\.[0-9]+)?$/)
			line = slug[f] "," region "," period "," v ",,\"" src "\","
		else {
			print "drenthe-data: " FILENAME ":" FNR ": value \"" v "\" in " f " not understood" > "/dev/stderr"
			bad = 1; exit 1
		}
		seen[f] = 1
		printf "%03d %s %s\t%s\n", order[f], region, period, line
	}
}
END {
	if (bad)
		exit 1
	for (i = 1; i <= nvar; i++)
		if (!(var[i] in seen)) {
			print "drenthe-data: Gezondheidsmonitor indicator " var[i] " has no values" > "/dev/stderr"
			exit 1
		}
}
' $RIVM_FILES > "$tmp.raw"
{ echo "$HEADER"; sort "$tmp.raw" | cut -f2-; } > "$tmp.csv"
mv "$tmp.csv" "$OUT/gezondheidsmonitor.csv"

echo "drenthe-data: $(($(wc -l < "$OUT/rmbw.csv") - 1)) rows in $OUT/rmbw.csv," \
	"$(($(wc -l < "$OUT/gezondheidsmonitor.csv") - 1)) rows in $OUT/gezondheidsmonitor.csv"
