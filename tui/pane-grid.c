/* pane-grid.c: the gridworld: map, policy arrows, value shading, a rollout. */
#include "config.h"

#include <math.h>
#include <stdio.h>
#include <string.h>

#include <curses.h>

#include "sessions/gridscene.h"
#include "tui/tui.h"

static const char *const grid_keys[] = {
	"n  p\tnext / previous stored policy",
	"v\tarrows / value shading",
	".  ,\tstep the rollout forward / back",
	"0\trestart the rollout",
	NULL
};

/* The stored policy shown (from 0), the rollout's step, shading on. */
typedef struct gridpane_state {
	int policy;
	int step;
	int values;
} gridpane_state;

static void
grid_draw(tui_pane *p, tui *t)
{
	static const char *const arrows_u[4] = { "\xe2\x86\x90", "\xe2\x86\x91",
	    "\xe2\x86\x92", "\xe2\x86\x93" };
	static const char *const arrows_a[4] = { "<", "^", ">", "v" };
	static const char *const shade_u[5] = { "  ", "\xe2\x96\x91\xe2\x96\x91",
	    "\xe2\x96\x92\xe2\x96\x92", "\xe2\x96\x93\xe2\x96\x93",
	    "\xe2\x96\x88\xe2\x96\x88" };
	static const char *const shade_a[5] = { "  ", "..", "::", "==", "##" };
	const sx_grid *g = tui_ws(t)->grid;
	gridpane_state *s = p->state;
	gridscene sc;
	char buf[160];

	tui_frame(t, p, g != NULL ? g->name : NULL);
	if (g == NULL) {
		tui_text(t, p, 0, 1, A_NORMAL, "no gridworld: press : and type");
		tui_text(t, p, 1, 3, A_BOLD, "grid load fourroom");
		tui_text(t, p, 2, 1, A_NORMAL, "then 'sf base ...' for policies");
		return;
	}
	gridscene_make(tui_ws(t), s->policy < 0 ? 0 : (size_t)s->policy, s->step,
	    s->values, &sc);
	s->policy = (int)sc.sel;
	snprintf(buf, sizeof buf, "%dx%d%s  step %d%s", g->rows, g->cols,
	    sc.policy ? "  policy" : "", sc.run.t, sc.run.done ? " (done)" : "");
	if (sc.policy)
		snprintf(buf + strlen(buf), sizeof buf - strlen(buf), "  pi %zu/%zu",
		    sc.sel + 1, sc.npolicies);
	tui_text(t, p, 0, 1, A_DIM, buf);
	for (int r = 0; r < g->rows && r + 1 < tui_ih(p); r++)
		for (int c = 0; c < g->cols && 2 * c + 3 < tui_iw(p); c++) {
			int cell = r * g->cols + c;
			char ch = g->map[cell];
			const char *glyph = NULL;
			char text[8];
			int attr = A_NORMAL;

			snprintf(text, sizeof text, "%c ", ch == '.' ? ' ' : ch);
			/* Walls as XX under shading, so they do not read as the
			 * darkest shade (as `value show` draws them). */
			if (ch == 'X') {
				glyph = t->utf8 && !sc.values ?
				    "\xe2\x96\x88\xe2\x96\x88" : "XX";
				attr = tui_attr(t, PX_GREY);
			} else if (sc.values && !isnan(sc.value[cell])) {
				double u = sc.vhi > sc.vlo ? (sc.value[cell] - sc.vlo) /
				    (sc.vhi - sc.vlo) : 0;

				glyph = (t->utf8 ? shade_u : shade_a)[(int)(u * 4 + 0.5)];
				attr = tui_attr(t, PX_BLUE);
			} else if (sc.policy && sc.act[cell] >= 0) {
				snprintf(text, sizeof text, "%s ",
				    (t->utf8 ? arrows_u : arrows_a)[sc.act[cell] & 3]);
				attr = tui_attr(t, PX_CYAN);
			} else if (ch >= '1' && ch <= '9')
				attr = tui_attr(t, PX_GREEN) | A_BOLD;
			else if (ch >= 'A' && ch <= 'Z')
				attr = tui_attr(t, PX_RED) | A_BOLD;
			if (cell == sc.run.pos) {
				glyph = "@ ";
				attr = A_BOLD | A_REVERSE;
			}
			tui_text(t, p, r + 1, 1 + 2 * c, attr, glyph != NULL ? glyph :
			    text);
		}
	if (sc.policy && g->rows + 2 < tui_ih(p))
		tui_text(t, p, g->rows + 2, 1, A_DIM, sc.values ? "shading: value "
		    "of the policy on its own task (v: arrows)" : "arrows: the "
		    "policy (v: values; . , step)");
	gridscene_free(&sc);
}

static int
grid_key(tui_pane *p, tui *t, int c)
{
	const sx_workspace *ws = tui_ws(t);
	size_t n = gridscene_npolicies(ws);
	gridpane_state *s = p->state;

	switch (c) {
	case 'n':
		s->policy = (int)(((size_t)s->policy + 1) % n);
		s->step = 0;
		break;
	case 'p':
		s->policy = (int)(((size_t)s->policy + n - 1) % n);
		s->step = 0;
		break;
	case 'v':
		s->values = !s->values;
		break;
	case '.':
		if (ws->grid != NULL && s->step < ws->grid->horizon)
			s->step++;
		break;
	case ',':
		s->step = s->step > 0 ? s->step - 1 : 0;
		break;
	case '0':
		s->step = 0;
		break;
	default:
		return 0;
	}
	return TUI_HANDLED | TUI_REDRAW;
}

const tui_kind pane_grid_kind = {
	"grid", "Grid", NULL, "n/p policy  v values  . , step  0 restart",
	grid_keys, grid_draw, grid_key, NULL, sizeof(gridpane_state), NULL, NULL,
	NULL, NULL, NULL
};
