/* cmd-data.c: load, data list/show/describe/drop, rename, derive, filter. */
#include "config.h"

#include <ctype.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "base/sha256.h"
#include "base/xalloc.h"
#include "scaling/columns.h"
#include "scaling/csv.h"
#include "scaling/expr.h"
#include "sessions/cmd.h"
#include "sessions/colbind.h"
#include "sessions/lex.h"
#include "views/view.h"

/* Default dataset name from a path: the file's base name up to its first
 * '.', with characters outside [A-Za-z0-9_] made '_'. */
static char *
data_default_name(const char *path)
{
	const char *base = strrchr(path, '/');
	char *name;

	base = base != NULL ? base + 1 : path;
	name = xstrndup(base, strcspn(base, "."));
	for (char *p = name; *p != '\0'; p++)
		if (!isalnum((unsigned char)*p) && *p != '_')
			*p = '_';
	if (name[0] == '\0') {
		free(name);
		name = xstrdup("data");
	}
	return name;
}

/* The record of a loaded dataset: its size, its columns' types and the
 * quantities they stand for. */
static void
data_report_loaded(sx_out *o, const sx_dataset *ds)
{
	sx_rec *r = rec_new("load"), *cols;

	rec_str(r, "name", ds->name);
	rec_int(r, "rows", (long long)ds->nrows);
	cols = rec_arr(r, "columns");
	for (size_t i = 0; i < ds->ncols; i++) {
		sx_rec *c = rec_obj(cols, NULL);

		rec_str(c, "name", ds->cols[i].name);
		rec_str(c, "type", ds->cols[i].v != NULL ? "number" : "text");
		rec_str(c, "canonical", column_canonical(ds->cols[i].name));
	}
	view_put(o, r);
}

/*
 * The log entry of a load: the data inlined as a here-document with where
 * it came from and its SHA-256, so a saved session replays without the file.
 */
static char *
data_load_logtext(const char *name, const char *from, const char *text,
    size_t len)
{
	char hex[65], *qn = lex_quote(name), *qf = lex_quote(from), *cmd, *s;

	sha256_hex(text, len, hex);
	cmd = xasprintf("load - as %s --from %s --sha256 %s", qn, qf, hex);
	s = lex_with_heredoc(cmd, text, len);
	free(cmd);
	free(qn);
	free(qf);
	return s;
}

static int
cmd_load_exec(sx_ctx *ctx, const sx_args *a)
{
	const char *path = arg(a, ctx->cmd, "PATH");
	const char *as = arg(a, ctx->cmd, "as");
	const char *from = arg(a, ctx->cmd, "--from");
	const char *sum = arg(a, ctx->cmd, "--sha256");
	int argi = arg_index(a, ctx->cmd, "PATH");
	char *name = as != NULL ? xstrdup(as) : data_default_name(path);
	char *text = NULL, hex[65];
	size_t len;
	sx_dataset *ds = NULL;
	sx_err e;

	err_clear(&e);
	if (strcmp(path, "-") == 0) {
		if (ctx->cl->heredoc == NULL) {
			cmd_fail(ctx, argi, "'load -' reads a here-document: "
			    "load - as NAME <<END");
			goto out;
		}
		if (sum != NULL) {
			sha256_hex(ctx->cl->heredoc, ctx->cl->heredoc_len, hex);
			if (strcmp(hex, sum) != 0) {
				cmd_fail(ctx, arg_index(a, ctx->cmd, "--sha256"), "the "
				    "inlined data does not match its SHA-256: the session "
				    "file was changed or damaged");
				goto out;
			}
		}
		ds = csv_parse(ctx->cl->heredoc, ctx->cl->heredoc_len,
		    "<here-document>", name, &e);
		if (ds == NULL && e.line > 0)
			e.line += ctx->cl->heredoc_line - 1;
		if (ds != NULL && from != NULL)
			ds->source = xstrdup(from);
	} else {
		if (ctx->cl->heredoc != NULL || from != NULL || sum != NULL) {
			cmd_fail(ctx, argi, "a here-document, --from and --sha256 go "
			    "with 'load -', not a path");
			goto out;
		}
		if (csv_read_text(path, &text, &len, &e) == 0) {
			ds = csv_parse(text, len, path, name, &e);
			if (ds != NULL) {
				ds->source = xstrdup(path);
				ctx->logtext = data_load_logtext(name, path, text, len);
			}
		}
	}
	if (ds == NULL) {
		cmd_fail_err(ctx, argi, &e);
		goto out;
	}
	ws_put_dataset(ctx->ws, ds);
	ws_set_current(&ctx->ws->cur_data, ds->name);
	data_report_loaded(ctx->out, ds);
out:
	free(name);
	free(text);
	return ds != NULL ? 0 : -1;
}

