/* colbind.h: binding an expression's names to a dataset's columns. */
#ifndef SX_COLBIND_H
#define SX_COLBIND_H

#include "scaling/dataset.h"
#include "scaling/expr.h"
#include "sessions/cmd.h"

/*
 * Bind every variable of e to a numeric column of ds (by exact name or
 * canonical alias). On failure reports through cmd_fail at argv index argi
 * and returns -1. *cols is a malloc'ed array of expr_nvars(e) pointers.
 */
int colbind(sx_ctx *ctx, int argi, const sx_dataset *ds, const sx_expr *e,
    const double ***cols);

/* A dataset by name, or a cmd_fail naming the known ones. */
sx_dataset *colbind_dataset(sx_ctx *ctx, int argi, const char *name);

/* A numeric column index by name or alias, or a cmd_fail. */
int colbind_column(sx_ctx *ctx, int argi, const sx_dataset *ds,
    const char *name);

#endif
