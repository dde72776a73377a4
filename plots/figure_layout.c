/* figure_layout.c: figure_render: styles, axis ranges, and where the
 * titles, panels and gutter go on the canvas. */
#include "config.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "plots/figure_impl.h"

#define MIN_PW 10		/* smallest plot area, cells */
#define MIN_PH 3
#define RMARGIN 2		/* room right of the plot for the last label */
#define RESID_MIN 3		/* rows of the residual panel, at least */
#define YSAMPLES 128		/* samples of a function for the y range */

static const uint32_t markers_utf8[] = { 0x2022, 0xd7, '+', 'o', '*', '#' };
static const uint32_t markers_ascii[] = { 'o', 'x', '+', '*', '#', '%' };
static const int auto_colours[] = { PX_BLUE, PX_RED, PX_GREEN, PX_MAGENTA,
    PX_CYAN, PX_YELLOW };

/* Colours in series order (reference lines grey), markers per point
 * series. */
void
fig_resolve_styles(px_figure *f, int mode)
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
/* The x, main y and residual ranges of f (the x axis mapped onto 0..1000
 * for sampling functions); *has_resid whether there is a residual panel. */
int
fig_data_ranges(px_figure *f, double x[2], double y[2], double r[2],
    int *has_resid, px_err *e)
{
	px_axis ax;
	int i;

	*has_resid = 0;
	for (i = 0; i < f->ns; i++)
		*has_resid |= f->s[i].kind == K_RESID;
	if (range_x(f, &x[0], &x[1], e) < 0)
		return -1;
	if (axis_named(&ax, "x", x[0], x[1], f->xlog, 0.0, 1000.0, e) < 0)
		return -1;
	if (range_y(f, &ax, &y[0], &y[1], e) < 0)
		return -1;
	range_resid(f, &r[0], &r[1]);
	return 0;
}

static px_canvas *
render_one(px_figure *f, int w, int h, int mode, px_err *e)
{
	struct frame fr;
	px_ticks *yt = NULL, *rt = NULL, *xt = NULL;
	double xlo = NAN, xhi = NAN, ylo = NAN, yhi = NAN, rlo = 0.0, rhi = 0.0;
	double xr[2], yr[2], rr[2];
	int i, has_resid = 0, fixed, avail, title_row = -1, ylab_row = -1;
	int need_w, need_h, ascii = mode == PX_ASCII;

	memset(&fr, 0, sizeof fr);
	fr.mode = ascii ? PX_ASCII : PX_BRAILLE;
	fr.sw = ascii ? 3 : 2;
	fr.sh = ascii ? 3 : 4;
	for (i = 0; i < f->ns; i++)
		has_resid |= f->s[i].kind == K_RESID;
	fig_resolve_styles(f, fr.mode);

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
	if (fig_data_ranges(f, xr, yr, rr, &has_resid, e) < 0)
		return NULL;
	xlo = xr[0];
	xhi = xr[1];
	ylo = yr[0];
	yhi = yr[1];
	rlo = rr[0];
	rhi = rr[1];
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

	fig_draw_series(f, &fr);
	fig_draw_legend(f, &fr);
	if (has_resid)
		fig_draw_resid(f, &fr);
	canvas_clip(fr.c, 0, 0, w * fr.sw - 1, h * fr.sh - 1);
	fig_draw_yaxis(&fr, yt, fr.top, fr.ph);
	fig_draw_xaxis(&fr, xt, fr.top + fr.ph, !has_resid,
	    ascii ? '+' : has_resid ? 0x251c : 0x2514);
	if (has_resid) {
		fig_draw_yaxis(&fr, rt, fr.rtop, fr.rh);
		fig_draw_xaxis(&fr, xt, fr.rtop + fr.rh, 1, ascii ? '+' : 0x2514);
	}
	if (title_row >= 0)
		fig_draw_centred(&fr, title_row, f->title);
	if (ylab_row >= 0)
		canvas_text(fr.c, ylab_row, 0, f->ylabel, PX_DEFAULT, PX_LAYER_TEXT);
	if (f->xlabel != NULL)
		fig_draw_centred(&fr, h - 1, f->xlabel);
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

/* The figure, and its right panel (if any) in the last 2/5 of the cells. */
px_canvas *
figure_render(px_figure *f, int w, int h, int mode, px_err *e)
{
	px_canvas *c, *l, *r;
	int wl = w - (2 * w) / 5;

	if (f->right == NULL)
		return render_one(f, w, h, mode, e);
	if ((l = render_one(f, wl, h, mode, e)) == NULL)
		return NULL;
	if ((r = render_one(f->right, w - wl, h, mode, e)) == NULL) {
		canvas_free(l);
		return NULL;
	}
	if ((c = canvas_new(w, h, mode, e)) != NULL) {
		canvas_blit(c, l, 0, 0);
		canvas_blit(c, r, 0, wl);
	}
	canvas_free(l);
	canvas_free(r);
	return c;
}
