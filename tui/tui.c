/* tui.c: the TUI's main loop: the screen, keys, signals, and the panes
 * reached through their table. */
#include "config.h"

#define _GNU_SOURCE 1   /* fopencookie: progress bars into the hint row */

#include <errno.h>
#include <langinfo.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/select.h>
#include <time.h>
#include <unistd.h>

#include <curses.h>

#include "base/xalloc.h"
#include "sessions/run.h"
#include "sessions/trust.h"
#include "tui/signals.h"
#include "tui/tui.h"

/* Timing figures for the benchmark (SCALEX_TUI_STATS=FILE). */
static struct {
	double t0;
	double first;
	double epoch;   /* wall clock of the first frame, ns */
	double key[4096];
	size_t nkey;
} stats;

static double
tui_now(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec * 1e3 + 1e-6 * (double)ts.tv_nsec;
}

static void
tui_draw(tui *t)
{
	erase();
	if (t->too_small) {
		keys_draw_small(t);
		refresh();
		return;
	}
	for (int i = 0; i < TUI_NPANES; i++) {
		tui_pane *p = &t->panes[i];

		if (p->h > 2 && p->w > 4)
			p->kind->draw(p, t);
	}
	keys_draw_bars(t);
	if (t->help)
		keys_draw_help(t);
	if (!t->help && !t->asking && t->panes[t->focus].kind->cursor != NULL)
		t->panes[t->focus].kind->cursor(&t->panes[t->focus], t);
	else
		curs_set(0);
	refresh();
}

/* Global keys: focus, the console, help, quitting. */
static int
tui_global_key(tui *t, int c)
{
	if (c == '\t' || c == KEY_BTAB) {
		int d = c == '\t' ? 1 : TUI_NPANES - 1;

		t->focus = (t->focus + d) % TUI_NPANES;
		if (t->focus != PANE_CONSOLE)
			t->back = t->focus;
		return TUI_HANDLED | TUI_REDRAW;
	}
	if (c >= '1' && c < '1' + TUI_NPANES) {
		t->focus = c - '1';
		if (t->focus != PANE_CONSOLE)
			t->back = t->focus;
		return TUI_HANDLED | TUI_REDRAW;
	}
	if (c == ':') {
		t->focus = PANE_CONSOLE;
		return TUI_HANDLED | TUI_REDRAW;
	}
	if (c == '?' || c == KEY_F(1)) {
		t->help = 1;
		return TUI_HANDLED | TUI_REDRAW;
	}
	if (c == 'q' || c == 'Q') {
		if (t->ws->saved_nlog < t->ws->nlog && t->ws->nlog > t->start_nlog) {
			t->asking = 1;
			return TUI_HANDLED | TUI_REDRAW;
		}
		return TUI_HANDLED | TUI_QUIT;
	}
	if (c == 12) {   /* Ctrl-L */
		clearok(curscr, TRUE);
		return TUI_HANDLED | TUI_REDRAW;
	}
	return 0;
}

static int
tui_key(tui *t, int c)
{
	int r;

	if (c == KEY_RESIZE) {
		getmaxyx(stdscr, t->rows, t->cols);
		layout_apply(t);
		return TUI_REDRAW;
	}
	if (t->too_small)
		return c == 'q' || c == 'Q' ? TUI_QUIT : 0;
	if (t->asking) {
		t->asking = 0;
		return c == 'y' || c == 'Y' ? TUI_QUIT : TUI_REDRAW;
	}
	if (t->help) {
		/* Space and PgDn page on; any other key closes. */
		if ((c == ' ' || c == KEY_NPAGE) && t->help < t->help_pages)
			t->help++;
		else
			t->help = 0;
		return TUI_REDRAW;
	}
	if (t->focus == PANE_CONSOLE) {
		if (c == 27) {
			t->focus = t->back;
			layout_apply(t);
			return TUI_REDRAW;
		}
		if (c == KEY_BTAB || c == KEY_F(1))
			return tui_global_key(t, c);
	} else if ((r = tui_global_key(t, c)) != 0) {
		layout_apply(t);
		return r;
	}
	r = t->panes[t->focus].kind->key(&t->panes[t->focus], t, c);
	if (t->focus == PANE_CONSOLE || t->tabbed)
		layout_apply(t);
	return r;
}

/* Progress bars ("\r what [###...] ...") from long commands: into the
 * hint row at once, since the loop is busy running the command. */
static ssize_t
tui_progress_write(void *cookie, const char *buf, size_t n)
{
	tui *t = cookie;
	const char *s = buf, *end = buf + n;

	for (const char *q = buf; q < end; q++)
		if (*q == '\r')
			s = q + 1;
	if (s < end && *s != '\033') {
		snprintf(t->status, sizeof t->status, "%.*s  (Ctrl-C cancels)",
		    (int)(end - s), s);
		if (!t->too_small) {
			keys_draw_bars(t);
			refresh();
		}
	}
	return (ssize_t)n;
}

/* Write the benchmark figures when asked to (SCALEX_TUI_STATS=FILE). */
static void
tui_stats(void)
{
	const char *path = getenv("SCALEX_TUI_STATS");
	struct rusage ru;
	FILE *fp;
	double sorted[4096];
	size_t n = stats.nkey;

	if (path == NULL || (fp = fopen(path, "w")) == NULL)
		return;
	memcpy(sorted, stats.key, n * sizeof *sorted);
	for (size_t i = 1; i < n; i++)
		for (size_t j = i; j > 0 && sorted[j - 1] > sorted[j]; j--) {
			double x = sorted[j];

			sorted[j] = sorted[j - 1];
			sorted[j - 1] = x;
		}
	getrusage(RUSAGE_SELF, &ru);
	fprintf(fp, "first_frame_ms %.2f\nfirst_frame_epoch_ns %.0f\nkeys %zu\n",
	    stats.first, stats.epoch, n);
	if (n > 0)
		fprintf(fp, "key_median_ms %.3f\nkey_max_ms %.3f\n", sorted[n / 2],
		    sorted[n - 1]);
	fprintf(fp, "maxrss_kb %ld\n", ru.ru_maxrss);
	fclose(fp);
}

