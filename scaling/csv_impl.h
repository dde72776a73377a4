/* csv_impl.h: the parser state, cells and columns csv.c (reading cells)
 * and csv_value.c (their values and column types) share; the size limit
 * csv_file.c also keeps. Internal to scaling/csv*.c. */
#ifndef SX_CSV_IMPL_H
#define SX_CSV_IMPL_H

#include <locale.h>
#include <stddef.h>

#include "base/err.h"
#include "scaling/dataset.h"

/*
 * Inputs larger than this are refused, by csv_read_file before reading and
 * by csv_parse. 1 GiB is far beyond any scaling-law table (10^6 runs of 4
 * columns are about 50 MB) and keeps line and column numbers within an int.
 */
#define CSV_MAX_BYTES ((size_t)1 << 30)

/* Cells quoted in messages are cut to this many bytes. */
#define CSV_QUOTE_MAX 40

enum csv_end { CSV_END_DELIM, CSV_END_LINE, CSV_END_FILE };
enum csv_type { CSV_UNDECIDED, CSV_NUM, CSV_TEXT };
enum csv_num { CSV_NUM_OK, CSV_NUM_NOT, CSV_NUM_NAN, CSV_NUM_INF,
	CSV_NUM_RANGE };

/* One cell as read: its content and where it was. */
struct csv_cell {
	const char *p;      /* content, in the input or in the unquote buffer */
	size_t n;
	size_t off;         /* offset of the cell's start (after blanks) */
	size_t stop;        /* offset of its terminator (delimiter, EOL, EOF) */
	enum csv_end end;
};

/* A column being filled. */
struct csv_col {
	enum csv_type type;
	double *v;
	char **text;
	size_t n;           /* values stored */
	size_t cap;
	size_t first_off;   /* where the cell that made it numeric was */
};

struct csv_parser {
	const char *s;
	size_t len;
	size_t pos;
	size_t body;        /* offset after a UTF-8 byte order mark */
	char delim;
	const char *label;
	sx_err *err;
	char *unq;          /* unquoting buffer */
	size_t unq_cap;
	char *num;          /* NUL-terminated copy of a number for strtod */
	size_t num_cap;
	locale_t cloc;      /* the "C" locale for strtod, or 0 */
	size_t hint;        /* an upper bound on the number of data rows */
	int tiny;           /* the last number was not 0 but read as 0 or a
	                       subnormal (below DBL_MIN: underflow) */
	size_t ntiny;       /* cells so, and the first one's offset */
	size_t tiny_off;
	double tiny_v;
	char *notes;        /* lines for the dataset's notes, or NULL */
	int (*progress)(void *, size_t, size_t);  /* or NULL; non-zero: stop */
	void *progress_ctx;
};

/* csv.c: add a note "LABEL:LINE:COL: TEXT" for byte offset off. */
void csv_note(struct csv_parser *p, size_t off, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));

/* csv.c: fill the error record for byte offset `off` (returns -1); a cell
 * cut and cleaned for a message; grow a byte buffer to `need` bytes. */
int csv_error(struct csv_parser *p, size_t off, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));
void csv_quote(const char *s, size_t n, char *buf, size_t len);
void csv_reserve(char **buf, size_t *cap, size_t need);
/* csv.c: the line number of byte offset `off`. */
int csv_line_of(const struct csv_parser *p, size_t off);

/* csv_value.c: whether s[0..n) spells a missing value (see csv.h). */
int csv_missing(const char *s, size_t n);

/* csv_value.c: store a cell as row `row` of column c (deciding its type);
 * move finished columns into a dataset; free the columns of a failed
 * parse. */
int csv_store(struct csv_parser *p, struct csv_col *c, size_t row,
    const struct csv_cell *cell);
sx_dataset *csv_build(struct csv_col *cols, char **names, size_t ncols,
    size_t nrows, const char *name);
void csv_cols_free(struct csv_col *cols, size_t ncols);

#endif
