/* rename.c: rename: a column of a dataset renamed. */
#include "config.h"

#include "commands/data/data.h"
#include "sessions/colbind.h"
#include "views/view.h"

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

static const sx_argdef rename_args[] = {
	{ "NAME", ARG_DATASET, 0, NULL, NULL, NULL, NULL },
	{ "OLD", ARG_COLUMN, 0, NULL, NULL, NULL, NULL },
	{ "NEW", ARG_NAME, 0, NULL, NULL, NULL, NULL },
	{ NULL, 0, 0, NULL, NULL, NULL, NULL }
};
const sx_cmd cmd_rename_entry = {
	"rename", NULL,
	"Rename column OLD of dataset NAME to NEW, e.g.\n"
	"  rename ep \"Model Size\" N\n", rename_args, CMD_STATE, cmd_rename_exec
};
