# Both laws over compute with C* marked and the inconsistent region shaded,
# in braille and ASCII; the same for a fitted compute law; JSON.
scalex -c 'crossover kaplan2020 --plot --size 90x28'
scalex -c 'crossover kaplan2020 --data-line eq6.7 --plot --size 60x16 --ascii'
scalex --json -c 'crossover kaplan2020 --plot --size 40x12' | cut -c1-200
