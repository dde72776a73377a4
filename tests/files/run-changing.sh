#!/bin/sh
# run-changing.sh: a CSV cut, grown or replaced while scalex loads it must
# fail with a message naming it, not load as part of its rows. The file
# (3M rows, 84 MB) is changed once scalex has read half of it into memory
# (its resident size), which is long before the load ends. TAP output.
set -u
here=$(cd "$(dirname "$0")" && pwd)
builddir=${SX_BUILDDIR:-$(pwd)}
sx="$builddir/scalex"
scratch=$(mktemp -d "${TMPDIR:-/tmp}/scalex-files.XXXXXX")
trap 'rm -rf "$scratch"' EXIT INT TERM
cd "$scratch" || exit 1
awk 'BEGIN { print "N,D,L"; for (i = 0; i < 3000000; i++)
    printf "%d,%d,%.6f\n", 1e6 + i, 2e9 + i, 3 + i / 1e7 }' >full.csv

. "${SX_SRCDIR:-$here/../..}/tests/tap.sh"
# during CHANGE: load big.csv, run CHANGE once 40 MB are in memory.
during() {
	cp full.csv big.csv
	"$sx" -c 'load big.csv; data list' >out 2>err &
	pid=$!
	i=0
	while [ $i -lt 600 ] && kill -0 "$pid" 2>/dev/null; do
		rss=$(awk '/^VmRSS/ { print $2 }' "/proc/$pid/status" 2>/dev/null)
		[ "${rss:-0}" -ge 40000 ] && break
		sleep 0.02
		i=$((i + 1))
	done
	eval "$1"
	wait "$pid"
	rc=$?
}

echo "1..3"
during 'truncate -s 1000 big.csv'
[ "$rc" = 1 ] && grep -q "'big.csv' changed while it was being loaded" err &&
    ! grep -q "rows" out
ok $? "a file truncated during its load fails (rc $rc)"
during 'printf "1,2,3\n" >>big.csv'
[ "$rc" = 1 ] && grep -q "changed while it was being loaded" err
ok $? "a file appended to during its load fails (rc $rc)"
during 'head -2 full.csv >new.csv && mv new.csv big.csv'
[ "$rc" = 1 ] && grep -q "changed while it was being loaded" err
ok $? "a file replaced (renamed over) during its load fails (rc $rc)"
exit $((fails > 0))
