#!/bin/sh
# Replay each fuzz target's corpus (regression), then fuzz it briefly.
# FUZZ_SECONDS (default 15) per target.  Last line: "N passed, N failed".
cd "$(dirname "$0")/.."
secs=${FUZZ_SECONDS:-15}
passed=0
failed=0
for bin in "$@"; do
	name=$(basename "$bin" | sed 's/^fuzz_//')
	corpus=fuzz/corpus/$name
	dict=fuzz/dict/$name.dict
	work=$(mktemp -d)
	[ -d "$corpus" ] && cp -r "$corpus"/. "$work"/ 2>/dev/null
	dictopt=""
	[ -f "$dict" ] && dictopt="-dict=$dict"
	if [ -d "$corpus" ] && ! "$bin" -runs=0 "$corpus" >"$work.replay.log" 2>&1; then
		echo "not ok - $name: corpus replay failed"
		tail -30 "$work.replay.log"
		failed=$((failed + 1))
	elif ! "$bin" -max_total_time="$secs" -max_len=65536 -timeout=10 -rss_limit_mb=2048 \
		-print_final_stats=1 $dictopt "$work" >"$work.log" 2>&1; then
		echo "not ok - $name: fuzzing found a crash"
		grep -E 'ERROR|SUMMARY|Test unit written' "$work.log" | head -10
		failed=$((failed + 1))
	else
		execs=$(grep -o 'stat::number_of_executed_units: *[0-9]*' "$work.log" | grep -o '[0-9]*$')
		echo "ok - $name (corpus replayed, ${secs}s fuzzing${execs:+, $execs runs})"
		passed=$((passed + 1))
	fi
	rm -rf "$work" "$work.log" "$work.replay.log"
done
echo "fuzz: $passed passed, $failed failed"
[ "$failed" -eq 0 ]
