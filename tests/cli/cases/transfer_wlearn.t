# w regressed from rewards, and transfer curves: GPI zero-shot, GPI with
# learned w, Q-learning from scratch.
scalex -c 'grid load fourroom; w learn 1,-1,0; w learn 1,-1,0 --samples 500 --noise 0.1 --seed 2'
scalex -c 'grid load corners; w learn 0.5,-2,1 --samples 20'
scalex -c 'grid load corners; transfer 1,-1,0.5 --samples 4000 --points 4 --seed 1'
scalex -c 'grid load fourroom; transfer 1,-1,0 --samples 20000 --points 5 --seed 7'
scalex --json -c 'grid load corners; transfer 0,1,0 --samples 2000 --points 2; w learn 0,1,0 --samples 100'
