/* csv.c: CSV/TSV reader producing a dataset, one pass, exact positions. */
#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <float.h>
#include <locale.h>
#include <math.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

#include "base/err.h"
#include "base/fmt.h"
#include "base/xalloc.h"
#include "scaling/csv.h"
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
	int has_empty;      /* an empty cell was seen while undecided */
	size_t empty_off;   /* where the first one was */
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
};

/* Exact powers of ten for the fast path (all representable in a double). */
static const double csv_pow10[] = {
	1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11,
	1e12, 1e13, 1e14, 1e15, 1e16, 1e17, 1e18, 1e19, 1e20, 1e21, 1e22
};

#if defined(__x86_64__) && LDBL_MANT_DIG == 64
/*
 * Digits the fast path cannot take (more than 2^53, e.g. the 17 digits of
 * a printed double) are converted in x87 extended precision: m < 2^64 and
 * 10^|e| (|e| <= 27) are exact there, so the product or quotient is
 * rounded once to 64 bits. Rounding that to a double gives the correctly
 * rounded result unless the 64-bit value lies exactly halfway between two
 * doubles (low 11 bits 10000000000); then -1 and strtod decides.
 */
#define CSV_HAVE_X87 1
static const long double csv_pow10l[] = {
	1e0L, 1e1L, 1e2L, 1e3L, 1e4L, 1e5L, 1e6L, 1e7L, 1e8L, 1e9L, 1e10L,
	1e11L, 1e12L, 1e13L, 1e14L, 1e15L, 1e16L, 1e17L, 1e18L, 1e19L, 1e20L,
	1e21L, 1e22L, 1e23L, 1e24L, 1e25L, 1e26L, 1e27L
};

static int
csv_x87(uint64_t m, long e10, double *out)
{
	long double x = (long double)m;
	uint64_t bits;

	if (e10 < -27 || e10 > 27)
		return -1;
	x = e10 < 0 ? x / csv_pow10l[-e10] : x * csv_pow10l[e10];
	memcpy(&bits, &x, sizeof bits);
	if ((bits & 0x7FF) == 0x400)
		return -1;
	*out = (double)x;
	return 0;
}
#endif

/*
 * Line and character column (both 1-based) of byte offset `off`. Columns
 * count UTF-8 characters, not bytes; a byte order mark is not counted.
 * This scans from the start, which is fine because it runs once, on error.
 */
static void
csv_position(const struct csv_parser *p, size_t off, int *line, int *col)
{
	size_t i, start = p->body;
	int l = 1, c = 1;

	for (i = 0; i < off && i < p->len; i++) {
		if (p->s[i] == '\n') {
			l++;
			start = i + 1;
		}
	}
	for (i = start; i < off && i < p->len; i++) {
		if (((unsigned char)p->s[i] & 0xC0) != 0x80)
			c++;
	}
	*line = l;
	*col = c;
}

/* Fill the error record for byte offset `off`. Returns -1. */
static int __attribute__((format(printf, 3, 4)))
csv_error(struct csv_parser *p, size_t off, const char *fmt, ...)
{
	char msg[sizeof p->err->msg];
	va_list ap;
	int line, col;

	va_start(ap, fmt);
	fmt_vset(msg, sizeof msg, fmt, ap);
	va_end(ap);
	csv_position(p, off, &line, &col);
	return err_at(p->err, p->label, line, col, "%s", msg);
}

/*
 * Copy at most CSV_QUOTE_MAX bytes of a cell into `buf` for a message:
 * cut on a UTF-8 character boundary, control characters shown as '?', and
 * "..." when cut.
 */
static void
csv_quote(const char *s, size_t n, char *buf, size_t len)
{
	size_t i, m = n, k = 0;

	if (m > CSV_QUOTE_MAX) {
		m = CSV_QUOTE_MAX;
		while (m > 0 && ((unsigned char)s[m] & 0xC0) == 0x80)
			m--;
	}
	for (i = 0; i < m && k + 4 < len; i++) {
		unsigned char c = (unsigned char)s[i];

		buf[k++] = c < 0x20 || c == 0x7f ? '?' : (char)c;
	}
	if (m < n && k + 4 < len) {
		memcpy(buf + k, "...", 3);
		k += 3;
	}
	buf[k] = '\0';
}

