/* figures.c: figures of fits, frontiers and crossovers from the workspace. */
#include "config.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "core/columns.h"
#include "core/frontier.h"
#include "core/presets.h"
#include "core/units.h"
#include "core/xalloc.h"
#include "sessions/figures.h"

#define FIG_MAXITEMS 16

/* A one-input law as a curve over its input column (also: a frontier). */
struct law_curve {
	const sx_model *m;
	const double *p;
	int what;            /* frontier curves: 0 L_opt, 1 N_opt, 2 D_opt */
	const sx_xover_laws *xl;  /* crossover curves: the laws */
};

struct figures_fig {
	px_figure *f;
	struct law_curve curves[FIG_MAXITEMS];
	size_t ncurves;
	sx_xover_bound bound;  /* crossover: the preset's laws */
	sx_xover_laws laws;
};

static double
law_curve_eval(double x, void *vctx)
{
	struct law_curve *lc = vctx;
	const double *xs[1] = { &x };
	double y;

	return lc->m->eval(lc->m, xs, 1, lc->p, 0, &y, NULL) == 0 ? y : NAN;
}

/* The compute-optimal L_opt(C), N_opt(C) or D_opt(C) of a law of N, D. */
static double
law_frontier_eval(double C, void *vctx)
{
	struct law_curve *lc = vctx;
	sx_frontier_pt pt;

	if (frontier_point(lc->m, lc->p, SX_FRONTIER_K, C, &pt, NULL, NULL) != 0)
		return NAN;
	return lc->what == 1 ? pt.N_opt : lc->what == 2 ? pt.D_opt : pt.L_opt;
}

static figures_fig *
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

/* "a, b, c" of the dataset's column names, into buf. */
static void
figures_columns(const sx_dataset *ds, char *buf, size_t len)
{
	size_t used = 0;

	buf[0] = '\0';
	for (size_t i = 0; i < ds->ncols && used + 4 < len; i++)
		used += (size_t)snprintf(buf + used, len - used, "%s%s",
		    i > 0 ? ", " : "", ds->cols[i].name);
}

