scalex -c 'demo chinchilla as r; filter r "C > 1e20 and N < 1e9" as big; data list'
scalex -c 'demo chinchilla as r; filter r "C >" as big'
scalex -c 'demo chinchilla as r; filter r "C > 1"'
