#!/usr/bin/env python3
"""Independent cross-check of scalex's weighted fits with scipy (not part of
the test suite; Debian: python3-scipy).

    SX=build/scalex /usr/bin/python3 doc/crosscheck/weights_scipy.py

Data: Epoch AI's reading of Hoffmann et al. 2022, Figure 4, less its 5
highest-loss rows (L < 3.44, 240 rows), D = C / (6 N), with row weights
w = log10(C) - 17 (1.0 to 7.4: the larger runs count more). Both sides fit
the same objective, 1/2 sum w_i r_i^2 with r = log L - log Lhat, scipy by
least_squares on the residuals sqrt(w) r from a grid of starts, scalex by
'fit ... --weights w'. Prints each parameter of both and their relative
difference; also for plc, L = E + (x0/C)^alpha, fitted the same way.
"""
import csv, json, os, subprocess, sys
import numpy as np
np.seterr(all="ignore")  # starts where the law overflows are skipped
from scipy.optimize import least_squares

shared = os.environ.get("SX_SHARED_DATA",
                        os.path.join(os.path.dirname(__file__), "../../../shared/data"))
path = os.path.join(shared, "chinchilla_epoch.csv")
sx = os.environ.get("SX", "scalex")
rows = list(csv.DictReader(open(path)))
N = np.array([float(r["Model Size"]) for r in rows])
C = np.array([float(r["Training FLOP"]) for r in rows])
L = np.array([float(r["loss"]) for r in rows])
keep = L < 3.44
N, C, L = N[keep], C[keep], L[keep]
D = C / (6 * N)
w = np.log10(C) - 17
sw = np.sqrt(w)


def best(res_fn, starts):
    out = None
    for s in starts:
        try:
            r = least_squares(res_fn, s, method="lm", xtol=1e-15, ftol=1e-15,
                              gtol=1e-15, max_nfev=20000)
        except Exception:
            continue
        if np.all(np.isfinite(r.x)) and (out is None or r.cost < out.cost):
            out = r
    return out


def chin_res(u):
    E, a, al, b, be = u   # E, log A, alpha, log B, beta
    Lh = np.exp(E) + np.exp(a - al * np.log(N)) + np.exp(b - be * np.log(D))
    return sw * (np.log(L) - np.log(Lh))


def plc_res(u):
    E, lx0, al = u
    Lh = np.exp(E) + np.exp(al * (lx0 - np.log(C)))
    return sw * (np.log(L) - np.log(Lh))


def scalex(law, extra=""):
    cmd = ("load %s as ep; filter ep 'L < 3.44' as ep240; "
           "derive ep240 D = C/(6*N); derive ep240 w = log10(C) - 17; "
           "fit %s ep240 --weights w %s" % (path, law, extra))
    out = subprocess.run([sx, "--json", "-c", cmd], capture_output=True,
                         text=True, check=True).stdout.strip().splitlines()
    return json.loads(out[-1])


def compare(name, got, ref):
    worst = 0.0
    for k, v in ref.items():
        s = got["params"][k]["value"]
        rel = abs(s - v) / abs(v)
        worst = max(worst, rel)
        print("  %-6s scalex %.12g  scipy %.12g  rel %.1e" % (k, s, v, rel))
    print("  objective scalex %.12g  scipy %.12g" % (got["objective"], ref_obj[0]))
    print("%s: largest relative difference %.1e" % (name, worst))
    return worst


starts = [(e, a, al, b, be) for e in (-1, 0, 1) for a in (0, 5, 10)
          for al in (0.2, 0.5) for b in (0, 5, 10) for be in (0.2, 0.5)]
r = best(chin_res, starts)
ref_obj = [r.cost]
E, a, al, b, be = r.x
w1 = compare("chinchilla, weighted LS", scalex("chinchilla", "--starts grid"),
             {"E": np.exp(E), "A": np.exp(a), "alpha": al, "B": np.exp(b),
              "beta": be})
starts = [(e, lx, al) for e in (-1, 0, 0.5) for lx in (10, 20, 40)
          for al in (0.05, 0.1, 0.3)]
r = best(plc_res, starts)
ref_obj = [r.cost]
E, lx0, al = r.x
w2 = compare("plc over C, weighted LS", scalex("plc", "--x C"),
             {"Linf": np.exp(E), "x0": np.exp(lx0), "alpha": al})
sys.exit(0 if max(w1, w2) < 1e-6 else 1)
