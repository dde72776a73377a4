#!/usr/bin/env python3
"""datacon_readme.py: the data-constrained law of Muennighoff et al. 2023 as
the authors' README writes it (github.com/huggingface/datablations, "Parametric
Fit": scaling_law, D_to_N, optimal_allocation), in plain Python, against
scalex's datacon law, preset muennighoff2023 and frontier --unique.

Run from a build directory: python3 ../doc/crosscheck/datacon_readme.py
(needs only the standard library and ./scalex). Not part of make check.
"""
import math
import subprocess

E, A, B = math.exp(0.6254804), math.exp(6.255414), math.exp(7.3049974)
alpha = beta = 0.3526596
rd_star, rn_star = 15.387756, 5.309743
G = ((alpha * A) / (beta * B)) ** (1 / (alpha + beta))


def d_to_n(d):
    return (d * G) ** (beta / alpha) * G


def law(n, d, u):
    u = min(u, d)  # optimal_allocation's U = min(U_BASE, D)
    rd = max(d / u - 1, 0)
    un = min(n, d_to_n(u))
    rn = max(n / un - 1, 0)
    return (E + A / (un + un * rn_star * (1 - math.exp(-rn / rn_star))) ** alpha
            + B / (u + u * rd_star * (1 - math.exp(-rd / rd_star))) ** beta)


def brute(c, u, k=6.0):
    """Minimise over log N on a grid of 1e-5 decades around sqrt(C/k)."""
    best = (math.inf, None)
    lo = 0.5 * math.log10(c / k) - 4
    for i in range(600001):
        n = 10 ** (lo + 1e-5 * i)
        v = law(n, c / (k * n), u)
        if v < best[0]:
            best = (v, n)
    return best


def scalex_frontier(c, u):
    out = subprocess.run(["./scalex", "--json", "-c",
                          f"frontier muennighoff2023 --unique {u} --C {c}..{c}"],
                         capture_output=True, text=True, check=True).stdout
    import json
    row = json.loads(out)["rows"][0]
    return row["L_opt"], row["N_opt"], row["D_opt"]


print("README Figure 1 models:", law(6.34e9, 242e9, 25e9), law(8.67e9, 178e9, 25e9))
for c, u in [(9.25956e21, 25e9), (1e21, 1e11), (1e24, 1e11), (1e22, 1e9)]:
    lb, nb = brute(c, u)
    ls, ns, ds = scalex_frontier(c, u)
    print(f"C={c:g} U={u:g}: grid L={lb:.12f} N={nb:.5g}  scalex L={ls:.12f} "
          f"N={ns:.5g} epochs={ds / u:.4g}  rel dL={(ls - lb) / lb:.2e}")
