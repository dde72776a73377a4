/* table.c: the table model, records made tables, numbers rounded to
 * their standard errors. */
#include "config.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/xalloc.h"
#include "views/table.h"

static const struct {
	const char *word;
	int format;
} table_formats[] = {
	{ "text", OUT_TEXT },
	{ "json", OUT_JSON },
	{ "csv", OUT_CSV },
	{ "markdown", OUT_MARKDOWN },
	{ "latex", OUT_LATEX },
};

int
table_format_of(const char *word)
{
	for (size_t i = 0; i < sizeof table_formats / sizeof table_formats[0];
	    i++)
		if (strcmp(table_formats[i].word, word) == 0)
			return table_formats[i].format;
	return -1;
}

void
table_set_format(sx_out *o, int format)
{
	o->format = format;
	o->json = format == OUT_JSON;
}

sx_table *
table_new(void)
{
	return xcalloc(1, sizeof(sx_table));
}

static void
cell_clear(sx_tcell *c)
{
	free(c->s);
	memset(c, 0, sizeof *c);
	c->type = REC_NULL;
	c->se = NAN;
}

void
table_free(sx_table *t)
{
	if (t == NULL)
		return;
	for (size_t r = 0; r < t->nrows; r++) {
		for (size_t c = 0; c < t->rowlen[r]; c++)
			free(t->rows[r][c].s);
		free(t->rows[r]);
	}
	for (size_t c = 0; c < t->ncols; c++)
		free(t->cols[c]);
	free(t->cols);
	free(t->col_se);
	free(t->rows);
	free(t->rowlen);
	free(t);
}

void
table_row(sx_table *t)
{
	if (t->nrows == t->capr) {
		t->capr = t->capr ? 2 * t->capr : 8;
		t->rows = xreallocarray(t->rows, t->capr, sizeof *t->rows);
		t->rowlen = xreallocarray(t->rowlen, t->capr,
		    sizeof *t->rowlen);
	}
	t->rows[t->nrows] = NULL;
	t->rowlen[t->nrows] = 0;
	t->nrows++;
}

static size_t
col_index(sx_table *t, const char *col)
{
	for (size_t c = 0; c < t->ncols; c++)
		if (strcmp(t->cols[c], col) == 0)
			return c;
	if (t->ncols == t->capc) {
		t->capc = t->capc ? 2 * t->capc : 8;
		t->cols = xreallocarray(t->cols, t->capc, sizeof *t->cols);
		t->col_se = xreallocarray(t->col_se, t->capc,
		    sizeof *t->col_se);
	}
	t->cols[t->ncols] = xstrdup(col);
	t->col_se[t->ncols] = 0;
	return t->ncols++;
}

/* The cell of column col in the last row, emptied, for a setter. */
static sx_tcell *
cell_at(sx_table *t, const char *col)
{
	size_t c = col_index(t, col), r;

	if (t->nrows == 0)
		table_row(t);
	r = t->nrows - 1;
	if (c >= t->rowlen[r]) {
		t->rows[r] = xreallocarray(t->rows[r], t->ncols,
		    sizeof **t->rows);
		for (size_t k = t->rowlen[r]; k < t->ncols; k++) {
			t->rows[r][k].s = NULL;
			cell_clear(&t->rows[r][k]);
		}
		t->rowlen[r] = t->ncols;
	}
	cell_clear(&t->rows[r][c]);
	return &t->rows[r][c];
}

void
table_str(sx_table *t, const char *col, const char *s)
{
	sx_tcell *c = cell_at(t, col);

	if (s != NULL) {
		c->type = REC_STR;
		c->s = xstrdup(s);
	}
}

void
table_num(sx_table *t, const char *col, double v, double se)
{
	sx_tcell *c = cell_at(t, col);

	c->type = REC_NUM;
	c->v = v;
	c->se = se;
	if (!isnan(se))
		t->col_se[col_index(t, col)] = 1;
}

void
table_int(sx_table *t, const char *col, long long v)
{
	sx_tcell *c = cell_at(t, col);

	c->type = REC_INT;
	c->i = v;
}

