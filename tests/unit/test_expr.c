/* test_expr.c: the expression language: parsing, values, derivatives, errors.
 * Long on purpose: most of it is tables of expressions with the values,
 * derivatives and messages they must give, read best in one place. */
#include "config.h"

#include <math.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "base/xalloc.h"
#include "scaling/expr.h"
#include "tests/unit/unit.h"
#include "tests/unit/unit_expr.h"

#define PI 3.14159265358979323846
#define E1 2.71828182845904523536

/* Value of an expression without variables. */
static double
eval_const(const char *text)
{
	sx_expr *e = unit_parse(text);
	double out[3];
	sx_err err;

	ck_assert_msg(expr_nvars(e) == 0, "'%s' has variables", text);
	ck_assert_int_eq(expr_eval(e, NULL, 3, out, &err), 0);
	ck_assert(out[0] == out[1] || (isnan(out[0]) && isnan(out[1])));
	expr_free(e);
	return out[0];
}

/* Value with scalar bindings given as "name", value pairs. */
static double
eval_scalars(const char *text, size_t nv, const char *const *names,
    const double *vals)
{
	sx_expr *e = unit_parse(text);
	double val[16] = { 0 }, out;
	sx_expr_bind b = { NULL, val };
	sx_err err;
	size_t i;

	for (i = 0; i < nv; i++) {
		int k = expr_var_index(e, names[i]);

		if (k >= 0)
			val[k] = vals[i];
	}
	ck_assert_int_eq(expr_eval(e, &b, 1, &out, &err), 0);
	expr_free(e);
	return out;
}

static const struct {
	const char *text;
	double want;
} value_cases[] = {
	{ "1+2*3", 7 },
	{ "(1+2)*3", 9 },
	{ "  1 +\t2\n", 3 },
	{ "10-4-3", 3 },
	{ "64/4/2", 8 },
	{ "2*3/4", 1.5 },
	{ "2^3^2", 512 },
	{ "(2^3)^2", 64 },
	{ "-2^2", -4 },
	{ "(-2)^2", 4 },
	{ "2^-1", 0.5 },
	{ "-2^-2", -0.25 },
	{ "2^-1^2", 0.5 },
	{ "--3", 3 },
	{ "+3", 3 },
	{ "-+-3", 3 },
	{ "2*-3", -6 },
	{ "2--3", 5 },
	{ "-3*-3", 9 },
	{ "(-2)^3", -8 },
	{ "1e-3*1000", 1 },
	{ ".5+2.", 2.5 },
	{ "1.5e2", 150 },
	{ "3E+1", 30 },
	{ "2.e1", 20 },
	{ "0.125e-0", 0.125 },
	{ "1<2", 1 },
	{ "2<1", 0 },
	{ "2<=2", 1 },
	{ "3<=2", 0 },
	{ "3>4", 0 },
	{ "4>3", 1 },
	{ "3>=4", 0 },
	{ "4>=4", 1 },
	{ "1==1", 1 },
	{ "1==2", 0 },
	{ "1!=1", 0 },
	{ "1!=2", 1 },
	{ "1+1<3", 1 },
	{ "3 < 2 < 1", 1 },
	{ "1 < 2 == 1", 1 },
	{ "1 and 0", 0 },
	{ "1 and 2", 1 },
	{ "1 or 0", 1 },
	{ "0 or 0", 0 },
	{ "not 0", 1 },
	{ "not 3", 0 },
	{ "not not 5", 1 },
	{ "not 1 + 1", 0 },
	{ "not 1 < 0", 1 },
	{ "not 0 and 0", 0 },
	{ "1 or 0 and 0", 1 },
	{ "0 and 1 or 1", 1 },
	{ "!0", 1 },
	{ "!2", 0 },
	{ "1 && 1", 1 },
	{ "1 && 0", 0 },
	{ "0 || 0", 0 },
	{ "0 || 3", 1 },
	{ "1 < 2 and 3 < 4", 1 },
	{ "(1 < 2) * 5", 5 },
	{ "exp(1)", E1 },
	{ "exp(0)", 1 },
	{ "log(1)", 0 },
	{ "log(exp(2))", 2 },
	{ "log10(1000)", 3 },
	{ "log10(0.01)", -2 },
	{ "sqrt(16)", 4 },
	{ "sqrt(2)*sqrt(2)", 2 },
	{ "abs(-3)", 3 },
	{ "abs(3)", 3 },
	{ "-abs(-2)", -2 },
	{ "min(3,1,2)", 1 },
	{ "max(3,1,2)", 3 },
	{ "min(2, 5)", 2 },
	{ "max(-2, -5)", -2 },
	{ "max(1, 2) ^ 2", 4 },
	{ "min(4, max(1, 2, 3), 5)", 3 },
	{ "pi", PI },
	{ "2*pi", 2 * PI },
	{ "pi^2", PI * PI },
	{ "2^0.5", 1.41421356237309504880 },
	{ "8^(1/3)", 2 },
	{ "100^-0.5", 0.1 },
	{ "((((1))))+(2)", 3 },
	{ "exp ( 1 ) * 2", 2 * E1 },
};

