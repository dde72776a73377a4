/* test_expr_text.c: text in expressions: literals and their quoting, == !=
 * and in / not in on text columns, the type check and its messages. */
#include "config.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/xalloc.h"
#include "scaling/expr.h"
#include "scaling/model.h"
#include "tests/unit/unit.h"
#include "tests/unit/unit_expr.h"

#define NROW 5

/* A small table: text column `mix` (one missing cell), text column `alt`,
 * number column `N`. */
static char *mix[NROW] = { "c4", "rpj", "rw", NULL, "rpj" };
static char *alt[NROW] = { "c4", "c4", "rw", "rw", "x" };
static const double ncol[NROW] = { 1e7, 2e8, 3e9, 4e10, 2e8 };

/* Bind the expression's names to the table: mix, alt (text), N; anything
 * else fails the test. The arrays belong to the caller. */
static void
bind_table(const sx_expr *e, sx_expr_bind *b, const double **col,
    char *const **text)
{
	for (size_t i = 0; i < expr_nvars(e); i++) {
		const char *v = expr_var(e, i);

		col[i] = NULL;
		text[i] = NULL;
		if (strcmp(v, "mix") == 0)
			text[i] = mix;
		else if (strcmp(v, "alt") == 0)
			text[i] = alt;
		else if (strcmp(v, "N") == 0)
			col[i] = ncol;
		else
			ck_abort_msg("unexpected name '%s'", v);
	}
	b->col = col;
	b->val = NULL;
	b->text = text;
}

/* Evaluate `text` over the table into out[NROW]; fails the test on error. */
static void
eval_table(const char *text, double *out)
{
	sx_expr *e = unit_parse(text);
	const double *col[8];
	char *const *txt[8];
	sx_expr_bind b;
	sx_err err;

	ck_assert_uint_le(expr_nvars(e), 8);
	bind_table(e, &b, col, txt);
	err_clear(&err);
	ck_assert_msg(expr_typeof(e, &b, &err) == EXPR_NUMBER, "'%s': %s", text,
	    err.msg);
	ck_assert_msg(expr_eval(e, &b, NROW, out, &err) == 0, "'%s': %s", text,
	    err.msg);
	expr_free(e);
}

/* Rows where a text cell equals s (a missing cell equals nothing). */
static int
cell_is(const char *cell, const char *s)
{
	return cell != NULL && strcmp(cell, s) == 0;
}

START_TEST(test_text_equality)
{
	static const char *const lits[] = { "c4", "rpj", "rw", "x", "" };
	double out[NROW];

	for (size_t k = 0; k < sizeof lits / sizeof lits[0]; k++) {
		char q1[64], q2[64], q3[64], q4[64];

		snprintf(q1, sizeof q1, "mix == \"%s\"", lits[k]);
		snprintf(q2, sizeof q2, "mix != '%s'", lits[k]);
		snprintf(q3, sizeof q3, "'%s' == mix", lits[k]);
		snprintf(q4, sizeof q4, "\"%s\" != mix", lits[k]);
		for (int form = 0; form < 4; form++) {
			const char *q = form == 0 ? q1 : form == 1 ? q2 :
			    form == 2 ? q3 : q4;
			int ne = form == 1 || form == 3;

			eval_table(q, out);
			for (size_t r = 0; r < NROW; r++)
				ck_assert_msg(out[r] == (double)(cell_is(mix[r],
				    lits[k]) != ne), "'%s' row %zu: %g", q, r,
				    out[r]);
		}
	}
	/* a missing cell: == is false, != is true, like NaN */
	eval_table("mix == \"rpj\" or mix != \"rpj\"", out);
	ck_assert(out[3] == 1.0);
	eval_table("mix == \"rpj\"", out);
	ck_assert(out[3] == 0.0);
	/* two text columns, cell by cell */
	eval_table("mix == alt", out);
	for (size_t r = 0; r < NROW; r++)
		ck_assert(out[r] == (double)(mix[r] != NULL &&
		    strcmp(mix[r], alt[r]) == 0));
	/* text conditions combine with numeric ones */
	eval_table("mix == 'rpj' and N > 1e8", out);
	for (size_t r = 0; r < NROW; r++)
		ck_assert(out[r] == (double)(cell_is(mix[r], "rpj") &&
		    ncol[r] > 1e8));
	/* two literals */
	eval_table("'a' == \"a\" and 'a' != 'b' and N > 0", out);
	ck_assert(out[0] == 1.0);
}
END_TEST

