/* text-data.c: text views of load, data list/show/describe/drop, rename,
 * derive and filter. */
#include "config.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/fmt.h"
#include "base/xalloc.h"
#include "views/text.h"

void
text_load(sx_out *o, const sx_rec *r)
{
	const sx_rec *cols = rec_get(r, "columns");
	long long rows = rec_get_int(r, "rows");
	size_t n = rec_len(cols);

	out_printf(o, "%s: %lld row%s, %zu column%s:", rec_get_str(r, "name"),
	    rows, rows == 1 ? "" : "s", n, n == 1 ? "" : "s");
	for (size_t i = 0; i < n; i++) {
		const char *name = rec_get_str(rec_at(cols, i), "name");
		const char *type = rec_get_str(rec_at(cols, i), "type");
		const char *canon = rec_get_str(rec_at(cols, i), "canonical");

		out_printf(o, "%s %s", i > 0 ? "," : "", name);
		if (strcmp(type, "text") == 0)
			out_puts(o, " (text)");
		else if (canon != NULL && strcmp(canon, name) != 0)
			out_printf(o, " (%s)", canon);
	}
	out_puts(o, "\n");
	/* What the reader noticed: underflow, why a column is text. */
	for (size_t i = 0; i < rec_len(rec_get(r, "warnings")); i++) {
		const sx_rec *w = rec_at(rec_get(r, "warnings"), i);

		if (w->type == REC_STR)
			out_printf(o, "  warning: %s\n", w->v.s);
	}
}

void
text_data_list(sx_out *o, const sx_rec *r)
{
	const sx_rec *list = rec_get(r, "datasets");

	if (rec_len(list) == 0) {
		out_puts(o, "no datasets (try 'load FILE' or 'demo chinchilla')\n");
		return;
	}
	out_printf(o, "%-16s %8s %5s  %s\n", "name", "rows", "cols", "source");
	for (size_t i = 0; i < rec_len(list); i++) {
		const sx_rec *d = rec_at(list, i);
		const char *source = rec_get_str(d, "source");

		out_printf(o, "%-16s %8lld %5lld  %s\n", rec_get_str(d, "name"),
		    rec_get_int(d, "rows"), rec_get_int(d, "columns"),
		    source != NULL ? source : "(built in)");
	}
}

/* One cell as text: a number as %.6g, a string as it is, missing (null)
 * as NA. */
static void
text_cell(const sx_rec *v, char *buf, size_t len)
{
	if (v->type == REC_NULL)
		snprintf(buf, len, "NA");
	else if (v->type == REC_STR)
		snprintf(buf, len, "%s", v->v.s);
	else
		snprintf(buf, len, "%.6g", v->v.n);
}

/* Widths in characters: a column's name keeps up to NAME_MAX of them, a
 * cell up to CELL_MAX; longer ones end in "…". */
#define TD_NAME_MAX 32
#define TD_CELL_MAX 24

static size_t
td_min(size_t a, size_t b)
{
	return a < b ? a : b;
}

/* The columns side by side, each as wide as its name or widest cell. */
void
text_data_show(sx_out *o, const sx_rec *r)
{
	const sx_rec *cols = rec_get(r, "columns");
	size_t nc = rec_len(cols), k = rec_len(rec_at(cols, 0)), *w;
	long long rows = rec_get_int(r, "rows");
	char cell[256], out[256];

	w = xcalloc(nc + 1, sizeof *w);
	for (size_t c = 0; c < nc; c++) {
		w[c] = td_min(fmt_width(rec_at(cols, c)->key), TD_NAME_MAX);
		for (size_t i = 0; i < k; i++) {
			text_cell(rec_at(rec_at(cols, c), i), cell, sizeof cell);
			if (td_min(fmt_width(cell), TD_CELL_MAX) > w[c])
				w[c] = td_min(fmt_width(cell), TD_CELL_MAX);
		}
	}
	for (size_t c = 0; c < nc; c++) {
		fmt_cell(out, sizeof out, rec_at(cols, c)->key, w[c], 1);
		out_printf(o, "%s%s", c > 0 ? "  " : "", out);
	}
	out_puts(o, "\n");
	for (size_t i = 0; i < k; i++) {
		for (size_t c = 0; c < nc; c++) {
			text_cell(rec_at(rec_at(cols, c), i), cell, sizeof cell);
			fmt_cell(out, sizeof out, cell, w[c], 1);
			out_printf(o, "%s%s", c > 0 ? "  " : "", out);
		}
		out_puts(o, "\n");
	}
	if ((long long)k < rows)
		out_printf(o, "(%zu of %lld rows; --rows K for more)\n", k, rows);
	free(w);
}

