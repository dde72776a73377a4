/* figure_cairo_frame.c: figure_cairo: the layout in points, the axes with
 * their ticks, the legend and titles, and the PNG, SVG and PDF surfaces. */
#include "config.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include <cairo-pdf.h>
#include <cairo-svg.h>

#include "plots/figure_cairo_impl.h"
#include "plots/ticks.h"

#define TICK_MAJ 3.0		/* tick lengths, outwards */
#define TICK_MIN 1.5
#define PAD 3.0			/* margin around everything */
#define MIN_PW 40.0		/* smallest plot area, points */
#define MIN_PH 30.0
#define CELL_W 4.5		/* a tick label character, for plots/ticks.c */

int
figure_file_format(const char *ext)
{
	if (strcasecmp(ext, "png") == 0)
		return PX_FILE_PNG;
	if (strcasecmp(ext, "svg") == 0)
		return PX_FILE_SVG;
	if (strcasecmp(ext, "pdf") == 0)
		return PX_FILE_PDF;
	return -1;
}

/*
 * Ticks for axis a from p0 to p1 (points) by plots/ticks.c, which counts
 * in character cells: a cell is CELL_W points across, a line of tick
 * labels high. The tick values and labels are used; positions are mapped
 * again in points.
 */
static void
make_ticks(struct cfig *c, px_ticks *t, const px_axis *a, double p0,
    double p1, int horizontal, double page)
{
	double cell = horizontal ? CELL_W : cf_line_height(c, CF_PT_TICK);
	px_axis ta;
	px_err e;

	t->n = 0;
	if (axis_init(&ta, a->lo, a->hi, a->log, p0 / cell, p1 / cell, &e) == 0)
		ticks_make(t, &ta, 1, horizontal, 0, 0, (int)(page / cell) - 1);
}

static double
widest(struct cfig *c, const px_ticks *t)
{
	double w, h, m = 0.0;
	int i;

	for (i = 0; i < t->n; i++)
		if (t->t[i].major) {
			cf_text_size(c, t->t[i].label, CF_PT_TICK, &w, &h);
			m = fmax(m, w);
		}
	return m;
}

/* The left axis of panel top..bot with ticks and labels. */
static void
draw_yaxis(struct cfig *c, const px_axis *a, const px_ticks *t, double top,
    double bot)
{
	int i;

	cairo_new_path(c->cr);
	cairo_move_to(c->cr, c->x0, top);
	cairo_line_to(c->cr, c->x0, bot);
	for (i = 0; i < t->n; i++) {
		double y = axis_map(a, t->t[i].v);

		cairo_move_to(c->cr, c->x0, y);
		cairo_line_to(c->cr, c->x0 - (t->t[i].major ? TICK_MAJ : TICK_MIN), y);
	}
	cf_stroke(c->cr, PX_DEFAULT, CF_LW_AXIS, 0);
	for (i = 0; i < t->n; i++)
		if (t->t[i].major)
			cf_text(c, t->t[i].label, CF_PT_TICK, c->x0 - TICK_MAJ - 1.0,
			    axis_map(a, t->t[i].v), 1.0, 0.5, 0.0, PX_DEFAULT);
}

/* The bottom axis at y with ticks, and their labels if asked. */
static void
draw_xaxis(struct cfig *c, const px_ticks *t, double y, int labels,
    double page)
{
	double w, h;
	int i;

	cairo_new_path(c->cr);
	cairo_move_to(c->cr, c->x0, y);
	cairo_line_to(c->cr, c->x1, y);
	for (i = 0; i < t->n; i++) {
		double x = axis_map(&c->ax, t->t[i].v);

		cairo_move_to(c->cr, x, y);
		cairo_line_to(c->cr, x, y + (t->t[i].major ? TICK_MAJ : TICK_MIN));
	}
	cf_stroke(c->cr, PX_DEFAULT, CF_LW_AXIS, 0);
	for (i = 0; labels && i < t->n; i++) {
		double x = axis_map(&c->ax, t->t[i].v);

		if (!t->t[i].major)
			continue;
		cf_text_size(c, t->t[i].label, CF_PT_TICK, &w, &h);
		x = fmin(x, page - PAD - w / 2.0);
		cf_text(c, t->t[i].label, CF_PT_TICK, x, y + TICK_MAJ + 0.5, 0.5,
		    0.0, 0.0, PX_DEFAULT);
	}
}

