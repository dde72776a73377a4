# N_opt and D_opt against compute for a preset and for a fit.
scalex -c 'frontier hoffmann2022-unrounded --plot --size 80x20'
scalex -c 'demo chinchilla as runs; fit chinchilla runs as ch; frontier ch --C 1e19..1e24 --plot --size 60x16 --ascii' | tail -n 16
scalex -c 'frontier hoffmann2022 --plot --size 8x4'