/* A numeric column by name or alias (the messages of colbind_column). */
static int
figures_column(const sx_dataset *ds, const char *name, sx_err *e)
{
	int c = dataset_column(ds, name);
	char list[400];

	if (c < 0) {
		figures_columns(ds, list, sizeof list);
		return err_set(e, "no column '%s' in '%s' (columns: %s)", name,
		    ds->name, list);
	}
	if (ds->cols[c].v == NULL)
		return err_set(e, "column '%s' of '%s' is text, not numbers",
		    ds->cols[c].name, ds->name);
	return c;
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

	memset(lc, 0, sizeof *lc);
	lc->m = m;
	lc->p = fr->res.p;
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
		k = figure_function(ff->f, label, law_frontier_eval, lc, &pe);
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
	size_t nshown = 0;
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
	for (char *name = strtok_r(copy, " ", &save); name != NULL;
	    name = strtok_r(NULL, " ", &save)) {
		const sx_fitrec *fr = ws_fit(ws, name);
		const sx_dataset *ds = fr != NULL ? ws_dataset(ws, fr->data) :
		    ws_dataset(ws, name);
		const sx_model *m = fr != NULL ? ws_model(ws, fr->model) : NULL;
		int dup = 0;

		where = FIGURES_ARG_ITEM;
		if (fr == NULL && ds == NULL) {
			err_set(e, "'%s' is neither a dataset nor a fit", name);
			goto out;
		}
		if (ds == NULL) {
			err_set(e, "the data of fit '%s' ('%s') is gone", name, fr->data);
			goto out;
		}
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
		ycol = figures_column(ds, o->y != NULL ? o->y : fr != NULL ?
		    fr->ycol : "L", e);
		if (ycol < 0)
			goto out;
		where = o->x != NULL ? FIGURES_ARG_X : FIGURES_ARG_ITEM;
		if (o->x != NULL) {
			if ((xcol = figures_column(ds, o->x, e)) < 0)
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
			if (figure_scatter(ff->f, ds->name, ds->cols[xcol].v,
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

const sx_fitrec *
figures_nd_fit(const sx_workspace *ws, const sx_fitrec *prefer)
{
	const sx_model *m;
	int in_n, in_d;

	if (prefer != NULL && (m = ws_model(ws, prefer->model)) != NULL &&
	    frontier_nd_inputs(m, &in_n, &in_d, NULL) == 0)
		return prefer;
	for (size_t i = ws->nfits; i-- > 0;)
		if ((m = ws_model(ws, ws->fits[i]->model)) != NULL &&
		    frontier_nd_inputs(m, &in_n, &in_d, NULL) == 0)
			return ws->fits[i];
	return NULL;
}

figures_fig *
figures_frontier(const sx_workspace *ws, const char *fitname, double c_lo,
    double c_hi, sx_frontier *summary, sx_err *e)
{
	const sx_fitrec *fr = ws_fit(ws, fitname);
	const sx_model *m = fr != NULL ? ws_model(ws, fr->model) : NULL;
	const sx_dataset *ds = fr != NULL ? ws_dataset(ws, fr->data) : NULL;
	figures_fig *ff;
	int in_n, in_d;
	px_err pe;

	if (summary != NULL)
		*summary = (sx_frontier){ 0 };
	if (fr == NULL || m == NULL) {
		err_set(e, "no fit '%s' with a known model", fitname);
		return NULL;
	}
	if (frontier_nd_inputs(m, &in_n, &in_d, e) != 0)
		return NULL;
	if (!(c_lo > 0) || !(c_hi > c_lo) || !isfinite(c_hi)) {
		err_set(e, "the compute range must have 0 < LO < HI");
		return NULL;
	}
	if ((ff = figures_new()) == NULL) {
		err_set(e, "out of memory");
		return NULL;
	}
	figure_set_log(ff->f, 1, 1);
	figure_set_range(ff->f, c_lo, c_hi, NAN, NAN);
	for (int w = 1; w <= 2; w++) {
		struct law_curve *lc = &ff->curves[ff->ncurves++];

		*lc = (struct law_curve){ m, fr->res.p, w, NULL };
		if (figure_function(ff->f, w == 1 ? "N_opt" : "D_opt",
		    law_frontier_eval, lc, &pe) < 0)
			goto fail;
	}
	if (ds != NULL) {
		int cc = dataset_column(ds, "C"), nc = dataset_column_exact(ds,
		    fr->xcols[in_n]);

		if (cc >= 0 && nc >= 0 && ds->cols[cc].v != NULL &&
		    ds->cols[nc].v != NULL && figure_scatter(ff->f, "runs' N",
		    ds->cols[cc].v, ds->cols[nc].v, ds->nrows, &pe) < 0)
			goto fail;
	}
	if (figure_set_labels(ff->f, "C = 6ND (FLOP)", "N, D") != 0) {
		perr_set(&pe, "out of memory");
		goto fail;
	}
	if (summary != NULL) {
		size_t decades = (size_t)lround(log10(c_hi / c_lo));

		if (frontier_run(m, fr->res.p, SX_FRONTIER_K, c_lo, c_hi,
		    decades < 1 ? 2 : decades + 1, summary, NULL) != 0)
			*summary = (sx_frontier){ 0 };
	}
	return ff;
fail:
	err_set(e, "%s", pe.msg);
	figures_free(ff);
	return NULL;
}

double
figures_cscale(const sx_workspace *ws, const sx_fitrec *f)
{
	const sx_dataset *ds = ws_dataset(ws, f->data);
	int c;

	if (ds != NULL && f->nx == 1 && (c = dataset_column_exact(ds,
	    f->xcols[0])) >= 0 && ds->cols[c].unit != NULL &&
	    (strcasecmp(ds->cols[c].unit, "PF-days") == 0 ||
	    strcasecmp(ds->cols[c].unit, "pfdays") == 0))
		return 1.0;
	return SX_FLOP_PER_PFDAY;
}

/* The canonical name of a column name, or "" when it has none. */
static const char *
figures_canon(const char *name)
{
	const char *c = column_canonical(name);

	return c != NULL ? c : "";
}

int
figures_xspec_auto(const sx_workspace *ws, figures_xspec *spec)
{
	const char **slot[4] = { &spec->compute, &spec->data, &spec->dline,
	    &spec->nline };
	int n = 0;

	for (size_t i = ws->nfits; i-- > 0;) {
		const sx_fitrec *f = ws->fits[i];
		const sx_model *m = ws_model(ws, f->model);
		const char *x, *y;
		int role = -1;

		if (m == NULL || m->nin != 1 || f->nx != 1)
			continue;
		x = figures_canon(f->xcols[0]);
		y = figures_canon(f->ycol);
		if (strcmp(x, "C") == 0 && strcmp(y, "L") == 0)
			role = 0;
		else if (strcmp(x, "D") == 0 && strcmp(y, "L") == 0)
			role = 1;
		else if (strcmp(x, "C") == 0 && strcmp(y, "D") == 0)
			role = 2;
		else if (strcmp(x, "C") == 0 && strcmp(y, "N") == 0)
			role = 3;
		if (role < 0 || *slot[role] != NULL)
			continue;
		*slot[role] = f->name;
		n++;
	}
	return n;
}

/* Bind spec's laws into ff->laws (ff->bound holds the preset's). */
static int
figures_xbind(const sx_workspace *ws, const figures_xspec *spec,
    figures_fig *ff, sx_err *e)
{
	const char *names[4] = { spec->compute, spec->data, spec->dline,
	    spec->nline };
	sx_law1 *slots[4] = { &ff->laws.lc, &ff->laws.ld, &ff->laws.dline,
	    &ff->laws.nline };
	sx_xover_params kp = { NAN, NAN, 0.0, NAN, NAN, 0.0, NAN, NAN, NAN, NAN };

	if (spec->preset != NULL) {
		const sx_preset *p = preset_find(spec->preset);

		if (p == NULL)
			return err_set(e, "no preset '%s'", spec->preset);
		if (crossover_params_preset(p, NULL, &kp, e) != 0)
			return -1;
	} else if (spec->compute == NULL || spec->data == NULL ||
	    spec->dline == NULL)
		return err_set(e, "a crossover needs a preset or fits of L(C), "
		    "L(D) and D(C)");
	crossover_bind(&kp, &ff->bound);
	ff->laws = ff->bound.laws;
	for (int w = 0; w < 4; w++) {
		const sx_fitrec *f;
		const sx_model *m;

		if (names[w] == NULL)
			continue;
		if ((f = ws_fit(ws, names[w])) == NULL)
			return err_set(e, "no fit '%s'", names[w]);
		if ((m = ws_model(ws, f->model)) == NULL || m->nin != 1)
			return err_set(e, "fit '%s' is not a law of one column",
			    names[w]);
		*slots[w] = (sx_law1){ m, f->res.p, w == 1 ? 1.0 :
		    figures_cscale(ws, f) };
	}
	{
		/* Values the preset does not publish and no fit replaced. */
		char miss[160];

		if (spec->compute != NULL)
			kp.alpha_C = kp.C_c = 1;
		if (spec->data != NULL)
			kp.alpha_D = kp.D_c = 1;
		if (spec->dline != NULL)
			kp.D_e = kp.p_D = 1;
		if (crossover_params_missing(&kp, miss, sizeof miss) > 0)
			return err_set(e, "no value for %s: fit the missing law",
			    miss);
	}
	return 0;
}

int
figures_xover_find(const sx_workspace *ws, const figures_xspec *spec,
    double c_lo, double c_hi, sx_xover *r, sx_err *e)
{
	figures_fig *ff = figures_crossover(ws, spec, c_lo, c_hi, r, e);

	if (ff == NULL)
		return -1;
	figures_free(ff);
	return 0;
}

/* Evaluate a law of one input at x (in PF-days before its scale). */
static double
figures_law1(const sx_law1 *l, double x)
{
	double s = x * l->xscale, y;
	const double *xs[1] = { &s };

	return l->m->eval(l->m, xs, 1, l->p, 0, &y, NULL) == 0 ? y : NAN;
}

/* L(C_min) of a crossover, C in PF-days. */
static double
figures_xlc(double C, void *vctx)
{
	struct law_curve *lc = vctx;

	return figures_law1(&lc->xl->lc, C);
}

/* L(D(C_min)): the data-limited bound along compute-efficient training. */
static double
figures_xld(double C, void *vctx)
{
	struct law_curve *lc = vctx;
	const sx_xover_laws *laws = lc->xl;
	double D = figures_law1(&laws->dline, C);

	return isfinite(D) ? figures_law1(&laws->ld, D) : NAN;
}

figures_fig *
figures_crossover(const sx_workspace *ws, const figures_xspec *spec,
    double c_lo, double c_hi, sx_xover *r, sx_err *e)
{
	figures_fig *ff = figures_new();
	sx_xover x;
	px_err pe;
	double lo, hi;

	if (ff == NULL) {
		err_set(e, "out of memory");
		return NULL;
	}
	if (figures_xbind(ws, spec, ff, e) != 0 ||
	    crossover_find(&ff->laws, c_lo, c_hi, &x, e) != 0) {
		figures_free(ff);
		return NULL;
	}
	if (r != NULL)
		*r = x;
	/* Three decades either side of C*, inside the searched range. */
	lo = fmax(c_lo, x.C_star_pfdays * 1e-3);
	hi = fmin(c_hi, x.C_star_pfdays * 1e3);
	figure_set_log(ff->f, 1, 1);
	figure_set_range(ff->f, lo, hi, NAN, NAN);
	ff->curves[0] = (struct law_curve){ NULL, NULL, 0, &ff->laws };
	ff->curves[1] = ff->curves[0];
	ff->ncurves = 2;
	if (figure_function(ff->f, "L(C_min)", figures_xlc, &ff->curves[0],
	    &pe) < 0 || figure_function(ff->f, "L(D(C_min))", figures_xld,
	    &ff->curves[1], &pe) < 0 || figure_highlight(ff->f, "C*",
	    x.C_star_pfdays, x.L_star, &pe) < 0 ||
	    figure_set_labels(ff->f, "C (PF-days)", "L (nats/token)") != 0) {
		err_set(e, "%s", pe.msg);
		figures_free(ff);
		return NULL;
	}
	return ff;
}