START_TEST(test_values)
{
	size_t i;

	for (i = 0; i < sizeof value_cases / sizeof value_cases[0]; i++) {
		double v = eval_const(value_cases[i].text);

		ck_assert_msg(fabs(v - value_cases[i].want) <=
		    1e-14 * fmax(1, fabs(value_cases[i].want)),
		    "'%s' = %.17g, want %.17g", value_cases[i].text, v,
		    value_cases[i].want);
	}
}
END_TEST

START_TEST(test_domain)
{
	ck_assert(isinf(eval_const("1/0")) && eval_const("1/0") > 0);
	ck_assert(isinf(eval_const("-1/0")) && eval_const("-1/0") < 0);
	ck_assert(isnan(eval_const("0/0")));
	ck_assert(isnan(eval_const("log(-1)")));
	ck_assert(isinf(eval_const("log(0)")) && eval_const("log(0)") < 0);
	ck_assert(isnan(eval_const("sqrt(-1)")));
	ck_assert(isnan(eval_const("(-8)^(1/3)")));
	/* NaN propagates through min and max whichever side it is on */
	ck_assert(isnan(eval_const("min(0/0, 1)")));
	ck_assert(isnan(eval_const("min(1, 0/0)")));
	ck_assert(isnan(eval_const("max(1, 0/0)")));
}
END_TEST

START_TEST(test_domain_columns)
{
	sx_expr *e = unit_parse("1/x + log(x)");
	double x[4] = { 0, -1, 1, 2 }, out[4];
	const double *col[1] = { x };
	sx_expr_bind b = { col, NULL };
	sx_err err;

	ck_assert_int_eq(expr_eval(e, &b, 4, out, &err), 0);
	ck_assert(isnan(out[0]));	/* inf + -inf */
	ck_assert(isnan(out[1]));
	ck_assert_close(out[2], 1.0, 1e-15);
	ck_assert_close(out[3], 0.5 + log(2.0), 1e-15);
	expr_free(e);
}
END_TEST

START_TEST(test_scalar_vars)
{
	const char *names[] = { "x", "y", "z" };
	const double vals[] = { 3, -2, 0.5 };

	ck_assert_close(eval_scalars("x*y+z", 3, names, vals), -5.5, 1e-15);
	ck_assert_close(eval_scalars("x^y", 3, names, vals), 1.0 / 9, 1e-15);
	ck_assert_close(eval_scalars("-y^2", 3, names, vals), -4, 1e-15);
	ck_assert_close(eval_scalars("x - y - z", 3, names, vals), 4.5, 1e-15);
	ck_assert_close(eval_scalars("x > y and z < 1", 3, names, vals), 1, 0);
	ck_assert_close(eval_scalars("max(x, y, z) - min(x, y, z)", 3, names,
	    vals), 5, 1e-15);
}
END_TEST

START_TEST(test_variables)
{
	sx_expr *e = unit_parse("b + a*b + `Model Size` - c.d1 + _x9 / `b` + `pi`"
	    " + pi");

	ck_assert_str_eq(expr_text(e), "b + a*b + `Model Size` - c.d1 + _x9 / "
	    "`b` + `pi` + pi");
	ck_assert_uint_eq(expr_nvars(e), 6);
	ck_assert_str_eq(expr_var(e, 0), "b");
	ck_assert_str_eq(expr_var(e, 1), "a");
	ck_assert_str_eq(expr_var(e, 2), "Model Size");
	ck_assert_str_eq(expr_var(e, 3), "c.d1");
	ck_assert_str_eq(expr_var(e, 4), "_x9");
	ck_assert_str_eq(expr_var(e, 5), "pi");
	ck_assert_ptr_null(expr_var(e, 6));
	ck_assert_int_eq(expr_var_index(e, "Model Size"), 2);
	ck_assert_int_eq(expr_var_index(e, "a"), 1);
	ck_assert_int_eq(expr_var_index(e, "nope"), -1);
	expr_free(e);

	/* keywords are not variables, but names that start with them are */
	e = unit_parse("android + order + nothing");
	ck_assert_uint_eq(expr_nvars(e), 3);
	ck_assert_str_eq(expr_var(e, 0), "android");
	expr_free(e);
	expr_free(NULL);
}
END_TEST

