# Planning runs: a design is a dataset; simulate draws sweeps from a true
# law and refits them (its output is the same at 1 and 2 threads); two
# designs side by side; noise resampled from a real fit's residuals;
# suggest proposes runs for a sweep of small models and checks them.
scalex -c 'design isoflop --C 1e18..1e21 --budgets 3 --sizes 3 as iso
design grid --N 1e7,2e7,5e7 --D 1e9..1e11:3 as small
simulate iso --law hoffmann2022 --noise 1% --reps 40 --seed 3'
for t in 1 2; do
	scalex --json -c 'design isoflop --budgets 4 --sizes 5 as iso
simulate iso --law hoffmann2022 --reps 30 --seed 5 --starts 3 --threads '$t > sim$t.json
done
cmp sim1.json sim2.json && echo "same output at 1 and 2 threads"
scalex -c 'design isoflop --budgets 5 --sizes 7 as a
design isoflop --budgets 7 --sizes 5 as b
design isoflop --C 1e20..1e20 --budgets 1 --sizes 35 as one
simulate a b one --law hoffmann2022 --reps 40'
scalex -c 'demo chinchilla as d
fit chinchilla d as ch
design isoflop --budgets 3 --sizes 5 as iso
simulate iso --law ch --noise resid:ch --reps 30 --at 1e23'
scalex -c 'demo chinchilla as d
filter d "N < 1e8" as small
fit chinchilla small as ch
suggest ch --budget 1e21 --at 1e24 --k 3 --reps 50
suggest ch --budget 1e21 --at 1e24 --k 2 --target loss --reps 30'
scalex --json -c 'design grid --N 1e8,1e9 --D 1e10 as g'
# Refitted with another law than the truth: its parameters have no truth.
scalex -c 'design isoflop --budgets 3 --sizes 3 as iso
simulate iso --law hoffmann2022 --fit kaplan_nd --reps 10' | tail -9
# A design is logged with its resolved name, so a saved session replays it.
scalex -c 'design isoflop --budgets 2 --sizes 2; save plan.sx' > /dev/null
grep '^design' plan.sx
scalex --replay plan.sx
