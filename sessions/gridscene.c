/* gridscene.c: the gridworld pane's scene: rollout, arrows and values. */
#include "config.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include <gsl/gsl_rng.h>

#include "base/xalloc.h"
#include "sessions/gridscene.h"

/* The base holds exact policies of this tabular world. */
static int
scene_has_policy(const sx_workspace *ws)
{
	return ws->grid != NULL && ws->base != NULL && ws->base->n > 0 &&
	    !ws->base->learned && ws->grid->kind == GRID_TABULAR &&
	    ws->base->nobs == ws->grid->nstates;
}

/* Replay `steps` steps of policy i from the start (seed 1) into run. */
static void
scene_rollout(const sx_workspace *ws, size_t i, int steps, grid_run *run)
{
	const sx_grid *g = ws->grid;
	gsl_rng *rng = grid_rng(1);
	double phi[GRID_MAX_PHI];
	int term;

	grid_reset(g, run, GRID_TERMINAL, rng);
	for (int k = 0; k < steps && !run->done; k++) {
		int a = ws->base->pi[i * ws->base->nobs + run->state];

		grid_step(g, run, a, rng, phi, &term);
	}
	gsl_rng_free(rng);
}

/* psi_i(s) . w */
static double
scene_value(const sf_base *b, size_t i, size_t s, const double *w)
{
	const double *psi = &b->psi[(i * b->nobs + s) * (size_t)b->nphi];
	double v = 0;

	for (int k = 0; k < b->nphi; k++)
		v += psi[k] * w[k];
	return v;
}

void
gridscene_make(const sx_workspace *ws, size_t sel, int steps, int values,
    gridscene *sc)
{
	const sx_grid *g = ws->grid;
	const sf_base *b = ws->base;
	size_t ncells = (size_t)g->rows * (size_t)g->cols;
	double w[GRID_MAX_PHI];

	memset(sc, 0, sizeof *sc);
	sc->npolicies = 1;
	sc->vlo = INFINITY;
	sc->vhi = -INFINITY;
	sc->run.pos = g->start;
	if (!scene_has_policy(ws))
		return;
	sc->policy = 1;
	sc->npolicies = gridscene_npolicies(ws);
	sc->sel = sel < b->n ? sel : 0;
	scene_rollout(ws, sc->sel, steps, &sc->run);
	sc->values = values && grid_task(g, &b->w[sc->sel * (size_t)b->nw],
	    (size_t)b->nw, w, NULL) == 0;
	sc->act = xcalloc(ncells, sizeof *sc->act);
	sc->value = xcalloc(ncells, sizeof *sc->value);
	for (size_t cell = 0; cell < ncells; cell++) {
		int r = (int)(cell / (size_t)g->cols), c = (int)(cell %
		    (size_t)g->cols);
		char ch = g->map[cell];
		size_t s = grid_state(g, r, c, sc->run.collected, NULL);
		int free_cell = s != GRID_TERMINAL && (ch == '.' || ch == 'S' ||
		    ch == ' ');
		double v = NAN;

		if (sc->values && s != GRID_TERMINAL) {
			v = scene_value(b, sc->sel, s, w);
			sc->vlo = fmin(sc->vlo, v);
			sc->vhi = fmax(sc->vhi, v);
		}
		sc->act[cell] = free_cell ?
		    (signed char)b->pi[sc->sel * b->nobs + s] : -1;
		sc->value[cell] = free_cell ? v : NAN;
	}
}

void
gridscene_free(gridscene *sc)
{
	free(sc->act);
	free(sc->value);
	sc->act = NULL;
	sc->value = NULL;
}

size_t
gridscene_npolicies(const sx_workspace *ws)
{
	return scene_has_policy(ws) ? ws->base->n : 1;
}
