/* compare-holdout.c: compare's hold-outs: each law refitted without the
 * rows held out (one rule, or each group of a column in turn) and scored
 * on them. */
#include "config.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "base/xalloc.h"
#include "commands/scaling/compare-impl.h"
#include "scaling/compare.h"

/* Whether fit i was fitted to the rows its data has now (all of them, or
 * those its own --holdout left): a refit of other rows would score a law
 * that is not the fit's. -1 after saying so. */
static int
cmp_rows_used(sx_ctx *ctx, const struct cmp *c, size_t i)
{
	const sx_fitrec *f = c->f[i];
	size_t used = c->ds->nrows;

	if (f->res.holdout != NULL) {
		unsigned char *held = xcalloc(c->ds->nrows + 1, 1);
		int rc = fit_holdout_rows(ctx, c->argi[i], c->ds, f->res.holdout,
		    held);

		for (size_t r = 0; rc == 0 && r < c->ds->nrows; r++)
			used -= held[r] != 0;
		free(held);
		if (rc != 0)
			return -1;
	}
	if (used != f->res.n)
		return cmd_fail(ctx, c->argi[i], "fit '%s' was fitted to %zu rows of "
		    "'%s', which now gives %zu (refit it first)", f->name, f->res.n,
		    f->data, used);
	return 0;
}

/* The columns of fit f in c->ds, and the options of its refits (space,
 * loss, fixed parameters, weights); -1 after saying what is gone. */
static int
cmp_bind(sx_ctx *ctx, const struct cmp *c, size_t i, const double **x,
    const double **y, sx_fit_opts *o, unsigned char *fixed)
{
	const sx_fitrec *f = c->f[i];
	int yc = dataset_column_exact(c->ds, f->ycol), wc = f->wcol != NULL ?
	    dataset_column_exact(c->ds, f->wcol) : -1;

	for (size_t k = 0; k < f->nx; k++) {
		int xc = dataset_column_exact(c->ds, f->xcols[k]);

		if (xc < 0 || c->ds->cols[xc].v == NULL)
			return cmd_fail(ctx, c->argi[i], "fit '%s': column '%s' is gone "
			    "from '%s' (refit it first)", f->name, f->xcols[k], f->data);
		x[k] = c->ds->cols[xc].v;
	}
	if (yc < 0 || (f->wcol != NULL && wc < 0))
		return cmd_fail(ctx, c->argi[i], "fit '%s': column '%s' is gone from "
		    "'%s' (refit it first)", f->name, yc < 0 ? f->ycol : f->wcol,
		    f->data);
	*y = c->ds->cols[yc].v;
	if (cmp_rows_used(ctx, c, i) != 0)
		return -1;
	memset(o, 0, sizeof *o);
	o->space = f->space;
	o->loss = f->res.loss;
	o->delta = f->res.delta;
	o->weights = wc >= 0 ? c->ds->cols[wc].v : NULL;
	compare_free(&f->res, fixed);
	o->fixed = fixed;
	return 0;
}

/* Each law refitted on the rows where --holdout is false, scored on the
 * others: the scores in rows[i] (a "holdout" member). */
int
cmp_holdout(sx_ctx *ctx, const sx_args *a, const struct cmp *c,
    sx_rec *const *rowv, sx_rec *rec)
{
	const char *rule = arg(a, ctx->cmd, "--holdout");
	int argi = arg_index(a, ctx->cmd, "--holdout"), rc = 0;
	unsigned char *held = xcalloc(c->ds->nrows + 1, 1);
	sx_fit_result *r = xcalloc(c->n, sizeof *r);
	size_t i;

	if (fit_holdout_rows(ctx, argi, c->ds, rule, held) != 0)
		rc = -1;
	for (i = 0; rc == 0 && i < c->n; i++) {
		const double **x = xcalloc(c->m[i]->nin + 1, sizeof *x), *y;
		unsigned char *fixed = xcalloc(c->m[i]->np + 1, 1);
		sx_fit_opts o;
		sx_err e;

		err_clear(&e);
		if (cmp_bind(ctx, c, i, x, &y, &o, fixed) != 0)
			rc = -1;
		else if (compare_refit(c->m[i], x, y, c->ds->nrows, held, rule, &o,
		    c->f[i]->res.p, &r[i], &e) != 0)
			rc = cmd_fail(ctx, argi, "fit '%s': %s", c->f[i]->name, e.msg);
		free(x);
		free(fixed);
	}
	if (rc == 0) {
		sx_rec *h = rec_obj(rec, "holdout");

		rec_str(h, "rule", rule);
		rec_int(h, "fitted", (long long)r[0].n);
		rec_int(h, "held", (long long)r[0].ho_n);
		for (i = 0; i < c->n; i++) {
			h = rec_obj(rowv[i], "holdout");
			rec_num(h, "rmse_log", r[i].ho_rmse_log);
			rec_num(h, "max_abs_err", r[i].ho_maxabs);
			rec_bool(h, "converged", r[i].converged);
		}
	}
	while (i-- > 0)
		fit_result_free(&r[i]);
	free(r);
	free(held);
	return rc;
}

