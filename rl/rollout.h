/* rollout.h: running a policy through episodes, recording the path. */
#ifndef SX_ROLLOUT_H
#define SX_ROLLOUT_H

#include <stddef.h>

#include "base/err.h"
#include "rl/grid.h"

/*
 * A recorded episode. pos[0] is the start position, pos[t+1] where the
 * agent is after step t (r*cols + c; on reaching a terminal, its cell).
 * event[t]: -1 nothing, k >= 0 an object of feature k collected, -2 - t
 * terminal t entered. ret is the discounted return sum gamma^t r_t,
 * total the undiscounted sum.
 */
typedef struct rl_path {
	size_t len;
	int *pos;
	int *act;
	int *event;
	double *reward;
	double ret, total;
	int terminal;      /* ended at a terminal (else time ran out) */
} rl_path;

/*
 * One episode of policy pi (an action per observation: grid_obs) on task
 * wfull, at most `steps` steps (<= 0: the grid's horizon), from tabular
 * state `start` (GRID_TERMINAL: the start state), randomness from `seed`
 * (slip, foraging layout). Fills *out (free with rollout_path_free).
 */
int rollout_run(const sx_grid *g, const unsigned char *pi,
    const double *wfull, int steps, size_t start, unsigned long seed,
    rl_path *out, sx_err *err);
void rollout_path_free(rl_path *p);

/* Mean discounted return over `episodes` episodes (seeds seed, seed+1, ...)
 * of horizon length from the start. */
double rollout_value(const sx_grid *g, const unsigned char *pi,
    const double *wfull, size_t episodes, unsigned long seed);

#endif
