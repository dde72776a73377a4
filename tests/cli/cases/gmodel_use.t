# What gamma-models are for (Janner et al. 2020). The value read from the
# exact gamma-model equals Q^pi by policy evaluation: on corners from 4,1
# the optimal policy for A reaches it in 4 steps, Q = 0.9^4 = 0.6561.
scalex -c 'grid load corners; gmodel value 4,1 --w 1,0.5,-1 --policy opt'
scalex -c 'grid load corners --slip 0.2; gmodel value 2,3 --w 1,-1,0.5 --policy gpi'
# Composing: rollouts at gamma 0.9 reweighted to 0.95 (beta 0.5): the TV
# from the exact mu at 0.95 is beta^n / 2, below 1e-12 at the end.
scalex -c 'grid load corners --slip 0.3; gmodel compose 4,1 --w 1,0,0 --to 0.95'
scalex -c 'grid load corners; gmodel compose 2,2 --w 0,1,0 --to 0.99 --steps 4 --action R'
# gamma-MVE from 2,2 to C (3 steps, V = 0.9^3 = 0.729): exact with the exact
# tail; without a tail exact once the rollouts pass the episode's end.
scalex -c 'grid load corners; gmodel mve 2,2 --w 0,0,1 --policy opt'
scalex -c 'grid load corners --slip 0.5; gmodel mve 2,2 --w 0,0,1 --policy opt --tail exact --steps 3'
scalex --json -c 'grid load corners; gmodel mve 2,2 --w 1,0,0 --steps 2'
scalex -c 'help gmodel value; help gmodel compose; help gmodel mve'
