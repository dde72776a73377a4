/* gridview.c: text pictures of gridworlds for the output sink. */
#include "config.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/xalloc.h"
#include "rl/grid.h"
#include "views/gridview.h"

/* One picture cell: two terminal columns of UTF-8 or ASCII. */
typedef struct gv_cell {
	char s[16];
} gv_cell;

/* The cells of a picture, rows * cols of them. */
typedef struct gv_pic {
	int rows, cols;
	gv_cell *cells;
} gv_pic;

static const char *const gv_arrow_utf8[GRID_NACT] = { "← ", "↑ ", "→ ", "↓ " };
static const char *const gv_arrow_ascii[GRID_NACT] = { "< ", "^ ", "> ", "v " };
/* Shading ramps, light to dark. */
static const char *const gv_shade_utf8[] = { "  ", "░░", "▒▒", "▓▓", "██" };
static const char gv_shade_ascii[] = " .:-=+*#%@";

static void
gv_set(gv_cell *c, const char *s)
{
	snprintf(c->s, sizeof c->s, "%s", s);
}

/* The glyph of map character ch; `shade` pictures draw walls as XX. */
static void
gv_map_glyph(const sx_out *o, gv_cell *c, char ch, int shade)
{
	if (ch == 'X')
		gv_set(c, shade || o->ascii ? "XX" : "██");
	else if (ch == '.')
		gv_set(c, o->ascii ? ". " : "· ");
	else
		snprintf(c->s, sizeof c->s, "%c ", ch);
}

static void
gv_arrow(const sx_out *o, gv_cell *c, const char *name)
{
	int a = grid_action_of(name);

	if (a < 0)
		gv_set(c, "? ");
	else
		gv_set(c, o->ascii ? gv_arrow_ascii[a] : gv_arrow_utf8[a]);
}

/* The map's glyphs; rows as long as the first (a record built from a grid
 * has rows of one length). */
static gv_pic
gv_from_map(const sx_out *o, const sx_rec *map, int shade)
{
	gv_pic pic = { (int)rec_len(map), 0, NULL };

	if (pic.rows > 0 && rec_at(map, 0)->type == REC_STR)
		pic.cols = (int)strlen(rec_at(map, 0)->v.s);
	pic.cells = xcalloc((size_t)pic.rows * (size_t)pic.cols + 1,
	    sizeof *pic.cells);
	for (int r = 0; r < pic.rows; r++) {
		const sx_rec *row = rec_at(map, (size_t)r);
		const char *s = row->type == REC_STR ? row->v.s : "";

		for (int c = 0; c < pic.cols; c++)
			gv_map_glyph(o, &pic.cells[r * pic.cols + c],
			    c < (int)strlen(s) ? s[c] : ' ', shade);
	}
	return pic;
}

/* The layer's entry at r,c, or NULL. */
static const sx_rec *
gv_at(const sx_rec *layer, int r, int c)
{
	const sx_rec *row = rec_at(layer, (size_t)r);

	return row != NULL ? rec_at(row, (size_t)c) : NULL;
}

/* Print the cells under a header of column numbers, rows numbered; then
 * free them. */
static void
gv_render(sx_out *o, gv_pic *pic)
{
	out_puts(o, "   ");
	for (int c = 0; c < pic->cols; c++)
		out_printf(o, "%d ", c % 10);
	out_puts(o, "\n");
	for (int r = 0; r < pic->rows; r++) {
		out_printf(o, "%2d ", r);
		for (int c = 0; c < pic->cols; c++)
			out_puts(o, pic->cells[r * pic->cols + c].s);
		out_puts(o, "\n");
	}
	free(pic->cells);
	pic->cells = NULL;
}

void
gridview_map(sx_out *o, const sx_rec *map)
{
	gv_pic pic = gv_from_map(o, map, 0);

	gv_render(o, &pic);
}

void
gridview_policy(sx_out *o, const sx_rec *map, const sx_rec *actions)
{
	gv_pic pic = gv_from_map(o, map, 0);

	for (int r = 0; r < pic.rows; r++)
		for (int c = 0; c < pic.cols; c++) {
			const sx_rec *a = gv_at(actions, r, c);

			if (a != NULL && a->type == REC_STR)
				gv_arrow(o, &pic.cells[r * pic.cols + c], a->v.s);
		}
	gv_render(o, &pic);
}

