#!/bin/sh
# telling export from a store that holds nothing (an empty SQLite file, an
# empty PostgreSQL database) refuses, naming the store, and leaves it as it
# was: no schema created, no byte written, no folder made.
# engines: sqlite postgresql
. "$(dirname "$0")/lib.sh"
D=$(store empty)
if is_pg "$D"; then
	tables() { q "$D" "SELECT count(*) FROM pg_tables WHERE schemaname = current_schema()"; }
	[ "$(tables)" = 0 ] || fail "the test database is not empty"
else
	: >"$D"
fi
set +e
"$TELLING" export --db "$D" -o "$T/out" >"$T/stdout" 2>"$T/err"
rc=$?
set -e
[ "$rc" -eq 1 ] || { cat "$T/err"; fail "export from an empty store should exit 1, got $rc"; }
expect_in "$T/err" "$D: store: no telling store in it"
expect_in "$T/err" "not exported"
[ ! -e "$T/out" ] || fail "export made the folder $T/out"
if is_pg "$D"; then
	[ "$(tables)" = 0 ] || fail "export created $(tables) tables in the empty database"
else
	[ ! -s "$D" ] || fail "export wrote $(wc -c <"$D") bytes into the empty file"
	[ ! -e "$D-wal" ] || fail "export left a write-ahead log beside the empty file"
fi

# The same store, once initialised, exports.
"$TELLING" init "$ROOT/examples/drenthe-2025" --db "$D" >/dev/null
"$TELLING" export --db "$D" -o "$T/out" >"$T/stdout" 2>"$T/err" || { cat "$T/err"; fail "export after init"; }
[ -f "$T/out/agenda.yml" ] || fail "no agenda.yml in the export"
