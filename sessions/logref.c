/* logref.c: log entries that refer to a data file; see logref.h. */
#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
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

int
logref_map(const sx_logref *r, const char **data, size_t *len, sx_err *err)
{
	struct stat st;
	void *map = MAP_FAILED;
	int fd = open(r->abs, O_RDONLY);

	if (fd < 0)
		return err_set(err, "cannot read data file '%s' (loaded as '%s') "
		    "to save it: %s; nothing was written", r->from, r->name,
		    strerror(errno));
	if (fstat(fd, &st) != 0 || !S_ISREG(st.st_mode) ||
	    (uintmax_t)st.st_size != (uintmax_t)r->size) {
		close(fd);
		return logref_changed(r, err, "changed size");
	}
	if (r->size > 0)
		map = mmap(NULL, r->size, PROT_READ, MAP_PRIVATE, fd, 0);
	close(fd);
	if (r->size > 0 && map == MAP_FAILED)
		return err_set(err, "cannot read data file '%s' (loaded as '%s') "
		    "to save it: %s; nothing was written", r->from, r->name,
		    strerror(errno));
	*data = r->size > 0 ? map : "";
	*len = r->size;
	if (fasthash64(*data, *len) != r->hash) {
		logref_unmap(*data, *len);
		return logref_changed(r, err, "was changed");
	}
	return 0;
}

void
logref_unmap(const char *data, size_t len)
{
	if (len > 0)
		munmap((void *)data, len);
}

char *
logref_text(const sx_logref *r, sx_err *err)
{
	const char *data;
	char hex[65], *cmd, *s;
	size_t len;

	if (logref_map(r, &data, &len, err) != 0)
		return NULL;
	sha256_hex(data, len, hex);
	cmd = logref_load_cmd(r->name, r->from, hex);
	s = lex_with_heredoc(cmd, data, len);
	free(cmd);
	logref_unmap(data, len);
	return s;
}

int
logref_write(int fd, const sx_logref *r, const char *data, size_t len,
    int *changed)
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
	if (rc == 0 && fasthash64(data, len) != r->hash) {
		*changed = 1;
		rc = -1;
	}
	return rc;
}
