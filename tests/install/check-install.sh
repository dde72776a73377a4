#!/bin/sh
# check-install.sh: make install into a DESTDIR puts the binary, the man
# page and both completion scripts in place, and they work: the bash
# script, sourced in a bash, completes 'scalex --re' to --repl and
# 'scalex --replay ' to the saved sessions (*.sx) of the directory.
set -u
echo "1..6"
tmp=$(mktemp -d "${TMPDIR:-/tmp}/scalex-install.XXXXXX") || exit 1
trap 'rm -rf "$tmp"' EXIT
dest=$tmp/dest
if ! make -s -C "$SX_BUILDDIR" install DESTDIR="$dest" > "$tmp/log" 2>&1; then
	sed 's/^/# /' "$tmp/log"
	echo "Bail out! make install DESTDIR=... failed"
	exit 1
fi
# The one file under DESTDIR that ends with PATH.
found() {
	find "$dest" -path "*$1" -type f | head -n 1
}
bin=$(found /bin/scalex)
if [ -n "$bin" ] && [ -x "$bin" ] &&
    HOME=$tmp XDG_CONFIG_HOME=$tmp/config "$bin" --version | grep -q '^scalex '; then
	echo "ok 1 - bin/scalex is installed and runs"
else
	echo "not ok 1 - no working bin/scalex under DESTDIR"
fi
man=$(found /man/man1/scalex.1)
if [ -n "$man" ] && cmp -s "$man" "$SX_SRCDIR/doc/scalex.1"; then
	if command -v man > /dev/null 2>&1 &&
	    ! MANWIDTH=80 man -l "$man" 2>/dev/null | grep -q 'SYNOPSIS'; then
		echo "not ok 2 - man -l cannot render the installed page"
	else
		echo "ok 2 - man1/scalex.1 is installed"
	fi
else
	echo "not ok 2 - no man1/scalex.1 under DESTDIR (or not doc/scalex.1)"
fi
bcomp=$(found /bash-completion/completions/scalex)
zcomp=$(found /zsh/site-functions/_scalex)
if [ -n "$bcomp" ] && bash -n "$bcomp" && grep -q 'complete -F _scalex scalex' "$bcomp"; then
	echo "ok 3 - the bash completion script is installed"
else
	echo "not ok 3 - no bash completion script (or it does not parse)"
fi
if [ -n "$zcomp" ] && head -n 1 "$zcomp" | grep -q '^#compdef scalex' &&
    grep -q -e "--replay" "$zcomp" &&
    { ! command -v zsh > /dev/null 2>&1 || zsh -n "$zcomp"; }; then
	echo "ok 4 - the zsh completion script is installed"
else
	echo "not ok 4 - no zsh completion script (or it does not parse)"
fi
# complete WORDS...: what the bash script offers for the last word.
complete_words() {
	(cd "$tmp/work" && bash -c '. "$1"; shift; COMP_WORDS=("$@");
	    COMP_CWORD=$(($# - 1)); _scalex; printf "%s\n" "${COMPREPLY[@]}"' \
	    complete "$bcomp" "$@") | sort
}
mkdir -p "$tmp/work/old"
: > "$tmp/work/today.sx"
: > "$tmp/work/yesterday.sx"
: > "$tmp/work/runs.csv"
got=$(complete_words scalex --re | tr '\n' ' ')
# Readline inserts what the candidates share: --repl.
if [ "$got" = "--repl --replay " ]; then
	echo "ok 5 - scalex --re<TAB> completes to --repl"
else
	echo "not ok 5 - scalex --re<TAB> offers '$got'"
fi
got=$(complete_words scalex --replay '' | tr '\n' ' ')
if [ "$got" = "old today.sx yesterday.sx " ]; then
	echo "ok 6 - scalex --replay <TAB> offers the saved sessions"
else
	echo "not ok 6 - scalex --replay <TAB> offers '$got'"
fi
