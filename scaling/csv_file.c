/* csv_file.c: reading a data file whole (mapped, or read from a pipe)
 * within the size limit, for csv_parse. */
#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
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
 * Read a file that cannot be mapped (a pipe, a device) into *buf, growing
 * it geometrically up to the size limit. Returns 0 or -1 (err filled).
 */
static int
csv_read_fd(int fd, const char *path, char **buf, size_t *len, sx_err *err)
{
	size_t cap = 65536, n = 0;
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
 * A regular file is mapped rather than read: copying 50 MB into fresh
 * memory cost as much as parsing it. (A file truncated by another process
 * during the parse could then raise SIGBUS, as for git or ripgrep.)
 */
int
csv_read_text(const char *path, char **text, size_t *len, sx_err *err)
{
	struct stat st;
	int fd = open(path, O_RDONLY), rc;

	if (fd < 0)
		return err_set(err, "cannot open '%s': %s", path, strerror(errno));
	if (fstat(fd, &st) == 0 && S_ISREG(st.st_mode) &&
	    (uintmax_t)st.st_size > CSV_MAX_BYTES) {
		close(fd);
		return err_set(err, "'%s' is larger than the 1 GiB limit for data "
		    "files (%jd bytes)", path, (intmax_t)st.st_size);
	}
	rc = csv_read_fd_text(fd, path, text, len, err);
	close(fd);
	return rc;
}

int
csv_read_fd_text(int fd, const char *label, char **text, size_t *len,
    sx_err *err)
{
	char *buf = NULL;

	*len = 0;
	if (csv_read_fd(fd, label, &buf, len, err) != 0) {
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
 * mapped from a regular file of that size (a pipe; /proc files have size
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
	int regular = 0;

	struct stat st;
	char *buf = NULL, *dname = NULL;
	void *map = MAP_FAILED;
	size_t len = 0;
	sx_dataset *ds = NULL;
	int fd;

	fd = open(path, O_RDONLY);
	if (fd < 0) {
		err_set(err, "cannot open '%s': %s", path, strerror(errno));
		return NULL;
	}
	if (fstat(fd, &st) == 0 && S_ISREG(st.st_mode)) {
		regular = 1;
		if ((uintmax_t)st.st_size > CSV_MAX_BYTES) {
			err_set(err, "'%s' is larger than the 1 GiB limit for data "
			    "files (%jd bytes)", path, (intmax_t)st.st_size);
			close(fd);
			return NULL;
		}
		len = (size_t)st.st_size;
		if (len > 0)
			map = mmap(NULL, len, PROT_READ, MAP_PRIVATE, fd, 0);
	}
	if (map == MAP_FAILED && csv_read_fd(fd, path, &buf, &len, err) != 0)
		goto out;
	if (name == NULL)
		name = dname = csv_name_from_path(path);
	ds = csv_parse(map != MAP_FAILED ? map : buf, len, path, name, err);
	if (ds != NULL)
		ds->source = xstrdup(path);
	if (ds != NULL && src != NULL)
		csv_note_source(src, regular && (map != MAP_FAILED || len == 0),
		    map != MAP_FAILED ? map : buf, len, &buf);
out:
	if (map != MAP_FAILED)
		munmap(map, len);
	close(fd);
	free(buf);
	free(dname);
	return ds;
}
