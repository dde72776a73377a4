/* pane-grid.c: the gridworld: map, policy arrows, value shading, a rollout. */
#include "config.h"

#include <math.h>
#include <stdio.h>
#include <string.h>

#include <curses.h>
#include <gsl/gsl_rng.h>

#include "core/grid.h"
#include "core/sf.h"
#include "tui/tui.h"

static const char *const grid_keys[] = {
	"n  p\tnext / previous stored policy",
	"v\tarrows / value shading",
	".  ,\tstep the rollout forward / back",
	"0\trestart the rollout",
	NULL
};

/* The policy shown, when the base is exact on a tabular world. */
static int
grid_has_policy(const sx_workspace *ws)
{
	return ws->grid != NULL && ws->base != NULL && ws->base->n > 0 &&
	    !ws->base->learned && ws->grid->kind == GRID_TABULAR &&
	    ws->base->nobs == ws->grid->nstates;
}

/* Replay `steps` steps of policy i from the start (seed 1) into run. */
static void
grid_rollout(const sx_workspace *ws, size_t i, int steps, grid_run *run)
{
	const sx_grid *g = ws->grid;
	gsl_rng *rng = grid_rng(1);
	double phi[GRID_MAX_PHI];
	int term;

	grid_reset(g, run, GRID_TERMINAL, rng);
	for (int k = 0; k < steps && !run->done; k++) {
		int a = ws->base->pi[i * ws->base->nobs + run->state];

		grid_step(g, run, a, rng, phi, &term);
	}
	gsl_rng_free(rng);
}

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
	const sx_workspace *ws = tui_ws(t);
	const sx_grid *g = ws->grid;
	int pol = grid_has_policy(ws), vals = p->mode && pol;
	double wfull[GRID_MAX_PHI], vlo = INFINITY, vhi = -INFINITY;
	size_t i = 0;
	grid_run run;
	char buf[160];

	tui_frame(t, p, g != NULL ? g->name : NULL);
	if (g == NULL) {
		tui_text(t, p, 0, 1, A_NORMAL, "no gridworld: press : and type");
		tui_text(t, p, 1, 3, A_BOLD, "grid load fourroom");
		tui_text(t, p, 2, 1, A_NORMAL, "then 'sf base ...' for policies");
		return;
	}
	memset(&run, 0, sizeof run);
	run.pos = g->start;
	if (pol) {
		if (p->sel < 0 || (size_t)p->sel >= ws->base->n)
			p->sel = 0;
		i = (size_t)p->sel;
		grid_rollout(ws, i, p->top, &run);
		if (grid_task(g, &ws->base->w[i * (size_t)ws->base->nw],
		    (size_t)ws->base->nw, wfull, NULL) != 0)
			vals = 0;
	}
	snprintf(buf, sizeof buf, "%dx%d%s  step %d%s", g->rows, g->cols,
	    pol ? "  policy" : "", run.t, run.done ? " (done)" : "");
	if (pol)
		snprintf(buf + strlen(buf), sizeof buf - strlen(buf), "  pi %zu/%zu",
		    i + 1, ws->base->n);
	tui_text(t, p, 0, 1, A_DIM, buf);
	/* Values under the policy's own task: psi . w at collected set. */
	for (int r = 0; vals && r < g->rows; r++)
			for (int c = 0; c < g->cols; c++) {
				size_t s = grid_state(g, r, c, run.collected, NULL);
				double v = 0;

				if (s == GRID_TERMINAL)
					continue;
				for (int k = 0; k < ws->base->nphi; k++)
					v += ws->base->psi[(i * ws->base->nobs + s) *
					    (size_t)ws->base->nphi + (size_t)k] * wfull[k];
				vlo = fmin(vlo, v);
				vhi = fmax(vhi, v);
			}
	for (int r = 0; r < g->rows && r + 1 < tui_ih(p); r++)
		for (int c = 0; c < g->cols && 2 * c + 3 < tui_iw(p); c++) {
			char ch = g->map[r * g->cols + c];
			const char *glyph = NULL;
			char cell[8];
			int attr = A_NORMAL;
			size_t s;

			snprintf(cell, sizeof cell, "%c ", ch == '.' ? ' ' : ch);
			if (ch == '#') {
				glyph = t->utf8 ? "\xe2\x96\x88\xe2\x96\x88" : "##";
				attr = tui_attr(t, PX_GREY);
			} else if (pol && (s = grid_state(g, r, c, run.collected,
			    NULL)) != GRID_TERMINAL && (ch == '.' || ch == 'S' ||
			    ch == ' ')) {
				if (vals) {
					double u, v = 0;

					for (int k = 0; k < ws->base->nphi; k++)
						v += ws->base->psi[(i * ws->base->nobs + s) *
						    (size_t)ws->base->nphi + (size_t)k] * wfull[k];
					u = vhi > vlo ? (v - vlo) / (vhi - vlo) : 0;
					glyph = (t->utf8 ? shade_u : shade_a)[(int)(u * 4 + 0.5)];
					attr = tui_attr(t, PX_BLUE);
				} else {
					int a = ws->base->pi[i * ws->base->nobs + s];

					snprintf(cell, sizeof cell, "%s ",
					    (t->utf8 ? arrows_u : arrows_a)[a & 3]);
					attr = tui_attr(t, PX_CYAN);
				}
			} else if (ch >= '1' && ch <= '9')
				attr = tui_attr(t, PX_GREEN) | A_BOLD;
			else if (ch >= 'A' && ch <= 'Z')
				attr = tui_attr(t, PX_RED) | A_BOLD;
			if (r * g->cols + c == run.pos) {
				glyph = "@ ";
				attr = A_BOLD | A_REVERSE;
			}
			tui_text(t, p, r + 1, 1 + 2 * c, attr, glyph != NULL ? glyph :
			    cell);
		}
	if (pol && g->rows + 2 < tui_ih(p))
		tui_text(t, p, g->rows + 2, 1, A_DIM, vals ? "shading: value of "
		    "the policy on its own task (v: arrows)" : "arrows: the policy "
		    "(v: values; . , step)");
}

static int
grid_key(tui_pane *p, tui *t, int c)
{
	const sx_workspace *ws = tui_ws(t);
	size_t n = grid_has_policy(ws) ? ws->base->n : 1;

	switch (c) {
	case 'n':
		p->sel = (int)(((size_t)p->sel + 1) % n);
		p->top = 0;
		break;
	case 'p':
		p->sel = (int)(((size_t)p->sel + n - 1) % n);
		p->top = 0;
		break;
	case 'v':
		p->mode = !p->mode;
		break;
	case '.':
		if (ws->grid != NULL && p->top < ws->grid->horizon)
			p->top++;
		break;
	case ',':
		p->top = p->top > 0 ? p->top - 1 : 0;
		break;
	case '0':
		p->top = 0;
		break;
	default:
		return 0;
	}
	return TUI_HANDLED | TUI_REDRAW;
}

const tui_kind pane_grid_kind = {
	"grid", "n/p policy  v values  . , step  0 restart", grid_keys, grid_draw,
	grid_key, NULL
};
