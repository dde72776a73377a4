/* wlearn.h: task weights w regressed from observed (phi, r) transitions. */
#ifndef SX_WLEARN_H
#define SX_WLEARN_H

#include <stddef.h>

#include "base/err.h"
#include "rl/grid.h"

/*
 * Least squares r ~ w . phi by running sufficient statistics (X'X, X'y),
 * solved by SVD with singular values below 1e-10 of the largest dropped:
 * features never observed get weight 0 (the minimum-norm solution).
 */
typedef struct wl_stats {
	int d;
	size_t m;
	double xtx[GRID_MAX_PHI * GRID_MAX_PHI];
	double xty[GRID_MAX_PHI];
	double yy;
} wl_stats;

/* Start statistics for d features (1 <= d <= GRID_MAX_PHI). */
void wl_init(wl_stats *st, int d);
/* Add one observation x[d], y. */
void wl_add(wl_stats *st, const double *x, double y);
/* Solve into w[d]; rank (optional) gets the numerical rank. Fails with no
 * observations. */
int wl_solve(const wl_stats *st, double *w, int *rank, sx_err *err);

/*
 * Map a transition of a grid to a regression row: x = the nw task features,
 * y = r minus the fixed unit-goal part. Returns nw.
 */
int wl_row(const sx_grid *g, const double *phi, double r, double *x,
    double *y);

/* Result of wl_learn. */
typedef struct wl_result {
	int nw;
	double w[GRID_MAX_W];      /* regressed user weights */
	size_t samples;
	size_t seen[GRID_MAX_W];   /* transitions where feature k was non-zero */
	int rank;
	double rmse;               /* residual root mean square */
} wl_result;

/*
 * Observe `samples` transitions of a uniformly random policy on the task
 * with user weights wtrue (rewards plus Gaussian noise of sd `noise`), and
 * regress w. Deterministic given seed. Fails on bad weights or options.
 */
int wl_learn(const sx_grid *g, const double *wtrue, size_t samples,
    double noise, unsigned long seed, wl_result *out, sx_err *err);

#endif
