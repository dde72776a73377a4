# A compute law fitted on Henighan's 16x16 frontier (C in FLOP), a data law
# L(D) and a data line D(C) fitted on small made-up tables.
cat > s.sx <<'SX'
demo henighan-image16 as hc
fit plc hc as lc
load - as dd <<END
D,L
1e8,2.95
1e9,2.84
1e10,2.76
1e11,2.71
1e12,2.68
END
fit plc dd as ld --x D
load - as al <<END
C,D
8.64e13,3.0e6
8.64e15,1.0e7
8.64e17,3.3e7
8.64e19,1.1e8
END
fit pl al as dl --x C --y D
crossover --compute lc --data ld --dline dl
crossover henighan2020-image16 --data ld
crossover henighan2020-image16 --set alpha_D=0.18,D_c=2.3e5,Linf_D=2.61 --C 1e-6..1e3
SX
scalex s.sx
scalex --json s.sx | grep "\"cmd\":\"crossover\""
