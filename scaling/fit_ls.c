/* fit_ls.c: least squares from one start with GSL's trust-region solver,
 * in whitened variables, and its covariance. */
#include "config.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <gsl/gsl_errno.h>
#include <gsl/gsl_matrix.h>
#include <gsl/gsl_multifit_nlinear.h>
#include <gsl/gsl_vector.h>

#include "base/xalloc.h"
#include "scaling/fit.h"
#include "scaling/fit_impl.h"

/* Residual given to the solver where the model is not finite: a huge but
 * finite value, so the trial step is rejected and the trust region shrinks. */
#define FIT_BAD_RESID 1e100

/*
 * The free parameters are u: the parameter itself, or its logarithm for
 * one flagged positive (p_j = exp(u_k)). The residual is t_i - g_i(p),
 * where (t, g) = (y, L) or (log y, log L), so d r_i / d u_k =
 * -dg_i/dp_j * p_j for a log-mapped parameter and -dg_i/dp_j otherwise.
 *
 * The solver itself sees v, with u = u0 + R^-1 v where R^T R = J^T J at
 * the start u0 (fit_whiten). In v the Gauss-Newton matrix starts as the
 * identity, so Levenberg-Marquardt's damping (mu times the scaled
 * diagonal, mu starting at 1e-3) is small against every direction,
 * including the narrow valleys power laws have between scale and exponent
 * (x0 and alpha of plc); without it, LM crawls along them while mu
 * shrinks. Measured: plc at n = 200 from 5 to 3-4 iterations, Chinchilla
 * on the Epoch data from 12 to 8.
 */
typedef struct fit_ctx {
	const sx_model *m;
	const double *const *x;
	const double *t;        /* target in the fit's space */
	double *sw;             /* square roots of the row weights, or NULL:
	                           residuals and Jacobian rows are scaled by
	                           them, so least squares minimises sum w r^2 */
	size_t n, np, nf;
	int lg;
	const size_t *idx;      /* free k -> parameter j */
	double *p;              /* full parameter vector */
	double *g;              /* model values (n) */
	double *J;              /* the model's derivatives (n x np), turned in
	                           place into the residual Jacobian (n x nf) */
	double *ucache;         /* u at which J holds the residual Jacobian */
	double *jscale;         /* nf: -p_j (log-mapped) or -1 */
	double *u0, *rinv;      /* solver variable v: u = u0 + rinv v */
	double *ubuf;           /* u for the current v */
	int cached;
} fit_ctx;

/* p from u (free entries only). */
static void
ctx_set_p(fit_ctx *c, const double *u)
{
	size_t k;

	for (k = 0; k < c->nf; k++) {
		size_t j = c->idx[k];

		c->p[j] = c->m->positive[j] ? exp(u[k]) : u[k];
	}
}

/*
 * Evaluate residuals at u into r (n), and the residual Jacobian into the
 * cache (the solver asks for it next at the same point when the step is
 * accepted). Returns the model's status.
 */
static int
ctx_eval(fit_ctx *c, const double *u, double *r)
{
	size_t i, k, np = c->np, nf = c->nf;
	int st;

	ctx_set_p(c, u);
	st = c->m->eval(c->m, c->x, c->n, c->p, c->lg, c->g, c->J);
	for (i = 0; i < c->n; i++)
		r[i] = st == 0 ? c->t[i] - c->g[i] : FIT_BAD_RESID;
	if (st != 0) {
		c->cached = 0;
		return st;
	}
	for (k = 0; k < nf; k++) {
		size_t j = c->idx[k];

		c->jscale[k] = c->m->positive[j] ? -c->p[j] : -1.0;
	}
	/*
	 * In place, rows in order: entry (i, k) goes to i*nf + k from
	 * i*np + idx[k] >= i*nf + k, so nothing is overwritten before it is
	 * read, and one n x np block serves for both (on tall data the
	 * fresh pages of a second block cost more than the arithmetic).
	 */
	for (i = 0; i < c->n; i++) {
		const double *ji = c->J + i * np;
		double *ri = c->J + i * nf;

		for (k = 0; k < nf; k++)
			ri[k] = ji[c->idx[k]] * c->jscale[k];
	}
	/* Weighted rows, apart: the unweighted loops stay as tight as they
	 * were (measured: 4-5 % on plc when the test sat in them). */
	for (i = 0; c->sw != NULL && i < c->n; i++) {
		double *ri = c->J + i * nf;

		r[i] *= c->sw[i];
		for (k = 0; k < nf; k++)
			ri[k] *= c->sw[i];
	}
	memcpy(c->ucache, u, nf * sizeof *u);
	c->cached = 1;
	return 0;
}

