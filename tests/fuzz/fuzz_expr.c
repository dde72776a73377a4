/* fuzz_expr.c: fuzz target for the expression language (scaling/expr.c). */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "base/xalloc.h"
#include "scaling/expr.h"
#include "tests/fuzz/fuzz.h"

/* Rows evaluated per input: two, so column bindings index past row 0. */
#define NROWS 2

/*
 * Evaluate a parsed expression with every variable bound: odd ones to a
 * column, even ones to a scalar, with values that reach the domain edges
 * (0, negative). Values and gradients must come back without failing: the
 * evaluator reports domain errors as NaN/Inf, never as an error.
 */
static void
fuzz_eval(const sx_expr *e)
{
	size_t nv = expr_nvars(e), nwrt = 0;
	const double **col = xcalloc(nv + 1, sizeof *col);
	double *val = xcalloc(nv + 1, sizeof *val);
	double *cols = xcalloc(NROWS * (nv + 1), sizeof *cols);
	size_t *wrt = xcalloc(nv + 1, sizeof *wrt);
	double out[NROWS], *jac;
	sx_expr_bind b;
	sx_err err;
	int type;

	for (size_t i = 0; i < nv; i++) {
		if (expr_var_index(e, expr_var(e, i)) != (int)i)
			abort();
		if (i % 2 == 1) {
			cols[i * NROWS] = (double)i - 2.0;
			cols[i * NROWS + 1] = 0.0;
			col[i] = &cols[i * NROWS];
		} else {
			val[i] = 0.5 + (double)i;
			wrt[nwrt++] = i;
		}
	}
	b.col = col;
	b.val = val;
	b.text = NULL;
	jac = xcalloc(NROWS * (nwrt + 1), sizeof *jac);
	err_clear(&err);
	/* A type error (text where numbers go) is refused with a message and
	 * a column inside the text; anything else evaluates. */
	type = expr_typeof(e, &b, &err);
	if (type < 0 && (err.msg[0] == '\0' || err.col < 1 ||
	    (size_t)err.col > strlen(expr_text(e)) + 1))
		abort();
	if (type != EXPR_NUMBER) {
		if (expr_eval(e, &b, NROWS, out, &err) == 0)
			abort();
	} else {
		if (expr_eval(e, &b, NROWS, out, &err) != 0)
			abort();
		if (expr_text_col(e) == 0 &&
		    expr_eval_grad(e, &b, NROWS, wrt, nwrt, out, jac, &err) != 0)
			abort();
	}
	free(jac);
	free(wrt);
	free(cols);
	free(val);
	free((void *)col);
}

/*
 * Parse the input as a formula. A failure carries a message and a column
 * inside the text (or one past its end); a success evaluates, and its text
 * form parses again.
 */
int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char *text = fuzz_cstr(data, size);
	sx_expr *e, *again;
	sx_err err;

	err_clear(&err);
	e = expr_parse(text, &err);
	if (e == NULL) {
		if (err.msg[0] == '\0' || err.col < 0 ||
		    (size_t)err.col > strlen(text) + 1)
			abort();
	} else {
		fuzz_eval(e);
		again = expr_parse(expr_text(e), &err);
		if (again == NULL)
			abort();
		expr_free(again);
		expr_free(e);
	}
	free(text);
	return 0;
}
