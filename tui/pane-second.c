/* pane-second.c: the second plot: the frontier or the crossover (s swaps). */
#include "config.h"

#include <stdio.h>

#include <curses.h>

#include "sessions/figures.h"
#include "tui/figcache.h"
#include "tui/tui.h"

/* Which figure the pane shows, and its cache. */
typedef struct second_state {
	int crossover, ascii;
	tui_figcache fig;
} second_state;

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
	second_state *s = p->state;
	int opts = s->ascii | s->crossover << 1;
	char title[160];

	if (s->crossover)
		second_xtitle(t, title, sizeof title);
	else {
		const sx_fitrec *f = figures_nd_fit(tui_ws(t), tui_fit(t));

		snprintf(title, sizeof title, "%s", f != NULL ? f->name : "");
	}
	tui_frame(t, p, title);
	if (figcache_stale(&s->fig, t, p, opts)) {
		figures_fig *ff;
		sx_err e;

		err_clear(&e);
		/* The figures of `crossover --plot` and `frontier FIT --plot`. */
		ff = s->crossover ? figures_crossover_pane(tui_ws(t), NULL, &e) :
		    figures_frontier_pane(tui_ws(t), tui_fit(t), &e);
		figcache_put(&s->fig, t, p, opts, ff, &e, s->ascii);
	}
	figcache_draw(&s->fig, t, p);
}

static int
second_key(tui_pane *p, tui *t, int c)
{
	second_state *s = p->state;

	(void)t;
	if (c == 's')
		s->crossover = !s->crossover;
	else if (c == 'a')
		s->ascii = !s->ascii;
	else
		return 0;
	return TUI_HANDLED | TUI_REDRAW;
}

static const char *
second_title(const tui_pane *p)
{
	const second_state *s = p->state;

	return s->crossover ? "Crossover" : "Frontier";
}

/* The frontier's pane starts on the frontier, the crossover's on it. */
static void
second_init(tui_pane *p, tui *t)
{
	second_state *s = p->state;

	s->crossover = p->id == PANE_XOVER;
	s->ascii = !t->utf8;
}

static void
second_end(tui_pane *p, tui *t)
{
	second_state *s = p->state;

	(void)t;
	figcache_free(&s->fig);
}

const tui_kind pane_second_kind = {
	"second", "Frontier, Crossover", second_title,
	"s frontier/crossover  a ASCII/braille", second_keys, second_draw,
	second_key, NULL, sizeof(second_state), second_init, second_end, NULL,
	NULL, NULL
};
