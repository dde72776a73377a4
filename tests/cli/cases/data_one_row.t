# A dataset of one row (and of one column) is counted in the singular.
scalex -c 'load - as one <<X
N,L
1e6,3
X
data describe one'
scalex -c 'load - as col <<X
L
3
4
X'