/* Copy what was written to the held stderr out to the real one. */
static void
tui_release_stderr(FILE *hold, int saved)
{
	char buf[4096];
	size_t n;

	fflush(stderr);
	dup2(saved, STDERR_FILENO);
	close(saved);
	rewind(hold);
	while ((n = fread(buf, 1, sizeof buf, hold)) > 0)
		fwrite(buf, 1, n, stderr);
	fclose(hold);
}

/* The panes, in the order of their ids. */
static const tui_kind *const kinds[TUI_NPANES] = { &pane_data_kind,
	&pane_fit_kind, &pane_plot_kind, &pane_second_kind, &pane_second_kind,
	&pane_grid_kind, &pane_console_kind };

int
tui_run(sx_workspace *ws, sx_out *out, const char *script, const char *where)
{
	static tui t;
	cookie_io_functions_t io = { NULL, tui_progress_write, NULL, NULL };
	FILE *hold = tmpfile(), *prog;
	int saved = dup(STDERR_FILENO), rc = 0;
	SCREEN *screen;

	stats.t0 = tui_now();
	/* No question on a terminal curses owns: writes not allowed are
	 * skipped with a warning. */
	trust_set_ask(0);
	memset(&t, 0, sizeof t);
	t.ws = ws;
	t.out = out;
	t.utf8 = strcmp(nl_langinfo(CODESET), "UTF-8") == 0 && !out->ascii;
	for (int i = 0; i < TUI_NPANES; i++) {
		t.panes[i].kind = kinds[i];
		t.panes[i].id = i;
		t.panes[i].state = kinds[i]->state_size > 0 ?
		    xcalloc(1, kinds[i]->state_size) : NULL;
		if (kinds[i]->init != NULL)
			kinds[i]->init(&t.panes[i], &t);
	}
	t.focus = t.back = PANE_FIT;
	/* Hold stderr while curses owns the screen (htop's CRT.c does too). */
	if (hold != NULL && saved >= 0)
		dup2(fileno(hold), STDERR_FILENO);
	prog = fopencookie(&t, "w", io);
	if (prog != NULL)
		setvbuf(prog, NULL, _IONBF, 0);
	out->progress_fp = prog;
	out->interrupt = &sig_interrupted;
	out->color = 0;
	if (script != NULL) {
		tui_run_text(&t, script, where);
	}
	t.start_nlog = ws->nlog;
	if (ws->cur_fit != NULL)
		snprintf(t.fit, sizeof t.fit, "%s", ws->cur_fit);
	if ((screen = newterm(NULL, stdout, stdin)) == NULL) {
		fputs("scalex: curses cannot start on this terminal (TERM)\n",
		    stderr);
		rc = 1;
		goto done;
	}
	set_escdelay(25);
	cbreak();
	noecho();
	nonl();
	keypad(stdscr, TRUE);
	/* Home and End as VT220, screen and tmux send them, also where TERM's
	 * description says otherwise (TERM=xterm-256color inside tmux). */
	define_key("\033[1~", KEY_HOME);
	define_key("\033[4~", KEY_END);
	tui_colours(&t);
	getmaxyx(stdscr, t.rows, t.cols);
	layout_apply(&t);
	tui_draw(&t);
	stats.first = tui_now() - stats.t0;
	{
		struct timespec ts;

		clock_gettime(CLOCK_REALTIME, &ts);
		stats.epoch = (double)ts.tv_sec * 1e9 + (double)ts.tv_nsec;
	}
	while (!t.quit && !sig_terminate) {
		fd_set fds;
		struct timeval tv = { 0, 500000 };
		int c, flags = 0;
		double k0;

		FD_ZERO(&fds);
		FD_SET(STDIN_FILENO, &fds);
		if (select(STDIN_FILENO + 1, &fds, NULL, NULL, &tv) < 0 &&
		    errno != EINTR)
			break;
		if (sig_interrupted) {
			tui_pane *fp = &t.panes[t.focus];

			sig_interrupted = 0;
			if (fp->kind->interrupt != NULL) {
				fp->kind->interrupt(fp, &t);
				flags |= TUI_REDRAW;
			}
		}
		nodelay(stdscr, TRUE);
		k0 = tui_now();
		while ((c = getch()) != ERR) {
			flags |= tui_key(&t, c);
			if (flags & TUI_QUIT)
				break;
		}
		if (flags & TUI_QUIT)
			break;
		if (flags & TUI_REDRAW) {
			tui_draw(&t);
			if (stats.nkey < sizeof stats.key / sizeof stats.key[0])
				stats.key[stats.nkey++] = tui_now() - k0;
		} else if (t.panes[t.focus].kind->cursor != NULL)
			t.panes[t.focus].kind->cursor(&t.panes[t.focus], &t);
	}
	endwin();
	delscreen(screen);
done:
	out->progress_fp = NULL;
	if (prog != NULL)
		fclose(prog);
	if (hold != NULL && saved >= 0)
		tui_release_stderr(hold, saved);
	tui_stats();
	if (sig_terminate)
		fputs("scalex: terminated; saving the session\n", stderr);
	if (signals_autosave(ws) != 0)
		rc = 1;
	for (int i = 0; i < TUI_NPANES; i++) {
		if (kinds[i]->end != NULL)
			kinds[i]->end(&t.panes[i], &t);
		free(t.panes[i].state);
	}
	return rc;
}
