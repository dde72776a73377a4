# frontier approach2 --plot: the IsoFLOP profiles and N_opt(C) side by side
scalex -c 'demo chinchilla as r; frontier approach2 r --plot --ascii --size 100x28'
