/* derive.c: derive: a column computed from an expression over the others. */
#include "config.h"

#include <math.h>
#include <stdlib.h>

#include "commands/data/data.h"
#include "sessions/colbind.h"
#include "views/view.h"

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
	unsigned char *miss;
	sx_rec *r;
	sx_err e;

	if (ds == NULL)
		return -1;
	if (dataset_column_exact(ds, col) >= 0)
		return cmd_fail(ctx, arg_index(a, ctx->cmd, "COL"),
		    "'%s' already has a column '%s' (drop or rename it first)",
		    ds->name, col);
	v = colbind_eval_rows(ctx, argi, ds, expr, "", "the expression's value "
	    "is text: derive makes number columns only (a text result is not "
	    "supported)", &miss);
	if (v == NULL)
		return -1;
	/* A missing input gives a missing value; anything else not finite
	 * is an error. */
	for (size_t i = ds->nrows; i-- > 0;)
		if (!isfinite(v[i]) && (miss == NULL || !miss[i])) {
			bad++;
			first = i;
		}
	free(miss);
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

static const sx_argdef derive_args[] = {
	{ "NAME", ARG_DATASET, 0, NULL, NULL, NULL, NULL },
	{ "COL", ARG_NAME, 0, NULL, NULL, NULL, NULL },
	{ "=", ARG_LITERAL, 0, NULL, NULL, NULL, NULL },
	{ "EXPR", ARG_EXPR, ARG_REST, NULL, NULL, NULL, NULL },
	{ NULL, 0, 0, NULL, NULL, NULL, NULL }
};
const sx_cmd cmd_derive_entry = {
	"derive", NULL,
	"Add column COL to dataset NAME, computed row by row from EXPR over its\n"
	"columns: + - * / ^, exp log log10 sqrt abs min max, comparisons,\n"
	"and/or/not, e.g. 'derive ep D = C/(6*N)'; text columns compare with\n"
	"quoted text (== != in), giving 1 or 0, and a text result is not\n"
	"supported. Where a column it uses is missing, so is the result;\n"
	"elsewhere it fails, changing nothing, if the result is not finite on\n"
	"some row.\n",
	derive_args, CMD_STATE, cmd_derive_exec
};
