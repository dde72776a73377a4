/* pane-plot.c: the main plot: the followed fit's data, law, band, residuals. */
#include "config.h"

#include <stdio.h>
#include <string.h>

#include <curses.h>

#include "sessions/figures.h"
#include "tui/figcache.h"
#include "tui/tui.h"

static const char *const plot_keys[] = {
	"l\tlog / linear axes",
	"a\tASCII / braille",
	"e\tresiduals panel on / off",
	"b\t95% band on / off (one-column laws)",
	NULL
};

/* The pane's view options, and its figure. */
typedef struct plot_state {
	int logx, logy, ascii, resid, band;
	tui_figcache fig;
} plot_state;

/* The view options as one number, to know when the figure is stale. */
static int
plot_opts(const plot_state *s)
{
	return s->logx | s->logy << 1 | s->ascii << 2 | s->resid << 3 |
	    s->band << 4;
}

/* The followed fit's figure, or the current (or last) dataset's. */
static figures_fig *
plot_build(const plot_state *s, tui *t, sx_err *e)
{
	const sx_fitrec *f = tui_fit(t);
	const sx_workspace *ws = tui_ws(t);
	const char *name = f != NULL ? f->name : ws->cur_data != NULL ?
	    ws->cur_data : ws->nds > 0 ? ws->ds[ws->nds - 1]->name : NULL;
	figures_opts o;

	err_clear(e);
	if (name == NULL) {
		snprintf(e->msg, sizeof e->msg, "nothing to plot: load or demo "
		    "some data (press :)");
		return NULL;
	}
	memset(&o, 0, sizeof o);
	o.logx = s->logx;
	o.logy = s->logy;
	o.residuals = s->resid;
	o.band = s->band;
	return figures_fit(ws, name, &o, e);
}

static void
plot_draw(tui_pane *p, tui *t)
{
	plot_state *s = p->state;
	const sx_fitrec *f = tui_fit(t);

	tui_frame(t, p, f != NULL ? f->name : NULL);
	if (figcache_stale(&s->fig, t, p, plot_opts(s))) {
		sx_err e;
		figures_fig *ff = plot_build(s, t, &e);

		figcache_put(&s->fig, t, p, plot_opts(s), ff, &e, s->ascii);
	}
	figcache_draw(&s->fig, t, p);
}

static int
plot_key(tui_pane *p, tui *t, int c)
{
	plot_state *s = p->state;

	(void)t;
	switch (c) {
	case 'l':
		s->logx = s->logy = !s->logx;
		break;
	case 'a':
		s->ascii = !s->ascii;
		break;
	case 'e':
		s->resid = !s->resid;
		break;
	case 'b':
		s->band = !s->band;
		break;
	default:
		return 0;
	}
	return TUI_HANDLED | TUI_REDRAW;
}

static void
plot_init(tui_pane *p, tui *t)
{
	plot_state *s = p->state;

	s->logx = s->logy = 1;
	s->ascii = !t->utf8;
}

static void
plot_end(tui_pane *p, tui *t)
{
	plot_state *s = p->state;

	(void)t;
	figcache_free(&s->fig);
}

const tui_kind pane_plot_kind = {
	"plot", "Plot", NULL, "l log axes  a ASCII/braille  e residuals  b band",
	plot_keys, plot_draw, plot_key, NULL, sizeof(plot_state), plot_init,
	plot_end, NULL, NULL, NULL
};
