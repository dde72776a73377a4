/* model.h: one interface for built-in and user-defined scaling laws. */
#ifndef SX_MODEL_H
#define SX_MODEL_H

#include <stddef.h>

#include "base/err.h"

typedef struct sx_model sx_model;
/* A fast exact solver for a law's fits (scaling/fit_impl.h). */
typedef struct sx_kernel sx_kernel;

/*
 * Where the parameters of Hoffmann et al. 2022's form L = E + A/N^alpha +
 * B/D^beta sit, for a law of exactly that form with inputs N, D (0, 1) and
 * these five parameters. A law that advertises them gets the closed-form
 * compute-optimal frontier, Hoffmann's 4,500-point start grid and, with
 * the kernel sx_kernel_vp, the exact Newton and variable projection fits.
 */
typedef struct sx_roles {
	size_t E, A, alpha, B, beta;
} sx_roles;

/*
 * Evaluate the law at n points. x[k] is the column for input k (n values).
 * With log == 0, f[i] = L(x_i; p); with log != 0, f[i] = log L(x_i; p),
 * computed without forming L where that would overflow (log-sum-exp for
 * sums of power laws). When J != NULL it receives the derivatives of what
 * f holds with respect to every parameter, n x np row-major. Returns -1
 * when some value is not finite (the fit then shrinks its step).
 */
typedef int (*sx_model_eval_fn)(const sx_model *m, const double *const *x,
    size_t n, const double *p, int log, double *f, double *J);

/*
 * Starting values from data (log-log regression, small grids, ...):
 * fills p[0..np-1]; returns -1 when it cannot.
 */
typedef int (*sx_model_guess_fn)(const sx_model *m, const double *const *x,
    const double *y, size_t n, double *p);

struct sx_model {
	char *name;
	char *formula;        /* human-readable, e.g. "E + A/N^alpha + B/D^beta" */
	char *about;          /* one line: what it is, with citation */
	size_t nin;
	char **inputs;        /* input columns: canonical names ("N", "D"), or
	                         "x" for a law of any one column */
	size_t np;
	char **params;
	unsigned char *positive; /* np flags: parameter is a positive scale
	                            (fitted as its logarithm) */
	sx_model_eval_fn eval;
	sx_model_guess_fn guess; /* may be NULL */
	void *priv;
	void (*priv_free)(void *priv);
	/* What a law advertises (NULL: nothing), read by fit, multistart,
	 * frontier; none of them names a law. */
	const sx_roles *roles;
	const sx_kernel *kernel;   /* its Huber solver, where it applies */
	const unsigned char *reference; /* np flags: a reference point on
	                            input 0, not identifiable beside the other
	                            parameters: the fit holds it at the
	                            smallest value of input 0 in the data
	                            unless it is fixed or given a start */
	const char *doubling;     /* a parameter that is a doubling time (a
	                            halving one when negative), which reports
	                            show as such; NULL when none */
	double *domain;           /* np pairs lo, hi: where each parameter is
	                            physical (model define --domain), or NULL;
	                            a fit that ends outside warns, naming it.
	                            Owned by a user law (model_free) */
};

/* The kernel of the roles' form, for Huber fits in log space (vp.c). */
extern const sx_kernel sx_kernel_vp;

/* Built-in laws: pl, plc, kaplan_nd, kaplan_ns, chinchilla, bnsl1, bnsl2,
 * exptrend (see model.c). */
size_t model_builtin_count(void);
const sx_model *model_builtin_at(size_t i);
const sx_model *model_builtin(const char *name);

/*
 * A user law from an expression. Identifiers listed in `inputs` are input
 * columns; every other identifier is a parameter. Fails on a parse error,
 * on a formula with no parameter, or with no input.
 */
sx_model *model_from_expr(const char *name, const char *text,
    const char *const *inputs, size_t ninputs, sx_err *err);
void model_free(sx_model *m);
/* Index of parameter `name`, or -1. */
int model_param_index(const sx_model *m, const char *name);

#endif
