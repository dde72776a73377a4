/* fit_impl.h: what fit.c, fit_ls.c, huber.c, vp.c, multistart.c and
 * bootstrap.c share. */
#ifndef SX_FIT_IMPL_H
#define SX_FIT_IMPL_H

#include <stddef.h>

#include "scaling/fit.h"
#include "scaling/lm.h"

/*
 * A local problem: minimise sum_i w_i rho(t_i - g_i(p)) over the free
 * parameters, t = log y and g = log L (Huber needs log space), from a given
 * start. delta = INFINITY makes rho = r^2/2 (least squares).
 */
typedef struct fit_prob {
	const sx_model *m;
	const double *const *x;
	const double *t;
	const double *w;             /* n row weights, or NULL: all 1 */
	size_t n;
	double delta;
	const unsigned char *fixed;  /* np flags or NULL */
	int maxit;
	const sx_kernel *kern;       /* the law's kernel where it runs this */
	void *kd;                    /* problem (its data), or NULL */
	sx_progress_fn progress;     /* multistart's cancellation, or NULL */
	void *pctx;
} fit_prob;

/* Early stop: called after each accepted step with the parameters and the
 * objective; non-zero stops the run (the start fell into a known basin). */
typedef int (*fit_stop_fn)(void *ctx, const double *p, double obj);

/* Result of one local run (lm.h). */
typedef lm_out fit_local_out;

/* Generic robust Levenberg-Marquardt (huber.c): p (np) updated in place. */
void huber_local(const fit_prob *pr, double *p, fit_stop_fn stop, void *sctx,
    fit_local_out *out);
/* Objective sum rho(t - g(p)); +Inf when the model is not finite. */
double huber_objective(const fit_prob *pr, const double *p);

/*
 * A fast exact solver a law advertises (sx_model.kernel): fit.c asks it to
 * prepare for a problem, and the local runs of that fit go through it
 * wherever the start is in its domain. vp.c's sx_kernel_vp is one.
 */
struct sx_kernel {
	/* Its data for pr from the start p0, or NULL when it cannot run pr
	 * (the loss, the law's form, the start). */
	void *(*prepare)(const fit_prob *pr, const double *p0);
	void (*release)(void *kd);
	/* Whether a start p (model units) is in its domain. */
	int (*domain)(const void *kd, const double *p);
	/* Local run over the free parameters, p in model units (updated). */
	void (*local)(const void *kd, const unsigned char *fixed, double *p,
	    int maxit, fit_stop_fn stop, void *sctx, fit_local_out *out);
	/* Optional (NULL): the linear parameters of a variable projection.
	 * seed sets them from the others by least squares (0, or -1 with p
	 * untouched); project solves them exactly with the others held. */
	int (*seed)(const void *kd, const unsigned char *fixed, double *p);
	void (*project)(const void *kd, const unsigned char *fixed, double *p,
	    int maxit, fit_local_out *out);
	/* Optional: parameter j of a random start from r uniform in [0, 1)
	 * (a box of the law's own); NULL: around the automatic start. */
	double (*box)(const void *kd, size_t j, double r);
};

/* Local run by whichever solver applies. */
void fit_local(const fit_prob *pr, double *p, fit_stop_fn stop, void *sctx,
    fit_local_out *out);

/*
 * Multistart (multistart.c): runs every start, fills best (np) with the
 * lowest objective reached, and counts. Returns -1 with err set when no
 * start gave a finite objective.
 */
int multistart_run(const fit_prob *pr, const double *p0, const sx_starts *st,
    double *best, fit_local_out *bout, size_t *total, size_t *nconv,
    sx_err *err);

/* Covariance of u and cond of J^T J (fit_stats.c), J the n x nf residual
 * Jacobian; returns -1 when singular. */
int fit_cov_from_jac(const double *J, size_t n, size_t nf, double s2,
    double *cu, double *cond);
/* Statistics and covariance of the robust path at pr's optimum r->p, and
 * the warnings of any fit (fit_stats.c). */
void fit_stats(const fit_prob *pr, const unsigned char *fixed,
    sx_fit_result *r);
void fit_warnings(const sx_model *m, const unsigned char *fixed,
    sx_fit_result *r);

/* Iterations of a local run when the options give none. */
#define FIT_MAX_ITER 200

/* Check the data and build the target t (log y in log space); the start
 * (user values, the model's guess for the rest). fit.c; -1 with err set. */
int fit_check_data(const sx_model *m, const double *const *x, const double *y,
    size_t n, int lg, double *t, sx_err *err);
int fit_start(const sx_model *m, const double *const *x, const double *y,
    size_t n, const sx_fit_opts *o, double *p, sx_err *err);
/* fit_run with bounds or ties: the fit of a law of transformed or fewer
 * parameters, mapped back (fit_reparam.c). */
int fit_run_reparam(const sx_model *m, const double *const *x,
    const double *y, size_t n, const sx_fit_opts *o, sx_fit_result *res,
    sx_err *err);
/* Least squares from one start by GSL's trust-region solver (fit_ls.c):
 * fit_run's path for that case, without the warnings. */
int fit_run_ls(const sx_model *m, const double *const *x, const double *y,
    size_t n, const sx_fit_opts *opts, sx_fit_result *res, sx_err *err);

#endif
