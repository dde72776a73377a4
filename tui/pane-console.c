/* pane-console.c: readline inside curses (callback interface), scrollback. */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <curses.h>
#include <readline/history.h>
#include <readline/readline.h>

#include "base/xalloc.h"
#include "sessions/complete.h"
#include "sessions/lex.h"
#include "sessions/session.h"
#include "tui/tui.h"

/*
 * Readline never touches the terminal here (after ulfalizer's rlncurses):
 * keys read by curses are queued as bytes and handed over through
 * rl_getc_function; rl_redisplay_function only asks for a redraw, and the
 * pane draws rl_line_buffer itself; signals, SIGWINCH and the environment
 * stay ours. Completion lists are drawn above the input line.
 */
static const char *const console_keys[] = {
	"Enter\trun the command line",
	"Tab\tcomplete (candidates shown above)",
	"Up/Down\thistory",
	"Ctrl-R\tsearch the history (Enter runs)",
	"PgUp/PgDn\tscroll the output",
	"Ctrl-C\tclear the line",
	"Esc\tback to the pane you came from",
	"quit\t(typed) quits, like q",
	NULL
};

#define SB_MAX 2000   /* scrollback lines kept */

/* The pane's state: one console, and static, since readline's callbacks
 * take no context (the pane's state pointer is to it). */
static struct console_state {
	tui *t;
	unsigned char q[64];
	size_t nq, head;
	FILE *null;
	char prompt[64];
	char *hist;
	sx_pending pending;   /* lines of a here-document being typed */
	char **sb;            /* scrollback lines */
	size_t nsb;
	int sbscroll;         /* lines scrolled back from the bottom */
	char **comp;          /* completion candidates shown, or NULL */
	size_t ncomp;
} con;

static int
console_getc(FILE *fp)
{
	(void)fp;
	if (con.head >= con.nq)
		return EOF;
	return con.q[con.head++];
}

static int
console_avail(void)
{
	return con.head < con.nq;
}

static void
console_redisplay(void)
{
	/* The main loop redraws after every key. */
}

/* Free lines v[0..*n-1] and empty the list. */
static void
console_free_lines(char ***v, size_t *n)
{
	for (size_t i = 0; i < *n; i++)
		free((*v)[i]);
	free(*v);
	*v = NULL;
	*n = 0;
}

static void
console_free_comp(void)
{
	console_free_lines(&con.comp, &con.ncomp);
}

/* Append text (lines split at '\n') to the scrollback. */
static void
console_add(const char *text)
{
	const char *p = text;

	while (*p != '\0') {
		const char *nl = strchr(p, '\n');
		size_t n = nl != NULL ? (size_t)(nl - p) : strlen(p);

		if (con.nsb == SB_MAX) {
			free(con.sb[0]);
			memmove(con.sb, con.sb + 1, (SB_MAX - 1) * sizeof *con.sb);
			con.nsb--;
		}
		con.sb = xreallocarray(con.sb, con.nsb + 1, sizeof *con.sb);
		con.sb[con.nsb++] = xstrndup(p, n);
		p += n + (nl != NULL);
	}
	con.sbscroll = 0;
}

/* What commands print, from wherever they were run. */
static void
console_output(tui_pane *p, tui *t, const char *text)
{
	(void)p;
	(void)t;
	console_add(text);
}

/* The prompt: "> " while a here-document is being typed. */
static void
console_set_prompt(const char *p)
{
	snprintf(con.prompt, sizeof con.prompt, "%s", p);
	rl_set_prompt(con.prompt);
}

static void
console_line(char *line)
{
	tui *t = con.t;
	char *echo;

	console_free_comp();
	if (line == NULL)
		return;
	/* A blank line is part of a here-document, else nothing to do. */
	if (line[strspn(line, " \t")] == '\0' && con.pending.len == 0) {
		free(line);
		return;
	}
	add_history(line);
	if (con.pending.len == 0 && (strcmp(line, "quit") == 0 ||
	    strcmp(line, "exit") == 0)) {
		if (tui_ws(t)->saved_nlog < tui_ws(t)->nlog &&
		    tui_ws(t)->nlog > t->start_nlog)
			t->asking = 1;
		else
			t->quit = 1;
		free(line);
		return;
	}
	echo = xasprintf("%s%s", con.prompt, line);
	console_add(echo);
	free(echo);
	if (!lex_pending_add(&con.pending, line)) {
		console_set_prompt("> ");
		free(line);
		return;
	}
	tui_command(t, con.pending.text);
	lex_pending_clear(&con.pending);
	console_set_prompt("scalex> ");
	free(line);
}

