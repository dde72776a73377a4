/* frontier.h: compute-optimal allocation N_opt(C), D_opt(C) for L(N, D). */
#ifndef SX_FRONTIER_H
#define SX_FRONTIER_H

#include <stddef.h>

#include "base/err.h"
#include "scaling/model.h"

/*
 * Compute C = k*N*D (k = 6 by default: C in FLOP, N parameters, D tokens).
 * At a budget C the compute-optimal model minimises L(N, C/(k*N)) over N.
 * (Written as an integer, as the --k options show their default.)
 */
#define SX_FRONTIER_K 6
/* Sizes per budget approach 2 fits around the lowest loss by default. */
#define SX_APPROACH2_WINDOW 9

typedef struct sx_frontier_pt {
	double C;
	double N_opt;
	double D_opt;
	double L_opt;
	int flat;             /* 1: L is flat to rounding along C around the
	                         optimum (a law of unique data far past it);
	                         N_opt is then the middle of that stretch */
} sx_frontier_pt;

/* A frontier over a range of budgets, with the fitted exponents. */
typedef struct sx_frontier {
	double k;
	double U;             /* the limit on unique tokens; NaN: none */
	size_t n;
	sx_frontier_pt *pt;   /* n points, C increasing */
	double a;             /* N_opt ~ C^a (log-log regression over pt) */
	double b;             /* D_opt ~ C^b */
	int closed;           /* 1: chinchilla closed form, 0: numeric */
} sx_frontier;

/*
 * The indices of m's inputs that stand for N and for D (by canonical column
 * name, so a user law of "params" and "tokens" works too). Returns 0, or -1
 * with err set when m does not have exactly two inputs, one N and one D.
 */
int frontier_nd_inputs(const sx_model *m, int *in_n, int *in_d, sx_err *err);

/*
 * The same for a law of N and D or of N, D and U (unique tokens, such as
 * datacon), with U > 0 the limit on unique data held fixed along the
 * frontier, NaN for none. Sets *in_u to U's input or -1. Fails when the
 * law is neither, when it has a U input and U is NaN, when it has none and
 * U is given, or when U is not positive and finite.
 */
int frontier_ndu_inputs(const sx_model *m, double U, int *in_n, int *in_d,
    int *in_u, sx_err *err);
/* The index of the U input of a law of three inputs (N, D, U), else -1. */
int frontier_u_input(const sx_model *m);

/*
 * The closed form for L = E + A/N^alpha + B/D^beta (p in the form's
 * order E, A, alpha, B, beta, whatever the law's: see sx_roles):
 * N_opt = G*(C/k)^(beta/(alpha+beta)),
 * D_opt = (C/k)/N_opt, G = (alpha*A/(beta*B))^(1/(alpha+beta)). Fails when
 * C, k, A, B, alpha or beta is not positive and finite.
 */
int frontier_closed(const double *p, double k, double C, sx_frontier_pt *pt,
    sx_err *err);

/*
 * Numeric minimisation of L(N, C/(k*N)) over u = log N for any law m with
 * inputs N and D: a scan over 2*|log(C/k)| + 50 e-folds of N brackets the
 * lowest value, gsl_min's Brent method refines it, and a root of the
 * derivative (central differences with Richardson extrapolation, gsl_root
 * Brent) polishes it to ~1e-10 in u. Where L is flat to rounding around
 * its lowest value (a stretch bounded by higher values), the middle of the
 * stretch, with pt->flat set. Fails when L is not finite anywhere
 * in the scan or has no interior minimum (it keeps falling towards N -> 0
 * or N -> infinity, as a law that ignores D does).
 */
int frontier_numeric(const sx_model *m, const double *p, double k, double C,
    sx_frontier_pt *pt, sx_err *err);
/* The same for a law of N, D and U at unique tokens U (NaN: a law of N, D):
 * the data-constrained frontier, epochs D_opt/U. */
int frontier_numeric_u(const sx_model *m, const double *p, double k,
    double C, double U, sx_frontier_pt *pt, sx_err *err);

/*
 * frontier_closed when m advertises the roles of that form (sx_roles),
 * frontier_numeric otherwise. Returns the method used through *closed
 * when non-NULL.
 */
int frontier_point(const sx_model *m, const double *p, double k, double C,
    sx_frontier_pt *pt, int *closed, sx_err *err);
/* frontier_point under a limit U on unique tokens (NaN: none; numeric). */
int frontier_point_u(const sx_model *m, const double *p, double k, double C,
    double U, sx_frontier_pt *pt, int *closed, sx_err *err);

/*
 * The frontier at npoints budgets log-spaced over [c_lo, c_hi] (npoints = 1
 * needs c_lo == c_hi), with a and b by least squares of log N_opt and
 * log D_opt on log C (NaN for a single point). Fails for c_lo <= 0,
 * c_hi < c_lo, npoints == 0 or > 100000, or when any point fails. Free f
 * with frontier_free.
 */
int frontier_run(const sx_model *m, const double *p, double k, double c_lo,
    double c_hi, size_t npoints, sx_frontier *f, sx_err *err);
