/* colbind.c: datasets and columns named in commands, found or explained. */
#include "config.h"

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

int
colbind(sx_ctx *ctx, int argi, const sx_dataset *ds, const sx_expr *e,
    const double ***cols)
{
	size_t n = expr_nvars(e);
	const double **c = xcalloc(n, sizeof *c);

	for (size_t i = 0; i < n; i++) {
		int k = colbind_column(ctx, argi, ds, expr_var(e, i));
		if (k < 0) {
			free(c);
			return -1;
		}
		c[i] = ds->cols[k].v;
	}
	*cols = c;
	return 0;
}
