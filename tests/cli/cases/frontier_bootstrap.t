# A fit with bootstrap replicates gives its frontier exponents intervals
# (the demo's truth: a = 0.28/(0.34+0.28) = 0.4516).
scalex -c 'demo chinchilla as r; fit chinchilla r as ch --bootstrap 200 --seed 3; frontier ch --C 1e19..1e23 --points 3' | tail -n 6
scalex --json -c 'demo chinchilla as r; fit chinchilla r as ch --bootstrap 50 --seed 3; frontier ch --C 1e19..1e23 --points 2' | tail -n 1
