/* common.c: what the data commands share: an expression over a dataset's
 * rows (derive, filter). */
#include "config.h"

#include "commands/data/data.h"
#include "sessions/colbind.h"

/* Parse EXPR and evaluate it over every row of ds into a new array. */
double *
data_eval(sx_ctx *ctx, int argi, const sx_dataset *ds, const char *text,
    const char *textres)
{
	return colbind_eval(ctx, argi, ds, text, "", textres);
}
