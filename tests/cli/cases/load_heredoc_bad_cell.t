cat > s.sx <<'SX'
demo chinchilla
load - as runs <<END
N,L
1e8,3.1
4e8,inf
END
data list
SX
scalex s.sx