/* Points of the main panel's series inside a rectangle. */
static long
points_in(const struct cfig *c, double x, double y, double w, double h)
{
	long n = 0;
	int i;

	for (i = 0; i < c->f->ns; i++) {
		const struct series *s = &c->f->s[i];
		size_t k;

		if (s->kind == K_FUNC) {
			for (double p = x; p <= x + w; p += 1.0) {
				double q = axis_map(&c->ay, s->fn(axis_unmap(&c->ax, p),
				    s->ctx));

				n += q >= y && q <= y + h;
			}
			continue;
		}
		if (s->kind != K_SCATTER && s->kind != K_LINE && s->kind != K_HILITE)
			continue;
		for (k = 0; k < s->n; k++) {
			double px = axis_map(&c->ax, s->x[k]);
			double py = axis_map(&c->ay, s->y[k]);

			n += px >= x && px <= x + w && py >= y && py <= y + h;
		}
	}
	return n;
}

/* The legend's sample of series s, centred at (x, y), 10 points wide. */
static void
legend_sample(struct cfig *c, const struct series *s, double x, double y)
{
	switch (s->kind) {
	case K_BAND:
		cairo_rectangle(c->cr, x - 5.0, y - 2.5, 10.0, 5.0);
		cf_colour(c->cr, s->acolour, 0.25);
		cairo_fill(c->cr);
		break;
	case K_HLINE: case K_VLINE: case K_LINE: case K_FUNC:
		cairo_move_to(c->cr, x - 5.0, y);
		cairo_line_to(c->cr, x + 5.0, y);
		cf_stroke(c->cr, s->acolour, s->kind == K_LINE || s->kind == K_FUNC ?
		    CF_LW : CF_LW_AXIS, s->kind == K_HLINE || s->kind == K_VLINE);
		break;
	default:
		if (cf_marker(c->cr, s->amarker, x, y, s->kind == K_HILITE ?
		    CF_MARK_R * 1.6 : CF_MARK_R)) {
			cf_colour(c->cr, s->acolour, 1.0);
			cairo_fill(c->cr);
		} else {
			cf_stroke(c->cr, s->acolour, 0.7, 0);
		}
	}
}

/* The legend of the labelled main-panel series in the corner (top right,
 * top left, bottom right, bottom left on ties) that hides fewest points. */
static void
draw_legend(struct cfig *c)
{
	double lh = cf_line_height(c, CF_PT_TICK), w = 0.0, tw, th, bw, bh;
	double bx[4], by[4];
	long best_n = -1;
	int i, n = 0, best = 0, k;

	for (i = 0; i < c->f->ns; i++)
		if (c->f->s[i].label != NULL && c->f->s[i].kind != K_RESID &&
		    !c->f->s[i].nolegend) {
			cf_text_size(c, c->f->s[i].label, CF_PT_TICK, &tw, &th);
			w = fmax(w, tw);
			n++;
		}
	if (n == 0)
		return;
	bw = 2.0 + 10.0 + 3.0 + w + 2.0;
	bh = n * lh + 2.0;
	bx[0] = bx[2] = c->x1 - 2.0 - bw;
	bx[1] = bx[3] = c->x0 + 2.0;
	by[0] = by[1] = c->y0 + 2.0;
	by[2] = by[3] = c->y1 - 2.0 - bh;
	for (k = 0; k < 4; k++) {
		long m = points_in(c, bx[k], by[k], bw, bh);

		if (best_n < 0 || m < best_n) {
			best_n = m;
			best = k;
		}
	}
	cairo_rectangle(c->cr, bx[best], by[best], bw, bh);
	cairo_set_source_rgba(c->cr, 1.0, 1.0, 1.0, 0.85);
	cairo_fill_preserve(c->cr);
	cf_stroke(c->cr, PX_GREY, 0.4, 0);
	k = 0;
	for (i = 0; i < c->f->ns; i++) {
		const struct series *s = &c->f->s[i];
		double y = by[best] + 1.0 + (k + 0.5) * lh;

		if (s->label == NULL || s->kind == K_RESID || s->nolegend)
			continue;
		legend_sample(c, s, bx[best] + 7.0, y);
		cf_text(c, s->label, CF_PT_TICK, bx[best] + 15.0, y, 0.0, 0.5, 0.0,
		    PX_DEFAULT);
		k++;
	}
}

/*
 * Layout, top to bottom: title, main panel, [gap, residual panel], x tick
 * labels, x title; left to right: y title (turned), y tick labels, the
 * panels, room for the last x label. The y ticks, chosen for the panel's
 * height, give the left margin; only then the x ticks.
 */
