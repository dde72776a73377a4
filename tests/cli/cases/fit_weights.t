# Weighted fits: --weights names a column of row weights. Weights of 1 give
# the unweighted fit; all weights doubled give the same fit (they are
# relative); the report says it is weighted, in text and JSON; set
# rescores with the weights; bad weights fail at the option, changing
# nothing.
scalex -c 'demo chinchilla as r
derive r one = 1
derive r two = 2
derive r w = 1 + (N > 1e9)
fit chinchilla r as plain
fit chinchilla r --weights one as ones
fit chinchilla r --weights two as twos
fit chinchilla r --weights w as big
set big.E 1.7'
scalex --json -c 'demo chinchilla as r; derive r w = 1 + (N > 1e9); fit plc r --x C --weights w as p'
scalex -c 'demo chinchilla as r; derive r w = N - 1e9; fit chinchilla r --weights w'
scalex -c 'demo chinchilla as r; fit chinchilla r --weights nosuch'
scalex -c 'demo chinchilla as r; derive r w = 1 + (N > 1e9); fit chinchilla r --weights w as big --bootstrap 20 --seed 3 --holdout "N > 1e10"; fit show big'
