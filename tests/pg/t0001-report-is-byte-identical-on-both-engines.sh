#!/bin/sh
# The same agenda gives a byte-identical report whichever engine holds it:
# the example agenda in SQLite and in PostgreSQL, built in both languages,
# and `telling check` says the same about both.
. "$(dirname "$0")/lib.sh"
pg_fresh
EX=$ROOT/examples/drenthe-2025
"$TELLING" init "$EX" --db "$T/d.db" >"$T/lite.out" 2>"$T/lite.err" || { cat "$T/lite.err"; fail "init sqlite"; }
"$TELLING" init "$EX" --db "$PG" >"$T/pg.out" 2>"$T/pg.err" || { cat "$T/pg.err"; fail "init postgresql"; }
# The summary lines name the store; the counts must agree.
sed "s#$T/d.db#STORE#" "$T/lite.out" >"$T/a"
sed "s#$PG#STORE#" "$T/pg.out" >"$T/b"
cmp -s "$T/a" "$T/b" || { diff "$T/a" "$T/b" >&2; fail "init says different things"; }
for lang in nl en; do
	"$TELLING" build --db "$T/d.db" -o "$T/lite-$lang" --lang $lang >/dev/null 2>&1 || fail "build sqlite $lang"
	"$TELLING" build --db "$PG" -o "$T/pg-$lang" --lang $lang >/dev/null 2>&1 || fail "build postgresql $lang"
	[ -f "$T/pg-$lang/index.html" ] || fail "no index.html from postgresql ($lang)"
	diff -r "$T/lite-$lang" "$T/pg-$lang" >"$T/diff" || { head -40 "$T/diff" >&2; fail "reports differ ($lang)"; }
done
"$TELLING" check --db "$T/d.db" >"$T/c1" 2>&1 && fail "check should find the seed's errors (sqlite)"
"$TELLING" check --db "$PG" >"$T/c2" 2>&1 && fail "check should find the seed's errors (postgresql)"
cmp -s "$T/c1" "$T/c2" || { diff "$T/c1" "$T/c2" >&2; fail "check differs between engines"; }
exit 0
