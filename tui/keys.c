/* keys.c: the tab bar, the key hint row, the help overlay, "too small". */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <curses.h>

#include "sessions/session.h"
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

/* The quit question in words a user acts on: what y and n do, and where
 * the autosave goes (the state directory, ~ for $HOME); the longest
 * wording that fits the row, never one cut in the middle. */
static void
keys_quit_question(tui *t, char *hint, size_t len)
{
	size_t n = tui_ws(t)->nlog - tui_ws(t)->saved_nlog;
	char *dir = session_state_dir(), shown[320];
	const char *home = getenv("HOME");
	size_t lh = home != NULL ? strlen(home) : 0;

	if (dir != NULL && lh > 1 && strncmp(dir, home, lh) == 0 &&
	    dir[lh] == '/')
		snprintf(shown, sizeof shown, "~%s", dir + lh);
	else
		snprintf(shown, sizeof shown, "%s", dir != NULL ? dir : "?");
	free(dir);
	for (int k = 0; k < 4; k++) {
		switch (k) {
		case 0:
			snprintf(hint, len, " Quit? y: quit, autosaving the %zu unsaved "
			    "command%s to %s/autosave-DATE-TIME-%ld.sx   n: stay "
			    "(:save FILE keeps them by name)", n, n == 1 ? "" : "s",
			    shown, (long)getpid());
			break;
		case 1:
			snprintf(hint, len, " Quit? y: quit, autosaving the %zu unsaved "
			    "command%s to %s/   n: stay", n, n == 1 ? "" : "s", shown);
			break;
		case 2:
			snprintf(hint, len, " Quit? y: quit (%zu unsaved command%s "
			    "go to the autosave)   n: stay", n, n == 1 ? "" : "s");
			break;
		default:
			snprintf(hint, len, " Quit? y/n");
		}
		if ((int)strlen(hint) <= t->cols)
			return;
	}
}

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
		keys_quit_question(t, hint, sizeof hint);
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

/* The overlay's rows: a section title, or a key with (a piece of) what it
 * does; a description wraps onto rows of its own under the key column. */
typedef struct help_row {
	const char *key;   /* NULL on a continuation row */
	int keylen;
	const char *text;  /* the row's part of the description or title */
	int textlen;
	int title;
} help_row;

#define HELP_KEYW 12   /* key column, with its gap */
#define HELP_MAXROWS 256

/* Append "KEY\tWHAT" (or a title) wrapped to width w; returns the count. */
static int
help_wrap(help_row *r, int n, const char *line, int title, int w)
{
	const char *tab = title ? NULL : strchr(line, '\t');
	const char *d = tab != NULL ? tab + 1 : line;
	int first = 1, room = tab != NULL ? w - HELP_KEYW : w;

	if (room < 8)
		room = 8;
	/* A key wider than its column gets a row of its own. */
	if (tab != NULL && tab - line > HELP_KEYW - 1 && n < HELP_MAXROWS) {
		r[n++] = (help_row){ line, (int)(tab - line), d, 0, 0 };
		first = 0;
	}
	while (n < HELP_MAXROWS && (first || *d != '\0')) {
		int len = (int)strlen(d), cut = len;

		if (len > room) {
			/* The last space that fits; a word longer than a row is
			 * cut where the row ends. */
			for (cut = room; cut > 0 && d[cut] != ' '; cut--)
				;
			if (cut == 0)
				cut = room;
		}
		r[n] = (help_row){ first && tab != NULL ? line : NULL,
		    tab != NULL ? (int)(tab - line) : 0, d, cut, title };
		n++;
		first = 0;
		d += cut;
		while (*d == ' ')
			d++;
	}
	return n;
}

void
keys_draw_help(tui *t)
{
	/* Sections: the global keys, then each pane kind once. */
	static const int order[] = { PANE_FIT, PANE_PLOT, PANE_FRONTIER,
	    PANE_DATA, PANE_GRID, PANE_CONSOLE };
	static help_row rows[HELP_MAXROWS];
	int n = 0, ncol, cw, avail, per_page, page, bw, bh, by, bx;
	char title[96];

	/* Two columns when each gets 50 cells, else one; rows as the screen
	 * allows (the hint row stays), in pages when they do not all fit. */
	ncol = t->cols - 4 >= 2 * 50 ? 2 : 1;
	cw = (t->cols - 4) / ncol;
	if (cw > 60)
		cw = 60;
	n = help_wrap(rows, n, "Everywhere", 1, cw - 1);
	for (int i = 0; global_keys[i] != NULL; i++)
		n = help_wrap(rows, n, global_keys[i], 0, cw - 1);
	for (size_t k = 0; k < sizeof order / sizeof order[0]; k++) {
		const tui_kind *kd = t->panes[order[k]].kind;

		n = help_wrap(rows, n, kd->title, 1, cw - 1);
		for (int i = 0; kd->keys[i] != NULL; i++)
			n = help_wrap(rows, n, kd->keys[i], 0, cw - 1);
	}
	avail = t->rows - 3;
	if (avail < 1)
		avail = 1;
	if ((n + ncol - 1) / ncol < avail)
		avail = (n + ncol - 1) / ncol;
	per_page = avail * ncol;
	t->help_pages = (n + per_page - 1) / per_page;
	if (t->help > t->help_pages)
		t->help = t->help_pages;
	page = t->help - 1;
	bw = ncol * cw + 2;
	bh = avail + 2;
	by = (t->rows - 1 - bh) / 2;
	bx = (t->cols - bw) / 2;
	if (t->help_pages > 1)
		snprintf(title, sizeof title, " Keys %d/%d (Space: more; any other "
		    "key closes) ", t->help, t->help_pages);
	else
		snprintf(title, sizeof title, " Keys (any key closes) ");
	attron(A_BOLD);
	for (int y = by; y < by + bh; y++)
		mvhline(y, bx, ' ', bw);
	tui_box(t, by, bx, bh, bw);
	mvaddnstr(by, bx + 2, title, bw - 4);
	attroff(A_BOLD);
	for (int i = page * per_page; i < n && i < (page + 1) * per_page; i++) {
		int k = i - page * per_page, y = by + 1 + k % avail;
		int x = bx + 1 + (k / avail) * cw;
		const help_row *r = &rows[i];

		if (r->title) {
			attron(A_BOLD);
			mvaddnstr(y, x, r->text, r->textlen);
			attroff(A_BOLD);
			continue;
		}
		if (r->key != NULL)
			mvaddnstr(y, x, r->key, r->keylen < cw - 1 ? r->keylen :
			    cw - 1);
		if (r->textlen > 0)
			mvaddnstr(y, x + HELP_KEYW, r->text, r->textlen);
	}
}

void
keys_draw_small(tui *t)
{
	help_row rows[HELP_MAXROWS];
	char msg[128];
	int n;

	/* Word-wrapped to the screen as the help is, what to do first: a
	 * 10x5 terminal still reads "terminal / too small: / q quits / ...". */
	snprintf(msg, sizeof msg, "terminal too small: q quits (need %dx%d; now "
	    "%dx%d)", TUI_MIN_W, TUI_MIN_H, t->cols, t->rows);
	n = help_wrap(rows, 0, msg, 1, t->cols);
	for (int y = 0; y < n && y < t->rows; y++)
		mvaddnstr(y, 0, rows[y].text, rows[y].textlen < t->cols ?
		    rows[y].textlen : t->cols);
	curs_set(0);
}