void
table_bool(sx_table *t, const char *col, int v)
{
	sx_tcell *c = cell_at(t, col);

	c->type = REC_BOOL;
	c->i = v != 0;
}

void
table_null(sx_table *t, const char *col)
{
	cell_at(t, col);
}

const sx_tcell *
table_cell(const sx_table *t, size_t r, size_t c)
{
	static const sx_tcell empty = { REC_NULL, 0, NAN, 0, NULL };

	if (r >= t->nrows || c >= t->rowlen[r])
		return &empty;
	return &t->rows[r][c];
}

static int
rec_scalar(const sx_rec *r)
{
	return r->type != REC_OBJ && r->type != REC_ARR;
}

/* The scalars of array a as one string, space-separated; NULL when an
 * element is not a scalar. */
static char *
array_words(const sx_rec *a)
{
	size_t len = 1, n = 0;
	char *s;

	for (size_t i = 0; i < rec_len(a); i++)
		if (!rec_scalar(rec_at(a, i)))
			return NULL;
	len += 48 * rec_len(a);
	for (size_t i = 0; i < rec_len(a); i++)
		if (rec_at(a, i)->type == REC_STR)
			len += strlen(rec_at(a, i)->v.s);
	s = xmalloc(len);
	s[0] = '\0';
	for (size_t i = 0; i < rec_len(a); i++) {
		const sx_rec *e = rec_at(a, i);
		char num[40];

		if (i > 0)
			s[n++] = ' ';
		switch (e->type) {
		case REC_STR:
			n += (size_t)snprintf(s + n, len - n, "%s", e->v.s);
			break;
		case REC_NUM:
			out_fmt_double(num, sizeof num, e->v.n);
			n += (size_t)snprintf(s + n, len - n, "%s", num);
			break;
		case REC_INT:
			n += (size_t)snprintf(s + n, len - n, "%lld", e->v.i);
			break;
		case REC_BOOL:
			n += (size_t)snprintf(s + n, len - n, "%s",
			    e->v.b ? "true" : "false");
			break;
		default:
			n += (size_t)snprintf(s + n, len - n, "-");
		}
	}
	return s;
}

void
table_flatten(sx_table *t, const sx_rec *r, const char *prefix)
{
	for (size_t i = 0; i < rec_len(r); i++) {
		const sx_rec *k = rec_at(r, i);
		char col[256];
		char *words;

		if (k->key == NULL)
			continue;
		snprintf(col, sizeof col, "%s%s%s", prefix ? prefix : "",
		    prefix ? "." : "", k->key);
		switch (k->type) {
		case REC_NULL:
			table_null(t, col);
			break;
		case REC_BOOL:
			table_bool(t, col, k->v.b);
			break;
		case REC_INT:
			table_int(t, col, k->v.i);
			break;
		case REC_NUM:
			table_num(t, col, k->v.n, NAN);
			break;
		case REC_STR:
			table_str(t, col, k->v.s);
			break;
		case REC_OBJ:
			table_flatten(t, k, col);
			break;
		case REC_ARR:
			words = array_words(k);
			if (words != NULL)
				table_str(t, col, words);
			free(words);
			break;
		}
	}
}

/* The first member of r that is a non-empty array of objects. */
static const sx_rec *
rows_of(const sx_rec *r)
{
	for (size_t i = 0; i < rec_len(r); i++) {
		const sx_rec *k = rec_at(r, i);

		if (k->type == REC_ARR && rec_len(k) > 0 &&
		    rec_at(k, 0)->type == REC_OBJ)
			return k;
	}
	return NULL;
}

void
table_of(sx_table *t, const sx_rec *r)
{
	table_view_fn fn = r->kind != NULL ? table_view_of(r->kind) : NULL;
	const sx_rec *rows;

	if (fn != NULL) {
		fn(t, r);
		return;
	}
	rows = rows_of(r);
	if (rows == NULL) {
		table_row(t);
		table_flatten(t, r, NULL);
		return;
	}
	for (size_t i = 0; i < rec_len(rows); i++) {
		table_row(t);
		table_flatten(t, rec_at(rows, i), NULL);
	}
}

