/* fit_reparam.c: bounds and tied parameters. The fit runs on a law of
 * new parameters q, fewer when some are tied and transformed where
 * bounded, so every solver (least squares, Huber, multistart, bootstrap)
 * honours them unchanged; the result is mapped back to the law's own. */
#include "config.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/fmt.h"
#include "base/xalloc.h"
#include "scaling/fit.h"
#include "scaling/fit_impl.h"

/* How q maps to p: as it is (free, or a positive scale the solvers fit as
 * its logarithm), lo + e^q, hi - e^q, or lo + (hi - lo)/(1 + e^-q). */
enum rp_kind { RP_FREE, RP_POS, RP_LO, RP_HI, RP_BOTH };

typedef struct rp_priv {
	const sx_model *base;
	size_t nq;
	size_t *rep;            /* np: the q each p is */
	size_t *first;          /* nq: the first p of each q */
	enum rp_kind *kind;     /* nq */
	double *lo, *hi;        /* nq: bounds, in p's units */
	unsigned char *asked;   /* nq: a bound the user gave (not only a
	                           positive scale's 0) */
	unsigned char *ref;     /* nq: reference flags, or NULL */
	double *pbuf, *Jbuf;    /* np; n x np, grown as needed */
	size_t jcap;
} rp_priv;

static double
rp_p(const rp_priv *r, size_t k, double q)
{
	switch (r->kind[k]) {
	case RP_LO:
		return r->lo[k] + exp(q);
	case RP_HI:
		return r->hi[k] - exp(q);
	case RP_BOTH:
		return r->lo[k] + (r->hi[k] - r->lo[k]) / (1.0 + exp(-q));
	default:
		return q;
	}
}

/* dp/dq at p. */
static double
rp_dp(const rp_priv *r, size_t k, double p)
{
	switch (r->kind[k]) {
	case RP_LO:
		return p - r->lo[k];
	case RP_HI:
		return -(r->hi[k] - p);
	case RP_BOTH:
		return (p - r->lo[k]) * (r->hi[k] - p) / (r->hi[k] - r->lo[k]);
	default:
		return 1.0;
	}
}

/* q of a p strictly inside the bounds (NaN outside). */
static double
rp_q(const rp_priv *r, size_t k, double p)
{
	switch (r->kind[k]) {
	case RP_LO:
		return p > r->lo[k] ? log(p - r->lo[k]) : NAN;
	case RP_HI:
		return p < r->hi[k] ? log(r->hi[k] - p) : NAN;
	case RP_BOTH:
		return p > r->lo[k] && p < r->hi[k] ? log((p - r->lo[k]) /
		    (r->hi[k] - p)) : NAN;
	default:
		return p;
	}
}

/* p inside the bounds of q k: a start on or beyond one moved in by a
 * hundredth of the range (or of its size, for a half-open one). */
static double
rp_inside(const rp_priv *r, size_t k, double p)
{
	double lo = r->lo[k], hi = r->hi[k];
	double step = isfinite(lo) && isfinite(hi) ? 0.01 * (hi - lo) :
	    fmax(0.01 * fabs(isfinite(lo) ? lo : hi), 1e-3);

	if (r->kind[k] == RP_FREE || r->kind[k] == RP_POS || !isfinite(p))
		return p;
	if (isfinite(lo) && p <= lo)
		return lo + step;
	if (isfinite(hi) && p >= hi)
		return hi - step;
	return p;
}

static void
rp_expand(const rp_priv *r, const double *q, double *p)
{
	for (size_t j = 0; j < r->base->np; j++)
		p[j] = rp_p(r, r->rep[j], q[r->rep[j]]);
}

