/* figures.h: the figures of fits, frontiers and crossovers, for any front end. */
#ifndef SX_FIGURES_H
#define SX_FIGURES_H

#include "core/crossover.h"
#include "core/err.h"
#include "core/frontier.h"
#include "plots/figure.h"
#include "sessions/workspace.h"

/*
 * The `plot` command and the TUI's plot panes build the same px_figure
 * here from the workspace (read only), so what batch mode prints and what
 * the panes show cannot drift apart. A figures_fig owns its px_figure and
 * the contexts of the curves it samples at render time: render it with
 * figure_render(figures_px(ff), ...) before figures_free(ff).
 */
typedef struct figures_fig figures_fig;

/* Options of a plot of datasets and fits (the plot command's flags). */
typedef struct figures_opts {
	const char *x, *y;   /* column names, NULL for automatic */
	int logx, logy;
	int band;            /* 95% band of a one-column law */
	int residuals;       /* a residual panel below */
} figures_opts;

/* Which input an error of figures_plot is about (for a caret). */
enum figures_arg {
	FIGURES_ARG_ITEM = 0,
	FIGURES_ARG_X,
	FIGURES_ARG_Y,
	FIGURES_ARG_NONE
};

/*
 * A plot of the space-separated datasets and fits in `items` (at most 15):
 * a dataset as points; a fit as its data's points and its law (a curve for
 * a law of one column, its value at each run plus the compute-optimal
 * L(C) for a law of N and D over compute), with a band and residuals on
 * request. Returns NULL with e set, and *errarg (may be NULL) naming the
 * input at fault, for an unknown name, a missing column, or a law that
 * cannot be evaluated.
 */
figures_fig *figures_plot(const sx_workspace *ws, const char *items,
    const figures_opts *o, sx_err *e, int *errarg);

/* figures_plot of one fit (or dataset) `name`. */
figures_fig *figures_fit(const sx_workspace *ws, const char *name,
    const figures_opts *o, sx_err *e);

/*
 * The fit a frontier is drawn for: `prefer` (may be NULL) if its law is
 * of N and D, else the last fit of such a law; NULL when there is none.
 */
const sx_fitrec *figures_nd_fit(const sx_workspace *ws,
    const sx_fitrec *prefer);

/*
 * The compute-optimal frontier of fit `fitname` (a law of N and D): N_opt
 * and D_opt against C = 6*N*D in FLOP over [c_lo, c_hi], log-log, with the
 * fit's runs as (C, N) points when its data has a C column. summary (may
 * be NULL) gets the frontier at one point per decade of the range, for a
 * caption (free it with frontier_free; no points when this fails or the
 * frontier cannot be computed, though the figure can be drawn).
 * Fails for a fit that is not a law of N and D, or an empty range.
 */
figures_fig *figures_frontier(const sx_workspace *ws, const char *fitname,
    double c_lo, double c_hi, sx_frontier *summary, sx_err *e);

/*
 * What a crossover is made of: a preset ("kaplan2020" or
 * "henighan2020-*", NULL for none) whose laws the named fits replace
 * (NULL: keep the preset's). Without a preset the compute law, data law
 * and data line must all be fits.
 */
typedef struct figures_xspec {
	const char *preset;
	const char *compute;   /* a fitted L(C) */
	const char *data;      /* a fitted L(D) */
	const char *dline;     /* a fitted D(C) */
	const char *nline;     /* a fitted N(C) */
} figures_xspec;

/*
 * Fill the fit roles of spec from the workspace: for each role the last
 * fit of a one-column law whose columns say what it is (x C and y L: the
 * compute law; x D and y L: the data law; x C and y D, N: the lines).
 * Roles already set are kept. Returns how many roles it filled.
 */
int figures_xspec_auto(const sx_workspace *ws, figures_xspec *spec);

/*
 * The crossover of spec (core/crossover.h) over [c_lo, c_hi] PF-days:
 * the laws bound, C* found, into *r. Returns 0, or -1 with e set when a
 * fit is missing or not a law of one column, the preset lacks a law, or
 * the laws do not cross in the range.
 */
int figures_xover_find(const sx_workspace *ws, const figures_xspec *spec,
    double c_lo, double c_hi, sx_xover *r, sx_err *e);

/*
 * Its figure: L(C_min) and L(D(C_min)) against C in PF-days, log-log,
 * with C* highlighted; r (may be NULL) gets the crossover. Fails as
 * figures_xover_find does.
 */
figures_fig *figures_crossover(const sx_workspace *ws,
    const figures_xspec *spec, double c_lo, double c_hi, sx_xover *r,
    sx_err *e);

/* The figure to render (owned by ff). */
/* What turns PF-days into the unit of fit f's one input: 1 when its
 * column's unit says PF-days, else 8.64e19 (the column is in FLOP). */
double figures_cscale(const sx_workspace *ws, const sx_fitrec *f);

px_figure *figures_px(figures_fig *ff);
void figures_free(figures_fig *ff);

#endif