/* Tab: complete from the command table; several candidates are listed. */
static int
console_complete(int count, int key)
{
	tui *t = con.t;
	char *before = xstrndup(rl_line_buffer, (size_t)rl_point);
	const char *word = before + strlen(before);
	sx_completions c;
	size_t common;

	(void)count;
	(void)key;
	while (word > before && strchr(" \t'\"", word[-1]) == NULL)
		word--;
	memset(&c, 0, sizeof c);
	complete_line(tui_ws(t), before, &c);
	console_free_comp();
	if (c.want_paths) {
		/* File names, from readline's own generator. */
		char *m;

		for (int st = 0; (m = rl_filename_completion_function(word, st)) !=
		    NULL; st++) {
			c.words = xreallocarray(c.words, c.n + 1, sizeof *c.words);
			c.words[c.n++] = m;
		}
	}
	if (c.n > 0) {
		common = strlen(c.words[0]);
		for (size_t i = 1; i < c.n; i++) {
			size_t k = 0;

			while (k < common && c.words[i][k] == c.words[0][k])
				k++;
			common = k;
		}
		if (common > strlen(word)) {
			char *ins = xstrndup(c.words[0] + strlen(word),
			    common - strlen(word));

			rl_insert_text(ins);
			free(ins);
		}
		if (c.n == 1)
			rl_insert_text(" ");
		else {
			con.comp = c.words;
			con.ncomp = c.n;
			c.words = NULL;
			c.n = 0;
		}
	}
	complete_free(&c);
	free(before);
	return 0;
}

static void
console_init(tui_pane *p, tui *t)
{
	char *dir = session_state_dir();

	p->state = &con;
	con.t = t;
	con.null = fopen("/dev/null", "w");
	rl_readline_name = "scalex";
	rl_catch_signals = 0;
	rl_catch_sigwinch = 0;
	rl_change_environment = 0;
	rl_prep_term_function = NULL;
	rl_deprep_term_function = NULL;
	rl_getc_function = console_getc;
	rl_input_available_hook = console_avail;
	rl_redisplay_function = console_redisplay;
	if (con.null != NULL)
		rl_outstream = con.null;
	rl_bind_key('\t', console_complete);
	snprintf(con.prompt, sizeof con.prompt, "scalex> ");
	memset(&con.pending, 0, sizeof con.pending);
	if (dir != NULL) {
		con.hist = xasprintf("%s/history", dir);
		free(dir);
		/* Never through a symbolic link planted in the directory. */
		if (session_state_file_ok(con.hist, NULL) != 0) {
			free(con.hist);
			con.hist = NULL;
		} else
			read_history(con.hist);
	}
	rl_callback_handler_install(con.prompt, console_line);
}

static void
console_end(tui_pane *p, tui *t)
{
	(void)t;
	p->state = NULL;
	rl_callback_handler_remove();
	if (con.hist != NULL) {
		if (session_state_file_ok(con.hist, NULL) == 0)
			write_history(con.hist);
		free(con.hist);
		con.hist = NULL;
	}
	if (con.null != NULL)
		fclose(con.null);
	lex_pending_clear(&con.pending);
	console_free_comp();
	console_free_lines(&con.sb, &con.nsb);
}

/* Ctrl-C: abandon the line being typed (and a here-document). */
static void
console_interrupt(tui_pane *p, tui *t)
{
	(void)p;
	(void)t;
	console_free_comp();
	if (con.pending.len > 0) {
		lex_pending_clear(&con.pending);
		console_set_prompt("scalex> ");
	}
	rl_free_line_state();
	rl_callback_sigcleanup();
	rl_replace_line("", 0);
	rl_point = rl_end = 0;
}

/* Curses keys as the bytes readline binds them to (emacs mode). */
static void
console_feed(int c)
{
	const char *seq = NULL;
	char one[2] = { 0, 0 };

	switch (c) {
	case KEY_LEFT: seq = "\002"; break;
	case KEY_RIGHT: seq = "\006"; break;
	case KEY_UP: seq = "\020"; break;
	case KEY_DOWN: seq = "\016"; break;
	case KEY_HOME: seq = "\001"; break;
	case KEY_END: seq = "\005"; break;
	case KEY_BACKSPACE: seq = "\177"; break;
	case KEY_DC: seq = "\004"; break;
	case KEY_ENTER: seq = "\r"; break;
	default:
		if (c < 0 || c > 255)
			return;
		one[0] = (char)c;
		seq = one;
		if (c == 0)
			return;
	}
	con.nq = strlen(seq);
	con.head = 0;
	memcpy(con.q, seq, con.nq);
	while (con.head < con.nq)
		rl_callback_read_char();
}

/* Cells of the first n bytes of s: one per code point, as tui_text
 * draws them (so the cursor sits after "é" and "²", not a byte later). */
static int
console_cells(const char *s, size_t n)
{
	int cells = 0;

	for (size_t i = 0; i < n && s[i] != '\0'; i++)
		cells += ((unsigned char)s[i] & 0xc0) != 0x80;
	return cells;
}

