# Every state-changing command, run once, saved, and replayed in a fresh
# process: the output must be the same bytes, in text and in JSON.
cat > work.sx <<'SX'
load shared/chinchilla_epoch.csv as ep
rename ep "Model Size" N
rename ep "Training FLOP" C
rename ep loss L
derive ep D = C/(6*N)
filter ep "L < 3.44" as ep240
fit chinchilla ep240 as ch
demo kaplan --seed 5
model define mine 'E + A*N^-a + B*D^-b'
fit mine ep240 as my --init E=1.8,A=500,a=0.35,B=3000,b=0.4
set ch.alpha 0.35
load - as tiny <<END
params,loss
1e6,4.1
1e7,3.5
1e8,3.0
END
fit plc tiny as t --fix Linf=1.5
data drop kaplan
SX
scalex work.sx > first.out
scalex -c 'source work.sx; save s.sx' > /dev/null
scalex --replay s.sx > second.out
cmp first.out second.out && echo "text replay identical"
scalex --json work.sx > first.json
scalex --json --replay s.sx > second.json
cmp first.json second.json && echo "json replay identical"
head -n 2 s.sx
grep -c '' s.sx
grep -e '^load' -e '^SXEOF' s.sx | cut -c1-100
