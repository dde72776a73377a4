/* gcompose.c: gamma-model values, rollouts to longer horizons, gamma-MVE. */
#include "config.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "base/xalloc.h"
#include "rl/gcompose.h"

static double
gc_dot_reward(const gchain *ch, const double *mu, const double *wfull)
{
	double v = 0;

	for (size_t x = 0; x < ch->n; x++)
		if (mu[x] != 0)
			v += mu[x] * gchain_reward(ch, x, wfull);
	return v;
}

double
gcompose_value(const gmodel_op *op, const gchain *ch, size_t x, int a,
    const double *wfull)
{
	double *in = xcalloc(ch->n, sizeof(double));
	double *mu = xmalloc(ch->n * sizeof(double));
	double v;

	in[x] = 1;
	op->apply(op->self, in, a, mu);
	v = gc_dot_reward(ch, mu, wfull) / (1 - op->gamma);
	free(in);
	free(mu);
	return v;
}

double
gcompose_beta(double gamma, double gamma_t)
{
	return (gamma_t - gamma) / (1 - gamma);
}

double
gcompose_alpha(double gamma, double gamma_t, size_t n)
{
	return (1 - gamma_t) / (1 - gamma) *
	    pow(gcompose_beta(gamma, gamma_t), (double)(n - 1));
}

static int
gc_check(const gmodel_op *op, double gamma_t, sx_err *err)
{
	if (!(gamma_t > op->gamma && gamma_t < 1))
		return err_set(err, "the longer horizon must be in (%g, 1), "
		    "not %g", op->gamma, gamma_t);
	return 0;
}

/* Rollouts: calls each(ctx, n, mu_n) for n = 1..steps. */
static void
gc_rollout(const gmodel_op *op, const gchain *ch, size_t x, int a,
    size_t steps, void (*each)(void *, size_t, const double *), void *ctx)
{
	double *cur = xcalloc(ch->n, sizeof(double));
	double *nxt = xmalloc(ch->n * sizeof(double));

	cur[x] = 1;
	for (size_t k = 1; k <= steps; k++) {
		double *t;

		op->apply(op->self, cur, k == 1 ? a : -1, nxt);
		t = cur;
		cur = nxt;
		nxt = t;
		each(ctx, k, cur);
	}
	free(cur);
	free(nxt);
}

typedef struct gc_sum {
	const gchain *ch;
	double gamma, gamma_t;
	const double *ref, *vtail, *wfull;
	double *out, *tv, *est, acc;
} gc_sum;

static void
gc_sum_step(void *ctx, size_t k, const double *mu)
{
	gc_sum *c = ctx;
	double al = gcompose_alpha(c->gamma, c->gamma_t, k);

	for (size_t x = 0; x < c->ch->n; x++)
		c->out[x] += al * mu[x];
	if (c->ref != NULL)
		c->tv[k - 1] = gchain_tv(c->out, c->ref, c->ch->n);
}

int
gcompose_horizon(const gmodel_op *op, const gchain *ch, size_t x, int a,
    double gamma_t, size_t steps, const double *ref, double *out, double *tv,
    sx_err *err)
{
	gc_sum c;

	if (gc_check(op, gamma_t, err) != 0)
		return -1;
	memset(out, 0, ch->n * sizeof *out);
	memset(&c, 0, sizeof c);
	c.ch = ch;
	c.gamma = op->gamma;
	c.gamma_t = gamma_t;
	c.ref = ref;
	c.out = out;
	c.tv = tv;
	gc_rollout(op, ch, x, a, steps, gc_sum_step, &c);
	return 0;
}

static void
gc_mve_step(void *ctx, size_t k, const double *mu)
{
	gc_sum *c = ctx;
	double tail = 0;

	c->acc += gcompose_alpha(c->gamma, c->gamma_t, k) *
	    gc_dot_reward(c->ch, mu, c->wfull) / (1 - c->gamma_t);
	if (c->vtail != NULL)
		for (size_t x = 0; x < c->ch->n; x++)
			if (mu[x] != 0)
				tail += mu[x] * c->vtail[x];
	c->est[k - 1] = c->acc + pow(gcompose_beta(c->gamma, c->gamma_t),
	    (double)k) * tail;
}

int
gcompose_mve(const gmodel_op *op, const gchain *ch, size_t x, int a,
    double gamma_t, size_t H, const double *vtail, const double *wfull,
    double *est, sx_err *err)
{
	gc_sum c;

	if (gc_check(op, gamma_t, err) != 0)
		return -1;
	memset(&c, 0, sizeof c);
	c.ch = ch;
	c.gamma = op->gamma;
	c.gamma_t = gamma_t;
	c.vtail = vtail;
	c.wfull = wfull;
	c.est = est;
	gc_rollout(op, ch, x, a, H, gc_mve_step, &c);
	return 0;
}
