/* pane-second.c: the second plot: the frontier or the crossover (s swaps). */
#include "config.h"

#include <stdio.h>
#include <string.h>

#include <curses.h>

#include "sessions/figures.h"
#include "tui/tui.h"

#define XOVER_PRESET "kaplan2020"
#define XOVER_LO 1e-10   /* PF-days, as the crossover command */
#define XOVER_HI 1e15
#define FRONT_LO 1e18    /* FLOP, as the frontier command */
#define FRONT_HI 1e26
#define FRONT_DECADES 8  /* log10(FRONT_HI / FRONT_LO) */
#define FRONT_AT_1E24 6  /* the summary point at 1e24 FLOP */

static const char *const second_keys[] = {
	"s\tswap frontier / crossover",
	"a\tASCII / braille",
	NULL
};

/* The caption: the long form when the pane is wide enough, else the
 * short one (both ASCII). */
static void
second_caption(tui_pane *p, const char *lng, const char *shrt)
{
	snprintf(p->line, sizeof p->line, "%s", (int)strlen(lng) <= tui_iw(p) - 2 ?
	    lng : shrt);
}

/* The frontier of the followed fit if it is a law of N and D, else of the
 * last such fit, with its exponents and tokens per parameter at 1e24. */
static figures_fig *
second_frontier(tui_pane *p, tui *t, sx_err *e)
{
	const sx_fitrec *f = figures_nd_fit(tui_ws(t), tui_fit(t));
	figures_fig *ff;
	sx_frontier fr;

	if (f == NULL) {
		err_set(e, "no law of N and D fitted (fit chinchilla DATA)");
		return NULL;
	}
	ff = figures_frontier(tui_ws(t), f->name, FRONT_LO, FRONT_HI, &fr, e);
	p->line[0] = '\0';
	if (fr.n == FRONT_DECADES + 1) {
		double tpp = fr.pt[FRONT_AT_1E24].D_opt / fr.pt[FRONT_AT_1E24].N_opt;
		char lng[128], shrt[64];

		/* The fit's name is in the pane's title. */
		snprintf(lng, sizeof lng, "N_opt ~ C^%.3f  D_opt ~ C^%.3f  "
		    "D/N %.3g at 1e24 FLOP", fr.a, fr.b, tpp);
		snprintf(shrt, sizeof shrt, "N~C^%.3f D~C^%.3f D/N %.3g@1e24",
		    fr.a, fr.b, tpp);
		second_caption(p, lng, shrt);
	}
	frontier_free(&fr);
	return ff;
}

static figures_fig *
second_xover(tui_pane *p, tui *t, sx_err *e)
{
	figures_xspec spec = { XOVER_PRESET, NULL, NULL, NULL, NULL };
	figures_fig *ff;
	sx_xover r;

	figures_xspec_auto(tui_ws(t), &spec);
	ff = figures_crossover(tui_ws(t), &spec, XOVER_LO, XOVER_HI, &r, e);
	if (ff != NULL) {
		char lng[128], shrt[64];

		snprintf(lng, sizeof lng, "C* = %.4g PF-days  L* = %.4g  "
		    "D* = %.3g", r.C_star_pfdays, r.L_star, r.D_star);
		snprintf(shrt, sizeof shrt, "C* = %.4g PF-days  L* = %.4g",
		    r.C_star_pfdays, r.L_star);
		second_caption(p, lng, shrt);
	}
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
