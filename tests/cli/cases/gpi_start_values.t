# GPI, the optimum and each base policy at fourroom's start, for three
# tasks under both goal conventions. GPI lies between the best base policy
# and V*; with w = -1,-1,-1 and the unit goal GPI scores 0 (it never
# reaches the goal) although V* > 0.
scalex -c 'grid load fourroom; gpi 1,1,1; gpi 1,-1,0; gpi -1,-1,-1'
scalex -c 'grid load fourroom --goal sum; gpi 1,1,1; gpi 1,-1,0; gpi -1,-1,-1'
scalex --json -c 'grid load fourroom; gpi 1,1,1; gpi 1,-1,0; gpi -1,-1,-1' | grep '"gpi"'
scalex --json -c 'grid load fourroom --goal sum; gpi 1,1,1; gpi 1,-1,0; gpi -1,-1,-1' | grep '"gpi"'
# corners: one-hot and mixed tasks, where GPI is optimal.
scalex -c 'grid load corners; gpi 1,0,0; gpi 0.5,1,0.2; gpi 1,-1,0'
scalex -c 'help gpi'
