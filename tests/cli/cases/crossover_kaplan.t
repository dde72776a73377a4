# Kaplan et al. 2020 eq. 6.8: C* ~ 1e4 PF-days, N* ~ 1e12, D* ~ 1e12, L* ~ 1.7.
scalex -c 'crossover kaplan2020'
scalex -c 'crossover kaplan2020 --data-line eq6.7'
scalex --json -c 'crossover kaplan2020'
