/* huber.c: the Huber loss and a robust Levenberg-Marquardt for any law. */
#include "config.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "base/xalloc.h"
#include "scaling/fit_impl.h"

/*
 * Huber's rho: r^2/2 for |r| <= delta, delta*(|r| - delta/2) beyond (so
 * the loss is continuous with a continuous derivative). With delta =
 * INFINITY it is r^2/2.
 */
double
fit_huber_rho(double r, double delta)
{
	double a = fabs(r);

	return a <= delta ? 0.5 * r * r : delta * (a - 0.5 * delta);
}

/* What sx_fit_result.objective is the value of, for this loss. */
const char *
fit_objective_formula(enum sx_loss loss, int weighted)
{
	if (loss == SX_LOSS_HUBER)
		return weighted ? "Σwρ(r), ρ = r²/2 for |r| ≤ δ, else δ(|r| − δ/2)" :
		    "Σρ(r), ρ = r²/2 for |r| ≤ δ, else δ(|r| − δ/2)";
	return weighted ? "½Σwr²" : "½Σr²";
}

/* Sum of rho over the residuals at p; +Inf where the law is not finite. */
static double
huber_sum(const fit_prob *pr, const double *p, double *g, double *J)
{
	const sx_model *m = pr->m;
	double F = 0.0;
	size_t i;

	if (m->eval(m, pr->x, pr->n, p, 1, g, J) != 0)
		return INFINITY;
	for (i = 0; i < pr->n; i++)
		F += (pr->w != NULL ? pr->w[i] : 1.0) *
		    fit_huber_rho(pr->t[i] - g[i], pr->delta);
	return isfinite(F) ? F : INFINITY;
}

/* The objective at p, by the kernel that fits this problem. */
double
huber_objective(const fit_prob *pr, const double *p)
{
	double *g = xmalloc((pr->n + 1) * sizeof *g), F;

	F = huber_sum(pr, p, g, NULL);
	free(g);
	return F;
}

/* The generic run's state: the current and the trial point, and log L
 * with its Jacobian at the point evaluated last. */
typedef struct hub_run {
	const fit_prob *pr;
	double *p, *pn, *g, *J, *ju;
	size_t *idx, nf;
	fit_stop_fn stop;
	void *sctx;
} hub_run;

/*
 * gr = -J_u^T w psi, H = J_u^T W J_u at the current point (w the row
 * weights, in W too), in u (the logs of positive scales): g and J hold it (the start, or the trial just
 * accepted).
 */
static void
hub_derive(void *ctx, double *gr, double *H)
{
	hub_run *c = ctx;
	const fit_prob *pr = c->pr;
	const sx_model *m = pr->m;
	size_t i, k, l, nf = c->nf, np = m->np;

	memset(gr, 0, nf * sizeof *gr);
	memset(H, 0, nf * nf * sizeof *H);
	for (i = 0; i < pr->n; i++) {
		double r = pr->t[i] - c->g[i], ar = fabs(r), psi, w;
		double rw = pr->w != NULL ? pr->w[i] : 1.0;
		double *ju = c->ju;

		psi = rw * (ar <= pr->delta ? r : (r > 0 ? pr->delta : -pr->delta));
		w = rw * (ar <= pr->delta ? 1.0 : pr->delta / ar);
		for (k = 0; k < nf; k++) {
			size_t jj = c->idx[k];

			ju[k] = c->J[i * np + jj] * (m->positive[jj] ? c->p[jj] : 1.0);
			gr[k] -= psi * ju[k];
		}
		for (k = 0; k < nf; k++)
			for (l = k; l < nf; l++)
				H[k * nf + l] += w * ju[k] * ju[l];
	}
	for (k = 0; k < nf; k++)
		for (l = 0; l < k; l++)
			H[k * nf + l] = H[l * nf + k];
}

/* The trial point: positive scales multiplied by exp(s), others moved. */
static double
hub_trial(void *ctx, const double *s)
{
	hub_run *c = ctx;
	const sx_model *m = c->pr->m;
	size_t k;

	memcpy(c->pn, c->p, m->np * sizeof *c->pn);
	for (k = 0; k < c->nf; k++) {
		size_t jj = c->idx[k];

		if (m->positive[jj])
			c->pn[jj] = c->p[jj] * exp(s[k]);
		else
			c->pn[jj] = c->p[jj] + s[k];
	}
	return huber_sum(c->pr, c->pn, c->g, c->J);
}

static void
hub_accept(void *ctx)
{
	hub_run *c = ctx;

	memcpy(c->p, c->pn, c->pr->m->np * sizeof *c->p);
}

static double
hub_var(void *ctx, size_t k)
{
	hub_run *c = ctx;
	size_t jj = c->idx[k];

	return c->pr->m->positive[jj] ? log(c->p[jj]) : c->p[jj];
}

static int
hub_stop(void *ctx, double F)
{
	hub_run *c = ctx;

	return c->stop(c->sctx, c->p, F);
}

/*
 * Iteratively reweighted Levenberg-Marquardt. In u (log of positive
 * scales, the others as they are) with the residual Jacobian J, each step
 * solves (J^T W J + mu diag) s = J^T psi(r), W = psi(r)/r: the weights of
 * Huber's quadratic majoriser (1 inside delta, delta/|r| outside), so the
 * model never overestimates the decrease by much; least squares has W = 1
 * and this is plain LM. Steps are accepted on the true objective (lm.c).
 */
void
huber_local(const fit_prob *pr, double *p, fit_stop_fn stop, void *sctx,
    fit_local_out *out)
{
	size_t n = pr->n, np = pr->m->np, j;
	hub_run c = { pr, p, NULL, NULL, NULL, NULL, NULL, 0, stop, sctx };
	lm_ops ops = { 0, LM_LU, hub_derive, hub_trial, hub_accept, hub_var,
	    stop != NULL ? hub_stop : NULL };

	c.idx = xmalloc((np + 1) * sizeof *c.idx);
	c.g = xmalloc((n + 1) * sizeof *c.g);
	c.J = xmalloc((n * np + 1) * sizeof *c.J);
	c.pn = xmalloc((np + 1) * sizeof *c.pn);
	c.ju = xmalloc((np + 1) * sizeof *c.ju);
	for (j = 0; j < np; j++)
		if (pr->fixed == NULL || !pr->fixed[j])
			c.idx[c.nf++] = j;
	ops.k = c.nf;
	lm_run(&ops, &c, huber_sum(pr, p, c.g, c.J), pr->maxit, out);
	free(c.idx);
	free(c.g);
	free(c.J);
	free(c.pn);
	free(c.ju);
}

/* Local run: the law's kernel where it applies, else the generic. */
void
fit_local(const fit_prob *pr, double *p, fit_stop_fn stop, void *sctx,
    fit_local_out *out)
{
	if (pr->kern != NULL && pr->kern->domain(pr->kd, p))
		pr->kern->local(pr->kd, pr->fixed, p, pr->maxit, stop, sctx, out);
	else
		huber_local(pr, p, stop, sctx, out);
}
