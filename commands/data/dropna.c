/* dropna.c: dropna: a new dataset of the rows with no missing value in
 * some columns (all by default). */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "base/xalloc.h"
#include "commands/data/data.h"
#include "sessions/colbind.h"
#include "views/view.h"

/*
 * The columns of the comma-separated list `text` (names or aliases, text
 * columns too) into cols[] (ds->ncols entries at most, each once); all
 * of them when text is NULL. Returns their number, or -1 after cmd_fail.
 */
static int
dropna_columns(sx_ctx *ctx, int argi, const sx_dataset *ds, const char *text,
    int *cols)
{
	char *list, *tok, *save = NULL;
	int n = 0;

	if (text == NULL) {
		for (size_t c = 0; c < ds->ncols; c++)
			cols[n++] = (int)c;
		return n;
	}
	list = xstrdup(text);
	for (tok = strtok_r(list, ",", &save); tok != NULL;
	    tok = strtok_r(NULL, ",", &save)) {
		int c = dataset_column(ds, tok), dup = 0;

		if (c < 0) {
			sx_err e;

			err_clear(&e);
			dataset_numeric_column(ds, tok, &e);
			free(list);
			return cmd_fail(ctx, argi, "%s", e.msg);
		}
		for (int k = 0; k < n; k++)
			dup |= cols[k] == c;
		if (!dup && (size_t)n < ds->ncols)
			cols[n++] = c;
	}
	free(list);
	if (n == 0)
		return cmd_fail(ctx, argi, "no column in '%s' (give COL,COL,...)",
		    text);
	return n;
}

static int
cmd_dropna_exec(sx_ctx *ctx, const sx_args *a)
{
	const sx_dataset *ds = colbind_dataset(ctx, arg_index(a, ctx->cmd, "NAME"),
	    arg(a, ctx->cmd, "NAME"));
	const char *as = arg(a, ctx->cmd, "as");
	unsigned char *keep;
	size_t *miss, kept;
	int *cols, n;
	sx_dataset *out;
	sx_rec *r, *mr;

	if (ds == NULL)
		return -1;
	cols = xcalloc(ds->ncols + 1, sizeof *cols);
	n = dropna_columns(ctx, arg_index(a, ctx->cmd, "COLS"), ds,
	    arg(a, ctx->cmd, "COLS"), cols);
	if (n < 0) {
		free(cols);
		return -1;
	}
	keep = xcalloc(ds->nrows + 1, 1);
	miss = xcalloc((size_t)n + 1, sizeof *miss);
	kept = dataset_complete_rows(ds, cols, (size_t)n, keep, miss);
	out = dataset_select_rows(ds, keep, as);
	r = rec_new("dropna");
	rec_str(r, "data", ds->name);
	rec_str(r, "name", as);
	rec_int(r, "rows", (long long)kept);
	rec_int(r, "of", (long long)ds->nrows);
	mr = rec_arr(r, "missing");
	for (int k = 0; k < n; k++) {
		sx_rec *o;

		if (miss[k] == 0)
			continue;
		o = rec_obj(mr, NULL);
		rec_str(o, "column", ds->cols[cols[k]].name);
		rec_int(o, "rows", (long long)miss[k]);
	}
	view_put(ctx->out, r);
	ws_put_dataset(ctx->ws, out);
	ws_set_current(&ctx->ws->cur_data, as);
	free(keep);
	free(miss);
	free(cols);
	return 0;
}

static const sx_argdef dropna_args[] = {
	{ "NAME", ARG_DATASET, 0, NULL, NULL, NULL, NULL },
	{ "COLS", ARG_COLUMN, ARG_OPT, NULL, "COL,...",
	  "the columns that must have a value (names or aliases such as L, "
	  "comma-separated; default: all columns)", NULL },
	{ "as", ARG_NAME, ARG_KEY | ARG_NEED, NULL, "NEW",
	  "the new dataset's name", NULL },
	{ NULL, 0, 0, NULL, NULL, NULL, NULL }
};

const sx_cmd cmd_dropna_entry = {
	"dropna", NULL,
	"Make dataset NEW from the rows of NAME with a value in each of the\n"
	"columns COL,... (all columns by default): a missing cell is an empty\n"
	"one or NA, NaN, nan, null, None or - in the file. Says how many rows\n"
	"had no value in each column, e.g. dropna runs L,N as complete\n",
	dropna_args, CMD_STATE, cmd_dropna_exec
};
