/* colbind.h: binding an expression's names to a dataset's columns. */
#ifndef SX_COLBIND_H
#define SX_COLBIND_H

#include "scaling/dataset.h"
#include "scaling/expr.h"
#include "sessions/cmd.h"

/*
 * Expression `text` over every row of ds: its names bound to columns of
 * ds, numbers or text (by exact name or canonical alias), its types
 * checked. Returns nrows values (malloc'ed), or NULL after a cmd_fail at
 * argv index argi (where an input is missing, so is the value: see
 * colbind_eval_rows): a syntax or type error ("in expression, column C: ..."),
 * an unknown name, or a text result (the message `textres`; NULL says the
 * expression is not a condition). Messages begin with `what` ("" or
 * "--holdout: ").
 */
double *colbind_eval(sx_ctx *ctx, int argi, const sx_dataset *ds,
    const char *text, const char *what, const char *textres);
/*
 * colbind_eval; where a column the expression names is missing (NaN, or
 * "" in a text column), its value is missing too (NaN), and when
 * `missing` is not NULL those rows are marked in a new mask there (NULL
 * when there are none), so a caller can tell them from values not finite
 * for other reasons.
 */
double *colbind_eval_rows(sx_ctx *ctx, int argi, const sx_dataset *ds,
    const char *text, const char *what, const char *textres,
    unsigned char **missing);

/* A dataset by name, or a cmd_fail naming the known ones. */
sx_dataset *colbind_dataset(sx_ctx *ctx, int argi, const char *name);

/* A numeric column index by name or alias, or a cmd_fail. */
int colbind_column(sx_ctx *ctx, int argi, const sx_dataset *ds,
    const char *name);

#endif
