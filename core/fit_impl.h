/* fit_impl.h: what fit.c, huber.c, vp.c, multistart.c, bootstrap.c share. */
#ifndef SX_FIT_IMPL_H
#define SX_FIT_IMPL_H

#include <stddef.h>

#include "core/fit.h"

/*
 * A local problem: minimise sum_i rho(t_i - g_i(p)) over the free
 * parameters, t = log y and g = log L (Huber needs log space), from a given
 * start. delta = INFINITY makes rho = r^2/2 (least squares).
 */
typedef struct fit_prob {
	const sx_model *m;
	const double *const *x;
	const double *t;
	size_t n;
	double delta;
	const unsigned char *fixed;  /* np flags or NULL */
	int maxit;
	struct vp_data *vp;          /* the Chinchilla kernel's data, or NULL */
} fit_prob;

/* Early stop: called after each accepted step with the parameters and the
 * objective; non-zero stops the run (the start fell into a known basin). */
typedef int (*fit_stop_fn)(void *ctx, const double *p, double obj);

/* Result of one local run. */
typedef struct fit_local_out {
	double obj;       /* sum of rho at p; +Inf when not finite */
	int iterations;   /* accepted steps (the cap counts rejected ones too) */
	int converged;
	int stopped;      /* ended by the stop hook */
} fit_local_out;

/* Generic robust Levenberg-Marquardt (huber.c): p (np) updated in place. */
void huber_local(const fit_prob *pr, double *p, fit_stop_fn stop, void *sctx,
    fit_local_out *out);
/* Objective sum rho(t - g(p)); +Inf when the model is not finite. */
double huber_objective(const fit_prob *pr, const double *p);

/* The Chinchilla kernel (vp.c): applies to the chinchilla law in log space
 * with E > 0 wherever E is fixed. */
struct vp_data *vp_new(const fit_prob *pr);
void vp_free(struct vp_data *vp);
/* Local run of the kernel over the free parameters, p in model units. */
void vp_local(const struct vp_data *vp, const unsigned char *fixed,
    double *p, int maxit, fit_stop_fn stop, void *sctx, fit_local_out *out);
/* Variable projection: E, A, B solved at the start's alpha, beta (from the
 * start's E, A, B) before the full run. */
void vp_project(const struct vp_data *vp, const unsigned char *fixed,
    double *p, int maxit, fit_local_out *out);

/* Least-squares seed of E, A, B at the start's alpha, beta (0, or -1 with
 * p untouched). */
int vp_seed(const struct vp_data *vp, const unsigned char *fixed, double *p);

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

/* Covariance of u and cond of J^T J (fit.c), J the n x nf residual
 * Jacobian; returns -1 when singular. */
int fit_cov_from_jac(const double *J, size_t n, size_t nf, double s2,
    double *cu, double *cond);

#endif