/* Grow a byte buffer to hold at least `need` bytes. */
static void
csv_reserve(char **buf, size_t *cap, size_t need)
{
	if (need <= *cap)
		return;
	*cap = need < 64 ? 64 : need * 2;
	*buf = xreallocarray(*buf, *cap, 1);
}

static int
csv_is_blank(const struct csv_parser *p, char c)
{
	return c == ' ' || (c == '\t' && p->delim != '\t');
}

static int
csv_ieq(const char *s, size_t n, const char *word)
{
	size_t i;

	if (strlen(word) != n)
		return 0;
	for (i = 0; i < n; i++) {
		char c = s[i];

		if (c >= 'A' && c <= 'Z')
			c = (char)(c - 'A' + 'a');
		if (c != word[i])
			return 0;
	}
	return 1;
}

/*
 * Parse s[0..n) as a decimal number: [+-] digits [. digits] [e [+-] digits]
 * (".5" and "5." too), nothing else; hex, "nan" and "inf" forms are not
 * numbers, but the last two are reported as such so a column of losses
 * whose first value is NaN is an error, not a text column. Up to 19
 * significant digits with a power of ten within 10^22 are converted exactly
 * (Clinger's fast path: one correctly rounded multiply or divide); other
 * numbers go to csv_x87 or strtod in the "C" locale, so a locale with a decimal comma
 * changes nothing.
 */
static enum csv_num
csv_number(struct csv_parser *p, const char *s, size_t n, double *out)
{
	size_t i = 0, ndig = 0, sig = 0;
	uint64_t m = 0;
	long e10 = 0, ex = 0;
	int neg = 0, exneg = 0, exact = 1;
	locale_t old;
	double v;

	if (i < n && (s[i] == '+' || s[i] == '-'))
		neg = s[i++] == '-';
	if (n - i >= 3 && (s[i] | 0x20) >= 'a' && (s[i] | 0x20) <= 'z') {
		if (csv_ieq(s + i, n - i, "nan"))
			return CSV_NUM_NAN;
		if (csv_ieq(s + i, n - i, "inf") ||
		    csv_ieq(s + i, n - i, "infinity"))
			return CSV_NUM_INF;
		return CSV_NUM_NOT;
	}
	for (; i < n && s[i] >= '0' && s[i] <= '9'; i++, ndig++) {
		if (m == 0 && s[i] == '0')
			continue;
		if (sig < 19)
			m = m * 10 + (uint64_t)(s[i] - '0');
		else {
			exact = 0;
			e10++;
		}
		sig++;
	}
	if (i < n && s[i] == '.') {
		for (i++; i < n && s[i] >= '0' && s[i] <= '9'; i++, ndig++) {
			if (m == 0 && s[i] == '0') {
				e10--;
				continue;
			}
			if (sig < 19) {
				m = m * 10 + (uint64_t)(s[i] - '0');
				e10--;
			} else
				exact = 0;
			sig++;
		}
	}
	if (ndig == 0)
		return CSV_NUM_NOT;
	if (i < n && (s[i] == 'e' || s[i] == 'E')) {
		size_t start;

		i++;
		if (i < n && (s[i] == '+' || s[i] == '-'))
			exneg = s[i++] == '-';
		start = i;
		for (; i < n && s[i] >= '0' && s[i] <= '9'; i++) {
			if (ex < 100000)
				ex = ex * 10 + (s[i] - '0');
		}
		if (i == start)
			return CSV_NUM_NOT;
		e10 += exneg ? -ex : ex;
	}
	if (i != n)
		return CSV_NUM_NOT;
	if (m == 0) {
		*out = neg ? -0.0 : 0.0;
		return CSV_NUM_OK;
	}
	if (exact && m <= ((uint64_t)1 << 53) && e10 >= -22 && e10 <= 22) {
		v = (double)m;
		v = e10 < 0 ? v / csv_pow10[-e10] : v * csv_pow10[e10];
		*out = neg ? -v : v;
		return CSV_NUM_OK;
	}
#ifdef CSV_HAVE_X87
	if (exact && csv_x87(m, e10, &v) == 0) {
		*out = neg ? -v : v;
		return CSV_NUM_OK;
	}
#endif
	csv_reserve(&p->num, &p->num_cap, n + 1);
	memcpy(p->num, s, n);
	p->num[n] = '\0';
	old = p->cloc != (locale_t)0 ? uselocale(p->cloc) : (locale_t)0;
	v = strtod(p->num, NULL);
	if (old != (locale_t)0)
		uselocale(old);
	if (!isfinite(v))
		return CSV_NUM_RANGE;
	*out = v;
	return CSV_NUM_OK;
}

