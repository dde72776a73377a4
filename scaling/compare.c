/* compare.c: information criteria of fits of the same data, and each law
 * refitted without some rows (one hold-out, or each group in turn). */
#include "config.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/xalloc.h"
#include "scaling/compare.h"

/* See compare.h. */
void
compare_ic(double rss, size_t n, size_t k, double *aic, double *bic)
{
	double dn = (double)n, ll;

	if (n == 0) {
		*aic = *bic = NAN;
		return;
	}
	ll = rss > 0.0 ? dn * log(rss / dn) : rss == 0.0 ? -INFINITY : NAN;
	*aic = ll + 2.0 * (double)k;
	*bic = ll + (double)k * log(dn);
}

/* See compare.h. */
void
compare_rank(sx_cmp_row *rows, size_t nrows)
{
	double amin = INFINITY, bmin = INFINITY, wsum = 0.0;
	size_t i;

	for (i = 0; i < nrows; i++) {
		compare_ic(rows[i].rss, rows[i].n, rows[i].k, &rows[i].aic,
		    &rows[i].bic);
		amin = fmin(amin, rows[i].aic);
		bmin = fmin(bmin, rows[i].bic);
	}
	for (i = 0; i < nrows; i++) {
		rows[i].daic = rows[i].aic - amin;
		rows[i].dbic = rows[i].bic - bmin;
		/* A best AIC of -Inf (a perfect fit) makes the others' weights
		 * 0 and its own NaN: call it 1. */
		rows[i].weight = isnan(rows[i].daic) ? 1.0 : exp(-0.5 *
		    rows[i].daic);
		wsum += rows[i].weight;
	}
	for (i = 0; i < nrows; i++)
		rows[i].weight /= wsum;
}

/* See compare.h. */
size_t
compare_free(const sx_fit_result *r, unsigned char *fixed)
{
	size_t k = 0;

	for (size_t j = 0; j < r->np; j++) {
		int fx = r->cov != NULL && r->cov[j * r->np + j] == 0.0;

		if (fixed != NULL)
			fixed[j] = (unsigned char)fx;
		k += !fx;
	}
	return k;
}

/* Is a better than b: converged first, then the lower objective. */
static int
refit_better(const sx_fit_result *a, const sx_fit_result *b)
{
	if (a->converged != b->converged)
		return a->converged;
	return a->objective < b->objective;
}

/* See compare.h. */
int
compare_refit(const sx_model *m, const double *const *x, const double *y,
    size_t n, const unsigned char *held, const char *rule,
    const sx_fit_opts *opts, const double *est, sx_fit_result *res,
    sx_err *err)
{
	double *init = xmalloc((m->np + 1) * sizeof *init);
	sx_fit_opts o = *opts;
	sx_fit_result ra, rb;
	sx_err ea, eb;
	int oka, okb;

	/* The automatic start: the fixed parameters at their values only. */
	for (size_t j = 0; j < m->np; j++)
		init[j] = opts->fixed != NULL && opts->fixed[j] ? est[j] : NAN;
	o.init = init;
	o.starts = NULL;
	err_clear(&ea);
	err_clear(&eb);
	oka = fit_holdout(m, x, y, n, held, rule, &o, &ra, &ea) == 0;
	o.init = est;
	okb = fit_holdout(m, x, y, n, held, rule, &o, &rb, &eb) == 0;
	free(init);
	if (!oka && !okb) {
		*err = eb;
		return -1;
	}
	if (oka && okb) {
		if (refit_better(&rb, &ra)) {
			fit_result_free(&ra);
			ra = rb;
		} else
			fit_result_free(&rb);
	} else if (okb)
		ra = rb;
	*res = ra;
	return 0;
}

/* Order of numeric groups. */
static int
dbl_cmp(const void *a, const void *b)
{
	double x = *(const double *)a, y = *(const double *)b;

	return (x > y) - (x < y);
}

