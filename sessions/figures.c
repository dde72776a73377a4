/* figures.c: the figure handle, and plots of datasets and fits; the
 * frontier and crossover figures are in figures-frontier.c and
 * figures-crossover.c. */
#include "config.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/xalloc.h"
#include "scaling/columns.h"
#include "scaling/frontier.h"
#include "sessions/figures.h"
#include "sessions/figures-impl.h"

static double
law_curve_eval(double x, void *vctx)
{
	struct law_curve *lc = vctx;
	const double *xs[1] = { &x };
	double y;

	return lc->m->eval(lc->m, xs, 1, lc->p, 0, &y, NULL) == 0 ? y : NAN;
}

/* The compute-optimal L_opt(C), N_opt(C) or D_opt(C) of a law of N, D. */
double
figures_frontier_eval(double C, void *vctx)
{
	struct law_curve *lc = vctx;
	sx_frontier_pt pt;

	if (frontier_point_u(lc->m, lc->p, lc->k, C, lc->U, &pt, NULL,
	    NULL) != 0)
		return NAN;
	return lc->what == 1 ? pt.N_opt : lc->what == 2 ? pt.D_opt : pt.L_opt;
}

figures_fig *
figures_new(void)
{
	figures_fig *ff = xcalloc(1, sizeof *ff);

	ff->f = figure_new();
	if (ff->f == NULL) {
		free(ff);
		return NULL;
	}
	return ff;
}

px_figure *
figures_px(figures_fig *ff)
{
	return ff->f;
}

void
figures_free(figures_fig *ff)
{
	if (ff == NULL)
		return;
	figure_free(ff->f);
	free(ff);
}

/* The default x column of a dataset: the first of C, N, D, S, t present. */
static int
figures_default_x(const sx_dataset *ds, int ycol)
{
	static const char *order[] = { "C", "N", "D", "S", "t" };

	for (size_t i = 0; i < sizeof order / sizeof order[0]; i++) {
		int c = dataset_column(ds, order[i]);

		if (c >= 0 && c != ycol && ds->cols[c].v != NULL)
			return c;
	}
	for (size_t c = 0; c < ds->ncols; c++)
		if ((int)c != ycol && ds->cols[c].v != NULL)
			return (int)c;
	return -1;
}

/* Whether a column holds compute (C, or an alias such as flops). */
static int
figures_is_compute(const sx_column *c)
{
	const char *canon = column_canonical(c->name);

	return canon != NULL && strcmp(canon, "C") == 0;
}

/* "name (unit)" for an axis title. */
static char *
figures_axis_title(const sx_column *c)
{
	return c->unit != NULL ? xasprintf("%s (%s)", c->name, c->unit) :
	    xstrdup(c->name);
}

/*
 * The 95% band of a one-input law from its covariance (delta method),
 * sampled at npts log-spaced x across [lo, hi].
 */
static int
figures_band(px_figure *f, const sx_model *m, const sx_fit_result *r,
    double lo, double hi, int logx, px_err *e)
{
	enum { NPTS = 160 };
	double x[NPTS], blo[NPTS], bhi[NPTS], *J = xcalloc(r->np, sizeof *J);

	for (int i = 0; i < NPTS; i++) {
		double t = (double)i / (NPTS - 1), y, var = 0;
		const double *xs[1] = { &x[i] };

		x[i] = logx ? exp(log(lo) + t * (log(hi) - log(lo))) :
		    lo + t * (hi - lo);
		if (m->eval(m, xs, 1, r->p, 0, &y, J) != 0) {
			blo[i] = bhi[i] = NAN;
			continue;
		}
		for (size_t a = 0; a < r->np; a++)
			for (size_t b = 0; b < r->np; b++)
				if (isfinite(r->cov[a * r->np + b]))
					var += J[a] * r->cov[a * r->np + b] * J[b];
		blo[i] = y - 1.96 * sqrt(var);
		bhi[i] = y + 1.96 * sqrt(var);
	}
	free(J);
	return figure_band(f, "95% band", x, blo, bhi, NPTS, e) < 0 ? -1 : 0;
}

