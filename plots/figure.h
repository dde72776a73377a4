/* figure.h: a plot of several series with axes, ticks, legend and titles. */
#ifndef SX_FIGURE_H
#define SX_FIGURE_H

/*
 * plots/ in brief (libsxplots.a; libc and libm only, knows nothing of
 * scaling laws):
 *
 *   px_figure *f = figure_new();
 *   figure_set_title(f, "Loss vs compute");
 *   figure_set_labels(f, "C (FLOP)", "L (nats)");
 *   figure_set_log(f, 1, 1);                    // log10 x and y
 *   figure_scatter(f, "runs", x, y, n, &e);     // data, a marker per series
 *   figure_function(f, "fit", law, ctx, &e);    // sampled at every sub-pixel
 *   figure_band(f, "95% band", bx, lo, hi, m, &e);
 *   figure_highlight(f, "C*", cx, cy, &e);      // marker + label
 *   figure_residuals(f, "resid", x, r, n, &e);  // adds a panel below
 *   px_canvas *c = figure_render(f, 80, 24, PX_BRAILLE, &e);
 *   char *text = render_text(c, colour_on, &e); // plots/render.h
 *   figure_ranges(f, &xlo, &xhi, &ylo, &yhi);   // for JSON output
 *   free(text); canvas_free(c); figure_free(f);
 *
 * Series arrays are copied; a function's ctx must live until render. NaN
 * and +-Inf values, and values <= 0 on a log axis, are skipped (a line
 * breaks there). Ranges come from the data (and from the functions sampled
 * across x) with 5% padding (in decades on log axes) unless set with
 * figure_set_range. Colours are assigned blue, red, green, magenta, cyan,
 * yellow in series order (reference lines grey); markers o x + * # % in
 * ASCII, • × + o * # in braille mode; figure_style overrides both.
 *
 * The result is a px_canvas (plots/canvas.h): the TUI copies its cells
 * (canvas_glyph / canvas_colour per cell), batch mode prints render_text.
 * Output is a pure function of the inputs: golden tests compare bytes.
 *
 * Layout, top to bottom: title, y-axis title, plot (y tick labels on the
 * left, legend in the corner that hides the fewest points), x axis, the
 * residual panel with its own y axis if any, x tick labels, x-axis title.
 * A size without room for a plot area of 10x3 cells fails with "plot area
 * too small: need at least WxH".
 */

#include <stddef.h>
#include <stdint.h>

#include "plots/canvas.h"
#include "plots/perr.h"

typedef struct px_figure px_figure;

/* A curve y = fn(x, ctx), evaluated at every sub-pixel column. */
typedef double (*px_fn)(double x, void *ctx);

/* An empty figure; NULL when memory runs out. */
px_figure *figure_new(void);
void figure_free(px_figure *f);

/* Title and axis titles (with units, e.g. "C (FLOP)"); NULL or "" for none.
 * Return -1 when memory runs out. */
int figure_set_title(px_figure *f, const char *title);
int figure_set_labels(px_figure *f, const char *xlabel, const char *ylabel);

/* Log10 scale on x and/or y (0 = linear, the default). */
void figure_set_log(px_figure *f, int xlog, int ylog);

/* Fixed axis ranges; NaN for either end of a pair means automatic. */
void figure_set_range(px_figure *f, double xlo, double xhi, double ylo,
    double yhi);

/*
 * Add a series; each returns the series index (for figure_style) or -1
 * with a message when an array is NULL while n > 0, or memory runs out.
 * label may be NULL (the series then stays out of the legend).
 */
int figure_scatter(px_figure *f, const char *label, const double *x,
    const double *y, size_t n, px_err *e);
int figure_line(px_figure *f, const char *label, const double *x,
    const double *y, size_t n, px_err *e);
int figure_function(px_figure *f, const char *label, px_fn fn, void *ctx,
    px_err *e);
int figure_band(px_figure *f, const char *label, const double *x,
    const double *lo, const double *hi, size_t n, px_err *e);
int figure_hline(px_figure *f, const char *label, double y, px_err *e);
int figure_vline(px_figure *f, const char *label, double x, px_err *e);
int figure_highlight(px_figure *f, const char *label, double x, double y,
    px_err *e);
/* Residuals (y - fit) as points in a panel under the plot sharing its x
 * axis, with a zero line; the panel appears once any are added. */
int figure_residuals(px_figure *f, const char *label, const double *x,
    const double *r, size_t n, px_err *e);

/*
 * A second panel drawn to the right of f with its own axes (IsoFLOP
 * profiles and their N_opt(C)): f owns g from now on (and frees any panel
 * it had). The terminal gives f 3/5 of the width, files 3/5 of the points.
 */
void figure_set_right(px_figure *f, px_figure *g);
px_figure *figure_right(const px_figure *f);

/* Colour (enum px_colour; -1 keeps automatic) and marker code point (0
 * keeps automatic) of series i. Returns -1 for a bad index. */
int figure_style(px_figure *f, int i, int colour, uint32_t marker);

/* Keep series i (a labelled highlight) out of the legend. Returns -1 for
 * a bad index. */
int figure_no_legend(px_figure *f, int i);

/*
 * Draw the figure on a new w x h canvas in mode PX_BRAILLE or PX_ASCII.
 * Returns NULL with a message when there is nothing to plot, a fixed range
 * is bad (empty, not finite, not positive on a log axis), or the size is
 * too small ("plot area too small: need at least 30x9").
 */
px_canvas *figure_render(px_figure *f, int w, int h, int mode, px_err *e);

/* Axis ranges used by the last successful figure_render (NaN before). */
void figure_ranges(const px_figure *f, double *xlo, double *xhi, double *ylo,
    double *yhi);

#endif