/*
 * Read a quoted cell whose opening quote is at `q`. "" inside is a quote;
 * delimiters and newlines inside are content. After the closing quote only
 * blanks may come before the delimiter or the line end.
 */
static int
csv_read_quoted(struct csv_parser *p, size_t q, struct csv_cell *cell)
{
	const char *s = p->s;
	size_t i = q + 1, close, k, len = p->len;
	int escaped = 0;

	for (;;) {
		const char *e = memchr(s + i, '"', len - i);

		if (e == NULL)
			return csv_error(p, q, "quote not closed");
		i = (size_t)(e - s);
		if (i + 1 < len && s[i + 1] == '"') {
			escaped = 1;
			i += 2;
			continue;
		}
		close = i;
		break;
	}
	if (!escaped) {
		cell->p = s + q + 1;
		cell->n = close - q - 1;
	} else {
		csv_reserve(&p->unq, &p->unq_cap, close - q);
		for (i = q + 1, k = 0; i < close; i++) {
			p->unq[k++] = s[i];
			if (s[i] == '"')
				i++;
		}
		cell->p = p->unq;
		cell->n = k;
	}
	for (i = close + 1; i < len && csv_is_blank(p, s[i]); i++)
		continue;
	cell->stop = i;
	if (i == len)
		cell->end = CSV_END_FILE;
	else if (s[i] == p->delim) {
		cell->end = CSV_END_DELIM;
		i++;
	} else if (s[i] == '\n') {
		cell->end = CSV_END_LINE;
		i++;
	} else if (s[i] == '\r' && (i + 1 == len || s[i + 1] == '\n')) {
		cell->end = i + 1 == len ? CSV_END_FILE : CSV_END_LINE;
		i += i + 1 == len ? 1 : 2;
	} else
		return csv_error(p, i, "text after closing quote");
	p->pos = i;
	return 0;
}

/*
 * Read the cell at p->pos and advance past its terminator. Blanks around
 * an unquoted cell are dropped, as is the CR of a CRLF line end.
 */
static int
csv_read_cell(struct csv_parser *p, struct csv_cell *cell)
{
	const char *s = p->s;
	size_t i = p->pos, start, end, len = p->len;
	char d = p->delim;

	while (i < len && csv_is_blank(p, s[i]))
		i++;
	cell->off = i;
	if (i < len && s[i] == '"')
		return csv_read_quoted(p, i, cell);
	start = i;
	while (i < len && s[i] != d && s[i] != '\n')
		i++;
	end = i;
	cell->stop = i;
	if (i == len)
		cell->end = CSV_END_FILE;
	else {
		cell->end = s[i] == d ? CSV_END_DELIM : CSV_END_LINE;
		i++;
	}
	if (cell->end != CSV_END_DELIM && end > start && s[end - 1] == '\r') {
		end--;
		cell->stop = end;
	}
	while (end > start && csv_is_blank(p, s[end - 1]))
		end--;
	cell->p = s + start;
	cell->n = end - start;
	p->pos = i;
	return 0;
}

/* Skip comment lines ('#' in the first column) and blank lines. */
static void
csv_skip_ignored(struct csv_parser *p)
{
	const char *s = p->s;
	size_t i;

	while (p->pos < p->len) {
		i = p->pos;
		if (s[i] == '#') {
			const char *nl = memchr(s + i, '\n', p->len - i);

			p->pos = nl != NULL ? (size_t)(nl - s) + 1 : p->len;
			continue;
		}
		while (i < p->len && (csv_is_blank(p, s[i]) || s[i] == '\r'))
			i++;
		if (i == p->len)
			p->pos = i;
		else if (s[i] == '\n')
			p->pos = i + 1;
		else
			return;
	}
}

/*
 * The delimiter of the header record at p->pos: whichever of ',', '\t'
 * and ';' occurs most often outside quotes (ties in that order); ',' when
 * none occurs (a one-column file). *lone_cr is the offset of a CR not
 * followed by LF (old Mac line ends, which would make the whole file one
 * header line), or SIZE_MAX.
 */
