# predict FIT --through UP: a downstream law (a task's error as a law of
# the loss, Gadre et al. 2024) predicted at the loss UP predicts, the
# interval carried through both fits; text and JSON; at a budget too.
# taskerr is Gadre et al.'s law, Err = eps - k exp(-gamma L).
# A downstream law of two inputs is refused.
scalex -c 'demo chinchilla as r
fit chinchilla r as ch
load - as tasks <<END
L,err
2.2,0.42
2.4,0.47
2.6,0.53
2.8,0.585
3.0,0.63
3.2,0.665
3.5,0.70
3.9,0.73
END
fit taskerr tasks --y err as e
predict e --through ch N=7e10 D=1.4e12
predict e --through ch C=1e22 --interval prediction
predict ch --through e N=1e9 D=1e10'
scalex --json -c 'demo chinchilla as r; fit chinchilla r as ch; model define lin "a + b*x"; demo chinchilla as t --seed 2; fit lin t --x L --y N as e --space linear; predict e --through ch N=7e10 D=1.4e12' | tail -1
