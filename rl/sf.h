/* sf.h: successor features of stored policies, exact and learned by TD. */
#ifndef SX_SF_H
#define SX_SF_H

#include <stddef.h>

#include "base/err.h"
#include "rl/grid.h"
#include "rl/qlearn.h"

/*
 * The check of learned successor features against the policies followed
 * (sf_base_check), n * nphi each: at the start, the mean learned
 * psi_i(s0, pi_i(s0)) (td) against the mean discounted feature sums (mc,
 * standard error se); along the policy's own visits, the mean of
 * psi_i(o_t, pi_i(o_t)) minus the discounted feature sum from t on
 * (along).
 */
typedef struct sf_check {
	double *td, *mc, *se, *along;
} sf_check;

/*
 * A set of stored base policies with their successor features. Exact sets
 * (tabular grids) keep psi^pi_i(s) per state and form psi_i(s, a) by one
 * lookahead; learned sets (any grid, and the only kind for foraging) keep
 * TD-learned tables psi_i(o, a) over observations. Immutable once built.
 */
typedef struct sf_base {
	size_t n;            /* policies */
	int nw, nphi;
	int learned;         /* 0 exact, 1 learned tables */
	size_t nobs;         /* exact: nstates; learned: observations */
	double *w;           /* n * nw: the task each policy was made for */
	unsigned char *pi;   /* n * nobs actions */
	double *psi;         /* exact: n*nobs*nphi; learned: n*nobs*4*nphi */
	int tie[GRID_NACT];  /* tie order the policies were made with */
	/* Learned sets: how each was trained, and the check of its psi
	 * against the policy it stores (see sf_base_check), n * nphi each. */
	size_t q_samples, td_episodes, check_episodes;
	double q_alpha, q_epsilon, td_alpha, td_epsilon;
	sf_check check;
} sf_base;

/*
 * Exact base: for each of the n tasks ws[i*nw ..] (user weights), the
 * optimal policy (tie order `tie`, NULL = LEFT UP RIGHT DOWN) and its exact
 * successor features. Fails on a foraging grid, bad weights, n == 0.
 */
int sf_base_exact(const sx_grid *g, const double *ws, size_t n,
    const int *tie, sf_base **out, sx_err *err);

/* Episodes of TD learning (each at most the grid's horizon) by default. */
#define SF_TD_DEFAULT_EPISODES 5000

/* Options for TD learning of psi. Zero fields take the defaults noted. */
typedef struct sf_td_opts {
	size_t episodes;     /* SF_TD_DEFAULT_EPISODES */
	double alpha;        /* step size, 0.1 */
	double epsilon;      /* behaviour: random action with this probability,
	                        0 means 0.1; a negative value means none */
	int explore_starts;  /* tabular: start at a uniformly random state with
	                        a random first action */
	unsigned long seed;
	rl_progress progress; /* called after each episode; may cancel */
	void *ctx;
} sf_td_opts;

/*
 * TD(0) for the successor features of policy pi (an action per
 * observation): psi(o,a) += alpha (phi + gamma psi(o', pi(o')) - psi(o,a)),
 * the bootstrap dropped at a terminal. Allocates the nobs*4*nphi table
 * into *out (untouched on failure). Fails on cancel ("cancelled") or bad
 * options.
 */
int sf_td(const sx_grid *g, const unsigned char *pi, const sf_td_opts *o,
    double **out, sx_err *err);

/* Episodes of the check of a learned base. */
#define SF_CHECK_EPISODES 256

/*
 * Learned base: for each task, Q-learning (qo) gives a greedy policy and
 * TD (to) its successor features; then sf_base_check over
 * SF_CHECK_EPISODES episodes (seeded by to->seed) fills b->check.
 * Progress runs over all n tasks.
 */
int sf_base_learn(const sx_grid *g, const double *ws, size_t n,
    const ql_opts *qo, const sf_td_opts *to, const int *tie, sf_base **out,
    sx_err *err);

/*
 * Check learned successor features against the policy actually followed:
 * for each policy i, `episodes` episodes of pi_i from the start (seeds
 * seed, seed + 1, ...: a fresh layout each on foraging), run for twice
 * the horizon so that the discounted feature sum from each of the first
 * horizon steps is complete. Fills out's arrays (n * nphi, allocated by
 * the caller; see sf_check). td - mc is the error at the start, a lower
 * bound on the largest error over all observations and actions.
 */
int sf_base_check(const sx_grid *g, const sf_base *b, size_t episodes,
    unsigned long seed, sf_check *out, sx_err *err);

/* A learned base's error at the start for policy i: the largest
 * |check.td - check.mc| over the features (0 for an exact base). */
double sf_base_error(const sf_base *b, size_t i);

/*
 * The options 'sf base' learns with (foraging): Q-learning from 10^6
 * transitions with step size 0.02 (epsilon 0.1, random ties), long and
 * slow enough that each policy is good at its own task on every seed;
 * then TD over 10^4 episodes with step size 0.03 following the policy
 * (no exploration), so that psi_i is learned on the states pi_i visits.
 * With exploration the estimates of actions the policy does not take were
 * noisy enough that GPI chased them below the base policies on their own
 * tasks. seed seeds both.
 */
void sf_base_learn_opts(ql_opts *q, sf_td_opts *t, unsigned long seed);

void sf_base_free(sf_base *b);

/* psi_i(s, a) into out[nphi] (s a state for exact sets, an observation for
 * learned ones). */
void sf_base_psi(const sx_grid *g, const sf_base *b, size_t i, size_t s,
    int a, double *out);

#endif