/* u = u0 + rinv v into c->ubuf. */
static const double *
ctx_u_of_v(fit_ctx *c, const double *v)
{
	size_t k, l, nf = c->nf;

	for (k = 0; k < nf; k++) {
		double s = c->u0[k];

		for (l = k; l < nf; l++)
			s += c->rinv[k * nf + l] * v[l];
		c->ubuf[k] = s;
	}
	return c->ubuf;
}

static int
cb_f(const gsl_vector *v, void *arg, gsl_vector *f)
{
	fit_ctx *c = arg;

	ctx_eval(c, ctx_u_of_v(c, v->data), f->data);
	return GSL_SUCCESS;
}

/* Jacobian in v: J_u R^-1 (R^-1 upper triangular). */
static int
cb_df(const gsl_vector *v, void *arg, gsl_matrix *J)
{
	fit_ctx *c = arg;
	const double *u = ctx_u_of_v(c, v->data);
	size_t i, k, l, nf = c->nf;

	if (!c->cached || memcmp(c->ucache, u, nf * sizeof(double)) != 0) {
		double *r = xmalloc(c->n * sizeof *r);
		int st = ctx_eval(c, u, r);

		free(r);
		if (st != 0)
			return GSL_EDOM;
	}
	for (i = 0; i < c->n; i++) {
		const double *ju = c->J + i * nf;
		double *jv = J->data + i * J->tda;

		for (k = 0; k < nf; k++) {
			double s = 0.0;

			for (l = 0; l <= k; l++)
				s += ju[l] * c->rinv[l * nf + k];
			jv[k] = s;
		}
	}
	return GSL_SUCCESS;
}

/*
 * Set u0 and rinv = R^-1 from the residual Jacobian at u (in the cache):
 * J^T J = D C D with D its diagonal square roots, C = Rc^T Rc (Cholesky),
 * R^-1 = D^-1 Rc^-1. When C is numerically singular at the start, fall
 * back to the diagonal scaling D^-1 (or to none).
 */
static void
fit_whiten(fit_ctx *c, const double *u)
{
	size_t nf = c->nf, i, j, k;
	double *a = xcalloc(nf * nf, sizeof *a), *d = xmalloc(nf * sizeof *d);
	int ok = 1;

	memcpy(c->u0, u, nf * sizeof *u);
	for (i = 0; i < c->n; i++) {
		const double *ji = c->J + i * nf;

		for (j = 0; j < nf; j++)
			for (k = j; k < nf; k++)
				a[j * nf + k] += ji[j] * ji[k];
	}
	for (j = 0; j < nf; j++) {
		d[j] = sqrt(a[j * nf + j]);
		if (!(d[j] > 0.0) || !isfinite(d[j]))
			d[j] = 1.0;
		else
			d[j] = 1.0 / d[j];
	}
	/* Cholesky of C (upper, in place in a), scaled rows and columns. */
	for (j = 0; j < nf; j++)
		for (k = j; k < nf; k++)
			a[j * nf + k] *= d[j] * d[k];
	for (j = 0; ok && j < nf; j++) {
		double s = a[j * nf + j];

		for (i = 0; i < j; i++)
			s -= a[i * nf + j] * a[i * nf + j];
		if (!(s > 1e-12)) {
			ok = 0;
			break;
		}
		a[j * nf + j] = sqrt(s);
		for (k = j + 1; k < nf; k++) {
			double t = a[j * nf + k];

			for (i = 0; i < j; i++)
				t -= a[i * nf + j] * a[i * nf + k];
			a[j * nf + k] = t / a[j * nf + j];
		}
	}
	/* rinv = D^-1 Rc^-1 (back substitution, column by column). */
	memset(c->rinv, 0, nf * nf * sizeof *c->rinv);
	for (k = 0; k < nf; k++) {
		if (!ok) {
			c->rinv[k * nf + k] = d[k];
			continue;
		}
		for (j = k + 1; j-- > 0;) {
			double t = j == k ? 1.0 : 0.0;

			for (i = j + 1; i <= k; i++)
				t -= a[j * nf + i] * c->rinv[i * nf + k];
			c->rinv[j * nf + k] = t / a[j * nf + j];
		}
	}
	if (ok)
		for (j = 0; j < nf; j++)
			for (k = 0; k < nf; k++)
				c->rinv[j * nf + k] *= d[j];
	free(a);
	free(d);
}

