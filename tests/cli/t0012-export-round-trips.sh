#!/bin/sh
# telling export writes a store back out as an agenda folder that loads to
# the same store: init → export → init gives the same contents and the
# same report, for the Drenthe example and for the mini report (which has an
# unpublished story and a person without consent).
# engines: sqlite postgresql
. "$(dirname "$0")/lib.sh"

# Everything in a store except what records where and when it was loaded
# (import records, file paths).
contents() {
	for t in agenda theme goal indicator_goal series_break indicator_import indicator_import_dim region_group \
		region_group_member instrument instrument_partner instrument_region instrument_goal stated_total \
		award award_goal target target_goal target_progress story_person story_goal story_instrument next_step \
		merger merger_old; do
		echo "== $t"
		q "$1" "select * from $t order by 1, 2"
	done
	echo "== indicator"
	q "$1" "select slug, theme, position, title, subject, unit, decimals, polarity, source, source_detail, notes from indicator order by slug"
	echo "== region"
	q "$1" "select code, name, level, parent, classification_year from region order by code"
	echo "== chapter"
	q "$1" "select slug, position, theme, title, markdown from chapter order by slug"
	echo "== story"
	q "$1" "select slug, position, title, kicker, lead, place, region, date, published, markdown from story order by slug"
	echo "== observation"
	q "$1" "select indicator, region, period, value, status, source, note from observation order by 1, 2, 3"
}

# the mini report with a municipal merger, which agenda.yml carries too
cp -r "$ROOT/tests/data/mini-report" "$T/merged"
printf '\nmergers:\n  - {old: [GM0106], new: GM0106, year: 1998, action: map}\n' >>"$T/merged/agenda.yml"

for name in drenthe mini merged; do
	case $name in
	drenthe) src=$ROOT/examples/drenthe-2025 ;;
	mini) src=$ROOT/tests/data/mini-report ;;
	merged) src=$T/merged ;;
	esac
	db1=$(store "$name-1")
	db2=$(store "$name-2")
	"$TELLING" init "$src" --db "$db1" >/dev/null 2>"$T/err" || { cat "$T/err"; fail "init $name"; }
	"$TELLING" export --db "$db1" -o "$T/$name-folder" >"$T/out" 2>"$T/err" || { cat "$T/err"; fail "export $name"; }
	expect_in "$T/out" "export: "
	[ -f "$T/$name-folder/agenda.yml" ] && [ -f "$T/$name-folder/report.yml" ] || fail "export $name: no agenda.yml or report.yml"
	"$TELLING" init "$T/$name-folder" --db "$db2" >/dev/null 2>"$T/err" || { cat "$T/err"; fail "init of the exported $name folder"; }
	contents "$db1" >"$T/$name-1.txt"
	contents "$db2" >"$T/$name-2.txt"
	diff "$T/$name-1.txt" "$T/$name-2.txt" >"$T/diff" || { head -20 "$T/diff"; fail "$name: the exported folder loads to a different store"; }
	"$TELLING" build --db "$db1" -o "$T/$name-site-1" >/dev/null 2>&1 || fail "build $name 1"
	"$TELLING" build --db "$db2" -o "$T/$name-site-2" >/dev/null 2>&1 || fail "build $name 2"
	diff -r "$T/$name-site-1" "$T/$name-site-2" >"$T/diff" || { head -20 "$T/diff"; fail "$name: the reports differ"; }
done
# the export is the editors' copy: it keeps what the report leaves out
expect_in "$T/mini-folder/stories/concept.md" "published: false"
expect_in "$T/mini-folder/stories/gepubliceerd.md" "consent: false"
# a store that is not there is not created by exporting it
if [ -n "${TELLING_CLI_PG:-}" ]; then
	none=$(echo "$TELLING_CLI_PG" | sed "s#:///[^?]*?#:///cli_none?#")
	if "$TELLING" export --db "$none" -o "$T/none" 2>"$T/err"; then fail "export of a missing database succeeded"; fi
	expect_in "$T/err" 'database "cli_none" does not exist'
else
	if "$TELLING" export --db "$T/none.db" -o "$T/none" 2>"$T/err"; then fail "export of a missing store succeeded"; fi
	[ ! -e "$T/none.db" ] || fail "export created a store"
fi
