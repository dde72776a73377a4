/* figures.h: the figures of fits, frontiers and crossovers, for any front end. */
#ifndef SX_FIGURES_H
#define SX_FIGURES_H

#include "base/err.h"
#include "plots/figure.h"
#include "scaling/crossover.h"
#include <math.h>

#include "scaling/frontier.h"
#include "sessions/workspace.h"

/*
 * The drawing commands (plot, frontier --plot, crossover --plot) and the
 * TUI's plot panes build the same px_figure here from the workspace (read
 * only), one builder per kind whose spec defaults are the commands', so
 * what batch mode prints and what the panes show cannot drift apart. A figures_fig owns its px_figure and
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
 * What a frontier figure is made of, with the frontier command's defaults
 * (FIGURES_FSPEC_DEFAULT, which its options change and the TUI's frontier
 * pane keeps).
 */
typedef struct figures_fspec {
	const char *source;  /* a fit or a preset with a law of N and D */
	double c_lo, c_hi;   /* budgets in FLOP (--C) */
	double k;            /* C = k*N*D (--k) */
	size_t points;       /* budgets computed, log-spaced (--points) */
	double unique;       /* the limit on unique tokens of a law of N, D
	                        and U (--unique); NaN: none */
} figures_fspec;
/* Budgets and rows of a frontier by default (its options' defaults). */
#define FIGURES_FRONTIER_C_LO 1e18
#define FIGURES_FRONTIER_C_HI 1e26
#define FIGURES_FRONTIER_POINTS 9
#define FIGURES_FSPEC_DEFAULT { NULL, FIGURES_FRONTIER_C_LO, \
	FIGURES_FRONTIER_C_HI, SX_FRONTIER_K, FIGURES_FRONTIER_POINTS, NAN }

/*
 * The law of N and D of a frontier's source: a fit (*fr set, its model
 * and parameters) or else a preset's L(N,D), or L(N,D,U) when it has no
 * L(N,D) (*fr NULL). Returns 0, or -1 with e set for an unknown name, a
 * missing model, a law not of N, D (or of N, D, U), or a limit U on unique
 * tokens (NaN: none) the law cannot take or needs (frontier_ndu_inputs).
 */
int figures_nd_source(const sx_workspace *ws, const char *source, double U,
    const sx_model **m, const double **p, const sx_fitrec **fr, sx_err *e);

/*
 * The compute-optimal frontier of s->source: N_opt(C) and D_opt(C)
 * sampled at every sub-pixel column of [c_lo, c_hi] FLOP, log-log, with
 * the s->points budgets computed marked on them and, for a fit whose data
 * has a C column, its runs as (C, N) points; the title gives the
 * exponents of N_opt ~ C^a, D_opt ~ C^b over those budgets. rows (may be
 * NULL) gets the budgets computed (free it with frontier_free). Fails as
 * figures_nd_source does, or when the frontier cannot be computed.
 * `frontier SOURCE --plot` and the TUI's frontier pane draw this figure.
 */
figures_fig *figures_frontier(const sx_workspace *ws, const figures_fspec *s,
    sx_frontier *rows, sx_err *e);

/* The TUI's frontier pane: figures_frontier with the command's defaults
 * for figures_nd_fit(ws, prefer). */
figures_fig *figures_frontier_pane(const sx_workspace *ws,
    const sx_fitrec *prefer, sx_err *e);

/*
 * What a crossover is made of, with the crossover command's defaults
 * (FIGURES_XSPEC_DEFAULT: kaplan2020, searched over 1e-10..1e15
 * PF-days): a preset ("kaplan2020" or "henighan2020-*", NULL for none)
 * whose laws the named fits replace (NULL: keep the preset's), and
 * overrides of its parameters. Without a preset the compute law, data law
 * and data line must all be fits.
 */
typedef struct figures_xspec {
	const char *preset;
	const char *data_line; /* kaplan2020's: "table6" (NULL) or "eq6.7" */
	const char *set;       /* "P=V,..." overrides (--set), NULL for none */
	const char *compute;   /* a fitted L(C) */
	const char *data;      /* a fitted L(D) */
	const char *dline;     /* a fitted D(C) */
	const char *nline;     /* a fitted N(C) */
	double c_lo, c_hi;     /* the range searched, PF-days (--C) */
	int power;             /* power laws needed (--sensitivity) */
} figures_xspec;
/* The crossover's search range in PF-days by default (--C's). */
#define FIGURES_XOVER_C_LO 1e-10
#define FIGURES_XOVER_C_HI 1e15
#define FIGURES_XSPEC_DEFAULT { "kaplan2020", NULL, NULL, NULL, NULL, NULL, \
	NULL, FIGURES_XOVER_C_LO, FIGURES_XOVER_C_HI, 0 }

/*
 * Fill the fit roles of spec from the workspace: for each role the last
 * fit of a one-column law whose columns say what it is (x C and y L: the
 * compute law; x D and y L: the data law; x C and y D, N: the lines).
 * Roles already set are kept. Returns how many roles it filled.
 */
int figures_xspec_auto(const sx_workspace *ws, figures_xspec *spec);

/* Which part of an xspec an error is about (the crossover command's
 * caret). */
