/* transfer.h: return against samples for GPI (zero-shot and with learned w)
 * and for Q-learning from scratch, as in Barreto et al. (PNAS 2020). */
#ifndef SX_TRANSFER_H
#define SX_TRANSFER_H

#include <stddef.h>

#include "base/err.h"
#include "rl/grid.h"
#include "rl/qlearn.h"
#include "rl/sf.h"

/* Options; zero fields take the defaults noted. */
typedef struct transfer_opts {
	size_t samples;        /* transitions per learner */
	size_t points;         /* checkpoints on the curve (max 1000) */
	double alpha;          /* Q-learning step size, QL_DEFAULT_ALPHA */
	double epsilon;        /* exploration of both learners,
	                          QL_DEFAULT_EPSILON */
	size_t eval_episodes;  /* rollouts per checkpoint; 0: 1 for a
	                          deterministic tabular grid, else 16 */
	unsigned long seed;
	double noise;          /* sd of Gaussian noise on the rewards the GPI
	                          agent fits w to (>= 0; its own generator,
	                          seeded from seed) */
	const int *tie;        /* tie order of the optimum and of GPI (NULL =
	                          LEFT UP RIGHT DOWN); Q-learning's ties are
	                          random (seeded) when NULL, else this order */
	rl_progress progress;  /* called at each checkpoint; may cancel */
	void *ctx;
} transfer_opts;

/*
 * The curves. At checkpoint j after samples[j] transitions: gpi_zero is
 * GPI told the true w (flat), gpi_learned GPI with w regressed from the
 * transitions its own epsilon-greedy GPI agent has seen so far (uniformly
 * random actions until some feature has been observed), qlearn the greedy
 * policy of Q-learning from scratch on the same number of transitions.
 * Each is the mean discounted return of the greedy policy from the start
 * over eval_episodes rollouts of the grid's horizon. optimal is the same
 * measure for the optimal policy (NaN without an exact model).
 */
typedef struct transfer_curve {
	size_t n;
	size_t *samples;
	double *gpi_zero, *gpi_learned, *qlearn;
	double optimal;
	double alpha, epsilon;         /* the learners' step size, exploration */
	int nw;
	double w_learned[GRID_MAX_W];  /* the final regressed w */
} transfer_curve;

/* Run it for user weights w (g->nw) with base b. Fails on bad weights or
 * options, or "cancelled". */
int transfer_run(const sx_grid *g, const sf_base *b, const double *w,
    const transfer_opts *o, transfer_curve **out, sx_err *err);
void transfer_curve_free(transfer_curve *c);

#endif
