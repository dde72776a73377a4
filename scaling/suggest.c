/* suggest.c: greedy c-optimal next runs from a fit's Fisher information. */
#include "config.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include <gsl/gsl_errno.h>
#include <gsl/gsl_linalg.h>

#include "base/xalloc.h"
#include "scaling/frontier.h"
#include "scaling/suggest.h"

/* The log target at parameters p. */
static int
suggest_target(const sx_suggest_spec *s, const double *p, double *t,
    sx_err *err)
{
	sx_frontier_pt pt;

	if (frontier_point(s->m, p, s->k, s->C_at, &pt, NULL, err) != 0)
		return -1;
	*t = log(s->target == SUGGEST_LOSS ? pt.L_opt : pt.N_opt);
	return isfinite(*t) ? 0 : err_set(err, "the target is not finite");
}

/* Free parameter indices into idx; their count. */
static size_t
suggest_free_params(const sx_suggest_spec *s, size_t *idx)
{
	size_t nf = 0;

	for (size_t j = 0; j < s->m->np; j++)
		if (s->free == NULL || s->free[j])
			idx[nf++] = j;
	return nf;
}

/* g: d log target / d p over the free parameters (central differences). */
static int
suggest_gradient(const sx_suggest_spec *s, const size_t *idx, size_t nf,
    double *g, sx_err *err)
{
	double *q = xmalloc((s->m->np + 1) * sizeof *q), tp, tm;
	int rc = 0;

	memcpy(q, s->p, s->m->np * sizeof *q);
	for (size_t a = 0; a < nf && rc == 0; a++) {
		size_t j = idx[a];
		double h = 1e-5 * fmax(fabs(s->p[j]), 1e-2);

		q[j] = s->p[j] + h;
		rc = suggest_target(s, q, &tp, err);
		q[j] = s->p[j] - h;
		if (rc == 0)
			rc = suggest_target(s, q, &tm, err);
		q[j] = s->p[j];
		g[a] = (tp - tm) / (2.0 * h);
	}
	free(q);
	return rc;
}

/* Rows of d log L / d p (free ones) at n runs into Jf (n x nf). */
static int
suggest_jacobian(const sx_suggest_spec *s, const size_t *idx, size_t nf,
    const double *N, const double *D, size_t n, double *Jf, sx_err *err)
{
	size_t np = s->m->np;
	double *f = xmalloc((n + 1) * sizeof *f), *J = xmalloc((n * np + 1) *
	    sizeof *J);
	const double *x[2];
	int in_n, in_d, rc = 0;

	if (frontier_nd_inputs(s->m, &in_n, &in_d, err) != 0)
		rc = -1;
	else {
		x[in_n] = N;
		x[in_d] = D;
		if (s->m->eval(s->m, x, n, s->p, 1, f, J) != 0)
			rc = err_set(err, "the law is not finite at every run");
		for (size_t i = 0; rc == 0 && i < n; i++)
			for (size_t a = 0; a < nf; a++)
				Jf[i * nf + a] = J[i * np + idx[a]];
	}
	free(f);
	free(J);
	return rc;
}

/* cov = sigma^2 (J'J)^-1 over nf parameters; -1 when singular. */
static int
suggest_covariance(const double *Jf, size_t n, size_t nf, double sigma,
    double *cov, sx_err *err)
{
	gsl_matrix_view c = gsl_matrix_view_array(cov, nf, nf);
	gsl_error_handler_t *old;
	int rc;

	for (size_t a = 0; a < nf; a++)
		for (size_t b = 0; b < nf; b++) {
			double v = 0.0;

			for (size_t i = 0; i < n; i++)
				v += Jf[i * nf + a] * Jf[i * nf + b];
			cov[a * nf + b] = v;
		}
	old = gsl_set_error_handler_off();
	rc = gsl_linalg_cholesky_decomp1(&c.matrix);
	if (rc == 0)
		rc = gsl_linalg_cholesky_invert(&c.matrix);
	gsl_set_error_handler(old);
	if (rc != 0)
		return err_set(err, "the sweep does not identify the law's "
		    "parameters (its information matrix is singular)");
	for (size_t a = 0; a < nf * nf; a++)
		cov[a] *= sigma * sigma;
	return 0;
}

static double
quad(const double *M, const double *u, const double *v, size_t nf)
{
	double s = 0.0;

	for (size_t a = 0; a < nf; a++)
		for (size_t b = 0; b < nf; b++)
			s += u[a] * M[a * nf + b] * v[b];
	return s;
}

int
suggest_variance(const sx_suggest_spec *s, const double *N, const double *D,
    size_t n, double *var, sx_err *err)
{
	size_t np = s->m->np, nf, *idx = xmalloc((np + 1) * sizeof *idx);
	double *g = xmalloc((np + 1) * sizeof *g), *J = NULL, *cov = NULL;
	int rc = -1;

	nf = suggest_free_params(s, idx);
	if (n == 0)
		err_set(err, "the sweep has no runs");
	else if (suggest_gradient(s, idx, nf, g, err) == 0) {
		J = xmalloc((n * nf + 1) * sizeof *J);
		cov = xmalloc((nf * nf + 1) * sizeof *cov);
		if (suggest_jacobian(s, idx, nf, N, D, n, J, err) == 0 &&
		    suggest_covariance(J, n, nf, s->sigma, cov, err) == 0) {
			*var = quad(cov, g, g, nf);
			rc = 0;
		}
	}
	free(idx);
	free(g);
	free(J);
	free(cov);
	return rc;
}