/* Predictions of fit fr at each row of ds, into a new array (NULL: error). */
static double *
figures_predict(const sx_fitrec *fr, const sx_model *m, const sx_dataset *ds)
{
	const double **x = xcalloc(m->nin, sizeof *x);
	double *y = xcalloc(ds->nrows, sizeof *y);

	for (size_t k = 0; k < m->nin; k++) {
		int c = dataset_column_exact(ds, fr->xcols[k]);

		if (c < 0 || ds->cols[c].v == NULL) {
			free(x);
			free(y);
			return NULL;
		}
		x[k] = ds->cols[c].v;
	}
	if (m->eval(m, x, ds->nrows, fr->res.p, 0, y, NULL) != 0)
		for (size_t i = 0; i < ds->nrows; i++)
			y[i] = isfinite(y[i]) ? y[i] : NAN;
	free(x);
	return y;
}

/* The residual panel of fit fr over column xcol against ycol. */
static int
figures_residuals(px_figure *f, const sx_fitrec *fr, const sx_model *m,
    const sx_dataset *ds, int xcol, int ycol, px_err *pe, sx_err *e)
{
	double *pred = figures_predict(fr, m, ds), *res;
	int k;

	if (pred == NULL)
		return err_set(e, "cannot evaluate fit '%s' on '%s'", fr->name,
		    ds->name);
	res = xcalloc(ds->nrows, sizeof *res);
	for (size_t r = 0; r < ds->nrows; r++)
		res[r] = fr->space == SX_SPACE_LOG ? log(ds->cols[ycol].v[r]) -
		    log(pred[r]) : ds->cols[ycol].v[r] - pred[r];
	k = figure_residuals(f, fr->space == SX_SPACE_LOG ? "log residual" :
	    "residual", ds->cols[xcol].v, res, ds->nrows, pe);
	free(res);
	free(pred);
	if (k < 0)
		return err_set(e, "%s", pe->msg);
	return 0;
}

/* One fit drawn over x: its law as a curve, or per run (and frontier). */
static int
figures_add_law(figures_fig *ff, const sx_fitrec *fr, const sx_model *m,
    const sx_dataset *ds, int xcol, double xlo, double xhi,
    const figures_opts *o, sx_err *e)
{
	struct law_curve *lc = &ff->curves[ff->ncurves];
	int in_n, in_d, k;
	px_err pe;

	*lc = (struct law_curve){ m, fr->res.p, 0, SX_FRONTIER_K, NAN };
	if (m->nin == 1 && strcmp(fr->xcols[0], ds->cols[xcol].name) == 0) {
		ff->ncurves++;
		if (figure_function(ff->f, fr->name, law_curve_eval, lc, &pe) < 0)
			return err_set(e, "%s", pe.msg);
		if (o->band && fr->res.cov != NULL &&
		    figures_band(ff->f, m, &fr->res, xlo, xhi, o->logx, &pe) != 0)
			return err_set(e, "%s", pe.msg);
		return 0;
	}
	double *pred = figures_predict(fr, m, ds);

	if (pred == NULL)
		return err_set(e, "cannot evaluate fit '%s' on '%s'", fr->name,
		    ds->name);
	k = figure_scatter(ff->f, fr->name, ds->cols[xcol].v, pred, ds->nrows,
	    &pe);
	free(pred);
	if (k < 0)
		return err_set(e, "%s", pe.msg);
	/* Over compute, a law of N and D also has its frontier. */
	if (figures_is_compute(&ds->cols[xcol]) &&
	    frontier_nd_inputs(m, &in_n, &in_d, NULL) == 0) {
		char *label = xasprintf("%s compute-optimal", fr->name);

		ff->ncurves++;
		k = figure_function(ff->f, label, figures_frontier_eval, lc, &pe);
		free(label);
		if (k < 0)
			return err_set(e, "%s", pe.msg);
	}
	return 0;
}

