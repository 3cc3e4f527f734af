#!/bin/sh
# Import every file of the shared data (../shared/data: cbs/, rivm-gezondheidsmonitor/,
# brede-welvaart/) into a store of bench/all-shared-data/ (a Drenthe agenda with one
# indicator per kind of table; the CBS tables' specs come from cbs.spec.yml through
# --spec), each file on its own, and print a table: file → result.  A file is
# either imported (observations loaded, regions named, mergers) or refused with
# the reason telling gives.  The CBS downloads that are read as a whole (the v4
# bulk folder, the v3 metadata folder with its CategoryGroups.json) are also
# imported as their folders; a file that telling reads only with its folder is
# listed as "part of" (not counted as refused).
#
# Usage: sh bench/all-shared-data.sh [BIN]     (BIN: build/telling by default)
set -u
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/.." && pwd)
BIN=${1:-$root/build/telling}
DATA=${TL_SHARED_DATA:-$root/../shared/data}
[ -d "$DATA" ] || DATA=/work/shared/data
if [ ! -x "$BIN" ]; then
	echo "$0: $BIN is not an executable (run make first)" >&2
	exit 2
fi
tmp=$(mktemp -d "${TMPDIR:-/tmp}/tl-alldata.XXXXXX") || exit 2
trap 'rm -rf "$tmp"' EXIT
db=$tmp/d.db
"$BIN" init "$here/all-shared-data" --db "$db" >/dev/null || exit 1

# One line per file: name, result, observations, regions, mergers, reason.
printf '%-72s %-9s %9s %7s %-8s %s\n' file result obs regions mergers "note / reason"
imported=0
refused=0
partof=0
row() {
	f=$1
	rel=${f#"$DATA"/}
	"$BIN" import "$f" --db "$db" --spec "$here/all-shared-data/cbs.spec.yml" >"$tmp/out" 2>"$tmp/err"
	rc=$?
	if [ "$rc" -eq 0 ]; then
		imported=$((imported + 1))
		obs=$(sed -n 's/.* \([0-9]*\) observations loaded.*/\1/p' "$tmp/out" | head -1)
		regs=$(sed -n 's/^regions: \([0-9]*\) named.*/\1/p' "$tmp/out" | head -1)
		merg=$(sed -n 's/^mergers: \([0-9]*\) applied.*, \([0-9]*\) left as a series break/\1m\/\2b/p' "$tmp/out")
		fmt=$(grep -c 'warning' "$tmp/err")
		note=""
		[ "$fmt" -gt 0 ] && note="$fmt warning(s): $(grep -m1 warning "$tmp/err" | sed 's/.*warning: //' | cut -c1-70)"
		printf '%-72s %-9s %9s %7s %-8s %s\n' "$rel" imported "${obs:-0}" "${regs:-0}" "${merg:--}" "$note"
	elif grep -q '^[^ ]*: part of the CBS' "$tmp/err"; then
		partof=$((partof + 1))
		folder=$(dirname "$rel")
		printf '%-72s %-9s %9s %7s %-8s %s\n' "$rel" part-of - - - "read with its folder $folder (imported below)"
	else
		refused=$((refused + 1))
		why=$(grep -v 'warning:' "$tmp/err" | grep -v '^telling: ' | head -1 | sed "s|^$f||; s|^$DATA/||; s/^[^ ]*: //" | cut -c1-110)
		printf '%-72s %-9s %9s %7s %-8s %s\n' "$rel" refused - - - "$why"
	fi
}
for f in $(find "$DATA/cbs" "$DATA/rivm-gezondheidsmonitor" "$DATA/brede-welvaart" -type f | LC_ALL=C sort); do
	row "$f"
done
# The downloads read as a whole (each folder is one import).
row "$DATA/cbs/odata3-meta-85984NED"
row "$DATA/cbs/odata4-bulk-85678NED"
echo "files: $imported imported, $refused refused, $partof part of a folder imported as a whole"
echo "register: $(sqlite3 "$db" "SELECT sum(c) || ' regions (' || group_concat(level || ' ' || c, ', ') || ')' FROM (SELECT coalesce(level, '?') AS level, count(*) AS c FROM region_register GROUP BY 1 ORDER BY 2 DESC)")"
