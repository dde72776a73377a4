/* session.c: saving the workspace log as a replayable script. */
#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "base/xalloc.h"
#include "sessions/logref.h"
#include "sessions/session.h"

static const char session_magic[] = "# scalex session, format ";

int
session_write_all(int fd, const char *buf, size_t len)
{
	while (len > 0) {
		ssize_t w = write(fd, buf, len);

		if (w < 0) {
			if (errno == EINTR)
				continue;
			return -1;
		}
		buf += w;
		len -= (size_t)w;
	}
	return 0;
}

/* The directory part of path ("." when none). */
static char *
dir_of(const char *path)
{
	const char *slash = strrchr(path, '/');

	if (slash == NULL)
		return xstrdup(".");
	if (slash == path)
		return xstrdup("/");
	return xstrndup(path, (size_t)(slash - path));
}

/* Whether st is a file this workspace wrote or was replayed from. */
static int
session_owned(const sx_workspace *ws, const struct stat *st)
{
	for (size_t i = 0; i < ws->nown; i++)
		if (ws->own[i].dev == st->st_dev && ws->own[i].ino == st->st_ino)
			return 1;
	return 0;
}

int
session_may_replace(const sx_workspace *ws, const char *path, sx_err *err)
{
	struct stat st;

	/* Absent, or not to be looked at: the write says why it fails. */
	if (stat(path, &st) != 0 || session_owned(ws, &st))
		return 0;
	return err_at(err, path, 0, 0, "exists and was not written by this "
	    "session; nothing was written (add --force to replace it)");
}

void
session_own(sx_workspace *ws, const char *path)
{
	struct stat st;

	if (stat(path, &st) != 0 || session_owned(ws, &st))
		return;
	ws->own = xreallocarray(ws->own, ws->nown + 1, sizeof *ws->own);
	ws->own[ws->nown].dev = st.st_dev;
	ws->own[ws->nown].ino = st.st_ino;
	ws->nown++;
}

int
session_write_file(const char *path, int (*fill)(int fd, void *arg),
    void *arg, sx_err *err)
{
	char *dir = dir_of(path), *tmp = xasprintf("%s.tmpXXXXXX", path);
	int fd = mkstemp(tmp), dfd;

	if (fd < 0) {
		err_at(err, path, 0, 0, "cannot create a file in %s: %s", dir,
		    strerror(errno));
		goto fail_nofd;
	}
	if (fill(fd, arg) != 0 || fsync(fd) != 0)
		goto fail_io;
	if (close(fd) != 0) {
		fd = -1;
		goto fail_io;
	}
	fd = -1;
	if (rename(tmp, path) != 0)
		goto fail_io;
	dfd = open(dir, O_RDONLY);
	if (dfd >= 0) {
		fsync(dfd);
		close(dfd);
	}
	free(dir);
	free(tmp);
	return 0;

fail_io:
	err_at(err, path, 0, 0, "cannot write: %s", strerror(errno));
	if (fd >= 0)
		close(fd);
	unlink(tmp);
fail_nofd:
	free(dir);
	free(tmp);
	return -1;
}

/* What session_fill writes: the workspace's log, with the data files of
 * its loads mapped and checked beforehand (NULL for other entries). */
struct session_fillarg {
	const sx_workspace *ws;
	const char **data;
	size_t *len;
	int changed;        /* a data file changed during the write */
};