/* Column binding across block boundaries against the formula in C, and the
 * same rows bound one at a time as scalars. */
START_TEST(test_columns)
{
	static const size_t sizes[] = { 1, 255, 256, 257, 1000 };
	sx_expr *e = unit_parse("A*N^-alpha + `Model Size`/2 - 1");
	int iA = expr_var_index(e, "A"), iN = expr_var_index(e, "N");
	int ia = expr_var_index(e, "alpha"), iM = expr_var_index(e, "Model Size");
	size_t s, r;
	sx_err err;

	ck_assert(iA >= 0 && iN >= 0 && ia >= 0 && iM >= 0);
	for (s = 0; s < sizeof sizes / sizeof sizes[0]; s++) {
		size_t n = sizes[s];
		double *N = xcalloc(n, sizeof *N), *M = xcalloc(n, sizeof *M);
		double *out = xcalloc(n, sizeof *out), val[4], one;
		const double *col[4] = { NULL, NULL, NULL, NULL };
		sx_expr_bind b = { col, val };

		for (r = 0; r < n; r++) {
			N[r] = 1e6 * (1 + (double)r);
			M[r] = (double)(r % 7);
		}
		col[iN] = N;
		col[iM] = M;
		val[iA] = 400;
		val[ia] = 0.34;
		val[iN] = -1;	/* ignored: the column wins */
		val[iM] = -1;
		ck_assert_int_eq(expr_eval(e, &b, n, out, &err), 0);
		for (r = 0; r < n; r++) {
			double want = 400 * pow(N[r], -0.34) + M[r] / 2 - 1;
			const double *none[4] = { NULL, NULL, NULL, NULL };
			sx_expr_bind bs = { none, val };

			ck_assert_close(out[r], want, 1e-14);
			val[iN] = N[r];
			val[iM] = M[r];
			ck_assert_int_eq(expr_eval(e, &bs, 1, &one, &err), 0);
			ck_assert(one == out[r]);
		}
		free(N);
		free(M);
		free(out);
	}
	expr_free(e);
}
END_TEST

START_TEST(test_missing_binding)
{
	sx_expr *e = unit_parse("x + `Model Size`");
	const double x[2] = { 1, 2 };
	const double *col[2] = { x, NULL };
	sx_expr_bind b = { col, NULL };
	double out[2], val[2] = { 5, 7 };
	size_t wrt[1] = { 0 };
	sx_err err;

	err_clear(&err);
	ck_assert_int_eq(expr_eval(e, &b, 2, out, &err), -1);
	ck_assert_ptr_nonnull(strstr(err.msg, "'Model Size'"));
	err_clear(&err);
	ck_assert_int_eq(expr_eval_grad(e, &b, 2, wrt, 1, out, val, &err), -1);
	ck_assert_ptr_nonnull(strstr(err.msg, "'Model Size'"));
	err_clear(&err);
	ck_assert_int_eq(expr_eval(e, NULL, 2, out, &err), -1);
	ck_assert_ptr_nonnull(strstr(err.msg, "'x'"));
	b.col = NULL;
	err_clear(&err);
	ck_assert_int_eq(expr_eval(e, &b, 2, out, &err), -1);
	ck_assert_ptr_nonnull(strstr(err.msg, "'x'"));
	/* with scalars present the same binding is complete */
	b.col = col;
	b.val = val;
	ck_assert_int_eq(expr_eval(e, &b, 2, out, &err), 0);
	ck_assert(out[0] == 8 && out[1] == 9);
	expr_free(e);
}
END_TEST

/* ---- derivatives against central finite differences ---- */

/* Check d f / d v for every variable of a scalar-bound expression at `at`
 * (values in expr_var order) by central differences. */
