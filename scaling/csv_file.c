/* csv_file.c: reading a data file whole (mapped, or read from a pipe)
 * within the size limit, for csv_parse. */
#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "base/err.h"
#include "base/fasthash.h"
#include "base/xalloc.h"
#include "scaling/csv.h"
#include "scaling/csv_impl.h"
#include "scaling/dataset.h"

/* The dataset name for a path: its base name without the extension. */
static char *
csv_name_from_path(const char *path)
{
	const char *base = strrchr(path, '/'), *dot;

	base = base != NULL ? base + 1 : path;
	dot = strrchr(base, '.');
	if (dot == NULL || dot == base)
		return xstrdup(base);
	return xstrndup(base, (size_t)(dot - base));
}

/*
 * Read fd to its end into *buf, starting with room for `hint` bytes (a
 * regular file's size, read in one pass) and growing geometrically up to
 * the size limit (a pipe, a device). Returns 0 or -1 (err filled).
 */
static int
csv_read_fd_hint(int fd, const char *path, size_t hint, char **buf,
    size_t *len, sx_err *err)
{
	/* One byte past a regular file's size: its end is seen in place. */
	size_t cap = hint > 0 ? hint + 1 : 65536, n = 0;
	ssize_t got;

	*buf = xmalloc(cap);
	for (;;) {
		if (n == cap) {
			if (cap > CSV_MAX_BYTES) {
				err_set(err, "'%s' is larger than the 1 GiB limit for "
				    "data files", path);
				return -1;
			}
			cap = cap > CSV_MAX_BYTES / 2 ? CSV_MAX_BYTES + 1 : cap * 2;
			*buf = xreallocarray(*buf, cap, 1);
		}
		got = read(fd, *buf + n, cap - n);
		if (got < 0 && errno == EINTR)
			continue;
		if (got < 0) {
			err_set(err, "cannot read '%s': %s", path, strerror(errno));
			return -1;
		}
		if (got == 0)
			break;
		n += (size_t)got;
	}
	*len = n;
	return 0;
}

/*
 * Read the file at `path` and parse it as csv_parse does, labelling errors
 * with the path; the dataset's source is `path`, its name `name` or, when
 * that is NULL, the file's base name without extension. Returns NULL when
 * the file cannot be opened or read (the message names the path and the
 * system's reason), is larger than 1 GiB, or does not parse.
 *
 * A regular file is read, not mapped: truncated by another process under
 * a mapping it would raise SIGBUS mid-parse, where read just returns less
 * and the size check after the parse fails the load.
 */
static void
csv_stamp_set(const struct stat *s, csv_stamp *st)
{
	st->size = (long long)s->st_size;
	st->sec = (long long)s->st_mtim.tv_sec;
	st->nsec = (long long)s->st_mtim.tv_nsec;
	st->ino = (unsigned long long)s->st_ino;
	st->dev = (unsigned long long)s->st_dev;
	st->regular = S_ISREG(s->st_mode) != 0;
}

int
csv_stamp_of(const char *path, csv_stamp *st)
{
	struct stat s;

	memset(st, 0, sizeof *st);
	if (stat(path, &s) != 0)
		return -1;
	csv_stamp_set(&s, st);
	return 0;
}

int
csv_same(const char *path, const csv_stamp *st, sx_err *err)
{
	csv_stamp now;

	if (!st->regular)
		return 0;
	if (csv_stamp_of(path, &now) != 0 || now.size != st->size ||
	    now.sec != st->sec || now.nsec != st->nsec || now.ino != st->ino ||
	    now.dev != st->dev)
		return err_set(err, "'%s' changed while it was being loaded (%lld "
		    "bytes at the start, %lld at the end): nothing was loaded; "
		    "load it again once it is complete", path, st->size,
		    now.size);
	return 0;
}

