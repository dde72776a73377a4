/* pane-second.c: the second plot: the frontier or the crossover (s swaps). */
#include "config.h"

#include <stdio.h>

#include <curses.h>

#include "sessions/figures.h"
#include "tui/tui.h"

static const char *const second_keys[] = {
	"s\tswap frontier / crossover",
	"a\tASCII / braille",
	NULL
};

/* Which laws the crossover uses, for the title. */
static void
second_xtitle(tui *t, char *buf, size_t len)
{
	figures_xspec spec = FIGURES_XSPEC_DEFAULT;

	figures_xspec_auto(tui_ws(t), &spec);
	snprintf(buf, len, "%s%s%s%s%s%s%s", spec.preset,
	    spec.compute != NULL ? " L(C)=" : "", spec.compute != NULL ?
	    spec.compute : "", spec.data != NULL ? " L(D)=" : "",
	    spec.data != NULL ? spec.data : "", spec.dline != NULL ? " D(C)=" : "",
	    spec.dline != NULL ? spec.dline : "");
}

static void
second_draw(tui_pane *p, tui *t)
{
	int w = tui_iw(p), h = tui_ih(p), opts = p->ascii | p->mode << 1;
	char title[160];

	if (p->mode)
		second_xtitle(t, title, sizeof title);
	else {
		const sx_fitrec *f = figures_nd_fit(tui_ws(t), tui_fit(t));

		snprintf(title, sizeof title, "%s", f != NULL ? f->name : "");
	}
	tui_frame(t, p, title);
	if (p->gen != t->gen || p->cw != w || p->ch != h || p->copts != opts ||
	    (p->canvas == NULL && p->err[0] == '\0')) {
		figures_fig *ff;
		sx_err e;
		px_err pe;

		canvas_free(p->canvas);
		p->canvas = NULL;
		p->err[0] = '\0';
		err_clear(&e);
		/* The figures of `crossover --plot` and `frontier FIT --plot`. */
		ff = p->mode ? figures_crossover_pane(tui_ws(t), NULL, &e) :
		    figures_frontier_pane(tui_ws(t), tui_fit(t), &e);
		if (ff == NULL)
			snprintf(p->err, sizeof p->err, "%s", e.msg);
		else if ((p->canvas = figure_render(figures_px(ff), w, h,
		    p->ascii ? PX_ASCII : PX_BRAILLE, &pe)) == NULL)
			snprintf(p->err, sizeof p->err, "%s", pe.msg);
		figures_free(ff);
		p->gen = t->gen;
		p->cw = w;
		p->ch = h;
		p->copts = opts;
	}
	if (p->canvas != NULL)
		tui_canvas(t, p, 0, p->canvas);
	else
		tui_text(t, p, 0, 1, A_NORMAL, p->err);
}

static int
second_key(tui_pane *p, tui *t, int c)
{
	(void)t;
	if (c == 's')
		p->mode = !p->mode;
	else if (c == 'a')
		p->ascii = !p->ascii;
	else
		return 0;
	return TUI_HANDLED | TUI_REDRAW;
}

const tui_kind pane_second_kind = {
	"second", "s frontier/crossover  a ASCII/braille", second_keys,
	second_draw, second_key, NULL
};