static int
cmd_data_list_exec(sx_ctx *ctx, const sx_args *a)
{
	sx_workspace *ws = ctx->ws;
	sx_rec *r = rec_new("data list"), *list = rec_arr(r, "datasets");

	(void)a;
	for (size_t i = 0; i < ws->nds; i++) {
		sx_rec *d = rec_obj(list, NULL);

		rec_str(d, "name", ws->ds[i]->name);
		rec_int(d, "rows", (long long)ws->ds[i]->nrows);
		rec_int(d, "columns", (long long)ws->ds[i]->ncols);
		rec_str(d, "source", ws->ds[i]->source);
	}
	view_put(ctx->out, r);
	return 0;
}

static int
cmd_data_show_exec(sx_ctx *ctx, const sx_args *a)
{
	const sx_dataset *ds = colbind_dataset(ctx, arg_index(a, ctx->cmd, "NAME"),
	    arg(a, ctx->cmd, "NAME"));
	const char *rows = arg(a, ctx->cmd, "--rows");
	size_t k = rows != NULL ? strtoul(rows, NULL, 10) : 10;
	sx_rec *r, *cols;

	if (ds == NULL)
		return -1;
	if (k > ds->nrows)
		k = ds->nrows;
	r = rec_new("data show");
	rec_str(r, "name", ds->name);
	rec_int(r, "rows", (long long)ds->nrows);
	cols = rec_obj(r, "columns");
	for (size_t c = 0; c < ds->ncols; c++) {
		sx_rec *col = rec_arr(cols, ds->cols[c].name);

		for (size_t i = 0; i < k; i++) {
			if (ds->cols[c].v != NULL)
				rec_num(col, NULL, ds->cols[c].v[i]);
			else
				rec_str(col, NULL, ds->cols[c].text[i]);
		}
	}
	view_put(ctx->out, r);
	return 0;
}

static int
cmd_data_describe_exec(sx_ctx *ctx, const sx_args *a)
{
	const sx_dataset *ds = colbind_dataset(ctx, arg_index(a, ctx->cmd, "NAME"),
	    arg(a, ctx->cmd, "NAME"));
	sx_rec *r, *cols;

	if (ds == NULL)
		return -1;
	r = rec_new("data describe");
	rec_str(r, "name", ds->name);
	rec_int(r, "rows", (long long)ds->nrows);
	cols = rec_arr(r, "columns");
	for (size_t c = 0; c < ds->ncols; c++) {
		const sx_column *col = &ds->cols[c];
		double mn = INFINITY, mx = -INFINITY, sum = 0, ss = 0, mean, sd;
		sx_rec *cr = rec_obj(cols, NULL);

		rec_str(cr, "name", col->name);
		rec_str(cr, "canonical", column_canonical(col->name));
		rec_str(cr, "type", col->v != NULL ? "number" : "text");
		if (col->v == NULL || ds->nrows == 0)
			continue;
		for (size_t i = 0; i < ds->nrows; i++) {
			mn = fmin(mn, col->v[i]);
			mx = fmax(mx, col->v[i]);
			sum += col->v[i];
		}
		mean = sum / (double)ds->nrows;
		for (size_t i = 0; i < ds->nrows; i++)
			ss += (col->v[i] - mean) * (col->v[i] - mean);
		sd = ds->nrows > 1 ? sqrt(ss / (double)(ds->nrows - 1)) : NAN;
		rec_num(cr, "min", mn);
		rec_num(cr, "max", mx);
		rec_num(cr, "mean", mean);
		rec_num(cr, "sd", sd);
	}
	view_put(ctx->out, r);
	return 0;
}

