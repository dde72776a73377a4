/* session.c: saving the workspace log as a replayable script. */
#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <dirent.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "base/xalloc.h"
#include "sessions/logref.h"
#include "sessions/session.h"
#include "sessions/trust.h"

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

/*
 * Whether a write to path may go ahead, as to symbolic links: none owned
 * by someone other than the user (or root) on the way, and none as the
 * file itself when a replayed or sourced script writes. 0 or -1 (err).
 */
static int
session_path_ok(const char *path, sx_err *err)
{
	char *p = xstrdup(path);
	struct stat st;
	int rc = 0;

	for (char *s = p + 1; rc == 0; s++) {
		char c = *s;

		if (c != '/' && c != '\0')
			continue;
		*s = '\0';
		if (lstat(p, &st) == 0 && S_ISLNK(st.st_mode)) {
			if (st.st_uid != geteuid() && st.st_uid != 0)
				rc = err_at(err, path, 0, 0, "'%s' is a symbolic link "
				    "owned by another user (uid %ld); nothing was "
				    "written through it", p, (long)st.st_uid);
			else if (c == '\0' && trust_nested())
				rc = err_at(err, path, 0, 0, "is a symbolic link; a "
				    "replayed or sourced file does not write through "
				    "one (name the file it points to); nothing was "
				    "written");
		}
		*s = c;
		if (c == '\0')
			break;
	}
	free(p);
	return rc;
}

/* Whether name is base + ".tmp" + the six characters mkstemp puts. */
static int
session_tmp_name(const char *name, const char *base)
{
	size_t lb = strlen(base);

	if (strncmp(name, base, lb) != 0 || strncmp(name + lb, ".tmp", 4) != 0 ||
	    strlen(name + lb + 4) != 6)
		return 0;
	for (const char *c = name + lb + 4; *c != '\0'; c++)
		if (!(*c >= 'a' && *c <= 'z') && !(*c >= 'A' && *c <= 'Z') &&
		    !(*c >= '0' && *c <= '9'))
			return 0;
	return 1;
}

/*
 * Remove the temporaries of earlier writes of path that died before their
 * rename (kill -9, a crash): PATH.tmpXXXXXX, regular files of the user's,
 * untouched for SESSION_TMP_STALE seconds and not locked, since a writer
 * holds a lock on its temporary (flock) while writing it: one still being
 * written, by this or another instance, is never removed.
 */
#define SESSION_TMP_STALE 10
static void
session_clean_tmps(const char *dir, const char *path)
{
	const char *base = strrchr(path, '/');
	DIR *d = opendir(dir);
	struct dirent *de;
	time_t now = time(NULL);

	base = base != NULL ? base + 1 : path;
	if (d == NULL)
		return;
	while ((de = readdir(d)) != NULL) {
		char *p;
		struct stat st;
		int fd;

		if (!session_tmp_name(de->d_name, base))
			continue;
		p = xasprintf("%s/%s", dir, de->d_name);
		fd = open(p, O_RDONLY | O_NOFOLLOW | O_NONBLOCK);
		if (fd >= 0 && fstat(fd, &st) == 0 && S_ISREG(st.st_mode) &&
		    st.st_uid == geteuid() && now - st.st_mtime >=
		    SESSION_TMP_STALE && flock(fd, LOCK_EX | LOCK_NB) == 0)
			unlink(p);
		if (fd >= 0)
			close(fd);
		free(p);
	}
	closedir(d);
}

