/* signals.c: signal flags, and the autosave that quitting writes. */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>

#include "core/err.h"
#include "core/xalloc.h"
#include "sessions/session.h"
#include "sessions/workspace.h"
#include "tui/signals.h"

volatile sig_atomic_t sig_interrupted;
volatile sig_atomic_t sig_terminate;

static void
signals_handler(int sig)
{
	if (sig == SIGINT)
		sig_interrupted = 1;
	else
		sig_terminate = 1;
}

void
signals_install(void)
{
	struct sigaction sa;

	memset(&sa, 0, sizeof sa);
	sa.sa_handler = signals_handler;
	sigemptyset(&sa.sa_mask);
	sigaction(SIGINT, &sa, NULL);
	sigaction(SIGTERM, &sa, NULL);
	sigaction(SIGHUP, &sa, NULL);
}

int
signals_autosave(const sx_workspace *ws)
{
	char *dir, *path;
	sx_err e;

	if (ws->nlog == 0)
		return 0;
	dir = session_state_dir();
	if (dir == NULL) {
		fputs("scalex: cannot autosave: no state directory "
		    "($XDG_STATE_HOME or $HOME)\n", stderr);
		return -1;
	}
	path = xasprintf("%s/autosave.sx", dir);
	free(dir);
	err_clear(&e);
	if (session_save(ws, path, 1, &e) != 0) {
		fprintf(stderr, "scalex: cannot autosave to %s: %s\n", path, e.msg);
		free(path);
		return -1;
	}
	free(path);
	return 0;
}

void
signals_mention_autosave(void)
{
	char *dir = session_state_dir(), *path;
	struct stat st;

	if (dir == NULL)
		return;
	path = xasprintf("%s/autosave.sx", dir);
	free(dir);
	if (stat(path, &st) == 0) {
		char when[64];
		struct tm tm;

		localtime_r(&st.st_mtime, &tm);
		strftime(when, sizeof when, "%Y-%m-%d %H:%M", &tm);
		fprintf(stderr, "scalex: the last session was autosaved (%s) to %s\n"
		    "        replay it with: replay %s\n", when, path, path);
	}
	free(path);
}
