# A law that names a doubling-time parameter (exptrend's T) has it read
# as one in the report: doubling for T > 0, halving for T < 0 (y falls).
scalex -c 'load - as up <<X
t,y
0,1
1,2.1
2,3.9
3,8.2
4,15.8
X
fit exptrend up as up --y y --seed 1'
scalex -c 'load - as down <<X
t,y
0,16
1,8.1
2,3.9
3,2.05
4,0.98
X
fit exptrend down as down --y y --seed 1'