static int
cmd_data_drop_exec(sx_ctx *ctx, const sx_args *a)
{
	const char *name = arg(a, ctx->cmd, "NAME");
	sx_rec *r;

	if (colbind_dataset(ctx, arg_index(a, ctx->cmd, "NAME"), name) == NULL)
		return -1;
	r = rec_new("data drop");
	rec_str(r, "name", name);
	view_put(ctx->out, r);
	if (ctx->ws->cur_data != NULL && strcmp(ctx->ws->cur_data, name) == 0)
		ws_set_current(&ctx->ws->cur_data, NULL);
	ws_drop_dataset(ctx->ws, name);
	return 0;
}

static int
cmd_rename_exec(sx_ctx *ctx, const sx_args *a)
{
	sx_dataset *ds = colbind_dataset(ctx, arg_index(a, ctx->cmd, "NAME"),
	    arg(a, ctx->cmd, "NAME"));
	const char *from = arg(a, ctx->cmd, "OLD"), *to = arg(a, ctx->cmd, "NEW");
	sx_rec *r;
	sx_err e;

	if (ds == NULL)
		return -1;
	err_clear(&e);
	if (dataset_rename_column(ds, from, to, &e) != 0)
		return cmd_fail(ctx, arg_index(a, ctx->cmd,
		    dataset_column_exact(ds, from) < 0 ? "OLD" : "NEW"), "%s", e.msg);
	r = rec_new("rename");
	rec_str(r, "data", ds->name);
	rec_str(r, "from", from);
	rec_str(r, "to", to);
	view_put(ctx->out, r);
	return 0;
}

/* Parse EXPR and evaluate it over every row of ds into a new array. */
static double *
data_eval(sx_ctx *ctx, int argi, const sx_dataset *ds, const char *text)
{
	sx_err e;
	sx_expr *x;
	const double **cols;
	sx_expr_bind b;
	double *v;

	err_clear(&e);
	x = expr_parse(text, &e);
	if (x == NULL) {
		cmd_fail(ctx, argi, "in expression, column %d: %s", e.col, e.msg);
		return NULL;
	}
	if (colbind(ctx, argi, ds, x, &cols) != 0) {
		expr_free(x);
		return NULL;
	}
	b.col = cols;
	b.val = NULL;
	v = xcalloc(ds->nrows, sizeof *v);
	if (expr_eval(x, &b, ds->nrows, v, &e) != 0) {
		cmd_fail(ctx, argi, "%s", e.msg);
		free(v);
		v = NULL;
	}
	free(cols);
	expr_free(x);
	return v;
}

