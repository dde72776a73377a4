/* rollout.c: episodes of a fixed policy, recorded or averaged. */
#include "config.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "base/xalloc.h"
#include "rl/rollout.h"

void
rollout_path_free(rl_path *p)
{
	if (p == NULL)
		return;
	free(p->pos);
	free(p->act);
	free(p->event);
	free(p->reward);
	memset(p, 0, sizeof *p);
}

/* What a step's phi and terminal flag say happened (see rl_path.event). */
static int
rollout_event(const sx_grid *g, const grid_run *run, const double *phi,
    int term)
{
	int k;

	if (term && g->kind == GRID_TABULAR)
		return g->pos_cell[run->pos];	/* -2 - t */
	for (k = 0; k < g->nphi; k++)
		if (phi[k] != 0)
			return k;
	return -1;
}

int
rollout_run(const sx_grid *g, const unsigned char *pi, const double *wfull,
    int steps, size_t start, unsigned long seed, rl_path *out, sx_err *err)
{
	double phi[GRID_MAX_PHI], disc = 1;
	gsl_rng *rng;
	grid_run run;
	sx_grid h;
	size_t cap;
	int k;

	if (g->kind == GRID_TABULAR && start != GRID_TERMINAL &&
	    start >= g->nstates)
		return err_set(err, "start state %zu out of range", start);
	if (steps > 1000000)
		return err_set(err, "at most 1000000 steps");
	h = *g;
	if (steps > 0)
		h.horizon = steps;
	cap = (size_t)h.horizon;
	memset(out, 0, sizeof *out);
	out->pos = xreallocarray(NULL, cap + 1, sizeof *out->pos);
	out->act = xreallocarray(NULL, cap, sizeof *out->act);
	out->event = xreallocarray(NULL, cap, sizeof *out->event);
	out->reward = xreallocarray(NULL, cap, sizeof *out->reward);
	rng = grid_rng(seed);
	grid_reset(&h, &run, start, rng);
	out->pos[0] = run.pos;
	while (!run.done) {
		int a = pi[grid_obs(&h, &run)] % GRID_NACT, term;
		double r = 0;

		grid_step(&h, &run, a, rng, phi, &term);
		for (k = 0; k < h.nphi; k++)
			r += wfull[k] * phi[k];
		out->act[out->len] = a;
		out->event[out->len] = rollout_event(&h, &run, phi, term);
		out->reward[out->len] = r;
		out->pos[++out->len] = run.pos;
		out->ret += disc * r;
		out->total += r;
		disc *= h.gamma;
		out->terminal = term;
	}
	gsl_rng_free(rng);
	return 0;
}

double
rollout_value(const sx_grid *g, const unsigned char *pi, const double *wfull,
    size_t episodes, unsigned long seed)
{
	double sum = 0;
	size_t e;

	for (e = 0; e < episodes; e++) {
		rl_path p;

		if (rollout_run(g, pi, wfull, 0, GRID_TERMINAL, seed + e, &p,
		    NULL) != 0)
			return NAN;
		sum += p.ret;
		rollout_path_free(&p);
	}
	return episodes > 0 ? sum / (double)episodes : NAN;
}
