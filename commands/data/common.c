/* common.c: what the data commands share: an expression over a dataset's
 * rows (derive, filter). */
#include "config.h"

#include <math.h>
#include <stdlib.h>

#include "base/xalloc.h"
#include "commands/data/data.h"
#include "scaling/expr.h"
#include "sessions/colbind.h"

/*
 * The rows of ds where a column x names is missing, into a new mask (NULL
 * when there are none): there, an expression's value is missing too.
 */
static unsigned char *
data_missing_inputs(const sx_dataset *ds, const sx_expr *x)
{
	unsigned char *miss = NULL;

	for (size_t k = 0; k < expr_nvars(x); k++) {
		int c = dataset_column(ds, expr_var(x, k));

		for (size_t i = 0; c >= 0 && i < ds->nrows; i++) {
			if (!dataset_missing(&ds->cols[c], i))
				continue;
			if (miss == NULL)
				miss = xcalloc(ds->nrows, 1);
			miss[i] = 1;
		}
	}
	return miss;
}

double *
data_eval_rows(sx_ctx *ctx, int argi, const sx_dataset *ds, const char *text,
    unsigned char **missing)
{
	sx_err e;
	sx_expr *x;
	const double **cols;
	sx_expr_bind b;
	double *v;
	unsigned char *miss;

	if (missing != NULL)
		*missing = NULL;
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
	miss = v != NULL ? data_missing_inputs(ds, x) : NULL;
	for (size_t i = 0; miss != NULL && i < ds->nrows; i++)
		if (miss[i])
			v[i] = NAN;
	if (missing != NULL)
		*missing = miss;
	else
		free(miss);
	free(cols);
	expr_free(x);
	return v;
}

double *
data_eval(sx_ctx *ctx, int argi, const sx_dataset *ds, const char *text)
{
	return data_eval_rows(ctx, argi, ds, text, NULL);
}