/* The byte where cell `cells` of s starts. */
static size_t
console_skip(const char *s, int cells)
{
	size_t i = 0;

	for (; s[i] != '\0'; i++)
		if (((unsigned char)s[i] & 0xc0) != 0x80 && cells-- == 0)
			break;
	return i;
}

/* The prompt in front of the input line: ours, or while Ctrl-R searches
 * the history readline's "(reverse-i-search)`TEXT': ". */
static const char *
console_shown_prompt(void)
{
	if (RL_ISSTATE(RL_STATE_ISEARCH | RL_STATE_NSEARCH) &&
	    rl_display_prompt != NULL)
		return rl_display_prompt;
	return con.prompt;
}

/* Where the input line is, and how many cells it is scrolled by to show
 * the cursor. */
static int
console_input(const tui_pane *p, int *y, int *x, int *off)
{
	const char *pr = console_shown_prompt();
	int iw = tui_iw(p), plen = console_cells(pr, strlen(pr));
	int cur = rl_line_buffer != NULL ? console_cells(rl_line_buffer,
	    (size_t)rl_point) : 0;

	*y = p->y + p->h - 2;
	*off = cur + plen >= iw - 1 ? cur + plen - (iw - 2) : 0;
	*x = p->x + 1 + plen + cur - *off;
	return iw;
}

static void
console_cursor(tui_pane *p, tui *t)
{
	int y, x, off;

	(void)t;
	if (p->h < 3)
		return;
	console_input(p, &y, &x, &off);
	curs_set(1);
	move(y, x);
	refresh();
}

static void
console_draw(tui_pane *p, tui *t)
{
	int ih = tui_ih(p), iw = tui_iw(p), rows, y, x, off, ncl = 0;
	char *line;

	tui_frame(t, p, t->focus == p->id ? "Esc leaves" : "press : to type");
	if (ih < 1)
		return;
	/* Completion candidates: as many rows as they need, at most half. */
	if (con.ncomp > 0) {
		char buf[1024];
		size_t n = 0;

		buf[0] = '\0';
		for (size_t i = 0; i < con.ncomp && n + 2 < sizeof buf; i++)
			n += (size_t)snprintf(buf + n, sizeof buf - n, "%s  ",
			    con.comp[i]);
		ncl = (int)((n + (size_t)iw - 1) / (size_t)iw);
		if (ncl > ih / 2)
			ncl = ih / 2;
		for (int r = 0; r < ncl; r++)
			if ((size_t)(r * iw) < n)
				tui_text(t, p, ih - 1 - ncl + r, 0, A_DIM, buf + r * iw);
	}
	/* Scrollback above, filled from the bottom (sbscroll lines back); a
	 * line wider than the pane wraps onto the rows it needs. */
	rows = ih - 1 - ncl;
	if (con.sbscroll > (int)con.nsb - 1)
		con.sbscroll = con.nsb > 0 ? (int)con.nsb - 1 : 0;
	for (long k = (long)con.nsb - 1 - con.sbscroll; k >= 0 && rows > 0; k--) {
		const char *s = con.sb[k];
		int cells = console_cells(s, strlen(s)), attr = strncmp(s,
		    "scalex:", 7) == 0 ? tui_attr(t, PX_RED) : (int)A_NORMAL;

		for (int j = cells > iw ? (cells - 1) / iw : 0; j >= 0 && rows > 0;
		    j--)
			tui_text(t, p, --rows, 0, attr, s + console_skip(s, j * iw));
	}
	/* The input line: prompt and readline's buffer. */
	console_input(p, &y, &x, &off);
	line = xasprintf("%s%s", console_shown_prompt(), rl_line_buffer != NULL ?
	    rl_line_buffer : "");
	tui_text(t, p, ih - 1, 0, t->focus == p->id ? A_BOLD : A_DIM,
	    line + console_skip(line, off));
	free(line);
}

static int
console_key(tui_pane *p, tui *t, int c)
{
	int page = tui_ih(p) > 4 ? tui_ih(p) - 2 : 1;

	if (c == KEY_PPAGE) {
		con.sbscroll += page;
		return TUI_HANDLED | TUI_REDRAW;
	}
	if (c == KEY_NPAGE) {
		con.sbscroll = con.sbscroll > page ? con.sbscroll - page : 0;
		return TUI_HANDLED | TUI_REDRAW;
	}
	if (c != '\t')
		console_free_comp();
	console_feed(c);
	return TUI_HANDLED | TUI_REDRAW | (t->quit ? TUI_QUIT : 0);
}

const tui_kind pane_console_kind = {
	"console", "Console", NULL, "Enter run  Tab complete  Up/Down history  "
	"Ctrl-R search  PgUp/PgDn scroll  Esc leave  ? is text here: F1 help", console_keys,
	console_draw, console_key, NULL, 0, console_init, console_end,
	console_cursor, console_interrupt, console_output
};
