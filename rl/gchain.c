/* gchain.c: the arrival chain of a policy and its exact gamma-model. */
#include "config.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "base/xalloc.h"
#include "rl/gchain.h"

int
gchain_init(gchain *ch, const sx_grid *g, const unsigned char *pi,
    sx_err *err)
{
	if (g->kind != GRID_TABULAR)
		return err_set(err, "%s has no exact model", g->name);
	ch->g = g;
	ch->pi = pi;
	ch->nstates = g->nstates;
	ch->n = 2 * g->nstates + (size_t)g->nterm + 1;
	ch->end = ch->n - 1;
	return 0;
}

int
gchain_next(const gchain *ch, size_t x, int a, size_t *next, double *p)
{
	grid_outcome o[GRID_NACT];
	size_t s;
	int n, k;

	if (x >= 2 * ch->nstates) {
		next[0] = ch->end;
		p[0] = 1;
		return 1;
	}
	s = x / 2;
	if (a < 0)
		a = ch->pi[s] % GRID_NACT;
	n = grid_outcomes(ch->g, s, a, o);
	for (k = 0; k < n; k++) {
		p[k] = o[k].p;
		if (o[k].next == GRID_TERMINAL)
			next[k] = 2 * ch->nstates + (size_t)o[k].term;
		else
			next[k] = 2 * o[k].next + (o[k].type >= 0);
	}
	return n;
}

double
gchain_reward(const gchain *ch, size_t x, const double *wfull)
{
	const sx_grid *g = ch->g;

	if (x == ch->end)
		return 0;
	if (x >= 2 * ch->nstates) {
		const double *phi = g->term_phi + (x - 2 * ch->nstates) *
		    (size_t)g->nphi;
		double r = 0;

		for (int k = 0; k < g->nphi; k++)
			r += phi[k] * wfull[k];
		return r;
	}
	if (x % 2 == 1) {
		int pos = g->cell_pos[(x / 2) % (size_t)g->ncell];

		for (int k = 0; k < g->nobj; k++)
			if (g->obj_pos[k] == pos)
				return wfull[g->obj_type[k]];
	}
	return 0;
}

int
gchain_pos(const gchain *ch, size_t x)
{
	if (x == ch->end)
		return -1;
	if (x >= 2 * ch->nstates)
		return ch->g->term_pos[x - 2 * ch->nstates];
	return ch->g->cell_pos[(x / 2) % (size_t)ch->g->ncell];
}

/* A sparse vector: dense values and the list of indices ever touched. */
typedef struct gc_vec {
	double *v;
	size_t *idx;
	unsigned char *on;
	size_t n;
} gc_vec;

static void
gc_add(gc_vec *d, size_t x, double p)
{
	if (!d->on[x]) {
		d->on[x] = 1;
		d->idx[d->n++] = x;
	}
	d->v[x] += p;
}

static void
gc_alloc(gc_vec *d, size_t n)
{
	d->v = xcalloc(n, sizeof(double));
	d->idx = xmalloc(n * sizeof(size_t));
	d->on = xcalloc(n, 1);
	d->n = 0;
}

static void
gc_release(gc_vec *d)
{
	free(d->v);
	free(d->idx);
	free(d->on);
}

void
gchain_mu(const gchain *ch, double gamma, const double *in, int a,
    double *out)
{
	gc_vec cur, nxt, tmp;
	size_t nx[GRID_NACT], x, i;
	double p[GRID_NACT], weight = 1 - gamma;
	int n, k;

	memset(out, 0, ch->n * sizeof *out);
	gc_alloc(&cur, ch->n);
	gc_alloc(&nxt, ch->n);
	/* The first step, with action a: cur = in P_a. */
	for (x = 0; x < ch->n; x++) {
		if (in[x] == 0)
			continue;
		n = gchain_next(ch, x, a, nx, p);
		for (k = 0; k < n; k++)
			if (p[k] > 0)
				gc_add(&cur, nx[k], in[x] * p[k]);
	}
	/* out = (1 - gamma) sum_k gamma^k cur P^k. */
	while (cur.n > 0) {
		double mass = 0;

		for (i = 0; i < cur.n; i++)
			mass += fabs(cur.v[cur.idx[i]]);
		if (weight * mass < 1e-17 * (1 - gamma)) {
			/* What is left stays where it is. */
			for (i = 0; i < cur.n; i++)
				out[cur.idx[i]] += weight / (1 - gamma) *
				    cur.v[cur.idx[i]];
			break;
		}
		for (i = 0; i < cur.n; i++) {
			double v;

			x = cur.idx[i];
			v = cur.v[x];
			cur.v[x] = 0;
			cur.on[x] = 0;
			if (v == 0)
				continue;
			out[x] += weight * v;
			n = gchain_next(ch, x, -1, nx, p);
			for (k = 0; k < n; k++)
				if (p[k] > 0)
					gc_add(&nxt, nx[k], v * p[k]);
		}
		cur.n = 0;
		tmp = cur;
		cur = nxt;
		nxt = tmp;
		weight *= gamma;
	}
	gc_release(&cur);
	gc_release(&nxt);
}

static void
gchain_exact_apply(const void *self, const double *in, int a, double *out)
{
	const gchain_exact *e = self;

	gchain_mu(e->ch, e->gamma, in, a, out);
}

gmodel_op
gchain_exact_op(gchain_exact *e, const gchain *ch, double gamma)
{
	gmodel_op op;

	e->ch = ch;
	e->gamma = gamma;
	op.apply = gchain_exact_apply;
	op.self = e;
	op.gamma = gamma;
	return op;
}

double
gchain_tv(const double *p, const double *q, size_t n)
{
	double d = 0;

	for (size_t i = 0; i < n; i++)
		d += fabs(p[i] - q[i]);
	return d / 2;
}
