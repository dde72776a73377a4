/* pane-data.c: the data table, scrollable, under its column statistics. */
#include "config.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <curses.h>

#include "base/fmt.h"
#include "tui/tui.h"

static const char *const data_keys[] = {
	/* Two rows for four keys: the overlay stays two pages at 80x24. */
	"Up/Down\tscroll the rows (PgUp/PgDn: a page)",
	"Left/Right\tscroll the columns (Home/End: the first / last)",
	"n  p\tnext / previous dataset",
	NULL
};

#define DATA_NUMW 5    /* the row numbers' column */
#define DATA_MAXW 24   /* a column's widest; longer cells end in "…" */

/* Which dataset is shown (0: the followed fit's; k: the k-th, picked with
 * n/p), its first row and first column on screen, and its columns' widths
 * (each its widest cell or name, up to DATA_MAXW), kept while the dataset
 * and the workspace (t->gen) stay the same. */
typedef struct data_state {
	int which;
	int top;
	int left;
	int *w;
	size_t nw;
	const sx_dataset *wds;
	unsigned wgen;
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

/* Row r of column c as shown: a number to 4 digits, the text, or NA. */
static const char *
data_cell(const sx_dataset *ds, size_t c, size_t r, char *num, size_t size)
{
	if (dataset_missing(&ds->cols[c], r))
		return "NA";
	if (ds->cols[c].v == NULL)
		return ds->cols[c].text[r];
	snprintf(num, size, "%.4g", ds->cols[c].v[r]);
	return num;
}

/* The columns' widths, measured again when the dataset or the workspace
 * changed; NULL when out of memory. */
static const int *
data_widths(data_state *s, tui *t, const sx_dataset *ds)
{
	char num[32];

	if (s->w != NULL && s->wds == ds && s->wgen == t->gen &&
	    s->nw == ds->ncols)
		return s->w;
	free(s->w);
	s->w = calloc(ds->ncols > 0 ? ds->ncols : 1, sizeof *s->w);
	s->nw = s->w != NULL ? ds->ncols : 0;
	s->wds = ds;
	s->wgen = t->gen;
	for (size_t c = 0; c < s->nw; c++) {
		size_t w = fmt_width(ds->cols[c].name);

		for (size_t r = 0; r < ds->nrows && w < DATA_MAXW; r++) {
			size_t k = fmt_width(data_cell(ds, c, r, num, sizeof num));

			if (k > w)
				w = k;
		}
		s->w[c] = w < 2 ? 2 : w > DATA_MAXW ? DATA_MAXW : (int)w;
	}
	return s->w;
}

/* How many columns from `left` fit in a row of width iw (the row numbers
 * first, a cell for the "›" last); at least one. */
static int
data_fit(const int *w, size_t ncols, int left, int iw)
{
	int x = DATA_NUMW, k = 0;

	for (size_t c = (size_t)left; c < ncols; c++, k++) {
		x += 1 + w[c];
		if (x > iw - 1)
			break;
	}
	return k > 0 ? k : 1;
}

/* The first column that still shows the last one: Right stops there. */
static int
data_last_left(const int *w, size_t ncols, int iw)
{
	int left = (int)ncols - 1;

	while (left > 0 && data_fit(w, ncols, left - 1, iw) >=
	    (int)ncols - left + 1)
		left--;
	return left > 0 ? left : 0;
}

/* A row of the table: columns left..left+k-1 of row r (r < 0: the names),
 * each cut to its width (and the pane) with "…". */
static void
data_row(char *buf, size_t size, const sx_dataset *ds, const int *w,
    int left, int k, long r, int iw)
{
	char cell[4 * DATA_MAXW + 8], num[32];
	int n, x = DATA_NUMW;

	if (r < 0)
		n = snprintf(buf, size, "%*s", DATA_NUMW, "#");
	else
		n = snprintf(buf, size, "%*ld", DATA_NUMW, r + 1);
	for (int c = left; c < left + k && n > 0 && (size_t)n < size; c++) {
		int cw = w[c] < iw - 2 - x ? w[c] : iw - 2 - x;
		const char *v = r < 0 ? ds->cols[c].name :
		    data_cell(ds, (size_t)c, (size_t)r, num, sizeof num);

		/* Numbers to the right, text to the left, as their names. */
		fmt_cell(cell, sizeof cell, v, cw > 1 ? (size_t)cw : 1,
		    ds->cols[c].v != NULL);
		n += snprintf(buf + n, size - (size_t)n, " %s", cell);
		x += 1 + w[c];
	}
}

static void
data_draw(tui_pane *p, tui *t)
{
	const sx_dataset *ds = data_shown(p, t);
	data_state *s = p->state;
	int iw = tui_iw(p), ih = tui_ih(p), row = 0, k, nw = 6;
	const int *w;
	char buf[1024], name[4 * DATA_MAXW + 8];

	tui_frame(t, p, ds != NULL ? ds->name : NULL);
	if (ds == NULL) {
		tui_text(t, p, 0, 1, A_NORMAL, "no data: press : and type 'demo "
		    "chinchilla as runs' or 'load FILE.csv'");
		return;
	}
	if ((w = data_widths(s, t, ds)) == NULL || ds->ncols == 0) {
		tui_text(t, p, 0, 1, A_DIM, w == NULL ? "out of memory" :
		    "no columns");
		return;
	}
	if (s->left > data_last_left(w, ds->ncols, iw))
		s->left = data_last_left(w, ds->ncols, iw);
	k = data_fit(w, ds->ncols, s->left, iw);
	if (k < (int)ds->ncols) {
		char shown[32];

		if (k == 1)
			snprintf(shown, sizeof shown, "%d", s->left + 1);
		else
			snprintf(shown, sizeof shown, "%d-%d", s->left + 1,
			    s->left + k);
		snprintf(buf, sizeof buf, "%zu row%s, %zu columns (%s shown: "
		    "Left/Right)", ds->nrows, ds->nrows == 1 ? "" : "s",
		    ds->ncols, shown);
	} else
		snprintf(buf, sizeof buf, "%zu row%s, %zu column%s", ds->nrows,
		    ds->nrows == 1 ? "" : "s", ds->ncols,
		    ds->ncols == 1 ? "" : "s");
	tui_text(t, p, row++, 1, A_DIM, buf);
	/* Statistics: one row per column while there is room for the table,
	 * the names as wide as the widest (up to DATA_MAXW). */
	for (size_t c = 0; c < ds->ncols; c++) {
		int k2 = (int)fmt_width(ds->cols[c].name);

		if (k2 > nw)
			nw = k2 < DATA_MAXW ? k2 : DATA_MAXW;
	}
	fmt_cell(name, sizeof name, "column", (size_t)nw, 0);
	snprintf(buf, sizeof buf, "%s %11s %11s %11s", name, "min", "max",
	    "mean");
	tui_text(t, p, row++, 1, A_BOLD, buf);
	for (size_t c = 0; c < ds->ncols && row < ih / 2; c++) {
		const double *v = ds->cols[c].v;
		double lo = INFINITY, hi = -INFINITY, sum = 0;

		fmt_cell(name, sizeof name, ds->cols[c].name, (size_t)nw, 0);
		if (v == NULL) {
			snprintf(buf, sizeof buf, "%s %11s", name, "(text)");
		} else {
			for (size_t r = 0; r < ds->nrows; r++) {
				lo = fmin(lo, v[r]);
				hi = fmax(hi, v[r]);
				sum += v[r];
			}
			snprintf(buf, sizeof buf, "%s %11.4g %11.4g %11.4g", name,
			    lo, hi, sum / (double)ds->nrows);
		}
		tui_text(t, p, row++, 1, A_NORMAL, buf);
	}
	row++;
	/* The rows, the columns that fit from s->left; "‹" and "›" at the
	 * names' ends say columns are hidden that side. */
	data_row(buf, sizeof buf, ds, w, s->left, k, -1, iw);
	tui_text(t, p, row, 0, A_BOLD | A_UNDERLINE, buf);
	if (s->left > 0)
		tui_text(t, p, row, 0, A_BOLD | A_REVERSE, t->utf8 ?
		    "\xe2\x80\xb9" : "<");
	if (s->left + k < (int)ds->ncols)
		tui_text(t, p, row, iw - 1, A_BOLD | A_REVERSE, t->utf8 ?
		    "\xe2\x80\xba" : ">");
	row++;
	if (s->top > (int)ds->nrows - 1)
		s->top = ds->nrows > 0 ? (int)ds->nrows - 1 : 0;
	for (size_t r = (size_t)s->top; r < ds->nrows && row < ih; r++) {
		data_row(buf, sizeof buf, ds, w, s->left, k, (long)r, iw);
		tui_text(t, p, row++, 0, A_NORMAL, buf);
	}
}

static int
data_key(tui_pane *p, tui *t, int c)
{
	const sx_workspace *ws = tui_ws(t);
	data_state *s = p->state;
	int page = tui_ih(p) / 2 > 1 ? tui_ih(p) / 2 : 1, last;
	const sx_dataset *ds;
	const int *w;

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
	case KEY_LEFT:
	case 'h':
		s->left = s->left > 0 ? s->left - 1 : 0;
		break;
	case KEY_HOME:
		s->left = 0;
		break;
	case KEY_RIGHT:
	case 'l':
	case KEY_END:
		if ((ds = data_shown(p, t)) == NULL ||
		    (w = data_widths(s, t, ds)) == NULL)
			return TUI_HANDLED;
		last = data_last_left(w, ds->ncols, tui_iw(p));
		s->left = c == KEY_END || s->left >= last ? last : s->left + 1;
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
		s->left = 0;
		break;
	default:
		return 0;
	}
	return TUI_HANDLED | TUI_REDRAW;
}

static void
data_end(tui_pane *p, tui *t)
{
	data_state *s = p->state;

	(void)t;
	free(s->w);
	s->w = NULL;
}

const tui_kind pane_data_kind = {
	"data", "Data", NULL, "arrows PgUp/PgDn Home/End scroll  n/p dataset",
	data_keys, data_draw, data_key, NULL, sizeof(data_state), NULL, data_end,
	NULL, NULL, NULL
};