static int
rp_eval(const sx_model *m, const double *const *x, size_t n, const double *q,
    int lg, double *f, double *J)
{
	rp_priv *r = m->priv;
	size_t np = r->base->np, nq = r->nq;
	int st;

	rp_expand(r, q, r->pbuf);
	if (J == NULL)
		return r->base->eval(r->base, x, n, r->pbuf, lg, f, NULL);
	if (r->jcap < n * np) {
		free(r->Jbuf);
		r->Jbuf = xmalloc((n * np + 1) * sizeof *r->Jbuf);
		r->jcap = n * np;
	}
	st = r->base->eval(r->base, x, n, r->pbuf, lg, f, r->Jbuf);
	for (size_t i = 0; i < n; i++) {
		for (size_t k = 0; k < nq; k++)
			J[i * nq + k] = 0.0;
		for (size_t j = 0; j < np; j++) {
			size_t k = r->rep[j];

			J[i * nq + k] += r->Jbuf[i * np + j] * rp_dp(r, k, r->pbuf[j]);
		}
	}
	return st;
}

static int
rp_guess(const sx_model *m, const double *const *x, const double *y,
    size_t n, double *q)
{
	rp_priv *r = m->priv;
	double *p = xmalloc((r->base->np + 1) * sizeof *p);
	int rc = r->base->guess != NULL ? r->base->guess(r->base, x, y, n, p) : -1;

	for (size_t k = 0; rc == 0 && k < r->nq; k++)
		q[k] = rp_q(r, k, rp_inside(r, k, p[r->first[k]]));
	free(p);
	return rc;
}

static void
rp_free(void *vp)
{
	rp_priv *r = vp;

	free(r->rep);
	free(r->first);
	free(r->kind);
	free(r->lo);
	free(r->hi);
	free(r->asked);
	free(r->ref);
	free(r->pbuf);
	free(r->Jbuf);
	free(r);
}

/* The law of q for m with tie (np: the parameter each is tied to, itself
 * when none, or NULL), bounds lo, hi (np or NULL) and fixed (np or NULL:
 * a fixed q is never transformed). */
static sx_model *
rp_model(const sx_model *m, const size_t *tie, const double *lo,
    const double *hi, const unsigned char *fixed)
{
	sx_model *w = xcalloc(1, sizeof *w);
	rp_priv *r = xcalloc(1, sizeof *r);
	size_t np = m->np;

	r->base = m;
	r->rep = xmalloc((np + 1) * sizeof *r->rep);
	r->first = xmalloc((np + 1) * sizeof *r->first);
	r->kind = xcalloc(np + 1, sizeof *r->kind);
	r->lo = xmalloc((np + 1) * sizeof *r->lo);
	r->hi = xmalloc((np + 1) * sizeof *r->hi);
	r->asked = xcalloc(np + 1, 1);
	r->pbuf = xmalloc((np + 1) * sizeof *r->pbuf);
	for (size_t j = 0; j < np; j++) {
		size_t t = tie != NULL ? tie[j] : j;

		if (t != j) {
			r->rep[j] = r->rep[t];
			continue;
		}
		r->rep[j] = r->nq;
		r->first[r->nq] = j;
		r->lo[r->nq] = lo != NULL ? lo[j] : -INFINITY;
		r->hi[r->nq] = hi != NULL ? hi[j] : INFINITY;
		r->asked[r->nq] = isfinite(r->lo[r->nq]) || isfinite(r->hi[r->nq]);
		r->nq++;
	}
	w->np = r->nq;
	w->params = xcalloc(r->nq + 1, sizeof *w->params);
	w->positive = xcalloc(r->nq + 1, 1);
	for (size_t k = 0; k < r->nq; k++) {
		size_t j = r->first[k];
		double l = r->lo[k], h = r->hi[k];

		if (m->positive[j] && !(l > 0.0))
			r->lo[k] = l = 0.0;
		w->params[k] = xstrdup(m->params[j]);
		if (fixed != NULL && fixed[j]) {
			r->kind[k] = m->positive[j] ? RP_POS : RP_FREE;
			r->asked[k] = 0;   /* held by the user, not by a bound */
		}
		else if (l == 0.0 && h == INFINITY)
			r->kind[k] = RP_POS;
		else if (isfinite(l) && isfinite(h))
			r->kind[k] = RP_BOTH;
		else if (isfinite(l))
			r->kind[k] = RP_LO;
		else if (isfinite(h))
			r->kind[k] = RP_HI;
		w->positive[k] = r->kind[k] == RP_POS;
	}
	if (m->reference != NULL) {
		r->ref = xcalloc(r->nq + 1, 1);
		for (size_t k = 0; k < r->nq; k++)
			r->ref[k] = m->reference[r->first[k]];
		w->reference = r->ref;
	}
	w->name = xstrdup(m->name);
	w->formula = xstrdup(m->formula);
	w->about = xstrdup(m->about != NULL ? m->about : "");
	w->nin = m->nin;
	w->inputs = xcalloc(m->nin + 1, sizeof *w->inputs);
	for (size_t i = 0; i < m->nin; i++)
		w->inputs[i] = xstrdup(m->inputs[i]);
	w->eval = rp_eval;
	w->guess = m->guess != NULL ? rp_guess : NULL;
	w->priv = r;
	w->priv_free = rp_free;
	return w;
}

