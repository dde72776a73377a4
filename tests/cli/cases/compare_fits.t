# compare: chinchilla, a user law of N alone and Kaplan's L(N, D) on the
# demo data: the table with its likelihood (text and JSON), a hold-out of
# the largest models, leave one size bucket out (the largest is the last
# group: "which law should I trust beyond my largest runs?"), and a
# compare's hold-out equal to fit --holdout's own scores.
fits='demo chinchilla as runs; fit chinchilla runs as ch; model define mine "E + A*N^-a"; fit mine runs --init E=1.5,A=100,a=0.3; fit kaplan_nd runs as kap'
scalex -c "$fits; compare ch mine kap" | sed -n '/^compare/,$p'
scalex --json -c "$fits; compare ch mine kap" | tail -1
scalex -c "$fits; compare ch mine kap --holdout 'N > 1e9'" | sed -n '/^hold-out/,$p'
scalex -c "demo chinchilla as runs; fit chinchilla runs as ch --holdout 'N > 1e9'" | grep 'hold-out'
scalex -c "$fits; derive runs size = (N > 3e8) + (N > 1e9) + (N > 3e9); compare ch mine kap --holdout-by size" | sed -n '/^leave/,$p'
scalex --json -c "$fits; derive runs size = (N > 3e8) + (N > 1e9) + (N > 3e9); compare ch kap --holdout-by size" | tail -1
# Huber and a fixed parameter: k counts the free ones; the notes on losses.
scalex -c 'demo chinchilla as runs; fit chinchilla runs as ch; fit chinchilla runs as chh --loss huber:1e-3; fit chinchilla runs as fx --fix alpha=0.33; compare ch chh fx' | sed -n '/^compare/,$p'
# Weighted fits: the weighted RSS, said so; mixed with an unweighted one, refused.
scalex -c 'demo chinchilla as runs; derive runs w = 1 + (N > 1e9); fit chinchilla runs as a --weights w; fit kaplan_nd runs as b --weights w; compare a b --holdout "N > 3e9"' | sed -n '/^compare/,$p'
scalex -c 'demo chinchilla as runs; derive runs w = 1 + (N > 1e9); fit chinchilla runs as a --weights w; fit kaplan_nd runs as b; compare a b' >/dev/null
# Different spaces, rows, a name twice: refused.
scalex -c 'demo chinchilla as runs; fit chinchilla runs as a; fit chinchilla runs as b --space linear; compare a b' >/dev/null
scalex -c 'demo chinchilla as runs; fit chinchilla runs as a; fit chinchilla runs as b --holdout "N > 1e9"; compare a b' >/dev/null
scalex -c 'demo chinchilla as runs; fit chinchilla runs as a; compare a a' >/dev/null
# Groups of a text column (three data mixes), in order of first appearance.
awk 'BEGIN { print "C,L,mix"; for (i = 0; i < 12; i++) { c = 10^(18 + i/3); printf "%g,%.6f,%s\n", c, (1.5 + 2*(c/1e18)^-0.2)*(1 + 0.01*((i*7)%5 - 2)), substr("cab", i%3+1, 1) } }' > mixes.csv
scalex -c 'load mixes.csv as m; fit pl m as p; fit plc m as q; compare p q --holdout-by mix' | sed -n '/^leave/,$p'