/* The quoting rules of the command language: '...' verbatim, "..." with
 * \" and \\ (and any other backslash kept as it is). */
START_TEST(test_text_quoting)
{
	static const struct {
		const char *lit;	/* as written in the expression */
		const char *value;	/* the text it stands for */
	} cases[] = {
		{ "\"a\\\"b\"", "a\"b" },
		{ "\"a\\\\b\"", "a\\b" },
		{ "\"a\\nb\"", "a\\nb" },
		{ "'a\\\"b'", "a\\\"b" },
		{ "'say \"hi\"'", "say \"hi\"" },
		{ "\"it's\"", "it's" },
		{ "\"\"", "" },
		{ "'with  spaces'", "with  spaces" },
		{ "\"x\\\\\"", "x\\" },
	};

	for (size_t k = 0; k < sizeof cases / sizeof cases[0]; k++) {
		char text[80];
		char *cells[NROW] = { "zz", NULL, "zz", "zz", "zz" };
		char *const *txt[1] = { cells };
		const double *col[1] = { NULL };
		sx_expr_bind b = { col, NULL, txt };
		double out[NROW];
		sx_expr *e;
		sx_err err;

		cells[2] = (char *)cases[k].value;
		snprintf(text, sizeof text, "s == %s", cases[k].lit);
		e = unit_parse(text);
		err_clear(&err);
		ck_assert_int_eq(expr_eval(e, &b, NROW, out, &err), 0);
		for (size_t r = 0; r < NROW; r++)
			ck_assert_msg(out[r] == (r == 2), "%s: row %zu is %g",
			    text, r, out[r]);
		expr_free(e);
	}
}
END_TEST

START_TEST(test_text_in)
{
	double out[NROW];

	eval_table("mix in (\"c4\", 'rpj')", out);
	for (size_t r = 0; r < NROW; r++)
		ck_assert(out[r] == (double)(cell_is(mix[r], "c4") ||
		    cell_is(mix[r], "rpj")));
	eval_table("mix not in (\"c4\", 'rpj')", out);
	for (size_t r = 0; r < NROW; r++)
		ck_assert(out[r] == (double)!(cell_is(mix[r], "c4") ||
		    cell_is(mix[r], "rpj")));
	/* one element, duplicates, unsorted */
	eval_table("mix in ('rw')", out);
	for (size_t r = 0; r < NROW; r++)
		ck_assert(out[r] == (double)cell_is(mix[r], "rw"));
	eval_table("mix in ('zz', 'rw', 'c4', 'rw', 'a')", out);
	for (size_t r = 0; r < NROW; r++)
		ck_assert(out[r] == (double)(cell_is(mix[r], "rw") ||
		    cell_is(mix[r], "c4")));
	/* not x in (...) is not (x in (...)): the same rows */
	{
		double neg[NROW];

		eval_table("not mix in ('c4')", out);
		eval_table("mix not in ('c4')", neg);
		for (size_t r = 0; r < NROW; r++)
			ck_assert(out[r] == neg[r]);
	}
	/* numbers too, on a column and folded on constants */
	eval_table("N in (2e8, 4e10, 7)", out);
	for (size_t r = 0; r < NROW; r++)
		ck_assert(out[r] == (double)(ncol[r] == 2e8 || ncol[r] == 4e10));
	eval_table("N/1e7 not in (1, 2 * 10)", out);
	for (size_t r = 0; r < NROW; r++)
		ck_assert(out[r] == (double)!(ncol[r] == 1e7 || ncol[r] == 2e8));
	eval_table("(3 in (1, 3)) + (3 in (1, 2)) * 10 + (-0 in (0)) * 100 + "
	    "(0/0 in (0/0, 1)) * 1000 + N * 0", out);
	ck_assert(out[0] == 101.0);
	/* in binds like a comparison: tighter than and, looser than + */
	eval_table("N + 0 in (1e7) and mix in ('c4')", out);
	ck_assert(out[0] == 1.0 && out[1] == 0.0);
}
END_TEST