static void
check_grad_fd(const char *text, const double *at)
{
	sx_expr *e = unit_parse(text);
	size_t nv = expr_nvars(e), k, wrt[8];
	double val[8], jac[8], f, f0, fp, fm;
	sx_expr_bind b = { NULL, val };
	sx_err err;

	ck_assert(nv <= 8);
	for (k = 0; k < nv; k++) {
		val[k] = at[k];
		wrt[k] = k;
	}
	ck_assert_int_eq(expr_eval_grad(e, &b, 1, wrt, nv, &f, jac, &err), 0);
	ck_assert_int_eq(expr_eval(e, &b, 1, &f0, &err), 0);
	ck_assert_msg(f == f0, "%s: value %.17g from eval_grad, %.17g from eval",
	    text, f, f0);
	for (k = 0; k < nv; k++) {
		double h = 1e-6 * fmax(1, fabs(at[k])), fd;

		val[k] = at[k] + h;
		expr_eval(e, &b, 1, &fp, &err);
		val[k] = at[k] - h;
		expr_eval(e, &b, 1, &fm, &err);
		val[k] = at[k];
		fd = (fp - fm) / (2 * h);
		ck_assert_msg(isfinite(jac[k]) && fabs(jac[k] - fd) <=
		    1e-6 * fmax(1, fabs(fd)),
		    "d(%s)/d%s at %g: %.12g, finite difference %.12g", text,
		    expr_var(e, k), at[k], jac[k], fd);
	}
	expr_free(e);
}

START_TEST(test_grad_operators)
{
	static const char *exprs[] = {
		"x+y", "x-y", "x*y", "x/y", "x^y", "y^x", "-x*y", "x^3", "x^2",
		"x^-1.5", "2^x", "x^y^0.5", "exp(x*y)", "log(x+y)", "log10(x*y)",
		"sqrt(x+y)", "abs(x-y)", "abs(y-x)", "min(x,y)", "max(x,y)",
		"min(x*y, x+y, 2)", "max(x, y, 1/x)", "pi*x/y", "-(x-y)^2",
		"(x<y)*x + (x>=y)*y", "x*(x and y) + (not x)*y + (x or y)",
		"exp(-x)*log(y)/sqrt(x*y+1)", "(x+y)/(x-y)",
	};
	static const double pts[][2] = {
		{ 0.7, 1.3 }, { 2.5, 0.4 }, { 1.9, 3.1 }, { 3.3, 1.05 },
	};
	size_t i, j;

	for (i = 0; i < sizeof exprs / sizeof exprs[0]; i++)
		for (j = 0; j < sizeof pts / sizeof pts[0]; j++) {
			sx_expr *e = unit_parse(exprs[i]);
			double at[2];

			/* the points are (x, y); the variables come in order
			 * of first use */
			at[0] = strcmp(expr_var(e, 0), "x") == 0 ? pts[j][0] :
			    pts[j][1];
			at[1] = at[0] == pts[j][0] ? pts[j][1] : pts[j][0];
			expr_free(e);
			check_grad_fd(exprs[i], at);
		}
}
END_TEST

/* Closed forms, negative bases, zero derivatives. */
START_TEST(test_grad_special)
{
	sx_expr *e = unit_parse("x^3 + x^y + (x < 0)");
	int ix = expr_var_index(e, "x"), iy = expr_var_index(e, "y");
	double val[2], out, jac[2];
	sx_expr_bind b = { NULL, val };
	size_t wrt[1];
	sx_err err;

	/* negative base, constant exponent, and a scalar exponent that is not
	 * differentiated: no log(x) term may appear */
	val[ix] = -2;
	val[iy] = 4;
	wrt[0] = (size_t)ix;
	ck_assert_int_eq(expr_eval_grad(e, &b, 1, wrt, 1, &out, jac, &err), 0);
	ck_assert_close(out, -8 + 16 + 1, 1e-15);
	ck_assert_close(jac[0], 3 * 4 + 4 * -8, 1e-15);
	expr_free(e);

	/* 0^y: flat in y for y > 0, even though log(0) is -inf */
	e = unit_parse("x^y");
	val[0] = 0;
	val[1] = 2;
	{
		size_t w2[2] = { 0, 1 };

		ck_assert_int_eq(expr_eval_grad(e, &b, 1, w2, 2, &out, jac, &err),
		    0);
		ck_assert(out == 0 && jac[0] == 0 && jac[1] == 0);
	}
	expr_free(e);

	check_grad_fd("x^3 - 2*x^2", (const double[]){ -1.5 });
	check_grad_fd("abs(x)^3", (const double[]){ -0.8 });
	check_grad_fd("min(x, 0.5) + max(x, -2)", (const double[]){ -3.0 });

	/* comparisons and logic are flat; y only appears under them */
	e = unit_parse("x*2 + (y > 1) + (y and x) + (not y)");
	val[0] = 0.3;
	val[1] = 5;
	{
		size_t w2[2] = { 1, 0 };

		ck_assert_int_eq(expr_eval_grad(e, &b, 1, w2, 2, &out, jac, &err),
		    0);
		ck_assert(jac[0] == 0);
		ck_assert(jac[1] == 2);
		/* nwrt 0: values only */
		ck_assert_int_eq(expr_eval_grad(e, &b, 1, w2, 0, &out, NULL, &err),
		    0);
		ck_assert_close(out, 0.6 + 1 + 1 + 0, 1e-15);
		/* a wrt index that is not a variable */
		w2[0] = 2;
		err_clear(&err);
		ck_assert_int_eq(expr_eval_grad(e, &b, 1, w2, 2, &out, jac, &err),
		    -1);
		ck_assert(err.msg[0] != '\0');
	}
	expr_free(e);

	/* a constant expression has zero derivative w.r.t. everything */
	e = unit_parse("2^10 + 0*q");
	val[0] = 7;
	wrt[0] = 0;
	ck_assert_int_eq(expr_eval_grad(e, &b, 1, wrt, 1, &out, jac, &err), 0);
	ck_assert(out == 1024 && jac[0] == 0);
	expr_free(e);
}
END_TEST

