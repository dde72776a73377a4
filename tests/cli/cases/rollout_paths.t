# Rollouts drawn on the map: arrows where the agent acted, '@' where time
# ran out, pickups step by step.
scalex -c 'grid load fourroom; rollout 1,-1,0; rollout 1,-1,0 --policy opt'
scalex -c 'grid load fourroom; rollout 1,0,0 --policy base:2 --steps 12'
scalex -c 'grid load fourroom; rollout -1,-1,-1 --steps 8'
scalex -c 'grid load corners --slip 0.3; rollout 0,0,1 --seed 4'
scalex -c 'grid load foraging --seed 3; rollout 1,-1 --steps 25'
scalex --json -c 'grid load corners; rollout 0,1,0'
