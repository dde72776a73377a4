# --bounds keeps parameters in an interval (either side open); one that
# ends on its bound is held there and named, in text and JSON. --tie fits
# two parameters as one. A user formula's parameter bounded below by 0
# takes a log-spaced grid.
scalex -c 'demo chinchilla as r
fit chinchilla r --bounds E=1.8:3 as b
fit chinchilla r --bounds E=1:3,alpha=0:1 as wide
fit chinchilla r --tie alpha=beta as t
fit show t'
scalex --json -c 'demo chinchilla as r; fit chinchilla r --bounds E=1.8: --tie alpha=beta as bt'
scalex -c 'load - as runs <<END
x,L
1,3.00
2,2.41
4,1.93
8,1.62
16,1.41
32,1.32
END
model define dc "Linf + B*exp(-x/r)"
fit dc runs --x x --bounds r=0: --starts logr=0:4:1 --init B=2 as d'
# A law's declared domain: a fit that ends outside it warns, naming the
# parameter; the same fit with --bounds stops at the bound and says so.
scalex -c 'load - as runs <<END
x,y
1,3.00
2,2.91
3,2.93
4,2.82
5,2.85
6,2.80
END
model define rise "a + b*x" --domain b=0:
model show rise
fit rise runs --x x --y y --space linear as free
fit rise runs --x x --y y --space linear --bounds b=0: as held'
