/* figcache.c: a plot pane's rendered figure, kept until it is stale. */
#include "config.h"

#include <stdio.h>

#include <curses.h>

#include "tui/figcache.h"

int
figcache_stale(const tui_figcache *c, const tui *t, const tui_pane *p,
    int opts)
{
	return !c->built || c->gen != t->gen || c->w != tui_iw(p) ||
	    c->h != tui_ih(p) || c->opts != opts;
}

void
figcache_put(tui_figcache *c, const tui *t, const tui_pane *p, int opts,
    figures_fig *ff, const sx_err *e, int ascii)
{
	px_err pe;

	canvas_free(c->canvas);
	c->canvas = NULL;
	c->err[0] = '\0';
	if (ff == NULL)
		snprintf(c->err, sizeof c->err, "%s", e->msg);
	else if ((c->canvas = figure_render(figures_px(ff), tui_iw(p),
	    tui_ih(p), ascii ? PX_ASCII : PX_BRAILLE, &pe)) == NULL)
		snprintf(c->err, sizeof c->err, "%s", pe.msg);
	figures_free(ff);
	c->built = 1;
	c->gen = t->gen;
	c->w = tui_iw(p);
	c->h = tui_ih(p);
	c->opts = opts;
}

void
figcache_draw(const tui_figcache *c, tui *t, const tui_pane *p)
{
	if (c->canvas != NULL)
		tui_canvas(t, p, 0, c->canvas);
	else
		tui_text(t, p, 0, 1, A_NORMAL, c->err);
}

void
figcache_free(tui_figcache *c)
{
	canvas_free(c->canvas);
	c->canvas = NULL;
}