/* The value shaded at r,c: NaN on a wall, which has none. */
static double
gv_shade_value(const sx_rec *map, const sx_rec *values, int r, int c)
{
	const sx_rec *row = rec_at(map, (size_t)r);

	if (row != NULL && row->type == REC_STR && (size_t)c < strlen(row->v.s) &&
	    row->v.s[c] == 'X')
		return NAN;
	return rec_num_of(gv_at(values, r, c));
}

void
gridview_shade(sx_out *o, const sx_rec *map, const sx_rec *values)
{
	gv_pic pic = gv_from_map(o, map, 1);
	double lo = INFINITY, hi = -INFINITY;
	int levels = o->ascii ? (int)strlen(gv_shade_ascii) : 5;

	for (int r = 0; r < pic.rows; r++)
		for (int c = 0; c < pic.cols; c++) {
			double v = gv_shade_value(map, values, r, c);

			if (isfinite(v)) {
				lo = fmin(lo, v);
				hi = fmax(hi, v);
			}
		}
	for (int r = 0; r < pic.rows; r++)
		for (int c = 0; c < pic.cols; c++) {
			double v = gv_shade_value(map, values, r, c);
			gv_cell *cell = &pic.cells[r * pic.cols + c];
			int k;

			if (!isfinite(v))
				continue;
			/* Equal widths between lo and hi; a flat picture is all
			 * dark. */
			k = hi > lo ? (int)((v - lo) / (hi - lo) * (levels - 1) +
			    0.5) : levels - 1;
			if (o->ascii)
				snprintf(cell->s, sizeof cell->s, "%c%c",
				    gv_shade_ascii[k], gv_shade_ascii[k]);
			else
				gv_set(cell, gv_shade_utf8[k]);
		}
	gv_render(o, &pic);
	if (isfinite(lo)) {
		out_printf(o, "shade: lightest %.6g [", lo);
		for (int k = 0; k < levels; k++)
			if (o->ascii)
				out_printf(o, "%c", gv_shade_ascii[k]);
			else
				out_printf(o, "%s", gv_shade_utf8[k] + (k == 0 ? 1 :
				    strlen(gv_shade_utf8[k]) / 2));
		out_puts(o, "] ");
		out_printf(o, "darkest %.6g\n", hi);
	}
}

/* The cell of a [row, col] entry, or NULL when it is off the picture. */
static gv_cell *
gv_cell_of(gv_pic *pic, const sx_rec *rc)
{
	int r = (int)rec_num_of(rec_at(rc, 0)), c = (int)rec_num_of(rec_at(rc, 1));

	if (rec_len(rc) != 2 || r < 0 || r >= pic->rows || c < 0 ||
	    c >= pic->cols)
		return NULL;
	return &pic->cells[r * pic->cols + c];
}

void
gridview_path(sx_out *o, const sx_rec *map, const sx_rec *path,
    const sx_rec *actions, int terminal)
{
	gv_pic pic = gv_from_map(o, map, 0);
	size_t len = rec_len(path);
	gv_cell *cell;

	for (size_t t = 0; t < rec_len(actions) && t < len; t++) {
		const sx_rec *a = rec_at(actions, t);

		if ((cell = gv_cell_of(&pic, rec_at(path, t))) != NULL)
			gv_arrow(o, cell, a->type == REC_STR ? a->v.s : NULL);
	}
	if (!terminal && len > 0 &&
	    (cell = gv_cell_of(&pic, rec_at(path, len - 1))) != NULL)
		gv_set(cell, "@ ");
	gv_render(o, &pic);
}

/* The glyph of base policy I: 1-9, then a, b, ... for 10, 11, ... */
static void
gv_base_glyph(gv_cell *c, long long i)
{
	if (i >= 1 && i <= 9)
		snprintf(c->s, sizeof c->s, "%lld ", i);
	else if (i >= 10 && i < 10 + 26)
		snprintf(c->s, sizeof c->s, "%c ", (char)('a' + (i - 10)));
	else
		gv_set(c, "? ");
}

void
gridview_follows(sx_out *o, const sx_rec *map, const sx_rec *follows)
{
	gv_pic pic = gv_from_map(o, map, 0);

	for (int r = 0; r < pic.rows; r++)
		for (int c = 0; c < pic.cols; c++) {
			const sx_rec *f = gv_at(follows, r, c);
			gv_cell *cell = &pic.cells[r * pic.cols + c];

			if (f != NULL && f->type == REC_INT)
				gv_base_glyph(cell, f->v.i);
			else if (cell->s[0] >= '0' && cell->s[0] <= '9')
				snprintf(cell->s, sizeof cell->s, "*%c",
				    cell->s[0]);
		}
	gv_render(o, &pic);
}