/* A start grid's axes on q: each axis moves to its q, its values (in p's
 * units, or their logarithms) through the map as a list. -1 with err set
 * for two axes on tied parameters. */
static int
rp_axes(const rp_priv *r, const sx_starts *st, sx_grid_axis *ax,
    double **vals, sx_err *err)
{
	for (size_t a = 0; a < st->naxes; a++) {
		const sx_grid_axis *s = &st->axes[a];
		size_t k = r->rep[s->param], nv = 0, c;

		for (size_t b = 0; b < a; b++)
			if (ax[b].param == k)
				return err_set(err, "grid: two axes on the tied "
				    "parameter %s", r->base->params[r->first[k]]);
		ax[a] = *s;
		ax[a].param = k;
		if (r->kind[k] == RP_FREE || r->kind[k] == RP_POS)
			continue;
		c = (size_t)floor((s->hi - s->lo) / s->step + 1e-9) + 1;
		vals[a] = xmalloc((c + 1) * sizeof *vals[a]);
		for (size_t i = 0; i < c; i++) {
			double v = s->lo + (double)i * s->step;
			double q = rp_q(r, k, s->logscale ? exp(v) : v);

			/* Points on or beyond a bound are left out. */
			if (isfinite(q))
				vals[a][nv++] = q;
		}
		if (nv == 0)
			return err_set(err, "grid: no point of %s's axis lies inside "
			    "its bounds", r->base->params[r->first[k]]);
		ax[a].values = vals[a];
		ax[a].nvalues = nv;
		ax[a].logscale = 0;
	}
	return 0;
}

/* The result of the fit of q as the law's own parameters: p, the
 * covariance through dp/dq, replicates and intervals mapped. */
static void
rp_result(const rp_priv *r, const sx_fit_result *rq, sx_fit_result *res)
{
	size_t np = r->base->np, nq = r->nq;
	double *g = xmalloc((np + 1) * sizeof *g);

	*res = *rq;
	res->np = np;
	res->p = xmalloc(np * sizeof *res->p);
	res->se = xmalloc(np * sizeof *res->se);
	res->cov = xcalloc(np * np + 1, sizeof *res->cov);
	rp_expand(r, rq->p, res->p);
	for (size_t j = 0; j < np; j++)
		g[j] = rp_dp(r, r->rep[j], res->p[j]);
	for (size_t i = 0; i < np; i++) {
		for (size_t j = 0; j < np; j++)
			res->cov[i * np + j] = g[i] * g[j] *
			    rq->cov[r->rep[i] * nq + r->rep[j]];
		res->se[i] = rq->se[r->rep[i]] * fabs(g[i]);
	}
	res->boot = NULL;
	res->ci_lo = res->ci_hi = NULL;
	if (rq->boot != NULL) {
		res->boot = xmalloc(rq->nboot * np * sizeof *res->boot);
		for (size_t b = 0; b < rq->nboot; b++)
			rp_expand(r, rq->boot + b * nq, res->boot + b * np);
	}
	if (rq->ci_lo != NULL) {
		res->ci_lo = xmalloc(np * sizeof *res->ci_lo);
		res->ci_hi = xmalloc(np * sizeof *res->ci_hi);
		for (size_t j = 0; j < np; j++) {
			size_t k = r->rep[j];
			double a = rp_p(r, k, rq->ci_lo[k]), b = rp_p(r, k, rq->ci_hi[k]);

			/* hi - e^q falls as q rises. */
			res->ci_lo[j] = fmin(a, b);
			res->ci_hi[j] = fmax(a, b);
		}
	}
	res->holdout = rq->holdout != NULL ? xstrdup(rq->holdout) : NULL;
	res->tied = NULL;
	res->bound = NULL;
	free(g);
}

