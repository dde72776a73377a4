/* filter.c: filter: a new dataset of the rows where an expression holds. */
#include "config.h"

#include <math.h>
#include <stdlib.h>

#include "base/xalloc.h"
#include "commands/data/data.h"
#include "sessions/colbind.h"
#include "views/view.h"

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
	v = data_eval(ctx, arg_index(a, ctx->cmd, "EXPR"), ds,
	    arg(a, ctx->cmd, "EXPR"), NULL);
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

static const sx_argdef filter_args[] = {
	{ "NAME", ARG_DATASET, 0, NULL, NULL, NULL, NULL },
	{ "EXPR", ARG_EXPR, ARG_REST, NULL, NULL, NULL, NULL },
	{ "as", ARG_NAME, ARG_KEY | ARG_NEED, NULL, "NEW",
	  "the new dataset's name", NULL },
	{ NULL, 0, 0, NULL, NULL, NULL, NULL }
};
const sx_cmd cmd_filter_entry = {
	"filter", NULL,
	"Make dataset NEW from the rows of NAME where EXPR is true (non-zero),\n"
	"e.g. filter ep \"L < 3.44\" as ep240. A text column is compared with\n"
	"quoted text by == != in (...) and not in (...), the whole expression\n"
	"in the other quotes: filter g 'dataset_name == \"rpj\"' as rpj,\n"
	"filter g \"dataset_name in ('c4_original', 'rpj')\" as two\n",
	filter_args, CMD_STATE, cmd_filter_exec
};
