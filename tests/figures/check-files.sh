#!/bin/sh
# check-files.sh: figure files as other programs read them: SVG well-formed
# per xmllint, with its axis titles and one drawn path per series (and its
# legend sample); PDF per pdfinfo one page of the requested size; PNG's
# header per od. TAP; a check whose tool is missing is skipped (CI installs
# libxml2-utils and poppler-utils).
set -u
builddir=${SX_BUILDDIR:-.}
export SX_SHARED_DATA="${SX_SHARED_DATA:-$(cd "$(dirname "$0")/../.." && pwd)/../shared/data}"
scratch=$(mktemp -d "${TMPDIR:-/tmp}/scalex-fig.XXXXXX")
trap 'rm -rf "$scratch"' EXIT INT TERM
cd "$scratch" || exit 1
n=0
ok() { n=$((n + 1)); echo "ok $n - $*"; }
notok() { n=$((n + 1)); echo "not ok $n - $*"; }
skip() { n=$((n + 1)); echo "ok $n # SKIP $*"; }
check() { if eval "$2"; then ok "$1"; else notok "$1"; fi; }

echo "1..9"
# Data (blue markers), the fit (red curve), its compute-optimal curve (green).
"$builddir/scalex" -c 'demo chinchilla as d; fit chinchilla d as f
plot f --out fig.svg --title "Chinchilla <fit>"
plot f --out fig.pdf --size 300x200
plot f --out fig.png --size 144x100 --dpi 144' > log 2>&1
check "scalex wrote the three files" \
    '[ -s fig.svg ] && [ -s fig.pdf ] && [ -s fig.png ] || { cat log; false; }'

if command -v xmllint > /dev/null 2>&1; then
	check "SVG is well-formed XML" 'xmllint --noout fig.svg'
	x() { xmllint --xpath "$1" fig.svg 2>/dev/null; }
	check "SVG's title and axis titles are its text" \
	    '[ "$(x "string(/*[local-name()=\"svg\"]/*[local-name()=\"title\"])")" = "Chinchilla <fit>" ] &&
	    x "string(//*[local-name()=\"desc\"])" | grep -q "C (FLOP)" &&
	    x "string(//*[local-name()=\"desc\"])" | grep -q "L (nats/token)"'
	# The paths drawn in a colour that is not black, white or grey: per
	# series one in the plot and one in the legend.
	x '//*[local-name()="path"][not(ancestor::*[local-name()="symbol"])]/@style' |
	    tr ' ' '\n' | sed -n 's/.*\(fill\|stroke\):\(rgb([^)]*)\).*/\2/p' |
	    grep -v -e 'rgb(0%,0%,0%)' -e 'rgb(100%,100%,100%)' \
	        -e 'rgb(\([0-9.]*%\),\1,\1)' | sort | uniq -c > colours
	check "SVG: three series colours, two paths each" \
	    '[ "$(wc -l < colours)" -eq 3 ] && [ "$(awk "\$1 != 2" colours | wc -l)" -eq 0 ] || { cat colours; false; }'
else
	skip "xmllint missing (apt-get install libxml2-utils)"
	skip "xmllint missing"
	skip "xmllint missing"
fi

if command -v pdfinfo > /dev/null 2>&1; then
	pdfinfo fig.pdf > info 2>&1
	check "PDF: one page" 'grep -q "^Pages: *1$" info || { cat info; false; }'
	check "PDF: 300 x 200 pt as asked" 'grep -q "^Page size: *300 x 200 pts" info'
	check "PDF: no dates" '! grep -q -e "^CreationDate" -e "^ModDate" info'
else
	skip "pdfinfo missing (apt-get install poppler-utils)"
	skip "pdfinfo missing"
	skip "pdfinfo missing"
fi

# PNG: the signature, then IHDR's width and height (big-endian) at 16..23:
# 144 x 100 pt at 144 dpi is 288 x 200 pixels.
check "PNG signature" \
    '[ "$(od -A n -t x1 -N 8 fig.png | tr -d " ")" = "89504e470d0a1a0a" ]'
check "PNG: 288 x 200 pixels" \
    '[ "$(od -A n -t u1 -j 16 -N 8 fig.png | tr -s " " | sed "s/^ //;s/ $//")" = "0 0 1 32 0 0 0 200" ]'