/* Is p at its bound (its q run off towards it)? 'l', 'h' or 0. */
static int
rp_at_bound(const rp_priv *r, size_t k, double p)
{
	double lo = r->lo[k], hi = r->hi[k];
	double scale = fmax(fmax(fabs(p), 1.0), isfinite(lo) && isfinite(hi) ?
	    hi - lo : 0.0);

	/* A positive scale's own 0 is not a bound the user gave: its
	 * running off to zero has a warning of its own. */
	if (r->kind[k] == RP_FREE || !r->asked[k])
		return 0;
	if (isfinite(lo) && p - lo <= 1e-6 * scale)
		return 'l';
	if (isfinite(hi) && hi - p <= 1e-6 * scale)
		return 'h';
	return 0;
}

/* Check the options' bounds and ties against m: -1 with err set. */
static int
rp_check(const sx_model *m, const sx_fit_opts *o, sx_err *err)
{
	for (size_t j = 0; j < m->np; j++) {
		double lo = o->lo != NULL ? o->lo[j] : -INFINITY;
		double hi = o->hi != NULL ? o->hi[j] : INFINITY;
		double v = o->init != NULL ? o->init[j] : NAN;
		size_t t = o->tie != NULL ? o->tie[j] : j;

		if (isnan(lo) || isnan(hi) || !(lo < hi))
			return err_set(err, "bounds of %s: need lo < hi (got %g:%g)",
			    m->params[j], lo, hi);
		if (m->positive[j] && hi <= 0.0)
			return err_set(err, "bounds of %s: it is a positive scale, "
			    "so hi must be > 0 (got %g)", m->params[j], hi);
		if (!isnan(v) && (v < lo || v > hi))
			return err_set(err, "%s = %g is outside its bounds %g:%g",
			    m->params[j], v, lo, hi);
		if (t >= m->np || (o->tie != NULL && o->tie[t] != t))
			return err_set(err, "tie of %s: it must name a parameter "
			    "that is tied to nothing itself", m->params[j]);
		if (t != j && o->fixed != NULL && o->fixed[j] != o->fixed[t])
			return err_set(err, "%s is tied to %s: fix both or neither",
			    m->params[j], m->params[t]);
		if (t != j && (o->lo != NULL || o->hi != NULL) &&
		    (lo != (o->lo != NULL ? o->lo[t] : -INFINITY) ||
		    hi != (o->hi != NULL ? o->hi[t] : INFINITY)))
			return err_set(err, "%s is tied to %s: bound %s instead",
			    m->params[j], m->params[t], m->params[t]);
	}
	return 0;
}

