/* pane-second.c: the second plot: the frontier or the crossover (s swaps). */
#include "config.h"

#include <math.h>
#include <stdio.h>
#include <string.h>

#include <curses.h>

#include "core/frontier.h"
#include "core/units.h"
#include "sessions/figures.h"
#include "tui/tui.h"

#define XOVER_PRESET "kaplan2020"
#define XOVER_LO 1e-10   /* PF-days, as the crossover command */
#define XOVER_HI 1e15
#define FRONT_LO 1e18    /* FLOP, as the frontier command */
#define FRONT_HI 1e26

static const char *const second_keys[] = {
	"s\tswap frontier / crossover",
	"a\tASCII / braille",
	NULL
};

/* The fit a frontier is drawn for: the followed one if it is a law of N
 * and D, else the last such fit. */
static const sx_fitrec *
second_frontier_fit(tui *t)
{
	const sx_workspace *ws = tui_ws(t);
	const sx_fitrec *f = tui_fit(t);
	const sx_model *m;
	int in_n, in_d;

	if (f != NULL && (m = ws_model(ws, f->model)) != NULL &&
	    frontier_nd_inputs(m, &in_n, &in_d, NULL) == 0)
		return f;
	for (size_t i = ws->nfits; i-- > 0;)
		if ((m = ws_model(ws, ws->fits[i]->model)) != NULL &&
		    frontier_nd_inputs(m, &in_n, &in_d, NULL) == 0)
			return ws->fits[i];
	return NULL;
}

static figures_fig *
second_frontier(tui_pane *p, tui *t, sx_err *e)
{
	const sx_fitrec *f = second_frontier_fit(t);
	const sx_model *m;
	sx_frontier fr;

	if (f == NULL) {
		err_set(e, "no law of N and D fitted (fit chinchilla DATA)");
		return NULL;
	}
	m = ws_model(tui_ws(t), f->model);
	if (frontier_run(m, f->res.p, SX_FRONTIER_K, FRONT_LO, FRONT_HI, 9, &fr,
	    NULL) == 0) {
		snprintf(p->line, sizeof p->line, "%s: N_opt~C^%.3f D_opt~C^%.3f "
		    "D/N %.3g at 1e24", f->name, fr.a, fr.b, fr.pt[6].D_opt /
		    fr.pt[6].N_opt);
		frontier_free(&fr);
	} else
		snprintf(p->line, sizeof p->line, "%s", f->name);
	return figures_frontier(tui_ws(t), f->name, FRONT_LO, FRONT_HI, e);
}

static figures_fig *
second_xover(tui_pane *p, tui *t, sx_err *e)
{
	figures_xspec spec = { XOVER_PRESET, NULL, NULL, NULL, NULL };
	figures_fig *ff;
	sx_xover r;

	figures_xspec_auto(tui_ws(t), &spec);
	ff = figures_crossover(tui_ws(t), &spec, XOVER_LO, XOVER_HI, &r, e);
	if (ff != NULL)
		snprintf(p->line, sizeof p->line, "C* = %.4g PF-days  L* = %.4g  "
		    "D* = %.3g", r.C_star_pfdays, r.L_star, r.D_star);
	return ff;
}

/* Which laws the crossover uses, for the title. */
static void
second_xtitle(tui *t, char *buf, size_t len)
{
	figures_xspec spec = { XOVER_PRESET, NULL, NULL, NULL, NULL };

	figures_xspec_auto(tui_ws(t), &spec);
	snprintf(buf, len, "%s%s%s%s%s%s%s", XOVER_PRESET,
	    spec.compute != NULL ? " L(C)=" : "", spec.compute != NULL ?
	    spec.compute : "", spec.data != NULL ? " L(D)=" : "",
	    spec.data != NULL ? spec.data : "", spec.dline != NULL ? " D(C)=" : "",
	    spec.dline != NULL ? spec.dline : "");
}

static void
second_draw(tui_pane *p, tui *t)
{
	int w = tui_iw(p), h = tui_ih(p) - 1, opts = p->ascii | p->mode << 1;
	char title[160];

	if (p->mode)
		second_xtitle(t, title, sizeof title);
	else {
		const sx_fitrec *f = second_frontier_fit(t);

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
		p->err[0] = p->line[0] = '\0';
		err_clear(&e);
		ff = p->mode ? second_xover(p, t, &e) : second_frontier(p, t, &e);
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
	tui_text(t, p, 0, 1, A_BOLD, p->line);
	if (p->canvas != NULL)
		tui_canvas(t, p, 1, p->canvas);
	else
		tui_text(t, p, 1, 1, A_NORMAL, p->err);
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