void
text_data_describe(sx_out *o, const sx_rec *r)
{
	const sx_rec *cols = rec_get(r, "columns");
	long long rows = rec_get_int(r, "rows");
	size_t w = 18;
	char name[256];

	for (size_t i = 0; i < rec_len(cols); i++)
		w = w > fmt_width(rec_get_str(rec_at(cols, i), "name")) ? w :
		    td_min(fmt_width(rec_get_str(rec_at(cols, i), "name")),
		    TD_NAME_MAX);
	fmt_cell(name, sizeof name, "column", w, 0);
	out_printf(o, "%s: %lld row%s\n%s %-4s %7s %12s %12s %12s %12s\n",
	    rec_get_str(r, "name"), rows, rows == 1 ? "" : "s", name, "is",
	    "missing", "min", "max", "mean", "sd");
	for (size_t i = 0; i < rec_len(cols); i++) {
		const sx_rec *c = rec_at(cols, i);
		const char *canon = rec_get_str(c, "canonical");
		int stats = rec_get(c, "min") != NULL;
		long long miss = rec_get_int(c, "missing");

		fmt_cell(name, sizeof name, rec_get_str(c, "name"), w, 0);
		if (strcmp(rec_get_str(c, "type"), "text") == 0) {
			out_printf(o, "%s %-4s %7lld\n", name, "text", miss);
			continue;
		}
		if (!stats) {
			/* No value at all (no rows, or every one missing). */
			out_printf(o, "%s %-4s %7lld %12s %12s %12s %12s\n", name,
			    canon != NULL ? canon : "", miss, "-", "-", "-", "-");
			continue;
		}
		out_printf(o, "%s %-4s %7lld %12.6g %12.6g %12.6g %12.6g\n", name,
		    canon != NULL ? canon : "", miss, rec_get_num(c, "min"),
		    rec_get_num(c, "max"), rec_get_num(c, "mean"),
		    rec_get_num(c, "sd"));
	}
}

void
text_data_drop(sx_out *o, const sx_rec *r)
{
	out_printf(o, "dropped %s\n", rec_get_str(r, "name"));
}

void
text_rename(sx_out *o, const sx_rec *r)
{
	out_printf(o, "%s: renamed '%s' to '%s'\n", rec_get_str(r, "data"),
	    rec_get_str(r, "from"), rec_get_str(r, "to"));
}

void
text_derive(sx_out *o, const sx_rec *r)
{
	out_printf(o, "%s: new column %s = %s\n", rec_get_str(r, "data"),
	    rec_get_str(r, "column"), rec_get_str(r, "expr"));
}

void
text_filter(sx_out *o, const sx_rec *r)
{
	out_printf(o, "%s: %lld of %lld rows of %s\n", rec_get_str(r, "name"),
	    rec_get_int(r, "rows"), rec_get_int(r, "of"), rec_get_str(r, "data"));
}

/* The rows without a value, from a record's "missing" array of {column,
 * rows}: "; 3 have no L, 1 has no N" (nothing when it is empty). */
void
text_missing(sx_out *o, const sx_rec *miss)
{
	for (size_t i = 0; i < rec_len(miss); i++) {
		long long k = rec_get_int(rec_at(miss, i), "rows");

		out_printf(o, "%s%lld ha%s no %s", i > 0 ? ", " : "; ", k,
		    k == 1 ? "s" : "ve", rec_get_str(rec_at(miss, i), "column"));
	}
}

/* "complete: 33 of 37 rows of runs; 3 have no L, 1 has no N". */
void
text_dropna(sx_out *o, const sx_rec *r)
{
	out_printf(o, "%s: %lld of %lld rows of %s", rec_get_str(r, "name"),
	    rec_get_int(r, "rows"), rec_get_int(r, "of"), rec_get_str(r, "data"));
	text_missing(o, rec_get(r, "missing"));
	out_puts(o, "\n");
}
