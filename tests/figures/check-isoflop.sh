#!/bin/sh
# check-isoflop.sh: the IsoFLOP figure (frontier approach2 --plot) draws
# the minima approach 2 prints. The SVG's filled black diamonds are the
# minima: in the left panel their centres must be one affine image of the
# printed (log10 N_opt, L_opt), in the right one of (log10 C, log10 N_opt),
# to cairo's rounding (1/256 pt); the terminal drawing must have them too.
# TAP.
set -u
builddir=${SX_BUILDDIR:-.}
case $builddir in /*) ;; *) builddir=$PWD/$builddir ;; esac
scratch=$(mktemp -d "${TMPDIR:-/tmp}/scalex-iso.XXXXXX")
trap 'rm -rf "$scratch"' EXIT INT TERM
cd "$scratch" || exit 1
n=0
ok() { n=$((n + 1)); echo "ok $n - $*"; }
notok() { n=$((n + 1)); echo "not ok $n - $*"; }
check() { if eval "$2"; then ok "$1"; else notok "$1"; fi; }

echo "1..5"
"$builddir/scalex" --json -c 'demo chinchilla as d
frontier approach2 d
frontier approach2 d --plot --out iso.svg
frontier approach2 d --plot --size 120x36 --ascii' > log 2> err
check "scalex printed the minima and wrote the SVG" \
    '[ -s iso.svg ] && grep -q "\"N_opt\"" log || { cat err; false; }'
# The printed minima, one "C N L" a line.
grep '"cmd":"frontier approach2"' log | head -n 1 | grep -o \
    '"C":[^,]*,"N_opt":[^,]*,"L_opt":[^,}]*' |
    sed 's/"C":\([^,]*\),"N_opt":\([^,]*\),"L_opt":\(.*\)/\1 \2 \3/' > minima
# Centres of the diamonds of each filled black path of 2 or more: "k x y"
# with k the path's number (1 left panel, 2 right).
grep '<path' iso.svg | grep 'fill:rgb(0%,0%,0%)' | awk '
{
	nz = gsub(/Z/, "Z");
	if (nz < 2)
		next;
	k++;
	s = $0;
	sub(/.* d="/, "", s);
	sub(/".*/, "", s);
	m = split(s, w, " ");
	for (i = 1; i + 8 <= m; i++)
		if (w[i] == "M") {
			print k, w[i + 1], w[i + 5];
			i += 11;
		}
}' > centres
check "nine minima, nine diamonds in each panel" \
    '[ "$(wc -l < minima)" -eq 9 ] && [ "$(grep -c "^1 " centres)" -eq 9 ] &&
    [ "$(grep -c "^2 " centres)" -eq 9 ] || { cat minima centres; false; }'
# Least squares of the drawn coordinate on the printed value; the largest
# residual in points, and the slope's sign (+1 across, -1 down the page).
affine() { # panel, column of the drawn coordinate, value expression
	grep "^$1 " centres | cut -d' ' -f"$2" | paste -d' ' minima - | awk -v e="$3" '
	function val(c, nn, l) {
		if (e == "logN") return log(nn) / log(10);
		if (e == "logC") return log(c) / log(10);
		return l;
	}
	{ u[NR] = val($1, $2, $3); v[NR] = $4; su += u[NR]; sv += v[NR] }
	END {
		mu = su / NR; mv = sv / NR;
		for (i = 1; i <= NR; i++) {
			suu += (u[i] - mu) ^ 2; suv += (u[i] - mu) * (v[i] - mv);
		}
		b = suv / suu;
		for (i = 1; i <= NR; i++) {
			r = v[i] - (mv + b * (u[i] - mu));
			if (r < 0) r = -r;
			if (r > worst) worst = r;
		}
		sg = "-"; if (b > 0) sg = "+";
		printf "%s %.6f\n", sg, worst;
	}'
}
within() { # sign wanted, "sign worst"
	set -- "$1" $2
	[ "$1" = "$2" ] && awk -v w="$3" 'BEGIN { exit !(w < 0.01) }'
}
echo "# worst residuals (pt): $(affine 1 2 logN) $(affine 1 3 L) $(affine 2 2 logC) $(affine 2 3 logN)"
check "left panel: diamonds at (log N_opt, L_opt) of the printed minima" \
    'within + "$(affine 1 2 logN)" && within - "$(affine 1 3 L)" ||
    { echo "# $(affine 1 2 logN) / $(affine 1 3 L)"; false; }'
check "right panel: diamonds at (log C, log N_opt) of the printed minima" \
    'within + "$(affine 2 2 logC)" && within - "$(affine 2 3 logN)" ||
    { echo "# $(affine 2 2 logC) / $(affine 2 3 logN)"; false; }'
# The text drawing: both panels, side by side on the same lines.
check "terminal drawing: the two panels side by side" \
    'grep "\"lines\"" log | grep -q "IsoFLOP profiles  *N_opt" || { cat log; false; }'
