/* expr.h: a small expression language over columns, parameters, constants. */
#ifndef SX_EXPR_H
#define SX_EXPR_H

#include <stddef.h>

#include "base/err.h"

/*
 * Grammar (lowest precedence first):
 *   or  and  not  comparisons (< <= > >= == != , x in (list), x not in (list))
 *   + -  * /  unary -  ^ (right)
 *   primary: number (1e-3, .5), text ("rpj", 'rpj'), identifier, NAME(args),
 *   ( expr )
 * Functions: exp log log10 sqrt abs min max (min/max take 2+ arguments).
 * Identifiers are column or parameter names; "pi" is the constant. A name
 * with spaces can be written in backquotes: `Model Size`; so must a column
 * named and, or, not or in.
 * Text literals are quoted as words are in the command language: '...' as
 * written, "..." where \" and \\ stand for " and \. The list after `in`
 * holds literals only, all text or all numbers.
 * Values are numbers or text. Text comes from text literals and variables
 * bound to text columns, and only == != in (not in) apply to it, each side
 * text; the result is a number. Everything else takes numbers: the type
 * check (expr_typeof) says where it fails. A missing text cell (NULL)
 * equals nothing, as NaN does.
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
 * n texts (text != NULL and text[i] != NULL), a column of n values
 * (col[i] != NULL) or a scalar (val[i]). The arrays are indexed like
 * expr_var(); text may be NULL (no text columns). */
typedef struct sx_expr_bind {
	const double *const *col;
	const double *val;
	char *const *const *text;
} sx_expr_bind;

enum { EXPR_NUMBER = 0, EXPR_TEXT = 1 };

/* The type of the expression's value under binding b (NULL: every variable
 * a number): EXPR_NUMBER or EXPR_TEXT; -1 when an operator meets a type it
 * does not take, with err->col at the operator and a message naming the
 * operands and their types ("cannot compare column 'N' (numbers) with
 * "c4" (text)"), err->where "<expr>". */
int expr_typeof(const sx_expr *e, const sx_expr_bind *b, sx_err *err);

/* The 1-based column of the expression's first text literal, 0 if none. */
int expr_text_col(const sx_expr *e);

/* When variable v is compared (== or !=) directly with another variable,
 * that variable's index; -1 otherwise. For hints: `g == rpj` meant "rpj". */
int expr_compared_with(const sx_expr *e, size_t v);

/* out[r] = value at row r, for r < n. Returns 0 (never fails on domain
 * errors; see above), -1 for a bad binding or a type error (expr_typeof;
 * a text result too). */
int expr_eval(const sx_expr *e, const sx_expr_bind *b, size_t n, double *out,
    sx_err *err);

/*
 * Values and exact derivatives (forward mode) with respect to the scalar
 * variables wrt[0..nwrt-1] (indices as expr_var()). jac is n x nwrt,
 * row-major: jac[r*nwrt + k] = d out[r] / d var[wrt[k]]. Numbers only: an
 * expression with text (a literal or a text binding) is an error.
 */
int expr_eval_grad(const sx_expr *e, const sx_expr_bind *b, size_t n,
    const size_t *wrt, size_t nwrt, double *out, double *jac, sx_err *err);

#endif
