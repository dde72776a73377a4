/* transfer.c: learning curves of GPI against Q-learning on one task. */
#include "config.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include <gsl/gsl_randist.h>

#include "base/xalloc.h"
#include "rl/gpi.h"
#include "rl/qlearn.h"
#include "rl/rollout.h"
#include "rl/transfer.h"
#include "rl/vi.h"
#include "rl/wlearn.h"

/* The GPI agent that learns w as it goes. The environment's reward comes
 * from wtrue; the agent sees only r and phi. */
typedef struct tr_gpi {
	const sx_grid *g;
	const sf_base *b;
	const double *wtrue;
	wl_stats st;
	double what[GRID_MAX_PHI];   /* full weights from the current estimate */
	int rank;
	double eps;
	double noise;                /* sd of the reward noise */
	const int *tie;
	gsl_rng *rng;
	gsl_rng *nrng;               /* the noise's own draws */
	grid_run run;
} tr_gpi;

/* Re-solve w from the statistics; the unit-goal weight stays 1. */
static void
tr_refit(tr_gpi *t)
{
	double w[GRID_MAX_PHI];
	int k;

	if (t->st.m == 0 || wl_solve(&t->st, w, &t->rank, NULL) != 0)
		return;
	for (k = 0; k < t->g->nw; k++)
		t->what[k] = w[k];
}

/* Samples between two polls of the progress hook (about 0.03 s). */
#define TR_CHUNK 100000

static void
tr_gpi_train(tr_gpi *t, size_t n)
{
	const sx_grid *g = t->g;
	double phi[GRID_MAX_PHI], x[GRID_MAX_PHI], y;
	size_t i;

	for (i = 0; i < n; i++) {
		size_t o = grid_obs(g, &t->run);
		int a, term, k, done, fresh = 0;
		double r = 0;

		if (t->rank == 0 || gsl_rng_uniform(t->rng) < t->eps)
			a = (int)gsl_rng_uniform_int(t->rng, GRID_NACT);
		else
			a = gpi_act(g, t->b, t->what, o, t->tie, NULL);
		done = grid_step(g, &t->run, a, t->rng, phi, &term);
		for (k = 0; k < g->nphi; k++) {
			r += t->wtrue[k] * phi[k];
			fresh |= k < g->nw && phi[k] != 0;
		}
		if (t->noise > 0)
			r += gsl_ran_gaussian(t->nrng, t->noise);
		wl_row(g, phi, r, x, &y);
		wl_add(&t->st, x, y);
		if (done)
			grid_reset(g, &t->run, GRID_TERMINAL, t->rng);
		if (done || (fresh && t->rank == 0))
			tr_refit(t);
	}
}

void
transfer_curve_free(transfer_curve *c)
{
	if (c == NULL)
		return;
	free(c->samples);
	free(c->gpi_zero);
	free(c->gpi_learned);
	free(c->qlearn);
	free(c);
}

