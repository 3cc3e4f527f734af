#!/bin/sh
# Architecture rules that a grep can hold (see docs/architecture.md):
#   1. only src/store/ speaks SQL;
#   2. markup is never printf'd: no tl_buf_printf/tl_arena_printf with '<' in src/render;
#   3. analysis is pure: no I/O, no allocation outside an arena, no globals;
#   4. never setlocale (formatting is locale-free by construction);
#   5. only src/main.c exits.
# Prints each violation as file:line: rule, ends with "N passed, N failed".
cd "$(dirname "$0")/.."
passed=0
failed=0
rule() {
	name=$1
	hits=$2
	if [ -n "$hits" ]; then
		echo "not ok - $name"
		printf '%s\n' "$hits" | sed 's/^/    /'
		failed=$((failed + 1))
	else
		echo "ok - $name"
		passed=$((passed + 1))
	fi
}
rule "only the store speaks SQL" "$(grep -rn 'sqlite3_\|PQexec\|libpq' src --include=*.c | grep -v '^src/store/')"
rule "no printf-style markup" "$(grep -rnE '(tl_buf_printf|tl_arena_printf|snprintf)\([^;]*"[^"]*<' src/render src/text)"
rule "analysis is pure" "$(grep -rnE 'fopen|printf|malloc|getenv|time\(|static [a-z_ ]+[a-z_]+ *=|static [a-z_ ]+[a-z_]+;' src/analysis)"
rule "no setlocale" "$(grep -rn 'setlocale *(' src | grep -v 'never calls setlocale')"
rule "only main.c exits" "$(grep -rnE '\bexit\(' src --include=*.c | grep -v '^src/main.c')"
echo "lint: $passed passed, $failed failed"
[ "$failed" -eq 0 ]
