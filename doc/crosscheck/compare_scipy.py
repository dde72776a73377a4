#!/usr/bin/env python3
"""Independent cross-check of scalex's compare with scipy (not part of the
test suite; Debian: python3-scipy).

    SX=build/scalex /usr/bin/python3 doc/crosscheck/compare_scipy.py

Data: `demo chinchilla` (81 rows, seed 1), read from scalex's JSON. For
chinchilla (E + A/N^alpha + B/D^beta) and kaplan_nd ([(Nc/N)^(aN/aD) +
Dc/D]^aD), least squares of r = log L - log Lhat by scipy's least_squares
from a grid of starts: on all rows (AIC = n ln(RSS/n) + 2k and BIC = n
ln(RSS/n) + k ln n from that RSS), with the rows N > 1e9 held out, and
leaving out each group of size = (N > 3e8) + (N > 1e9) + (N > 3e9) in
turn; on each held-out set RMSE of log y - log Lhat and max |y - Lhat|.
Prints scalex's value, scipy's and their relative difference.
"""
import itertools, json, os, subprocess
import numpy as np
np.seterr(all="ignore")
from scipy.optimize import least_squares

sx = os.environ.get("SX", "scalex")
fits = ("demo chinchilla as runs; fit chinchilla runs as ch; "
        "fit kaplan_nd runs as kap; "
        "derive runs size = (N > 3e8) + (N > 1e9) + (N > 3e9)")


def scalex(cmd):
    out = subprocess.run([sx, "--json", "-c", fits + "; " + cmd],
                         capture_output=True, text=True, check=True).stdout
    return json.loads(out.strip().split("\n")[-1])


cols = scalex("data show runs --rows 81")["columns"]
N, D, L = (np.array(cols[k]) for k in ("N", "D", "L"))


def chin(u, n, d):
    E, a, al, b, be = u   # log E, log A, alpha, log B, beta
    return np.log(np.exp(E) + np.exp(a - al * np.log(n)) +
                  np.exp(b - be * np.log(d)))


def kap(u, n, d):
    nc, dc, an, ad = u    # log Nc, log Dc, alphaN, alphaD
    return ad * np.log(np.exp(an / ad * (nc - np.log(n))) +
                       np.exp(dc - np.log(d)))


starts = {
    chin: [[e, a, al, b, be] for e in (0.0, 0.5) for a in (3, 6, 9)
           for al in (0.2, 0.35, 0.5) for b in (3, 6, 9)
           for be in (0.2, 0.35, 0.5)],
    kap: [[nc, dc, an, ad] for nc in (25, 29, 33) for dc in (28, 32, 36)
          for an in (0.05, 0.1, 0.2) for ad in (0.05, 0.1, 0.2)],
}


def fit(law, keep):
    best = None
    for s in starts[law]:
        try:
            r = least_squares(lambda u: np.log(L[keep]) - law(u, N[keep],
                              D[keep]), s, method="lm", xtol=1e-15,
                              ftol=1e-15, gtol=1e-15, max_nfev=20000)
        except Exception:
            continue
        if np.all(np.isfinite(r.x)) and (best is None or r.cost < best.cost):
            best = r
    return best


def scores(law, u, held):
    f = np.exp(law(u, N[held], D[held]))
    return (np.sqrt(np.mean((np.log(L[held]) - np.log(f)) ** 2)),
            np.max(np.abs(L[held] - f)))


def show(what, a, b):
    print(f"  {what:28s} scalex {a:.12g}  scipy {b:.12g}  rel {abs(a - b) / abs(b):.1e}")


laws = {"ch": (chin, 5), "kap": (kap, 4)}
everything = np.ones(len(N), bool)
rec = scalex("compare ch kap")
for row in rec["fits"]:
    law, k = laws[row["name"]]
    r = fit(law, everything)
    rss = 2 * r.cost
    n = len(N)
    print(row["name"], "on all rows")
    show("RSS", row["rss"], rss)
    show("AIC", row["aic"], n * np.log(rss / n) + 2 * k)
    show("BIC", row["bic"], n * np.log(rss / n) + k * np.log(n))

held = N > 1e9
rec = scalex("compare ch kap --holdout 'N > 1e9'")
for row in rec["fits"]:
    law, _ = laws[row["name"]]
    rm, mx = scores(law, fit(law, ~held).x, held)
    print(row["name"], "held out N > 1e9")
    show("RMSE(log)", row["holdout"]["rmse_log"], rm)
    show("max |y - L|", row["holdout"]["max_abs_err"], mx)

size = (N > 3e8).astype(int) + (N > 1e9) + (N > 3e9)
rec = scalex("compare ch kap --holdout-by size")
for row in rec["fits"]:
    law, _ = laws[row["name"]]
    print(row["name"], "leaving each size out")
    for g, got in zip(range(4), row["holdout_by"]["groups"]):
        rm, mx = scores(law, fit(law, size != g).x, size == g)
        show(f"size {g} RMSE(log)", got["rmse_log"], rm)
        show(f"size {g} max |y - L|", got["max_abs_err"], mx)
