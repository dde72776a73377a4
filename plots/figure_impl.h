/* figure_impl.h: the figure's model and the frame of one render, shared by
 * figure.c (the model), figure_layout.c and figure_draw.c. */
#ifndef SX_FIGURE_IMPL_H
#define SX_FIGURE_IMPL_H

#include <stddef.h>
#include <stdint.h>

#include "plots/axis.h"
#include "plots/canvas.h"
#include "plots/figure.h"
#include "plots/ticks.h"

enum kind {
	K_BAND, K_HLINE, K_VLINE, K_LINE, K_FUNC, K_SCATTER, K_HILITE, K_RESID
};

struct series {
	int kind;
	char *label;
	double *x, *y, *y2;	/* y2: the band's upper edge */
	size_t n;
	px_fn fn;
	void *ctx;
	int colour;		/* -1: automatic */
	uint32_t marker;	/* 0: automatic */
	int acolour;		/* resolved at render */
	uint32_t amarker;
	int nolegend;		/* labelled (a highlight) but not in the legend */
};

struct px_figure {
	struct series *s;
	int ns, cap;
	char *title, *xlabel, *ylabel;
	int xlog, ylog;
	double fx[2], fy[2];	/* fixed ranges, NaN = automatic */
	double rx[2], ry[2];	/* ranges of the last render */
	struct px_figure *right;	/* a second panel to the right (owned) */
};

/* What one render works with: the canvas, axes and the plot rectangle. */
struct frame {
	px_canvas *c;
	int mode, sw, sh;
	px_axis ax, ay, ar;	/* x, main y, residual y */
	int col0, pw;		/* plot columns col0 .. col0 + pw - 1 */
	int top, ph;		/* main plot rows */
	int rtop, rh;		/* residual rows (rh = 0: none) */
	int gutter;		/* the y axis line's column */
};

/* Styles in series order for mode (figure_layout.c), and the data ranges
 * every renderer uses: x, main y, residual y. */
void fig_resolve_styles(px_figure *f, int mode);
int fig_data_ranges(px_figure *f, double x[2], double y[2], double r[2],
    int *has_resid, px_err *e);

/* Call fn on every series in drawing order, lowest layer first: bands,
 * reference lines, lines, functions, points, highlights. */
void fig_each_series(px_figure *f, void (*fn)(struct series *s, void *arg),
    void *arg);

/* Drawing (figure_draw.c), each clipped to its panel or over the whole
 * canvas as figure_render leaves it. */
void fig_draw_series(px_figure *f, struct frame *fr);
void fig_draw_legend(px_figure *f, struct frame *fr);
void fig_draw_resid(px_figure *f, struct frame *fr);
void fig_draw_yaxis(struct frame *fr, const px_ticks *t, int top, int rows);
void fig_draw_xaxis(struct frame *fr, const px_ticks *t, int row, int labels,
    uint32_t corner);
void fig_draw_centred(struct frame *fr, int row, const char *s);

#endif