int
session_write_file(const char *path, int (*fill)(int fd, void *arg),
    void *arg, sx_err *err)
{
	char *dir, *tmp;
	int fd, dfd;
	struct stat st;
	mode_t mask;

	if (session_path_ok(path, err) != 0)
		return -1;
	dir = dir_of(path);
	tmp = xasprintf("%s.tmpXXXXXX", path);
	fd = mkstemp(tmp);
	if (fd < 0) {
		err_at(err, path, 0, 0, "cannot create a file in %s: %s", dir,
		    strerror(errno));
		goto fail_nofd;
	}
	/* Locked while it is written (the lock goes with the close, just
	 * before the rename; the file is fresh then): session_clean_tmps
	 * leaves it alone. */
	flock(fd, LOCK_EX);
	/* The replaced file's modes, else those of a new file (0666 less the
	 * umask), not mkstemp's 0600. */
	if (stat(path, &st) == 0 && S_ISREG(st.st_mode))
		fchmod(fd, st.st_mode & 07777);
	else {
		mask = umask(0);
		umask(mask);
		fchmod(fd, 0666 & ~mask);
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
	session_clean_tmps(dir, path);
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
 * its loads read and checked beforehand (NULL for other entries). */
struct session_fillarg {
	const sx_workspace *ws;
	char **data;
	size_t *len;
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
			rc = logref_write(fd, ws->logref[i], fa->data[i], fa->len[i]);
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
	struct session_fillarg fa = { ws, NULL, NULL };
	size_t i, n = ws->nlog;
	int rc = -1;

	if (!force && session_may_replace(ws, path, err) != 0)
		return -1;
	/* Data files are read back, and checked, before anything is written. */
	fa.data = xcalloc(n > 0 ? n : 1, sizeof *fa.data);
	fa.len = xcalloc(n > 0 ? n : 1, sizeof *fa.len);
	for (i = 0; i < n; i++)
		if (ws->logref[i] != NULL &&
		    logref_read(ws->logref[i], &fa.data[i], &fa.len[i], err) != 0)
			break;
	/* The fill only reads the workspace. */
	if (i == n)
		rc = session_write_file(path, session_fill, &fa, err);
	while (i-- > 0)
		free(fa.data[i]);
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
session_state_dir_err(sx_err *err)
{
	const char *xdg = getenv("XDG_STATE_HOME"), *home = getenv("HOME");
	struct stat st;
	char *dir;

	if (xdg != NULL && xdg[0] == '/')
		dir = xasprintf("%s/scalex", xdg);
	else if (home != NULL && home[0] != '\0')
		dir = xasprintf("%s/.local/state/scalex", home);
	else {
		err_set(err, "no state directory ($XDG_STATE_HOME and $HOME are "
		    "unset)");
		return NULL;
	}
	/* mkdir -p, one component at a time. */
	for (char *p = dir + 1; ; p++) {
		if (*p == '/' || *p == '\0') {
			char c = *p;

			*p = '\0';
			int merr = mkdir(dir, 0700) != 0 ? errno : 0;

			if (merr != 0 && merr != EEXIST &&
			    (lstat(dir, &st) != 0 || !S_ISDIR(st.st_mode))) {
				err_set(err, "cannot make the state directory %s: %s",
				    dir, merr == EROFS ? "it is on a read-only file "
				    "system" : strerror(merr));
				free(dir);
				return NULL;
			}
			*p = c;
			if (c == '\0')
				break;
		}
	}
	/* Only a directory of the user's that no one else can write: what is
	 * in it (history, autosaves offered for replay) is trusted. */
	if (lstat(dir, &st) != 0)
		err_set(err, "state directory %s: %s", dir, strerror(errno));
	else if (S_ISLNK(st.st_mode))
		err_set(err, "state directory %s is a symbolic link: not used "
		    "(make it a directory of your own)", dir);
	else if (!S_ISDIR(st.st_mode))
		err_set(err, "state directory %s is not a directory: not used",
		    dir);
	else if (st.st_uid != geteuid())
		err_set(err, "state directory %s is owned by another user (uid "
		    "%ld): not used", dir, (long)st.st_uid);
	else if ((st.st_mode & 022) != 0)
		err_set(err, "state directory %s is writable by others: not used "
		    "(chmod go-w %s)", dir, dir);
	else
		return dir;
	free(dir);
	return NULL;
}

char *
session_state_dir(void)
{
	sx_err e;

	err_clear(&e);
	return session_state_dir_err(&e);
}

int
session_state_file_ok(const char *path, sx_err *err)
{
	struct stat st;

	if (lstat(path, &st) != 0)
		return errno == ENOENT ? 0 : err_set(err, "%s: %s", path,
		    strerror(errno));
	if (S_ISLNK(st.st_mode))
		return err_set(err, "%s is a symbolic link: not followed", path);
	if (!S_ISREG(st.st_mode) || st.st_uid != geteuid())
		return err_set(err, "%s is not a file of yours: not used", path);
	return 0;
}
