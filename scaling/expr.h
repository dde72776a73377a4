/* expr.h: a small expression language over columns, parameters, constants. */
#ifndef SX_EXPR_H
#define SX_EXPR_H

#include <stddef.h>

#include "base/err.h"

/*
 * Grammar (lowest precedence first):
 *   or  and  not  comparisons (< <= > >= == !=)  + -  * /  unary -  ^ (right)
 *   primary: number (1e-3, .5), identifier, NAME(args), ( expr )
 * Functions: exp log log10 sqrt abs min max (min/max take 2+ arguments).
 * Identifiers are column or parameter names; "pi" is the constant. A name
 * with spaces can be written in backquotes: `Model Size`.
 * Booleans are 1 and 0. Domain errors (log of a negative, 1/0) evaluate to
 * NaN or Inf; callers check finiteness, the evaluator does not fail on them.
 */
typedef struct sx_expr sx_expr;

/* Parse `text` once into a compact form. On error, err->col is the 1-based
 * column of the offending token and err->where is "<expr>". */
sx_expr *expr_parse(const char *text, sx_err *err);
void expr_free(sx_expr *e);
const char *expr_text(const sx_expr *e);

/* The distinct identifiers the expression uses, in order of first use. */
size_t expr_nvars(const sx_expr *e);
const char *expr_var(const sx_expr *e, size_t i);
/* Index of identifier `name`, or -1. */
int expr_var_index(const sx_expr *e, const char *name);

/* What each variable stands for while evaluating over n rows: a column of
 * n values (col[i] != NULL) or a scalar (val[i]). Both arrays are indexed
 * like expr_var(). */
typedef struct sx_expr_bind {
	const double *const *col;
	const double *val;
} sx_expr_bind;

/* out[r] = value at row r, for r < n. Returns 0 (never fails on domain
 * errors; see above), -1 only for a bad binding. */
int expr_eval(const sx_expr *e, const sx_expr_bind *b, size_t n, double *out,
    sx_err *err);

/*
 * Values and exact derivatives (forward mode) with respect to the scalar
 * variables wrt[0..nwrt-1] (indices as expr_var()). jac is n x nwrt,
 * row-major: jac[r*nwrt + k] = d out[r] / d var[wrt[k]].
 */
int expr_eval_grad(const sx_expr *e, const sx_expr_bind *b, size_t n,
    const size_t *wrt, size_t nwrt, double *out, double *jac, sx_err *err);

#endif
