#!/bin/sh
# run-fuzzers.sh: run every libFuzzer target of a --enable-fuzzing build.
#   tests/fuzz/run-fuzzers.sh BUILDDIR [RUNS [SECONDS [TARGET ...]]]
# Each target starts from its checked-in seeds (tests/fuzz/corpus/NAME) and
# its dictionary (tests/fuzz/dict/NAME.dict), grows a scratch corpus in
# BUILDDIR/fuzz-work/NAME, and stops after RUNS executions (default 10^7)
# or SECONDS (default 3600), whichever comes first. A crash, leak or
# timeout input is written to BUILDDIR/fuzz-work/NAME-crashes/: reproduce
# it with BUILDDIR/tests/fuzz/fuzz_NAME FILE, fix the bug, and keep the
# file in tests/fuzz/corpus/NAME/ (named crash-WHAT) as a regression input.
# The targets run in parallel; each one's log is BUILDDIR/fuzz-work/NAME.log.
set -u
src=$(cd "$(dirname "$0")/../.." && pwd)
build=$(cd "${1:?usage: run-fuzzers.sh BUILDDIR [RUNS [SECONDS [TARGET ...]]]}" && pwd)
runs=${2:-10000000}
secs=${3:-3600}
shift; [ $# -gt 0 ] && shift; [ $# -gt 0 ] && shift
targets=${*:-csv cmd expr session grid}
mkdir -p "$build/fuzz-work"
for t in $targets; do
	mkdir -p "$build/fuzz-work/$t" "$build/fuzz-work/$t-crashes"
	"$build/tests/fuzz/fuzz_$t" -runs="$runs" -max_total_time="$secs" \
	    -max_len=4096 -timeout=10 -rss_limit_mb=1536 -print_final_stats=1 \
	    -dict="$src/tests/fuzz/dict/$t.dict" \
	    -artifact_prefix="$build/fuzz-work/$t-crashes/" \
	    "$build/fuzz-work/$t" "$src/tests/fuzz/corpus/$t" \
	    > "$build/fuzz-work/$t.log" 2>&1 < /dev/null &
done
wait
status=0
for t in $targets; do
	n=$(ls "$build/fuzz-work/$t-crashes" | wc -l)
	execs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$build/fuzz-work/$t.log")
	cov=$(grep -E '^#[0-9]+' "$build/fuzz-work/$t.log" | tail -n1 |
	    sed -n 's/.*\(cov: [0-9]*\).*\(ft: [0-9]*\).*/\1 \2/p')
	echo "$t: ${execs:-?} executions, $cov, $n crash inputs"
	[ "$n" -eq 0 ] || status=1
done
exit $status
