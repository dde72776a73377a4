/* gchain.h: the arrival chain a gamma-model predicts, and its exact mu. */
#ifndef SX_GCHAIN_H
#define SX_GCHAIN_H

#include <stddef.h>

#include "base/err.h"
#include "rl/grid.h"

/*
 * A gamma-model (Janner et al. 2020) predicts states, and the value it gives
 * is that of a reward on states: V = E_{s_e ~ mu}[r(s_e)] / (1 - gamma). The
 * grid's reward w . phi(s, a, s') is made a function of one state by
 * following the Markov chain of *arrivals* under a policy pi:
 *
 *   x = 2 s     arrived in tabular state s collecting nothing,
 *   x = 2 s + 1 arrived in s collecting the object of s's cell,
 *   x = 2 n + t arrived in terminal t (n = nstates),
 *   x = 2 n + nterm  END: after the episode ended (absorbing, reward 0).
 *
 * r(x) is then w . phi of the arrival, and for any policy
 * Q^pi(s, a) = sum_x mu_gamma(x | 2 s, a) r(x) / (1 - gamma), where
 * mu_gamma(. | x, a) = (1 - gamma) sum_{k >= 1} gamma^(k-1) P(x_k | x_0 = x,
 * first action a, then pi) is the paper's gamma-model (Delta t >= 1).
 */

typedef struct gchain {
	const sx_grid *g;
	const unsigned char *pi;  /* nstates actions, borrowed */
	size_t nstates;
	size_t n;                 /* chain states, END included */
	size_t end;               /* the END state (n - 1) */
} gchain;

/* Fails on a foraging grid. */
int gchain_init(gchain *ch, const sx_grid *g, const unsigned char *pi,
    sx_err *err);

/* Successors of x taking action a (a < 0: the policy's): up to 4 (next,
 * probability) pairs; returns their number. END and terminals go to END. */
int gchain_next(const gchain *ch, size_t x, int a, size_t *next, double *p);

/* r(x) = w . phi of the arrival x for the full task wfull (nphi). */
double gchain_reward(const gchain *ch, size_t x, const double *wfull);

/* The grid position of x (r*cols + c), -1 for END. */
int gchain_pos(const gchain *ch, size_t x);

/*
 * The exact gamma-model applied to a distribution: out = sum_x in[x]
 * mu_gamma(. | x, a) (both of length n; a < 0: the policy's action at every
 * x). Truncated once gamma^k times the mass left is below 1e-17. `in` and
 * `out` must differ.
 */
void gchain_mu(const gchain *ch, double gamma, const double *in, int a,
    double *out);

/* A model as an operator: out = in . mu (as gchain_mu), for exact or
 * learned models. */
typedef struct gmodel_op {
	void (*apply)(const void *self, const double *in, int a, double *out);
	const void *self;
	double gamma;
} gmodel_op;

/* The exact model of ch at gamma as an operator (ch must outlive it). */
typedef struct gchain_exact {
	const gchain *ch;
	double gamma;
} gchain_exact;
gmodel_op gchain_exact_op(gchain_exact *e, const gchain *ch, double gamma);

/* Total variation 0.5 sum |p - q| over n states. */
double gchain_tv(const double *p, const double *q, size_t n);

#endif
