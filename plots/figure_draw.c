/* figure_draw.c: drawing a laid-out figure's series, legend, axes and
 * text onto its canvas. */
#include "config.h"

#include <math.h>

#include "plots/figure_impl.h"

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
void
fig_draw_legend(px_figure *f, struct frame *fr)
{
	int idx[64], n = 0, i, w = 0, h, corner, best = -1, r, k;
	long best_pts = 0, best_cells = 0;
	int rect_col[4], rect_row[4], text_col[4];
	char buf[256];

	for (i = 0; i < f->ns && n < 64; i++)
		if (f->s[i].label != NULL && f->s[i].kind != K_RESID &&
		    !f->s[i].nolegend)
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

/* A vertical axis line over rows top..top+rows-1 with ticks and labels
 * right-aligned in the gutter. */
void
fig_draw_yaxis(struct frame *fr, const px_ticks *t, int top, int rows)
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
void
fig_draw_xaxis(struct frame *fr, const px_ticks *t, int row, int labels,
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
void
fig_draw_centred(struct frame *fr, int row, const char *s)
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

void
fig_each_series(px_figure *f, void (*fn)(struct series *s, void *arg),
    void *arg)
{
	static const int order[] = { K_BAND, K_HLINE, K_VLINE, K_LINE, K_FUNC,
	    K_SCATTER, K_HILITE };
	int o, i;

	for (o = 0; o < (int)(sizeof order / sizeof order[0]); o++)
		for (i = 0; i < f->ns; i++)
			if (f->s[i].kind == order[o])
				fn(&f->s[i], arg);
}

static void
draw_one(struct series *s, void *arg)
{
	struct frame *fr = arg;
	double p;

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

/* All main-panel series, lowest layer first so that the colour rule's
 * ties (last drawn wins) fall to points over lines over bands. */
void
fig_draw_series(px_figure *f, struct frame *fr)
{
	int i;

	clip_main(fr);
	fig_each_series(f, draw_one, fr);
	for (i = 0; i < f->ns; i++)
		if (f->s[i].kind == K_HILITE)
			draw_hilite_label(fr, &f->s[i]);
}

/* The residual panel: points, a zero line, and the first label. */
void
fig_draw_resid(px_figure *f, struct frame *fr)
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
