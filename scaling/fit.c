/* fit.c: fitting a model to data: checks, the start, and the choice of
 * solver (least squares in fit_ls.c, Huber and multistart behind
 * fit_impl.h); the result's memory. */
#include "config.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <gsl/gsl_errno.h>

#include "base/xalloc.h"
#include "scaling/fit.h"
#include "scaling/fit_impl.h"

/* Rows the automatic start looks at, at most. */
#define FIT_GUESS_ROWS 5000

/* Check data and build the target vector t; -1 with err naming the row. */
int
fit_check_data(const sx_model *m, const double *const *x, const double *y,
    size_t n, int lg, double *t, sx_err *err)
{
	size_t i, k;

	for (i = 0; i < n; i++) {
		for (k = 0; k < m->nin; k++)
			if (!isfinite(x[k][i]))
				return err_set(err, "row %zu: %s is not a finite number",
				    i + 1, m->inputs[k]);
		if (!isfinite(y[i]))
			return err_set(err, "row %zu: the response is not a finite "
			    "number", i + 1);
		if (lg && !(y[i] > 0.0))
			return err_set(err, "row %zu: response %g is not positive "
			    "(a log-space fit needs y > 0)", i + 1, y[i]);
		t[i] = lg ? log(y[i]) : y[i];
	}
	return 0;
}

/*
 * The starting parameters: the user's init where given (not NaN), the
 * model's guess elsewhere. Positive parameters must start > 0 and fixed
 * ones need a value. Returns -1 with err set.
 */
int
fit_start(const sx_model *m, const double *const *x, const double *y,
    size_t n, const sx_fit_opts *o, double *p, sx_err *err)
{
	size_t j;
	int need = 0, guessed = -1;

	for (j = 0; j < m->np; j++) {
		p[j] = o->init != NULL ? o->init[j] : NAN;
		if (isnan(p[j]) && o->fixed != NULL && o->fixed[j])
			return err_set(err, "parameter %s is fixed but has no value",
			    m->params[j]);
		if (isnan(p[j]))
			need = 1;
	}
	if (need && m->guess != NULL) {
		/*
		 * The guess only seeds the solver: on large data it sees every
		 * s-th row (at most FIT_GUESS_ROWS), which keeps its grid
		 * searches cheap.
		 */
		size_t s = (n + FIT_GUESS_ROWS - 1) / FIT_GUESS_ROWS, ns, i, k;
		double *g = xmalloc(m->np * sizeof *g), *sub = NULL;
		const double **xs = xmalloc((m->nin + 1) * sizeof *xs);

		ns = (n + s - 1) / s;
		if (s > 1) {
			sub = xmalloc((m->nin + 1) * ns * sizeof *sub);
			for (k = 0; k <= m->nin; k++) {
				const double *col = k < m->nin ? x[k] : y;

				for (i = 0; i < ns; i++)
					sub[k * ns + i] = col[i * s];
				xs[k] = sub + k * ns;
			}
		} else {
			for (k = 0; k < m->nin; k++)
				xs[k] = x[k];
			xs[m->nin] = y;
		}
		guessed = m->guess(m, xs, xs[m->nin], ns, g);
		for (j = 0; j < m->np; j++)
			if (isnan(p[j]))
				p[j] = guessed == 0 ? g[j] : NAN;
		free(g);
		free(sub);
		free(xs);
	}
	for (j = 0; j < m->np; j++) {
		if (!isfinite(p[j]))
			return err_set(err, "no finite start for parameter %s%s",
			    m->params[j], guessed != 0 && need ?
			    " (automatic start failed; give a start value)" : "");
		if (m->positive[j] && !(p[j] > 0.0))
			return err_set(err, "parameter %s must be positive "
			    "(start %g)", m->params[j], p[j]);
	}
	return 0;
}

/* Whether m has a reference parameter j that is neither fixed nor given
 * a start (the fit then holds it itself). */
static int
fit_ref_open(const sx_model *m, const sx_fit_opts *o, size_t j)
{
	return m->reference != NULL && m->reference[j] && (o->fixed == NULL ||
	    !o->fixed[j]) && (o->init == NULL || isnan(o->init[j]));
}

/*
 * A law's open reference parameters (exptrend's t0, not identifiable
 * beside y0) held at the smallest value of input 0 in the data, then the
 * fit runs as asked.
 */
