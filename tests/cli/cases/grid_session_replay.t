# grid load and sf base in a saved session replay to the same output,
# text and JSON, without the map file (it is inlined in the session); and
# the views computed after a replay are the same as after the original.
cat > room.map <<'MAP'
# a room
S..1.
.X.2.
.3..G
MAP
cat > work.sx <<'SX'
grid load room.map --goal sum --slip 0.1
sf base 1,0,0 0,1,1
grid load foraging --seed 5
sf base 1,0 0,1
grid load room.map
sf base
grid load room.map --goal sum --slip 0.1
sf base 1,0,0 0,1,1
SX
views='gpi 1,-1,0; rollout 1,-1,0 --seed 3; gpe 1,-1,0; value show 1,-1,0'
scalex work.sx > first.out
scalex --json work.sx > first.json
scalex -c "source work.sx; $views" > first.views
scalex -c 'source work.sx; save s.sx' > /dev/null
rm room.map
scalex --replay s.sx > second.out
cmp first.out second.out && echo "text replay identical"
scalex --json --replay s.sx > second.json
cmp first.json second.json && echo "json replay identical"
scalex -c "replay s.sx; $views" > second.views
cmp first.views second.views && echo "views after replay identical"
grep -v '^# written' s.sx
cat first.out second.views
