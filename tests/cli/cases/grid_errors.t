# Misuse: each a clear error, pointing at the bad word, and the workspace
# as it was (the console goes on after errors; 'history' shows what was
# kept, 'grid show' the grid).
printf 'S..1\n.X.Q\n...G\n' > bad.map
printf 'S..1\n.X.\n...G\n' > ragged.map
printf 'X..1\n.X.2\n...G\n' > nostart.map
scalex -c 'gpi 1,1,1'
scalex -c 'grid show'
cat > cmds <<'SX'
grid load corners
sf base 1,0,0 0,1,0
grid load bad.map
grid load ragged.map
grid load nostart.map
grid load nosuch.map
grid load fourroomz
grid load corners --slip 2
grid load corners --goal both
grid load corners --seed -1
grid load -
sf base 1,x,0
sf base 1,0
gpi 1,1
gpi 1,x,1
gpi 1,,1
gpi 1,1,1,1
gpi 1,1,nan
gpe 1,1,1 --at 9,9
gpe 1,1,1 --at 0,0
gpe 1,1,1 --at two
rollout 1,1,1 --policy foo
rollout 1,1,1 --policy base:3
rollout 1,1,1 --policy base:0
rollout 1,1,1 --steps 0
policy show 1,1,1 --collected 1
gmodel 9,9 UP
gmodel 1,2 SIDEWAYS
gmodel 1,2 UP --policy opt
w learn 1,1,1 --noise -1
transfer 1,1,1 --points 0
history
grid show
SX
scalex --repl < cmds > out.txt 2> err.txt
echo "exit $?"
grep -v '^scalex>' out.txt
cat err.txt
scalex -c 'grid load foraging; policy show 1,1'
scalex -c 'grid load foraging; gmodel 1,1 UP'
scalex -c 'grid load foraging; rollout 1,1 --policy opt'
