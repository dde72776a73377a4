/* cmd-plot.c: plot datasets and fitted laws in the terminal. */
#include "config.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "core/columns.h"
#include "core/frontier.h"
#include "core/xalloc.h"
#include "sessions/cmd.h"
#include "sessions/colbind.h"
#include "sessions/plotout.h"

/* A one-input law as a curve over its input column. */
struct law_curve {
	const sx_model *m;
	const double *p;
};

static double
law_curve_eval(double x, void *vctx)
{
	struct law_curve *lc = vctx;
	const double *xs[1] = { &x };
	double y;

	return lc->m->eval(lc->m, xs, 1, lc->p, 0, &y, NULL) == 0 ? y : NAN;
}

/* The compute-optimal L_opt(C) of a law of N and D. */
static double
law_frontier_eval(double C, void *vctx)
{
	struct law_curve *lc = vctx;
	sx_frontier_pt pt;

	if (frontier_point(lc->m, lc->p, SX_FRONTIER_K, C, &pt, NULL, NULL) != 0)
		return NAN;
	return pt.L_opt;
}

/* The default x column of a dataset: the first of C, N, D, S, t present. */
static int
plot_default_x(const sx_dataset *ds, int ycol)
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
plot_is_compute(const sx_column *c)
{
	const char *canon = column_canonical(c->name);

	return canon != NULL && strcmp(canon, "C") == 0;
}

/* "name (unit)" for an axis title. */
static char *
plot_axis_title(const sx_column *c)
{
	return c->unit != NULL ? xasprintf("%s (%s)", c->name, c->unit) :
	    xstrdup(c->name);
}

/*
 * The 95% band of a one-input law from its covariance (delta method),
 * sampled at npts log-spaced x across [lo, hi].
 */
static int
plot_band(px_figure *f, const sx_model *m, const sx_fit_result *r, double lo,
    double hi, int logx, px_err *e)
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
plot_predict(const sx_fitrec *fr, const sx_model *m, const sx_dataset *ds)
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

static int
cmd_plot_exec(sx_ctx *ctx, const sx_args *a)
{
	const char *items = arg(a, ctx->cmd, "ITEM");
	int argi = arg_index(a, ctx->cmd, "ITEM");
	int logx, logy, rc = -1, xcol = -1, ycol = -1, in_n, in_d;
	char *copy = xstrdup(items), *save = NULL, *xt = NULL, *yt = NULL;
	const sx_dataset *shown[16];
	size_t nshown = 0;
	struct law_curve curves[16];
	size_t ncurves = 0;
	double xlo = INFINITY, xhi = -INFINITY;
	px_figure *f = figure_new();
	px_err e;

	logx = logy = arg(a, ctx->cmd, "--linear") == NULL;
	if (arg(a, ctx->cmd, "--logx") != NULL || arg(a, ctx->cmd, "--logy") != NULL) {
		logx = arg(a, ctx->cmd, "--logx") != NULL;
		logy = arg(a, ctx->cmd, "--logy") != NULL;
	}
	if (arg(a, ctx->cmd, "--log") != NULL)
		logx = logy = 1;
	figure_set_log(f, logx, logy);
	for (char *name = strtok_r(copy, " ", &save); name != NULL;
	    name = strtok_r(NULL, " ", &save)) {
		const sx_fitrec *fr = ws_fit(ctx->ws, name);
		const sx_dataset *ds = fr != NULL ? ws_dataset(ctx->ws, fr->data) :
		    ws_dataset(ctx->ws, name);
		const sx_model *m = fr != NULL ? ws_model(ctx->ws, fr->model) : NULL;
		const char *xname = arg(a, ctx->cmd, "--x");
		const char *yname = arg(a, ctx->cmd, "--y");
		int dup = 0;

		if (fr == NULL && ds == NULL) {
			cmd_fail(ctx, argi, "'%s' is neither a dataset nor a fit", name);
			goto out;
		}
		if (ds == NULL) {
			cmd_fail(ctx, argi, "the data of fit '%s' ('%s') is gone", name,
			    fr->data);
			goto out;
		}
		if (fr != NULL && m == NULL) {
			cmd_fail(ctx, argi, "the model of fit '%s' is gone", name);
			goto out;
		}
		if (nshown + 1 >= sizeof shown / sizeof shown[0]) {
			cmd_fail(ctx, argi, "at most %zu items in one plot",
			    sizeof shown / sizeof shown[0] - 1);
			goto out;
		}
		ycol = colbind_column(ctx, yname != NULL ? arg_index(a, ctx->cmd,
		    "--y") : argi, ds, yname != NULL ? yname : fr != NULL ? fr->ycol :
		    "L");
		if (ycol < 0)
			goto out;
		if (xname != NULL)
			xcol = colbind_column(ctx, arg_index(a, ctx->cmd, "--x"), ds,
			    xname);
		else if (fr != NULL && m->nin == 1)
			xcol = dataset_column_exact(ds, fr->xcols[0]);
		else
			xcol = plot_default_x(ds, ycol);
		if (xcol < 0) {
			if (xname == NULL)
				cmd_fail(ctx, argi, "'%s' has no column to put on x; name "
				    "one with --x COL", ds->name);
			goto out;
		}
		if (xt == NULL) {
			xt = plot_axis_title(&ds->cols[xcol]);
			yt = plot_axis_title(&ds->cols[ycol]);
		}
		for (size_t i = 0; i < nshown; i++)
			dup |= shown[i] == ds;
		for (size_t r = 0; r < ds->nrows; r++) {
			xlo = fmin(xlo, ds->cols[xcol].v[r]);
			xhi = fmax(xhi, ds->cols[xcol].v[r]);
		}
		if (!dup) {
			shown[nshown++] = ds;
			if (figure_scatter(f, ds->name, ds->cols[xcol].v,
			    ds->cols[ycol].v, ds->nrows, &e) < 0)
				goto plotfail;
		}
		if (fr == NULL)
			continue;
		curves[ncurves].m = m;
		curves[ncurves].p = fr->res.p;
		if (m->nin == 1 && strcmp(fr->xcols[0], ds->cols[xcol].name) == 0) {
			if (figure_function(f, fr->name, law_curve_eval,
			    &curves[ncurves++], &e) < 0)
				goto plotfail;
			if (arg(a, ctx->cmd, "--band") != NULL && fr->res.cov != NULL &&
			    plot_band(f, m, &fr->res, xlo, xhi, logx, &e) != 0)
				goto plotfail;
		} else {
			double *pred = plot_predict(fr, m, ds);

			if (pred == NULL) {
				cmd_fail(ctx, argi, "cannot evaluate fit '%s' on '%s'",
				    fr->name, ds->name);
				goto out;
			}
			rc = figure_scatter(f, fr->name, ds->cols[xcol].v, pred,
			    ds->nrows, &e);
			free(pred);
			if (rc < 0)
				goto plotfail;
			rc = -1;
			/* Over compute, a law of N and D also has its frontier. */
			if (plot_is_compute(&ds->cols[xcol]) &&
			    frontier_nd_inputs(m, &in_n, &in_d, NULL) == 0) {
				char *label = xasprintf("%s compute-optimal", fr->name);
				int k = figure_function(f, label, law_frontier_eval,
				    &curves[ncurves++], &e);

				free(label);
				if (k < 0)
					goto plotfail;
			}
		}
		if (arg(a, ctx->cmd, "--residuals") != NULL) {
			double *pred = plot_predict(fr, m, ds), *res;

			if (pred == NULL)
				goto out;
			res = xcalloc(ds->nrows, sizeof *res);
			for (size_t r = 0; r < ds->nrows; r++)
				res[r] = fr->space == SX_SPACE_LOG ?
				    log(ds->cols[ycol].v[r]) - log(pred[r]) :
				    ds->cols[ycol].v[r] - pred[r];
			rc = figure_residuals(f, fr->space == SX_SPACE_LOG ?
			    "log residual" : "residual", ds->cols[xcol].v, res,
			    ds->nrows, &e);
			free(res);
			free(pred);
			if (rc < 0)
				goto plotfail;
			rc = -1;
		}
	}
	figure_set_labels(f, xt, yt);
	rc = plotout_emit(ctx, a, f, "plot");
	goto out;
plotfail:
	cmd_fail(ctx, argi, "%s", e.msg);
out:
	figure_free(f);
	free(copy);
	free(xt);
	free(yt);
	return rc;
}

