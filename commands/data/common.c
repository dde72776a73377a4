/* common.c: what the data commands share: an expression over a dataset's
 * rows (derive, filter). */
#include "config.h"

#include <stdlib.h>

#include "base/xalloc.h"
#include "commands/data/data.h"
#include "scaling/expr.h"
#include "sessions/colbind.h"

/* Parse EXPR and evaluate it over every row of ds into a new array. */
double *
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
