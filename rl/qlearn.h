/* qlearn.h: tabular Q-learning from scratch, the transfer baseline. */
#ifndef SX_QLEARN_H
#define SX_QLEARN_H

#include <stddef.h>

#include "base/err.h"
#include "rl/grid.h"

/* Transitions a learner sees unless told otherwise. */
#define QL_DEFAULT_SAMPLES 100000
/* Step size and exploration unless told otherwise. */
#define QL_DEFAULT_ALPHA 0.1
#define QL_DEFAULT_EPSILON 0.1

/* Options; zero fields take the defaults noted. */
typedef struct ql_opts {
	size_t samples;      /* transitions to learn from, QL_DEFAULT_SAMPLES */
	double alpha;        /* step size, QL_DEFAULT_ALPHA */
	double epsilon;      /* epsilon-greedy exploration, QL_DEFAULT_EPSILON
	                        (negative: 0) */
	unsigned long seed;
	const int *tie;      /* greedy tie order; NULL: ties broken uniformly
	                        at random (seeded) */
	rl_progress progress; /* called every 1000 samples; may cancel */
	void *ctx;
} ql_opts;

/*
 * A learner that can be advanced in steps (transfer uses this). Episodes
 * start at the grid's start (a fresh layout for foraging) and last at most
 * the grid's horizon; Q(o, a) lives in a nobs * 4 table, zero at first.
 * Behaviour: a uniformly random action with probability epsilon, else a
 * greedy one; the update is Q(o,a) += alpha (r + gamma max_a' Q(o',a') -
 * Q(o,a)), without the bootstrap at a terminal.
 */
typedef struct ql_agent {
	const sx_grid *g;
	double w[GRID_MAX_PHI];
	double *Q;
	double alpha, epsilon;
	int tie[GRID_NACT];
	int tie_random;      /* ties broken at random (no tie order given) */
	unsigned long seed;
	gsl_rng *rng;
	grid_run run;
	size_t samples;      /* transitions seen so far */
} ql_agent;

/* A new agent on task wfull (nphi). Fails on bad options. */
ql_agent *ql_new(const sx_grid *g, const double *wfull, const ql_opts *o,
    sx_err *err);
/* Learn from n more transitions. */
void ql_train(ql_agent *q, size_t n);
/* Its greedy policy (nobs actions); with random tie-breaking the ties
 * are drawn from a generator seeded by the agent's seed afresh at each
 * call, so the policy is a function of Q and the seed. */
void ql_policy(const ql_agent *q, unsigned char *pi);
void ql_free(ql_agent *q);

/*
 * Q-learning for o->samples transitions; the Q table (nobs*4) into *Q and,
 * when pi != NULL, the greedy policy into pi (nobs). Fails with
 * "cancelled" when progress returns non-zero (outputs untouched).
 */
int ql_learn(const sx_grid *g, const double *wfull, const ql_opts *o,
    double **Q, unsigned char *pi, sx_err *err);

#endif