/* Rows beyond the evaluator's first block of rows see their own cells. */
START_TEST(test_text_many_rows)
{
	enum { M = 1000 };
	static char *cells[M];
	char *const *txt[1] = { cells };
	const double *col[1] = { NULL };
	sx_expr_bind b = { col, NULL, txt };
	static const char *const names[] = { "a", "bb", "c" };
	double *out = xcalloc(M, sizeof *out);
	sx_expr *e = unit_parse("s in ('bb', 'c') and s != 'c'");
	sx_err err;

	for (size_t r = 0; r < M; r++)
		cells[r] = (char *)names[(r * 7 + r / 13) % 3];
	err_clear(&err);
	ck_assert_int_eq(expr_eval(e, &b, M, out, &err), 0);
	for (size_t r = 0; r < M; r++)
		ck_assert_msg(out[r] == (double)(strcmp(cells[r], "bb") == 0),
		    "row %zu", r);
	expr_free(e);
	free(out);
}
END_TEST

/* Type errors: the message and the column of the operator. */
START_TEST(test_text_type_errors)
{
	static const struct {
		const char *text;
		int col;
		const char *msg;
	} cases[] = {
		{ "N == \"c4\"", 3,
		  "cannot compare column 'N' (numbers) with \"c4\" (text)" },
		{ "'c4' != N", 6,
		  "cannot compare 'c4' (text) with column 'N' (numbers)" },
		{ "mix == 3", 5,
		  "cannot compare column 'mix' (text) with 3 (a number)" },
		{ "mix == N / 2", 5,
		  "cannot compare column 'mix' (text) with 'N / 2' (a number)" },
		{ "mix == (N > 1)", 5,
		  "cannot compare column 'mix' (text) with '(N > 1)' (a number)" },
		{ "mix < 'rpj'", 5, "'<' does not order text: column 'mix' "
		  "(text); text compares with == != in only" },
		{ "N >= 1 and 'a' >= mix", 16, "'>=' does not order text: 'a' "
		  "(text); text compares with == != in only" },
		{ "mix + 1", 5, "'+' needs numbers, not column 'mix' (text)" },
		{ "2 ^ mix", 3, "'^' needs numbers, not column 'mix' (text)" },
		{ "-mix", 1, "'-' needs a number, not column 'mix' (text)" },
		{ "log(mix)", 1, "log needs a number, not column 'mix' (text)" },
		{ "max(N, 'a', 2)", 1, "max needs numbers, not 'a' (text)" },
		{ "mix and N", 5, "'and' needs conditions (numbers), not column "
		  "'mix' (text): compare it first, as in mix == \"...\"" },
		{ "not mix", 1, "'not' needs conditions (numbers), not column "
		  "'mix' (text): compare it first, as in mix == \"...\"" },
		{ "N in ('a', 'b')", 3,
		  "cannot look for column 'N' (numbers) in a list of text" },
		{ "mix not in (1, 2)", 5,
		  "cannot look for column 'mix' (text) in a list of numbers" },
		{ "'a' in (1)", 5,
		  "cannot look for 'a' (text) in a list of numbers" },
	};

	for (size_t k = 0; k < sizeof cases / sizeof cases[0]; k++) {
		sx_expr *e = unit_parse(cases[k].text);
		const double *col[4];
		char *const *txt[4];
		sx_expr_bind b;
		double out[NROW];
		sx_err err;

		bind_table(e, &b, col, txt);
		err_clear(&err);
		ck_assert_msg(expr_typeof(e, &b, &err) == -1, "'%s' passed",
		    cases[k].text);
		ck_assert_msg(strcmp(err.msg, cases[k].msg) == 0,
		    "'%s': got \"%s\"", cases[k].text, err.msg);
		ck_assert_msg(err.col == cases[k].col, "'%s': col %d, not %d",
		    cases[k].text, err.col, cases[k].col);
		ck_assert_str_eq(err.where, "<expr>");
		/* the evaluator refuses it the same way */
		err_clear(&err);
		ck_assert_int_eq(expr_eval(e, &b, NROW, out, &err), -1);
		ck_assert_str_eq(err.msg, cases[k].msg);
		expr_free(e);
	}
}
END_TEST

