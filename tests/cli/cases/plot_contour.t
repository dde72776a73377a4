# plot --contour: iso-loss contours of a law of N and D over (C, N), with
# the efficient frontier; a fit as well as a preset; what it refuses.
scalex -c 'plot hoffmann2022 --contour --ascii --size 90x26'
scalex --json -c 'demo chinchilla as d; fit chinchilla d as ch; plot ch --contour --ascii --size 60x18' | tail -n 1 | cut -c1-120
scalex -c 'plot kaplan2020 --contour'
scalex -c 'demo chinchilla as d; plot d --contour'
scalex -c 'plot hoffmann2022 --contour --residuals'