static char
csv_sniff(const struct csv_parser *p, size_t *lone_cr)
{
	size_t i, comma = 0, tab = 0, semi = 0;
	int inq = 0;

	*lone_cr = SIZE_MAX;
	for (i = p->pos; i < p->len; i++) {
		char c = p->s[i];

		if (c == '"')
			inq = !inq;
		else if (inq)
			continue;
		else if (c == '\n')
			break;
		else if (c == '\r' && i + 1 < p->len && p->s[i + 1] != '\n' &&
		    *lone_cr == SIZE_MAX)
			*lone_cr = i;
		else if (c == ',')
			comma++;
		else if (c == '\t')
			tab++;
		else if (c == ';')
			semi++;
	}
	if (tab > comma && tab >= semi)
		return '\t';
	if (semi > comma && semi > tab)
		return ';';
	return ',';
}

/*
 * Make room for row `row` in column c. The first allocation takes the
 * parser's bound on the row count, so a column is allocated once and
 * shrunk at the end (growing by copying was half the time of a large load).
 */
static void
csv_col_reserve(struct csv_col *c, size_t row, size_t hint)
{
	if (row < c->cap)
		return;
	c->cap = c->cap == 0 ? hint : c->cap * 2;
	if (c->cap <= row)
		c->cap = row + 1;
	if (c->type == CSV_NUM)
		c->v = xreallocarray(c->v, c->cap, sizeof *c->v);
	else
		c->text = xreallocarray(c->text, c->cap, sizeof *c->text);
}

/* Turn an undecided column into a text column of `row` empty strings. */
static void
csv_col_make_text(struct csv_col *c, size_t row, size_t hint)
{
	c->type = CSV_TEXT;
	c->cap = 0;
	csv_col_reserve(c, row, hint);
	for (c->n = 0; c->n < row; c->n++)
		c->text[c->n] = xstrdup("");
}

/*
 * Store cell `cell` as row `row` of column c. The first non-empty cell of
 * a column decides its type; empty cells are text ("") in a text column
 * and an error in a numeric one.
 */
static int
csv_store(struct csv_parser *p, struct csv_col *c, size_t row,
    const struct csv_cell *cell)
{
	char q[CSV_QUOTE_MAX + 8];
	enum csv_num r;
	double v = 0;

	if (c->type == CSV_TEXT) {
		csv_col_reserve(c, row, p->hint);
		c->text[c->n++] = xstrndup(cell->p, cell->n);
		return 0;
	}
	if (cell->n == 0) {
		if (c->type == CSV_NUM)
			return csv_error(p, cell->off, "empty cell");
		if (!c->has_empty) {
			c->has_empty = 1;
			c->empty_off = cell->off;
		}
		return 0;
	}
	r = csv_number(p, cell->p, cell->n, &v);
	switch (r) {
	case CSV_NUM_OK:
		break;
	case CSV_NUM_NOT:
		if (c->type == CSV_UNDECIDED) {
			csv_col_make_text(c, row, p->hint);
			c->text[c->n++] = xstrndup(cell->p, cell->n);
			return 0;
		}
		csv_quote(cell->p, cell->n, q, sizeof q);
		return csv_error(p, cell->off, "not a number: '%s'", q);
	case CSV_NUM_NAN:
		return csv_error(p, cell->off, "NaN is not allowed");
	case CSV_NUM_INF:
		return csv_error(p, cell->off, "infinite value");
	case CSV_NUM_RANGE:
		csv_quote(cell->p, cell->n, q, sizeof q);
		return csv_error(p, cell->off, "number out of range: '%s'", q);
	}
	if (c->type == CSV_UNDECIDED) {
		if (c->has_empty)
			return csv_error(p, c->empty_off, "empty cell");
		c->type = CSV_NUM;
	}
	csv_col_reserve(c, row, p->hint);
	c->v[c->n++] = v;
	return 0;
}

/* Order header names, then positions, to find duplicates by sorting. */
struct csv_name {
	const char *name;
	size_t index;
};

static int
csv_name_cmp(const void *a, const void *b)
{
	const struct csv_name *x = a, *y = b;
	int c = strcmp(x->name, y->name);

	if (c != 0)
		return c;
	return x->index < y->index ? -1 : x->index > y->index;
}

/*
 * Read the header record into names/offsets. Fails on an empty name or a
 * repeated one (reported at its second occurrence, the earliest such).
 */