/* Syntax errors of text literals and lists. */
START_TEST(test_text_parse_errors)
{
	static const struct {
		const char *text;
		int col;
		const char *msg;
	} cases[] = {
		{ "mix == \"rpj", 8, "unterminated text \"rpj (no closing \")" },
		{ "mix == 'rpj", 8, "unterminated text 'rpj (no closing ')" },
		{ "mix == \"rpj\\\"", 8,
		  "unterminated text \"rpj\\\" (no closing \")" },
		{ "mix in ()", 9, "empty list after 'in'" },
		{ "mix in 'a'", 8,
		  "expected '(' after 'in': a list such as in (\"c4\", \"rpj\")" },
		{ "mix in ('a', 2)", 14, "the list after 'in' mixes text and "
		  "numbers" },
		{ "mix in (rpj, 'c4')", 9, "the list after 'in' holds literals, "
		  "not the name rpj (text is written in quotes: \"rpj\")" },
		{ "N in (1, N + 1)", 10, "the list after 'in' holds literals "
		  "(\"text\" or numbers), not 'N + 1'" },
		{ "mix in ('a' 'b')", 13, "expected ')' to close '(' at column 8" },
		{ "mix in ('a',)", 13, "unexpected ')'" },
		{ "in + 1", 1, "unexpected 'in'" },
		{ "mix not ('a')", 5, "unexpected 'not'" },
	};

	for (size_t k = 0; k < sizeof cases / sizeof cases[0]; k++) {
		sx_err err;
		sx_expr *e;

		err_clear(&err);
		e = expr_parse(cases[k].text, &err);
		ck_assert_msg(e == NULL, "'%s' parsed", cases[k].text);
		ck_assert_msg(strcmp(err.msg, cases[k].msg) == 0,
		    "'%s': got \"%s\"", cases[k].text, err.msg);
		ck_assert_msg(err.col == cases[k].col, "'%s': col %d, not %d",
		    cases[k].text, err.col, cases[k].col);
	}
}
END_TEST

START_TEST(test_text_typeof)
{
	sx_expr *e;
	const double *col[4];
	char *const *txt[4];
	sx_expr_bind b;
	double out[NROW];
	sx_err err;

	/* a bare text column or literal is text; the evaluator refuses it */
	e = unit_parse("mix");
	bind_table(e, &b, col, txt);
	ck_assert_int_eq(expr_typeof(e, &b, &err), EXPR_TEXT);
	err_clear(&err);
	ck_assert_int_eq(expr_eval(e, &b, NROW, out, &err), -1);
	ck_assert_str_eq(err.msg, "the expression's value is text, not a number");
	expr_free(e);
	e = unit_parse("('rpj')");
	ck_assert_int_eq(expr_typeof(e, NULL, &err), EXPR_TEXT);
	ck_assert_int_eq(expr_text_col(e), 2);
	expr_free(e);
	/* comparisons are numbers; no text at all is a number */
	e = unit_parse("mix == 'a'");
	bind_table(e, &b, col, txt);
	ck_assert_int_eq(expr_typeof(e, &b, &err), EXPR_NUMBER);
	ck_assert_int_eq(expr_text_col(e), 8);
	expr_free(e);
	e = unit_parse("N in (1, 2)");
	ck_assert_int_eq(expr_typeof(e, NULL, &err), EXPR_NUMBER);
	ck_assert_int_eq(expr_text_col(e), 0);
	expr_free(e);
	e = unit_parse("N in ('a', 'b')");
	ck_assert_int_eq(expr_text_col(e), 3);
	expr_free(e);
	/* without a binding every name is a number */
	e = unit_parse("mix + 1");
	ck_assert_int_eq(expr_typeof(e, NULL, &err), EXPR_NUMBER);
	expr_free(e);
	/* `in` is a keyword; a name spelled so is backquoted */
	e = unit_parse("`in` in (1) and `not` == 2");
	ck_assert_str_eq(expr_var(e, 0), "in");
	ck_assert_str_eq(expr_var(e, 1), "not");
	expr_free(e);
}
END_TEST

