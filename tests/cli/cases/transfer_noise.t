# transfer --noise: the rewards the GPI agent regresses w on carry Gaussian
# noise (seeded), so its fitted w is off the true one. On corners a noisy
# first reward from A, fitted alone, makes GPI (w fit) settle for A while
# B's weight is still unseen (0): it stays below GPI told the true w, and
# Q-learning passes it. On fourroom the fit is close and GPI (w fit)
# follows the true-w policy.
scalex -c 'grid load corners; transfer 0.5,1,0.2 --samples 20000 --points 5 --seed 1 --noise 0.5'
scalex -c 'grid load fourroom; transfer 1,-1,0 --samples 20000 --points 5 --seed 7 --noise 0.5'
