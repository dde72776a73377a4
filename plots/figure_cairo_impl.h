/* figure_cairo_impl.h: what figure_cairo.c (series, markers, text) and
 * figure_cairo_frame.c (layout, axes, legend, files) share. */
#ifndef SX_FIGURE_CAIRO_IMPL_H
#define SX_FIGURE_CAIRO_IMPL_H

#include <stdint.h>

#include <cairo.h>
#include <pango/pangocairo.h>

#include "plots/figure_cairo.h"
#include "plots/figure_impl.h"

#define CF_FONT "DejaVu Sans, Sans"
#define CF_PT_TICK 7.0		/* tick labels and legend */
#define CF_PT_LABEL 8.0		/* axis titles */
#define CF_PT_TITLE 9.0
#define CF_PI 3.14159265358979323846
#define CF_LW 1.0		/* series lines */
#define CF_LW_AXIS 0.6		/* axes and reference lines */
#define CF_MARK_R 1.8		/* marker radius */

/* What one drawing works with, in points: the panels and their axes. */
struct cfig {
	cairo_t *cr;
	PangoLayout *lay;
	px_figure *f;
	px_axis ax, ay, ar;	/* x, main y, residual y */
	double x0, x1;		/* plot columns */
	double y0, y1;		/* main panel, top and bottom */
	double r0, r1;		/* residual panel (r1 > r0 when there is one) */
};

/* A polyline being built as one path: NaN points break it; parts far
 * outside the panel top..bot are cut off. */
struct cf_pen {
	struct cfig *c;
	double top, bot, lx, ly;
	int have;
	double ex, ey;
	int drawn;
};

void cf_pen_to(struct cf_pen *p, double x, double y);
void cf_colour(cairo_t *cr, int colour, double alpha);
void cf_stroke(cairo_t *cr, int colour, double width, int dashed);
/* Add marker code point cp at (x, y) to the path: 1 fill it, 0 stroke. */
int cf_marker(cairo_t *cr, uint32_t cp, double x, double y, double r);

/* Text at pt points: its box; drawn at (x, y) anchored at fractions
 * (hx, hy) of its box, turned by angle about the anchor. */
void cf_text_size(struct cfig *c, const char *s, double pt, double *w,
    double *h);
void cf_text(struct cfig *c, const char *s, double pt, double x, double y,
    double hx, double hy, double angle, int colour);
double cf_line_height(struct cfig *c, double pt);

/* The main panel's series (clipped to it) with the highlight labels; the
 * residual panel. */
void cf_draw_series(struct cfig *c);
void cf_draw_resid(struct cfig *c);

#endif