/* Sum of squared residuals at u, +Inf where the model is not finite. */
static double
ctx_chisq(fit_ctx *c, const double *u, double *r)
{
	double s = 0.0;
	size_t i;

	if (ctx_eval(c, u, r) != 0)
		return INFINITY;
	for (i = 0; i < c->n; i++)
		s += r[i] * r[i];
	return isfinite(s) ? s : INFINITY;
}

/*
 * Scaled gradient test, as GSL's gtol test: max_k |g_k| max(|u_k|, 1) <=
 * tol * max(chisq, 1), g = J^T r. For when the solver stops because no
 * step reduces chisq any further.
 */
static int
fit_grad_small(const fit_ctx *c, const double *u, const double *r, double tol,
    double chisq)
{
	size_t i, k;

	for (k = 0; k < c->nf; k++) {
		double g = 0.0;

		for (i = 0; i < c->n; i++)
			g += c->J[i * c->nf + k] * r[i];
		if (!(fabs(g) * fmax(fabs(u[k]), 1.0) <= tol * fmax(chisq, 1.0)))
			return 0;
	}
	return 1;
}

/* Plain reason for the driver's outcome. */
static void
fit_reason(sx_fit_result *res, int status, int info, int maxit, int flat)
{
	const char *why;

	res->converged = 1;
	if (status == GSL_SUCCESS && (info == 1 || info == GSL_ETOLX))
		why = "converged: small step (xtol)";
	else if (status == GSL_SUCCESS && (info == 2 || info == GSL_ETOLG))
		why = "converged: small gradient (gtol)";
	else if (status == GSL_SUCCESS)
		why = "converged: small change in the sum of squares (ftol)";
	else if (flat)
		why = "converged: small gradient (gtol); no step reduces the "
		    "sum of squares further";
	else {
		res->converged = 0;
		if (status == GSL_EMAXITER && info != GSL_ENOPROG) {
			snprintf(res->reason, sizeof res->reason,
			    "did not converge in %d iteration%s", maxit,
			    maxit == 1 ? "" : "s");
			return;
		}
		why = "stopped: no step reduces the sum of squares";
	}
	snprintf(res->reason, sizeof res->reason, "%s", why);
}

/*
 * One run of the trust-region solver from u (nf values, updated in place).
 * Fills iterations, converged and reason of res; returns the final chisq
 * (+Inf when the model is not finite there). r is scratch (n).
 */
