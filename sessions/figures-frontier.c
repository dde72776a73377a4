/* figures-frontier.c: the compute-optimal frontier figure of a law of N, D. */
#include "config.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "base/xalloc.h"
#include "scaling/frontier.h"
#include "scaling/presets.h"
#include "sessions/figures.h"
#include "sessions/figures-impl.h"

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
figures_nd_source(const sx_workspace *ws, const char *source, double U,
    const sx_model **m, const double **p, const sx_fitrec **fr, sx_err *e)
{
	int in_n, in_d, in_u;

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
		if ((l = preset_law(pr, "L(N,D)")) == NULL &&
		    (l = preset_law(pr, "L(N,D,U)")) == NULL)
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
	return frontier_ndu_inputs(*m, U, &in_n, &in_d, &in_u, e);
}

/* The frontier's curves, its budgets marked on them, the fit's runs. */
static int
figures_frontier_series(figures_fig *ff, const sx_workspace *ws,
    const figures_fspec *s, const sx_model *m, const double *p,
    const sx_fitrec *fr, const sx_frontier *rows, px_err *pe)
{
	double *c = xcalloc(3 * rows->n, sizeof *c), *nd[2] = { c + rows->n,
	    c + 2 * rows->n };
	sx_dataset *owned = NULL;
	sx_err e;
	/* A fit's runs (a group fit's: its group's), when its data is there. */
	const sx_dataset *ds = fr != NULL ? ws_fit_data(ws, fr, &owned, &e) : NULL;
	int in_n, in_d, in_u, rc = 0;

	for (size_t i = 0; i < rows->n; i++) {
		c[i] = rows->pt[i].C;
		nd[0][i] = rows->pt[i].N_opt;
		nd[1][i] = rows->pt[i].D_opt;
	}
	for (int w = 1; w <= 2 && rc == 0; w++) {
		struct law_curve *lc = &ff->curves[ff->ncurves++];

		*lc = (struct law_curve){ m, p, w, s->k, s->unique };
		if (figure_function(ff->f, w == 1 ? "N_opt" : "D_opt",
		    figures_frontier_eval, lc, pe) < 0)
			rc = -1;
	}
	/* The budgets computed, in the colour of their curve. */
	for (int w = 0; w < 2 && rc == 0; w++) {
		int i = figure_scatter(ff->f, NULL, c, nd[w], rows->n, pe);

		if (i < 0 || figure_style(ff->f, i, w == 0 ? PX_BLUE : PX_RED, 0) < 0)
			rc = -1;
	}
	free(c);
	if (rc == 0 && ds != NULL && frontier_ndu_inputs(m, s->unique, &in_n,
	    &in_d, &in_u, NULL) == 0) {
		int cc = dataset_column(ds, "C"), nc = dataset_column_exact(ds,
		    fr->xcols[in_n]);

		if (cc >= 0 && nc >= 0 && ds->cols[cc].v != NULL &&
		    ds->cols[nc].v != NULL && figure_scatter(ff->f, "runs' N",
		    ds->cols[cc].v, ds->cols[nc].v, ds->nrows, pe) < 0)
			rc = -1;
	}
	dataset_free(owned);
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
	if (figures_nd_source(ws, s->source, s->unique, &m, &p, &fr, e) != 0 ||
	    frontier_run_u(m, p, s->k, s->c_lo, s->c_hi, s->points, s->unique,
	    &f, e) != 0)
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
