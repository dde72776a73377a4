/* repl.c: the readline console, driven through readline's callback API. */
#include "config.h"

#include <errno.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/select.h>
#include <unistd.h>

#include <readline/history.h>
#include <readline/readline.h>

#include "base/xalloc.h"
#include "sessions/complete.h"
#include "sessions/lex.h"
#include "sessions/run.h"
#include "sessions/session.h"
#include "tui/repl.h"
#include "tui/signals.h"

#define HISTORY_MAX 1000

/* Readline's callbacks take no context, so the console's state lives here. */
static struct {
	sx_workspace *ws;
	sx_out *out;
	int done;
	int failed;
	char prompt[128];
	sx_completions cands;
	size_t next;
	sx_pending pending;   /* lines of a here-document being typed */
} repl;

static void
repl_set_prompt(void)
{
	const char *cur = repl.ws->cur_fit != NULL ? repl.ws->cur_fit :
	    repl.ws->cur_data;

	if (cur != NULL)
		snprintf(repl.prompt, sizeof repl.prompt, "scalex[%s]> ", cur);
	else
		snprintf(repl.prompt, sizeof repl.prompt, "scalex> ");
	rl_set_prompt(repl.prompt);
}

/*
 * Standard input in blocks, handed to readline a byte at a time: its own
 * rl_getc makes one read(2) per byte, which made pasting a CSV into a
 * here-document take seconds. The main loop feeds readline from here
 * before it waits on the descriptor again.
 */
static struct {
	unsigned char b[4096];
	size_t n, at;
} in;

static int
repl_getc(FILE *fp)
{
	(void)fp;
	while (in.at >= in.n) {
		ssize_t r = read(STDIN_FILENO, in.b, sizeof in.b);

		if (r > 0) {
			in.n = (size_t)r;
			in.at = 0;
		} else if (r == 0 || errno != EINTR || sig_terminate)
			return EOF;
	}
	return in.b[in.at++];
}

/* Readline asks whether more of a key sequence is waiting. */
static int
repl_avail(void)
{
	struct timeval tv = { 0, 0 };
	fd_set fds;

	if (in.at < in.n)
		return 1;
	FD_ZERO(&fds);
	FD_SET(STDIN_FILENO, &fds);
	return select(STDIN_FILENO + 1, &fds, NULL, NULL, &tv) > 0;
}

/* Run what has been typed, and show the next prompt. */
static void
repl_run_pending(void)
{
	sig_interrupted = 0;
	if (run_text(repl.ws, repl.out, stderr, repl.pending.text,
	    repl.pending.len, "console") != 0)
		repl.failed = 1;
	sig_interrupted = 0;
	fflush(stdout);
	lex_pending_clear(&repl.pending);
	repl_set_prompt();
}

/* A line is complete: remember it, run it (or wait for the rest of its
 * here-document), show the next prompt. */
static void
repl_line(char *line)
{
	HIST_ENTRY *last;

	if (line == NULL && repl.pending.len > 0) {
		/* Ctrl-D inside a here-document: run it, which says it is
		 * not terminated. */
		fputc('\n', stdout);
		repl_run_pending();
		return;
	}
	if (line == NULL) {
		/* Ctrl-D on an empty line. */
		repl.done = 1;
		fputc('\n', stdout);
		return;
	}
	if (line[strspn(line, " \t")] != '\0') {
		last = history_length > 0 ? history_get(history_base +
		    history_length - 1) : NULL;
		if (last == NULL || strcmp(last->line, line) != 0)
			add_history(line);
	}
	if (repl.pending.len == 0 && (strcmp(line, "quit") == 0 ||
	    strcmp(line, "exit") == 0)) {
		repl.done = 1;
		free(line);
		return;
	}
	if (!lex_pending_add(&repl.pending, line)) {
		rl_set_prompt("> ");
		free(line);
		return;
	}
	free(line);
	repl_run_pending();
}

static char *
repl_generator(const char *text, int state)
{
	(void)text;
	if (state == 0)
		repl.next = 0;
	if (repl.next < repl.cands.n)
		return xstrdup(repl.cands.words[repl.next++]);
	return NULL;
}

static char **
repl_complete(const char *text, int start, int end)
{
	char *before = xstrndup(rl_line_buffer, (size_t)end);

	(void)text;
	(void)start;
	complete_free(&repl.cands);
	complete_line(repl.ws, before, &repl.cands);
	free(before);
	if (repl.cands.want_paths) {
		rl_attempted_completion_over = 0;
		return NULL;
	}
	rl_attempted_completion_over = 1;
	return rl_completion_matches(text, repl_generator);
}

