#!/usr/bin/env python3
"""Independent cross-check of scalex's Chinchilla fits with scipy (not part
of the test suite; Debian: python3-scipy). In huber mode it also prints
Huber's asymptotic standard errors at the best point.

    /usr/bin/python3 doc/crosscheck/chinchilla_scipy.py huber   # approach 3
    /usr/bin/python3 doc/crosscheck/chinchilla_scipy.py ls      # log-space LS

Data: Epoch AI's reading of Hoffmann et al. 2022, Figure 4, less its 5
highest-loss rows (L < 3.44, 240 rows), D = C / (6 N). Both fits start from
every point of Hoffmann's grid (alpha, beta in 0..2 by 0.5; e in -1..1 by
0.5; a, b in 0..25 by 5: 4,500 starts) in Hoffmann's variables
log Lhat = LSE(a - alpha log N, b - beta log D, e), and print the lowest
objective any start reaches, in scalex's convention (scipy's too): the sum
of rho(r), rho(r) = r^2/2 for least squares (least_squares' cost) and
within Huber's delta, delta (|r| - delta/2) beyond. Compare with:
    scalex -c 'load ...; ...; fit chinchilla ep240 --loss huber:1e-3 --starts grid'
"""
import csv, os, sys, time
import numpy as np
from scipy.optimize import least_squares, minimize
from scipy.special import huber

shared = os.environ.get("SX_SHARED_DATA",
                        os.path.join(os.path.dirname(__file__), "../../../shared/data"))
rows = list(csv.DictReader(open(os.path.join(shared, "chinchilla_epoch.csv"))))
N = np.array([float(r["Model Size"]) for r in rows])
C = np.array([float(r["Training FLOP"]) for r in rows])
L = np.array([float(r["loss"]) for r in rows])
D = C / (6 * N)
keep = L < 3.44
lN, lD, lL = np.log(N[keep]), np.log(D[keep]), np.log(L[keep])
delta = 1e-3


def terms(u):
    e, a, al, b, be = u
    T = np.stack([np.full_like(lN, e), a - al * lN, b - be * lD])
    m = T.max(0)
    W = np.exp(T - m)
    s = W.sum(0)
    return m + np.log(s), W / s


def huber_obj(u):
    pred, W = terms(u)
    r = pred - lL
    psi = np.clip(r, -delta, delta)
    g = np.array([psi @ W[0], psi @ W[1], -psi @ (W[1] * lN), psi @ W[2],
                  -psi @ (W[2] * lD)])
    return huber(delta, r).sum(), g


def ls_res(u):
    return terms(u)[0] - lL


def ls_jac(u):
    _, W = terms(u)
    return np.stack([W[0], W[1], -W[1] * lN, W[2], -W[2] * lD], axis=1)


mode = sys.argv[1] if len(sys.argv) > 1 else "huber"
best, t0, objs = (np.inf, None), time.time(), []
for al in np.arange(0, 2.01, .5):
    for be in np.arange(0, 2.01, .5):
        for e in np.arange(-1, 1.01, .5):
            for a in np.arange(0, 26, 5):
                for b in np.arange(0, 26, 5):
                    u0 = [e, a, al, b, be]
                    if mode == "huber":
                        r = minimize(huber_obj, u0, jac=True, method="L-BFGS-B")
                        F, u = r.fun, r.x
                    else:
                        r = least_squares(ls_res, u0, jac=ls_jac, method="lm")
                        F, u = r.cost, r.x   # sum of r^2 / 2
                    objs.append(F)
                    if F < best[0]:
                        best = (F, u)
F, u = best
print("%s: %d starts in %.1f s" % (mode, len(objs), time.time() - t0))
print("best objective %.17g (%s)" % (F, "sum of Huber terms rho(r), r^2/2 "
                                     "within delta" if mode == "huber"
                                     else "half the sum of squared log residuals"))
print("E %.8g A %.8g alpha %.8g B %.8g beta %.8g"
      % (np.exp(u[0]), np.exp(u[1]), u[2], np.exp(u[3]), u[4]))
objs = np.array(objs)
print("starts within 1e-9 (relative) of the best: %d" % (objs <= F * (1 + 1e-9)).sum())
if mode == "huber":
    # Huber's (1981, sec. 7.6) asymptotic covariance at the best point, as
    # scalex reports it: K^2 [sum psi^2/(n-p)] / (mean psi')^2 (J^T J)^-1.
    r = ls_res(u)
    J = ls_jac(u)
    n, p = J.shape
    psi = np.clip(r, -delta, delta)
    m1 = (np.abs(r) <= delta).mean()
    K = 1 + p / n * (1 - m1) / m1
    cov = np.linalg.inv(J.T @ J) * K * K * (psi @ psi) / (n - p) / m1 ** 2
    se = np.sqrt(np.diag(cov)) * np.array([np.exp(u[0]), np.exp(u[1]), 1,
                                           np.exp(u[3]), 1])
    print("standard errors (Huber 1981): E %.6g A %.6g alpha %.6g B %.6g "
          "beta %.6g (%d residuals within delta)" % (*se, int(m1 * n)))
