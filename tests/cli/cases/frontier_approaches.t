# Approaches 1 and 2 on the IsoFLOP demo (9 budgets x 9 sizes).
scalex -c 'demo chinchilla as r; frontier approach2 r; frontier approach1 r --bins 9'
scalex --json -c 'demo chinchilla as r; frontier approach2 r --gap 0.05'
scalex -c 'help frontier approach2'
scalex --json -c 'demo chinchilla as ch; frontier approach1 ch; frontier approach2 ch; frontier henighan --at 10'