int
transfer_run(const sx_grid *g, const sf_base *b, const double *w,
    const transfer_opts *o, transfer_curve **out, sx_err *err)
{
	transfer_opts op = { 0 };
	double wfull[GRID_MAX_PHI];
	ql_opts qo = { 0 };
	ql_agent *q;
	tr_gpi t;
	transfer_curve *c;
	unsigned char *pi;
	size_t j, done = 0, ep;
	int rc = 0;

	if (o != NULL)
		op = *o;
	if (grid_task(g, w, (size_t)g->nw, wfull, err) != 0)
		return -1;
	if (b == NULL || b->nphi != g->nphi || b->nobs != g->nobs)
		return err_set(err, "no base set for grid %s", g->name);
	if (!grid_tie_valid(op.tie))
		return err_set(err, "tie order is not a permutation of 0..3");
	if (op.samples == 0)
		op.samples = 20000;
	if (op.points == 0)
		op.points = 20;
	if (op.samples > 100000000 || op.points > 1000)
		return err_set(err, "at most 100000000 samples and 1000 points");
	if (op.points > op.samples)
		op.points = op.samples;
	if (!(op.epsilon >= 0 && op.epsilon <= 1) ||
	    !(op.alpha >= 0 && op.alpha <= 1))
		return err_set(err, "transfer needs alpha and epsilon in [0, 1]");
	if (!(op.noise >= 0 && op.noise <= 1e6))
		return err_set(err, "transfer needs a reward noise sd in [0, 1e6]");
	ep = op.eval_episodes > 0 ? op.eval_episodes :
	    g->kind == GRID_TABULAR && g->slip == 0 ? 1 : 16;
	qo.samples = op.samples;
	qo.alpha = op.alpha > 0 ? op.alpha : QL_DEFAULT_ALPHA;
	qo.epsilon = op.epsilon > 0 ? op.epsilon : QL_DEFAULT_EPSILON;
	qo.seed = op.seed;
	qo.tie = op.tie;
	if ((q = ql_new(g, wfull, &qo, err)) == NULL)
		return -1;
	memset(&t, 0, sizeof t);
	t.g = g;
	t.b = b;
	t.wtrue = wfull;
	t.eps = qo.epsilon;
	t.tie = op.tie;
	t.rng = grid_rng(op.seed + 1);
	t.noise = op.noise;
	t.nrng = grid_rng(op.seed + 3);
	for (j = (size_t)g->nw; j < (size_t)g->nphi; j++)
		t.what[j] = 1;
	wl_init(&t.st, g->nw);
	grid_reset(g, &t.run, GRID_TERMINAL, t.rng);

	c = xcalloc(1, sizeof *c);
	c->n = op.points;
	c->nw = g->nw;
	c->alpha = qo.alpha;
	c->epsilon = qo.epsilon;
	c->samples = xreallocarray(NULL, c->n, sizeof *c->samples);
	c->gpi_zero = xreallocarray(NULL, c->n, sizeof *c->gpi_zero);
	c->gpi_learned = xreallocarray(NULL, c->n, sizeof *c->gpi_learned);
	c->qlearn = xreallocarray(NULL, c->n, sizeof *c->qlearn);
	pi = xmalloc(g->nobs);
	c->optimal = NAN;
	if (g->kind == GRID_TABULAR) {
		double *V = xmalloc(g->nstates * sizeof *V);

		rc = vi_optimal(g, wfull, op.tie, V, pi, err);
		free(V);
		if (rc == 0)
			c->optimal = rollout_value(g, pi, wfull, ep, op.seed + 2);
	}
	if (rc == 0)
		rc = gpi_policy(g, b, wfull, op.tie, pi, err);
	if (rc == 0) {
		double zero = rollout_value(g, pi, wfull, ep, op.seed + 2);

		for (j = 0; j < c->n; j++)
			c->gpi_zero[j] = zero;
	}
	for (j = 0; rc == 0 && j < c->n; j++) {
		size_t target = op.samples * (j + 1) / c->n;

		/* In chunks, so that Ctrl-C or SIGTERM stops a long stretch
		 * between checkpoints within a second (the same stream of
		 * samples as one call). */
		while (rc == 0 && done < target) {
			size_t k = target - done < TR_CHUNK ? target - done :
			    TR_CHUNK;

			ql_train(q, k);
			tr_gpi_train(&t, k);
			done += k;
			if (done < target && op.progress != NULL &&
			    op.progress(op.ctx, done, op.samples) != 0)
				rc = err_set(err, "cancelled");
		}
		if (rc != 0)
			break;
		c->samples[j] = done;
		ql_policy(q, pi);
		c->qlearn[j] = rollout_value(g, pi, wfull, ep, op.seed + 2);
		if ((rc = gpi_policy(g, b, t.what, op.tie, pi, err)) != 0)
			break;
		c->gpi_learned[j] = rollout_value(g, pi, wfull, ep, op.seed + 2);
		if (op.progress != NULL && op.progress(op.ctx, done,
		    op.samples) != 0)
			rc = err_set(err, "cancelled");
	}
	for (j = 0; j < (size_t)g->nw; j++)
		c->w_learned[j] = t.what[j];
	free(pi);
	ql_free(q);
	gsl_rng_free(t.rng);
	gsl_rng_free(t.nrng);
	if (rc != 0) {
		transfer_curve_free(c);
		return -1;
	}
	*out = c;
	return 0;
}
