/* csv.h: CSV/TSV reader producing a dataset. */
#ifndef SX_CSV_H
#define SX_CSV_H

#include <stddef.h>
#include <stdint.h>

#include "base/err.h"
#include "scaling/dataset.h"

/*
 * Parse delimited text into a new dataset named `name`. The delimiter is
 * sniffed from the header line (comma, tab, semicolon); lines starting with
 * '#' and blank lines are skipped; fields may be quoted with '"' ("" is a
 * quote inside). The first non-comment line is the header.
 *
 * Missing values: an empty cell, NA, NaN, nan, null, None or - (any case;
 * NaN also signed) is missing, never an error. A column's type is decided
 * by its first cell that is not missing: a number makes it numeric, where
 * every other cell must be a finite number or missing (a missing value is
 * NaN there), and anything else makes it a text column (run names, data
 * mixes), where a missing cell is "". A column with no value at all is
 * numeric, all NaN. `label` names the input in errors
 * ("runs.csv:12:3: not a number: 'abc' (...)"). Returns NULL and fills
 * `err` on the first bad cell; nothing is skipped silently.
 */
sx_dataset *csv_parse(const char *text, size_t len, const char *label,
    const char *name, sx_err *err);

/*
 * csv_parse reporting progress: progress(pctx, bytes parsed, len) is
 * called every 65536 rows; when it returns non-zero the parse stops and
 * fails ("load cancelled"), returning NULL: nothing is made.
 */
sx_dataset *csv_parse_progress(const char *text, size_t len,
    const char *label, const char *name,
    int (*progress)(void *, size_t, size_t), void *pctx, sx_err *err);

/*
 * Read a whole file into memory (NUL-terminated, same size limit and
 * messages as csv_read_file), for callers that keep the text, such as a
 * session inlining its data. *text is malloc'ed. Returns 0 or -1.
 */
int csv_read_text(const char *path, char **text, size_t *len, sx_err *err);

/* csv_read_text for an open descriptor (standard input), read to its end;
 * `label` names it in messages. */
int csv_read_fd_text(int fd, const char *label, char **text, size_t *len,
    sx_err *err);

/*
 * What a file was when a load began (size, modification time, inode), to
 * tell at its end whether it changed meanwhile: csv_stamp fills *st (0, or
 * -1 when path cannot be stat'ed: then csv_same passes); csv_same fails
 * (-1, err set) when the regular file at path is not the one stamped.
 */
typedef struct csv_stamp {
	long long size, sec, nsec;
	unsigned long long ino, dev;
	int regular;
} csv_stamp;
int csv_stamp_of(const char *path, csv_stamp *st);
int csv_same(const char *path, const csv_stamp *st, sx_err *err);

/* Read and parse a file; the dataset's source is set to `path`. */
sx_dataset *csv_read_file(const char *path, const char *name, sx_err *err);

/*
 * What csv_read_file_src read, to tell later whether the file still holds
 * those bytes without keeping them: for a regular file its size and a
 * fasthash64 of its bytes; for anything else (a pipe, a device, which
 * cannot be read again) the text itself, malloc'ed, for the caller.
 */
typedef struct csv_source {
	int regular;        /* 1: size and hash are set, text is NULL */
	size_t size;
	uint64_t hash;
	char *text;         /* not regular: the bytes read (NUL-terminated) */
	size_t len;
} csv_source;

/* csv_read_file, filling *src (when the dataset is returned). */
sx_dataset *csv_read_file_src(const char *path, const char *name,
    csv_source *src, sx_err *err);

/* csv_read_file_src with csv_parse_progress's progress callback (NULL:
 * none); a cancelled load fails and leaves *src alone. */
sx_dataset *csv_read_file_progress(const char *path, const char *name,
    csv_source *src, int (*progress)(void *, size_t, size_t), void *pctx,
    sx_err *err);

#endif
