/* fit_stats.c: what a fit reports at its optimum besides the parameters:
 * the covariance and its condition, Huber's scale, and the warnings. */
#include "config.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>

#include <gsl/gsl_blas.h>
#include <gsl/gsl_eigen.h>
#include <gsl/gsl_matrix.h>
#include <gsl/gsl_vector.h>

#include "base/fmt.h"
#include "base/xalloc.h"
#include "scaling/fit_impl.h"

/* Smallest eigenvalue of the correlation form of J^T J, relative to the
 * largest, below which the parameters are reported not identifiable. */
#define FIT_RCOND 1e-14

/*
 * Covariance of u from the residual Jacobian J (n x nf) at the solution:
 * s2 * (J^T J)^-1, inverted through the eigenvalues of its correlation
 * form D J^T J D (D = diag^-1/2) so scale differences between parameters
 * do not matter. *cond gets the condition number of J^T J itself (its
 * extreme eigenvalues), +Inf when singular. Returns -1 when J^T J is
 * singular (parameters not identifiable).
 */
int
fit_cov_from_jac(const double *J, size_t n, size_t nf, double s2, double *cu,
    double *cond)
{
	gsl_matrix *a = gsl_matrix_calloc(nf, nf), *v = gsl_matrix_alloc(nf, nf);
	gsl_vector *ev = gsl_vector_alloc(nf), *d = gsl_vector_alloc(nf);
	gsl_eigen_symmv_workspace *ws = gsl_eigen_symmv_alloc(nf);
	gsl_matrix_const_view jv = gsl_matrix_const_view_array(J, n, nf);
	double emax = 0.0, emin = INFINITY;
	size_t i, j, k;
	int rc = 0;

	gsl_blas_dsyrk(CblasLower, CblasTrans, 1.0, &jv.matrix, 0.0, a);
	*cond = INFINITY;
	{
		gsl_matrix *b = gsl_matrix_alloc(nf, nf);
		gsl_vector *eb = gsl_vector_alloc(nf);
		gsl_eigen_symm_workspace *wb = gsl_eigen_symm_alloc(nf);

		for (i = 0; i < nf; i++)
			for (j = 0; j <= i; j++) {
				gsl_matrix_set(b, i, j, gsl_matrix_get(a, i, j));
				gsl_matrix_set(b, j, i, gsl_matrix_get(a, i, j));
			}
		if (gsl_eigen_symm(b, eb, wb) == 0 && gsl_vector_min(eb) > 0.0)
			*cond = gsl_vector_max(eb) / gsl_vector_min(eb);
		gsl_eigen_symm_free(wb);
		gsl_vector_free(eb);
		gsl_matrix_free(b);
	}
	for (i = 0; i < nf; i++) {
		double aii = gsl_matrix_get(a, i, i);

		if (!(aii > 0.0) || !isfinite(aii))
			rc = -1;
		gsl_vector_set(d, i, rc == 0 ? 1.0 / sqrt(aii) : 0.0);
	}
	for (i = 0; rc == 0 && i < nf; i++)
		for (j = 0; j <= i; j++) {
			double q = gsl_matrix_get(a, i, j) * gsl_vector_get(d, i) *
			    gsl_vector_get(d, j);

			gsl_matrix_set(a, i, j, q);
			gsl_matrix_set(a, j, i, q);
		}
	if (rc == 0 && gsl_eigen_symmv(a, ev, v, ws) != 0)
		rc = -1;
	for (k = 0; rc == 0 && k < nf; k++) {
		emax = fmax(emax, gsl_vector_get(ev, k));
		emin = fmin(emin, gsl_vector_get(ev, k));
	}
	if (rc == 0 && !(emin > FIT_RCOND * emax))
		rc = -1;
	for (i = 0; rc == 0 && i < nf; i++)
		for (j = 0; j < nf; j++) {
			double q = 0.0;

			for (k = 0; k < nf; k++)
				q += gsl_matrix_get(v, i, k) * gsl_matrix_get(v, j, k) /
				    gsl_vector_get(ev, k);
			cu[i * nf + j] = s2 * q * gsl_vector_get(d, i) *
			    gsl_vector_get(d, j);
		}
	gsl_eigen_symmv_free(ws);
	gsl_vector_free(d);
	gsl_vector_free(ev);
	gsl_matrix_free(v);
	gsl_matrix_free(a);
	return rc;
}

