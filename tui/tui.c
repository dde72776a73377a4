/* tui.c: the TUI's main loop, command runner and drawing helpers. */
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
#include "tui/signals.h"
#include "tui/tui.h"

#define SB_MAX 2000   /* console scrollback lines kept */

static const char *const pane_titles[TUI_NPANES] = { "Data", "Fit", "Plot",
	"Frontier", "Crossover", "Grid", "Console" };

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

const char *
tui_pane_name(const tui_pane *p)
{
	if (p->kind == &pane_second_kind)
		return p->mode ? "Crossover" : "Frontier";
	return pane_titles[p->id];
}

const sx_workspace *
tui_ws(const tui *t)
{
	return t->ws;
}

const sx_fitrec *
tui_fit(tui *t)
{
	const sx_fitrec *f = t->fit[0] != '\0' ? ws_fit(t->ws, t->fit) : NULL;

	if (f == NULL && t->ws->cur_fit != NULL)
		f = ws_fit(t->ws, t->ws->cur_fit);
	if (f == NULL && t->ws->nfits > 0)
		f = t->ws->fits[t->ws->nfits - 1];
	return f;
}

void
tui_console_add(tui *t, const char *text)
{
	const char *p = text;

	while (*p != '\0') {
		const char *nl = strchr(p, '\n');
		size_t n = nl != NULL ? (size_t)(nl - p) : strlen(p);

		if (t->nsb == SB_MAX) {
			free(t->sb[0]);
			memmove(t->sb, t->sb + 1, (SB_MAX - 1) * sizeof *t->sb);
			t->nsb--;
		}
		t->sb = xreallocarray(t->sb, t->nsb + 1, sizeof *t->sb);
		t->sb[t->nsb++] = xstrndup(p, n);
		p += n + (nl != NULL);
	}
	t->sbscroll = 0;
}

/* Run text through the interpreter, reporting errors as from `where`. */
static int
tui_run_text(tui *t, const char *text, const char *where)
{
	char *buf = NULL;
	size_t len = 0;
	FILE *mem = open_memstream(&buf, &len);
	FILE *ofp = t->out->fp, *oerr = t->out->errfp;
	int rc, w = t->panes[PANE_CONSOLE].w - 4;
	char cur[128];

	if (mem == NULL) {
		snprintf(t->status, sizeof t->status, "cannot run: %s",
		    strerror(errno));
		return -1;
	}
	t->out->fp = mem;
	t->out->errfp = mem;
	/* Plots typed in the console fit its width. */
	t->out->width = w >= 40 ? w : 80;
	t->out->height = 20;
	snprintf(cur, sizeof cur, "%s", t->ws->cur_fit != NULL ?
	    t->ws->cur_fit : "");
	sig_interrupted = 0;
	rc = run_text(t->ws, t->out, mem, text, strlen(text), where);
	/* The panes follow a fit the command made or picked. */
	if (t->ws->cur_fit != NULL && strcmp(cur, t->ws->cur_fit) != 0)
		snprintf(t->fit, sizeof t->fit, "%s", t->ws->cur_fit);
	sig_interrupted = 0;
	fclose(mem);
	t->out->fp = ofp;
	t->out->errfp = oerr;
	tui_console_add(t, buf);
	free(buf);
	t->gen++;
	t->status[0] = '\0';
	return rc;
}

void
tui_undo_clear(tui *t)
{
	for (size_t i = 0; i < t->nundo; i++) {
		free(t->undo[i].fit);
		free(t->undo[i].param);
	}
	t->nundo = 0;
}

int
tui_command(tui *t, const char *text)
{
	return tui_run_text(t, text, "console");
}

int
tui_iw(const tui_pane *p)
{
	return p->w > 2 ? p->w - 2 : 0;
}

int
tui_ih(const tui_pane *p)
{
	return p->h > 2 ? p->h - 2 : 0;
}

int
tui_attr(const tui *t, int c)
{
	if (!t->colour || c <= PX_DEFAULT || c >= PX_NCOLOURS)
		return c == PX_GREY ? A_DIM : A_NORMAL;
	return COLOR_PAIR(c) | (c == PX_GREY ? A_DIM : 0);
}

void
tui_hline(const tui *t, int y, int x, int n)
{
	for (int i = 0; i < n; i++)
		mvaddstr(y, x + i, t->utf8 ? "\xe2\x94\x80" : "-");
}

void
tui_box(const tui *t, int y, int x, int h, int w)
{
	/* Box drawing as text, not the ACS charset: capture-pane and every
	 * terminal then show the same thing. */
	tui_hline(t, y, x + 1, w - 2);
	tui_hline(t, y + h - 1, x + 1, w - 2);
	for (int r = y + 1; r < y + h - 1; r++) {
		mvaddstr(r, x, t->utf8 ? "\xe2\x94\x82" : "|");
		mvaddstr(r, x + w - 1, t->utf8 ? "\xe2\x94\x82" : "|");
	}
	mvaddstr(y, x, t->utf8 ? "\xe2\x94\x8c" : "+");
	mvaddstr(y, x + w - 1, t->utf8 ? "\xe2\x94\x90" : "+");
	mvaddstr(y + h - 1, x, t->utf8 ? "\xe2\x94\x94" : "+");
	mvaddstr(y + h - 1, x + w - 1, t->utf8 ? "\xe2\x94\x98" : "+");
}