/* frontier_run under a limit U on unique tokens (NaN: none); f->U = U. */
int frontier_run_u(const sx_model *m, const double *p, double k,
    double c_lo, double c_hi, size_t npoints, double U, sx_frontier *f,
    sx_err *err);
void frontier_free(sx_frontier *f);

/*
 * Percentile intervals at `level` of the exponents a and b over bootstrap
 * replicates of a law's parameters (boot: nboot x np, row-major), each
 * replicate's frontier computed as frontier_run_u does over the same range
 * and limit U on unique tokens (NaN: none).
 * ci receives a_lo, a_hi, b_lo, b_hi. Replicates whose frontier fails are
 * left out; fails when fewer than 2 remain.
 */
int frontier_boot_ci(const sx_model *m, const double *boot, size_t nboot,
    double k, double c_lo, double c_hi, size_t npoints, double U,
    double level, double ci[4], sx_err *err);

/*
 * Least squares of log y on log x over n points (all x, y > 0): y =
 * coef*x^slope. Returns -1 with err set when n < 2, a value is not
 * positive, or all x are equal. se (may be NULL) gets the slope's standard
 * error (NaN for n = 2).
 */
int frontier_loglog_fit(const double *x, const double *y, size_t n,
    double *slope, double *coef, double *se, sx_err *err);

/* A frontier estimated from raw runs (approach 1 or 2). */
typedef struct sx_approach {
	size_t n;          /* points of the estimated frontier */
	double *C;         /* budget of each point */
	double *N_opt;
	double *L_opt;
	double a;          /* N_opt ~ coef*C^a */
	double coef;
	double a_se;       /* standard error of a (NaN for 2 points) */
	size_t ngroups;    /* compute bins (1) or budgets (2) considered */
	size_t nskipped;   /* of those, not used (empty bin; no parabola
	                      minimum inside the sizes run) */
	size_t nwarn;      /* approach 2: budgets with fewer than 3 sizes, or
	                      whose minimum lay outside */
	char **warn;       /* the sizes fitted or below the losses run */
	/* Approach 2 only (NULL for approach 1): point i's parabola,
	 * L = L_opt[i] + curv[i]*(ln N - ln N_opt[i])^2, fitted to the sizes
	 * n_lo[i]..n_hi[i]; run_pt[j] is the point of input row j's budget,
	 * -1 when its budget gave none (what frontier approach2 --plot
	 * draws). */
	double *curv, *n_lo, *n_hi;
	long *run_pt;
} sx_approach;

/*
 * Approach 1 of Hoffmann et al. 2022: the lower envelope of learning
 * curves. Runs (N[i], C[i], L[i]) are binned by log C into nbins equal
 * bins over [c_lo, c_hi] (both 0: the data's range); in each non-empty
 * bin the lowest-loss run gives (C, N_opt, L_opt), and N_opt = coef*C^a is
 * fitted through them. Rows with a value not positive and finite are
 * ignored. Fails with fewer than 3 envelope points or when all envelope
 * points share one C.
 */
int frontier_approach1(const double *N, const double *C, const double *L,
    size_t n, size_t nbins, double c_lo, double c_hi, sx_approach *r,
    sx_err *err);
/*
 * Approach 1 from learning curves (Hoffmann et al. 2022 interpolate each
 * run's curve): the rows of one model size are one run's curve, its
 * losses as training went on (C rising). log L is interpolated linearly
 * in log C along each curve, and at nbins budgets log-spaced over [c_lo,
 * c_hi] (both 0: the data's range), ends included, the curve lowest
 * there gives (C, N_opt, L_opt); budgets no curve spans are not used.
 * Fails with fewer than 2 curves of 2 or more rows, or 3 budgets.
 */
int frontier_approach1_curves(const double *N, const double *C,
    const double *L, size_t n, size_t nbins, double c_lo, double c_hi,
    sx_approach *r, sx_err *err);

/*
 * Approach 2 (IsoFLOP profiles): runs are grouped by budget (sorted by
 * log10 C, a new group where the gap exceeds gap_decades); per group with
 * at least 3 distinct sizes a parabola L = c0 + c1*u + c2*u^2 in u = log N
 * is fitted by least squares to the `window` runs nearest in size around
 * the group's lowest loss (0: all its runs), and its vertex is the group's
 * N_opt (C the group's geometric mean; L_opt the parabola's value there).
 * Groups whose parabola opens downwards are skipped; so are those whose
 * vertex lies outside the sizes fitted, with a warning in r->warn. A vertex
 * deeper below the group's lowest loss than c2*(largest size gap/2)^2 plus
 * the residual RMS is kept, with a warning. Then N_opt = coef*C^a. Fails
 * with fewer than 2 usable groups or a window of 1 or 2. The vertex is
 * biased when alpha != beta (L is not symmetric in log N).
 */
int frontier_approach2(const double *N, const double *C, const double *L,
    size_t n, double gap_decades, size_t window, sx_approach *r,
    sx_err *err);
void approach_free(sx_approach *r);

#endif
