cat > s.sx <<'SX'
load - as runs <<END
params,tokens,loss
1e8,2e9,3.1
4e8,8e9,2.8
END
data show runs
data describe runs
SX
scalex s.sx