/* v with d decimals, no "-0". */
static void
fixed(char *buf, size_t len, double v, int d)
{
	snprintf(buf, len, "%.*f", d, v);
	if (buf[0] == '-' && strtod(buf, NULL) == 0)
		memmove(buf, buf + 1, strlen(buf));
}

char *
table_fmt_se(char *buf, size_t len, double v, double se, int pm, int latex)
{
	char val[64], err[64];
	int place, ev = 0, d;
	double sr;

	if (!isfinite(v) || !isfinite(se) || se <= 0) {
		if (!isfinite(v))
			snprintf(buf, len, "%s", isnan(v) ? "nan" :
			    v > 0 ? "inf" : "-inf");
		else
			snprintf(buf, len, "%.6g", v);
		return buf;
	}
	/* Two significant digits of se: se = sr * 10^place, 10 <= sr < 100. */
	place = (int)floor(log10(se)) - 1;
	sr = nearbyint(se / pow(10, place));
	if (sr >= 100) {
		place++;
		sr = nearbyint(se / pow(10, place));
	}
	if (place > 0) {
		/* Above the units: the value's power of ten (or the error's,
		 * when the value is smaller), the error two digits in it. */
		ev = v != 0 ? (int)floor(log10(fabs(v))) : 0;
		if (ev < place + 1)
			ev = place + 1;
		place -= ev;
	}
	d = -place;
	fixed(val, sizeof val, v / pow(10, ev), d);
	if (pm)
		fixed(err, sizeof err, sr * pow(10, place), d);
	else
		snprintf(err, sizeof err, "%.0f", sr);
	if (ev == 0)
		snprintf(buf, len, pm ? (latex ? "$%s \\pm %s$" : "%s ± %s") :
		    (latex ? "$%s(%s)$" : "%s(%s)"), val, err);
	else if (pm)
		snprintf(buf, len, latex ? "$(%s \\pm %s)\\times10^{%d}$" :
		    "(%s ± %s)e%d", val, err, ev);
	else
		snprintf(buf, len, latex ? "$%s(%s)\\times10^{%d}$" :
		    "%s(%s)e%d", val, err, ev);
	return buf;
}

/* A negative number in math mode: a minus sign, not a hyphen. */
static void
latex_minus(char *buf, size_t len)
{
	char m[64];

	snprintf(m, sizeof m, "%s", buf);
	snprintf(buf, len, "$%s$", m);
}

const char *
table_cell_text(const sx_out *o, const sx_tcell *c, int latex, char *buf,
    size_t len)
{
	char *e;

	switch (c->type) {
	case REC_NUM:
		if (isnan(c->v)) {
			buf[0] = '\0';
			break;
		}
		table_fmt_se(buf, len, c->v, c->se, o->se_pm, latex);
		e = strchr(buf, 'e');
		if (latex && buf[0] != '$' && e != NULL && isfinite(c->v)) {
			char m[40];

			snprintf(m, sizeof m, "%.*s", (int)(e - buf), buf);
			snprintf(buf, len, "$%s\\times10^{%d}$", m,
			    atoi(e + 1));
		} else if (latex && buf[0] == '-')
			latex_minus(buf, len);
		break;
	case REC_INT:
		snprintf(buf, len, "%lld", c->i);
		if (latex && buf[0] == '-')
			latex_minus(buf, len);
		break;
	case REC_BOOL:
		snprintf(buf, len, "%s", c->i ? "true" : "false");
		break;
	case REC_STR:
		return c->s;
	default:
		buf[0] = '\0';
	}
	return buf;
}

int
table_col_numeric(const sx_table *t, size_t c)
{
	int any = 0;

	for (size_t r = 0; r < t->nrows; r++) {
		const sx_tcell *x = table_cell(t, r, c);

		if (x->type == REC_NUM || x->type == REC_INT)
			any = 1;
		else if (x->type != REC_NULL)
			return 0;
	}
	return any;
}

void
table_write(sx_out *o, const sx_table *t)
{
	switch (o->format) {
	case OUT_MARKDOWN:
		table_markdown(o, t);
		break;
	case OUT_LATEX:
		table_latex(o, t);
		break;
	default:
		table_csv(o, t);
	}
}
