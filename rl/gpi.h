/* gpi.h: generalised policy evaluation and improvement over a base set. */
#ifndef SX_GPI_H
#define SX_GPI_H

#include <stddef.h>

#include "base/err.h"
#include "rl/grid.h"
#include "rl/sf.h"

/*
 * GPE scores every stored policy on a new task at once: Q_i^w(s, a) =
 * w . psi_i(s, a). GPI acts on pi(s) = argmax_a max_i Q_i^w(s, a), ties to
 * the first action of the tie order within 1e-9. Note: GPI's result
 * depends on which of several equally optimal base policies was stored,
 * i.e. on the tie order the base was built with.
 */

/* GPE at one state (or observation, for learned sets): q[i*4 + a] for all
 * n policies and 4 actions. wfull has nphi entries (see grid_task). */
void gpe_q(const sx_grid *g, const sf_base *b, const double *wfull, size_t s,
    double *q);

/* The GPI action at s; qmax (optional, 4 entries) gets max_i Q_i^w(s, .). */
int gpi_act(const sx_grid *g, const sf_base *b, const double *wfull, size_t s,
    const int *tie, double *qmax);

/* The GPI policy at every state / observation (b->nobs entries). For an
 * exact set this uses the per-state values w . psi_i (one pass). */
int gpi_policy(const sx_grid *g, const sf_base *b, const double *wfull,
    const int *tie, unsigned char *pi, sx_err *err);

/* Exact values of a task over all states: each base policy's (GPE), the
 * GPI policy's (exact evaluation) and the optimum, with both policies. */
typedef struct gpi_values {
	size_t n, nstates;
	double *base;            /* n * nstates: V^{pi_i}_w */
	double *gpi;             /* nstates: V^{GPI}_w */
	double *opt;             /* nstates: V*_w */
	unsigned char *pi_gpi;   /* nstates */
	unsigned char *pi_opt;   /* nstates */
	size_t *which;           /* nstates: the base policy GPI follows */
} gpi_values;

/*
 * Compute gpi_values for task wfull with tie order `tie` (for GPI and the
 * optimal policy). Needs an exact base on a tabular grid.
 */
int gpi_values_compute(const sx_grid *g, const sf_base *b, const double *wfull,
    const int *tie, gpi_values **out, sx_err *err);
void gpi_values_free(gpi_values *v);

/*
 * Which base policy GPI follows: at each state (observation, for learned
 * sets; b->nobs entries) who[s] gets the index i (from 0) of the base
 * policy whose Q_i(s, a*) = w . psi_i(s, a*) is the largest at GPI's
 * action a*, i.e. whose action GPI takes; of several within 1e-9 of the
 * largest, the lowest i whose own action at s is a*, else the lowest i
 * (a step into a terminal scores the same for every base policy). share (optional, b->n entries) gets the fraction
 * of states each base policy wins. Exact sets use the same per-state
 * values as gpi_policy, so a* is GPI's action there.
 */
int gpi_which(const sx_grid *g, const sf_base *b, const double *wfull,
    const int *tie, size_t *who, double *share, sx_err *err);
/* share[i] = the fraction of the nobs entries of who equal to i. */
void gpi_which_shares(const size_t *who, size_t nobs, size_t n,
    double *share);

#endif
