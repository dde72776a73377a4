/* pane-data.c: the data table, scrollable, under its column statistics. */
#include "config.h"

#include <math.h>
#include <stdio.h>
#include <string.h>

#include <curses.h>

#include "base/fmt.h"
#include "tui/tui.h"

static const char *const data_keys[] = {
	"Up/Down\tscroll the rows",
	"PgUp/PgDn\tscroll a page",
	"n  p\tnext / previous dataset",
	NULL
};

/* Which dataset is shown (0: the followed fit's; k: the k-th, picked with
 * n/p), and its first row on screen. */
typedef struct data_state {
	int which;
	int top;
} data_state;

/* The dataset shown: picked with n/p, else the followed fit's. */
static const sx_dataset *
data_shown(tui_pane *p, tui *t)
{
	const sx_workspace *ws = tui_ws(t);
	const sx_fitrec *f = tui_fit(t);
	const data_state *s = p->state;
	const sx_dataset *ds;

	if (ws->nds == 0)
		return NULL;

	if (s->which > 0 && (size_t)(s->which - 1) < ws->nds)
		return ws->ds[s->which - 1];
	if (f != NULL && (ds = ws_dataset(ws, f->data)) != NULL)
		return ds;
	return ws->ds[ws->nds - 1];
}

static void
data_draw(tui_pane *p, tui *t)
{
	const sx_dataset *ds = data_shown(p, t);
	data_state *s = p->state;
	int iw = tui_iw(p), ih = tui_ih(p), row = 0, cw = 11, ncols;
	char buf[512], cell[64];

	tui_frame(t, p, ds != NULL ? ds->name : NULL);
	if (ds == NULL) {
		tui_text(t, p, 0, 1, A_NORMAL, "no data: press : and type 'demo "
		    "chinchilla as runs' or 'load FILE.csv'");
		return;
	}
	snprintf(buf, sizeof buf, "%zu row%s, %zu column%s", ds->nrows,
	    ds->nrows == 1 ? "" : "s", ds->ncols, ds->ncols == 1 ? "" : "s");
	tui_text(t, p, row++, 1, A_DIM, buf);
	/* Statistics: one row per column while there is room for the table. */
	snprintf(buf, sizeof buf, "%-8s %11s %11s %11s", "column", "min", "max",
	    "mean");
	tui_text(t, p, row++, 1, A_BOLD, buf);
	for (size_t c = 0; c < ds->ncols && row < ih / 2; c++) {
		const double *v = ds->cols[c].v;
		double lo = INFINITY, hi = -INFINITY, sum = 0;

		if (v == NULL) {
			snprintf(buf, sizeof buf, "%-8.8s %11s", ds->cols[c].name,
			    "(text)");
		} else {
			for (size_t r = 0; r < ds->nrows; r++) {
				lo = fmin(lo, v[r]);
				hi = fmax(hi, v[r]);
				sum += v[r];
			}
			snprintf(buf, sizeof buf, "%-8.8s %11.4g %11.4g %11.4g",
			    ds->cols[c].name, lo, hi, sum / (double)ds->nrows);
		}
		tui_text(t, p, row++, 1, A_NORMAL, buf);
	}
	row++;
	/* The rows, as many columns as fit. */
	ncols = (iw - 6) / cw;
	{
		int n = snprintf(buf, sizeof buf, "%5s", "#");

		for (int c = 0; c < ncols && (size_t)c < ds->ncols; c++) {
			fmt_cell(cell, sizeof cell, ds->cols[c].name, (size_t)cw - 1, 1);
			n += snprintf(buf + n, sizeof buf - (size_t)n, " %s", cell);
		}
		tui_text(t, p, row++, 0, A_BOLD | A_UNDERLINE, buf);
	}
	if (s->top > (int)ds->nrows - 1)
		s->top = ds->nrows > 0 ? (int)ds->nrows - 1 : 0;
	for (size_t r = (size_t)s->top; r < ds->nrows && row < ih; r++) {
		int n = snprintf(buf, sizeof buf, "%5zu", r + 1);

		/* Names and text cut with "…", a missing cell as NA. */
		for (int c = 0; c < ncols && (size_t)c < ds->ncols; c++) {
			if (dataset_missing(&ds->cols[c], r))
				fmt_cell(cell, sizeof cell, "NA", (size_t)cw - 1, 1);
			else if (ds->cols[c].v != NULL) {
				char num[32];

				snprintf(num, sizeof num, "%.4g", ds->cols[c].v[r]);
				fmt_cell(cell, sizeof cell, num, (size_t)cw - 1, 1);
			} else
				fmt_cell(cell, sizeof cell, ds->cols[c].text[r],
				    (size_t)cw - 1, 1);
			n += snprintf(buf + n, sizeof buf - (size_t)n, " %s", cell);
		}
		tui_text(t, p, row++, 0, A_NORMAL, buf);
	}
}

static int
data_key(tui_pane *p, tui *t, int c)
{
	const sx_workspace *ws = tui_ws(t);
	data_state *s = p->state;
	int page = tui_ih(p) / 2 > 1 ? tui_ih(p) / 2 : 1;

	switch (c) {
	case KEY_UP:
	case 'k':
		s->top = s->top > 0 ? s->top - 1 : 0;
		break;
	case KEY_DOWN:
	case 'j':
		s->top++;
		break;
	case KEY_PPAGE:
		s->top = s->top > page ? s->top - page : 0;
		break;
	case KEY_NPAGE:
		s->top += page;
		break;
	case 'n':
	case 'p':
		if (ws->nds == 0)
			return TUI_HANDLED;
		s->which = s->which == 0 ? 1 : s->which + (c == 'n' ? 1 : -1);
		if (s->which < 1)
			s->which = (int)ws->nds;
		if (s->which > (int)ws->nds)
			s->which = 1;
		s->top = 0;
		break;
	default:
		return 0;
	}
	return TUI_HANDLED | TUI_REDRAW;
}

const tui_kind pane_data_kind = {
	"data", "Data", NULL, "Up/Down PgUp/PgDn scroll  n/p dataset",
	data_keys, data_draw, data_key, NULL, sizeof(data_state), NULL, NULL,
	NULL, NULL, NULL
};
