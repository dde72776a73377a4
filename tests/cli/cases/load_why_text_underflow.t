# A first cell like 0x10 or 1,000 makes a text column: the load says why,
# naming the cell. A number below the smallest double (1e-400) reads as 0
# and one below the smallest normal as a subnormal, each said with its
# cell; 1e309 above the largest stays an error.
printf 'N,L,H,T\n1e6,1e-400,0x10,"1,000"\n2e6,3,0x20,x\n3e6,1e-310,1,y\n' > u.csv
scalex -c 'load u.csv'
scalex --json -c 'load u.csv'
printf 'N,L\n1e6,4e-320\n' > s.csv
scalex -c 'load s.csv; data show s'
printf 'N,L\n1e6,1e309\n' > o.csv
scalex -c 'load o.csv'