static int
fit_run_ref(const sx_model *m, const double *const *x, const double *y,
    size_t n, const sx_fit_opts *o, sx_fit_result *res, sx_err *err)
{
	double *init = xmalloc(m->np * sizeof *init), x0 = INFINITY;
	unsigned char *fixed = xmalloc(m->np);
	sx_fit_opts o1 = *o;
	size_t i;
	int rc;

	for (i = 0; i < n; i++)
		x0 = fmin(x0, x[0][i]);
	for (i = 0; i < m->np; i++) {
		int open = fit_ref_open(m, o, i);

		init[i] = open ? x0 : o->init != NULL ? o->init[i] : NAN;
		fixed[i] = open || (o->fixed != NULL && o->fixed[i]);
	}
	o1.init = init;
	o1.fixed = fixed;
	rc = fit_run(m, x, y, n, &o1, res, err);
	free(init);
	free(fixed);
	return rc;
}

/*
 * Fit m to (x, y). Least squares from one start is the trust-region
 * solver of fit_run_ls (GSL). The Huber loss, or several starts, go
 * through the local solvers of huber.c or the law's kernel (one start,
 * or the multistart driver), then least squares is polished from the best point
 * by fit_run_ls (least squares) or the statistics are taken at it
 * (Huber). Returns 0 when the parameters are finite, converged or not;
 * -1 with err set, res untouched, when it could not fit at all (too few
 * points, bad data, no finite start, delta <= 0, Huber in linear space).
 */
int
fit_run(const sx_model *m, const double *const *x, const double *y,
    size_t n, const sx_fit_opts *opts, sx_fit_result *res, sx_err *err)
{
	sx_fit_opts o0, o1;
	const sx_fit_opts *o = opts;
	sx_fit_result r;
	fit_prob pr;
	fit_local_out lo;
	gsl_error_handler_t *old;
	double *t = NULL, *p0 = NULL, *best = NULL;
	size_t j, nf = 0, total = 1, nconv = 0;
	int rc = -1;

	if (o == NULL) {
		memset(&o0, 0, sizeof o0);
		o = &o0;
	}
	if (m == NULL || x == NULL || y == NULL || res == NULL)
		return err_set(err, "fit: missing model or data");
	for (j = 0; o->weights != NULL && j < n; j++)
		if (!(o->weights[j] > 0.0 && isfinite(o->weights[j])))
			return err_set(err, "row %zu: weight %g is not a finite "
			    "number > 0", j + 1, o->weights[j]);
	if (o->lo != NULL || o->hi != NULL || o->tie != NULL)
		return fit_run_reparam(m, x, y, n, o, res, err);
	for (j = 0; j < m->np && n > 0; j++)
		if (fit_ref_open(m, o, j))
			return fit_run_ref(m, x, y, n, o, res, err);
	if (o->loss == SX_LOSS_LS && (o->starts == NULL ||
	    o->starts->kind == SX_STARTS_ONE)) {
		if (fit_run_ls(m, x, y, n, o, res, err) != 0)
			return -1;
		fit_warnings(m, o->fixed, res);
		return 0;
	}
	if (o->loss == SX_LOSS_HUBER && !(o->delta > 0.0 && isfinite(o->delta)))
		return err_set(err, "huber: delta must be a finite number > 0 "
		    "(got %g)", o->delta);
	if (o->loss == SX_LOSS_HUBER && o->space != SX_SPACE_LOG)
		return err_set(err, "huber: the loss is on log-space residuals; "
		    "use --space log");
	if (o->starts != NULL && o->starts->kind == SX_STARTS_RANDOM &&
	    o->starts->count == 0)
		return err_set(err, "starts: need at least 1 random start");
	for (j = 0; j < m->np; j++)
		if (o->fixed == NULL || !o->fixed[j])
			nf++;
	if (n < nf + 1)
		return err_set(err, "too few points: %zu for %zu free parameter%s "
		    "(need at least %zu)", n, nf, nf == 1 ? "" : "s", nf + 1);
	t = xmalloc(n * sizeof *t);
	p0 = xmalloc(m->np * sizeof *p0);
	best = xmalloc(m->np * sizeof *best);
	memset(&pr, 0, sizeof pr);
	memset(&r, 0, sizeof r);
	old = gsl_set_error_handler_off();
	if (fit_check_data(m, x, y, n, o->space == SX_SPACE_LOG, t, err) != 0 ||
	    fit_start(m, x, y, n, o, p0, err) != 0)
		goto out;
	pr.m = m;
	pr.x = x;
	pr.t = t;
	pr.w = o->weights;
	pr.n = n;
	pr.delta = o->loss == SX_LOSS_HUBER ? o->delta : INFINITY;
	pr.fixed = o->fixed;
	pr.maxit = o->max_iter > 0 ? o->max_iter : FIT_MAX_ITER;
	pr.progress = o->progress;
	pr.pctx = o->pctx;
	if (o->loss == SX_LOSS_LS && o->space != SX_SPACE_LOG) {
		/* Linear least squares multistart: the solver works on log y;
		 * take the best start of plain LM in linear space instead. */
		err_set(err, "several starts need --space log");
		goto out;
	}
	/* The kernels solve the unweighted problem: weights take the
	 * generic solver. */
	if (m->kernel != NULL && o->weights == NULL &&
	    (pr.kd = m->kernel->prepare(&pr, p0)) != NULL)
		pr.kern = m->kernel;
	if (huber_objective(&pr, p0) == INFINITY && (o->starts == NULL ||
	    o->starts->kind == SX_STARTS_ONE)) {
		err_set(err, "no finite start: the model is not finite at the "
		    "starting values");
		goto out;
	}
	if (o->starts == NULL || o->starts->kind == SX_STARTS_ONE) {
		memcpy(best, p0, m->np * sizeof *best);
		fit_local(&pr, best, NULL, NULL, &lo);
		nconv = (size_t)lo.converged;
	} else if (multistart_run(&pr, p0, o->starts, best, &lo, &total, &nconv,
	    err) != 0)
		goto out;
	for (j = 0; j < m->np; j++)
		if (!isfinite(best[j])) {
			err_set(err, "the fit left the region where the model is "
			    "finite");
			goto out;
		}
	if (o->loss == SX_LOSS_LS) {
		/* Polish the best start by the trust-region solver. */
		o1 = *o;
		o1.starts = NULL;
		o1.init = best;
		if (fit_run_ls(m, x, y, n, &o1, &r, err) != 0)
			goto out;
	} else {
		r.np = m->np;
		r.n = n;
		r.p = xmalloc(m->np * sizeof *r.p);
		memcpy(r.p, best, m->np * sizeof *r.p);
		fit_stats(&pr, o->fixed, &r);
		r.iterations = lo.iterations;
		r.converged = lo.converged;
		snprintf(r.reason, sizeof r.reason, "%s", lo.converged ?
		    "converged: small step or gradient" : "did not converge");
		r.objective = lo.obj;
	}
	r.loss = o->loss;
	r.delta = o->loss == SX_LOSS_HUBER ? o->delta : NAN;
	r.starts_total = total;
	r.starts_converged = nconv;
	fit_warnings(m, o->fixed, &r);
	*res = r;
	rc = 0;
out:
	gsl_set_error_handler(old);
	if (pr.kern != NULL)
		pr.kern->release(pr.kd);
	free(t);
	free(p0);
	free(best);
	return rc;
}

