/* pane-fit.c: the fit summary; nudging parameters through `set`. */
#include "config.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <curses.h>

#include "base/xalloc.h"
#include "commands/scaling/fit.h"
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

/* A `set` the pane ran, to undo. */
typedef struct fit_nudge_rec {
	char *fit;
	char *param;
	double was;
} fit_nudge_rec;

/* The selected parameter, and the nudges, last on top ... */
typedef struct fit_state {
	int sel;
	fit_nudge_rec *undo;
	size_t nundo;
	size_t undo_nlog;    /* ... valid while the log is this long */
} fit_state;

/* Forget the nudges (they can no longer be undone). */
static void
fit_undo_clear(fit_state *s)
{
	for (size_t i = 0; i < s->nundo; i++) {
		free(s->undo[i].fit);
		free(s->undo[i].param);
	}
	s->nundo = 0;
}

/*
 * The nudges walk back only while the log ends where the last nudge or
 * undo left it: any other logged command (the refit, a `set` or `fit`
 * typed in the console) changed what an undo would restore, so they go.
 */
static void
fit_undo_sync(fit_state *s, tui *t)
{
	if (s->nundo > 0 && tui_ws(t)->nlog != s->undo_nlog)
		fit_undo_clear(s);
}

/* The pane draws the fit's record, the one `fit show` prints. */
static void
fit_draw(tui_pane *p, tui *t)
{
	const sx_fitrec *f = tui_fit(t);
	const sx_model *m = f != NULL ? ws_model(tui_ws(t), f->model) : NULL;
	fit_state *s = p->state;
	const sx_rec *params, *bs;
	sx_rec *r;
	char buf[256];
	int row = 0;
	long long iters;

	tui_frame(t, p, f != NULL ? f->name : NULL);
	if (f == NULL || m == NULL) {
		const char *cur = tui_ws(t)->cur_data;

		/* The example names a dataset there is, or makes one. */
		tui_text(t, p, 0, 1, A_NORMAL, "no fit yet: press : and type, e.g.");
		if (cur != NULL && ws_dataset(tui_ws(t), cur) != NULL) {
			snprintf(buf, sizeof buf, "fit chinchilla %s as ch", cur);
			tui_text(t, p, 1, 3, A_BOLD, buf);
		} else {
			tui_text(t, p, 1, 3, A_BOLD, "demo chinchilla as runs");
			tui_text(t, p, 2, 3, A_BOLD, "fit chinchilla runs as ch");
		}
		return;
	}
	r = fit_record("fit show", f, m, 0);
	params = rec_get(r, "params");
	snprintf(buf, sizeof buf, "%s to %s (%lld rows), %s space",
	    rec_get_str(r, "model"), rec_get_str(r, "data"), rec_get_int(r, "n"),
	    rec_get_str(r, "space"));
	tui_text(t, p, row++, 1, A_NORMAL, buf);
	snprintf(buf, sizeof buf, "%s = %s", rec_get_str(r, "y"),
	    rec_get_str(r, "formula"));
	tui_text(t, p, row++, 1, A_DIM, buf);
	if (s->sel >= (int)rec_len(params))
		s->sel = (int)rec_len(params) - 1;
	if (s->sel < 0)
		s->sel = 0;
	for (size_t k = 0; k < rec_len(params); k++) {
		const sx_rec *pk = rec_at(params, k);
		int attr = (int)k == s->sel ? (t->focus == p->id ? A_REVERSE :
		    A_BOLD) : A_NORMAL;

		snprintf(buf, sizeof buf, "%c %-8s %12.6g  %s %-10.3g",
		    (int)k == s->sel ? '>' : ' ', pk->key, rec_get_num(pk, "value"),
		    t->utf8 ? "\xc2\xb1" : "+-", rec_get_num(pk, "se"));
		tui_text(t, p, row++, 1, attr, buf);
	}
	iters = rec_get_int(r, "iterations");
	snprintf(buf, sizeof buf, "rmse %.4g   R%s %.4f   %lld iteration%s",
	    rec_get_num(r, "rmse"), t->utf8 ? "\xc2\xb2" : "^2",
	    rec_get_num(r, "r2"), iters, iters == 1 ? "" : "s");
	tui_text(t, p, ++row, 1, A_NORMAL, buf);
	row++;
	tui_text(t, p, row++, 1, rec_get_bool(r, "converged") ? A_NORMAL :
	    A_BOLD, rec_get_str(r, "reason"));
	if (rec_get_str(r, "warnings") != NULL)
		tui_text(t, p, row++, 1, A_BOLD, rec_get_str(r, "warnings"));
	if ((bs = rec_get(r, "bootstrap")) != NULL) {
		snprintf(buf, sizeof buf, "bootstrap: %lld replicates, %.0f%% "
		    "intervals (fit show)", rec_get_int(bs, "replicates"),
		    100 * rec_get_num(rec_at(params, 0), "ci_level"));
		tui_text(t, p, row++, 1, A_DIM, buf);
	}
	rec_free(r);
	fit_undo_sync(s, t);
	if (s->nundo > 0) {
		snprintf(buf, sizeof buf, "%zu nudge%s (u undoes)", s->nundo,
		    s->nundo > 1 ? "s" : "");
		tui_text(t, p, row++, 1, A_DIM, buf);
	}
}

