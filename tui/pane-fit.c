/* pane-fit.c: the fit summary; nudging parameters through `set`. */
#include "config.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <curses.h>

#include "base/xalloc.h"
#include "tui/tui.h"

static const char *const fit_keys[] = {
	"Up/Down\tselect a parameter",
	"+  -\tnudge it by 1% (runs: set FIT.PARAM V)",
	"Shift-Right/Left\tnudge it by 10%",
	"u\tundo the last nudge (runs set)",
	"r\trefit (runs fit again; u stops there)",
	"n  p\tnext / previous fit",
	NULL
};

/*
 * The nudges walk back only while the log ends where the last nudge or
 * undo left it: any other logged command (the refit, a `set` or `fit`
 * typed in the console) changed what an undo would restore, so they go.
 */
static void
fit_undo_sync(tui *t)
{
	if (t->nundo > 0 && tui_ws(t)->nlog != t->undo_nlog)
		tui_undo_clear(t);
}

static void
fit_draw(tui_pane *p, tui *t)
{
	const sx_fitrec *f = tui_fit(t);
	const sx_model *m = f != NULL ? ws_model(tui_ws(t), f->model) : NULL;
	char buf[256];
	int row = 0;

	tui_frame(t, p, f != NULL ? f->name : NULL);
	if (f == NULL || m == NULL) {
		tui_text(t, p, 0, 1, A_NORMAL, "no fit yet: press : and type, e.g.");
		tui_text(t, p, 1, 3, A_BOLD, "fit chinchilla runs as ch");
		return;
	}
	snprintf(buf, sizeof buf, "%s to %s (%zu rows), %s space", m->name,
	    f->data, f->res.n, f->space == SX_SPACE_LOG ? "log" : "linear");
	tui_text(t, p, row++, 1, A_NORMAL, buf);
	snprintf(buf, sizeof buf, "%s = %s", f->ycol, m->formula);
	tui_text(t, p, row++, 1, A_DIM, buf);
	if (p->sel >= (int)m->np)
		p->sel = (int)m->np - 1;
	if (p->sel < 0)
		p->sel = 0;
	for (size_t k = 0; k < m->np; k++) {
		double se = f->res.se != NULL ? f->res.se[k] : NAN;
		int attr = (int)k == p->sel ? (t->focus == p->id ? A_REVERSE :
		    A_BOLD) : A_NORMAL;

		snprintf(buf, sizeof buf, "%c %-8s %12.6g  \xc2\xb1 %-10.3g",
		    (int)k == p->sel ? '>' : ' ', m->params[k], f->res.p[k], se);
		if (!t->utf8)
			snprintf(buf, sizeof buf, "%c %-8s %12.6g  +- %-10.3g",
			    (int)k == p->sel ? '>' : ' ', m->params[k], f->res.p[k], se);
		tui_text(t, p, row++, 1, attr, buf);
	}
	snprintf(buf, sizeof buf, "rmse %.4g   R%s %.4f   %d iteration%s",
	    f->res.rmse, t->utf8 ? "\xc2\xb2" : "^2", f->res.r2, f->res.iterations,
	    f->res.iterations == 1 ? "" : "s");
	tui_text(t, p, ++row, 1, A_NORMAL, buf);
	row++;
	snprintf(buf, sizeof buf, "%s", f->res.reason);
	tui_text(t, p, row++, 1, f->res.converged ? A_NORMAL : A_BOLD, buf);
	if (f->res.warn[0] != '\0')
		tui_text(t, p, row++, 1, A_BOLD, f->res.warn);
	if (f->res.nboot > 0) {
		snprintf(buf, sizeof buf, "bootstrap: %zu replicates, %.0f%% "
		    "intervals (fit show)", f->res.nboot, 100 * f->res.ci_level);
		tui_text(t, p, row++, 1, A_DIM, buf);
	}
	fit_undo_sync(t);
	if (t->nundo > 0) {
		snprintf(buf, sizeof buf, "%zu nudge%s (u undoes)", t->nundo,
		    t->nundo > 1 ? "s" : "");
		tui_text(t, p, row++, 1, A_DIM, buf);
	}
}

/* Run `set FIT.PARAM V`, remembering the old value for `u`. */
static int
fit_nudge(tui *t, const sx_fitrec *f, const sx_model *m, int k, double mult)
{
	double v = f->res.p[k], step = v != 0 ? fabs(v) * 0.01 : 0.01;
	char *cmd, *fit = xstrdup(f->name), *param = xstrdup(m->params[k]);

	cmd = xasprintf("set %s.%s %.6g", fit, param, v + mult * step);
	fit_undo_sync(t);
	if (tui_command(t, cmd) == 0) {
		t->undo = xreallocarray(t->undo, t->nundo + 1, sizeof *t->undo);
		t->undo[t->nundo++] = (tui_nudge){ fit, param, v };
		t->undo_nlog = tui_ws(t)->nlog;
		snprintf(t->status, sizeof t->status, "%s", cmd);
	} else {
		free(fit);
		free(param);
		snprintf(t->status, sizeof t->status, "%s failed (see the console)",
		    cmd);
	}
	free(cmd);
	return TUI_HANDLED | TUI_REDRAW;
}

