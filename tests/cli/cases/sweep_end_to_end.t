# Issue 15's acceptance: a realistic sweep as an experiment tracker
# exports it, analysed end to end in one script, saved and replayed to
# the same file byte for byte. The sweep (made here): three data mixes,
# five sizes by four token multipliers, loss from Chinchilla's form with
# a mix-dependent E and deterministic noise; a run_name text column, a
# learning rate with missing cells, one diverged run (loss nan), one run
# whose tokens were not logged, and an empty loss cell.
awk 'BEGIN {
	OFS = ","; print "run_name,dataset,params,tokens,lr,final_loss"
	split("c4 rpj rw", mix, " "); split("1.70 1.62 1.78", e0, " ")
	i = 0
	for (m = 1; m <= 3; m++)
		for (s = 0; s < 5; s++)
			for (k = 0; k < 4; k++) {
				i++
				n = 1e7 * 10 ^ (s / 2); d = n * 5 * 2 ^ k
				l = (e0[m] + 400 / n ^ 0.34 + 1200 / d ^ 0.28) * exp(0.01 * sin(i * 12.9898))
				lr = (i % 7 == 0) ? "" : sprintf("%.0e", 3e-4 * 2 ^ (s % 3))
				ls = sprintf("%.6g", l); ds = sprintf("%.6g", d)
				if (i == 23) ls = "nan"
				if (i == 31) ds = "NA"
				if (i == 47) ls = ""
				print mix[m] "-" s "-" k, mix[m], sprintf("%.6g", n), ds, lr, ls
			}
}' > sweep.csv
scalex -c 'load sweep.csv as runs
data describe runs
filter runs "dataset != \"rw\"" as two
fit chinchilla runs --by dataset as mix
fit chinchilla two as both
derive runs w = log10(params) - 6
fit chinchilla runs --weights w as weighted
predict mix C=1e21
predict both params=3e9 tokens=6e10 --interval prediction
derive runs size = (params > 3e7) + (params > 3e8)
fit chinchilla runs as all
fit kaplan_nd runs as kap
compare all kap --holdout-by size
save session.sx'
scalex -c 'replay session.sx; save again.sx' > /dev/null
cmp session.sx again.sx && echo "replayed and saved again: the same file"
scalex -c 'replay session.sx; fit show both' | tail -12