/* "; " between warnings, none before the first. */
static const char *
warn_sep(const sx_fit_result *r)
{
	return r->warn[0] != '\0' ? "; " : "";
}

/*
 * Warnings into res->warn: parameters not identifiable (singular J^T J, or
 * a correlation within 1e-4 of +-1), parameters running off to infinity
 * or zero (a log-mapped scale beyond e^+-100, any other beyond 1e12 in
 * size), and for Huber fewer than half the residuals within delta (the
 * asymptotic covariance rests on the few inside: on the Epoch data, 39 of
 * 240, and on a 62-run sweep with 11 inside the errors came out 7-12
 * times smaller than the bootstrap's spread).
 */
void
fit_warnings(const sx_model *m, const unsigned char *fixed, sx_fit_result *r)
{
	size_t np = m->np, j, k;

	r->warn[0] = '\0';
	for (j = 0; j < np; j++) {
		double v = r->p[j];
		int off = m->positive[j] ? fabs(log(v)) > 100.0 : fabs(v) > 1e12;

		if ((fixed != NULL && fixed[j]) || !off)
			continue;
		fmt_append(r->warn, sizeof r->warn, "%s%s = %.3g runs off "
		    "to %s", warn_sep(r), m->params[j], v,
		    m->positive[j] && v < 1.0 ? "zero" : "infinity");
	}
	for (j = 0; m->domain != NULL && j < np; j++) {
		double lo = m->domain[2 * j], hi = m->domain[2 * j + 1];
		char range[64];

		if (!(r->p[j] < lo) && !(r->p[j] > hi))
			continue;
		/* As --bounds takes it: an open side empty. */
		snprintf(range, sizeof range, isfinite(lo) ? "%g:" : ":", lo);
		if (isfinite(hi))
			fmt_append(range, sizeof range, "%g", hi);
		fmt_append(r->warn, sizeof r->warn, "%s%s = %.4g is outside its "
		    "domain %s: not physical (fit --bounds %s=%s holds it inside)",
		    warn_sep(r), m->params[j], r->p[j], range, m->params[j], range);
	}
	for (j = 0; j < np && r->loss == SX_LOSS_HUBER; j++)
		if ((fixed == NULL || !fixed[j]) && isnan(r->se[j]) &&
		    isfinite(r->cond)) {
			fmt_append(r->warn, sizeof r->warn, "%sno residual "
			    "within delta, so no standard errors (use --bootstrap)",
			    warn_sep(r));
			break;
		}
	if (r->loss == SX_LOSS_HUBER && r->inside > 0 && 2 * r->inside < r->n) {
		fmt_append(r->warn, sizeof r->warn, "%sonly %zu of %zu "
		    "residuals within delta: the standard errors are unreliable "
		    "(use --bootstrap)", warn_sep(r), r->inside, r->n);
	}
	if (!isfinite(r->cond)) {
		fmt_append(r->warn, sizeof r->warn, "%sJ^T J is singular: "
		    "some parameters are not identifiable", warn_sep(r));
		return;
	}
	for (j = 0; j < np; j++)
		for (k = j + 1; k < np; k++) {
			double c = r->cov[j * np + k] / sqrt(r->cov[j * np + j] *
			    r->cov[k * np + k]);

			if (!(fabs(c) > 1.0 - 1e-4))
				continue;
			fmt_append(r->warn, sizeof r->warn, "%s%s and %s are "
			    "not separately identifiable (correlation %.6f)",
			    warn_sep(r), m->params[j], m->params[k], c);
		}
}

/*
 * The scale of an M-estimator's covariance, s2 in s2 (J^T J)^-1: Huber's
 * (Robust Statistics, 1981, sec. 7.6; what R's MASS::rlm reports)
 * K^2 [sum psi^2 / (n - p)] / [mean psi']^2 with K = 1 + (p/n) var psi' /
 * (mean psi')^2, psi(r) = r clipped to [-delta, delta]. For least squares
 * (delta infinite) it is chisq / (n - p). With row weights w, psi^2 is
 * summed weighted, the mean of psi' is the weight inside delta over the
 * whole, and J's rows carry sqrt(w): weighted least squares' s2 (J^T W
 * J)^-1 when delta is infinite. NaN when no residual lies inside delta
 * (psi' = 0 everywhere: the formula has nothing to go on).
 */
