/* csv_value.c: a cell's value: exact decimal conversion, missing cells,
 * and the type of a column decided by its first cell that is not missing;
 * the columns made a dataset. */
#include "config.h"

#include <float.h>
#include <locale.h>
#include <math.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "base/xalloc.h"
#include "scaling/csv_impl.h"
#include "scaling/dataset.h"

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
		p->tiny = fabs(v) < DBL_MIN;
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
	p->tiny = fabs(v) < DBL_MIN;
	*out = v;
	return CSV_NUM_OK;
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

/* Turn an undecided column into a numeric column of `row` missing values. */
static void
csv_col_make_num(struct csv_col *c, size_t row, size_t hint)
{
	c->type = CSV_NUM;
	c->cap = 0;
	csv_col_reserve(c, row, hint);
	for (c->n = 0; c->n < row; c->n++)
		c->v[c->n] = NAN;
}

/*
 * Whether a cell is a missing value: empty, or NA, NaN, nan, null, None
 * or - (any case; NaN with a sign too, as a diverged run's loss is
 * printed). See csv.h.
 */
int
csv_missing(const char *s, size_t n)
{
	if (n == 0 || (n == 1 && s[0] == '-'))
		return 1;
	if (n == 4 && (s[0] == '+' || s[0] == '-'))
		s++, n--;
	return csv_ieq(s, n, "na") || csv_ieq(s, n, "nan") ||
	    csv_ieq(s, n, "null") || csv_ieq(s, n, "none");
}

/* A cell that starts like a number: [+-][.]digit. */
static int
csv_numberish(const char *s, size_t n)
{
	size_t i = 0;

	if (i < n && (s[i] == '+' || s[i] == '-'))
		i++;
	if (i < n && s[i] == '.')
		i++;
	return i < n && s[i] >= '0' && s[i] <= '9';
}

/*
 * Store cell `cell` as row `row` of column c. The first cell that is not
 * missing decides the column's type: a number makes it numeric, anything
 * else text. A missing cell is NaN in a numeric column and "" in a text
 * one; in a numeric column every other cell must be a finite number.
 */
int
csv_store(struct csv_parser *p, struct csv_col *c, size_t row,
    const struct csv_cell *cell)
{
	char q[CSV_QUOTE_MAX + 8];
	enum csv_num r;
	double v = 0;
	int missing = csv_missing(cell->p, cell->n);

	if (c->type == CSV_TEXT) {
		csv_col_reserve(c, row, p->hint);
		c->text[c->n++] = missing ? xstrdup("") :
		    xstrndup(cell->p, cell->n);
		return 0;
	}
	if (missing) {
		if (c->type == CSV_NUM) {
			csv_col_reserve(c, row, p->hint);
			c->v[c->n++] = NAN;
		}
		return 0;
	}
	p->tiny = 0;
	r = csv_number(p, cell->p, cell->n, &v);
	switch (r) {
	case CSV_NUM_OK:
		/* Too small for a double: read as 0 or a subnormal, and said
		 * (as one too large is an error). */
		if (p->tiny && p->ntiny++ == 0) {
			p->tiny_off = cell->off;
			p->tiny_v = v;
		}
		break;
	case CSV_NUM_NOT:
		if (c->type == CSV_UNDECIDED) {
			/* A first value that looks like a number but is not one
			 * (0x10, 1,000, 5%) makes a text column: say why. */
			if (csv_numberish(cell->p, cell->n)) {
				csv_quote(cell->p, cell->n, q, sizeof q);
				csv_note(p, cell->off, "the column is text: its "
				    "first value '%s' is not a decimal number "
				    "(digits, '.' and an exponent only)", q);
			}
			csv_col_make_text(c, row, p->hint);
			c->text[c->n++] = xstrndup(cell->p, cell->n);
			return 0;
		}
		csv_quote(cell->p, cell->n, q, sizeof q);
		return csv_error(p, cell->off,
		    "not a number: '%s' (the column has numbers from line %d)",
		    q, csv_line_of(p, c->first_off));
	case CSV_NUM_NAN:
		/* csv_missing took every NaN spelling csv_number knows. */
		return csv_error(p, cell->off, "NaN is not allowed");
	case CSV_NUM_INF:
		return csv_error(p, cell->off, "infinite value");
	case CSV_NUM_RANGE:
		csv_quote(cell->p, cell->n, q, sizeof q);
		return csv_error(p, cell->off, "number out of range: '%s'", q);
	}
	if (c->type == CSV_UNDECIDED) {
		csv_col_make_num(c, row, p->hint);
		c->first_off = cell->off;
	}
	csv_col_reserve(c, row, p->hint);
	c->v[c->n++] = v;
	return 0;
}

/* Free the partial columns of a failed parse. */
void
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

/* Move the parsed columns into a new dataset (a column undecided at the
 * end has only missing cells, or no rows: numeric, all NaN). */
sx_dataset *
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

		if (c->type == CSV_UNDECIDED)
			csv_col_make_num(c, nrows, nrows > 0 ? nrows : 1);
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
