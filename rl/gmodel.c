/* gmodel.c: the tabular gamma-model by sparse propagation of P_pi. */
#include "config.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "base/xalloc.h"
#include "rl/gmodel.h"

/* A sparse distribution: dense values with the list of non-zero states. */
typedef struct gm_dist {
	double *v;
	size_t *idx;
	size_t n;
} gm_dist;

static void
gm_add(gm_dist *d, size_t s, double p)
{
	if (d->v[s] == 0)
		d->idx[d->n++] = s;
	d->v[s] += p;
	if (d->v[s] == 0)	/* keep it listed: mark with a tiny positive */
		d->v[s] = 1e-300;
}

int
gmodel_compute(const sx_grid *g, const unsigned char *pi, size_t s, int a,
    double *mu, sx_err *err)
{
	grid_outcome o[GRID_NACT];
	gm_dist cur, nxt, tmp;
	double weight = 1;   /* gamma^(j-1) for the current step j */
	size_t npos, i, iter;
	int n, k;

	if (g->kind != GRID_TABULAR)
		return err_set(err, "%s has no exact model", g->name);
	if (s >= g->nstates)
		return err_set(err, "state %zu out of range", s);
	if (a < 0 || a >= GRID_NACT)
		return err_set(err, "action %d out of range (0-3)", a);
	npos = (size_t)g->rows * (size_t)g->cols;
	memset(mu, 0, npos * sizeof *mu);
	cur.v = xcalloc(g->nstates, sizeof(double));
	nxt.v = xcalloc(g->nstates, sizeof(double));
	cur.idx = xmalloc(g->nstates * sizeof(size_t));
	nxt.idx = xmalloc(g->nstates * sizeof(size_t));
	cur.n = nxt.n = 0;
	n = grid_outcomes(g, s, a, o);
	for (k = 0; k < n; k++) {
		if (o[k].next == GRID_TERMINAL)
			mu[g->term_pos[o[k].term]] += o[k].p;
		else if (o[k].p > 0)
			gm_add(&cur, o[k].next, o[k].p);
	}
	for (iter = 0; cur.n > 0 && iter < 10000000; iter++) {
		double mass = 0;

		for (i = 0; i < cur.n; i++)
			mass += cur.v[cur.idx[i]];
		if (weight * mass < 1e-17) {
			/* the rest stays where it is */
			for (i = 0; i < cur.n; i++) {
				size_t x = cur.idx[i];

				mu[g->cell_pos[x % (size_t)g->ncell]] +=
				    weight * cur.v[x];
			}
			break;
		}
		for (i = 0; i < cur.n; i++) {
			size_t x = cur.idx[i];
			double p = cur.v[x];

			mu[g->cell_pos[x % (size_t)g->ncell]] +=
			    (1 - g->gamma) * weight * p;
			n = grid_outcomes(g, x, pi[x] % GRID_NACT, o);
			for (k = 0; k < n; k++) {
				if (o[k].p == 0)
					continue;
				if (o[k].next == GRID_TERMINAL)
					mu[g->term_pos[o[k].term]] +=
					    g->gamma * weight * p * o[k].p;
				else
					gm_add(&nxt, o[k].next, p * o[k].p);
			}
			cur.v[x] = 0;
		}
		cur.n = 0;
		tmp = cur;
		cur = nxt;
		nxt = tmp;
		weight *= g->gamma;
	}
	free(cur.v);
	free(nxt.v);
	free(cur.idx);
	free(nxt.idx);
	return 0;
}
