/* csv.c: CSV/TSV reader producing a dataset, one pass, exact positions:
 * cells, quoting, comments, the delimiter and header, rows. Values and
 * column types are in csv_value.c, reading files in csv_file.c. */
#include "config.h"

#include <locale.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "base/err.h"
#include "base/fmt.h"
#include "base/xalloc.h"
#include "scaling/csv.h"
#include "scaling/csv_impl.h"
#include "scaling/dataset.h"

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
int
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

void
csv_note(struct csv_parser *p, size_t off, const char *fmt, ...)
{
	char msg[400];
	va_list ap;
	int line, col;
	char *s;

	va_start(ap, fmt);
	fmt_vset(msg, sizeof msg, fmt, ap);
	va_end(ap);
	csv_position(p, off, &line, &col);
	s = xasprintf("%s%s:%d:%d: %s\n", p->notes != NULL ? p->notes : "",
	    p->label, line, col, msg);
	free(p->notes);
	p->notes = s;
}

int
csv_line_of(const struct csv_parser *p, size_t off)
{
	int line, col;

	csv_position(p, off, &line, &col);
	return line;
}

/*
 * Copy at most CSV_QUOTE_MAX bytes of a cell into `buf` for a message:
 * cut on a UTF-8 character boundary, control characters shown as '?', and
 * "..." when cut.
 */
void
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
void
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
		/* Progress in bytes, every 64 Ki rows: cheap next to parsing. */
		if (p->progress != NULL && (row & 0xFFFF) == 0 &&
		    p->progress(p->progress_ctx, p->pos, p->len) != 0) {
			err_at(p->err, p->label, 0, 0,
			    "load cancelled: nothing was loaded");
			return -1;
		}
	}
	*nrows = row;
	return 0;
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
	return csv_parse_progress(text, len, label, name, NULL, NULL, err);
}

sx_dataset *
csv_parse_progress(const char *text, size_t len, const char *label,
    const char *name, int (*progress)(void *, size_t, size_t), void *pctx,
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
	p.progress = progress;
	p.progress_ctx = pctx;
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
	if (ds != NULL && p.ntiny > 0) {
		if (p.tiny_v == 0)
			csv_note(&p, p.tiny_off, "below the smallest double "
			    "(about 4.9e-324): read as 0");
		else
			csv_note(&p, p.tiny_off, "below the smallest normal "
			    "double (2.2e-308): read as %.17g, with fewer "
			    "significant digits", p.tiny_v);
		if (p.ntiny > 1) {
			char *s = xasprintf("%s%s: %zu cells in all were below "
			    "2.2e-308 (underflow)\n", p.notes, label, p.ntiny);

			free(p.notes);
			p.notes = s;
		}
	}
	if (ds != NULL)
		ds->notes = p.notes;
	else
		free(p.notes);
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
