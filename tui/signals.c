/* signals.c: signal flags, and the autosave that quitting writes. */
#include "config.h"

#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "base/err.h"
#include "base/xalloc.h"
#include "sessions/session.h"
#include "sessions/workspace.h"
#include "tui/signals.h"

volatile sig_atomic_t sig_interrupted;
volatile sig_atomic_t sig_terminate;
static volatile sig_atomic_t signals_batch;

/* Every signal stops the command running (its long loops poll
 * sig_interrupted); SIGTERM and SIGHUP, and in batch mode SIGINT, also
 * end the run (sig_terminate: the signal's number). */
static void
signals_handler(int sig)
{
	sig_interrupted = 1;
	if (sig != SIGINT || signals_batch)
		sig_terminate = sig;
}

void
signals_batch_mode(int on)
{
	signals_batch = on;
}

int
signals_status(int rc)
{
	return sig_terminate != 0 ? 128 + sig_terminate : rc;
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

/*
 * Each instance autosaves to a file of its own, autosave-DATE-TIME-PID.sx,
 * so that two quitting at once both keep their work; the newest
 * AUTOSAVE_KEEP stay, older ones are removed after each autosave.
 */
#define AUTOSAVE_KEEP 5

typedef struct autosave {
	char *path;
	struct timespec mtime;
} autosave;

/* autosave*.sx: this scheme's names and the single autosave.sx of old
 * (a temporary file of a save in progress ends in .tmpXXXXXX). */
static int
autosave_name(const char *name)
{
	size_t n = strlen(name);

	return strncmp(name, "autosave", 8) == 0 && n >= 11 &&
	    strcmp(name + n - 3, ".sx") == 0;
}

static int
autosave_newer(const void *pa, const void *pb)
{
	const autosave *a = pa, *b = pb;

	if (a->mtime.tv_sec != b->mtime.tv_sec)
		return a->mtime.tv_sec < b->mtime.tv_sec ? 1 : -1;
	if (a->mtime.tv_nsec != b->mtime.tv_nsec)
		return a->mtime.tv_nsec < b->mtime.tv_nsec ? 1 : -1;
	return -strcmp(a->path, b->path);
}

/* The autosaves in dir, newest first. */
static autosave *
autosave_list(const char *dir, size_t *n)
{
	DIR *d = opendir(dir);
	struct dirent *de;
	autosave *a = NULL;

	*n = 0;
	if (d == NULL)
		return NULL;
	while ((de = readdir(d)) != NULL) {
		char *path;
		struct stat st;

		if (!autosave_name(de->d_name))
			continue;
		path = xasprintf("%s/%s", dir, de->d_name);
		if (stat(path, &st) != 0 || !S_ISREG(st.st_mode)) {
			free(path);
			continue;
		}
		a = xreallocarray(a, *n + 1, sizeof *a);
		a[*n].path = path;
		a[*n].mtime = st.st_mtim;
		(*n)++;
	}
	closedir(d);
	if (*n > 1)
		qsort(a, *n, sizeof *a, autosave_newer);
	return a;
}

static void
autosave_list_free(autosave *a, size_t n)
{
	for (size_t i = 0; i < n; i++)
		free(a[i].path);
	free(a);
}

int
signals_autosave(const sx_workspace *ws)
{
	char *dir, *path, stamp[32];
	time_t now = time(NULL);
	struct tm tm;
	autosave *old;
	size_t n;
	sx_err e;

	if (ws->nlog == 0)
		return 0;
	err_clear(&e);
	dir = session_state_dir_err(&e);
	if (dir == NULL) {
		fprintf(stderr, "scalex: cannot autosave: %s\n", e.msg);
		return -1;
	}
	localtime_r(&now, &tm);
	strftime(stamp, sizeof stamp, "%Y%m%d-%H%M%S", &tm);
	path = xasprintf("%s/autosave-%s-%ld.sx", dir, stamp, (long)getpid());
	err_clear(&e);
	if (session_save(ws, path, 1, &e) != 0) {
		fprintf(stderr, "scalex: cannot autosave to %s: %s\n", path, e.msg);
		free(path);
		free(dir);
		return -1;
	}
	old = autosave_list(dir, &n);
	for (size_t i = AUTOSAVE_KEEP; i < n; i++)
		if (strcmp(old[i].path, path) != 0)
			unlink(old[i].path);
	autosave_list_free(old, n);
	free(path);
	free(dir);
	return 0;
}

void
signals_mention_autosave(void)
{
	char *dir = session_state_dir();
	autosave *a;
	size_t n;

	if (dir == NULL)
		return;
	a = autosave_list(dir, &n);
	free(dir);
	for (size_t i = 0; i < n; i++) {
		char when[64];
		struct tm tm;

		localtime_r(&a[i].mtime.tv_sec, &tm);
		strftime(when, sizeof when, "%Y-%m-%d %H:%M", &tm);
		if (n == 1)
			fprintf(stderr, "scalex: the last session was autosaved (%s) "
			    "to %s\n", when, a[i].path);
		else {
			if (i == 0)
				fprintf(stderr, "scalex: the last %zu sessions were "
				    "autosaved, newest first:\n", n);
			fprintf(stderr, "        (%s) %s\n", when, a[i].path);
		}
	}
	if (n > 0)
		fprintf(stderr, "        replay %s with: replay %s\n", n == 1 ? "it" :
		    "the newest", a[0].path);
	autosave_list_free(a, n);
}
