#!/bin/sh
# run-concurrent.sh: two scalex saving to the same file at once. The file
# left is one of the two sessions whole (never a mix, never empty), it
# replays, and no temporary file of either save stays behind. TAP output.
set -u
here=$(cd "$(dirname "$0")" && pwd)
builddir=${SX_BUILDDIR:-$(pwd)}
sx="$builddir/scalex"
scratch=$(mktemp -d "${TMPDIR:-/tmp}/scalex-concurrent.XXXXXX")
trap 'rm -rf "$scratch"' EXIT INT TERM
cd "$scratch" || exit 1
. "${SX_SRCDIR:-$here/../..}/tests/tap.sh"

A='demo chinchilla as a; fit chinchilla a as fa; save same.sx --force'
B='demo kaplan as b; derive b x = N * 2; save same.sx --force'
"$sx" -c "$A" >/dev/null && grep -v '^#' same.sx >want-a
"$sx" -c "$B" >/dev/null && grep -v '^#' same.sx >want-b
rm -f same.sx

echo "1..3"
bad=0 mixed=0 left=0
for i in 1 2 3 4 5 6 7 8 9 10 11 12 13 14 15 16 17 18 19 20; do
	"$sx" -c "$A" >/dev/null 2>&1 &
	pa=$!
	"$sx" -c "$B" >/dev/null 2>&1 &
	pb=$!
	wait "$pa" || bad=$((bad + 1))
	wait "$pb" || bad=$((bad + 1))
	grep -v '^#' same.sx >got 2>/dev/null
	cmp -s got want-a || cmp -s got want-b || mixed=$((mixed + 1))
	[ -z "$(ls | grep '^same\.sx\.')" ] || left=$((left + 1))
done
[ "$bad" = 0 ]
ok $? "both saves succeed every time ($bad failures in 40)"
[ "$mixed" = 0 ]
ok $? "the file is one session whole, never a mix ($mixed of 20 were not)"
[ "$left" = 0 ] && "$sx" --replay same.sx >/dev/null
ok $? "no temporary file is left ($left rounds left one) and the file replays"
exit $((fails > 0))
