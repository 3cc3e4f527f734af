#!/bin/sh
# Building from the folder and from a store loaded from it gives the same site.
# engines: sqlite postgresql
. "$(dirname "$0")/lib.sh"
D=$(store d)
"$TELLING" init "$ROOT/examples/drenthe-2025" --db "$D" >/dev/null
"$TELLING" build --db "$D" -o "$T/a" >/dev/null 2>&1
"$TELLING" build "$ROOT/examples/drenthe-2025" -o "$T/b" >/dev/null 2>&1
diff -r "$T/a" "$T/b" >"$T/diff" || { head -20 "$T/diff"; fail "folder and store builds differ"; }
# And building twice is byte-identical (deterministic output).
"$TELLING" build --db "$D" -o "$T/c" >/dev/null 2>&1
diff -r "$T/a" "$T/c" >/dev/null || fail "two builds differ"
