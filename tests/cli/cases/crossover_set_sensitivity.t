scalex -c 'crossover kaplan2020 --set alpha_C=0.0525'
scalex -c 'crossover kaplan2020 --sensitivity'
scalex --json -c 'crossover kaplan2020 --data-line eq6.7 --set D_e=3e10,p_D=0.265 --sensitivity'