/* Run `set FIT.PARAM V`, remembering the old value for `u`. */
static int
fit_nudge(fit_state *s, tui *t, const sx_fitrec *f, const sx_model *m,
    int k, double mult)
{
	double v = f->res.p[k], step = v != 0 ? fabs(v) * 0.01 : 0.01;
	char *cmd, *fit = xstrdup(f->name), *param = xstrdup(m->params[k]);

	cmd = xasprintf("set %s.%s %.6g", fit, param, v + mult * step);
	fit_undo_sync(s, t);
	if (tui_command(t, cmd) == 0) {
		s->undo = xreallocarray(s->undo, s->nundo + 1, sizeof *s->undo);
		s->undo[s->nundo++] = (fit_nudge_rec){ fit, param, v };
		s->undo_nlog = tui_ws(t)->nlog;
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
fit_undo(fit_state *s, tui *t)
{
	fit_nudge_rec *n;
	char *cmd;

	fit_undo_sync(s, t);
	if (s->nundo == 0) {
		snprintf(t->status, sizeof t->status, "nothing to undo");
		return TUI_HANDLED | TUI_REDRAW;
	}
	n = &s->undo[s->nundo - 1];
	cmd = xasprintf("set %s.%s %.17g", n->fit, n->param, n->was);
	if (tui_command(t, cmd) != 0) {
		/* The nudge stays: it is still what the log did last. */
		snprintf(t->status, sizeof t->status, "%s failed (see the console)",
		    cmd);
		free(cmd);
		return TUI_HANDLED | TUI_REDRAW;
	}
	s->nundo--;
	s->undo_nlog = tui_ws(t)->nlog;
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
fit_refit(fit_state *s, tui *t, const sx_fitrec *f)
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
		    s->nundo > 0 ? " (u no longer undoes the nudges before it)" : "");
	fit_undo_sync(s, t);
	free(cmd);
	return TUI_HANDLED | TUI_REDRAW;
}

/* Show the next (d = 1) or previous (d = -1) fit. */
static int
fit_cycle(fit_state *s, tui *t, int d)
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
	s->sel = 0;
	t->gen++;   /* the panes that follow the fit redraw */
	return TUI_HANDLED | TUI_REDRAW;
}

static int
fit_key(tui_pane *p, tui *t, int c)
{
	const sx_fitrec *f = tui_fit(t);
	const sx_model *m = f != NULL ? ws_model(tui_ws(t), f->model) : NULL;
	fit_state *s = p->state;

	if (c == 'n' || c == 'p')
		return fit_cycle(s, t, c == 'n' ? 1 : -1);
	if (f == NULL || m == NULL)
		return 0;
	switch (c) {
	case KEY_UP:
	case 'k':
		s->sel = s->sel > 0 ? s->sel - 1 : 0;
		return TUI_HANDLED | TUI_REDRAW;
	case KEY_DOWN:
	case 'j':
		s->sel = s->sel + 1 < (int)m->np ? s->sel + 1 : s->sel;
		return TUI_HANDLED | TUI_REDRAW;
	case '+':
	case '=':
		return fit_nudge(s, t, f, m, s->sel, 1);
	case '-':
		return fit_nudge(s, t, f, m, s->sel, -1);
	case KEY_SRIGHT:
		return fit_nudge(s, t, f, m, s->sel, 10);
	case KEY_SLEFT:
		return fit_nudge(s, t, f, m, s->sel, -10);
	case 'u':
		return fit_undo(s, t);
	case 'r':
		return fit_refit(s, t, f);
	}
	return 0;
}

static void
fit_end(tui_pane *p, tui *t)
{
	fit_state *s = p->state;

	(void)t;
	fit_undo_clear(s);
	free(s->undo);
}

const tui_kind pane_fit_kind = {
	"fit", "Fit", NULL, "Up/Down param  +/- nudge (Shift-Left/Right x10)  "
	"u undo  r refit  n next fit", fit_keys, fit_draw, fit_key, NULL,
	sizeof(fit_state), NULL, fit_end, NULL, NULL, NULL
};