/* d/dx of a column-bound variable is taken row by row; the same direction
 * asked twice gives two equal columns. */
START_TEST(test_grad_column_wrt)
{
	sx_expr *e = unit_parse("x^2 * k");
	size_t n = 150, r, wrt[3];
	double *x = xcalloc(n, sizeof *x), *out = xcalloc(n, sizeof *out);
	double *jac = xcalloc(3 * n, sizeof *jac), val[2];
	const double *col[2] = { NULL, NULL };
	sx_expr_bind b = { col, val };
	sx_err err;

	for (r = 0; r < n; r++)
		x[r] = (double)r / 10 - 3;
	col[expr_var_index(e, "x")] = x;
	val[expr_var_index(e, "k")] = 1.5;
	wrt[0] = (size_t)expr_var_index(e, "x");
	wrt[1] = (size_t)expr_var_index(e, "k");
	wrt[2] = wrt[0];
	ck_assert_int_eq(expr_eval_grad(e, &b, n, wrt, 3, out, jac, &err), 0);
	for (r = 0; r < n; r++) {
		ck_assert_close(out[r], 1.5 * x[r] * x[r], 1e-15);
		ck_assert(fabs(jac[3 * r] - 3 * x[r]) <= 1e-14);
		ck_assert(fabs(jac[3 * r + 1] - x[r] * x[r]) <= 1e-13);
		ck_assert(jac[3 * r + 2] == jac[3 * r]);
	}
	free(x);
	free(out);
	free(jac);
	expr_free(e);
}
END_TEST

/* Chinchilla's L(N, D) = E + A/N^alpha + B/D^beta over columns N, D: every
 * parameter's derivative against its closed form and finite differences. */
START_TEST(test_grad_chinchilla)
{
	static const char *pn[5] = { "alpha", "E", "beta", "A", "B" };
	static const double p0[5] = { 0.3392, 1.8172, 0.2849, 482.01, 2085.43 };
	sx_expr *e = unit_parse("E + A*N^-alpha + B*D^-beta");
	size_t n = 300, r, k, wrt[5];
	double *N = xcalloc(n, sizeof *N), *D = xcalloc(n, sizeof *D);
	double *out = xcalloc(n, sizeof *out), *jac = xcalloc(5 * n, sizeof *jac);
	double *fp = xcalloc(n, sizeof *fp), *fm = xcalloc(n, sizeof *fm);
	const double *col[7] = { NULL };
	double val[7];
	sx_expr_bind b = { col, val };
	sx_err err;

	ck_assert_uint_eq(expr_nvars(e), 7);
	for (r = 0; r < n; r++) {
		N[r] = 7e7 * pow(10, 3.0 * (double)r / n);
		D[r] = N[r] * (5 + (double)(r % 31));
	}
	col[expr_var_index(e, "N")] = N;
	col[expr_var_index(e, "D")] = D;
	for (k = 0; k < 5; k++) {
		wrt[k] = (size_t)expr_var_index(e, pn[k]);
		val[wrt[k]] = p0[k];
	}
	ck_assert_int_eq(expr_eval_grad(e, &b, n, wrt, 5, out, jac, &err), 0);
	for (r = 0; r < n; r++) {
		double na = pow(N[r], -p0[0]), db = pow(D[r], -p0[2]);

		ck_assert_close(out[r], p0[1] + p0[3] * na + p0[4] * db, 1e-14);
		ck_assert_close(jac[5 * r + 0], -p0[3] * na * log(N[r]), 1e-13);
		ck_assert(jac[5 * r + 1] == 1);
		ck_assert_close(jac[5 * r + 2], -p0[4] * db * log(D[r]), 1e-13);
		ck_assert_close(jac[5 * r + 3], na, 1e-14);
		ck_assert_close(jac[5 * r + 4], db, 1e-14);
	}
	for (k = 0; k < 5; k++) {
		double h = 1e-6 * fmax(1, fabs(p0[k]));

		val[wrt[k]] = p0[k] + h;
		expr_eval(e, &b, n, fp, &err);
		val[wrt[k]] = p0[k] - h;
		expr_eval(e, &b, n, fm, &err);
		val[wrt[k]] = p0[k];
		for (r = 0; r < n; r++) {
			double fd = (fp[r] - fm[r]) / (2 * h);

			ck_assert_msg(fabs(jac[5 * r + k] - fd) <=
			    1e-6 * fmax(1e-3, fabs(fd)),
			    "d/d%s row %zu: %.12g, fd %.12g", pn[k], r,
			    jac[5 * r + k], fd);
		}
	}
	free(N);
	free(D);
	free(out);
	free(jac);
	free(fp);
	free(fm);
	expr_free(e);
}
END_TEST