static int
cmd_derive_exec(sx_ctx *ctx, const sx_args *a)
{
	sx_dataset *ds = colbind_dataset(ctx, arg_index(a, ctx->cmd, "NAME"),
	    arg(a, ctx->cmd, "NAME"));
	const char *col = arg(a, ctx->cmd, "COL");
	const char *expr = arg(a, ctx->cmd, "EXPR");
	int argi = arg_index(a, ctx->cmd, "EXPR");
	double *v;
	size_t bad = 0, first = 0;
	sx_rec *r;
	sx_err e;

	if (ds == NULL)
		return -1;
	if (dataset_column_exact(ds, col) >= 0)
		return cmd_fail(ctx, arg_index(a, ctx->cmd, "COL"),
		    "'%s' already has a column '%s' (drop or rename it first)",
		    ds->name, col);
	v = data_eval(ctx, argi, ds, expr);
	if (v == NULL)
		return -1;
	for (size_t i = ds->nrows; i-- > 0;)
		if (!isfinite(v[i])) {
			bad++;
			first = i;
		}
	if (bad > 0) {
		free(v);
		return cmd_fail(ctx, argi, "the expression is not finite on %zu "
		    "row%s (first: row %zu)", bad, bad > 1 ? "s" : "", first + 1);
	}
	err_clear(&e);
	if (dataset_add_column(ds, col, NULL, v, &e) != 0) {
		free(v);
		return cmd_fail(ctx, arg_index(a, ctx->cmd, "COL"), "%s", e.msg);
	}
	free(v);
	r = rec_new("derive");
	rec_str(r, "data", ds->name);
	rec_str(r, "column", col);
	rec_str(r, "expr", expr);
	view_put(ctx->out, r);
	return 0;
}

static int
cmd_filter_exec(sx_ctx *ctx, const sx_args *a)
{
	const sx_dataset *ds = colbind_dataset(ctx, arg_index(a, ctx->cmd, "NAME"),
	    arg(a, ctx->cmd, "NAME"));
	const char *as = arg(a, ctx->cmd, "as");
	unsigned char *keep;
	sx_dataset *out;
	double *v;
	size_t kept = 0;
	sx_rec *r;

	if (ds == NULL)
		return -1;
	if (as == NULL)
		return cmd_fail(ctx, ctx->cl->argc, "missing 'as NEW' (usage: %s)",
		    ctx->cmd->synopsis);
	v = data_eval(ctx, arg_index(a, ctx->cmd, "EXPR"), ds,
	    arg(a, ctx->cmd, "EXPR"));
	if (v == NULL)
		return -1;
	keep = xcalloc(ds->nrows, 1);
	for (size_t i = 0; i < ds->nrows; i++) {
		keep[i] = v[i] != 0 && !isnan(v[i]);
		kept += keep[i];
	}
	free(v);
	out = dataset_select_rows(ds, keep, as);
	free(keep);
	r = rec_new("filter");
	rec_str(r, "data", ds->name);
	rec_str(r, "name", as);
	rec_int(r, "rows", (long long)kept);
	rec_int(r, "of", (long long)ds->nrows);
	view_put(ctx->out, r);
	ws_put_dataset(ctx->ws, out);
	ws_set_current(&ctx->ws->cur_data, as);
	return 0;
}

static const sx_argdef load_args[] = {
	{ "PATH", ARG_PATH, 0, NULL, NULL, NULL, NULL },
	{ "as", ARG_NAME, ARG_KEY, NULL, "NAME", NULL, NULL },
	{ "--from", ARG_PATH, 0, NULL, "PATH", NULL, NULL },
	{ "--sha256", ARG_WORD, 0, NULL, "HEX", NULL, NULL },
	{ NULL, 0, 0, NULL, NULL, NULL, NULL }
};
static const sx_argdef name_args[] = {
	{ "NAME", ARG_DATASET, 0, NULL, NULL, NULL, NULL },
	{ NULL, 0, 0, NULL, NULL, NULL, NULL }
};
static const sx_argdef show_args[] = {
	{ "NAME", ARG_DATASET, 0, NULL, NULL, NULL, NULL },
	{ "--rows", ARG_INT, 0, NULL, "K", NULL, NULL },
	{ NULL, 0, 0, NULL, NULL, NULL, NULL }
};
static const sx_argdef rename_args[] = {
	{ "NAME", ARG_DATASET, 0, NULL, NULL, NULL, NULL },
	{ "OLD", ARG_COLUMN, 0, NULL, NULL, NULL, NULL },
	{ "NEW", ARG_NAME, 0, NULL, NULL, NULL, NULL },
	{ NULL, 0, 0, NULL, NULL, NULL, NULL }
};
static const sx_argdef derive_args[] = {
	{ "NAME", ARG_DATASET, 0, NULL, NULL, NULL, NULL },
	{ "COL", ARG_NAME, 0, NULL, NULL, NULL, NULL },
	{ "=", ARG_LITERAL, 0, NULL, NULL, NULL, NULL },
	{ "EXPR", ARG_EXPR, ARG_REST, NULL, NULL, NULL, NULL },
	{ NULL, 0, 0, NULL, NULL, NULL, NULL }
};
static const sx_argdef filter_args[] = {
	{ "NAME", ARG_DATASET, 0, NULL, NULL, NULL, NULL },
	{ "EXPR", ARG_EXPR, ARG_REST, NULL, NULL, NULL, NULL },
	{ "as", ARG_NAME, ARG_KEY, NULL, "NEW", NULL, NULL },
	{ NULL, 0, 0, NULL, NULL, NULL, NULL }
};
static const sx_argdef no_args[] = {
	{ NULL, 0, 0, NULL, NULL, NULL, NULL }
};

