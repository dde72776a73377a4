/* figcache.h: a plot pane's rendered figure, kept until it is stale. */
#ifndef SX_FIGCACHE_H
#define SX_FIGCACHE_H

#include "plots/canvas.h"
#include "sessions/figures.h"
#include "tui/tui.h"

/*
 * A figure is rebuilt only when the workspace changed (t->gen), the pane
 * was resized, or its view options (a number the pane makes of them)
 * changed: drawing a pane is then a copy of cells.
 */
typedef struct tui_figcache {
	unsigned gen;
	int w, h, opts;
	int built;           /* built once at least */
	px_canvas *canvas;   /* the figure, or NULL with err saying why */
	char err[512];
} tui_figcache;

/* Is the cache stale for pane p drawn with view options opts? */
int figcache_stale(const tui_figcache *c, const tui *t, const tui_pane *p,
    int opts);
/*
 * Keep ff (built for pane p, or NULL with e saying why; freed here)
 * rendered at p's inner size, in ASCII or braille, as the figure for
 * these options.
 */
void figcache_put(tui_figcache *c, const tui *t, const tui_pane *p, int opts,
    figures_fig *ff, const sx_err *e, int ascii);
/* Draw the figure, or the reason there is none. */
void figcache_draw(const tui_figcache *c, tui *t, const tui_pane *p);
void figcache_free(tui_figcache *c);

#endif
