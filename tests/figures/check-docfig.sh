#!/bin/sh
# check-docfig.sh: README.md's figure, doc/figures/chinchilla-isoflop.svg,
# is what its script doc/figures/chinchilla-isoflop.sx writes ('make
# figures' rewrites it): the script run twice writes the same bytes, and
# those are the committed file's. The bytes depend on the installed fonts
# (cairo writes text as glyph outlines): CI and the committed file use
# Debian 12's fonts-dejavu-core. TAP.
set -u
builddir=${SX_BUILDDIR:-.}
case $builddir in /*) ;; *) builddir=$PWD/$builddir ;; esac
srcdir=$(cd "$(dirname "$0")/../.." && pwd)
scratch=$(mktemp -d "${TMPDIR:-/tmp}/scalex-docfig.XXXXXX")
trap 'rm -rf "$scratch"' EXIT INT TERM
n=0
ok() { n=$((n + 1)); echo "ok $n - $*"; }
notok() { n=$((n + 1)); echo "not ok $n - $*"; }
check() { if eval "$2"; then ok "$1"; else notok "$1"; fi; }

echo "1..3"
mkdir "$scratch/a" "$scratch/b"
for d in a b; do
	cp "$srcdir/doc/figures/chinchilla-isoflop.sx" "$scratch/$d/"
	(cd "$scratch/$d" && "$builddir/scalex" chinchilla-isoflop.sx) \
	    > "$scratch/$d.log" 2>&1
done
check "the script writes the figure" \
    '[ -s "$scratch/a/chinchilla-isoflop.svg" ] || { cat "$scratch/a.log"; false; }'
check "twice the same bytes" \
    'cmp "$scratch/a/chinchilla-isoflop.svg" "$scratch/b/chinchilla-isoflop.svg"'
check "the committed figure is up to date (make figures rewrites it)" \
    'cmp "$scratch/a/chinchilla-isoflop.svg" "$srcdir/doc/figures/chinchilla-isoflop.svg"'
