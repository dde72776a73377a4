# A map of your own, from a file and from a here-document; a `name` header
# names it, else the file's name (or "map").
cat > room.map <<'MAP'
# a small room: two object types and a goal
gamma 0.9
S..1
.X.2
...G
MAP
scalex -c 'grid load room.map; grid show; sf base; gpi 1,-1; rollout 1,-1'
cat > s.sx <<'SX'
grid load - --goal sum <<END
name lab
horizon 50
1.S.2
.XXX.
A...G
END
grid show
gpi 1,1,0
SX
scalex s.sx
