/* colbind.c: datasets and columns named in commands, found or explained. */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "base/xalloc.h"
#include "sessions/colbind.h"

/* "a, b, c" of the dataset's column names, into buf. */
static void
column_list(const sx_dataset *ds, char *buf, size_t len)
{
	size_t used = 0;

	buf[0] = '\0';
	for (size_t i = 0; i < ds->ncols && used + 4 < len; i++)
		used += (size_t)snprintf(buf + used, len - used, "%s%s",
		    i > 0 ? ", " : "", ds->cols[i].name);
}

int
colbind_column(sx_ctx *ctx, int argi, const sx_dataset *ds, const char *name)
{
	int c = dataset_column(ds, name);
	char list[400];

	if (c < 0) {
		column_list(ds, list, sizeof list);
		return cmd_fail(ctx, argi, "no column '%s' in '%s' (columns: %s)",
		    name, ds->name, list);
	}
	if (ds->cols[c].v == NULL)
		return cmd_fail(ctx, argi, "column '%s' of '%s' is text, not numbers",
		    ds->cols[c].name, ds->name);
	return c;
}

sx_dataset *
colbind_dataset(sx_ctx *ctx, int argi, const char *name)
{
	sx_dataset *ds = ws_dataset(ctx->ws, name);
	char list[400];
	size_t used = 0;

	if (ds != NULL)
		return ds;
	list[0] = '\0';
	for (size_t i = 0; i < ctx->ws->nds && used + 4 < sizeof list; i++)
		used += (size_t)snprintf(list + used, sizeof list - used, "%s%s",
		    i > 0 ? ", " : "", ctx->ws->ds[i]->name);
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