/* Leave one group of --holdout-by out at a time, for each law. */
int
cmp_holdout_by(sx_ctx *ctx, const sx_args *a, const struct cmp *c,
    sx_rec *const *rowv, sx_rec *rec)
{
	const char *col = arg(a, ctx->cmd, "--holdout-by");
	int argi = arg_index(a, ctx->cmd, "--holdout-by"), rc = 0;
	int gc = dataset_column(c->ds, col);
	sx_logo *lo = xcalloc(c->n, sizeof *lo);
	sx_groups g;
	sx_err e;
	size_t i;

	err_clear(&e);
	if (gc < 0) {
		dataset_numeric_column(c->ds, col, &e);
		free(lo);
		return cmd_fail(ctx, argi, "--holdout-by: %s", e.msg);
	}
	if (compare_groups(&c->ds->cols[gc], c->ds->nrows, &g, &e) != 0) {
		free(lo);
		return cmd_fail(ctx, argi, "--holdout-by: %s", e.msg);
	}
	for (i = 0; rc == 0 && i < c->n; i++) {
		const double **x = xcalloc(c->m[i]->nin + 1, sizeof *x), *y;
		unsigned char *fixed = xcalloc(c->m[i]->np + 1, 1);
		sx_fit_opts o;

		if (cmp_bind(ctx, c, i, x, &y, &o, fixed) != 0)
			rc = -1;
		else if (compare_logo(c->m[i], x, y, c->ds->nrows, &g,
		    c->ds->cols[gc].name, &o, c->f[i]->res.p, &lo[i], &e) != 0)
			rc = cmd_fail(ctx, argi, "fit '%s': %s", c->f[i]->name, e.msg);
		free(x);
		free(fixed);
	}
	if (rc == 0) {
		sx_rec *h = rec_obj(rec, "holdout_by"), *gs;

		rec_str(h, "column", c->ds->cols[gc].name);
		gs = rec_arr(h, "groups");
		for (size_t j = 0; j < g.ng; j++) {
			sx_rec *o = rec_obj(gs, NULL);

			if (g.numeric)
				rec_num(o, "group", g.value[j]);
			else
				rec_str(o, "group", g.label[j]);
			rec_str(o, "label", g.label[j]);
			rec_int(o, "n", (long long)g.count[j]);
		}
		for (size_t k = 0; k < c->n; k++) {
			sx_rec *o = rec_obj(rowv[k], "holdout_by");
			sx_rec *per = rec_arr(o, "groups");

			for (size_t j = 0; j < g.ng; j++) {
				sx_rec *q = rec_obj(per, NULL);

				rec_str(q, "group", g.label[j]);
				rec_num(q, "rmse_log", lo[k].res[j].ho_rmse_log);
				rec_num(q, "max_abs_err", lo[k].res[j].ho_maxabs);
				rec_bool(q, "converged", lo[k].res[j].converged);
			}
			rec_num(o, "mean_rmse_log", lo[k].mean_rmse_log);
			rec_num(o, "mean_max_abs_err", lo[k].mean_maxabs);
		}
	}
	for (size_t k = 0; k < c->n; k++)
		compare_logo_free(&lo[k]);
	free(lo);
	compare_groups_free(&g);
	return rc;
}