/* One fit of q: the options moved to q, the result back to p. */
static int
rp_fit(const sx_model *m, const double *const *x, const double *y, size_t n,
    const sx_fit_opts *o, sx_fit_result *res, sx_err *err)
{
	sx_model *w = rp_model(m, o->tie, o->lo, o->hi, o->fixed);
	rp_priv *r = w->priv;
	double *init = xmalloc((r->nq + 1) * sizeof *init);
	unsigned char *fixed = xcalloc(r->nq + 1, 1);
	sx_grid_axis *ax = NULL;
	double **vals = NULL;
	sx_starts st;
	sx_fit_opts o2 = *o;
	sx_fit_result rq;
	int rc = -1;

	for (size_t k = 0; k < r->nq; k++) {
		size_t j = r->first[k];
		double v = o->init != NULL ? o->init[j] : NAN;

		fixed[k] = o->fixed != NULL && o->fixed[j];
		init[k] = isnan(v) ? NAN : fixed[k] ? v : rp_q(r, k,
		    rp_inside(r, k, v));
	}
	o2.init = init;
	o2.fixed = fixed;
	o2.lo = o2.hi = NULL;
	o2.tie = NULL;
	if (o->starts != NULL && o->starts->kind == SX_STARTS_GRID &&
	    o->starts->naxes > 0) {
		st = *o->starts;
		ax = xcalloc(st.naxes, sizeof *ax);
		vals = xcalloc(st.naxes, sizeof *vals);
		if (rp_axes(r, &st, ax, vals, err) != 0)
			goto out;
		st.axes = ax;
		o2.starts = &st;
	}
	if (fit_run(w, x, y, n, &o2, &rq, err) != 0)
		goto out;
	rp_result(r, &rq, res);
	res->bound = xcalloc(m->np + 1, 1);
	for (size_t j = 0; j < m->np; j++)
		res->bound[j] = (unsigned char)rp_at_bound(r, r->rep[j], res->p[j]);
	if (o->tie != NULL) {
		res->tied = xmalloc((m->np + 1) * sizeof *res->tied);
		memcpy(res->tied, o->tie, m->np * sizeof *res->tied);
	}
	fit_result_free(&rq);
	rc = 0;
out:
	for (size_t a = 0; vals != NULL && a < o->starts->naxes; a++)
		free(vals[a]);
	free(vals);
	free(ax);
	free(init);
	free(fixed);
	model_free(w);
	return rc;
}

/*
 * fit_run with bounds or ties (see fit.h). A parameter that ends on its
 * bound is held there and the fit repeated from that point, so the
 * others' errors are those of the bounded problem and it has none.
 */
int
fit_run_reparam(const sx_model *m, const double *const *x, const double *y,
    size_t n, const sx_fit_opts *o, sx_fit_result *res, sx_err *err)
{
	sx_fit_result r1, r2;
	unsigned char *fixed, *bound;
	double *init;
	sx_fit_opts o2;
	int active = 0;

	if (rp_check(m, o, err) != 0 || rp_fit(m, x, y, n, o, &r1, err) != 0)
		return -1;
	for (size_t j = 0; j < m->np; j++)
		active |= r1.bound[j] != 0;
	if (!active) {
		*res = r1;
		return 0;
	}
	fixed = xcalloc(m->np + 1, 1);
	init = xmalloc((m->np + 1) * sizeof *init);
	for (size_t j = 0; j < m->np; j++) {
		size_t t = o->tie != NULL ? o->tie[j] : j;

		fixed[j] = (o->fixed != NULL && o->fixed[j]) || r1.bound[t];
		init[j] = r1.bound[t] == 'l' ? o->lo[t] : r1.bound[t] == 'h' ?
		    o->hi[t] : r1.p[j];
	}
	o2 = *o;
	o2.fixed = fixed;
	o2.init = init;
	o2.starts = NULL;
	if (rp_fit(m, x, y, n, &o2, &r2, err) != 0) {
		fit_result_free(&r1);
		free(fixed);
		free(init);
		return -1;
	}
	bound = r2.bound;
	r2.bound = r1.bound;
	r1.bound = bound;
	r2.starts_total = r1.starts_total;
	r2.starts_converged = r1.starts_converged;
	r2.iterations += r1.iterations;
	for (size_t j = 0; j < m->np; j++)
		if (r2.bound[j] != 0 && (o->tie == NULL || o->tie[j] == j))
			fmt_append(r2.warn, sizeof r2.warn, "%s%s is at its %s bound "
			    "%g: the fit without it would go beyond; held there, it "
			    "has no standard error", r2.warn[0] != '\0' ? "; " : "",
			    m->params[j], r2.bound[j] == 'l' ? "lower" : "upper",
			    r2.bound[j] == 'l' ? o->lo[j] : o->hi[j]);
	fit_result_free(&r1);
	free(fixed);
	free(init);
	*res = r2;
	return 0;
}