/* ---- parse errors ---- */

static const struct {
	const char *text;
	const char *msg;	/* the message starts with this */
	int col;
} error_cases[] = {
	{ ")", "unexpected ')'", 1 },
	{ "1 + 2)", "unexpected ')'", 6 },
	{ "(1+2", "expected ')' to close '(' at column 1", 5 },
	{ "2*(a+b", "expected ')' to close '(' at column 3", 7 },
	{ "(a b)", "expected ')' to close '(' at column 1", 4 },
	{ "max(1, 2", "expected ')' to close '(' at column 4", 9 },
	{ "lg(2)", "unknown function 'lg'", 1 },
	{ "1 + pi(2)", "unknown function 'pi'", 5 },
	{ "1 + min(2)", "min needs at least 2 arguments", 5 },
	{ "max()", "max needs at least 2 arguments", 1 },
	{ "log(1, 2)", "log takes 1 argument", 1 },
	{ "x * sqrt(1,2,3)", "sqrt takes 1 argument", 5 },
	{ "exp()", "exp takes 1 argument", 1 },
	{ "1 +", "unexpected end of expression", 4 },
	{ "(", "unexpected end of expression", 2 },
	{ "-", "unexpected end of expression", 2 },
	{ "a <", "unexpected end of expression", 4 },
	{ "not", "unexpected end of expression", 4 },
	{ "2 * 1e", "bad number '1e'", 5 },
	{ "1e+ 3", "bad number '1e+'", 1 },
	{ "1.2.3", "bad number '1.2.3'", 1 },
	{ "2x", "bad number '2x'", 1 },
	{ "a + `Model Size", "unterminated `name`", 5 },
	{ "``", "empty name", 1 },
	{ "", "empty expression", 1 },
	{ " \t ", "empty expression", 1 },
	{ "a b", "unexpected 'b'", 3 },
	{ "1 2", "unexpected '2'", 3 },
	{ "a and or b", "unexpected 'or'", 7 },
	{ "1 = 2", "unexpected '='", 3 },
	{ "a & b", "unexpected '&'", 3 },
	{ "a | b", "unexpected '|'", 3 },
	{ "a # b", "unexpected character '#'", 3 },
	{ "a \x01", "unexpected byte 0x01", 3 },
	{ "x + \xce\xb1", "unexpected byte 0xce", 5 },
	{ "min(1,)", "unexpected ')'", 7 },
	{ "(,)", "unexpected ','", 2 },
	{ "1,2", "unexpected ','", 2 },
	{ "exp + 1", "function 'exp' needs arguments", 1 },
	{ "*2", "unexpected '*'", 1 },
	{ "1 + not 0", "unexpected 'not'", 5 },
	{ "2^", "unexpected end of expression", 3 },
	{ ".", "unexpected character '.'", 1 },
};

START_TEST(test_parse_errors)
{
	size_t i;

	for (i = 0; i < sizeof error_cases / sizeof error_cases[0]; i++) {
		sx_err err;
		sx_expr *e;

		err_clear(&err);
		e = expr_parse(error_cases[i].text, &err);
		ck_assert_msg(e == NULL, "'%s' parsed", error_cases[i].text);
		ck_assert_msg(strncmp(err.msg, error_cases[i].msg,
		    strlen(error_cases[i].msg)) == 0,
		    "'%s': message '%s', want '%s'", error_cases[i].text,
		    err.msg, error_cases[i].msg);
		ck_assert_msg(err.col == error_cases[i].col,
		    "'%s': column %d, want %d", error_cases[i].text, err.col,
		    error_cases[i].col);
		ck_assert_str_eq(err.where, "<expr>");
		ck_assert_int_eq(err.line, 1);
	}
	/* NULL text is an empty expression; a NULL err is allowed */
	ck_assert_ptr_null(expr_parse(NULL, NULL));
	ck_assert_ptr_null(expr_parse("(", NULL));
}
END_TEST