void
tui_frame(tui *t, const tui_pane *p, const char *title)
{
	int focus = t->focus == p->id, attr = focus ? A_BOLD : A_NORMAL;
	char buf[256];

	if (p->h < 2 || p->w < 4)
		return;
	if (focus && t->colour)
		attr |= COLOR_PAIR(PX_CYAN);
	attron(attr);
	tui_box(t, p->y, p->x, p->h, p->w);
	snprintf(buf, sizeof buf, " %d %s%s%s ", p->id + 1, tui_pane_name(p),
	    title != NULL && title[0] != '\0' ? ": " : "",
	    title != NULL ? title : "");
	if ((int)strlen(buf) > p->w - 4)
		buf[p->w - 4 > 0 ? p->w - 4 : 0] = '\0';
	mvaddstr(p->y, p->x + 2, buf);
	attroff(attr);
}

void
tui_text(tui *t, const tui_pane *p, int row, int col, int attr, const char *s)
{
	int iw = tui_iw(p), n = 0;

	(void)t;
	if (row < 0 || row >= tui_ih(p) || col >= iw)
		return;
	/* Count cells as code points (UTF-8 lead bytes). */
	const char *e = s;
	while (*e != '\0' && n < iw - col) {
		e++;
		while ((*e & 0xc0) == 0x80)
			e++;
		n++;
	}
	attron(attr);
	mvaddnstr(p->y + 1 + row, p->x + 1 + col, s, (int)(e - s));
	attroff(attr);
}

void
tui_canvas(tui *t, const tui_pane *p, int row, const px_canvas *c)
{
	int w = canvas_width(c), h = canvas_height(c);
	char buf[4096];

	for (int r = 0; r < h && row + r < tui_ih(p); r++) {
		int col = 0;

		while (col < w && col < tui_iw(p)) {
			int colour = canvas_colour(c, r, col), start = col;
			size_t n = 0;

			/* A run of cells of one colour, as one string. */
			while (col < w && col < tui_iw(p) && n + 8 < sizeof buf &&
			    canvas_colour(c, r, col) == colour) {
				n += canvas_utf8(canvas_glyph(c, r, col), buf + n);
				col++;
			}
			buf[n] = '\0';
			attron(tui_attr(t, colour));
			mvaddstr(p->y + 1 + row + r, p->x + 1 + start, buf);
			attroff(tui_attr(t, colour));
		}
	}
}

/* The colours: one pair per plot colour on the terminal's own background. */
static void
tui_colours(tui *t)
{
	static const short map[PX_NCOLOURS] = { -1, COLOR_BLUE, COLOR_RED,
	    COLOR_GREEN, COLOR_MAGENTA, COLOR_CYAN, COLOR_YELLOW, COLOR_WHITE };
	const char *nc = getenv("NO_COLOR");

	t->colour = 0;
	if ((nc != NULL && nc[0] != '\0') || !has_colors() || t->out->color < 0)
		return;
	if (start_color() == ERR)
		return;
	short bg = use_default_colors() == OK ? -1 : COLOR_BLACK;
	for (int i = 1; i < PX_NCOLOURS; i++)
		init_pair((short)i, map[i], bg);
	t->colour = 1;
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
	if (t->focus == PANE_CONSOLE && !t->help && !t->asking)
		console_cursor(t);
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

int
tui_run(sx_workspace *ws, sx_out *out, const char *script, const char *where)
{
	static tui t;
	cookie_io_functions_t io = { NULL, tui_progress_write, NULL, NULL };
	FILE *hold = tmpfile(), *prog;
	int saved = dup(STDERR_FILENO), rc = 0;
	SCREEN *screen;

	stats.t0 = tui_now();
	memset(&t, 0, sizeof t);
	t.ws = ws;
	t.out = out;
	t.utf8 = strcmp(nl_langinfo(CODESET), "UTF-8") == 0 && !out->ascii;
	for (int i = 0; i < TUI_NPANES; i++) {
		static const tui_kind *const kinds[TUI_NPANES] = { &pane_data_kind,
		    &pane_fit_kind, &pane_plot_kind, &pane_second_kind,
		    &pane_second_kind, &pane_grid_kind, &pane_console_kind };

		t.panes[i].kind = kinds[i];
		t.panes[i].id = i;
		t.panes[i].logx = t.panes[i].logy = 1;
		t.panes[i].ascii = !t.utf8;
	}
	t.panes[PANE_XOVER].mode = 1;
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
		rc = 1;
		goto done;
	}
	set_escdelay(25);
	cbreak();
	noecho();
	nonl();
	keypad(stdscr, TRUE);
	tui_colours(&t);
	console_init(&t);
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
			sig_interrupted = 0;
			if (t.focus == PANE_CONSOLE) {
				console_interrupt(&t);
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
		} else if (t.focus == PANE_CONSOLE)
			console_cursor(&t);
	}
	console_end(&t);
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
	for (size_t i = 0; i < TUI_NPANES; i++)
		canvas_free(t.panes[i].canvas);
	for (size_t i = 0; i < t.nsb; i++)
		free(t.sb[i]);
	free(t.sb);
	tui_undo_clear(&t);
	free(t.undo);
	return rc;
}
