#!/bin/sh
# A folder of two RIVM files for the same 857 regions (Drenthe's
# municipalities, wijken and buurten; 2012 and 2020), imported with
# --add-regions: the summary counts each region once for the run, not once
# per file, and the second file does not add the regions again.
. "$(dirname "$0")/lib.sh"
D=$ROOT/tests/data/cbs/rivm-gezondheidsmonitor
cp -r "$ROOT/tests/data/mini-agenda" "$T/a"
sed -i 's/^regions:$/  - {slug: gezond, theme: thema, title: Gezond, unit: "%", polarity: higher-is-better, source: RIVM, import: [{topic: ErvarenGezondheidGoedZeerGoed_4, dimensions: {Leeftijd: "20300", Marges: MW00000}}]}\n\nregions:/' "$T/a/agenda.yml"
"$TELLING" init "$T/a" --db "$T/d.db" >"$T/out" || fail "init failed"
mkdir "$T/r"
cp "$D/2012_18+.drenthe.csv" "$D/RIVM_gezondheid2020_18+.drenthe.csv" "$T/r/"
"$TELLING" import "$T/r" --db "$T/d.db" --add-regions >"$T/out" 2>"$T/err" || fail "import refused: $(cat "$T/err")"
# The agenda has 5 regions of its own; every other region in the store was
# added by this run, and the summary must say how many.
regions=$(sqlite3 "$T/d.db" "SELECT count(*) FROM region")
expect_in "$T/out" "2 files, 1714 rows, 59990 cells, 1714 observations loaded"
expect_in "$T/out" "$((regions - 5)) regions added"
expect_in "$T/out" "regions: 857 named in the files, 857 new to the region register"
[ "$(sqlite3 "$T/d.db" "SELECT count(*) FROM region_register")" = 857 ] || fail "the register should hold 857 codes"
echo ok
