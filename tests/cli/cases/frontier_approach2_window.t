# Approach 2 on the Epoch read-off of Hoffmann et al.'s Figure 4 grouped by
# 0.05 decades of C: budgets that mix several sweeps. All runs: the minimum
# at C = 1.98e20 lies beyond the sizes run (warned, not used). The 5 runs
# nearest each lowest loss: at C = 4.97e19 two nearly equal sizes with
# different losses make a steep parabola whose vertex lies far below every
# loss run (warned, kept).
ep='load shared/chinchilla_epoch.csv as ep; rename ep "Model Size" N; rename ep "Training FLOP" C; rename ep loss L'
scalex -c "$ep; frontier approach2 ep --gap 0.05 --window 0" | tail -n +5
scalex -c "$ep; frontier approach2 ep --gap 0.05 --window 5" | tail -n +5
scalex --json -c "$ep; frontier approach2 ep --gap 0.05 --window 5" | tail -n 1
scalex -c 'demo chinchilla as r; frontier approach2 r --window 2'; echo "rc=$?"
# A budget with fewer than 3 sizes is not used, and says so.
scalex -c 'demo chinchilla as r; filter r "N < 3e8 or C > 1e21" as s; frontier approach2 s'
