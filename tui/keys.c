/* keys.c: the tab bar, the key hint row, the help overlay, "too small". */
#include "config.h"

#include <stdio.h>
#include <string.h>

#include <curses.h>

#include "tui/tui.h"

/* Keys that work everywhere but in the console's line editor. */
static const char *const global_keys[] = {
	"Tab\tnext pane",
	"Shift-Tab\tprevious pane",
	"1-7\tjump to a pane",
	":\ttype a command (console)",
	"?  F1\tthis help",
	"q\tquit (asks if work is unsaved)",
	"Ctrl-C\tcancel a long command; Ctrl-L redraws",
	NULL
};

static const char *const short_names[TUI_NPANES] = { "Data", "Fit", "Plot",
	"Frontier", "Crossover", "Grid", "Console" };

void
keys_draw_bars(tui *t)
{
	const tui_pane *fp = &t->panes[t->focus];
	char hint[512];
	int x = 0;

	/* Tab bar: every pane by number, the focused one reversed. */
	move(0, 0);
	clrtoeol();
	attron(A_BOLD);
	mvaddstr(0, 0, " scalex ");
	attroff(A_BOLD);
	x = 8;
	for (int i = 0; i < TUI_NPANES && x < t->cols; i++) {
		char buf[32];
		int attr = i == t->focus ? A_REVERSE | A_BOLD :
		    t->panes[i].h > 0 ? A_BOLD : A_NORMAL;

		snprintf(buf, sizeof buf, " %d %s ", i + 1,
		    tui_pane_name(&t->panes[i]));
		attron(attr);
		mvaddnstr(0, x, buf, t->cols - x);
		attroff(attr);
		x += (int)strlen(buf);
	}
	/* Hint row: a question, a progress bar, or the focused pane's keys. */
	if (t->asking)
		snprintf(hint, sizeof hint, " unsaved work (%zu commands not saved; "
		    "autosaved either way): quit? y/n",
		    tui_ws(t)->nlog - tui_ws(t)->saved_nlog);
	else if (t->status[0] != '\0')
		snprintf(hint, sizeof hint, " %s", t->status);
	else if (t->focus == PANE_CONSOLE)
		snprintf(hint, sizeof hint, " %s", fp->kind->hint);
	else
		/* The keys that lead everywhere first: narrow terminals cut
		 * the end of the row. */
		snprintf(hint, sizeof hint, " ? help  q quit  Tab 1-7 : | %s",
		    fp->kind->hint);
	move(t->rows - 1, 0);
	clrtoeol();
	attron(t->asking ? A_REVERSE | A_BOLD : A_REVERSE);
	mvhline(t->rows - 1, 0, ' ', t->cols);
	mvaddnstr(t->rows - 1, 0, hint, t->cols);
	attroff(A_REVERSE | A_BOLD);
}

/* One "KEY\tWHAT" row at (y, x), the key padded to 11 columns. */
static void
keys_row(int y, int x, int w, const char *row)
{
	const char *tab = strchr(row, '\t');
	char buf[256];

	if (tab == NULL)
		snprintf(buf, sizeof buf, "%s", row);
	else
		snprintf(buf, sizeof buf, "%-11.*s %s", (int)(tab - row), row,
		    tab + 1);
	mvaddnstr(y, x, buf, w);
}

void
keys_draw_help(tui *t)
{
	/* Sections: the global keys, then each pane kind once. */
	static const int order[] = { PANE_FIT, PANE_PLOT, PANE_FRONTIER,
	    PANE_DATA, PANE_GRID, PANE_CONSOLE };
	const char *lines[128];
	int n = 0, attrs[128];
	int bw, bh, by, bx, ncol, per;

	lines[n] = "Everywhere";
	attrs[n++] = A_BOLD;
	for (int i = 0; global_keys[i] != NULL; i++) {
		lines[n] = global_keys[i];
		attrs[n++] = A_NORMAL;
	}
	for (size_t k = 0; k < sizeof order / sizeof order[0]; k++) {
		const tui_kind *kd = t->panes[order[k]].kind;

		lines[n] = order[k] == PANE_FRONTIER ? "Frontier, Crossover" :
		    short_names[order[k]];
		attrs[n++] = A_BOLD;
		for (int i = 0; kd->keys[i] != NULL && n < 127; i++) {
			lines[n] = kd->keys[i];
			attrs[n++] = A_NORMAL;
		}
	}
	/* One column when it fits the screen, else two side by side. */
	ncol = n + 4 <= t->rows - 2 ? 1 : 2;
	per = (n + ncol - 1) / ncol;
	bw = ncol == 1 ? 50 : t->cols - 2;
	if (bw > t->cols - 2)
		bw = t->cols - 2;
	bh = per + 3;
	if (bh > t->rows - 1)
		bh = t->rows - 1;
	by = (t->rows - bh) / 2;
	bx = (t->cols - bw) / 2;
	attron(A_BOLD);
	for (int y = by; y < by + bh; y++)
		mvhline(y, bx, ' ', bw);
	tui_box(t, by, bx, bh, bw);
	mvaddstr(by, bx + 2, " Keys (any key closes) ");
	attroff(A_BOLD);
	for (int i = 0; i < n; i++) {
		int col = i / per, row = i % per, cw = (bw - 2) / ncol;

		if (row + 1 >= bh - 1)
			continue;
		attron(attrs[i]);
		keys_row(by + 1 + row, bx + 1 + col * cw, cw - 1, lines[i]);
		attroff(attrs[i]);
	}
}

void
keys_draw_small(tui *t)
{
	char buf[64], need[32];
	int y = t->rows / 2 - 1;

	if (y < 0)
		y = 0;
	snprintf(need, sizeof need, "(need %dx%d)", TUI_MIN_W, TUI_MIN_H);
	snprintf(buf, sizeof buf, "terminal too small %s", need);
	/* One line when it fits, else the size on a line of its own. */
	if ((int)strlen(buf) <= t->cols)
		mvaddnstr(y, 0, buf, t->cols);
	else {
		mvaddnstr(y, 0, "terminal too small", t->cols);
		mvaddnstr(++y < t->rows ? y : 0, 0, need, t->cols);
	}
	snprintf(buf, sizeof buf, "now %dx%d; q quits", t->cols, t->rows);
	mvaddnstr(y + 1 < t->rows ? y + 1 : 0, 0, buf, t->cols);
	curs_set(0);
}
