/* figure_cairo.c: figure_cairo: the figure model of figure.c drawn with
 * cairo (shapes) and pango (text) in points, for PNG, SVG and PDF files. */
#include "config.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "plots/figure_cairo_impl.h"

#define FAR 200.0		/* lines are cut this far outside a panel */

/* A paper palette for the px_colour indices. */
void
cf_colour(cairo_t *cr, int colour, double alpha)
{
	static const double rgb[PX_NCOLOURS][3] = {
		{ 0.0, 0.0, 0.0 },		/* default: black */
		{ 0.122, 0.467, 0.706 },	/* blue */
		{ 0.839, 0.153, 0.157 },	/* red */
		{ 0.173, 0.627, 0.173 },	/* green */
		{ 0.580, 0.404, 0.741 },	/* magenta (purple) */
		{ 0.090, 0.745, 0.812 },	/* cyan */
		{ 0.737, 0.741, 0.133 },	/* yellow (olive, readable on white) */
		{ 0.498, 0.498, 0.498 },	/* grey */
	};
	if (colour < 0 || colour >= PX_NCOLOURS)
		colour = PX_DEFAULT;
	cairo_set_source_rgba(cr, rgb[colour][0], rgb[colour][1], rgb[colour][2],
	    alpha);
}

/* Width and height of s set at pt points. */
void
cf_text_size(struct cfig *c, const char *s, double pt, double *w, double *h)
{
	PangoFontDescription *fd = pango_font_description_from_string(CF_FONT);
	PangoRectangle r;

	pango_font_description_set_size(fd, (gint)(pt * PANGO_SCALE));
	pango_layout_set_font_description(c->lay, fd);
	pango_font_description_free(fd);
	pango_layout_set_text(c->lay, s, -1);
	pango_layout_get_extents(c->lay, NULL, &r);
	*w = (double)r.width / PANGO_SCALE;
	*h = (double)r.height / PANGO_SCALE;
}

/* s at (x, y), anchored at fractions (hx, hy) of its box (0 0 top left,
 * 1 1 bottom right), turned by angle radians about the anchor. */
void
cf_text(struct cfig *c, const char *s, double pt, double x, double y,
    double hx, double hy, double angle, int colour)
{
	double w, h;

	cf_text_size(c, s, pt, &w, &h);
	cairo_save(c->cr);
	cairo_translate(c->cr, x, y);
	cairo_rotate(c->cr, angle);
	cairo_move_to(c->cr, -hx * w, -hy * h);
	cf_colour(c->cr, colour, 1.0);
	pango_cairo_update_layout(c->cr, c->lay);
	pango_cairo_show_layout(c->cr, c->lay);
	cairo_new_path(c->cr);
	cairo_restore(c->cr);
}

double
cf_line_height(struct cfig *c, double pt)
{
	double w, h;

	cf_text_size(c, "0", pt, &w, &h);
	return h;
}

/* Cut segment a-b to the panel grown by FAR, so that cairo never sees
 * coordinates far outside the page. 0 when nothing is left. */
static int
cut(const struct cfig *c, double top, double bot, double *ax, double *ay,
    double *bx, double *by)
{
	return axis_clip_segment(c->x0 - FAR, top - FAR, c->x1 + FAR, bot + FAR,
	    ax, ay, bx, by);
}

void
cf_pen_to(struct cf_pen *p, double x, double y)
{
	double ax = p->lx, ay = p->ly, bx = x, by = y;
	int had = p->have;

	if (isnan(x) || isnan(y)) {
		p->have = 0;
		return;
	}
	p->lx = x;
	p->ly = y;
	p->have = 1;
	if (!had || !cut(p->c, p->top, p->bot, &ax, &ay, &bx, &by))
		return;
	if (!p->drawn || ax != p->ex || ay != p->ey)
		cairo_move_to(p->c->cr, ax, ay);
	cairo_line_to(p->c->cr, bx, by);
	p->ex = bx;
	p->ey = by;
	p->drawn = 1;
}

void
cf_stroke(cairo_t *cr, int colour, double width, int dashed)
{
	static const double dash[] = { 2.0, 1.5 };

	cf_colour(cr, colour, 1.0);
	cairo_set_line_width(cr, width);
	cairo_set_dash(cr, dash, dashed ? 2 : 0, 0.0);
	cairo_stroke(cr);
	cairo_set_dash(cr, dash, 0, 0.0);
}

/* Add marker cp at (x, y) to the path; returns 1 if it is filled, 0 if
 * stroked. */