/* The history file, or NULL (saying why) when the state directory or
 * the file in it may not be used. */
static char *
repl_history_path(void)
{
	sx_err e;
	char *dir, *path;

	err_clear(&e);
	if ((dir = session_state_dir_err(&e)) == NULL) {
		fprintf(stderr, "scalex: %s; no history is kept\n", e.msg);
		return NULL;
	}
	path = xasprintf("%s/history", dir);
	free(dir);
	if (session_state_file_ok(path, &e) != 0) {
		fprintf(stderr, "scalex: %s; no history is kept\n", e.msg);
		free(path);
		return NULL;
	}
	return path;
}

/* Ctrl-C abandons the line being typed, and a here-document. */
static void
repl_abandon(void)
{
	sig_interrupted = 0;
	in.at = in.n = 0;
	lex_pending_clear(&repl.pending);
	repl_set_prompt();
	rl_free_line_state();
	rl_callback_sigcleanup();
	rl_replace_line("", 0);
	rl_crlf();
	rl_on_new_line();
	rl_redisplay();
}

int
repl_run(sx_workspace *ws, sx_out *out)
{
	char *hist = repl_history_path();
	sigset_t block, waiting;
	int saved = -1;
	sx_err e;

	memset(&repl, 0, sizeof repl);
	repl.ws = ws;
	repl.out = out;
	out->interrupt = &sig_interrupted;
	if (isatty(STDERR_FILENO) && !out->quiet)
		out->progress_fp = stderr;
	signals_install();
	if (!out->quiet)
		signals_mention_autosave();
	rl_readline_name = "scalex";
	rl_catch_signals = 0;
	rl_attempted_completion_function = repl_complete;
	rl_completer_quote_characters = "'\"";
	rl_getc_function = repl_getc;
	rl_input_available_hook = repl_avail;
	stifle_history(HISTORY_MAX);
	if (hist != NULL)
		read_history(hist);
	if (!out->quiet)
		printf("scalex %s console: 'help' lists commands, Tab completes, "
		    "Ctrl-D quits.\n", PACKAGE_VERSION);
	repl_set_prompt();
	rl_callback_handler_install(repl.prompt, repl_line);
	/* The signals stay blocked between the test of their flags and the
	 * wait for input, which unblocks them (pselect): a Ctrl-C that
	 * arrives while typed keys are being handled is seen at the next
	 * wait, not lost until the next key. */
	sigemptyset(&block);
	sigaddset(&block, SIGINT);
	sigaddset(&block, SIGTERM);
	sigaddset(&block, SIGHUP);
	for (;;) {
		fd_set fds;
		int ready;

		/* Quitting autosaves; when that fails (a full disk) the console
		 * stays open once, so the session can be saved elsewhere. */
		if (repl.done && saved == -1 && !sig_terminate &&
		    (saved = signals_autosave(ws) == 0 ? 0 : 1) != 0) {
			fputs("scalex: the session was not autosaved; the console "
			    "stays open: save it elsewhere (save FILE), or Ctrl-D "
			    "again to quit without it\n", stderr);
			repl.done = 0;
			rl_on_new_line();
			rl_redisplay();
		}
		if (repl.done)
			break;

		if (in.at < in.n) {
			rl_callback_read_char();
			continue;
		}
		sigprocmask(SIG_BLOCK, &block, &waiting);
		if (sig_terminate) {
			sigprocmask(SIG_SETMASK, &waiting, NULL);
			break;
		}
		if (sig_interrupted) {
			sigprocmask(SIG_SETMASK, &waiting, NULL);
			repl_abandon();
			continue;
		}
		FD_ZERO(&fds);
		FD_SET(STDIN_FILENO, &fds);
		ready = pselect(STDIN_FILENO + 1, &fds, NULL, NULL, NULL,
		    &waiting);
		sigprocmask(SIG_SETMASK, &waiting, NULL);
		if (ready < 0) {
			if (errno != EINTR)
				break;
			continue;
		}
		rl_callback_read_char();
	}
	rl_callback_handler_remove();
	if (hist != NULL) {
		/* Not through a symbolic link planted since the start. */
		err_clear(&e);
		if (session_state_file_ok(hist, &e) == 0)
			write_history(hist);
		else
			fprintf(stderr, "scalex: %s; history not written\n", e.msg);
		free(hist);
	}
	complete_free(&repl.cands);
	lex_pending_clear(&repl.pending);
	if (sig_terminate)
		fputs("scalex: terminated; saving the session\n", stderr);
	if (saved == -1)
		saved = signals_autosave(ws) == 0 ? 0 : 1;
	return saved;
}
