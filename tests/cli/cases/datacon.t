# The data-constrained law of Muennighoff et al. 2023 (datacon), its preset
# and demo: the paper's fit, its message, and the frontier under a limit on
# unique tokens.
scalex -c 'model show datacon; preset show muennighoff2023'
# The paper's fit: E, A, alpha, B, beta held, R_D* and R_N* fitted to a
# sweep of repeated epochs generated from the preset (15.39, 5.31); then
# all seven free.
scalex -c 'demo muennighoff2023 as mu
fit datacon mu as dc --fix E=1.8691436784054858,A=520.8249516599187,alpha=0.3526596,B=1487.716093782861,beta=0.3526596
fit datacon mu as free'
# The message. With the fit set to the preset's half-lives: 4 epochs of
# U = 1e11 vs the same 4e11 tokens all unique (a 0.13% higher loss), and
# 41 epochs (R_D = 40) vs all unique (0.96%).
scalex -c 'demo muennighoff2023 as mu
fit datacon mu as dc --fix E=1.8691436784054858,A=520.8249516599187,alpha=0.3526596,B=1487.716093782861,beta=0.3526596
set dc.rd_star 15.387756
set dc.rn_star 5.309743
predict dc N=1e9 D=4e11 U=1e11
predict dc N=1e9 D=4e11 U=4e11
predict dc N=1e9 D=4.1e12 U=1e11
predict dc N=1e9 D=4.1e12 U=4.1e12'
# D'/D = (1 + R_D*(1 - exp(-R_D/R_D*)))/(1 + R_D) for R_D = 1, 4, 15.4,
# 40; and 41 epochs of 1e11 are worth D' = 0.3718*4.1e12 = 1.5244e12
# unique tokens: the law gives the same loss for both.
printf 'RD\n1\n4\n15.4\n40\n' > rd.csv
scalex -c 'load rd.csv as r
derive r ratio = (1 + 15.387756*(1 - exp(-RD/15.387756)))/(1 + RD)
data show r
demo muennighoff2023 as mu
fit datacon mu as dc --fix E=1.8691436784054858,A=520.8249516599187,alpha=0.3526596,B=1487.716093782861,beta=0.3526596
set dc.rd_star 15.387756
set dc.rn_star 5.309743
predict dc N=1e9 D=1.524424565e12 U=1.524424565e12'
# The authors' README: the optimal allocation of the budget of Figure 1's
# model (8.67e9 parameters x 178e9 tokens, 25e9 unique) is "227B tokens,
# 9.1 epochs, 6.8B parameters".
scalex -c 'frontier muennighoff2023 --unique 25e9 --C 9.25956e21..9.25956e21'
# The frontier under a limit of 1e11 unique tokens: epochs grow with C and
# L stops falling; far past the limit L is flat (1e9 unique tokens).
scalex -c 'frontier muennighoff2023 --unique 1e11 --C 1e20..1e26 --points 7'
scalex -c 'frontier muennighoff2023 --unique 1e9 --C 1e19..1e25 --points 4'
scalex --json -c 'frontier muennighoff2023 --unique 1e10 --C 1e21..1e22 --points 2'
# Errors: no limit for a law of U; a limit for a law without U.
scalex -c 'frontier muennighoff2023'
scalex -c 'frontier hoffmann2022 --unique 1e9'
# predict at the compute-optimal allocation of a budget under the limit,
# from a fit with bootstrap replicates; C without U for a law of U.
scalex -c 'demo muennighoff2023 as mu
fit datacon mu as dc --bootstrap 40 --seed 3
predict dc C=1e22 U=1e11
predict dc C=1e22'
# With the fit core's --tie and --bounds: the paper's alpha = beta as one
# parameter; R_D* held below its value by a bound, reported as active.
scalex -c 'demo muennighoff2023 as mu
fit datacon mu as t --tie beta=alpha
fit datacon mu as b --bounds rd_star=1:10 --fix E=1.8691436784054858,A=520.8249516599187,alpha=0.3526596,B=1487.716093782861,beta=0.3526596'
