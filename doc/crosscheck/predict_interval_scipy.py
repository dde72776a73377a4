#!/usr/bin/env python3
"""Independent cross-check of scalex's predict intervals with scipy (not part
of the test suite; Debian: python3-scipy).

    SCALEX=build/scalex /usr/bin/python3 doc/crosscheck/predict_interval_scipy.py

Data: Epoch AI's reading of Hoffmann et al. 2022, Figure 4, rows with
L < 3.44 (240), D = C / (6 N). Chinchilla's law L = E + A/N^alpha + B/D^beta
is fitted by least squares of log y - log L with scipy's least_squares; the
covariance is s^2 (J^T J)^-1 with s^2 = RSS/(n - 5), J taken by scipy at the
optimum; the gradient of log L at the point by central differences; the
quantile scipy.stats.t.ppf((1 + level)/2, n - 5). The intervals (log L +-
q*se for the mean, q*sqrt(se^2 + s^2) for a new run, mapped back by exp)
at N=7e10 D=1.4e12 and at the compute-optimal allocation of C = 1e22 (the
closed form) are compared with `scalex --json`'s predict.
"""
import csv, json, os, subprocess, sys
import numpy as np
from scipy.optimize import least_squares
from scipy.stats import t as student

shared = os.environ.get("SX_SHARED_DATA",
                        os.path.join(os.path.dirname(__file__), "../../../shared/data"))
rows = list(csv.DictReader(open(os.path.join(shared, "chinchilla_epoch.csv"))))
N = np.array([float(r["Model Size"]) for r in rows])
C = np.array([float(r["Training FLOP"]) for r in rows])
L = np.array([float(r["loss"]) for r in rows])
D = C / (6 * N)
k = L < 3.44
N, D, L = N[k], D[k], L[k]


def logL(p, n, d):
    E, A, al, B, be = p
    return np.log(E + A * n ** -al + B * d ** -be)


fit = least_squares(lambda p: np.log(L) - logL(p, N, D),
                    [1.8, 400.0, 0.34, 400.0, 0.28], x_scale="jac",
                    xtol=1e-15, ftol=1e-15, gtol=1e-15, max_nfev=100000)
p = fit.x
n, dof = len(L), len(L) - 5
s2 = 2 * fit.cost / dof
cov = s2 * np.linalg.inv(fit.jac.T @ fit.jac)


def interval(x_n, x_d, level, kind):
    g = np.zeros(5)
    for j in range(5):
        h = 1e-6 * abs(p[j])
        up, dn = p.copy(), p.copy()
        up[j] += h
        dn[j] -= h
        g[j] = (logL(up, x_n, x_d) - logL(dn, x_n, x_d)) / (2 * h)
    se = np.sqrt(g @ cov @ g)
    q = student.ppf(0.5 * (1 + level), dof)
    half = q * np.sqrt(se ** 2 + (s2 if kind == "prediction" else 0.0))
    f = logL(p, x_n, x_d)
    return np.exp(f), np.exp(f - half), np.exp(f + half)


def optimum(Cb):
    E, A, al, B, be = p
    G = (al * A / (be * B)) ** (1 / (al + be))
    n_opt = G * (Cb / 6) ** (be / (al + be))
    return n_opt, Cb / 6 / n_opt


cases = [("N=7e10 D=1.4e12", 7e10, 1.4e12, 0.95, "confidence"),
         ("N=7e10 D=1.4e12", 7e10, 1.4e12, 0.9, "prediction"),
         ("C=1e22",) + optimum(1e22) + (0.95, "confidence"),
         ("C=1e22",) + optimum(1e22) + (0.95, "prediction")]
print("scipy fit:", " ".join("%.10g" % v for v in p))
scalex = os.environ.get("SCALEX")
worst = 0.0
for at, xn, xd, level, kind in cases:
    y, lo, hi = interval(xn, xd, level, kind)
    print("%-16s %-10s %.2f  L %.10g  [%.10g, %.10g]" % (at, kind, level, y,
                                                         lo, hi))
    if scalex is None:
        continue
    script = ("load %s as ep; rename ep 'Model Size' N; rename ep 'Training FLOP' C; "
              "rename ep loss L; derive ep D = C/(6*N); filter ep 'L < 3.44' as "
              "ep240; fit chinchilla ep240 as ch; predict ch %s --level %g "
              "--interval %s" % (os.path.join(shared, "chinchilla_epoch.csv"),
                                 at, level, kind))
    out = subprocess.run([scalex, "--json", "-c", script], check=True,
                         capture_output=True, text=True).stdout
    r = json.loads(out.strip().split("\n")[-1])
    got = (r["L"], r["interval"]["lo"], r["interval"]["hi"])
    rel = max(abs(a - b) / abs(b) for a, b in zip(got, (y, lo, hi)))
    worst = max(worst, rel)
    print("%-16s scalex      L %.10g  [%.10g, %.10g]  max rel diff %.2g" %
          ("", got[0], got[1], got[2], rel))
if scalex is not None:
    print("worst relative difference %.2g" % worst)
    sys.exit(0 if worst < 1e-6 else 1)
