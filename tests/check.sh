#!/bin/sh
# `make check`: every test suite, then one summary line.
# Suites: unit (cmocka, ASan+UBSan), CLI end to end (ASan+UBSan build),
# malformed-input matrix, HTTP tests of telling serve, the store, import,
# report and HTTP tests again on a throwaway PostgreSQL (tests/pg/run.sh), fuzz corpus replay + short fuzz runs, and the
# example report in headless Chromium with axe, and the pages telling serve
# adds (axe on each page type, a browser session adding a story).
set -u
cd "$(dirname "$0")/.."
total_p=0
total_f=0
log=build/check
mkdir -p "$log"

suite() {
	name=$1
	shift
	echo "== $name"
	"$@" >"$log/$name.log" 2>&1
	rc=$?
	cat "$log/$name.log"
	line=$(grep -E '[0-9]+ passed, [0-9]+ failed' "$log/$name.log" | tail -1)
	p=$(printf '%s' "$line" | sed -n 's/.*\b\([0-9][0-9]*\) passed.*/\1/p')
	f=$(printf '%s' "$line" | sed -n 's/.* \([0-9][0-9]*\) failed.*/\1/p')
	p=${p:-0}
	f=${f:-0}
	if [ "$rc" -ne 0 ] && [ "$f" -eq 0 ]; then
		f=1
		echo "== $name: exited with status $rc"
	fi
	total_p=$((total_p + p))
	total_f=$((total_f + f))
}

suite lint sh tools/lint.sh
suite unit make -s unit
suite cli sh tests/run-cli.sh
suite malformed sh tests/malformed/run.sh build/asan/telling
suite http sh tests/http/run.sh
suite http-edit sh tests/http/edit.sh
suite http-dash sh tests/http/dash.sh
suite http-limits sh tests/http/limits.sh
suite http-multi sh tests/http/multi.sh
suite pg sh tools/pg-test.sh sh tests/pg/run.sh
suite fuzz make -s fuzz-short
suite web make -s web
suite web-serve sh tests/web/serve.sh

echo
echo "check: $total_p passed, $total_f failed"
[ "$total_f" -eq 0 ]
