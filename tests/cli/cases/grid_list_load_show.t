# The built-in worlds, loading them with options, and their maps.
scalex -c 'grid list; grid load fourroom; grid show'
scalex -c 'grid load corners --slip 0.2; grid show'
scalex -c 'grid load foraging --seed 3; grid show'
scalex --json -c 'grid list; grid load fourroom --goal sum; grid show'
scalex --json -c 'grid load foraging --seed 3'