/* pre, `count` copies of `unit`, mid, `pcount` copies of `post`. */
static char *
repeat(const char *pre, const char *unit, size_t count, const char *mid,
    const char *post, size_t pcount)
{
	size_t lu = strlen(unit), lp = strlen(post), i;
	char *s = xcalloc(strlen(pre) + count * lu + strlen(mid) + pcount * lp + 1,
	    1);
	char *w = s;

	w = stpcpy(w, pre);
	for (i = 0; i < count; i++)
		w = stpcpy(w, unit);
	w = stpcpy(w, mid);
	for (i = 0; i < pcount; i++)
		w = stpcpy(w, post);
	return s;
}

START_TEST(test_nesting)
{
	static const char *units[] = { "(", "-", "not ", "2^", "exp(", "min(1," };
	size_t u;
	sx_err err;
	sx_expr *e;
	char *s;

	for (u = 0; u < sizeof units / sizeof units[0]; u++) {
		/* 500 levels: refused where level 201 starts */
		s = repeat("", units[u], 500, "1", strchr(units[u], '(') ? ")" :
		    "", strchr(units[u], '(') ? 500 : 0);
		err_clear(&err);
		e = expr_parse(s, &err);
		ck_assert_msg(e == NULL, "500 x '%s' parsed", units[u]);
		ck_assert_msg(strcmp(err.msg, "expression nested too deeply "
		    "(more than 200 levels)") == 0, "%s", err.msg);
		ck_assert_int_eq(err.col, (int)(200 * strlen(units[u]) + 1) +
		    (units[u][0] == '2' ? 2 : 0));
		free(s);

		/* 200 levels are fine */
		s = repeat("", units[u], 200, "1", strchr(units[u], '(') ? ")" :
		    "", strchr(units[u], '(') ? 200 : 0);
		e = unit_parse(s);
		expr_free(e);
		free(s);
	}
	e = unit_parse(s = repeat("", "(", 200, "1", ")", 200));
	ck_assert(eval_const(s) == 1);
	expr_free(e);
	free(s);

	/* long flat chains are not nesting: 50000 terms */
	s = repeat("x", "+x", 49999, "", "", 0);
	e = unit_parse(s);
	{
		double v = 2, out;
		sx_expr_bind b = { NULL, &v };

		ck_assert_int_eq(expr_eval(e, &b, 1, &out, &err), 0);
		ck_assert(out == 100000);
	}
	expr_free(e);
	free(s);
}
END_TEST

/* ---- random input ---- */

static uint64_t rng_state;

static uint32_t
rng_next(void)
{
	rng_state ^= rng_state << 13;
	rng_state ^= rng_state >> 7;
	rng_state ^= rng_state << 17;
	return (uint32_t)(rng_state >> 11);
}

/* A random well-formed expression of at most `depth` levels, appended to s
 * while it fits in cap bytes. */
static void
random_expr(char *s, size_t cap, int depth)
{
	static const char *atoms[] = { "1", "2.5", ".5", "1e-3", "0", "x", "y",
	    "`a b`", "pi", "3" };
	static const char *binops[] = { "+", "-", "*", "/", "^", "<", "<=", ">",
	    ">=", "==", "!=", " and ", " or ", "&&", "||" };
	static const char *funcs[] = { "exp(", "log(", "log10(", "sqrt(", "abs(" };
	uint32_t r = rng_next() % 8;
	char *w = s + strlen(s);
	size_t room = cap - (size_t)(w - s);

	if (room < 24)
		return;
	if (depth <= 0 || r < 2) {
		strcat(w, atoms[rng_next() % (sizeof atoms / sizeof atoms[0])]);
	} else if (r < 5) {
		random_expr(s, cap, depth - 1);
		strcat(s, binops[rng_next() % (sizeof binops / sizeof binops[0])]);
		random_expr(s, cap, depth - 1);
	} else if (r == 5) {
		strcat(w, rng_next() % 2 ? "-" : "not ");
		random_expr(s, cap, depth - 1);
	} else if (r == 6) {
		strcat(w, funcs[rng_next() % (sizeof funcs / sizeof funcs[0])]);
		random_expr(s, cap, depth - 1);
		strcat(s, ")");
	} else {
		strcat(w, rng_next() % 2 ? "min(" : "max(");
		random_expr(s, cap, depth - 1);
		strcat(s, ",");
		random_expr(s, cap, depth - 1);
		strcat(s, ")");
	}
}

