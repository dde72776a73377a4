/* interval.h: a fitted law's prediction with confidence and prediction
 * intervals (delta method, bootstrap percentiles), also at the
 * compute-optimal allocation of a budget. */
#ifndef SX_INTERVAL_H
#define SX_INTERVAL_H

#include <stddef.h>

#include "base/err.h"
#include "scaling/fit.h"
#include "scaling/model.h"

/* For the law's mean at x (confidence), or for one new run there
 * (prediction: the residual scale added). */
enum sx_interval_kind { SX_INTERVAL_CONFIDENCE = 0, SX_INTERVAL_PREDICTION };

/*
 * A prediction. Every interval is made in the fit's space (L, or log L for
 * a log-space fit, where a new run's noise is multiplicative) and mapped
 * to L's units by exp for log space, so it is not symmetric about y there.
 *
 * Delta method: g = d(fitted quantity)/dp at x, se = sqrt(g' cov g),
 * half width q*se (confidence) or q*sqrt(se^2 + s^2) (prediction), with
 * q the Student t quantile at (1 + level)/2 with n - p degrees of freedom
 * (p free parameters), the quantile of the exact OLS intervals for a law
 * linear in its parameters; s^2 = chisq/(n - p), the residual variance in
 * the fit's space (for a Huber fit too: the plain, not the robust, scale).
 *
 * Bootstrap (when the fit has replicates): the law at x under each
 * replicate's parameters; confidence: their percentile interval at level
 * (quantile.h); prediction: the central interval of their mixture with a
 * new run's noise, (1/B) sum_b T((z - g_b)/s) with T the t distribution
 * above, solved for z by bisection.
 */
typedef struct sx_prediction {
	enum sx_interval_kind kind;
	enum sx_space space;
	double level;
	double y;            /* L(x; p) */
	double se;           /* delta: standard error of the fitted quantity
	                        (L or log L) at x; NaN when the covariance
	                        is not available */
	double scale;        /* s, the residual scale in the fit's space */
	double dof;          /* n - p */
	double q;            /* t quantile at (1 + level)/2, dof */
	double lo, hi;       /* delta-method interval (NaN without se) */
	size_t nboot;        /* replicates used; 0: no bootstrap interval */
	double boot_lo, boot_hi;
	/* At a budget (interval_optimum): C = k*N*D and the allocation;
	 * percentile intervals of N_opt and D_opt over the replicates (NaN
	 * without). The delta interval of L there uses the gradient of L at
	 * (N_opt, D_opt), which is that of L_opt(C) (envelope theorem). */
	int optimum;
	double C, k, N_opt, D_opt;
	int closed;          /* the allocation by the closed form */
	double N_lo, N_hi, D_lo, D_hi;
} sx_prediction;

/* Free parameters of a fit: those with a non-zero covariance diagonal
 * (fixed ones have a zero row; NaN counts as free). */
size_t interval_free_params(const sx_fit_result *r);

/*
 * The prediction of the law m at x (m->nin values) with the fit r in
 * space, its delta-method interval and, when r has bootstrap replicates,
 * its bootstrap one. Fails (-1, err set) on a level outside (0, 1), when
 * L is not finite (or not positive in log space) at x, or when the fit
 * has no residual degree of freedom (n <= p).
 */
int interval_predict(const sx_model *m, const sx_fit_result *r,
    enum sx_space space, const double *x, double level,
    enum sx_interval_kind kind, sx_prediction *out, sx_err *err);

/*
 * The prediction at the compute-optimal allocation of budget C (C = k*N*D)
 * for a law of N and D (frontier.h's frontier_point): interval_predict at
 * (N_opt, D_opt) and, with replicates, each replicate's own optimum
 * giving percentile intervals of N_opt, D_opt and its L_opt (replicates
 * whose optimum fails are left out). x receives the allocation in m's
 * input order (m->nin values). Fails as interval_predict does, or when m
 * is not a law of N and D, or its frontier fails at C.
 */
int interval_optimum(const sx_model *m, const sx_fit_result *r,
    enum sx_space space, double k, double C, double level,
    enum sx_interval_kind kind, double *x, sx_prediction *out, sx_err *err);

/*
 * Law m (one input) fitted r in space, at the value y of an upstream
 * prediction up (of another fit: Gadre et al. 2024's task error as a law
 * of the loss): the delta method through both fits, taken as independent,
 * se^2 = g' cov g + (df/dy)^2 var(y), var(y) from up's se (and its
 * residual scale for a new run) in y's units; df/dy by central
 * differences. The t quantile takes the smaller residual degrees of
 * freedom of the two; no bootstrap interval (the replicates know only
 * this fit). Fails as interval_predict does, or when m has not one input.
 */
int interval_chain(const sx_model *m, const sx_fit_result *r,
    enum sx_space space, const sx_prediction *up, double level,
    enum sx_interval_kind kind, sx_prediction *out, sx_err *err);

#endif