/* Free what fit_run allocated in res (NULL allowed) and clear it. */
void
fit_result_free(sx_fit_result *res)
{
	if (res == NULL)
		return;
	free(res->p);
	free(res->se);
	free(res->cov);
	free(res->boot);
	free(res->ci_lo);
	free(res->ci_hi);
	free(res->holdout);
	free(res->bound);
	free(res->tied);
	memset(res, 0, sizeof *res);
}

/* Deep copy of src into dst (dst's old contents are not freed). */
void
fit_result_copy(sx_fit_result *dst, const sx_fit_result *src)
{
	size_t np = src->np;

	*dst = *src;
	dst->p = src->p != NULL ? xmalloc(np * sizeof *dst->p) : NULL;
	dst->se = src->se != NULL ? xmalloc(np * sizeof *dst->se) : NULL;
	dst->cov = src->cov != NULL ? xmalloc(np * np * sizeof *dst->cov) : NULL;
	if (src->p != NULL)
		memcpy(dst->p, src->p, np * sizeof *dst->p);
	if (src->se != NULL)
		memcpy(dst->se, src->se, np * sizeof *dst->se);
	if (src->cov != NULL)
		memcpy(dst->cov, src->cov, np * np * sizeof *dst->cov);
	dst->boot = NULL;
	dst->ci_lo = dst->ci_hi = NULL;
	if (src->boot != NULL) {
		dst->boot = xmalloc(src->nboot * np * sizeof *dst->boot);
		memcpy(dst->boot, src->boot, src->nboot * np * sizeof *dst->boot);
	}
	if (src->ci_lo != NULL) {
		dst->ci_lo = xmalloc(np * sizeof *dst->ci_lo);
		dst->ci_hi = xmalloc(np * sizeof *dst->ci_hi);
		memcpy(dst->ci_lo, src->ci_lo, np * sizeof *dst->ci_lo);
		memcpy(dst->ci_hi, src->ci_hi, np * sizeof *dst->ci_hi);
	}
	dst->holdout = src->holdout != NULL ? xstrdup(src->holdout) : NULL;
	dst->bound = NULL;
	dst->tied = NULL;
	if (src->bound != NULL) {
		dst->bound = xmalloc(np + 1);
		memcpy(dst->bound, src->bound, np);
	}
	if (src->tied != NULL) {
		dst->tied = xmalloc((np + 1) * sizeof *dst->tied);
		memcpy(dst->tied, src->tied, np * sizeof *dst->tied);
	}
}
