#!/bin/sh
# check-options.sh: the man page's OPTIONS list the options --help lists,
# the same ones in the same order (both are made from sessions/cliopts.c:
# this fails when the page was not remade, or an option is parsed by hand
# and missing from the table), and each option --help lists is accepted.
echo "1..2"
tmp=$(mktemp -d) || exit 1
trap 'rm -rf "$tmp"' EXIT
"$SX_BUILDDIR/scalex" --help |
    sed -n '/^Options:/,/^$/p' | sed -n 's/^  \(-[^ ,]*\(, -[^ ,]*\)*\).*/\1/p' \
    > "$tmp/help"
# The man page: the bold words after each .TP of the OPTIONS section.
sed -n '/^\.SH OPTIONS/,/^\.SH /p' "$SX_SRCDIR/doc/scalex.1" |
    sed -n '/^\.TP/{n;p}' | sed 's/^\.BI* "\([^"]*\)".*/\1/; s/\\-/-/g' \
    > "$tmp/man"
if [ -s "$tmp/help" ] && cmp -s "$tmp/help" "$tmp/man"; then
	echo "ok 1 - the man page's OPTIONS are --help's $(wc -l < "$tmp/help") options"
else
	diff -u "$tmp/help" "$tmp/man" | sed 's/^/# /'
	echo "not ok 1 - --help and the man page's OPTIONS differ"
fi
# The binary knows every option (no 'unknown option' for any of them).
bad=""
for o in $(sed 's/,//g' "$tmp/help"); do
	HOME=$tmp XDG_STATE_HOME=$tmp/state XDG_CONFIG_HOME=$tmp/config \
	    "$SX_BUILDDIR/scalex" "$o" < /dev/null 2>&1 | grep -q 'unknown option' &&
	    bad="$bad $o"
done
if [ -z "$bad" ]; then
	echo "ok 2 - scalex accepts every option --help lists"
else
	echo "not ok 2 - --help lists options scalex refuses:$bad"
fi
