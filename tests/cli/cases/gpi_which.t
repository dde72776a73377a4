# Which base policy GPI follows. On corners with w = 1,1,1 it follows the
# base policy of the nearest goal (ties: the lower base), so the shares are
# 11, 5 and 6 of the 22 states; on a one-hot task it follows that task's
# base policy everywhere. On fourroom, with some objects collected.
scalex -c 'grid load corners; gpi 1,1,1; policy show 1,1,1 --which; gpi 0,1,0; policy show 0,1,0 --which'
scalex -c 'grid load fourroom; gpi 1,1,1; policy show 1,1,1 --which --collected 1,3,7,12'
scalex --json -c 'grid load corners; gpi 1,1,1; policy show 1,1,1 --which' | grep -A4 '"follows"'
scalex -c 'help policy show'
# A corridor with object 1 left and object 2 right of the start, reward 1
# each: with nothing collected GPI heads to the nearer object, and next to
# object 1 it steps LEFT onto it yet follows base:2 (w . psi_2(s, LEFT):
# collect 1, then base:2 fetches 2 on the way to G, worth more than
# base:1 heading straight to G). Once 1 is collected, base:2 everywhere.
cat > which.map <<'MAP'
1....S...2
..........
....G.....
MAP
scalex -c 'grid load which.map; gpi 1,1; policy show 1,1; policy show 1,1 --which; policy show 1,1 --which --collected 1'
