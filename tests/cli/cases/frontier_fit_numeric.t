# A fitted chinchilla law (closed form), the same law as a user formula
# (numeric minimisation) and Kaplan's L(N,D) (numeric).
scalex -c "demo chinchilla as r; fit chinchilla r as ch; frontier ch --C 1e19..1e23 --points 5; model define u 'E + A*N^-a + B*D^-b'; fit u r --init E=1.7,A=400,a=0.34,B=400,b=0.28; frontier u --C 1e19..1e23 --points 5"
scalex -c 'frontier kaplan2020 --points 5'