/* The candidate runs: *nc of them in cN, cD (malloc'ed). */
static void
suggest_candidates(const sx_suggest_spec *s, double c_lo, double c_hi,
    double **cN, double **cD, size_t *nc)
{
	size_t nb = s->nbudgets, ns = s->nsizes, i = 0;

	*cN = xmalloc((nb * ns + 1) * sizeof **cN);
	*cD = xmalloc((nb * ns + 1) * sizeof **cD);
	for (size_t b = 0; b < nb; b++) {
		double C = nb == 1 ? c_hi : exp(log(c_lo) + (log(c_hi) - log(c_lo)) *
		    (double)b / (double)(nb - 1));

		for (size_t z = 0; z < ns; z++, i++) {
			double r = ns == 1 ? s->r_lo : exp(log(s->r_lo) +
			    (log(s->r_hi) - log(s->r_lo)) * (double)z / (double)(ns - 1));

			(*cN)[i] = sqrt(C / (s->k * r));
			(*cD)[i] = C / (s->k * (*cN)[i]);
		}
	}
	*nc = i;
}

/* Check the spec; the cheapest candidate's budget in *c_lo. */
static int
suggest_check(const sx_suggest_spec *s, const double *N, const double *D,
    size_t n, double *c_lo, sx_err *err)
{
	double cmin = INFINITY;

	if (n == 0)
		return err_set(err, "the sweep has no runs");
	if (s->K == 0)
		return err_set(err, "need K >= 1 runs");
	if (!(s->C_at > 0.0 && isfinite(s->C_at)))
		return err_set(err, "the target budget must be > 0, not %g", s->C_at);
	if (!(s->sigma > 0.0 && isfinite(s->sigma)))
		return err_set(err, "the fit's residual sd must be > 0");
	if (s->nbudgets == 0 || s->nsizes == 0 || !(s->r_lo > 0.0) ||
	    s->r_hi < s->r_lo)
		return err_set(err, "an empty candidate grid");
	for (size_t i = 0; i < n; i++)
		cmin = fmin(cmin, s->k * N[i] * D[i]);
	if (!(s->budget >= cmin))
		return err_set(err, "the budget %g FLOP is below the cheapest run "
		    "considered (%g FLOP, the sweep's smallest)", s->budget, cmin);
	*c_lo = cmin;
	return 0;
}

int
suggest_run(const sx_suggest_spec *s, const double *N, const double *D,
    size_t n, sx_suggest *out, sx_err *err)
{
	size_t np = s->m->np, nf, nc, *idx;
	double c_lo = 0.0, *cN, *cD, *g, *J, *Jc, *cov, *u, left = s->budget;

	memset(out, 0, sizeof *out);
	if (suggest_check(s, N, D, n, &c_lo, err) != 0 ||
	    suggest_target(s, s->p, &out->value, err) != 0)
		return -1;
	out->value = exp(out->value);
	idx = xmalloc((np + 1) * sizeof *idx);
	g = xmalloc((np + 1) * sizeof *g);
	nf = suggest_free_params(s, idx);
	suggest_candidates(s, c_lo, fmax(c_lo, fmin(s->budget, s->C_at)), &cN,
	    &cD, &nc);
	J = xmalloc((n * nf + 1) * sizeof *J);
	Jc = xmalloc((nc * nf + 1) * sizeof *Jc);
	cov = xmalloc((nf * nf + 1) * sizeof *cov);
	u = xmalloc((nf + 1) * sizeof *u);
	out->runs = xcalloc(s->K, sizeof *out->runs);
	out->ncand = nc;
	if (suggest_gradient(s, idx, nf, g, err) != 0 ||
	    suggest_jacobian(s, idx, nf, N, D, n, J, err) != 0 ||
	    suggest_jacobian(s, idx, nf, cN, cD, nc, Jc, err) != 0 ||
	    suggest_covariance(J, n, nf, s->sigma, cov, err) != 0) {
		free(idx); free(g); free(cN); free(cD); free(J); free(Jc);
		free(cov); free(u);
		suggest_free(out);
		return -1;
	}
	out->var0 = quad(cov, g, g, nf);
	for (size_t step = 0; step < s->K; step++) {
		double var = step == 0 ? out->var0 : out->runs[step - 1].var;
		double best = var * (1.0 - 1e-9), s2 = s->sigma * s->sigma;
		size_t bi = nc;

		/* Sherman-Morrison: var - (g'Σj)^2 / (σ² + j'Σj). */
		for (size_t c = 0; c < nc; c++) {
			const double *j = Jc + c * nf;
			double gj = quad(cov, g, j, nf), jj = quad(cov, j, j, nf);
			double v = var - gj * gj / (s2 + jj);

			if (s->k * cN[c] * cD[c] <= left * (1.0 + 1e-12) && v < best) {
				best = v;
				bi = c;
			}
		}
		if (bi == nc)
			break;
		/* Σ -= (Σj)(Σj)' / (σ² + j'Σj). */
		{
			const double *j = Jc + bi * nf;
			double jj = quad(cov, j, j, nf);

			for (size_t a = 0; a < nf; a++) {
				u[a] = 0.0;
				for (size_t b = 0; b < nf; b++)
					u[a] += cov[a * nf + b] * j[b];
			}
			for (size_t a = 0; a < nf; a++)
				for (size_t b = 0; b < nf; b++)
					cov[a * nf + b] -= u[a] * u[b] / (s2 + jj);
		}
		out->runs[step].N = cN[bi];
		out->runs[step].D = cD[bi];
		out->runs[step].C = s->k * cN[bi] * cD[bi];
		out->runs[step].var = best;
		left -= out->runs[step].C;
		out->spent += out->runs[step].C;
		out->n++;
	}
	free(idx); free(g); free(cN); free(cD); free(J); free(Jc);
	free(cov); free(u);
	return 0;
}

void
suggest_free(sx_suggest *out)
{
	free(out->runs);
	memset(out, 0, sizeof *out);
}
