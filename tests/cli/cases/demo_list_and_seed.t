scalex -c 'demo'
scalex -c 'demo chinchilla --seed 7; data show chinchilla --rows 2'
scalex -c 'demo nosuch'
scalex -c 'demo chinchilla --seed -1'
