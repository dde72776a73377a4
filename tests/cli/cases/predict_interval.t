# predict with intervals: the delta method (text and JSON), a new run's
# interval, the level, a linear-space fit, a bootstrap fit, and the
# compute-optimal allocation of a budget (with and without replicates).
scalex -c 'demo chinchilla as runs; fit chinchilla runs as ch; predict ch N=7e10 D=1.4e12; predict ch N=7e10 D=1.4e12 --interval prediction; predict ch N=7e10 D=1.4e12 --level 0.68' | sed -n '/^L = 1/,$p'
scalex --json -c 'demo chinchilla as runs; fit chinchilla runs as ch; predict ch N=7e10 D=1.4e12 --interval prediction' | tail -1
scalex -c 'demo chinchilla as runs; fit chinchilla runs as lin --space linear; predict lin N=1e9 D=2e10 --interval prediction' | tail -3
scalex -c 'demo chinchilla as runs; fit chinchilla runs as chb --bootstrap 40 --seed 7; predict chb N=1e9 D=2e10; predict chb N=1e9 D=2e10 --interval prediction --level 0.9' | sed -n '/^L = /,$p'
scalex -c 'demo chinchilla as runs; fit chinchilla runs as ch; predict ch C=1e22; predict ch C=1e22 --k 8' | sed -n '/^at C/,$p'
scalex -c 'demo chinchilla as runs; fit chinchilla runs as chb --bootstrap 40 --seed 7; predict chb C=1e22 --interval prediction' | sed -n '/^at C/,$p'
scalex --json -c 'demo chinchilla as runs; fit chinchilla runs as chb --bootstrap 40 --seed 7; predict chb C=1e22' | tail -1
scalex -c 'demo chinchilla as runs; fit pl runs as p --x C; predict p C=1e22' | tail -3
# A user law of N and D: the allocation by numeric minimisation over log N.
scalex -c "demo chinchilla as r; model define u 'E + A*N^-a + B*D^-b'; fit u r --init E=1.7,A=400,a=0.34,B=400,b=0.28; predict u C=1e22" | sed -n '/^at C/,$p'
