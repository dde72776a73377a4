# The gamma-model as a heat map. On corners, from 4,1 taking UP and then
# following base:1 (to A): A holds gamma^4 = 0.6561 and 3,1 holds 1 - gamma.
scalex -c 'grid load corners; gmodel 4,1 UP; gmodel 2,2 R --policy opt --w 0,0,1'
scalex -c 'grid load corners --slip 0.5; gmodel 2,2 left --policy base:3'
scalex -c 'grid load fourroom; gmodel 12,0 UP --policy gpi --w 1,1,1'
scalex --json -c 'grid load corners; gmodel 4,1 0'
scalex -c 'help gmodel'
