/* pane-plot.c: the main plot: the followed fit's data, law, band, residuals. */
#include "config.h"

#include <stdio.h>
#include <string.h>

#include <curses.h>

#include "sessions/figures.h"
#include "tui/tui.h"

static const char *const plot_keys[] = {
	"l\tlog / linear axes",
	"a\tASCII / braille",
	"e\tresiduals panel on / off",
	"b\t95% band on / off (one-column laws)",
	NULL
};

/* The view options as one number, to know when the cache is stale. */
static int
plot_opts(const tui_pane *p)
{
	return p->logx | p->logy << 1 | p->ascii << 2 | p->resid << 3 |
	    p->mode << 4;
}

static void
plot_build(tui_pane *p, tui *t, int w, int h)
{
	const sx_fitrec *f = tui_fit(t);
	const sx_workspace *ws = tui_ws(t);
	const char *name = f != NULL ? f->name : ws->cur_data != NULL ?
	    ws->cur_data : ws->nds > 0 ? ws->ds[ws->nds - 1]->name : NULL;
	figures_opts o;
	figures_fig *ff;
	sx_err e;
	px_err pe;

	canvas_free(p->canvas);
	p->canvas = NULL;
	p->err[0] = '\0';
	if (name == NULL) {
		snprintf(p->err, sizeof p->err, "nothing to plot: load or demo some "
		    "data (press :)");
		return;
	}
	memset(&o, 0, sizeof o);
	o.logx = p->logx;
	o.logy = p->logy;
	o.residuals = p->resid;
	o.band = p->mode;
	err_clear(&e);
	if ((ff = figures_fit(ws, name, &o, &e)) == NULL) {
		snprintf(p->err, sizeof p->err, "%s", e.msg);
		return;
	}
	p->canvas = figure_render(figures_px(ff), w, h, p->ascii ? PX_ASCII :
	    PX_BRAILLE, &pe);
	if (p->canvas == NULL)
		snprintf(p->err, sizeof p->err, "%s", pe.msg);
	figures_free(ff);
}

static void
plot_draw(tui_pane *p, tui *t)
{
	const sx_fitrec *f = tui_fit(t);
	int w = tui_iw(p), h = tui_ih(p);

	tui_frame(t, p, f != NULL ? f->name : NULL);
	if (p->gen != t->gen || p->cw != w || p->ch != h ||
	    p->copts != plot_opts(p) || (p->canvas == NULL && p->err[0] == '\0')) {
		plot_build(p, t, w, h);
		p->gen = t->gen;
		p->cw = w;
		p->ch = h;
		p->copts = plot_opts(p);
	}
	if (p->canvas != NULL)
		tui_canvas(t, p, 0, p->canvas);
	else
		tui_text(t, p, 0, 1, A_NORMAL, p->err);
}

static int
plot_key(tui_pane *p, tui *t, int c)
{
	(void)t;
	switch (c) {
	case 'l':
		p->logx = p->logy = !p->logx;
		break;
	case 'a':
		p->ascii = !p->ascii;
		break;
	case 'e':
		p->resid = !p->resid;
		break;
	case 'b':
		p->mode = !p->mode;
		break;
	default:
		return 0;
	}
	return TUI_HANDLED | TUI_REDRAW;
}

const tui_kind pane_plot_kind = {
	"plot", "l log axes  a ASCII/braille  e residuals  b band", plot_keys,
	plot_draw, plot_key, NULL
};
