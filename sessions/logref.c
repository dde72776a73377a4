/* logref.c: log entries that refer to a data file; see logref.h. */
#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "base/fasthash.h"
#include "base/sha256.h"
#include "base/xalloc.h"
#include "sessions/lex.h"
#include "sessions/logref.h"
#include "sessions/session.h"

sx_logref *
logref_new(const char *name, const char *path, size_t size, uint64_t hash)
{
	sx_logref *r = xcalloc(1, sizeof *r);
	char cwd[PATH_MAX];

	r->name = xstrdup(name);
	r->from = xstrdup(path);
	/* Absolute, so the file is found again whatever the directory then. */
	if (path[0] != '/' && getcwd(cwd, sizeof cwd) != NULL)
		r->abs = xasprintf("%s/%s", cwd, path);
	else
		r->abs = xstrdup(path);
	r->size = size;
	r->hash = hash;
	return r;
}

void
logref_free(sx_logref *r)
{
	if (r == NULL)
		return;
	free(r->name);
	free(r->from);
	free(r->abs);
	free(r);
}

char *
logref_load_cmd(const char *name, const char *from, const char *hex)
{
	char *qn = lex_quote(name), *qf = lex_quote(from), *cmd;

	cmd = xasprintf("load - as %s --from %s --sha256 %s", qn, qf, hex);
	free(qn);
	free(qf);
	return cmd;
}

static int
logref_changed(const sx_logref *r, sx_err *err, const char *how)
{
	return err_set(err, "data file '%s' (loaded as '%s') %s since it was "
	    "loaded, so its data cannot be saved; nothing was written (load it "
	    "again, or drop '%s')", r->from, r->name, how, r->name);
}

/*
 * Read, not mapped: a file another process truncates under a mapping
 * raises SIGBUS, and a copy also keeps the checked bytes from changing
 * while they are written out.
 */
int
logref_read(const sx_logref *r, char **data, size_t *len, sx_err *err)
{
	struct stat st;
	size_t n = 0;
	char *buf;
	int fd = open(r->abs, O_RDONLY);

	*data = NULL;
	if (fd < 0)
		return err_set(err, "cannot read data file '%s' (loaded as '%s') "
		    "to save it: %s; nothing was written", r->from, r->name,
		    strerror(errno));
	if (fstat(fd, &st) != 0 || !S_ISREG(st.st_mode) ||
	    (uintmax_t)st.st_size != (uintmax_t)r->size) {
		close(fd);
		return logref_changed(r, err, "changed size");
	}
	buf = xmalloc(r->size > 0 ? r->size : 1);
	while (n < r->size) {
		ssize_t got = read(fd, buf + n, r->size - n);

		if (got < 0 && errno == EINTR)
			continue;
		if (got <= 0) {
			int e = got < 0 ? errno : 0;

			close(fd);
			free(buf);
			if (e == 0)
				return logref_changed(r, err, "changed size");
			return err_set(err, "cannot read data file '%s' (loaded "
			    "as '%s') to save it: %s; nothing was written",
			    r->from, r->name, strerror(e));
		}
		n += (size_t)got;
	}
	close(fd);
	if (fasthash64(buf, n) != r->hash) {
		free(buf);
		return logref_changed(r, err, "was changed");
	}
	*data = buf;
	*len = n;
	return 0;
}

char *
logref_text(const sx_logref *r, sx_err *err)
{
	char hex[65], *cmd, *s, *data;
	size_t len;

	if (logref_read(r, &data, &len, err) != 0)
		return NULL;
	sha256_hex(data, len, hex);
	cmd = logref_load_cmd(r->name, r->from, hex);
	s = lex_with_heredoc(cmd, data, len);
	free(cmd);
	free(data);
	return s;
}

int
logref_write(int fd, const sx_logref *r, const char *data, size_t len)
{
	char hex[65], tag[32], *cmd, *head;
	int rc;

	sha256_hex(data, len, hex);
	lex_heredoc_tag(data, len, tag);
	cmd = logref_load_cmd(r->name, r->from, hex);
	head = xasprintf("%s <<%s\n", cmd, tag);
	free(cmd);
	rc = session_write_all(fd, head, strlen(head));
	free(head);
	if (rc == 0)
		rc = session_write_all(fd, data, len);
	if (rc == 0 && (len == 0 || data[len - 1] != '\n'))
		rc = session_write_all(fd, "\n", 1);
	if (rc == 0)
		rc = session_write_all(fd, tag, strlen(tag));
	return rc;
}
