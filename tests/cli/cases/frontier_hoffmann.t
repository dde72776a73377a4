# The approach-3 frontier of Hoffmann et al. 2022 (unrounded constants):
# a = beta/(alpha+beta) = 0.4565, the paper's 0.46.
scalex -c 'frontier hoffmann2022-unrounded --C 1e18..1e26'
scalex --json -c 'frontier hoffmann2022-unrounded --C 1e18..1e26 --points 3'
scalex -c 'frontier hoffmann2022 --C 1e21..1e21 --k 8'