/* The numeric groups of c: distinct whole numbers, ascending. */
static int
groups_numeric(const sx_column *c, size_t n, sx_groups *g, sx_err *err)
{
	double *v = xmalloc((n + 1) * sizeof *v);
	size_t i, k = 0;

	for (i = 0; i < n; i++) {
		double x = c->v[i];

		if (isnan(x)) {
			free(v);
			return err_set(err, "group column '%s' has no value at row %zu",
			    c->name, i + 1);
		}
		if (!isfinite(x) || x != floor(x) || fabs(x) > 9007199254740992.0) {
			free(v);
			return err_set(err, "group column '%s' has %g at row %zu: groups "
			    "are a text column or whole numbers", c->name, x, i + 1);
		}
		v[i] = x;
	}
	qsort(v, n, sizeof *v, dbl_cmp);
	for (i = 0; i < n; i++)
		if (i == 0 || v[i] != v[k - 1])
			v[k++] = v[i];
	g->ng = k;
	g->numeric = 1;
	g->value = v;
	g->label = xcalloc(k + 1, sizeof *g->label);
	for (i = 0; i < k; i++)
		g->label[i] = xasprintf("%.17g", v[i]);
	for (i = 0; i < n; i++) {
		size_t lo = 0, hi = k;

		/* Binary search of the row's value among the groups. */
		while (hi - lo > 1) {
			size_t mid = (lo + hi) / 2;

			if (v[mid] <= c->v[i])
				lo = mid;
			else
				hi = mid;
		}
		g->id[i] = lo;
	}
	return 0;
}

/* The text groups of c, in order of first appearance. */
static int
groups_text(const sx_column *c, size_t n, sx_groups *g, sx_err *err)
{
	size_t i, j;

	g->label = xcalloc(n + 1, sizeof *g->label);
	for (i = 0; i < n; i++) {
		if (c->text[i] == NULL)
			return err_set(err, "group column '%s' has no value at row %zu",
			    c->name, i + 1);
		for (j = 0; j < g->ng; j++)
			if (strcmp(g->label[j], c->text[i]) == 0)
				break;
		if (j == g->ng)
			g->label[g->ng++] = xstrdup(c->text[i]);
		g->id[i] = j;
	}
	return 0;
}

/* See compare.h. */
int
compare_groups(const sx_column *c, size_t n, sx_groups *g, sx_err *err)
{
	int rc;

	memset(g, 0, sizeof *g);
	g->n = n;
	g->id = xcalloc(n + 1, sizeof *g->id);
	rc = c->v != NULL ? groups_numeric(c, n, g, err) : groups_text(c, n, g,
	    err);
	if (rc == 0 && g->ng < 2)
		rc = err_set(err, "group column '%s' has %s group%s%s%s: leaving "
		    "one group out needs at least two", c->name, g->ng == 0 ? "no" :
		    "one", g->ng == 1 ? " '" : "s", g->ng == 1 ? g->label[0] : "",
		    g->ng == 1 ? "'" : "");
	if (rc != 0) {
		compare_groups_free(g);
		return -1;
	}
	g->count = xcalloc(g->ng, sizeof *g->count);
	for (size_t i = 0; i < n; i++)
		g->count[g->id[i]]++;
	return 0;
}

void
compare_groups_free(sx_groups *g)
{
	if (g == NULL)
		return;
	for (size_t j = 0; g->label != NULL && j < g->ng; j++)
		free(g->label[j]);
	free(g->label);
	free(g->id);
	free(g->count);
	free(g->value);
	memset(g, 0, sizeof *g);
}

/* See compare.h. */
int
compare_logo(const sx_model *m, const double *const *x, const double *y,
    size_t n, const sx_groups *g, const char *col, const sx_fit_opts *opts,
    const double *est, sx_logo *lo, sx_err *err)
{
	unsigned char *held = xmalloc(n + 1);
	sx_fit_result *res = xcalloc(g->ng, sizeof *res);
	double srm = 0.0, smx = 0.0;
	size_t j, i;

	for (j = 0; j < g->ng; j++) {
		char *rule = g->numeric ? xasprintf("%s == %s", col, g->label[j]) :
		    xasprintf("%s == \"%s\"", col, g->label[j]);
		sx_err e;
		int rc;

		for (i = 0; i < n; i++)
			held[i] = g->id[i] == j;
		err_clear(&e);
		rc = compare_refit(m, x, y, n, held, rule, opts, est, &res[j], &e);
		free(rule);
		if (rc != 0) {
			err_set(err, "holding out %s '%s' (%zu row%s): %s", col,
			    g->label[j], g->count[j], g->count[j] == 1 ? "" : "s", e.msg);
			while (j-- > 0)
				fit_result_free(&res[j]);
			free(res);
			free(held);
			return -1;
		}
		srm += res[j].ho_rmse_log;
		smx += res[j].ho_maxabs;
	}
	free(held);
	lo->ng = g->ng;
	lo->res = res;
	lo->mean_rmse_log = srm / (double)g->ng;
	lo->mean_maxabs = smx / (double)g->ng;
	return 0;
}

void
compare_logo_free(sx_logo *lo)
{
	if (lo == NULL)
		return;
	for (size_t j = 0; j < lo->ng; j++)
		fit_result_free(&lo->res[j]);
	free(lo->res);
	memset(lo, 0, sizeof *lo);
}