int
csv_read_text(const char *path, char **text, size_t *len, sx_err *err)
{
	struct stat st;
	csv_stamp stamp;
	int fd = open(path, O_RDONLY), rc;

	if (fd < 0)
		return err_set(err, "cannot open '%s': %s", path, strerror(errno));
	if (fstat(fd, &st) == 0 && S_ISREG(st.st_mode) &&
	    (uintmax_t)st.st_size > CSV_MAX_BYTES) {
		close(fd);
		return err_set(err, "'%s' is larger than the 1 GiB limit for data "
		    "files (%jd bytes)", path, (intmax_t)st.st_size);
	}
	memset(&stamp, 0, sizeof stamp);
	if (fstat(fd, &st) == 0)
		csv_stamp_set(&st, &stamp);
	rc = csv_read_fd_text(fd, path, text, len, err);
	/* A file cut or still being written while it was read. */
	if (rc == 0 && stamp.regular && (*len != (size_t)stamp.size ||
	    csv_same(path, &stamp, err) != 0)) {
		if (*len != (size_t)stamp.size)
			err_set(err, "'%s' changed while it was being loaded (%lld "
			    "bytes at the start, %zu read): nothing was loaded; "
			    "load it again once it is complete", path, stamp.size,
			    *len);
		free(*text);
		*text = NULL;
		rc = -1;
	}
	close(fd);
	return rc;
}

int
csv_read_fd_text(int fd, const char *label, char **text, size_t *len,
    sx_err *err)
{
	char *buf = NULL;

	*len = 0;
	if (csv_read_fd_hint(fd, label, 0, &buf, len, err) != 0) {
		free(buf);
		return -1;
	}
	buf = xreallocarray(buf, *len + 1, 1);
	buf[*len] = '\0';
	*text = buf;
	return 0;
}

sx_dataset *
csv_read_file(const char *path, const char *name, sx_err *err)
{
	return csv_read_file_src(path, name, NULL, err);
}

/* Fill *src for the bytes a load parsed; the text of a file that was not
 * read from a regular file of that size (a pipe; /proc files have size
 * 0) is handed over (*buf then NULL). */
static void
csv_note_source(csv_source *src, int regular, const char *bytes, size_t len,
    char **buf)
{
	memset(src, 0, sizeof *src);
	src->regular = regular;
	src->size = len;
	if (regular) {
		src->hash = fasthash64(bytes, len);
		return;
	}
	src->text = *buf != NULL ? xreallocarray(*buf, len + 1, 1) : xmalloc(1);
	src->text[len] = '\0';
	src->len = len;
	*buf = NULL;
}

sx_dataset *
csv_read_file_src(const char *path, const char *name, csv_source *src,
    sx_err *err)
{
	return csv_read_file_progress(path, name, src, NULL, NULL, err);
}

sx_dataset *
csv_read_file_progress(const char *path, const char *name, csv_source *src,
    int (*progress)(void *, size_t, size_t), void *pctx, sx_err *err)
{
	int regular = 0;

	struct stat st;
	csv_stamp stamp;
	char *buf = NULL, *dname = NULL;
	size_t len = 0;
	sx_dataset *ds = NULL;
	int fd;

	fd = open(path, O_RDONLY);
	if (fd < 0) {
		err_set(err, "cannot open '%s': %s", path, strerror(errno));
		return NULL;
	}
	if (fstat(fd, &st) != 0)
		st.st_mode = 0;
	if (S_ISREG(st.st_mode)) {
		regular = 1;
		if ((uintmax_t)st.st_size > CSV_MAX_BYTES) {
			err_set(err, "'%s' is larger than the 1 GiB limit for data "
			    "files (%jd bytes)", path, (intmax_t)st.st_size);
			close(fd);
			return NULL;
		}
	}
	if (csv_read_fd_hint(fd, path, regular ? (size_t)st.st_size : 0, &buf,
	    &len, err) != 0)
		goto out;
	if (name == NULL)
		name = dname = csv_name_from_path(path);
	ds = csv_parse_progress(buf, len, path, name, progress, pctx, err);
	/* A file cut or rewritten meanwhile is reported as that, even when
	 * the part read did not parse (a row cut in the middle). */
	if (regular && (csv_stamp_set(&st, &stamp),
	    csv_same(path, &stamp, err) != 0)) {
		dataset_free(ds);
		ds = NULL;
	}
	if (ds != NULL)
		ds->source = xstrdup(path);
	if (ds != NULL && src != NULL)
		csv_note_source(src, regular && len == (size_t)st.st_size, buf,
		    len, &buf);
out:
	close(fd);
	free(buf);
	free(dname);
	return ds;
}
