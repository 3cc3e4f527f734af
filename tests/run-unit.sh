#!/bin/sh
# Run every cmocka unit test binary (built with ASan + UBSan) and sum up.
# Usage: tests/run-unit.sh BIN...   Last line: "N passed, N failed".
passed=0
failed=0
for t in "$@"; do
	out=$("$t" 2>&1)
	rc=$?
	printf '%s\n' "$out" | grep -E '^\[ *(PASSED|FAILED|RUN|OK|ERROR) *\]|^\[=+\]|^(ERROR|Direct|Indirect|SUMMARY)' | grep -v '^\[ RUN' 
	# A binary may run several groups (cmocka_run_group_tests), each with
	# its own summary: add them all.
	p=$(printf '%s\n' "$out" | sed -n 's/^\[  PASSED  \] \([0-9]*\) test.*/\1/p' | awk '{ s += $1 } END { print s + 0 }')
	f=$(printf '%s\n' "$out" | sed -n 's/^\[  FAILED  \] \([0-9]*\) test.*/\1/p' | awk '{ s += $1 } END { print s + 0 }')
	if [ "$rc" -ne 0 ] && [ "$f" -eq 0 ]; then
		# A crash, a sanitizer report or a leak after the tests ran.
		echo "unit: $t exited with $rc"
		printf '%s\n' "$out" | tail -30
		f=1
	fi
	passed=$((passed + p))
	failed=$((failed + f))
done
echo "unit: $passed passed, $failed failed"
[ "$failed" -eq 0 ]
