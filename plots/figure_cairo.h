/* figure_cairo.h: a figure as a PNG, SVG or PDF file, drawn with cairo
 * and pango. */
#ifndef SX_FIGURE_CAIRO_H
#define SX_FIGURE_CAIRO_H

#include <stddef.h>

#include "plots/figure.h"
#include "plots/perr.h"

/*
 * The same px_figure the terminal draws (figure_render), drawn in vector
 * or raster form for a paper: series, log axes labelled 10^k, legend in
 * the corner that hides the fewest points, bands, residual panel,
 * reference lines, titles; the ticks are chosen by plots/ticks.c as in the
 * terminal. Sizes are in points (1/72 in); the default 234 x 160 is a
 * column of a two-column paper (3.25 in), with 7 pt tick labels, 8 pt axis
 * titles, 1 pt lines. PNG is rasterised at dpi dots per inch on white;
 * SVG and PDF have a transparent background.
 *
 * Output is a pure function of the inputs (and of the installed fonts):
 * no dates in the PDF's metadata, SVG ids numbered from 1 in each file.
 */

enum px_file_format {
	PX_FILE_PNG = 0,
	PX_FILE_SVG,
	PX_FILE_PDF
};

#define PX_FILE_WIDTH 234.0
#define PX_FILE_HEIGHT 160.0
#define PX_FILE_DPI 300.0

/* The format named by a file extension ("png", "svg", "pdf", any case);
 * -1 for any other. */
int figure_file_format(const char *ext);

/*
 * Draw f at w x h points (each 72..7200; PNG at most 20000 pixels a side
 * at dpi 30..2400) in format fmt. Returns the file's bytes (malloc'd, *len
 * of them), or NULL with a message when there is nothing to plot, a range
 * is bad, the size leaves no room for a plot, or cairo fails.
 */
unsigned char *figure_cairo(px_figure *f, int fmt, double w, double h,
    double dpi, size_t *len, px_err *e);

#endif
