# Approach 1 from learning curves: each size's rows are its run's losses
# as training went on (here Chinchilla's law at 8 sizes, 20 logged points
# each); --curves interpolates every curve and takes the lowest at each
# budget. Without --curves the rows are binned. One size is no envelope.
awk 'BEGIN {
	OFS = ","; print "N,D,L"
	for (s = 0; s < 8; s++)
		for (t = 0; t < 20; t++) {
			n = 1e7 * 10 ^ (3 * s / 7); d = 1e8 * 10 ^ (4 * t / 19)
			print n, d, 1.69 + 406.4 / n ^ 0.34 + 410.7 / d ^ 0.28
		}
}' > curves.csv
scalex -c 'load curves.csv as c
frontier approach1 c --curves --bins 8 --C 1e19..1e22
frontier approach1 c --bins 8 --C 1e19..1e22'
awk -F, 'NR == 1 || $1 == 10000000' curves.csv > one.csv
scalex -c 'load one.csv as o; frontier approach1 o --curves'
