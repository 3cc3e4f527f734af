#!/bin/sh
# Moving from SQLite to PostgreSQL (docs/operations.md): telling export from
# the SQLite file, telling init into PostgreSQL.  Exporting the PostgreSQL
# store again gives the same folder, and both stores the same report.
. "$(dirname "$0")/lib.sh"
pg_fresh
EX=$ROOT/examples/drenthe-2025
"$TELLING" init "$EX" --db "$T/d.db" >/dev/null 2>&1 || fail "init sqlite"
"$TELLING" export --db "$T/d.db" -o "$T/folder" >/dev/null 2>"$T/err" || { cat "$T/err"; fail "export sqlite"; }
"$TELLING" init "$T/folder" --db "$PG" >/dev/null 2>"$T/err" || { cat "$T/err"; fail "init postgresql from the export"; }
"$TELLING" export --db "$PG" -o "$T/again" >/dev/null 2>"$T/err" || { cat "$T/err"; fail "export postgresql"; }
diff -r "$T/folder" "$T/again" >"$T/diff" || { head -40 "$T/diff" >&2; fail "export from postgresql differs"; }
"$TELLING" build --db "$T/d.db" -o "$T/s1" >/dev/null 2>&1 || fail "build sqlite"
"$TELLING" build --db "$PG" -o "$T/s2" >/dev/null 2>&1 || fail "build postgresql"
diff -r "$T/s1" "$T/s2" >"$T/diff" || { head -40 "$T/diff" >&2; fail "reports differ after the move"; }
exit 0