/* Undo the last nudge by running the inverse `set`. */
static int
fit_undo(tui *t)
{
	tui_nudge *n;
	char *cmd;

	fit_undo_sync(t);
	if (t->nundo == 0) {
		snprintf(t->status, sizeof t->status, "nothing to undo");
		return TUI_HANDLED | TUI_REDRAW;
	}
	n = &t->undo[t->nundo - 1];
	cmd = xasprintf("set %s.%s %.17g", n->fit, n->param, n->was);
	if (tui_command(t, cmd) != 0) {
		/* The nudge stays: it is still what the log did last. */
		snprintf(t->status, sizeof t->status, "%s failed (see the console)",
		    cmd);
		free(cmd);
		return TUI_HANDLED | TUI_REDRAW;
	}
	t->nundo--;
	t->undo_nlog = tui_ws(t)->nlog;
	snprintf(t->status, sizeof t->status, "undone: %s", cmd);
	free(cmd);
	free(n->fit);
	free(n->param);
	return TUI_HANDLED | TUI_REDRAW;
}

/* The fit name a logged `fit` command makes ("as NAME", else the model). */
static int
fit_log_makes(const char *line, const char *name)
{
	const char *as = strstr(line, " as ");
	size_t n = strlen(name);
	char model[128];

	if (strncmp(line, "fit ", 4) != 0)
		return 0;
	if (as != NULL)
		return strncmp(as + 4, name, n) == 0 && (as[4 + n] == '\0' ||
		    as[4 + n] == ' ' || as[4 + n] == '\n');
	if (sscanf(line + 4, "%127s", model) != 1)
		return 0;
	return strcmp(model, name) == 0;
}

/* Refit: run the logged command that made the fit once more. */
static int
fit_refit(tui *t, const sx_fitrec *f)
{
	const sx_workspace *ws = tui_ws(t);
	char *cmd = NULL;

	for (size_t i = ws->nlog; i-- > 0;)
		if (fit_log_makes(ws->log[i], f->name)) {
			cmd = xstrdup(ws->log[i]);
			break;
		}
	if (cmd == NULL) {
		snprintf(t->status, sizeof t->status, "no fit command for %s in the "
		    "log", f->name);
		return TUI_HANDLED | TUI_REDRAW;
	}
	snprintf(t->status, sizeof t->status, "%s", cmd);
	if (tui_command(t, cmd) == 0)
		snprintf(t->status, sizeof t->status, "refitted: %s%s", cmd,
		    t->nundo > 0 ? " (u no longer undoes the nudges before it)" : "");
	fit_undo_sync(t);
	free(cmd);
	return TUI_HANDLED | TUI_REDRAW;
}

/* Show the next (d = 1) or previous (d = -1) fit. */
static int
fit_cycle(tui *t, int d)
{
	const sx_workspace *ws = tui_ws(t);
	const sx_fitrec *f = tui_fit(t);
	size_t i = 0;

	if (ws->nfits == 0)
		return TUI_HANDLED;
	while (i < ws->nfits && ws->fits[i] != f)
		i++;
	i = (i + ws->nfits + (size_t)(d > 0 ? 1 : ws->nfits - 1)) % ws->nfits;
	snprintf(t->fit, sizeof t->fit, "%s", ws->fits[i]->name);
	t->panes[PANE_FIT].sel = 0;
	t->gen++;   /* the panes that follow the fit redraw */
	return TUI_HANDLED | TUI_REDRAW;
}

static int
fit_key(tui_pane *p, tui *t, int c)
{
	const sx_fitrec *f = tui_fit(t);
	const sx_model *m = f != NULL ? ws_model(tui_ws(t), f->model) : NULL;

	if (c == 'n' || c == 'p')
		return fit_cycle(t, c == 'n' ? 1 : -1);
	if (f == NULL || m == NULL)
		return 0;
	switch (c) {
	case KEY_UP:
	case 'k':
		p->sel = p->sel > 0 ? p->sel - 1 : 0;
		return TUI_HANDLED | TUI_REDRAW;
	case KEY_DOWN:
	case 'j':
		p->sel = p->sel + 1 < (int)m->np ? p->sel + 1 : p->sel;
		return TUI_HANDLED | TUI_REDRAW;
	case '+':
	case '=':
		return fit_nudge(t, f, m, p->sel, 1);
	case '-':
		return fit_nudge(t, f, m, p->sel, -1);
	case KEY_SRIGHT:
		return fit_nudge(t, f, m, p->sel, 10);
	case KEY_SLEFT:
		return fit_nudge(t, f, m, p->sel, -10);
	case 'u':
		return fit_undo(t);
	case 'r':
		return fit_refit(t, f);
	}
	return 0;
}

const tui_kind pane_fit_kind = {
	"fit", "Up/Down param  +/- nudge (Shift-Left/Right x10)  u undo  "
	"r refit  n next fit", fit_keys, fit_draw, fit_key, NULL
};