/* The session text: header, then the log, a line per command. */
static int
session_fill(int fd, void *arg)
{
	struct session_fillarg *fa = arg;
	const sx_workspace *ws = fa->ws;
	const char *delay = getenv("SX_TEST_SAVE_DELAY_MS");
	char *header = xasprintf("%s%d\n# written by scalex %s; replay with: "
	    "scalex --replay FILE\n", session_magic, SX_SESSION_FORMAT,
	    PACKAGE_VERSION);
	int rc = session_write_all(fd, header, strlen(header));

	free(header);
	for (size_t i = 0; rc == 0 && i < ws->nlog; i++) {
		if (ws->logref[i] != NULL)
			rc = logref_write(fd, ws->logref[i], fa->data[i], fa->len[i],
			    &fa->changed);
		else
			rc = session_write_all(fd, ws->log[i], strlen(ws->log[i]));
		if (rc == 0)
			rc = session_write_all(fd, "\n", 1);
		/* Tests widen the crash window to show the old file survives. */
		if (delay != NULL) {
			long ms = atol(delay);
			struct timespec ts = { ms / 1000, (ms % 1000) * 1000000L };

			nanosleep(&ts, NULL);
		}
	}
	return rc;
}

int
session_save(const sx_workspace *ws, const char *path, int force, sx_err *err)
{
	struct session_fillarg fa = { ws, NULL, NULL, 0 };
	size_t i, n = ws->nlog;
	int rc = -1;

	if (!force && session_may_replace(ws, path, err) != 0)
		return -1;
	/* Data files are read back, and checked, before anything is written. */
	fa.data = xcalloc(n > 0 ? n : 1, sizeof *fa.data);
	fa.len = xcalloc(n > 0 ? n : 1, sizeof *fa.len);
	for (i = 0; i < n; i++)
		if (ws->logref[i] != NULL &&
		    logref_map(ws->logref[i], &fa.data[i], &fa.len[i], err) != 0)
			break;
	/* The fill only reads the workspace. */
	if (i == n) {
		rc = session_write_file(path, session_fill, &fa, err);
		if (rc != 0 && fa.changed)
			err_set(err, "a data file changed while the session was "
			    "written; nothing was written");
	}
	while (i-- > 0)
		if (ws->logref[i] != NULL)
			logref_unmap(fa.data[i], fa.len[i]);
	free(fa.data);
	free(fa.len);
	return rc;
}

int
session_has_header(const char *text, size_t len)
{
	return len >= sizeof session_magic - 1 &&
	    memcmp(text, session_magic, sizeof session_magic - 1) == 0;
}

int
session_check(const char *text, size_t len, const char *where, sx_err *err)
{
	size_t ml = sizeof session_magic - 1, i;
	long fmt = 0;

	if (!session_has_header(text, len))
		return err_at(err, where, 1, 1, "not a scalex session (the first "
		    "line should be '%sN'); run plain scripts with 'source'",
		    session_magic);
	/* The digits, within len: text need not be NUL-terminated. */
	for (i = ml; i < len && text[i] >= '0' && text[i] <= '9'; i++)
		if (fmt < 100000000)
			fmt = fmt * 10 + (text[i] - '0');
	if (i == ml || i == len || (text[i] != '\n' && text[i] != '\r') ||
	    fmt < 1)
		return err_at(err, where, 1, (int)ml + 1, "bad session format "
		    "number");
	if (fmt > SX_SESSION_FORMAT)
		return err_at(err, where, 1, (int)ml + 1, "session format %ld is "
		    "newer than this scalex reads (%d): upgrade scalex", fmt,
		    SX_SESSION_FORMAT);
	return (int)fmt;
}

char *
session_state_dir(void)
{
	const char *xdg = getenv("XDG_STATE_HOME"), *home = getenv("HOME");
	char *dir;

	if (xdg != NULL && xdg[0] == '/')
		dir = xasprintf("%s/scalex", xdg);
	else if (home != NULL && home[0] != '\0')
		dir = xasprintf("%s/.local/state/scalex", home);
	else
		return NULL;
	/* mkdir -p, one component at a time. */
	for (char *p = dir + 1; ; p++) {
		if (*p == '/' || *p == '\0') {
			char c = *p;

			*p = '\0';
			if (mkdir(dir, 0700) != 0 && errno != EEXIST) {
				free(dir);
				return NULL;
			}
			*p = c;
			if (c == '\0')
				break;
		}
	}
	return dir;
}