const sx_cmd cmd_data_table[] = {
	{ "load", "load PATH [as NAME] [--from PATH --sha256 HEX]",
	  "Read a CSV or TSV file into a dataset. The first line that is not a\n"
	  "'#' comment is the header; the delimiter (comma, tab or semicolon) is\n"
	  "taken from it. Columns whose first cell is not a number are kept as\n"
	  "text; every other cell must be a finite number, or the load fails\n"
	  "with file:line:column and nothing changes. Columns are recognised as\n"
	  "N (parameters), D (tokens), C (compute, FLOP), L (loss), S (steps)\n"
	  "and t (time) from common names (params, tokens, flops, loss, ...).\n"
	  "NAME defaults to the file's base name. 'load - as NAME <<END' reads\n"
	  "the lines up to END (a here-document) instead of a file; saved\n"
	  "sessions inline loaded files that way, with --from naming the\n"
	  "original file and --sha256 its checksum (checked on replay).\n",
	  load_args, CMD_STATE, cmd_load_exec },
	{ "data", "data list|show|describe|drop ...",
	  "Look at and manage datasets.\n", no_args, 0, NULL },
	{ "data list", "data list", "List the datasets: rows, columns, source.\n",
	  no_args, 0, cmd_data_list_exec },
	{ "data show", "data show NAME [--rows K]",
	  "Print the first K rows (--rows K, default 10) of a dataset.\n",
	  show_args, 0, cmd_data_show_exec },
	{ "data describe", "data describe NAME",
	  "Per column: the canonical quantity it stands for, min, max, mean and\n"
	  "standard deviation.\n", name_args, 0, cmd_data_describe_exec },
	{ "data drop", "data drop NAME", "Remove a dataset (fits made from it stay).\n",
	  name_args, CMD_STATE, cmd_data_drop_exec },
	{ "rename", "rename NAME OLD NEW",
	  "Rename column OLD of dataset NAME to NEW, e.g.\n"
	  "  rename ep \"Model Size\" N\n", rename_args, CMD_STATE, cmd_rename_exec },
	{ "derive", "derive NAME COL = EXPR",
	  "Add column COL to dataset NAME, computed row by row from EXPR over its\n"
	  "columns: + - * / ^, exp log log10 sqrt abs min max, comparisons,\n"
	  "and/or/not, e.g. 'derive ep D = C/(6*N)'. Fails, changing nothing, if\n"
	  "the result is not finite on some row.\n",
	  derive_args, CMD_STATE, cmd_derive_exec },
	{ "filter", "filter NAME EXPR as NEW",
	  "Make dataset NEW from the rows of NAME where EXPR is true (non-zero),\n"
	  "e.g. filter ep \"L < 3.44\" as ep240\n",
	  filter_args, CMD_STATE, cmd_filter_exec },
	{ NULL, NULL, NULL, NULL, 0, NULL }
};
