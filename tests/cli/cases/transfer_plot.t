# Transfer learning curves as a plot: GPI zero-shot at the optimum from
# the start, Q-learning from scratch climbing to it.
scalex -c 'grid load corners; transfer 1,0.5,0.2 --samples 4000 --points 8 --seed 1 --plot --size 80x22' | tail -n 22
scalex -c 'grid load corners; transfer 1,0.5,0.2 --samples 400 --points 4 --seed 1 --plot --size 40x12 --ascii' | tail -n 12