static int
draw(struct cfig *c, double w, double h, px_err *e)
{
	px_figure *f = c->f;
	double xr[2], yr[2], rr[2], lt = cf_line_height(c, CF_PT_TICK);
	double ll = cf_line_height(c, CF_PT_LABEL), top, bot, left, gutter;
	int has_resid;
	px_ticks *yt = NULL, *rt = NULL, *xt = NULL;
	int rc = -1;

	fig_resolve_styles(f, PX_BRAILLE);
	if (fig_data_ranges(f, xr, yr, rr, &has_resid, e) < 0)
		return -1;
	top = PAD + lt / 2.0 + (f->title != NULL ?
	    cf_line_height(c, CF_PT_TITLE) + 2.0 : 0.0);
	bot = h - PAD - (f->xlabel != NULL ? ll + 1.0 : 0.0) - TICK_MAJ - lt;
	left = PAD + (f->ylabel != NULL ? ll + 2.0 : 0.0);
	c->y0 = top;
	c->y1 = bot;
	c->r0 = c->r1 = bot;
	if (has_resid) {
		double rh = fmax((bot - top) / 4.0, 20.0);

		c->r1 = bot;
		c->r0 = bot - rh;
		c->y1 = c->r0 - 5.0;
	}
	if (c->y1 - c->y0 < MIN_PH || w - left - 60.0 < MIN_PW) {
		return perr_set(e, "plot area too small: need at least %.0fx%.0f "
		    "points, got %.0fx%.0f", fmax(w, left + 60.0 + MIN_PW),
		    fmax(h, h - (c->y1 - c->y0) + MIN_PH), w, h);
	}
	if (axis_init(&c->ay, yr[0], yr[1], f->ylog, c->y1, c->y0, e) < 0 ||
	    (has_resid && axis_init(&c->ar, rr[0], rr[1], 0, c->r1, c->r0, e) < 0))
		return -1;
	if ((yt = malloc(sizeof *yt)) == NULL || (rt = malloc(sizeof *rt)) == NULL ||
	    (xt = malloc(sizeof *xt)) == NULL) {
		perr_set(e, "out of memory laying out a plot");
		goto out;
	}
	make_ticks(c, yt, &c->ay, c->y1, c->y0, 0, h);
	rt->n = 0;
	if (has_resid)
		make_ticks(c, rt, &c->ar, c->r1, c->r0, 0, h);
	gutter = fmax(widest(c, yt), widest(c, rt)) + TICK_MAJ + 1.5;
	c->x0 = left + gutter;
	c->x1 = w - PAD - 6.0;
	if (c->x1 - c->x0 < MIN_PW) {
		perr_set(e, "plot area too small: need at least %.0fx%.0f points, "
		    "got %.0fx%.0f", w + MIN_PW - (c->x1 - c->x0), h, w, h);
		goto out;
	}
	if (axis_init(&c->ax, xr[0], xr[1], f->xlog, c->x0, c->x1, e) < 0)
		goto out;
	make_ticks(c, xt, &c->ax, c->x0, c->x1, 1, w);

	cf_draw_series(c);
	if (has_resid)
		cf_draw_resid(c);
	draw_legend(c);
	draw_yaxis(c, &c->ay, yt, c->y0, c->y1);
	draw_xaxis(c, xt, c->y1, !has_resid, w);
	if (has_resid) {
		draw_yaxis(c, &c->ar, rt, c->r0, c->r1);
		draw_xaxis(c, xt, c->r1, 1, w);
	}
	if (f->title != NULL)
		cf_text(c, f->title, CF_PT_TITLE, (c->x0 + c->x1) / 2.0, PAD, 0.5,
		    0.0, 0.0, PX_DEFAULT);
	if (f->xlabel != NULL)
		cf_text(c, f->xlabel, CF_PT_LABEL, (c->x0 + c->x1) / 2.0, h - PAD,
		    0.5, 1.0, 0.0, PX_DEFAULT);
	if (f->ylabel != NULL)
		cf_text(c, f->ylabel, CF_PT_LABEL, PAD, (c->y0 + c->y1) / 2.0, 0.5,
		    0.0, -CF_PI / 2.0, PX_DEFAULT);
	f->rx[0] = xr[0];
	f->rx[1] = xr[1];
	f->ry[0] = yr[0];
	f->ry[1] = yr[1];
	rc = 0;
out:
	free(yt);
	free(rt);
	free(xt);
	return rc;
}

/* The bytes cairo writes, in memory until the file is complete. */
struct sink {
	unsigned char *d;
	size_t n, cap;
};

