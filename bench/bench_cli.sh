#!/bin/sh
# bench_cli.sh: the whole process, exec to exit: `scalex -c 'load; fit plc'`
# on a 200-row CSV, median of 51 runs (wall time).
set -eu
scalex=${1:-./scalex}
dir=$(mktemp -d "${TMPDIR:-/tmp}/scalex-bench.XXXXXX")
trap 'rm -rf "$dir"' EXIT
awk 'BEGIN { srand(7); print "C,L";
	for (i = 0; i < 200; i++) { c = 10^(18 + 8 * i / 199);
		printf "%.6g,%.6g\n", c, (1.7 + (1e20 / c)^0.1) * exp(0.01 * (rand() - 0.5)) } }' \
	> "$dir/runs.csv"
i=0
while [ $i -lt 51 ]; do
	s=$(date +%s%N)
	"$scalex" -c "load $dir/runs.csv as r; fit plc r" > /dev/null
	e=$(date +%s%N)
	echo $(( (e - s) / 1000 ))
	i=$((i + 1))
done | sort -n | awk '{ v[NR] = $1 } END {
	printf "process: scalex -c \"load 200 rows; fit plc\": median %.2f ms over %d runs\n",
	    v[int((NR + 1) / 2)] / 1000, NR }'