enum figures_xarg {
	FIGURES_XARG_NONE = -1,
	FIGURES_XARG_PRESET,
	FIGURES_XARG_DATA_LINE,
	FIGURES_XARG_SET,
	FIGURES_XARG_COMPUTE,  /* then DATA, DLINE, NLINE: the fit roles */
	FIGURES_XARG_DATA,
	FIGURES_XARG_DLINE,
	FIGURES_XARG_NLINE,
	FIGURES_XARG_POWER,
	FIGURES_XARG_RANGE
};

/* The fit roles, in the order of FIGURES_XARG_COMPUTE on. */
enum { FIGURES_LAW_C, FIGURES_LAW_D, FIGURES_LAW_DLINE, FIGURES_LAW_NLINE,
	FIGURES_NLAWS };

/*
 * The laws of a crossover bound: power-law parameters (the preset's,
 * pl and plc fits written into them, then --set) and, when a fit is of
 * another law (generic), that fit's law itself. laws points into the
 * record: do not copy it.
 */
typedef struct figures_xlaws {
	sx_xover_params kp;
	sx_xover_bound bound;
	sx_xover_laws laws;
	sx_law1 fitlaw[FIGURES_NLAWS];
	unsigned char from_fit[FIGURES_NLAWS];
	int generic;
} figures_xlaws;

/* What the fit of each role stands in for ("compute law L(C)", ...). */
extern const char *const figures_law_what[FIGURES_NLAWS];

/*
 * Bind spec's laws into *b. Returns 0, or -1 with e set and *errarg
 * naming the part at fault, for an unknown preset or fit, a fit not of
 * one column, a bad --set, power laws needed but a fit of another law,
 * or values the preset does not publish and nothing supplies.
 */
int figures_xover_bind(const sx_workspace *ws, const figures_xspec *spec,
    figures_xlaws *b, sx_err *e, int *errarg);

/*
 * Its figure: L(C_min) and the data bound L(D(C_min)) against C_min in
 * PF-days, log-log, three decades either side of C*, with C* marked and
 * the side where the laws disagree shaded; the title gives C* and L*.
 * r (may be NULL) gets the crossover. Fails as figures_xover_bind does,
 * or (FIGURES_XARG_RANGE) when the laws do not cross in the range.
 * `crossover ... --plot` and the TUI's crossover pane draw this figure.
 */
figures_fig *figures_crossover(const sx_workspace *ws,
    const figures_xspec *spec, sx_xover *r, sx_err *e, int *errarg);

/* The TUI's crossover pane: figures_crossover with the command's
 * defaults and the fits figures_xspec_auto finds; *spec (may be NULL)
 * gets what it drew. */
figures_fig *figures_crossover_pane(const sx_workspace *ws,
    figures_xspec *spec, sx_err *e);

/* What turns PF-days into the unit of fit f's one input: 1 when its
 * column's unit says PF-days, else 8.64e19 (the column is in FLOP). */
double figures_cscale(const sx_workspace *ws, const sx_fitrec *f);

/*
 * Hoffmann et al.'s IsoFLOP profiles (2022, Figure 3) from approach 2's
 * result r on the runs N, L (n rows, r->run_pt for each): each budget's
 * runs and its parabola across the sizes fitted, in the budget's colour,
 * L against N (log N), with the parabolas' minima (r's points) as black
 * diamonds; and in a right panel (figure_right) the minima's N_opt
 * against C, log-log, with the fitted line coef*C^a a decade past the
 * budgets each way. Returns NULL with e set when r has no parabolas
 * (approach 1's result) or memory runs out.
 * `frontier approach2 DATA --plot` draws this figure.
 */
figures_fig *figures_isoflop(const double *N, const double *L, size_t n,
    const sx_approach *r, sx_err *e);

/*
 * The iso-loss contours of the law of N and D of `source` (a fit or a
 * preset, as figures_nd_source) over the (C, N) plane, log-log, C over
 * the frontier's default budgets (1e18..1e26 FLOP), N a decade either side
 * of N_opt there, D = C/(6N): contours at round levels of L (marching
 * squares on a 121 x 91 grid) each labelled where it touches the
 * efficient frontier N_opt(C), drawn over them (Hoffmann et al. 2022,
 * Figure 4). Returns NULL with e set as figures_nd_source does, or when
 * the law has no frontier there. `plot SOURCE --contour` draws this.
 */
figures_fig *figures_contour(const sx_workspace *ws, const char *source,
    sx_err *e);

/* The figure to render (owned by ff). */
px_figure *figures_px(figures_fig *ff);
void figures_free(figures_fig *ff);

/*
 * The figures of Henighan et al. 2020's findings beyond Table 1, over
 * N in [lo, hi] (scaling/henighan.h): InfoGain with the two quoted points;
 * ImageNet classification loss fine-tuned and from scratch beside the
 * 32x32 generative loss, from-scratch's best size marked; Table 1's
 * mathematics extrapolation law. NULL with e set when a preset is missing.
 */
figures_fig *figures_infogain(double lo, double hi, sx_err *e);
figures_fig *figures_imagenet(double lo, double hi, sx_err *e);
figures_fig *figures_math(double lo, double hi, sx_err *e);

#endif