static double
fit_huber_scale(const double *res, const double *w, size_t n, size_t nf,
    double delta)
{
	double spsi2 = 0.0, win = 0.0, wsum = 0.0, m1, k;
	size_t i, inside = 0;

	for (i = 0; i < n; i++) {
		double psi = fmax(-delta, fmin(delta, res[i]));
		double wi = w != NULL ? w[i] : 1.0;

		spsi2 += wi * psi * psi;
		wsum += wi;
		if (fabs(res[i]) <= delta) {
			inside++;
			win += wi;
		}
	}
	if (inside == 0)
		return NAN;
	m1 = win / wsum;
	k = 1.0 + (double)nf / (double)n * (1.0 - m1) / m1;
	return k * k * spsi2 / (double)(n - nf) / (m1 * m1);
}

/*
 * Statistics at p for the robust path: chisq, rmse, r2 of the log
 * residuals, how many lie within delta, and the covariance s2 (J^T J)^-1
 * at p with Huber's scale (fit_huber_scale: least squares' when delta is
 * infinite), its condition number.
 */
void
fit_stats(const fit_prob *pr, const unsigned char *fixed, sx_fit_result *r)
{
	const sx_model *m = pr->m;
	size_t n = pr->n, np = m->np, nf = 0, i, j, k, *idx;
	double *g = xmalloc((n + 1) * sizeof *g), *J = xmalloc((n * np + 1) *
	    sizeof *J), *ju, *cu, tm = 0.0, tss = 0.0, chisq = 0.0, wsum = 0.0;
	double s2;

	idx = xmalloc((np + 1) * sizeof *idx);
	for (j = 0; j < np; j++)
		if (fixed == NULL || !fixed[j])
			idx[nf++] = j;
	ju = xmalloc((n * nf + 1) * sizeof *ju);
	cu = xmalloc((nf * nf + 1) * sizeof *cu);
	m->eval(m, pr->x, n, r->p, 1, g, J);
	r->inside = 0;
	for (i = 0; i < n; i++) {
		double e = pr->t[i] - g[i], wi = pr->w != NULL ? pr->w[i] : 1.0;

		g[i] = e;   /* from here on g holds the residuals */
		chisq += wi * e * e;
		r->inside += fabs(e) <= pr->delta;
		tm += wi * pr->t[i];
		wsum += wi;
		for (k = 0; k < nf; k++)
			ju[i * nf + k] = -J[i * np + idx[k]] * sqrt(wi) *
			    (m->positive[idx[k]] ? r->p[idx[k]] : 1.0);
	}
	tm /= wsum;
	for (i = 0; i < n; i++)
		tss += (pr->w != NULL ? pr->w[i] : 1.0) * (pr->t[i] - tm) *
		    (pr->t[i] - tm);
	r->chisq = chisq;
	r->rmse = sqrt(chisq / wsum);
	r->r2 = tss > 0.0 ? 1.0 - chisq / tss : NAN;
	r->se = xmalloc(np * sizeof *r->se);
	r->cov = xcalloc(np * np, sizeof *r->cov);
	for (j = 0; j < np; j++)
		r->se[j] = NAN;
	r->cond = NAN;
	s2 = fit_huber_scale(g, pr->w, n, nf, pr->delta);
	if (nf > 0 && fit_cov_from_jac(ju, n, nf, s2, cu, &r->cond) != 0) {
		for (k = 0; k < nf; k++)
			for (i = 0; i < nf; i++)
				r->cov[idx[k] * np + idx[i]] = NAN;
	} else
		for (k = 0; k < nf; k++) {
			double gk = m->positive[idx[k]] ? r->p[idx[k]] : 1.0;

			for (i = 0; i < nf; i++) {
				double gi = m->positive[idx[i]] ? r->p[idx[i]] : 1.0;

				r->cov[idx[k] * np + idx[i]] = gk * gi * cu[k * nf + i];
			}
			r->se[idx[k]] = sqrt(r->cov[idx[k] * np + idx[k]]);
		}
	free(g);
	free(J);
	free(ju);
	free(cu);
	free(idx);
}