START_TEST(test_text_grad_refused)
{
	const double *col[1] = { NULL };
	char *const *txt[1] = { mix };
	double val[1] = { 1.0 }, out[NROW], jac[NROW];
	size_t wrt[1] = { 0 };
	sx_expr_bind b = { col, val, NULL };
	sx_expr *e = unit_parse("a * ('x' == 'x')");
	sx_err err;

	err_clear(&err);
	ck_assert_int_eq(expr_eval_grad(e, &b, NROW, wrt, 1, out, jac, &err), -1);
	ck_assert_ptr_nonnull(strstr(err.msg, "text has no derivative"));
	expr_free(e);
	e = unit_parse("a == 'rpj'");
	b.text = txt;
	err_clear(&err);
	ck_assert_int_eq(expr_eval_grad(e, &b, NROW, NULL, 0, out, jac, &err), -1);
	ck_assert_ptr_nonnull(strstr(err.msg, "text has no derivative"));
	expr_free(e);
	/* numeric `in` differentiates as a step: zero */
	e = unit_parse("a * (a in (1, 2))");
	b.text = NULL;
	err_clear(&err);
	ck_assert_int_eq(expr_eval_grad(e, &b, 1, wrt, 1, out, jac, &err), 0);
	ck_assert(out[0] == 1.0 && jac[0] == 1.0);
	expr_free(e);
}
END_TEST

/* A law's formula never holds text: refused where it is written. */
START_TEST(test_text_model_refused)
{
	static const char *const inputs[] = { "N", "mix" };
	sx_err err;

	err_clear(&err);
	ck_assert_ptr_null(model_from_expr("m", "E + A*N^-a + ('x' == 'x')",
	    inputs, 2, &err));
	ck_assert_int_eq(err.col, 15);
	ck_assert_str_eq(err.msg, "a law computes with numbers: text has no "
	    "place in its formula");
	err_clear(&err);
	ck_assert_ptr_null(model_from_expr("m", "E + A*N^-a * (N in ('a'))",
	    inputs, 2, &err));
	ck_assert_int_eq(err.col, 17);
}
END_TEST

START_TEST(test_text_compared_with)
{
	sx_expr *e = unit_parse("mix == rpj or N > 1 and alt != mix");

	ck_assert_int_eq(expr_compared_with(e, 1), 0);	/* rpj ~ mix */
	ck_assert_int_eq(expr_compared_with(e, 0), 1);	/* the first pair */
	ck_assert_int_eq(expr_compared_with(e, 2), -1);	/* N */
	ck_assert_int_eq(expr_compared_with(e, 3), 0);	/* alt ~ mix */
	expr_free(e);
}
END_TEST

Suite *
unit_suite(void)
{
	Suite *s = suite_create("expr_text");
	TCase *tc = tcase_create("expr_text");

	tcase_add_test(tc, test_text_equality);
	tcase_add_test(tc, test_text_quoting);
	tcase_add_test(tc, test_text_in);
	tcase_add_test(tc, test_text_many_rows);
	tcase_add_test(tc, test_text_type_errors);
	tcase_add_test(tc, test_text_parse_errors);
	tcase_add_test(tc, test_text_typeof);
	tcase_add_test(tc, test_text_grad_refused);
	tcase_add_test(tc, test_text_model_refused);
	tcase_add_test(tc, test_text_compared_with);
	suite_add_tcase(s, tc);
	return s;
}