int
cf_marker(cairo_t *cr, uint32_t cp, double x, double y, double r)
{
	switch (cp) {
	case 0xd7: case 'x':
		cairo_move_to(cr, x - r, y - r);
		cairo_line_to(cr, x + r, y + r);
		cairo_move_to(cr, x - r, y + r);
		cairo_line_to(cr, x + r, y - r);
		return 0;
	case '+':
		cairo_move_to(cr, x - r * 1.2, y);
		cairo_line_to(cr, x + r * 1.2, y);
		cairo_move_to(cr, x, y - r * 1.2);
		cairo_line_to(cr, x, y + r * 1.2);
		return 0;
	case 'o':
		cairo_new_sub_path(cr);
		cairo_arc(cr, x, y, r, 0.0, 2.0 * CF_PI);
		cairo_close_path(cr);
		return 0;
	case '*':
		for (int k = 0; k < 3; k++) {
			double a = CF_PI / 2.0 + k * CF_PI / 3.0;

			cairo_move_to(cr, x - r * 1.2 * cos(a), y - r * 1.2 * sin(a));
			cairo_line_to(cr, x + r * 1.2 * cos(a), y + r * 1.2 * sin(a));
		}
		return 0;
	case '#': case '%':
		cairo_rectangle(cr, x - r * 0.9, y - r * 0.9, r * 1.8, r * 1.8);
		return 1;
	case 0x25c6: case '@':
		cairo_move_to(cr, x, y - r * 1.3);
		cairo_line_to(cr, x + r, y);
		cairo_line_to(cr, x, y + r * 1.3);
		cairo_line_to(cr, x - r, y);
		cairo_close_path(cr);
		return 1;
	default:
		cairo_new_sub_path(cr);
		cairo_arc(cr, x, y, r, 0.0, 2.0 * CF_PI);
		cairo_close_path(cr);
		return 1;
	}
}

/* One path of all of a series' markers inside the panel (and a little
 * around it, for the clip to cut). */
static void
draw_marks(struct cfig *c, const px_axis *ay, const struct series *s,
    double r, double top, double bot)
{
	int filled = 1, any = 0;
	size_t k;

	for (k = 0; k < s->n; k++) {
		double x = axis_map(&c->ax, s->x[k]), y = axis_map(ay, s->y[k]);

		if (isnan(x) || isnan(y) || x < c->x0 - r || x > c->x1 + r ||
		    y < top - 2 * r || y > bot + 2 * r)
			continue;
		filled = cf_marker(c->cr, s->amarker, x, y, r);
		any = 1;
	}
	if (!any)
		return;
	if (filled) {
		cf_colour(c->cr, s->acolour, 1.0);
		cairo_fill(c->cr);
	} else {
		cf_stroke(c->cr, s->acolour, 0.7, 0);
	}
}

static void
draw_poly(struct cfig *c, const struct series *s)
{
	struct cf_pen p = { c, c->y0, c->y1, 0.0, 0.0, 0, 0.0, 0.0, 0 };
	size_t k;

	cairo_new_path(c->cr);
	for (k = 0; k < s->n; k++)
		cf_pen_to(&p, axis_map(&c->ax, s->x[k]), axis_map(&c->ay, s->y[k]));
	cf_stroke(c->cr, s->acolour, CF_LW, 0);
}

/* A function sampled every quarter point across the plot. */
static void
draw_func(struct cfig *c, const struct series *s)
{
	struct cf_pen p = { c, c->y0, c->y1, 0.0, 0.0, 0, 0.0, 0.0, 0 };
	int n = (int)ceil((c->x1 - c->x0) * 4.0), i;

	cairo_new_path(c->cr);
	for (i = 0; i <= n; i++) {
		double x = c->x0 + (c->x1 - c->x0) * i / n;

		cf_pen_to(&p, x, axis_map(&c->ay, s->fn(axis_unmap(&c->ax, x),
		    s->ctx)));
	}
	cf_stroke(c->cr, s->acolour, CF_LW, 0);
}

static double
clampy(const struct cfig *c, double y)
{
	return fmax(c->y0 - FAR, fmin(c->y1 + FAR, y));
}

/* The band between lo and hi as one filled path, a polygon per run of
 * usable points. */
