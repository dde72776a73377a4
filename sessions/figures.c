/* figures.c: figures of fits, frontiers and crossovers from the workspace. */
#include "config.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "base/xalloc.h"
#include "scaling/columns.h"
#include "scaling/frontier.h"
#include "scaling/presets.h"
#include "scaling/units.h"
#include "sessions/figures.h"

#define FIG_MAXITEMS 16

/* A one-input law as a curve over its input column (also: a frontier). */
struct law_curve {
	const sx_model *m;
	const double *p;
	int what;            /* frontier curves: 0 L_opt, 1 N_opt, 2 D_opt */
	double k;            /* frontier curves: C = k*N*D */
};

struct figures_fig {
	px_figure *f;
	struct law_curve curves[FIG_MAXITEMS];
	size_t ncurves;
	figures_xlaws x;     /* crossover: the laws its curves evaluate */
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

	if (frontier_point(lc->m, lc->p, lc->k, C, &pt, NULL, NULL) != 0)
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

	*lc = (struct law_curve){ m, fr->res.p, 0, SX_FRONTIER_K };
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

int
figures_nd_source(const sx_workspace *ws, const char *source,
    const sx_model **m, const double **p, const sx_fitrec **fr, sx_err *e)
{
	int in_n, in_d;

	*fr = ws_fit(ws, source);
	if (*fr != NULL) {
		if ((*m = ws_model(ws, (*fr)->model)) == NULL)
			return err_set(e, "the model '%s' of fit '%s' no longer "
			    "exists", (*fr)->model, (*fr)->name);
		*p = (*fr)->res.p;
	} else {
		const sx_preset *pr = preset_find(source);
		const sx_preset_law *l;

		if (pr == NULL)
			return err_set(e, "no fit or preset '%s' (see 'fits' and "
			    "'presets')", source);
		if ((l = preset_law(pr, "L(N,D)")) == NULL)
			return err_set(e, "preset %s has no law of N and D; a "
			    "frontier needs L(N, D)%s", source,
			    strncmp(source, "henighan", 8) == 0 ?
			    " (for Henighan et al.'s N_opt(C) try 'frontier henighan')" :
			    "");
		if ((*m = model_builtin(l->model)) == NULL)
			return err_set(e, "preset %s names an unknown model %s",
			    source, l->model);
		*p = l->pvals;
	}
	return frontier_nd_inputs(*m, &in_n, &in_d, e);
}

/* The frontier's curves, its budgets marked on them, the fit's runs. */
static int
figures_frontier_series(figures_fig *ff, const sx_workspace *ws,
    const figures_fspec *s, const sx_model *m, const double *p,
    const sx_fitrec *fr, const sx_frontier *rows, px_err *pe)
{
	double *c = xcalloc(3 * rows->n, sizeof *c), *nd[2] = { c + rows->n,
	    c + 2 * rows->n };
	const sx_dataset *ds = fr != NULL ? ws_dataset(ws, fr->data) : NULL;
	int in_n, in_d, rc = 0;

	for (size_t i = 0; i < rows->n; i++) {
		c[i] = rows->pt[i].C;
		nd[0][i] = rows->pt[i].N_opt;
		nd[1][i] = rows->pt[i].D_opt;
	}
	for (int w = 1; w <= 2 && rc == 0; w++) {
		struct law_curve *lc = &ff->curves[ff->ncurves++];

		*lc = (struct law_curve){ m, p, w, s->k };
		if (figure_function(ff->f, w == 1 ? "N_opt" : "D_opt",
		    law_frontier_eval, lc, pe) < 0)
			rc = -1;
	}
	/* The budgets computed, in the colour of their curve. */
	for (int w = 0; w < 2 && rc == 0; w++) {
		int i = figure_scatter(ff->f, NULL, c, nd[w], rows->n, pe);

		if (i < 0 || figure_style(ff->f, i, w == 0 ? PX_BLUE : PX_RED, 0) < 0)
			rc = -1;
	}
	free(c);
	if (rc == 0 && ds != NULL && frontier_nd_inputs(m, &in_n, &in_d,
	    NULL) == 0) {
		int cc = dataset_column(ds, "C"), nc = dataset_column_exact(ds,
		    fr->xcols[in_n]);

		if (cc >= 0 && nc >= 0 && ds->cols[cc].v != NULL &&
		    ds->cols[nc].v != NULL && figure_scatter(ff->f, "runs' N",
		    ds->cols[cc].v, ds->cols[nc].v, ds->nrows, pe) < 0)
			rc = -1;
	}
	return rc;
}

figures_fig *
figures_frontier(const sx_workspace *ws, const figures_fspec *s,
    sx_frontier *rows, sx_err *e)
{
	const sx_model *m;
	const double *p;
	const sx_fitrec *fr;
	figures_fig *ff;
	sx_frontier f;
	char *title, *xlabel;
	px_err pe;
	int rc;

	if (rows != NULL)
		*rows = (sx_frontier){ 0 };
	if (figures_nd_source(ws, s->source, &m, &p, &fr, e) != 0 ||
	    frontier_run(m, p, s->k, s->c_lo, s->c_hi, s->points, &f, e) != 0)
		return NULL;
	if ((ff = figures_new()) == NULL) {
		frontier_free(&f);
		err_set(e, "out of memory");
		return NULL;
	}
	figure_set_log(ff->f, 1, 1);
	if (s->c_lo < s->c_hi)
		figure_set_range(ff->f, s->c_lo, s->c_hi, NAN, NAN);
	/* Short enough for the TUI's pane (whose title names the source). */
	title = isfinite(f.a) && isfinite(f.b) ? xasprintf("N_opt ~ C^%.3f, "
	    "D_opt ~ C^%.3f", f.a, f.b) : xasprintf("frontier of %s",
	    s->source);
	xlabel = xasprintf("C = %gND (FLOP)", s->k);
	rc = figures_frontier_series(ff, ws, s, m, p, fr, &f, &pe);
	if (rc == 0 && (figure_set_title(ff->f, title) != 0 ||
	    figure_set_labels(ff->f, xlabel, "parameters, tokens") != 0)) {
		perr_set(&pe, "out of memory");
		rc = -1;
	}
	free(title);
	free(xlabel);
	if (rc != 0) {
		err_set(e, "%s", pe.msg);
		frontier_free(&f);
		figures_free(ff);
		return NULL;
	}
	if (rows != NULL)
		*rows = f;
	else
		frontier_free(&f);
	return ff;
}

figures_fig *
figures_frontier_pane(const sx_workspace *ws, const sx_fitrec *prefer,
    sx_err *e)
{
	const sx_fitrec *f = figures_nd_fit(ws, prefer);
	figures_fspec s = FIGURES_FSPEC_DEFAULT;

	if (f == NULL) {
		err_set(e, "no law of N and D fitted (fit chinchilla DATA)");
		return NULL;
	}
	s.source = f->name;
	return figures_frontier(ws, &s, NULL, e);
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

const char *const figures_law_what[FIGURES_NLAWS] = { "compute law L(C)",
	"data law L(D)", "data line D(C)", "size line N(C)" };

/*
 * Write a pl/plc fit into the power-law parameters (C in PF-days after the
 * scale s). Returns 0 when it could, -1 for another model.
 */
static int
figures_fit_params(const sx_model *m, const double *p, double s, int which,
    sx_xover_params *kp)
{
	int pl = strcmp(m->name, "pl") == 0, plc = strcmp(m->name, "plc") == 0;
	double linf, x0, al;

	if (m != model_builtin(m->name) || (!pl && !plc))
		return -1;
	if (which == FIGURES_LAW_DLINE || which == FIGURES_LAW_NLINE) {
		/* A*(s*C)^-alpha = (A*s^-alpha)*C^-alpha */
		if (!pl)
			return -1;
		if (which == FIGURES_LAW_DLINE) {
			kp->D_e = p[0] * exp(-p[1] * log(s));
			kp->p_D = -p[1];
		} else {
			kp->N_e = p[0] * exp(-p[1] * log(s));
			kp->p_N = -p[1];
		}
		return 0;
	}
	if (pl) {
		/* A*x^-alpha = (A^(1/alpha)/x)^alpha */
		if (!(p[1] > 0.0) || !(p[0] > 0.0))
			return -1;
		linf = 0.0;
		x0 = exp(log(p[0]) / p[1]);
		al = p[1];
	} else {
		linf = p[0];
		x0 = p[1];
		al = p[2];
	}
	if (which == FIGURES_LAW_C) {
		kp->Linf_C = linf;
		kp->C_c = x0 / s;
		kp->alpha_C = al;
	} else {
		kp->Linf_D = linf;
		kp->D_c = x0;
		kp->alpha_D = al;
	}
	return 0;
}

/* Apply "P=V,P=V" to kp; a law's values are not the user's to set when
 * the law comes from a fit. */
static int
figures_xover_set(const char *text, sx_xover_params *kp,
    const unsigned char *from_fit, sx_err *e)
{
	static const int owner[] = { FIGURES_LAW_C, FIGURES_LAW_C, FIGURES_LAW_C,
	    FIGURES_LAW_D, FIGURES_LAW_D, FIGURES_LAW_D, FIGURES_LAW_DLINE,
	    FIGURES_LAW_DLINE, FIGURES_LAW_NLINE, FIGURES_LAW_NLINE };
	char *copy = xstrdup(text), *save = NULL;
	int rc = 0;

	for (char *tok = strtok_r(copy, ",", &save); tok != NULL;
	    tok = strtok_r(NULL, ",", &save)) {
		char *eq = strchr(tok, '='), *end;
		double *v, x;
		size_t i;

		if (eq == NULL) {
			rc = err_set(e, "expected P=V, not '%s'", tok);
			break;
		}
		*eq = '\0';
		if ((v = crossover_param(kp, tok)) == NULL) {
			rc = err_set(e, "'%s' is not a crossover parameter (alpha_C, "
			    "C_c, Linf_C, alpha_D, D_c, Linf_D, D_e, p_D, N_e, p_N)",
			    tok);
			break;
		}
		for (i = 0; strcmp(crossover_param_names[i], tok) != 0; i++)
			;
		if (from_fit[owner[i]]) {
			rc = err_set(e, "%s belongs to the %s, which comes from a fit "
			    "(change the fit with 'set')", tok,
			    figures_law_what[owner[i]]);
			break;
		}
		x = strtod(eq + 1, &end);
		if (end == eq + 1 || *end != '\0' || !isfinite(x)) {
			rc = err_set(e, "%s: '%s' is not a number", tok, eq + 1);
			break;
		}
		*v = x;
	}
	free(copy);
	return rc;
}

/* The fits of spec into b->fitlaw and (pl, plc) b->kp. */
static int
figures_xover_fits(const sx_workspace *ws, const figures_xspec *spec,
    figures_xlaws *b, sx_err *e, int *errarg)
{
	const char *names[FIGURES_NLAWS] = { spec->compute, spec->data,
	    spec->dline, spec->nline };

	for (int w = 0; w < FIGURES_NLAWS; w++) {
		const sx_fitrec *f;
		const sx_model *m;

		if (names[w] == NULL)
			continue;
		*errarg = FIGURES_XARG_COMPUTE + w;
		if ((f = ws_fit(ws, names[w])) == NULL)
			return err_set(e, "no fit '%s' (see 'fits')", names[w]);
		if ((m = ws_model(ws, f->model)) == NULL)
			return err_set(e, "the model '%s' of fit '%s' no longer "
			    "exists", f->model, f->name);
		if (m->nin != 1)
			return err_set(e, "the %s must be a law of one column; fit "
			    "'%s' (%s) has %zu", figures_law_what[w], f->name, m->name,
			    m->nin);
		b->from_fit[w] = 1;
		b->fitlaw[w] = (sx_law1){ m, f->res.p, w == FIGURES_LAW_D ? 1.0 :
		    figures_cscale(ws, f) };
		if (figures_fit_params(m, f->res.p, b->fitlaw[w].xscale, w,
		    &b->kp) != 0)
			b->generic = 1;
	}
	return 0;
}

/* Whether every law has its values: the preset's, --set's or a fit's. */
static int
figures_xover_complete(const figures_xspec *spec, const figures_xlaws *b,
    sx_err *e, int *errarg)
{
	sx_xover_params chk = b->kp;
	const sx_xover_params *kp = &b->kp;
	char miss[160];

	if (b->generic && b->from_fit[FIGURES_LAW_C])
		chk.alpha_C = chk.C_c = chk.Linf_C = 0;
	if (b->generic && b->from_fit[FIGURES_LAW_D])
		chk.alpha_D = chk.D_c = chk.Linf_D = 0;
	if (b->generic && b->from_fit[FIGURES_LAW_DLINE])
		chk.D_e = chk.p_D = 0;
	*errarg = FIGURES_XARG_PRESET;
	if (crossover_params_missing(&chk, miss, sizeof miss) > 0)
		return err_set(e, "%s%s publishes no value for %s: give %s with "
		    "--set P=V,... or a fitted law (--data FIT, --dline FIT)",
		    spec->preset != NULL ? "preset " : "", spec->preset != NULL ?
		    spec->preset : "the crossover", miss, strchr(miss, ',') !=
		    NULL ? "them" : "it");
	if (!b->generic && (!(kp->C_c > 0) || !(kp->D_c > 0) || !(kp->D_e > 0) ||
	    (!isnan(kp->N_e) && !(kp->N_e > 0)))) {
		if (spec->set != NULL)
			*errarg = FIGURES_XARG_SET;
		return err_set(e, "C_c, D_c, D_e and N_e must be > 0");
	}
	return 0;
}

int
figures_xover_bind(const sx_workspace *ws, const figures_xspec *spec,
    figures_xlaws *b, sx_err *e, int *errarg)
{
	memset(b, 0, sizeof *b);
	b->kp = (sx_xover_params){ NAN, NAN, 0.0, NAN, NAN, 0.0, NAN, NAN, NAN,
	    NAN };
	*errarg = FIGURES_XARG_PRESET;
	if (spec->preset != NULL) {
		const sx_preset *p = preset_find(spec->preset);

		if (p == NULL)
			return err_set(e, "no preset '%s' (crossover takes kaplan2020 "
			    "or henighan2020-*; fitted laws go in --compute, --data, "
			    "--dline, --nline)", spec->preset);
		if (crossover_params_preset(p, spec->data_line, &b->kp, e) != 0) {
			if (spec->data_line != NULL && strstr(e->msg, "data line") !=
			    NULL)
				*errarg = FIGURES_XARG_DATA_LINE;
			return -1;
		}
	} else if (spec->data_line != NULL) {
		*errarg = FIGURES_XARG_DATA_LINE;
		return err_set(e, "--data-line chooses a line of the kaplan2020 "
		    "preset; name it");
	}
	/* Fitted laws replace the preset's. */
	if (figures_xover_fits(ws, spec, b, e, errarg) != 0)
		return -1;
	*errarg = FIGURES_XARG_NONE;
	if (spec->preset == NULL && !(b->from_fit[FIGURES_LAW_C] &&
	    b->from_fit[FIGURES_LAW_D] && b->from_fit[FIGURES_LAW_DLINE]))
		return err_set(e, "crossover needs a preset (kaplan2020, "
		    "henighan2020-*) or fits for --compute, --data and --dline");
	*errarg = FIGURES_XARG_SET;
	if (spec->set != NULL && figures_xover_set(spec->set, &b->kp,
	    b->from_fit, e) != 0)
		return -1;
	if (b->generic && (spec->power || spec->set != NULL))
		for (int w = 0; w < FIGURES_NLAWS; w++)
			if (b->from_fit[w] && figures_fit_params(b->fitlaw[w].m,
			    b->fitlaw[w].p, b->fitlaw[w].xscale, w,
			    &(sx_xover_params){ 0 }) != 0) {
				const char *opt = spec->power ? "--sensitivity" : "--set";

				*errarg = spec->power ? FIGURES_XARG_POWER :
				    FIGURES_XARG_SET;
				return err_set(e, "%s needs power laws; the %s is a fit "
				    "of %s", opt, figures_law_what[w],
				    b->fitlaw[w].m->name);
			}
	/* The laws: the power-law parameters, with generic fits swapped in. */
	crossover_bind(&b->kp, &b->bound);
	b->laws = b->bound.laws;
	if (b->generic) {
		sx_law1 *slot[FIGURES_NLAWS] = { &b->laws.lc, &b->laws.ld,
		    &b->laws.dline, &b->laws.nline };

		for (int w = 0; w < FIGURES_NLAWS; w++)
			if (b->from_fit[w])
				*slot[w] = b->fitlaw[w];
	}
	return figures_xover_complete(spec, b, e, errarg);
}

static double
figures_xlc(double C, void *laws)
{
	double lc, ld;

	crossover_curves(laws, C, &lc, &ld);
	return lc;
}

static double
figures_xld(double C, void *laws)
{
	double lc, ld;

	crossover_curves(laws, C, &lc, &ld);
	return ld;
}

/* The band from C* to three decades out on the side where the laws
 * disagree. */
static int
figures_xover_band(px_figure *f, const sx_xover_laws *laws,
    const sx_xover *r, px_err *pe)
{
	enum { NB = 120 };
	double bx[NB], blo[NB], bhi[NB];
	int side = r->inconsistent_above ? 1 : -1;

	for (int i = 0; i < NB; i++) {
		double t = (double)i / (NB - 1), lc, ld;

		bx[i] = r->C_star_pfdays * pow(1e3, side * t);
		crossover_curves(laws, bx[i], &lc, &ld);
		blo[i] = fmin(lc, ld);
		bhi[i] = fmax(lc, ld);
	}
	return figure_band(f, "inconsistent", bx, blo, bhi, NB, pe) < 0 ? -1 : 0;
}

figures_fig *
figures_crossover(const sx_workspace *ws, const figures_xspec *spec,
    sx_xover *r, sx_err *e, int *errarg)
{
	figures_fig *ff = figures_new();
	sx_xover x;
	px_err pe;
	char *title;
	int arg, rc;

	if (errarg == NULL)
		errarg = &arg;
	if (ff == NULL) {
		*errarg = FIGURES_XARG_NONE;
		err_set(e, "out of memory");
		return NULL;
	}
	if (figures_xover_bind(ws, spec, &ff->x, e, errarg) != 0) {
		figures_free(ff);
		return NULL;
	}
	*errarg = FIGURES_XARG_RANGE;
	if (crossover_find(&ff->x.laws, spec->c_lo, spec->c_hi, &x, e) != 0) {
		figures_free(ff);
		return NULL;
	}
	if (r != NULL)
		*r = x;
	*errarg = FIGURES_XARG_NONE;
	title = xasprintf("C* = %.4g PF-days, L* = %.4g", x.C_star_pfdays,
	    x.L_star);
	figure_set_log(ff->f, 1, 1);
	figure_set_range(ff->f, x.C_star_pfdays / 1e3, x.C_star_pfdays * 1e3,
	    NAN, NAN);
	rc = figure_function(ff->f, "L(C_min), compute frontier", figures_xlc,
	    &ff->x.laws, &pe) < 0 || figure_function(ff->f, "L(D(C_min)), data "
	    "bound", figures_xld, &ff->x.laws, &pe) < 0 ||
	    figures_xover_band(ff->f, &ff->x.laws, &x, &pe) != 0 ||
	    figure_highlight(ff->f, "C*", x.C_star_pfdays, x.L_star, &pe) < 0;
	if (!rc && (figure_set_title(ff->f, title) != 0 ||
	    figure_set_labels(ff->f, "C_min (PF-days)", "L (nats/token)") != 0)) {
		perr_set(&pe, "out of memory");
		rc = 1;
	}
	free(title);
	if (rc) {
		err_set(e, "%s", pe.msg);
		figures_free(ff);
		return NULL;
	}
	return ff;
}

figures_fig *
figures_crossover_pane(const sx_workspace *ws, figures_xspec *spec,
    sx_err *e)
{
	figures_xspec s = FIGURES_XSPEC_DEFAULT;

	figures_xspec_auto(ws, &s);
	if (spec != NULL)
		*spec = s;
	return figures_crossover(ws, &s, NULL, e, NULL);
}
