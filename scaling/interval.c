/* interval.c: predictions of a fitted law with their intervals: the delta
 * method from the fit's covariance, percentiles of the bootstrap
 * replicates, and both at the compute-optimal allocation of a budget. */
#include "config.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include <gsl/gsl_cdf.h>

#include "base/xalloc.h"
#include "scaling/frontier.h"
#include "scaling/interval.h"
#include "scaling/quantile.h"

size_t
interval_free_params(const sx_fit_result *r)
{
	size_t nf = 0;

	for (size_t j = 0; j < r->np; j++)
		nf += r->cov == NULL || r->cov[j * r->np + j] != 0.0;
	return nf;
}

/* What the fit's space holds at x under parameters p: L or log L, and its
 * gradient in J (np values) when J is not NULL. -1 when not finite. */
static int
iv_eval(const sx_model *m, enum sx_space space, const double *x,
    const double *p, double *f, double *J)
{
	const double **xs = xmalloc((m->nin + 1) * sizeof *xs);
	int rc;

	for (size_t k = 0; k < m->nin; k++)
		xs[k] = &x[k];
	rc = m->eval(m, xs, 1, p, space == SX_SPACE_LOG, f, J);
	free(xs);
	return rc != 0 || !isfinite(*f) ? -1 : 0;
}

/* From the fit's space to L's units. */
static double
iv_back(enum sx_space space, double f)
{
	return space == SX_SPACE_LOG ? exp(f) : f;
}

/*
 * The central interval at level of the mixture (1/B) sum_b T((z - g_b)/s),
 * T the t distribution with dof degrees of freedom: the bootstrap's
 * spread of the mean with a new run's noise on top. Bisection on each
 * tail's equation F(z) = alpha, bracketed by the replicates' range
 * widened by 60 scales (F there is within 1e-12 of 0 and 1 for dof >= 1
 * ... nearly: the loop stops at the bracket when it is not).
 */
static void
iv_mixture(const double *g, size_t B, double s, double dof, double level,
    double *lo, double *hi)
{
	double gmin = INFINITY, gmax = -INFINITY, target[2], *outv[2] = { lo, hi };

	for (size_t b = 0; b < B; b++) {
		gmin = fmin(gmin, g[b]);
		gmax = fmax(gmax, g[b]);
	}
	target[0] = 0.5 * (1.0 - level);
	target[1] = 0.5 * (1.0 + level);
	for (int t = 0; t < 2; t++) {
		double a = gmin - 1e6 * s, c = gmax + 1e6 * s;

		for (int it = 0; it < 200; it++) {
			double z = 0.5 * (a + c), F = 0.0;

			for (size_t b = 0; b < B; b++)
				F += gsl_cdf_tdist_P((z - g[b]) / s, dof);
			if (F / (double)B < target[t])
				a = z;
			else
				c = z;
			if (c - a <= 1e-13 * fmax(1.0, fabs(z)))
				break;
		}
		*outv[t] = 0.5 * (a + c);
	}
}

/* The bootstrap interval of values g[0..n-1] in the fit's space, into
 * L's units: percentiles, or the mixture with the noise for a new run. */
static void
iv_boot_interval(double *g, size_t n, const sx_prediction *pr, double *lo,
    double *hi)
{
	double a, b;

	if (pr->kind == SX_INTERVAL_PREDICTION && pr->scale > 0.0)
		iv_mixture(g, n, pr->scale, pr->dof, pr->level, &a, &b);
	else
		quantile_interval(g, n, pr->level, &a, &b);
	*lo = iv_back(pr->space, a);
	*hi = iv_back(pr->space, b);
}

/* The value at x and its delta-method interval; out's bootstrap and
 * optimum members are cleared. */
