/* colbind.c: datasets and columns named in commands, found or explained. */
#include "config.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "base/fmt.h"
#include "base/xalloc.h"
#include "sessions/colbind.h"

int
colbind_column(sx_ctx *ctx, int argi, const sx_dataset *ds, const char *name)
{
	sx_err e;
	int c;

	err_clear(&e);
	if ((c = dataset_numeric_column(ds, name, &e)) < 0)
		return cmd_fail(ctx, argi, "%s", e.msg);
	return c;
}

sx_dataset *
colbind_dataset(sx_ctx *ctx, int argi, const char *name)
{
	sx_dataset *ds = ws_dataset(ctx->ws, name);
	char list[400];

	if (ds != NULL)
		return ds;
	list[0] = '\0';
	for (size_t i = 0; i < ctx->ws->nds; i++)
		if (fmt_append(list, sizeof list, "%s%s", i > 0 ? ", " : "",
		    ctx->ws->ds[i]->name) != 0)
			break;
	if (ctx->ws->nds == 0)
		cmd_fail(ctx, argi, "no dataset '%s' (none loaded: try 'load' or "
		    "'demo')", name);
	else
		cmd_fail(ctx, argi, "no dataset '%s' (have: %s)", name, list);
	return NULL;
}

/* Name i of e has no column: say so, and when it is compared with a text
 * column (`dataset_name == rpj`), that text is written in quotes. */
static int
colbind_missing(sx_ctx *ctx, int argi, const sx_dataset *ds, const sx_expr *e,
    size_t i)
{
	int j = expr_compared_with(e, i), k;
	const char *name = expr_var(e, i);

	k = j >= 0 ? dataset_column(ds, expr_var(e, (size_t)j)) : -1;
	if (k >= 0 && ds->cols[k].text != NULL)
		return cmd_fail(ctx, argi, "no column '%s' in '%s': to compare "
		    "the text column '%s' with the text %s, quote it inside the "
		    "quoted expression, as in '%s == \"%s\"'", name, ds->name,
		    ds->cols[k].name, name, expr_var(e, (size_t)j), name);
	return colbind_column(ctx, argi, ds, name);
}

/* Bind every name of e to a column of ds, numbers or text. */
static int
colbind(sx_ctx *ctx, int argi, const sx_dataset *ds, const sx_expr *e,
    sx_expr_bind *b)
{
	size_t n = expr_nvars(e);
	const double **col = xcalloc(n + 1, sizeof *col);
	char *const **text = xcalloc(n + 1, sizeof *text);

	b->col = col;
	b->text = text;
	b->val = NULL;
	for (size_t i = 0; i < n; i++) {
		int k = dataset_column(ds, expr_var(e, i));

		if (k < 0)
			return colbind_missing(ctx, argi, ds, e, i);
		col[i] = ds->cols[k].v;
		text[i] = ds->cols[k].text;
	}
	return 0;
}

/*
 * The rows of ds where a column x names is missing, into a new mask (NULL
 * when there are none): there, the expression's value is missing too.
 */
static unsigned char *
colbind_missing_rows(const sx_dataset *ds, const sx_expr *x)
{
	unsigned char *miss = NULL;

	for (size_t k = 0; k < expr_nvars(x); k++) {
		int c = dataset_column(ds, expr_var(x, k));

		for (size_t i = 0; c >= 0 && i < ds->nrows; i++) {
			if (!dataset_missing(&ds->cols[c], i))
				continue;
			if (miss == NULL)
				miss = xcalloc(ds->nrows + 1, 1);
			miss[i] = 1;
		}
	}
	return miss;
}

double *
colbind_eval(sx_ctx *ctx, int argi, const sx_dataset *ds, const char *text,
    const char *what, const char *textres)
{
	return colbind_eval_rows(ctx, argi, ds, text, what, textres, NULL);
}

double *
colbind_eval_rows(sx_ctx *ctx, int argi, const sx_dataset *ds,
    const char *text, const char *what, const char *textres,
    unsigned char **missing)
{
	sx_expr_bind b = { NULL, NULL, NULL };
	double *v = NULL;
	unsigned char *miss = NULL;
	sx_expr *x;
	sx_err e;
	int type;

	if (missing != NULL)
		*missing = NULL;

	err_clear(&e);
	if ((x = expr_parse(text, &e)) == NULL) {
		cmd_fail(ctx, argi, "%sin expression, column %d: %s", what, e.col,
		    e.msg);
		return NULL;
	}
	if (colbind(ctx, argi, ds, x, &b) != 0)
		goto out;
	if ((type = expr_typeof(x, &b, &e)) < 0) {
		cmd_fail(ctx, argi, "%sin expression, column %d: %s", what, e.col,
		    e.msg);
		goto out;
	}
	if (type == EXPR_TEXT) {
		if (textres != NULL)
			cmd_fail(ctx, argi, "%s%s", what, textres);
		else
			cmd_fail(ctx, argi, "%s'%s' is text, not a condition: "
			    "compare it, as in %s == \"...\"", what, text, text);
		goto out;
	}
	v = xcalloc(ds->nrows + 1, sizeof *v);
	if (expr_eval(x, &b, ds->nrows, v, &e) != 0) {
		cmd_fail(ctx, argi, "%s%s", what, e.msg);
		free(v);
		v = NULL;
		goto out;
	}
	miss = colbind_missing_rows(ds, x);
	for (size_t i = 0; miss != NULL && i < ds->nrows; i++)
		if (miss[i])
			v[i] = NAN;
	if (missing != NULL) {
		*missing = miss;
		miss = NULL;
	}
out:
	free(miss);
	free((void *)b.col);
	free((void *)b.text);
	expr_free(x);
	return v;
}