static int
csv_header(struct csv_parser *p, char ***names, size_t **offs, size_t *ncols)
{
	struct csv_cell cell;
	struct csv_name *sorted;
	size_t n = 0, cap = 0, i, dup = SIZE_MAX;

	*names = NULL;
	*offs = NULL;
	do {
		if (csv_read_cell(p, &cell) != 0)
			goto fail;
		if (cell.n == 0) {
			csv_error(p, cell.off, "empty column name");
			goto fail;
		}
		if (n == cap) {
			cap = cap == 0 ? 16 : cap * 2;
			*names = xreallocarray(*names, cap, sizeof **names);
			*offs = xreallocarray(*offs, cap, sizeof **offs);
		}
		(*names)[n] = xstrndup(cell.p, cell.n);
		(*offs)[n++] = cell.off;
	} while (cell.end == CSV_END_DELIM);
	*ncols = n;

	sorted = xreallocarray(NULL, n, sizeof *sorted);
	for (i = 0; i < n; i++) {
		sorted[i].name = (*names)[i];
		sorted[i].index = i;
	}
	qsort(sorted, n, sizeof *sorted, csv_name_cmp);
	for (i = 1; i < n; i++) {
		if (strcmp(sorted[i - 1].name, sorted[i].name) == 0 &&
		    sorted[i].index < dup)
			dup = sorted[i].index;
	}
	free(sorted);
	if (dup != SIZE_MAX) {
		char q[CSV_QUOTE_MAX + 8];

		csv_quote((*names)[dup], strlen((*names)[dup]), q, sizeof q);
		csv_error(p, (*offs)[dup], "duplicate column name '%s'", q);
		goto fail;
	}
	return 0;
fail:
	for (i = 0; i < n; i++)
		free((*names)[i]);
	free(*names);
	free(*offs);
	*names = NULL;
	*offs = NULL;
	return -1;
}

/*
 * An upper bound on the data rows after p->pos: one per line end, and no
 * more than one per `ncols` bytes (a row has ncols - 1 delimiters and a
 * line end), so wide files with many comment lines do not over-allocate.
 */
static size_t
csv_row_bound(const struct csv_parser *p, size_t ncols)
{
	const char *q = p->s + p->pos, *end = p->s + p->len;
	size_t lines = 1, rest = p->len - p->pos;

	while ((q = memchr(q, '\n', (size_t)(end - q))) != NULL) {
		lines++;
		q++;
	}
	if (lines > rest / ncols + 1)
		lines = rest / ncols + 1;
	return lines;
}

/* Free the partial columns of a failed parse. */
static void
csv_cols_free(struct csv_col *cols, size_t ncols)
{
	size_t i, r;

	for (i = 0; i < ncols; i++) {
		free(cols[i].v);
		if (cols[i].text != NULL) {
			for (r = 0; r < cols[i].n; r++)
				free(cols[i].text[r]);
			free(cols[i].text);
		}
	}
	free(cols);
}

/*
 * Read all rows into `cols`. A row must have exactly the header's number
 * of cells. Returns the row count in *nrows, 0 or -1.
 */
static int
csv_rows(struct csv_parser *p, struct csv_col *cols, size_t ncols,
    size_t *nrows)
{
	struct csv_cell cell;
	size_t row = 0, j;

	for (;;) {
		csv_skip_ignored(p);
		if (p->pos >= p->len)
			break;
		for (j = 0; j < ncols; j++) {
			if (csv_read_cell(p, &cell) != 0 ||
			    csv_store(p, &cols[j], row, &cell) != 0)
				return -1;
			if (cell.end != CSV_END_DELIM && j + 1 < ncols)
				return csv_error(p, cell.stop,
				    "missing cell (row has %zu of %zu columns)",
				    j + 1, ncols);
		}
		if (cell.end == CSV_END_DELIM) {
			size_t i = p->pos;

			while (i < p->len && csv_is_blank(p, p->s[i]))
				i++;
			return csv_error(p, i, "extra cell (header has %zu column%s)",
			    ncols, ncols == 1 ? "" : "s");
		}
		row++;
	}
	*nrows = row;
	return 0;
}

/* Move the parsed columns into a new dataset (columns undecided at the end
 * are all empty: text when there are rows, numeric when there are none). */
