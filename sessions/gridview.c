/* gridview.c: text pictures of gridworlds for the output sink. */
#include "config.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/xalloc.h"
#include "sessions/gridview.h"

/* One picture cell: two terminal columns of UTF-8 or ASCII. */
typedef struct gv_cell {
	char s[16];
} gv_cell;

static const char *const gv_arrow_utf8[GRID_NACT] = { "← ", "↑ ", "→ ", "↓ " };
static const char *const gv_arrow_ascii[GRID_NACT] = { "< ", "^ ", "> ", "v " };
static const char *const gv_action_names[GRID_NACT] = {
	"LEFT", "UP", "RIGHT", "DOWN"
};
/* Shading ramps, light to dark. */
static const char *const gv_shade_utf8[] = { "  ", "░░", "▒▒", "▓▓", "██" };
static const char gv_shade_ascii[] = " .:-=+*#%@";

const char *
gridview_action_name(int a)
{
	return a >= 0 && a < GRID_NACT ? gv_action_names[a] : "?";
}

static void
gv_set(gv_cell *c, const char *s)
{
	snprintf(c->s, sizeof c->s, "%s", s);
}

/* The glyph of map character ch; `shade` pictures draw walls as XX so
 * they do not read as a dark shade. */
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
gv_arrow(const sx_out *o, gv_cell *c, int a)
{
	if (a < 0 || a >= GRID_NACT)
		gv_set(c, "? ");
	else
		gv_set(c, o->ascii ? gv_arrow_ascii[a] : gv_arrow_utf8[a]);
}

/* Print the cells under a header of column numbers, rows numbered. */
static void
gv_render(sx_out *o, const sx_grid *g, const gv_cell *cells)
{
	out_puts(o, "   ");
	for (int c = 0; c < g->cols; c++)
		out_printf(o, "%d ", c % 10);
	out_puts(o, "\n");
	for (int r = 0; r < g->rows; r++) {
		out_printf(o, "%2d ", r);
		for (int c = 0; c < g->cols; c++)
			out_puts(o, cells[r * g->cols + c].s);
		out_puts(o, "\n");
	}
}

static gv_cell *
gv_from_map(const sx_out *o, const sx_grid *g, const char *map, int shade)
{
	size_t n = (size_t)g->rows * (size_t)g->cols;
	gv_cell *cells = xcalloc(n, sizeof *cells);

	for (size_t p = 0; p < n; p++)
		gv_map_glyph(o, &cells[p], map[p], shade);
	return cells;
}

void
gridview_map(sx_out *o, const sx_grid *g, const char *map)
{
	gv_cell *cells = gv_from_map(o, g, map, 0);

	gv_render(o, g, cells);
	free(cells);
}

void
gridview_policy(sx_out *o, const sx_grid *g, const unsigned char *pi,
    uint32_t collected)
{
	gv_cell *cells = gv_from_map(o, g, g->map, 0);

	for (int k = 0; k < g->ncell; k++) {
		int pos = g->cell_pos[k], obj = -1;

		for (int j = 0; j < g->nobj; j++)
			if (g->obj_pos[j] == pos)
				obj = j;
		/* An object not yet collected is taken on entry: the state of
		 * standing on it with the object still there never occurs. */
		if (obj >= 0 && !(collected & ((uint32_t)1 << obj)))
			continue;
		gv_arrow(o, &cells[pos],
		    pi[(size_t)collected * (size_t)g->ncell + (size_t)k]);
	}
	gv_render(o, g, cells);
	free(cells);
}

void
gridview_shade(sx_out *o, const sx_grid *g, const double *v)
{
	size_t n = (size_t)g->rows * (size_t)g->cols;
	gv_cell *cells = gv_from_map(o, g, g->map, 1);
	double lo = INFINITY, hi = -INFINITY;
	int levels = o->ascii ? (int)strlen(gv_shade_ascii) : 5;

	for (size_t p = 0; p < n; p++)
		if (isfinite(v[p])) {
			lo = fmin(lo, v[p]);
			hi = fmax(hi, v[p]);
		}
	for (size_t p = 0; p < n; p++) {
		int k;

		if (!isfinite(v[p]))
			continue;
		/* Equal widths between lo and hi; a flat picture is all dark. */
		k = hi > lo ? (int)((v[p] - lo) / (hi - lo) * (levels - 1) + 0.5) :
		    levels - 1;
		if (o->ascii)
			snprintf(cells[p].s, sizeof cells[p].s, "%c%c",
			    gv_shade_ascii[k], gv_shade_ascii[k]);
		else
			gv_set(&cells[p], gv_shade_utf8[k]);
	}
	gv_render(o, g, cells);
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
	free(cells);
}

void
gridview_path(sx_out *o, const sx_grid *g, const char *map, const rl_path *p)
{
	gv_cell *cells = gv_from_map(o, g, map, 0);

	for (size_t t = 0; t < p->len; t++)
		gv_arrow(o, &cells[p->pos[t]], p->act[t]);
	if (!p->terminal)
		gv_set(&cells[p->pos[p->len]], "@ ");
	gv_render(o, g, cells);
	free(cells);
}