static double
fit_solve(fit_ctx *c, double *u, int maxit, double *r, sx_fit_result *res)
{
	gsl_multifit_nlinear_parameters par =
	    gsl_multifit_nlinear_default_parameters();
	gsl_multifit_nlinear_fdf fdf;
	gsl_multifit_nlinear_workspace *w;
	double *v = xcalloc(c->nf, sizeof *v), chisq;
	gsl_vector_view uv = gsl_vector_view_array(v, c->nf);
	int status, info = 0, flat = 0;

	/*
	 * Tall problems use the normal equations (Cholesky of J^T J): for
	 * n >> p it costs one pass over J per step where QR costs several,
	 * and J^T J is well conditioned once More scaling and the log-mapped
	 * scales have equilibrated the columns (see bench/bench_fit.c).
	 */
	par.trs = gsl_multifit_nlinear_trs_lm;
	par.scale = gsl_multifit_nlinear_scale_more;
	par.solver = c->n >= 4 * c->nf ? gsl_multifit_nlinear_solver_cholesky :
	    gsl_multifit_nlinear_solver_qr;
	memset(&fdf, 0, sizeof fdf);
	fdf.f = cb_f;
	fdf.df = cb_df;
	fdf.n = c->n;
	fdf.p = c->nf;
	fdf.params = c;
	/* fit_run has just evaluated the start: the cache holds J there. */
	if (!c->cached || memcmp(c->ucache, u, c->nf * sizeof *u) != 0) {
		if (!isfinite(ctx_chisq(c, u, r))) {
			free(v);
			return INFINITY;
		}
	}
	fit_whiten(c, u);
	w = gsl_multifit_nlinear_alloc(gsl_multifit_nlinear_trust, &par, c->n,
	    c->nf);
	gsl_multifit_nlinear_init(&uv.vector, &fdf, w);
	status = gsl_multifit_nlinear_driver((size_t)maxit, 1e-10, 1e-10, 0.0,
	    NULL, NULL, &info, w);
	memcpy(u, ctx_u_of_v(c, gsl_multifit_nlinear_position(w)->data),
	    c->nf * sizeof *u);
	free(v);
	res->iterations = (int)gsl_multifit_nlinear_niter(w);
	/* The last evaluation is usually at the final point: reuse it. */
	if (c->cached && memcmp(c->ucache, u, c->nf * sizeof *u) == 0) {
		size_t i;

		memcpy(r, gsl_multifit_nlinear_residual(w)->data,
		    c->n * sizeof *r);
		for (i = 0, chisq = 0.0; i < c->n; i++)
			chisq += r[i] * r[i];
		if (!isfinite(chisq))
			chisq = INFINITY;
	} else
		chisq = ctx_chisq(c, u, r);
	gsl_multifit_nlinear_free(w);
	if (status != GSL_SUCCESS && isfinite(chisq))
		flat = (status != GSL_EMAXITER || info == GSL_ENOPROG) &&
		    fit_grad_small(c, u, r, 1e-8, chisq);
	fit_reason(res, status, info, maxit, flat);
	return chisq;
}

/*
 * Fit m to (x, y). Validates the data, finds the start (user values, the
 * model's guess for the rest), runs the trust-region solver on the free
 * parameters (positive ones as logarithms) and fills res with the
 * parameters, standard errors (delta method for log-mapped ones) and the
 * covariance scaled by chisq/(n - free). Returns 0 when the parameters are
 * finite, converged or not; -1 with err set and res untouched otherwise.
 */