static sx_dataset *
csv_build(struct csv_col *cols, char **names, size_t ncols, size_t nrows,
    const char *name)
{
	sx_dataset *ds = dataset_new(name, nrows);
	size_t j;

	ds->cols = xcalloc(ncols, sizeof *ds->cols);
	ds->ncols = ncols;
	for (j = 0; j < ncols; j++) {
		struct csv_col *c = &cols[j];
		sx_column *out = &ds->cols[j];

		if (c->type == CSV_UNDECIDED) {
			if (nrows > 0)
				csv_col_make_text(c, nrows, nrows);
			else
				c->type = CSV_NUM;
		}
		out->name = names[j];
		names[j] = NULL;
		if (c->type == CSV_NUM) {
			out->v = xreallocarray(c->v, nrows, sizeof *out->v);
			c->v = NULL;
		} else {
			out->text = xreallocarray(c->text, nrows, sizeof *out->text);
			c->text = NULL;
			c->n = 0;
		}
	}
	return ds;
}

/*
 * Parse delimited text (see csv.h for the format) into a new dataset named
 * `name` (NULL: ""). Errors name `label` with the 1-based line and the
 * character column where the offending cell starts; errors about the whole
 * input ("empty file", "no header row", size) have no position. Returns
 * NULL and fills `err` on the first problem.
 */
sx_dataset *
csv_parse(const char *text, size_t len, const char *label, const char *name,
    sx_err *err)
{
	struct csv_parser p;
	struct csv_col *cols = NULL;
	char **names = NULL;
	size_t *offs = NULL, ncols = 0, nrows = 0, j, lone_cr;
	const char *nul;
	sx_dataset *ds = NULL;

	memset(&p, 0, sizeof p);
	p.s = text;
	p.len = text != NULL ? len : 0;
	p.label = label;
	p.err = err;
	if (p.len > CSV_MAX_BYTES) {
		err_at(err, label, 0, 0, "input is larger than the 1 GiB limit "
		    "(%zu bytes)", p.len);
		return NULL;
	}
	if (p.len >= 3 && memcmp(text, "\xEF\xBB\xBF", 3) == 0)
		p.body = p.pos = 3;
	if (p.pos == p.len) {
		err_at(err, label, 0, 0, "empty file");
		return NULL;
	}
	nul = memchr(text, '\0', p.len);
	if (nul != NULL) {
		csv_error(&p, (size_t)(nul - text), "NUL byte in input");
		return NULL;
	}
	csv_skip_ignored(&p);
	if (p.pos == p.len) {
		err_at(err, label, 0, 0,
		    "no header row (only comments and blank lines)");
		return NULL;
	}
	p.delim = csv_sniff(&p, &lone_cr);
	if (lone_cr != SIZE_MAX) {
		csv_error(&p, lone_cr, "line ends in CR without LF "
		    "(old Mac line ends are not supported)");
		return NULL;
	}
	if (csv_header(&p, &names, &offs, &ncols) != 0) {
		free(p.unq);
		return NULL;
	}
	p.hint = csv_row_bound(&p, ncols);
	p.cloc = newlocale(LC_NUMERIC_MASK, "C", (locale_t)0);
	cols = xcalloc(ncols, sizeof *cols);
	if (csv_rows(&p, cols, ncols, &nrows) == 0)
		ds = csv_build(cols, names, ncols, nrows, name);
	csv_cols_free(cols, ncols);
	for (j = 0; j < ncols; j++)
		free(names[j]);
	free(names);
	free(offs);
	free(p.unq);
	free(p.num);
	if (p.cloc != (locale_t)0)
		freelocale(p.cloc);
	return ds;
}

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
	char *buf = NULL;
	int fd = open(path, O_RDONLY), rc;

	if (fd < 0)
		return err_set(err, "cannot open '%s': %s", path, strerror(errno));
	if (fstat(fd, &st) == 0 && S_ISREG(st.st_mode) &&
	    (uintmax_t)st.st_size > CSV_MAX_BYTES) {
		close(fd);
		return err_set(err, "'%s' is larger than the 1 GiB limit for data "
		    "files (%jd bytes)", path, (intmax_t)st.st_size);
	}
	*len = 0;
	rc = csv_read_fd(fd, path, &buf, len, err);
	close(fd);
	if (rc != 0) {
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
out:
	if (map != MAP_FAILED)
		munmap(map, len);
	close(fd);
	free(buf);
	free(dname);
	return ds;
}