static cairo_status_t
sink_write(void *closure, const unsigned char *data, unsigned int len)
{
	struct sink *s = closure;

	if (s->n + len > s->cap) {
		size_t cap = s->cap ? s->cap : 65536;
		unsigned char *d;

		while (cap < s->n + len)
			cap *= 2;
		if ((d = realloc(s->d, cap)) == NULL)
			return CAIRO_STATUS_WRITE_ERROR;
		s->d = d;
		s->cap = cap;
	}
	memcpy(s->d + s->n, data, len);
	s->n += len;
	return CAIRO_STATUS_SUCCESS;
}

static int
sink_str(struct sink *s, const char *t, size_t n)
{
	return sink_write(s, (const unsigned char *)t, (unsigned int)n) ==
	    CAIRO_STATUS_SUCCESS ? 0 : -1;
}

/* t with XML's special characters escaped. */
static int
sink_xml(struct sink *s, const char *t)
{
	int rc = 0;

	for (; *t != '\0' && rc == 0; t++)
		rc = *t == '<' ? sink_str(s, "&lt;", 4) : *t == '>' ?
		    sink_str(s, "&gt;", 4) : *t == '&' ? sink_str(s, "&amp;", 5) :
		    sink_str(s, t, 1);
	return rc;
}

/*
 * cairo names an SVG's surfaces by a counter of the whole process
 * ("surface61"), so the same figure drawn after others would differ:
 * number them from 1 in order of appearance. And give the SVG a <title>
 * and <desc> (the figure's title and axis titles, as text for readers
 * and search; cairo draws text as glyph outlines). Returns 0, or -1 when
 * memory runs out.
 */
static int
svg_tidy(struct sink *sk, const px_figure *f)
{
	struct sink o = { NULL, 0, 0 };
	const char *d = (const char *)sk->d, *end = d + sk->n, *p;
	const char *head = NULL;
	long map[64];
	int nmap = 0, rc = 0;

	for (p = d; p + 5 < end && head == NULL; p++)
		if (memcmp(p, "<svg ", 5) == 0)
			for (head = p; head < end && *head != '>'; head++)
				;
	for (p = d; p < end && rc == 0;) {
		const char *q = p;

		while (q < end && *q != 's' && *q != '>')
			q++;
		rc = sink_str(&o, p, (size_t)(q - p));
		p = q;
		if (p >= end || rc != 0)
			break;
		if (*p == '>') {
			if (p++ == head) {
				rc |= sink_str(&o, ">", 1);
				rc |= sink_str(&o, "\n<title>", 8);
				rc |= sink_xml(&o, f->title != NULL ? f->title : "");
				rc |= sink_str(&o, "</title>\n<desc>x: ", 18);
				rc |= sink_xml(&o, f->xlabel != NULL ? f->xlabel : "");
				rc |= sink_str(&o, "; y: ", 5);
				rc |= sink_xml(&o, f->ylabel != NULL ? f->ylabel : "");
				rc |= sink_str(&o, "</desc>", 7);
			} else {
				rc = sink_str(&o, ">", 1);
			}
			continue;
		}
		if (end - p > 7 && memcmp(p, "surface", 7) == 0 &&
		    p[7] >= '0' && p[7] <= '9') {
			char *num_end, buf[32];
			long id = strtol(p + 7, &num_end, 10);
			int i;

			for (i = 0; i < nmap && map[i] != id; i++)
				;
			if (i == nmap && nmap < 64)
				map[nmap++] = id;
			snprintf(buf, sizeof buf, "surface%d", i + 1);
			rc = sink_str(&o, buf, strlen(buf));
			p = num_end;
			continue;
		}
		rc = sink_str(&o, p++, 1);
	}
	if (rc != 0) {
		free(o.d);
		return -1;
	}
	free(sk->d);
	*sk = o;
	return 0;
}

/* Text laid out in points (72 per inch) with unhinted metrics, so that
 * the layout is the same in every format and at every dpi. */
static PangoLayout *
new_layout(cairo_t *cr)
{
	PangoLayout *lay = pango_cairo_create_layout(cr);
	PangoContext *pc = pango_layout_get_context(lay);
	cairo_font_options_t *fo = cairo_font_options_create();

	cairo_font_options_set_hint_metrics(fo, CAIRO_HINT_METRICS_OFF);
	cairo_font_options_set_hint_style(fo, CAIRO_HINT_STYLE_NONE);
	cairo_font_options_set_antialias(fo, CAIRO_ANTIALIAS_GRAY);
	pango_cairo_context_set_resolution(pc, 72.0);
	pango_cairo_context_set_font_options(pc, fo);
	pango_layout_context_changed(lay);
	cairo_font_options_destroy(fo);
	return lay;
}

