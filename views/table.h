/* table.h: results as tables, written as CSV, Markdown or LaTeX. */
#ifndef SX_TABLE_H
#define SX_TABLE_H

#include <stddef.h>

#include "views/out.h"
#include "views/rec.h"

/* The output formats of an sx_out (its `format`). */
enum { OUT_TEXT, OUT_JSON, OUT_CSV, OUT_MARKDOWN, OUT_LATEX };

/* The format named by word ("text", "json", "csv", "markdown",
 * "latex"), or -1. OUT_FORMAT_WORDS lists them for specs and help. */
int table_format_of(const char *word);
#define OUT_FORMAT_WORDS "text|json|csv|markdown|latex"
/* Set o's format (and o->json with it). */
void table_set_format(sx_out *o, int format);

/*
 * A table: named columns in the order they were first used, rows of
 * cells. A number cell may carry its standard error (NaN: none): CSV
 * writes it in a column of its own after the value's, named "se" beside
 * "value" and NAME_se beside any other, both at full precision; Markdown
 * and LaTeX write the value rounded to it (table_fmt_se). A cell never
 * set is empty (null).
 */
typedef struct sx_tcell {
	sx_rec_type type;   /* REC_NULL, REC_BOOL, REC_INT, REC_NUM, REC_STR */
	double v, se;
	long long i;
	char *s;
} sx_tcell;

typedef struct sx_table {
	char **cols;
	int *col_se;        /* per column: some cell has a standard error */
	size_t ncols, capc;
	sx_tcell **rows;    /* rows[r][c], c < ncols (grown with columns) */
	size_t *rowlen;
	size_t nrows, capr;
} sx_table;

sx_table *table_new(void);
void table_free(sx_table *t);
/* Start a new row; the setters below fill the last one. */
void table_row(sx_table *t);
void table_str(sx_table *t, const char *col, const char *s); /* NULL: null */
void table_num(sx_table *t, const char *col, double v, double se);
void table_int(sx_table *t, const char *col, long long v);
void table_bool(sx_table *t, const char *col, int v);
void table_null(sx_table *t, const char *col);
/* The cell of row r, column c (an empty one when never set). */
const sx_tcell *table_cell(const sx_table *t, size_t r, size_t c);

/*
 * Record r's members as cells of t's last row, nested objects as
 * "key.sub" columns, arrays of scalars as one cell of space-separated
 * values, deeper arrays left out. prefix: column name prefix or NULL.
 */
void table_flatten(sx_table *t, const sx_rec *r, const char *prefix);

/*
 * The table of record r, appended to t: its kind's table view (fit and
 * fit show: one row a parameter; fit by: one row a group; gpi: one row a
 * policy), else the rows of its first member that is a non-empty array of
 * objects (fits, frontier, compare, presets), else the record itself as
 * one row (predict: one row a point).
 */
void table_of(sx_table *t, const sx_rec *r);
/* A table view: r's rows into t. Registered in table-views.c. */
typedef void (*table_view_fn)(sx_table *t, const sx_rec *r);
table_view_fn table_view_of(const char *kind);

/*
 * v rounded to its standard error se, as a paper writes it: se to two
 * significant digits and v to the same decimal place, "1.817(15)" (the
 * digits in parentheses are the error in units of the value's last
 * digit) or with pm "1.817 ± 0.015". When that place is above the units
 * (1234.5 ± 120), both are written with the value's power of ten,
 * "1.23(12)e3" and "(1.23 ± 0.12)e3", so no trailing zeros pretend to
 * be digits. latex: "$1.817(15)$", "$(1.23 \pm 0.12)\times10^{3}$". Without
 * a finite positive se, v with 6 significant digits (%.6g). Returns buf.
 */
char *table_fmt_se(char *buf, size_t len, double v, double se, int pm,
    int latex);

/* A cell as Markdown and LaTeX show it (before their escapes): a number
 * through table_fmt_se with o's se_pm (latex: in math mode, "1e+22" as
 * $1\times10^{22}$, a negative one as $-3$), true/false, a string as is
 * (its own text), null as "". */
const char *table_cell_text(const sx_out *o, const sx_tcell *c, int latex,
    char *buf, size_t len);
/* Column c holds numbers (or nulls) only: right-aligned. */
int table_col_numeric(const sx_table *t, size_t c);

/* The renderers: t to o in one format. */
void table_csv(sx_out *o, const sx_table *t);
void table_markdown(sx_out *o, const sx_table *t);
void table_latex(sx_out *o, const sx_table *t);
/* t in o's format (one of the three above). */
void table_write(sx_out *o, const sx_table *t);

#endif
