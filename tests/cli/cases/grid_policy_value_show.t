# Policies as arrows and values as shading, for a chosen collected set.
scalex -c 'grid load fourroom; policy show 1,-1,0; policy show 1,-1,0 --policy opt --collected 1,3,7,12'
scalex -c 'grid load fourroom; value show 1,1,1 --policy opt; value show 1,-1,0 --policy base:1 --collected all'
scalex -c 'grid load corners; policy show 0,1,0; value show 0,1,0'
scalex --json -c 'grid load corners; policy show 1,0,0; value show 1,0,0'