static const sx_argdef plot_args[] = {
	{ "ITEM", ARG_DATASET, ARG_REST, NULL, NULL },
	{ "--x", ARG_COLUMN, 0, NULL, "COL" },
	{ "--y", ARG_COLUMN, 0, NULL, "COL" },
	{ "--log", ARG_FLAG, 0, NULL, NULL },
	{ "--logx", ARG_FLAG, 0, NULL, NULL },
	{ "--logy", ARG_FLAG, 0, NULL, NULL },
	{ "--linear", ARG_FLAG, 0, NULL, NULL },
	{ "--residuals", ARG_FLAG, 0, NULL, NULL },
	{ "--band", ARG_FLAG, 0, NULL, NULL },
	PLOTOUT_ARGS,
	{ NULL, 0, 0, NULL, NULL }
};

const sx_cmd cmd_plot_table[] = {
	{ "plot", "plot DATA|FIT ... [--x COL] [--y COL] [--log|--logx|--logy|"
	  "--linear] [--residuals] [--band] [--size WxH] [--ascii] "
	  "[--color auto|always|never] [--title T] [--out FILE]",
	  "Plot datasets and fits in the terminal (Unicode braille, or ASCII).\n"
	  "A dataset is drawn as points; a fit as its data's points and the law:\n"
	  "a curve across the whole axis for a law of one column, and for a law\n"
	  "of N and D its value at each run plus, over compute, the\n"
	  "compute-optimal L(C). Axes default to the fit's input (or C, N, D,\n"
	  "S, t) against L, log-log as scaling data wants.\n"
	  "  --x COL, --y COL  the columns on the axes\n"
	  "  --log, --logx, --logy, --linear  log10 axes (default: both log)\n"
	  "  --residuals    a panel of residuals (in the fit's space) below\n"
	  "  --band         the 95% band of a one-column law (delta method\n"
	  "                 from the fit's covariance)\n"
	  PLOTOUT_HELP,
	  plot_args, 0, cmd_plot_exec },
	{ NULL, NULL, NULL, NULL, 0, NULL }
};