static void
draw_band(struct cfig *c, const struct series *s)
{
	size_t k = 0, a, b;

	cairo_new_path(c->cr);
	while (k < s->n) {
		for (a = k; a < s->n && (isnan(axis_map(&c->ax, s->x[a])) ||
		    isnan(axis_map(&c->ay, s->y[a])) ||
		    isnan(axis_map(&c->ay, s->y2[a]))); a++)
			;
		for (b = a; b < s->n && !isnan(axis_map(&c->ax, s->x[b])) &&
		    !isnan(axis_map(&c->ay, s->y[b])) &&
		    !isnan(axis_map(&c->ay, s->y2[b])); b++)
			;
		k = b;
		if (b - a < 2)
			continue;
		for (size_t i = a; i < b; i++)
			cairo_line_to(c->cr, axis_map(&c->ax, s->x[i]),
			    clampy(c, axis_map(&c->ay, s->y[i])));
		for (size_t i = b; i-- > a;)
			cairo_line_to(c->cr, axis_map(&c->ax, s->x[i]),
			    clampy(c, axis_map(&c->ay, s->y2[i])));
		cairo_close_path(c->cr);
	}
	cf_colour(c->cr, s->acolour, 0.25);
	cairo_fill(c->cr);
}

static void
clip_to(struct cfig *c, double top, double bot)
{
	cairo_reset_clip(c->cr);
	cairo_rectangle(c->cr, c->x0, top, c->x1 - c->x0, bot - top);
	cairo_clip(c->cr);
}

/* The highlighted point's label: right of the marker, else left. */
static void
draw_hilite_label(struct cfig *c, const struct series *s)
{
	double x = axis_map(&c->ax, s->x[0]), y = axis_map(&c->ay, s->y[0]);
	double w, h;

	if (s->label == NULL || isnan(x) || isnan(y) || x < c->x0 ||
	    x > c->x1 || y < c->y0 || y > c->y1)
		return;
	cf_text_size(c, s->label, CF_PT_TICK, &w, &h);
	if (x + 4.0 + w <= c->x1)
		cf_text(c, s->label, CF_PT_TICK, x + 4.0, y, 0.0, 0.5, 0.0, s->acolour);
	else
		cf_text(c, s->label, CF_PT_TICK, x - 4.0, y, 1.0, 0.5, 0.0, s->acolour);
}

static void
draw_one(struct series *s, void *arg)
{
	struct cfig *c = arg;
	double p;

	switch (s->kind) {
	case K_BAND:
		draw_band(c, s);
		break;
	case K_HLINE:
		if (isnan(p = axis_map(&c->ay, s->y[0])))
			break;
		cairo_move_to(c->cr, c->x0, clampy(c, p));
		cairo_line_to(c->cr, c->x1, clampy(c, p));
		cf_stroke(c->cr, s->acolour, CF_LW_AXIS, 1);
		break;
	case K_VLINE:
		p = axis_map(&c->ax, s->x[0]);
		if (isnan(p) || p < c->x0 - FAR || p > c->x1 + FAR)
			break;
		cairo_move_to(c->cr, p, c->y0);
		cairo_line_to(c->cr, p, c->y1);
		cf_stroke(c->cr, s->acolour, CF_LW_AXIS, 1);
		break;
	case K_LINE:
		draw_poly(c, s);
		break;
	case K_FUNC:
		draw_func(c, s);
		break;
	case K_SCATTER:
		draw_marks(c, &c->ay, s, CF_MARK_R, c->y0, c->y1);
		break;
	case K_HILITE:
		draw_marks(c, &c->ay, s, CF_MARK_R * 1.6, c->y0, c->y1);
		break;
	}
}

/* The main panel's series, lowest first: points over lines over bands. */
void
cf_draw_series(struct cfig *c)
{
	int i;

	clip_to(c, c->y0, c->y1);
	fig_each_series(c->f, draw_one, c);
	cairo_reset_clip(c->cr);
	for (i = 0; i < c->f->ns; i++)
		if (c->f->s[i].kind == K_HILITE)
			draw_hilite_label(c, &c->f->s[i]);
}

/* The residual panel: a zero line, the points, the first label. */
void
cf_draw_resid(struct cfig *c)
{
	const char *label = NULL;
	double p = axis_map(&c->ar, 0.0);
	int i;

	clip_to(c, c->r0, c->r1);
	cairo_move_to(c->cr, c->x0, p);
	cairo_line_to(c->cr, c->x1, p);
	cf_stroke(c->cr, PX_GREY, CF_LW_AXIS, 1);
	for (i = 0; i < c->f->ns; i++)
		if (c->f->s[i].kind == K_RESID) {
			draw_marks(c, &c->ar, &c->f->s[i], CF_MARK_R, c->r0, c->r1);
			if (label == NULL)
				label = c->f->s[i].label;
		}
	cairo_reset_clip(c->cr);
	if (label != NULL)
		cf_text(c, label, CF_PT_TICK, c->x1 - 2.0, c->r0 + 1.0, 1.0, 0.0, 0.0,
		    PX_DEFAULT);
}