int
fit_run_ls(const sx_model *m, const double *const *x, const double *y,
    size_t n, const sx_fit_opts *opts, sx_fit_result *res, sx_err *err)
{
	sx_fit_opts o0;
	const sx_fit_opts *o = opts != NULL ? opts : &o0;
	sx_fit_result r;
	gsl_error_handler_t *old;
	fit_ctx c;
	size_t *idx, i, j, k, nf = 0, np;
	double *u, *t, *resid, *cu, chisq, tmean = 0.0, tss = 0.0, sumw = 0.0;
	int maxit, rc = -1;

	if (m == NULL || x == NULL || y == NULL || res == NULL)
		return err_set(err, "fit: missing model or data");
	memset(&o0, 0, sizeof o0);
	np = m->np;
	maxit = o->max_iter > 0 ? o->max_iter : FIT_MAX_ITER;
	for (j = 0; j < np; j++)
		if (o->fixed == NULL || !o->fixed[j])
			nf++;
	if (n < nf + 1 || n == 0)
		return err_set(err, "too few points: %zu for %zu free parameter%s "
		    "(need at least %zu)", n, nf, nf == 1 ? "" : "s", nf + 1);

	memset(&r, 0, sizeof r);
	memset(&c, 0, sizeof c);
	r.np = np;
	r.n = n;
	r.p = xmalloc(np * sizeof *r.p);
	t = xmalloc(n * sizeof *t);
	resid = xmalloc(n * sizeof *resid);
	idx = xmalloc((nf + 1) * sizeof *idx);
	u = xmalloc((nf + 1) * sizeof *u);
	c.g = xmalloc(n * sizeof *c.g);
	c.J = xmalloc((n * np + 1) * sizeof *c.J);
	c.ucache = xmalloc((nf + 1) * sizeof *c.ucache);
	c.jscale = xmalloc((nf + 1) * sizeof *c.jscale);
	c.u0 = xmalloc((nf + 1) * sizeof *c.u0);
	c.ubuf = xmalloc((nf + 1) * sizeof *c.ubuf);
	c.rinv = xmalloc((nf * nf + 1) * sizeof *c.rinv);
	old = gsl_set_error_handler_off();

	c.m = m;
	c.x = x;
	c.t = t;
	c.n = n;
	c.np = np;
	c.nf = nf;
	c.lg = o->space == SX_SPACE_LOG;
	c.idx = idx;
	c.p = r.p;
	if (o->weights != NULL) {
		c.sw = xmalloc(n * sizeof *c.sw);
		for (i = 0; i < n; i++)
			c.sw[i] = sqrt(o->weights[i]);
	}
	if (fit_check_data(m, x, y, n, c.lg, t, err) != 0 ||
	    fit_start(m, x, y, n, o, r.p, err) != 0)
		goto out;
	for (j = 0, k = 0; j < np; j++)
		if (o->fixed == NULL || !o->fixed[j]) {
			idx[k] = j;
			u[k++] = m->positive[j] ? log(r.p[j]) : r.p[j];
		}
	if (!isfinite(ctx_chisq(&c, u, resid))) {
		for (i = 0; i < n && isfinite(c.g[i]); i++)
			;
		err_set(err, "no finite start: the model is not finite at the "
		    "starting values (row %zu)", i < n ? i + 1 : 1);
		goto out;
	}

	if (nf > 0)
		chisq = fit_solve(&c, u, maxit, resid, &r);
	else {
		chisq = ctx_chisq(&c, u, resid);
		r.converged = 1;
		snprintf(r.reason, sizeof r.reason, "all parameters fixed");
	}
	if (!isfinite(chisq)) {
		err_set(err, "the fit left the region where the model is finite");
		goto out;
	}
	ctx_set_p(&c, u);

	/* Statistics in the fit's space. */
	for (i = 0; i < n; i++) {
		double wi = o->weights != NULL ? o->weights[i] : 1.0;

		tmean += wi * t[i];
		sumw += wi;
	}
	tmean /= sumw;
	for (i = 0; i < n; i++)
		tss += (o->weights != NULL ? o->weights[i] : 1.0) *
		    (t[i] - tmean) * (t[i] - tmean);
	r.chisq = chisq;
	r.rmse = sqrt(chisq / sumw);
	r.r2 = tss > 0.0 ? 1.0 - chisq / tss : NAN;

	/* Covariance in u, then mapped to p (delta method: dp = p du). */
	r.se = xmalloc(np * sizeof *r.se);
	r.cov = xcalloc(np * np, sizeof *r.cov);
	for (j = 0; j < np; j++)
		r.se[j] = NAN;
	cu = xmalloc((nf * nf + 1) * sizeof *cu);
	r.cond = NAN;
	if (nf > 0 && fit_cov_from_jac(c.J, n, nf, chisq / (double)(n - nf),
	    cu, &r.cond) != 0) {
		r.converged = 0;
		snprintf(r.reason, sizeof r.reason,
		    "singular Jacobian: parameters not identifiable");
		for (k = 0; k < nf; k++)
			for (i = 0; i < nf; i++)
				r.cov[idx[k] * np + idx[i]] = NAN;
	} else {
		for (k = 0; k < nf; k++) {
			double gk = m->positive[idx[k]] ? r.p[idx[k]] : 1.0;

			for (i = 0; i < nf; i++) {
				double gi = m->positive[idx[i]] ? r.p[idx[i]] : 1.0;

				r.cov[idx[k] * np + idx[i]] = gk * gi * cu[k * nf + i];
			}
			r.se[idx[k]] = sqrt(r.cov[idx[k] * np + idx[k]]);
		}
	}
	free(cu);
	r.objective = 0.5 * chisq;
	r.starts_total = 1;
	r.starts_converged = (size_t)r.converged;
	*res = r;
	r.p = NULL;
	r.se = NULL;
	r.cov = NULL;
	rc = 0;
out:
	gsl_set_error_handler(old);
	free(r.p);
	free(t);
	free(resid);
	free(idx);
	free(u);
	free(c.g);
	free(c.J);
	free(c.ucache);
	free(c.jscale);
	free(c.u0);
	free(c.ubuf);
	free(c.rinv);
	free(c.sw);
	return rc;
}
