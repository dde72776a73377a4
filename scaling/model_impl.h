/* model_impl.h: what the built-in laws' files share (model.c, law_datacon.c):
 * the log-space numerics, Chinchilla's start guess, and the laws kept in
 * files of their own. Not for use outside scaling/'s law files. */
#ifndef SX_MODEL_IMPL_H
#define SX_MODEL_IMPL_H

#include <math.h>
#include <stddef.h>

#include "scaling/model.h"

/* Largest t for which exp(t) and a sum of a few such terms stay finite. */
#define T_DIRECT 700.0
/* Smallest sum formed directly; below it log L comes from log-sum-exp. */
#define L_DIRECT 1e-290

/* log(exp(a) + exp(b)) without overflow. */
static inline double
lse2(double a, double b)
{
	double m = a > b ? a : b;

	if (m == -INFINITY)
		return -INFINITY;
	return m + log1p(exp(-fabs(a - b)));
}

/* log(c + exp(s)) for any real c; NaN when the sum is not positive. */
static inline double
log_add_const(double c, double s)
{
	double r;

	if (c == 0.0)
		return s;
	if (c > 0.0)
		return lse2(log(c), s);
	r = c * exp(-s);
	if (!(r > -1.0))
		return NAN;
	return s + log1p(r);
}

/*
 * f = E + exp(t1) + exp(t2), or log f when lg: formed directly where that
 * is a normal number, else by log-sum-exp. *s gets df/dE (1, or 1/f in
 * logs), *w1 and *w2 the derivatives of f with respect to t1 and t2 (the
 * softmax weights in logs). NaN when the sum is not positive.
 */
static inline double
sum3_eval(double e0, double t1, double t2, int lg, double *s, double *w1,
    double *w2)
{
	double L, v;

	if (!lg) {
		*w1 = exp(t1);
		*w2 = exp(t2);
		*s = 1.0;
		return e0 + *w1 + *w2;
	}
	if (t1 < T_DIRECT && t2 < T_DIRECT &&
	    (L = e0 + exp(t1) + exp(t2)) > L_DIRECT) {
		*s = 1.0 / L;
		*w1 = exp(t1) * *s;
		*w2 = exp(t2) * *s;
		return log(L);
	}
	v = log_add_const(e0, lse2(t1, t2));
	*s = exp(-v);
	*w1 = exp(t1 - v);
	*w2 = exp(t2 - v);
	return v;
}

/*
 * Chinchilla's start (model.c's variable-projection grid) for E, A, alpha,
 * B, beta from columns N and D: p[0..4]. Returns -1 when it cannot.
 */
int model_chin_guess(const double *N, const double *D, const double *y,
    size_t n, double *p);

/* The data-constrained law of Muennighoff et al. 2023 (law_datacon.c). */
int datacon_eval(const sx_model *m, const double *const *x, size_t n,
    const double *p, int lg, double *f, double *J);
int datacon_guess(const sx_model *m, const double *const *x, const double *y,
    size_t n, double *p);

/* A task's error as a law of the loss, Gadre et al. 2024 (law_taskerr.c). */
int taskerr_eval(const sx_model *m, const double *const *x, size_t n,
    const double *p, int lg, double *f, double *J);
int taskerr_guess(const sx_model *m, const double *const *x, const double *y,
    size_t n, double *p);

#endif
