#!/bin/sh
# check-man.sh: the man page's COMMANDS section is what doc/mkman makes
# from the command table today (run 'make man' in the build when not).
echo "1..1"
tmp=$(mktemp) || exit 1
trap 'rm -f "$tmp"' EXIT
if ! "$SX_BUILDDIR/doc/mkman" "$SX_SRCDIR/doc/scalex.1" > "$tmp"; then
	echo "not ok 1 - doc/mkman failed"
	exit 1
fi
if cmp -s "$tmp" "$SX_SRCDIR/doc/scalex.1"; then
	echo "ok 1 - doc/scalex.1 lists the commands as help does"
else
	diff -u "$SX_SRCDIR/doc/scalex.1" "$tmp" | head -40 | sed 's/^/# /'
	echo "not ok 1 - doc/scalex.1 is stale: run 'make man' in the build"
	exit 1
fi
