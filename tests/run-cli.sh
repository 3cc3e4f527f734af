#!/bin/sh
# End-to-end tests: every tests/cli/tNNNN-*.sh, run against the ASan+UBSan
# build.  Each script exits 0 on success; its stderr explains a failure.
# Last line: "N passed, N failed".
cd "$(dirname "$0")/.."
export TELLING="${TELLING:-$PWD/build/asan/telling}"
export ASAN_OPTIONS="${ASAN_OPTIONS:-detect_leaks=1}"
export UBSAN_OPTIONS="${UBSAN_OPTIONS:-print_stacktrace=1:halt_on_error=1}"
passed=0
failed=0
for t in tests/cli/t[0-9]*.sh; do
	[ -f "$t" ] || continue
	tmp=$(mktemp -d)
	if TMPDIR_TEST="$tmp" sh "$t" >"$tmp/out.log" 2>&1; then
		echo "ok - $t"
		passed=$((passed + 1))
	else
		echo "not ok - $t"
		sed 's/^/    /' "$tmp/out.log" | tail -40
		failed=$((failed + 1))
	fi
	rm -rf "$tmp"
done
echo "cli: $passed passed, $failed failed"
[ "$failed" -eq 0 ]
