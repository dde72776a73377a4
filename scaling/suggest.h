/* suggest.h: the next runs that most shrink the uncertainty of a target,
 * from the Fisher information of a fit (a greedy c-optimal design). */
#ifndef SX_SUGGEST_H
#define SX_SUGGEST_H

#include <stddef.h>

#include "base/err.h"
#include "scaling/model.h"

enum sx_suggest_target { SUGGEST_NOPT = 0, SUGGEST_LOSS = 1 };

typedef struct sx_suggest_spec {
	const sx_model *m;         /* a law of N and D */
	const double *p;           /* its fitted parameters */
	const unsigned char *free; /* np flags: fitted (others held), or NULL */
	double sigma;              /* sd of the log residuals */
	double k;                  /* C = k N D */
	double C_at;               /* the target budget */
	enum sx_suggest_target target; /* log N_opt(C_at) or log L_opt(C_at) */
	double budget;             /* compute the new runs may spend in all */
	size_t K;                  /* runs to propose (at most) */
	size_t nbudgets, nsizes;   /* the candidate grid: budgets log-spaced
	                              from the sweep's smallest C to
	                              min(budget, C_at), and at each nsizes
	                              tokens per parameter log-spaced over */
	double r_lo, r_hi;         /* [r_lo, r_hi] */
} sx_suggest_spec;

typedef struct sx_suggest_run {
	double N, D, C;
	double var;                /* predicted var of the log target after it */
} sx_suggest_run;

typedef struct sx_suggest {
	double value;              /* the target under the fit */
	double var0;               /* predicted var of its log now */
	size_t n;                  /* runs proposed */
	sx_suggest_run *runs;
	double spent;
	size_t ncand;
} sx_suggest;

/*
 * The predicted variance of the log target of s at the n runs (N, D): with
 * J the derivatives of log L by the free parameters at each run and g
 * those of the log target (central differences), g' (J'J / sigma^2)^-1 g
 * (least squares in log space). -1 with err set when the law has no
 * frontier there or J'J is singular.
 */
int suggest_variance(const sx_suggest_spec *s, const double *N,
    const double *D, size_t n, double *var, sx_err *err);

/*
 * Greedy c-optimal augmentation of the sweep (N, D, n runs): K times, the
 * candidate affordable within what is left of the budget that lowers the
 * predicted variance most (a rank-one update of the covariance), while
 * some candidate lowers it. Fails (-1, err set) on a budget below the
 * cheapest candidate (the sweep's smallest C), a bad target budget, K == 0
 * or what suggest_variance fails on. Free out with suggest_free.
 */
int suggest_run(const sx_suggest_spec *s, const double *N, const double *D,
    size_t n, sx_suggest *out, sx_err *err);
void suggest_free(sx_suggest *out);

#endif
