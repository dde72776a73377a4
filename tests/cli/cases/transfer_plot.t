# Transfer learning curves as a plot: GPI zero-shot at the optimum from
# the start, Q-learning from scratch (epsilon 0.1, alpha 0.1, random ties:
# the legend says so) first settling for the near goal C, then climbing
# to the optimum at B.
scalex -c 'grid load corners; transfer 0.5,1,0.2 --samples 4000 --points 8 --seed 1 --plot --size 80x22' | tail -n 22
scalex -c 'grid load corners; transfer 0.5,1,0.2 --samples 400 --points 4 --seed 1 --plot --size 40x12 --ascii' | tail -n 12