figures_fig *
figures_plot(const sx_workspace *ws, const char *items, const figures_opts *o,
    sx_err *e, int *errarg)
{
	char *copy = xstrdup(items), *save = NULL, *xt = NULL, *yt = NULL;
	const sx_dataset *shown[FIG_MAXITEMS];
	sx_dataset *owned[FIG_MAXITEMS];
	const char *names[FIG_MAXITEMS];
	size_t nshown = 0, nowned = 0, nnames = 0;
	double xlo = INFINITY, xhi = -INFINITY;
	figures_fig *ff = figures_new();
	int xcol, ycol, where = FIGURES_ARG_ITEM, ok = 0;
	px_err pe;

	if (ff == NULL) {
		free(copy);
		err_set(e, "out of memory");
		return NULL;
	}
	figure_set_log(ff->f, o->logx, o->logy);
	/* The items, a group fit's name (fit --by) standing for its groups. */
	for (char *name = strtok_r(copy, " ", &save); name != NULL;
	    name = strtok_r(NULL, " ", &save)) {
		sx_fitrec *g[FIG_MAXITEMS];
		size_t ng = ws_fit(ws, name) == NULL && ws_dataset(ws, name) == NULL ?
		    ws_group_fits(ws, name, g, FIG_MAXITEMS) : 0;

		if (nnames + (ng > 0 ? ng : 1) >= FIG_MAXITEMS) {
			err_set(e, "at most %d items in one plot", FIG_MAXITEMS - 1);
			goto out;
		}
		for (size_t k = 0; k < ng; k++)
			names[nnames++] = g[k]->name;
		if (ng == 0)
			names[nnames++] = name;
	}
	for (size_t item = 0; item < nnames; item++) {
		const char *name = names[item];
		const sx_fitrec *fr = ws_fit(ws, name);
		const sx_dataset *ds = fr != NULL ? ws_fit_data(ws, fr,
		    &owned[nowned], e) : ws_dataset(ws, name);
		const sx_model *m = fr != NULL ? ws_model(ws, fr->model) : NULL;
		int dup = 0;

		where = FIGURES_ARG_ITEM;
		if (fr != NULL && owned[nowned] != NULL)
			nowned++;
		if (fr == NULL && ds == NULL) {
			err_set(e, "'%s' is neither a dataset nor a fit", name);
			goto out;
		}
		if (ds == NULL)
			goto out;
		if (fr != NULL && m == NULL) {
			err_set(e, "the model of fit '%s' is gone", name);
			goto out;
		}
		if (nshown + 1 >= FIG_MAXITEMS) {
			err_set(e, "at most %d items in one plot", FIG_MAXITEMS - 1);
			goto out;
		}
		if (o->y != NULL)
			where = FIGURES_ARG_Y;
		ycol = dataset_numeric_column(ds, o->y != NULL ? o->y : fr != NULL ?
		    fr->ycol : "L", e);
		if (ycol < 0)
			goto out;
		where = o->x != NULL ? FIGURES_ARG_X : FIGURES_ARG_ITEM;
		if (o->x != NULL) {
			if ((xcol = dataset_numeric_column(ds, o->x, e)) < 0)
				goto out;
		} else if (fr != NULL && m->nin == 1)
			xcol = dataset_column_exact(ds, fr->xcols[0]);
		else
			xcol = figures_default_x(ds, ycol);
		if (xcol < 0) {
			err_set(e, "'%s' has no column to put on x; name one with "
			    "--x COL", ds->name);
			goto out;
		}
		where = FIGURES_ARG_ITEM;
		if (xt == NULL) {
			xt = figures_axis_title(&ds->cols[xcol]);
			yt = figures_axis_title(&ds->cols[ycol]);
		}
		for (size_t i = 0; i < nshown; i++)
			dup |= shown[i] == ds;
		for (size_t r = 0; r < ds->nrows; r++) {
			xlo = fmin(xlo, ds->cols[xcol].v[r]);
			xhi = fmax(xhi, ds->cols[xcol].v[r]);
		}
		if (!dup) {
			shown[nshown++] = ds;
			/* A group's rows are named by their fit. */
			if (figure_scatter(ff->f, fr != NULL && fr->group != NULL ?
			    fr->name : ds->name, ds->cols[xcol].v,
			    ds->cols[ycol].v, ds->nrows, &pe) < 0) {
				err_set(e, "%s", pe.msg);
				goto out;
			}
		}
		if (fr == NULL)
			continue;
		if (figures_add_law(ff, fr, m, ds, xcol, xlo, xhi, o, e) != 0)
			goto out;
		if (o->residuals && figures_residuals(ff->f, fr, m, ds, xcol, ycol,
		    &pe, e) != 0)
			goto out;
	}
	figure_set_labels(ff->f, xt, yt);
	ok = 1;
out:
	for (size_t i = 0; i < nowned; i++)
		dataset_free(owned[i]);
	free(copy);
	free(xt);
	free(yt);
	if (!ok) {
		if (errarg != NULL)
			*errarg = where;
		figures_free(ff);
		return NULL;
	}
	return ff;
}

figures_fig *
figures_fit(const sx_workspace *ws, const char *name, const figures_opts *o,
    sx_err *e)
{
	if (strchr(name, ' ') != NULL) {
		err_set(e, "'%s' is not one name", name);
		return NULL;
	}
	return figures_plot(ws, name, o, e, NULL);
}
