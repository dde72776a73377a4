/* simulate.h: how precisely a design of planned runs pins a law down,
 * from refits of synthetic sweeps drawn from a true law. */
#ifndef SX_SIMULATE_H
#define SX_SIMULATE_H

#include <stddef.h>

#include "base/err.h"
#include "scaling/fit.h"
#include "scaling/model.h"

/* The quantities a simulation reports after the fitted law's parameters,
 * in this order: the frontier exponent a (N_opt ~ C^a), then N_opt, D_opt
 * and L at the target budget. */
#define SIM_NDERIVED 4
extern const char *const sim_derived_names[SIM_NDERIVED];

typedef struct sx_sim_spec {
	const sx_model *truth;     /* the law the sweeps are drawn from, with */
	const double *ptrue;       /* its parameters (truth->np) */
	const sx_model *fitm;      /* the law refitted (often truth) */
	const sx_fit_opts *fit;    /* how it is refitted (loss, space, starts,
	                              init, fixed, bounds, ties; weights are
	                              ignored). A random or grid start's seed
	                              is replaced by each replicate's own */
	double sigma;              /* log-normal noise: log L + sigma z */
	const double *resid;       /* or, when not NULL, log residuals drawn
	                              with replacement (nresid of them) */
	size_t nresid;
	size_t reps;
	unsigned long seed;
	unsigned threads;          /* 1..64 */
	double k;                  /* C = k N D */
	double C_at;               /* the target budget (> 0) */
	double level;              /* central interval, e.g. 0.9 */
} sx_sim_spec;

/* The spread of one quantity over the replicates that were fitted. */
typedef struct sx_sim_stat {
	double truth;   /* its value under the true law; NaN when the fitted
	                   law is another (its parameters have no truth) */
	double mean, bias, sd, lo, hi;  /* bias = mean - truth */
	size_t n;       /* replicates it was finite in */
} sx_sim_stat;

typedef struct sx_sim_result {
	size_t reps, nq;       /* nq = fitm->np + SIM_NDERIVED */
	size_t nfail;          /* fits that failed or did not converge */
	size_t nbound;         /* fits that ended with a parameter on a bound */
	double *draws;         /* reps x nq, NaN where a replicate failed */
	unsigned char *status; /* reps: 0 ok, 1 failed, 2 on a bound */
	sx_sim_stat *q;        /* nq */
	double level;
} sx_sim_result;

/*
 * Simulate a design of n planned runs (N[i], D[i]): spec->reps times, draw
 * L_i = L_true(N_i, D_i) * exp(e_i) (e_i = sigma z_i, or a residual drawn
 * with replacement), refit spec->fitm with spec->fit, and record its
 * parameters, the exponent a = d log N_opt / d log C between C_at/100 and
 * C_at (beta/(alpha+beta) for Hoffmann's form), N_opt, D_opt and L_opt at
 * C_at. Replicate r draws from its own generator, seeded from (seed, r),
 * so the result is the same at any number of threads. progress (may be
 * NULL) is called from the calling thread only; non-zero cancels, and -1
 * is returned with err "cancelled". Fails (-1, err set) on n == 0, reps ==
 * 0, laws without inputs N and D, a bad sigma, level or C_at, or a true
 * law not finite at some run.
 */
int sim_run(const sx_sim_spec *spec, const double *N, const double *D,
    size_t n, sx_sim_result *res, sx_progress_fn progress, void *pctx,
    sx_err *err);
void sim_result_free(sx_sim_result *res);
/* The sample variance of log q_j over the replicates where q_j > 0 (NaN
 * with fewer than 2). */
double sim_log_var(const sx_sim_result *res, size_t j);

/*
 * The residuals log y - log L(x; p) of law m at n rows, centred on their
 * mean, into r (n). Returns -1 with err set when some y or L is not
 * positive and finite.
 */
int sim_residuals(const sx_model *m, const double *const *x, const double *y,
    size_t n, const double *p, double *r, sx_err *err);

/* The 32-bit seed of replicate r of a run seeded with seed (splitmix64). */
unsigned long sim_rep_seed(unsigned long seed, size_t r);

/*
 * The derived quantities of law m (inputs N and D) at p: a, N_opt, D_opt,
 * L_opt as sim_run defines them, into q (SIM_NDERIVED). Returns -1 with
 * err set when the frontier cannot be computed.
 */
int sim_derived(const sx_model *m, const double *p, double k, double C_at,
    double *q, sx_err *err);

#endif