unsigned char *
figure_cairo(px_figure *f, int fmt, double w, double h, double dpi,
    size_t *len, px_err *e)
{
	struct sink sk = { NULL, 0, 0 };
	struct cfig c;
	cairo_surface_t *sf = NULL;
	double scale = fmt == PX_FILE_PNG ? dpi / 72.0 : 1.0;
	int rc;

	memset(&c, 0, sizeof c);
	c.f = f;
	if (!(w >= 72.0 && w <= 7200.0 && h >= 72.0 && h <= 7200.0))
		return perr_set(e, "figure size %gx%g points out of range (72 to "
		    "7200 a side)", w, h), NULL;
	if (fmt == PX_FILE_PNG && (!(dpi >= 30.0 && dpi <= 2400.0) ||
	    w * scale > 20000.0 || h * scale > 20000.0))
		return perr_set(e, "PNG of %gx%g points at %g dpi out of range "
		    "(30 to 2400 dpi, at most 20000 pixels a side)", w, h, dpi), NULL;
	if (fmt == PX_FILE_PNG)
		sf = cairo_image_surface_create(CAIRO_FORMAT_RGB24,
		    (int)lround(w * scale), (int)lround(h * scale));
	else if (fmt == PX_FILE_SVG)
		sf = cairo_svg_surface_create_for_stream(sink_write, &sk, w, h);
	else if (fmt == PX_FILE_PDF)
		sf = cairo_pdf_surface_create_for_stream(sink_write, &sk, w, h);
	else
		return perr_set(e, "unknown figure format %d", fmt), NULL;
	if (fmt == PX_FILE_SVG)
		cairo_svg_surface_set_document_unit(sf, CAIRO_SVG_UNIT_PT);
	if (fmt == PX_FILE_PDF) {
		/* No dates: the same figure makes the same bytes. */
		cairo_pdf_surface_set_metadata(sf, CAIRO_PDF_METADATA_CREATE_DATE, "");
		cairo_pdf_surface_set_metadata(sf, CAIRO_PDF_METADATA_MOD_DATE, "");
		if (f->title != NULL)
			cairo_pdf_surface_set_metadata(sf, CAIRO_PDF_METADATA_TITLE,
			    f->title);
	}
	c.cr = cairo_create(sf);
	if (fmt == PX_FILE_PNG) {
		cairo_set_source_rgb(c.cr, 1.0, 1.0, 1.0);
		cairo_paint(c.cr);
		cairo_scale(c.cr, scale, scale);
	}
	c.lay = new_layout(c.cr);
	cairo_set_line_join(c.cr, CAIRO_LINE_JOIN_ROUND);
	cairo_set_line_cap(c.cr, CAIRO_LINE_CAP_BUTT);
	if (f->right == NULL)
		rc = draw(&c, w, h, e);
	else {
		/* Two panels side by side, 3/5 and 2/5 of the width. */
		double wl = round(w * 0.6);

		rc = draw(&c, wl, h, e);
		if (rc == 0) {
			cairo_save(c.cr);
			cairo_translate(c.cr, wl, 0.0);
			c.f = f->right;
			rc = draw(&c, w - wl, h, e);
			c.f = f;
			cairo_restore(c.cr);
		}
	}
	g_object_unref(c.lay);
	if (rc == 0 && cairo_status(c.cr) != CAIRO_STATUS_SUCCESS)
		rc = perr_set(e, "drawing the figure: %s",
		    cairo_status_to_string(cairo_status(c.cr)));
	cairo_destroy(c.cr);
	if (rc == 0 && fmt == PX_FILE_PNG &&
	    cairo_surface_write_to_png_stream(sf, sink_write, &sk) !=
	    CAIRO_STATUS_SUCCESS)
		rc = perr_set(e, "out of memory writing a PNG");
	cairo_surface_finish(sf);
	if (rc == 0 && cairo_surface_status(sf) != CAIRO_STATUS_SUCCESS)
		rc = perr_set(e, "writing the figure: %s",
		    cairo_status_to_string(cairo_surface_status(sf)));
	cairo_surface_destroy(sf);
	if (rc == 0 && fmt == PX_FILE_SVG && svg_tidy(&sk, f) != 0)
		rc = perr_set(e, "out of memory writing an SVG");
	if (rc != 0) {
		free(sk.d);
		return NULL;
	}
	*len = sk.n;
	return sk.d;
}