static int
iv_delta(const sx_model *m, const sx_fit_result *r, enum sx_space space,
    const double *x, double level, enum sx_interval_kind kind,
    sx_prediction *out, sx_err *err)
{
	size_t np = m->np, nf = interval_free_params(r);
	double *J, f, var = 0.0, half;

	if (!(level > 0.0 && level < 1.0))
		return err_set(err, "the level must be between 0 and 1 (not %g)",
		    level);
	if (r->n <= nf)
		return err_set(err, "no interval: %zu rows for %zu free parameters "
		    "leave no residual degree of freedom", r->n, nf);
	J = xmalloc((np + 1) * sizeof *J);
	if (iv_eval(m, space, x, r->p, &f, J) != 0) {
		free(J);
		return err_set(err, "the law is not %s there", space == SX_SPACE_LOG ?
		    "finite and positive" : "finite");
	}
	*out = (sx_prediction){ .kind = kind, .space = space, .level = level };
	out->y = iv_back(space, f);
	out->dof = (double)(r->n - nf);
	out->q = gsl_cdf_tdist_Pinv(0.5 * (1.0 + level), out->dof);
	out->scale = sqrt(r->chisq / out->dof);
	if (r->cov == NULL)
		var = NAN;
	for (size_t j = 0; r->cov != NULL && j < np; j++)
		for (size_t i = 0; i < np; i++)
			if (r->cov[j * np + j] != 0.0 && r->cov[i * np + i] != 0.0)
				var += J[j] * r->cov[j * np + i] * J[i];
	free(J);
	out->se = var >= 0.0 ? sqrt(var) : NAN;
	half = out->q * sqrt(out->se * out->se +
	    (kind == SX_INTERVAL_PREDICTION ? out->scale * out->scale : 0.0));
	out->lo = iv_back(space, f - half);
	out->hi = iv_back(space, f + half);
	out->boot_lo = out->boot_hi = NAN;
	out->C = out->k = out->N_opt = out->D_opt = NAN;
	out->N_lo = out->N_hi = out->D_lo = out->D_hi = NAN;
	return 0;
}

int
interval_predict(const sx_model *m, const sx_fit_result *r,
    enum sx_space space, const double *x, double level,
    enum sx_interval_kind kind, sx_prediction *out, sx_err *err)
{
	double *g;
	size_t n = 0;

	if (iv_delta(m, r, space, x, level, kind, out, err) != 0)
		return -1;
	if (r->nboot == 0 || r->boot == NULL)
		return 0;
	g = xmalloc((r->nboot + 1) * sizeof *g);
	for (size_t b = 0; b < r->nboot; b++)
		if (iv_eval(m, space, x, r->boot + b * m->np, &g[n], NULL) == 0)
			n++;
	if (n >= 2) {
		out->nboot = n;
		iv_boot_interval(g, n, out, &out->boot_lo, &out->boot_hi);
	}
	free(g);
	return 0;
}

int
interval_optimum(const sx_model *m, const sx_fit_result *r,
    enum sx_space space, double k, double C, double level,
    enum sx_interval_kind kind, double *x, sx_prediction *out, sx_err *err)
{
	sx_frontier_pt pt;
	int in_n, in_d, in_u = -1, closed = 0;
	double *nv, *dv, *g, U = NAN;
	size_t n = 0, B = r->boot != NULL ? r->nboot : 0;

	/* A law of N, D and U: its U input, held at x's value (the limit on
	 * unique tokens); frontier_ndu_inputs checks it. */
	if ((in_u = frontier_u_input(m)) >= 0)
		U = x[in_u];
	if (frontier_ndu_inputs(m, U, &in_n, &in_d, &in_u, err) != 0 ||
	    frontier_point_u(m, r->p, k, C, U, &pt, &closed, err) != 0)
		return -1;
	x[in_n] = pt.N_opt;
	x[in_d] = pt.D_opt;
	if (iv_delta(m, r, space, x, level, kind, out, err) != 0)
		return -1;
	out->optimum = 1;
	out->C = C;
	out->k = k;
	out->N_opt = pt.N_opt;
	out->D_opt = pt.D_opt;
	out->closed = closed;
	if (B == 0)
		return 0;
	nv = xmalloc(3 * (B + 1) * sizeof *nv);
	dv = nv + B + 1;
	g = dv + B + 1;
	for (size_t b = 0; b < B; b++) {
		sx_frontier_pt pb;

		if (frontier_point_u(m, r->boot + b * m->np, k, C, U, &pb, NULL,
		    NULL) != 0 || !(pb.L_opt > 0.0 || space == SX_SPACE_LINEAR))
			continue;
		nv[n] = pb.N_opt;
		dv[n] = pb.D_opt;
		g[n] = space == SX_SPACE_LOG ? log(pb.L_opt) : pb.L_opt;
		n += isfinite(g[n]);
	}
	if (n >= 2) {
		out->nboot = n;
		quantile_interval(nv, n, level, &out->N_lo, &out->N_hi);
		quantile_interval(dv, n, level, &out->D_lo, &out->D_hi);
		iv_boot_interval(g, n, out, &out->boot_lo, &out->boot_hi);
	}
	free(nv);
	return 0;
}