/* Random text: raw bytes, shuffled pieces of the language, or a generated
 * expression with, sometimes, one byte changed. */
static void
random_text(char *s, size_t cap)
{
	static const char *pieces[] = {
		"1", "2.5", ".5", "1e-3", "0", "x", "y", "`a b`", "pi", "(", ")",
		"(", ")", ",", "+", "-", "*", "/", "^", "<", "<=", ">", ">=", "==",
		"!=", "and", "or", "not", "!", "&&", "||", "min(", "max(", "log(",
		"exp(", "sqrt(", "abs(", "log10(", " ", "`", "e", "1e", "3x",
		"lg(", "=", "&",
	};
	size_t len = rng_next() % (cap - 1), i = 0;
	uint32_t mode = rng_next() % 3;

	s[0] = '\0';
	if (mode == 0) {
		for (i = 0; i < len; i++)
			s[i] = (char)(1 + rng_next() % 255);
		s[len] = '\0';
	} else if (mode == 1) {
		for (;;) {
			const char *p = pieces[rng_next() % (sizeof pieces /
			    sizeof pieces[0])];

			if (strlen(s) + strlen(p) + 1 >= cap || strlen(s) >= len)
				break;
			strcat(s, p);
		}
	} else {
		random_expr(s, cap, 1 + (int)(rng_next() % 6));
		if (rng_next() % 4 == 0 && s[0] != '\0')
			s[rng_next() % strlen(s)] = (char)(1 + rng_next() % 255);
	}
}

START_TEST(test_random_bytes)
{
	char s[160];
	size_t i, nok = 0, nbad = 0;

	rng_state = 0x5ca1e5eedULL;
	for (i = 0; i < 20000; i++) {
		sx_err err;
		sx_expr *e;

		random_text(s, sizeof s);
		err_clear(&err);
		e = expr_parse(s, &err);
		if (e == NULL) {
			nbad++;
			ck_assert_msg(err.msg[0] != '\0', "no message for '%s'", s);
			ck_assert_msg(err.col >= 1 && (size_t)err.col <=
			    strlen(s) + 1, "'%s': column %d", s, err.col);
			ck_assert_str_eq(err.where, "<expr>");
			continue;
		}
		nok++;
		{
			size_t nv = expr_nvars(e), k, wrt[16];
			double x[3] = { 0.5, -1.5, 2 }, val[16], out[3], gout[3];
			double jac[3 * 16];
			const double *col[16];
			sx_expr_bind b = { col, val };

			ck_assert(nv <= 16);
			for (k = 0; k < nv; k++) {
				col[k] = k % 2 == 0 ? x : NULL;
				val[k] = 0.75;
				wrt[k] = k;
			}
			ck_assert_int_eq(expr_eval(e, &b, 3, out, &err), 0);
			ck_assert_int_eq(expr_eval_grad(e, &b, 3, wrt, nv, gout,
			    jac, &err), 0);
			/* both evaluators give the same values */
			for (k = 0; k < 3; k++)
				ck_assert_msg(out[k] == gout[k] ||
				    (isnan(out[k]) && isnan(gout[k])),
				    "'%s': %g vs %g", s, out[k], gout[k]);
		}
		expr_free(e);
	}
	/* the generator reaches both sides of the parser */
	ck_assert_msg(nok > 3000 && nbad > 6000, "%zu parsed, %zu refused", nok,
	    nbad);
}
END_TEST

Suite *
unit_suite(void)
{
	Suite *s = suite_create("expr");
	TCase *tc = tcase_create("expr");

	tcase_set_timeout(tc, 60);
	tcase_add_test(tc, test_values);
	tcase_add_test(tc, test_domain);
	tcase_add_test(tc, test_domain_columns);
	tcase_add_test(tc, test_scalar_vars);
	tcase_add_test(tc, test_variables);
	tcase_add_test(tc, test_columns);
	tcase_add_test(tc, test_missing_binding);
	tcase_add_test(tc, test_grad_operators);
	tcase_add_test(tc, test_grad_special);
	tcase_add_test(tc, test_grad_column_wrt);
	tcase_add_test(tc, test_grad_chinchilla);
	tcase_add_test(tc, test_parse_errors);
	tcase_add_test(tc, test_nesting);
	tcase_add_test(tc, test_random_bytes);
	suite_add_tcase(s, tc);
	return s;
}
