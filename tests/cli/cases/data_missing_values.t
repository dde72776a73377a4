# Missing cells in every spelling: describe counts them, show prints NA,
# dropna keeps the complete rows (all columns, or some), and a fit leaves
# out the rows without its columns, saying which: the same fit as on the
# rows dropna keeps. derive, filter, set and the approaches on runs with
# missing cells.
cat > runs.csv <<'CSV'
run_name,params,tokens,final_loss,lr,dataset
a,1e7,1e9,NA,3e-4,c4
b,1e7,1e10,4.02,NaN,rpj
c,1e8,1e9,3.71,3e-4,
d,1e8,1e10,3.18,3e-4,c4
e,1e9,1e9,3.38,null,rpj
f,1e9,1e10,2.81,3e-4,None
g,-,1e11,2.60,3e-4,c4
h,1e7,1e11,3.75,3e-4,rpj
i,1e8,1e11,2.95,-,c4
j,1e9,1e11,2.52,3e-4,rpj
k,3e8,3e10,nan,3e-4,c4
l,3e7,3e9,3.60,3e-4,rpj
CSV
scalex -c 'load runs.csv as runs
data describe runs
data show runs --rows 4
dropna runs as all
dropna runs L,N as ln
dropna runs lr,dataset,lr as meta
fit pl runs --x N as p
fit pl ln --x N as q
fit chinchilla runs --holdout "D > 5e10" as h
derive runs tpp = D/N
derive runs ll = log(L)
data show runs --rows 12
filter runs "L < 3.5" as f
frontier approach1 runs --bins 5
frontier approach2 runs
set p.A 10'
# A missing input makes a missing value; a value not finite elsewhere is
# still an error.
scalex -c 'load runs.csv as runs; derive runs bad = log(L - 3)'
echo "exit $?"
# The plot leaves the incomplete runs out.
scalex -c 'load runs.csv as runs; plot runs --x N --y L --log --size 40x12'
scalex --json -c 'load runs.csv as runs
dropna runs L as l
data describe l
fit pl runs --x N as p'
# compare's hold-out refits on the rows the fits used.
scalex -c 'load runs.csv as runs
fit pl runs --x N as p
fit pl runs --x N --fix alpha=0.07 as p7
compare p p7 --holdout "N > 5e8"'
