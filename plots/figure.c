/* figure.c: laying out and drawing a figure of series onto a canvas. */
#include "config.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "plots/axis.h"
#include "plots/figure.h"
#include "plots/ticks.h"

#define MIN_PW 10		/* smallest plot area, cells */
#define MIN_PH 3
#define RMARGIN 2		/* room right of the plot for the last label */
#define RESID_MIN 3		/* rows of the residual panel, at least */
#define YSAMPLES 128		/* samples of a function for the y range */

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
};

struct px_figure {
	struct series *s;
	int ns, cap;
	char *title, *xlabel, *ylabel;
	int xlog, ylog;
	double fx[2], fy[2];	/* fixed ranges, NaN = automatic */
	double rx[2], ry[2];	/* ranges of the last render */
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

static const uint32_t markers_utf8[] = { 0x2022, 0xd7, '+', 'o', '*', '#' };
static const uint32_t markers_ascii[] = { 'o', 'x', '+', '*', '#', '%' };
static const int auto_colours[] = { PX_BLUE, PX_RED, PX_GREEN, PX_MAGENTA,
    PX_CYAN, PX_YELLOW };

px_figure *
figure_new(void)
{
	px_figure *f = calloc(1, sizeof *f);

	if (f == NULL)
		return NULL;
	f->fx[0] = f->fx[1] = f->fy[0] = f->fy[1] = NAN;
	f->rx[0] = f->rx[1] = f->ry[0] = f->ry[1] = NAN;
	return f;
}

void
figure_free(px_figure *f)
{
	int i;

	if (f == NULL)
		return;
	for (i = 0; i < f->ns; i++) {
		free(f->s[i].label);
		free(f->s[i].x);
		free(f->s[i].y);
		free(f->s[i].y2);
	}
	free(f->s);
	free(f->title);
	free(f->xlabel);
	free(f->ylabel);
	free(f);
}

/* Replace *dst by a copy of src (NULL for NULL or ""). -1 when out of
 * memory. */
static int
set_text(char **dst, const char *src)
{
	char *copy = NULL;

	if (src != NULL && src[0] != '\0') {
		if ((copy = malloc(strlen(src) + 1)) == NULL)
			return -1;
		strcpy(copy, src);
	}
	free(*dst);
	*dst = copy;
	return 0;
}

int
figure_set_title(px_figure *f, const char *title)
{
	return set_text(&f->title, title);
}

int
figure_set_labels(px_figure *f, const char *xlabel, const char *ylabel)
{
	if (set_text(&f->xlabel, xlabel) < 0)
		return -1;
	return set_text(&f->ylabel, ylabel);
}

void
figure_set_log(px_figure *f, int xlog, int ylog)
{
	f->xlog = xlog != 0;
	f->ylog = ylog != 0;
}

void
figure_set_range(px_figure *f, double xlo, double xhi, double ylo, double yhi)
{
	f->fx[0] = xlo;
	f->fx[1] = xhi;
	f->fy[0] = ylo;
	f->fy[1] = yhi;
}

static double *
copy_array(const double *v, size_t n)
{
	double *d;

	if (v == NULL || n == 0)
		return NULL;
	if ((d = malloc(n * sizeof *d)) == NULL)
		return NULL;
	memcpy(d, v, n * sizeof *d);
	return d;
}

/* Append a series of the given kind, copying its arrays. */
static int
add_series(px_figure *f, int kind, const char *label, const double *x,
    const double *y, const double *y2, size_t n, px_err *e)
{
	struct series *s;

	if (n > 0 && (x == NULL || y == NULL || (kind == K_BAND && y2 == NULL)))
		return perr_set(e, "series '%s': missing data array",
		    label != NULL ? label : "");
	if (n > ((size_t)-1) / 2 / sizeof(double))
		return perr_set(e, "series '%s': too many points",
		    label != NULL ? label : "");
	if (f->ns == f->cap) {
		int cap = f->cap == 0 ? 8 : f->cap * 2;
		struct series *ns = realloc(f->s, (size_t)cap * sizeof *ns);

		if (ns == NULL)
			return perr_set(e, "out of memory adding a series");
		f->s = ns;
		f->cap = cap;
	}
	s = &f->s[f->ns];
	memset(s, 0, sizeof *s);
	s->kind = kind;
	s->colour = -1;
	s->n = n;
	if (set_text(&s->label, label) < 0 ||
	    (n > 0 && ((s->x = copy_array(x, n)) == NULL ||
	    (s->y = copy_array(y, n)) == NULL ||
	    (y2 != NULL && (s->y2 = copy_array(y2, n)) == NULL)))) {
		free(s->label);
		free(s->x);
		free(s->y);
		free(s->y2);
		return perr_set(e, "out of memory adding a series");
	}
	return f->ns++;
}

int
figure_scatter(px_figure *f, const char *label, const double *x,
    const double *y, size_t n, px_err *e)
{
	return add_series(f, K_SCATTER, label, x, y, NULL, n, e);
}

int
figure_line(px_figure *f, const char *label, const double *x,
    const double *y, size_t n, px_err *e)
{
	return add_series(f, K_LINE, label, x, y, NULL, n, e);
}

int
figure_function(px_figure *f, const char *label, px_fn fn, void *ctx,
    px_err *e)
{
	int i;

	if (fn == NULL)
		return perr_set(e, "series '%s': no function",
		    label != NULL ? label : "");
	if ((i = add_series(f, K_FUNC, label, NULL, NULL, NULL, 0, e)) < 0)
		return -1;
	f->s[i].fn = fn;
	f->s[i].ctx = ctx;
	return i;
}

int
figure_band(px_figure *f, const char *label, const double *x,
    const double *lo, const double *hi, size_t n, px_err *e)
{
	return add_series(f, K_BAND, label, x, lo, hi, n, e);
}

int
figure_hline(px_figure *f, const char *label, double y, px_err *e)
{
	double x = NAN;

	return add_series(f, K_HLINE, label, &x, &y, NULL, 1, e);
}

int
figure_vline(px_figure *f, const char *label, double x, px_err *e)
{
	double y = NAN;

	return add_series(f, K_VLINE, label, &x, &y, NULL, 1, e);
}

int
figure_highlight(px_figure *f, const char *label, double x, double y,
    px_err *e)
{
	return add_series(f, K_HILITE, label, &x, &y, NULL, 1, e);
}

int
figure_residuals(px_figure *f, const char *label, const double *x,
    const double *r, size_t n, px_err *e)
{
	return add_series(f, K_RESID, label, x, r, NULL, n, e);
}

int
figure_style(px_figure *f, int i, int colour, uint32_t marker)
{
	if (i < 0 || i >= f->ns || colour >= PX_NCOLOURS)
		return -1;
	f->s[i].colour = colour;
	f->s[i].marker = marker;
	return 0;
}

void
figure_ranges(const px_figure *f, double *xlo, double *xhi, double *ylo,
    double *yhi)
{
	*xlo = f->rx[0];
	*xhi = f->rx[1];
	*ylo = f->ry[0];
	*yhi = f->ry[1];
}

/* Colours in series order (reference lines grey), markers per point
 * series. */
static void
resolve_styles(px_figure *f, int mode)
{
	int i, nc = 0, nm = 0;

	for (i = 0; i < f->ns; i++) {
		struct series *s = &f->s[i];

		if (s->kind == K_HLINE || s->kind == K_VLINE)
			s->acolour = PX_GREY;
		else
			s->acolour = auto_colours[nc++ % 6];
		if (s->colour >= 0)
			s->acolour = s->colour;
		s->amarker = s->marker;
		if (s->amarker == 0 && (s->kind == K_SCATTER || s->kind == K_RESID)) {
			s->amarker = mode == PX_ASCII ? markers_ascii[nm % 6] :
			    markers_utf8[nm % 6];
			nm++;
		}
		if (s->amarker == 0 && s->kind == K_HILITE)
			s->amarker = mode == PX_ASCII ? '@' : 0x25c6;
		if (mode == PX_ASCII && s->amarker > 0x7e)
			s->amarker = '*';
	}
}

/* Can point k of s be drawn (both coordinates usable)? */
static int
point_usable(const px_figure *f, const struct series *s, size_t k)
{
	int ylog = s->kind == K_RESID ? 0 : f->ylog;

	if (!isfinite(s->x[k]) || (f->xlog && s->x[k] <= 0.0))
		return 0;
	if (s->kind == K_VLINE)
		return 1;
	if (!isfinite(s->y[k]) || (ylog && s->y[k] <= 0.0))
		return 0;
	return s->y2 == NULL || (isfinite(s->y2[k]) && (!ylog || s->y2[k] > 0.0));
}

/* The x range: fixed, or the padded range of the drawable points. */
static int
range_x(px_figure *f, double *lo, double *hi, px_err *e)
{
	double a = INFINITY, b = -INFINITY;
	size_t k;
	int i;

	for (i = 0; i < f->ns; i++) {
		struct series *s = &f->s[i];

		if (s->kind == K_FUNC || s->kind == K_HLINE)
			continue;
		for (k = 0; k < s->n; k++)
			if (point_usable(f, s, k))
				axis_extend(&a, &b, &s->x[k], 1, f->xlog);
	}
	if (a <= b && axis_pad(&a, &b, f->xlog) < 0)
		return perr_set(e, "x data span too wide to plot");
	if (!isnan(f->fx[0]))
		a = f->fx[0];
	if (!isnan(f->fx[1]))
		b = f->fx[1];
	if (!(a <= b) && isnan(f->fx[0]) && isnan(f->fx[1]))
		return perr_set(e, "nothing to plot: no usable x values (give an x range)");
	*lo = a;
	*hi = b;
	return 0;
}

static int
inside(double v, double lo, double hi)
{
	return v >= lo && v <= hi;
}

/* The main y range: fixed, or the padded range of the data within the x
 * range and of the functions sampled across it. */
static int
range_y(px_figure *f, const px_axis *ax, double *lo, double *hi, px_err *e)
{
	double a = INFINITY, b = -INFINITY, v;
	size_t k;
	int i, j;

	for (i = 0; i < f->ns; i++) {
		struct series *s = &f->s[i];

		if (s->kind == K_RESID || s->kind == K_VLINE)
			continue;
		if (s->kind == K_FUNC) {
			for (j = 0; j < YSAMPLES; j++) {
				v = s->fn(axis_unmap(ax, ax->p0 + (ax->p1 - ax->p0) *
				    j / (YSAMPLES - 1)), s->ctx);
				axis_extend(&a, &b, &v, 1, f->ylog);
			}
			continue;
		}
		for (k = 0; k < s->n; k++) {
			if (s->kind != K_HLINE && (!point_usable(f, s, k) ||
			    !inside(s->x[k], ax->lo, ax->hi)))
				continue;
			axis_extend(&a, &b, &s->y[k], 1, f->ylog);
			if (s->y2 != NULL)
				axis_extend(&a, &b, &s->y2[k], 1, f->ylog);
		}
	}
	if (a <= b && axis_pad(&a, &b, f->ylog) < 0)
		return perr_set(e, "y data span too wide to plot");
	if (!isnan(f->fy[0]))
		a = f->fy[0];
	if (!isnan(f->fy[1]))
		b = f->fy[1];
	if (!(a <= b) && isnan(f->fy[0]) && isnan(f->fy[1]))
		return perr_set(e, "nothing to plot: no usable y values");
	*lo = a;
	*hi = b;
	return 0;
}

/* Residual range: symmetric about zero, 10% beyond the smallest nice
 * number (1, 2, 2.5, 5 x 10^k) covering the largest residual, so that
 * -nice, 0 and nice make the labels. */
static void
range_resid(px_figure *f, double *lo, double *hi)
{
	static const double nice[] = { 1.0, 2.0, 2.5, 5.0, 10.0 };
	double m = 0.0, d;
	size_t k;
	int i;

	for (i = 0; i < f->ns; i++)
		if (f->s[i].kind == K_RESID)
			for (k = 0; k < f->s[i].n; k++)
				if (isfinite(f->s[i].y[k]) && fabs(f->s[i].y[k]) > m)
					m = fabs(f->s[i].y[k]);
	if (!(m > 0.0) || !(m < 1e300))
		m = 1.0;
	d = pow(10.0, floor(log10(m)));
	for (i = 0; i < 5 && nice[i] * d < m * (1.0 - 1e-12); i++)
		;
	m = nice[i < 5 ? i : 4] * d;
	*lo = -1.1 * m;
	*hi = 1.1 * m;
}

static void
clip_main(struct frame *fr)
{
	canvas_clip(fr->c, fr->col0 * fr->sw, fr->top * fr->sh,
	    (fr->col0 + fr->pw) * fr->sw - 1, (fr->top + fr->ph) * fr->sh - 1);
}

static void
clip_resid(struct frame *fr)
{
	canvas_clip(fr->c, fr->col0 * fr->sw, fr->rtop * fr->sh,
	    (fr->col0 + fr->pw) * fr->sw - 1, (fr->rtop + fr->rh) * fr->sh - 1);
}

/* A polyline through the usable points; unusable ones break it. */
static void
draw_poly(struct frame *fr, const px_axis *ay, const double *x,
    const double *y, size_t n, int colour)
{
	double px, py, qx = 0.0, qy = 0.0;
	int have = 0;
	size_t k;

	for (k = 0; k < n; k++) {
		px = axis_map(&fr->ax, x[k]);
		py = axis_map(ay, y[k]);
		if (isnan(px) || isnan(py)) {
			have = 0;
			continue;
		}
		if (have)
			canvas_line(fr->c, qx, qy, px, py, colour, PX_LAYER_LINE, 0);
		else
			canvas_line(fr->c, px, py, px, py, colour, PX_LAYER_LINE, 0);
		qx = px;
		qy = py;
		have = 1;
	}
}

/* A function sampled at every sub-pixel column of the plot. */
static void
draw_func(struct frame *fr, const struct series *s)
{
	int p0 = fr->col0 * fr->sw, p1 = (fr->col0 + fr->pw) * fr->sw - 1, p;
	double qy = 0.0, py;
	int have = 0;

	for (p = p0; p <= p1; p++) {
		py = axis_map(&fr->ay, s->fn(axis_unmap(&fr->ax, p), s->ctx));
		if (isnan(py)) {
			have = 0;
			continue;
		}
		canvas_line(fr->c, have ? p - 1 : p, have ? qy : py, p, py,
		    s->acolour, PX_LAYER_LINE, 0);
		qy = py;
		have = 1;
	}
}

/* Fill the cells between lo and hi, interpolated in screen space along
 * each segment, at every cell column whose centre the segment spans. */
static void
draw_band(struct frame *fr, const struct series *s)
{
	double ymin = fr->top * fr->sh, ymax = (fr->top + fr->ph) * fr->sh - 1;
	size_t k;

	for (k = 0; k + 1 < s->n; k++) {
		double x0 = axis_map(&fr->ax, s->x[k]), x1 = axis_map(&fr->ax, s->x[k + 1]);
		double l0 = axis_map(&fr->ay, s->y[k]), l1 = axis_map(&fr->ay, s->y[k + 1]);
		double h0 = axis_map(&fr->ay, s->y2[k]), h1 = axis_map(&fr->ay, s->y2[k + 1]);
		double c0, c1, xc;
		int col, row;

		if (isnan(x0) || isnan(x1) || isnan(l0) || isnan(l1) || isnan(h0) ||
		    isnan(h1))
			continue;
		if (x1 < x0) {
			double t;

			t = x0; x0 = x1; x1 = t;
			t = l0; l0 = l1; l1 = t;
			t = h0; h0 = h1; h1 = t;
		}
		c0 = fmax(ceil((x0 - (fr->sw - 1) / 2.0) / fr->sw), fr->col0);
		c1 = fmin(floor((x1 - (fr->sw - 1) / 2.0) / fr->sw),
		    fr->col0 + fr->pw - 1);
		for (col = (int)c0; col <= (int)c1 && c0 <= c1; col++) {
			double t, lo, hi;

			xc = col * fr->sw + (fr->sw - 1) / 2.0;
			t = x1 > x0 ? (xc - x0) / (x1 - x0) : 0.0;
			lo = l0 + t * (l1 - l0);
			hi = h0 + t * (h1 - h0);
			if (lo > hi) {
				double u = lo;

				lo = hi;
				hi = u;
			}
			lo = fmax(lo, ymin);
			hi = fmin(hi, ymax);
			for (row = (int)floor(lo / fr->sh); lo <= hi &&
			    row <= (int)floor(hi / fr->sh); row++)
				canvas_band(fr->c, row, col, s->acolour);
		}
	}
}

/* One marker per point; canvas_mark skips unusable and outside ones. */
static void
draw_marks(struct frame *fr, const px_axis *ay, const struct series *s,
    int layer)
{
	size_t k;

	for (k = 0; k < s->n; k++)
		canvas_mark(fr->c, axis_map(&fr->ax, s->x[k]), axis_map(ay, s->y[k]),
		    s->amarker, s->acolour, layer);
}

/* Copy at most max cells of UTF-8 text into buf (size len). */
static void
truncate_text(char *buf, size_t len, const char *s, int max)
{
	size_t i = 0;
	int cells = 0;

	while (s[i] != '\0' && i + 5 < len) {
		if (((unsigned char)s[i] & 0xc0) != 0x80 && cells++ == max)
			break;
		buf[i] = s[i];
		i++;
	}
	while (i > 0 && ((unsigned char)buf[i - 1] & 0xc0) == 0xc0)
		i--;	/* never end on a dangling lead byte */
	buf[i] = '\0';
}

/* The highlighted point's label: right of the marker, else left, inside
 * the plot. */
static void
draw_hilite_label(struct frame *fr, const struct series *s)
{
	double px = axis_map(&fr->ax, s->x[0]), py = axis_map(&fr->ay, s->y[0]);
	int row, col, w, right = fr->col0 + fr->pw - 1;
	char buf[256];

	if (s->label == NULL || isnan(px) || isnan(py))
		return;
	col = (int)floor((px + 0.5) / fr->sw);
	row = (int)floor((py + 0.5) / fr->sh);
	if (col < fr->col0 || col > right || row < fr->top ||
	    row >= fr->top + fr->ph)
		return;
	w = canvas_text_width(s->label);
	if (col + 2 + w - 1 <= right) {
		canvas_text(fr->c, row, col + 2, s->label, s->acolour, PX_LAYER_TEXT);
	} else if (col - 1 - w >= fr->col0) {
		canvas_text(fr->c, row, col - 1 - w, s->label, s->acolour,
		    PX_LAYER_TEXT);
	} else if (right - col - 1 > 0) {
		truncate_text(buf, sizeof buf, s->label, right - col - 1);
		canvas_text(fr->c, row, col + 2, buf, s->acolour, PX_LAYER_TEXT);
	}
}

static uint32_t
legend_symbol(const struct series *s, int mode)
{
	switch (s->kind) {
	case K_BAND:
		return mode == PX_ASCII ? ':' : 0x2591;
	case K_HLINE:
	case K_VLINE:
		return mode == PX_ASCII ? '-' : 0x2504;
	case K_LINE:
	case K_FUNC:
		return mode == PX_ASCII ? '-' : 0x2500;
	default:
		return s->amarker != 0 ? s->amarker : '.';
	}
}

/*
 * The legend: one "symbol label" row per labelled main-panel series, in
 * the corner (top right, top left, bottom right, bottom left on ties) that
 * hides the fewest points, then the fewest drawn cells.
 */
static void
draw_legend(px_figure *f, struct frame *fr)
{
	int idx[64], n = 0, i, w = 0, h, corner, best = -1, r, k;
	long best_pts = 0, best_cells = 0;
	int rect_col[4], rect_row[4], text_col[4];
	char buf[256];

	for (i = 0; i < f->ns && n < 64; i++)
		if (f->s[i].label != NULL && f->s[i].kind != K_RESID)
			idx[n++] = i;
	if (n == 0 || fr->pw < 12)
		return;
	h = n < fr->ph ? n : fr->ph - 1;
	if (h < 1)
		return;
	for (i = 0; i < h; i++) {
		int lw = canvas_text_width(f->s[idx[i]].label);

		if (2 + lw > w)
			w = 2 + lw;
	}
	if (w > fr->pw - 2)
		w = fr->pw - 2;
	/* Rectangles include one blank column on the side facing the plot. */
	rect_col[0] = rect_col[2] = fr->col0 + fr->pw - w - 1;
	rect_col[1] = rect_col[3] = fr->col0;
	text_col[0] = text_col[2] = rect_col[0] + 1;
	text_col[1] = text_col[3] = fr->col0;
	rect_row[0] = rect_row[1] = fr->top;
	rect_row[2] = rect_row[3] = fr->top + fr->ph - h;
	for (corner = 0; corner < 4; corner++) {
		long pts = 0, cells = 0;
		int cn = corner;

		for (r = rect_row[cn]; r < rect_row[cn] + h; r++)
			for (k = rect_col[cn]; k < rect_col[cn] + w + 1; k++) {
				pts += canvas_points(fr->c, r, k);
				cells += canvas_glyph(fr->c, r, k) != ' ';
			}
		if (best < 0 || pts < best_pts ||
		    (pts == best_pts && cells < best_cells)) {
			best = cn;
			best_pts = pts;
			best_cells = cells;
		}
	}
	canvas_clear(fr->c, rect_row[best], rect_col[best], w + 1, h);
	for (i = 0; i < h; i++) {
		const struct series *s = &f->s[idx[i]];

		canvas_put(fr->c, rect_row[best] + i, text_col[best],
		    legend_symbol(s, fr->mode), s->acolour, PX_LAYER_TEXT);
		truncate_text(buf, sizeof buf, s->label, w - 2);
		canvas_text(fr->c, rect_row[best] + i, text_col[best] + 2, buf,
		    PX_DEFAULT, PX_LAYER_TEXT);
	}
}

/* Widest label among majors. */
static int
label_width(const px_ticks *t)
{
	int i, w = 0, lw;

	for (i = 0; i < t->n; i++)
		if (t->t[i].major && (lw = canvas_text_width(t->t[i].label)) > w)
			w = lw;
	return w;
}

/* A vertical axis line over rows top..top+rows-1 with ticks and labels
 * right-aligned in the gutter. */
static void
draw_yaxis(struct frame *fr, const px_ticks *t, int top, int rows)
{
	int ascii = fr->mode == PX_ASCII, i, r;

	for (r = top; r < top + rows; r++)
		canvas_put(fr->c, r, fr->gutter, ascii ? '|' : 0x2502, PX_DEFAULT,
		    PX_LAYER_TEXT);
	for (i = 0; i < t->n; i++) {
		const px_tick *k = &t->t[i];

		canvas_put(fr->c, k->pos, fr->gutter, k->major ? (ascii ? '+' :
		    0x2524) : (ascii ? '-' : 0x251c), PX_DEFAULT, PX_LAYER_TEXT);
		if (k->major)
			canvas_text(fr->c, k->lpos, fr->gutter - 1 -
			    canvas_text_width(k->label), k->label, PX_DEFAULT,
			    PX_LAYER_TEXT);
	}
}

/* A horizontal axis row with ticks; labels on the row below if asked. */
static void
draw_xaxis(struct frame *fr, const px_ticks *t, int row, int labels,
    uint32_t corner)
{
	int ascii = fr->mode == PX_ASCII, i, k;

	canvas_put(fr->c, row, fr->gutter, corner, PX_DEFAULT, PX_LAYER_TEXT);
	for (k = fr->col0; k < fr->col0 + fr->pw; k++)
		canvas_put(fr->c, row, k, ascii ? '-' : 0x2500, PX_DEFAULT,
		    PX_LAYER_TEXT);
	for (i = 0; i < t->n; i++) {
		const px_tick *tk = &t->t[i];

		canvas_put(fr->c, row, tk->pos, tk->major ? (ascii ? '+' : 0x252c) :
		    (ascii ? '\'' : 0x2534), PX_DEFAULT, PX_LAYER_TEXT);
		if (labels && tk->major)
			canvas_text(fr->c, row + 1, tk->lpos, tk->label, PX_DEFAULT,
			    PX_LAYER_TEXT);
	}
}

/* Text centred over the plot columns (truncated to the canvas). */
static void
draw_centred(struct frame *fr, int row, const char *s)
{
	int w = canvas_text_width(s), W = canvas_width(fr->c), col;
	char buf[1024];

	truncate_text(buf, sizeof buf, s, W);
	if (w > W)
		w = W;
	col = fr->col0 + (fr->pw - w) / 2;
	if (col + w > W)
		col = W - w;
	if (col < 0)
		col = 0;
	canvas_text(fr->c, row, col, buf, PX_DEFAULT, PX_LAYER_TEXT);
}

/* All main-panel series, lowest layer first so that the colour rule's
 * ties (last drawn wins) fall to points over lines over bands. */
static void
draw_series(px_figure *f, struct frame *fr)
{
	static const int order[] = { K_BAND, K_HLINE, K_VLINE, K_LINE, K_FUNC,
	    K_SCATTER, K_HILITE };
	int o, i;

	clip_main(fr);
	for (o = 0; o < (int)(sizeof order / sizeof order[0]); o++)
		for (i = 0; i < f->ns; i++) {
			struct series *s = &f->s[i];
			double p;

			if (s->kind != order[o])
				continue;
			switch (s->kind) {
			case K_BAND:
				draw_band(fr, s);
				break;
			case K_HLINE:
				p = axis_map(&fr->ay, s->y[0]);
				canvas_line(fr->c, fr->col0 * fr->sw, p,
				    (fr->col0 + fr->pw) * fr->sw - 1, p, s->acolour,
				    PX_LAYER_REF, fr->sw);
				break;
			case K_VLINE:
				p = axis_map(&fr->ax, s->x[0]);
				canvas_line(fr->c, p, fr->top * fr->sh, p,
				    (fr->top + fr->ph) * fr->sh - 1, s->acolour,
				    PX_LAYER_REF, fr->sh);
				break;
			case K_LINE:
				draw_poly(fr, &fr->ay, s->x, s->y, s->n, s->acolour);
				break;
			case K_FUNC:
				draw_func(fr, s);
				break;
			case K_SCATTER:
				draw_marks(fr, &fr->ay, s, PX_LAYER_POINT);
				break;
			case K_HILITE:
				draw_marks(fr, &fr->ay, s, PX_LAYER_HILITE);
				break;
			}
		}
	for (i = 0; i < f->ns; i++)
		if (f->s[i].kind == K_HILITE)
			draw_hilite_label(fr, &f->s[i]);
}

/* The residual panel: points, a zero line, and the first label. */
static void
draw_resid(px_figure *f, struct frame *fr)
{
	const char *label = NULL;
	double p = axis_map(&fr->ar, 0.0);
	int i;

	clip_resid(fr);
	canvas_line(fr->c, fr->col0 * fr->sw, p, (fr->col0 + fr->pw) * fr->sw - 1,
	    p, PX_GREY, PX_LAYER_REF, fr->sw);
	for (i = 0; i < f->ns; i++)
		if (f->s[i].kind == K_RESID) {
			draw_marks(fr, &fr->ar, &f->s[i], PX_LAYER_POINT);
			if (label == NULL)
				label = f->s[i].label;
		}
	if (label != NULL && fr->pw > 12) {
		char buf[256];
		int w;

		truncate_text(buf, sizeof buf, label, fr->pw / 2);
		w = canvas_text_width(buf);
		canvas_clear(fr->c, fr->rtop, fr->col0 + fr->pw - w - 1, w + 1, 1);
		canvas_text(fr->c, fr->rtop, fr->col0 + fr->pw - w, buf, PX_DEFAULT,
		    PX_LAYER_TEXT);
	}
}

/* axis_init with the axis named in the message ("x axis range ..."). */
static int
axis_named(px_axis *a, const char *name, double lo, double hi, int log,
    double p0, double p1, px_err *e)
{
	px_err sub;

	if (axis_init(a, lo, hi, log, p0, p1, &sub) < 0)
		return perr_set(e, "%s axis %s", name, sub.msg);
	return 0;
}

/*
 * Layout is decided before drawing: the fixed rows (titles, axes, labels)
 * give the plot's height; the y tick labels, computed for that height, give
 * the gutter's width and so the plot's width; only then the x ticks. Every
 * series is drawn clipped to its panel, the legend over them, and the axes
 * and text last, outside the panels.
 */
px_canvas *
figure_render(px_figure *f, int w, int h, int mode, px_err *e)
{
	struct frame fr;
	px_ticks *yt = NULL, *rt = NULL, *xt = NULL;
	double xlo = NAN, xhi = NAN, ylo = NAN, yhi = NAN, rlo = 0.0, rhi = 0.0;
	int i, has_resid = 0, fixed, avail, title_row = -1, ylab_row = -1;
	int need_w, need_h, ascii = mode == PX_ASCII;

	memset(&fr, 0, sizeof fr);
	fr.mode = ascii ? PX_ASCII : PX_BRAILLE;
	fr.sw = ascii ? 3 : 2;
	fr.sh = ascii ? 3 : 4;
	for (i = 0; i < f->ns; i++)
		has_resid |= f->s[i].kind == K_RESID;
	resolve_styles(f, fr.mode);

	/* Rows: title, y title, plot, axis, [residuals, axis], labels, x title. */
	fr.top = 0;
	if (f->title != NULL)
		title_row = fr.top++;
	if (f->ylabel != NULL)
		ylab_row = fr.top++;
	fixed = fr.top + 2 + (f->xlabel != NULL) + (has_resid ? 1 : 0);
	avail = h - fixed;
	fr.rh = has_resid ? (avail / 4 > RESID_MIN ? avail / 4 : RESID_MIN) : 0;
	fr.ph = avail - fr.rh;
	need_h = fixed + MIN_PH + (has_resid ? RESID_MIN : 0);
	if (w > 4096 || h > 4096)
		return perr_set(e, "plot size %dx%d too large (at most 4096x4096)",
		    w, h), NULL;

	/* Ranges, then the y axes (their labels fix the gutter's width). */
	if (range_x(f, &xlo, &xhi, e) < 0)
		return NULL;
	if (axis_named(&fr.ax, "x", xlo, xhi, f->xlog, 0.0, 1000.0, e) < 0)
		return NULL;
	if (range_y(f, &fr.ax, &ylo, &yhi, e) < 0)
		return NULL;
	range_resid(f, &rlo, &rhi);
	if (fr.ph < MIN_PH)
		fr.ph = MIN_PH;
	if (axis_named(&fr.ay, "y", ylo, yhi, f->ylog, (fr.top + fr.ph) * fr.sh - 1.0,
	    fr.top * fr.sh, e) < 0)
		return NULL;
	fr.rtop = fr.top + fr.ph + 1;
	if (has_resid && axis_named(&fr.ar, "residual", rlo, rhi, 0,
	    (fr.rtop + fr.rh) * fr.sh - 1.0, fr.rtop * fr.sh, e) < 0)
		return NULL;
	if ((yt = malloc(sizeof *yt)) == NULL || (rt = malloc(sizeof *rt)) == NULL ||
	    (xt = malloc(sizeof *xt)) == NULL) {
		perr_set(e, "out of memory laying out a plot");
		goto fail;
	}
	ticks_make(yt, &fr.ay, fr.sh, 0, ascii, 0, h - 1);
	rt->n = 0;
	if (has_resid)
		ticks_make(rt, &fr.ar, fr.sh, 0, ascii, 0, h - 1);
	fr.gutter = label_width(yt) > label_width(rt) ? label_width(yt) :
	    label_width(rt);
	fr.gutter += 1;
	fr.col0 = fr.gutter + 1;
	fr.pw = w - fr.col0 - RMARGIN;
	need_w = fr.col0 + RMARGIN + MIN_PW;
	if (fr.pw < MIN_PW || h < need_h) {
		perr_set(e, "plot area too small: need at least %dx%d, got %dx%d",
		    need_w > w ? need_w : w, need_h > h ? need_h : h, w, h);
		goto fail;
	}
	if (axis_named(&fr.ax, "x", xlo, xhi, f->xlog, fr.col0 * fr.sw,
	    (fr.col0 + fr.pw) * fr.sw - 1.0, e) < 0)
		goto fail;
	ticks_make(xt, &fr.ax, fr.sw, 1, ascii, 0, w - 1);
	if ((fr.c = canvas_new(w, h, fr.mode, e)) == NULL)
		goto fail;

	draw_series(f, &fr);
	draw_legend(f, &fr);
	if (has_resid)
		draw_resid(f, &fr);
	canvas_clip(fr.c, 0, 0, w * fr.sw - 1, h * fr.sh - 1);
	draw_yaxis(&fr, yt, fr.top, fr.ph);
	draw_xaxis(&fr, xt, fr.top + fr.ph, !has_resid,
	    ascii ? '+' : has_resid ? 0x251c : 0x2514);
	if (has_resid) {
		draw_yaxis(&fr, rt, fr.rtop, fr.rh);
		draw_xaxis(&fr, xt, fr.rtop + fr.rh, 1, ascii ? '+' : 0x2514);
	}
	if (title_row >= 0)
		draw_centred(&fr, title_row, f->title);
	if (ylab_row >= 0)
		canvas_text(fr.c, ylab_row, 0, f->ylabel, PX_DEFAULT, PX_LAYER_TEXT);
	if (f->xlabel != NULL)
		draw_centred(&fr, h - 1, f->xlabel);
	f->rx[0] = xlo;
	f->rx[1] = xhi;
	f->ry[0] = ylo;
	f->ry[1] = yhi;
	free(yt);
	free(rt);
	free(xt);
	return fr.c;
fail:
	free(yt);
	free(rt);
	free(xt);
	return NULL;
}
