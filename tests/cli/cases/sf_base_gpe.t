# Base policies and their successor features: on corners psi at the start
# is gamma^(d-1) for the goal d steps away (0.9^4, 0.9^6, 0.9^2).
scalex -c 'grid load corners; sf base; gpe 1,1,1; gpe 1,-1,0 --at 2,2'
scalex -c 'grid load corners; sf base 1,1,0 0,0,1; gpi 1,1,1; grid show'
scalex --json -c 'grid load corners; sf base; gpe 0,1,0'
scalex -c 'grid load fourroom; sf base 1,-1,0 0,0,1; gpe 1,-1,0; gpe 1,-1,0 --at 9,6 --collected 3,10'
# foraging learns its base (Q-learning, then TD), seeded.
scalex -c 'grid load foraging --seed 3; sf base; gpi 1,-1'
# The learned base in JSON: how it was trained, the check of psi against
# the policies followed, and gpi's error at the start.
scalex --json -c 'grid load foraging --seed 1; sf base; gpi 1,1'
