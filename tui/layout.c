/* layout.c: where the panes go for the terminal's size. */
#include "config.h"

#include <curses.h>

#include "tui/tui.h"

/*
 * Three layouts (a design note, since the cut-offs are a choice):
 *   - below TUI_MIN_W x TUI_MIN_H nothing but "terminal too small";
 *   - under 120x36, one main pane (the focused one) under a tab bar, the
 *     console below it: an 80x24 terminal gets a 15-row plot;
 *   - from 120x36, tiles: fit and data (or the gridworld) on the left,
 *     the main plot over frontier | crossover on the right, the console
 *     across the bottom.
 * Row 0 is the tab bar and the last row the key hints in every layout.
 */
#define TILE_W 120
#define TILE_H 36

static void
place(tui_pane *p, int y, int x, int h, int w)
{
	p->y = y;
	p->x = x;
	p->h = h > 0 ? h : 0;
	p->w = w > 0 ? w : 0;
}

void
layout_apply(tui *t)
{
	int rows = t->rows, cols = t->cols, ch, top, h;

	for (int i = 0; i < TUI_NPANES; i++)
		place(&t->panes[i], 0, 0, 0, 0);
	t->too_small = cols < TUI_MIN_W || rows < TUI_MIN_H;
	if (t->too_small)
		return;
	t->tabbed = cols < TILE_W || rows < TILE_H;
	if (t->tabbed) {
		int main = t->focus != PANE_CONSOLE ? t->focus : t->back;

		ch = rows >= 30 ? 10 : 7;
		top = 1;
		h = rows - 2 - ch;
		place(&t->panes[main], top, 0, h, cols);
		place(&t->panes[PANE_CONSOLE], top + h, 0, ch, cols);
	} else {
		int lw = cols * 2 / 5, rw, fh, ph, fw;
		int grid = t->focus == PANE_GRID || (tui_ws(t)->grid != NULL &&
		    t->focus != PANE_DATA && t->back != PANE_DATA);

		ch = rows / 4 < 8 ? 8 : rows / 4 > 16 ? 16 : rows / 4;
		top = 1;
		h = rows - 2 - ch;
		rw = cols - lw;
		fh = h / 2;
		place(&t->panes[PANE_FIT], top, 0, fh, lw);
		place(&t->panes[grid ? PANE_GRID : PANE_DATA], top + fh, 0, h - fh,
		    lw);
		ph = h / 2;
		fw = rw / 2;
		place(&t->panes[PANE_PLOT], top, lw, ph, rw);
		place(&t->panes[PANE_FRONTIER], top + ph, lw, h - ph, fw);
		place(&t->panes[PANE_XOVER], top + ph, lw + fw, h - ph, rw - fw);
		place(&t->panes[PANE_CONSOLE], top + h, 0, ch, cols);
	}
	for (int i = 0; i < TUI_NPANES; i++)
		if (t->panes[i].kind->resize != NULL)
			t->panes[i].kind->resize(&t->panes[i], t);
}
