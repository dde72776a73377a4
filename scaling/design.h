/* design.h: designs of planned runs (N, D and their cost C = k N D) as
 * datasets: Hoffmann et al.'s IsoFLOP grid, a Kaplan-style N x D grid. */
#ifndef SX_DESIGN_H
#define SX_DESIGN_H

#include <stddef.h>

#include "base/err.h"
#include "scaling/dataset.h"

/* Most runs a design may have. */
#define DESIGN_MAX_RUNS 100000

/*
 * The IsoFLOP design: nbudgets budgets log-spaced over [c_lo, c_hi] (one
 * budget needs c_lo == c_hi), at each nsizes models whose tokens per
 * parameter D/N run log-spaced over [r_lo, r_hi] (N = sqrt(C/(k r)),
 * D = C/(k N)), so every run of a budget costs exactly C. Columns N, D, C
 * (FLOP) and budget (1..nbudgets). NULL with err set on a bad argument.
 */
sx_dataset *design_isoflop(const char *name, double c_lo, double c_hi,
    size_t nbudgets, size_t nsizes, double r_lo, double r_hi, double k,
    sx_err *err);

/*
 * Every pair of N values and D values (nN x nD runs, N slowest), with
 * C = k N D. NULL with err set on a value not positive and finite.
 */
sx_dataset *design_grid(const char *name, const double *Nv, size_t nN,
    const double *Dv, size_t nD, double k, sx_err *err);

/*
 * Parse a list of values: "V,V,..." or "LO..HI:COUNT" (COUNT values
 * log-spaced from LO to HI). Each value positive and finite, at most
 * `max`. Fills v (malloc'ed) and *n; -1 with err set otherwise.
 */
int design_parse_values(const char *text, size_t max, double **v, size_t *n,
    sx_err *err);

/* The cost of a design: the sum of its C column (c: n values). */
double design_cost(const double *c, size_t n);

#endif
