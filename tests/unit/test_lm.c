/* test_lm.c: the damped Newton / LM driver on problems with known minima. */
#include "config.h"

#include <math.h>
#include <string.h>

#include "scaling/lm.h"
#include "tests/unit/unit.h"

/*
 * F(x, y) = 1 + (r1^2 + r2^2)/2, r1 = 10 (y - x^2), r2 = 1 - x: Rosenbrock's
 * valley lifted by 1, so the minimum is F = 1 at (1, 1) and the relative
 * tests of the driver apply. exact picks the Hessian (else Gauss-Newton's
 * J^T J); the counters check what the driver reports.
 */
typedef struct rb {
	double x[2], xt[2];
	int exact, trials, accepts, stop_after;
} rb;

static double
rb_f(const double *x)
{
	double r1 = 10.0 * (x[1] - x[0] * x[0]), r2 = 1.0 - x[0];

	return 1.0 + 0.5 * (r1 * r1 + r2 * r2);
}

static void
rb_derive(void *ctx, double *g, double *H)
{
	rb *c = ctx;
	double x = c->x[0], y = c->x[1], r1 = 10.0 * (y - x * x), r2 = 1.0 - x;
	double j1x = -20.0 * x, j1y = 10.0, j2x = -1.0;

	g[0] = r1 * j1x + r2 * j2x;
	g[1] = r1 * j1y;
	H[0] = j1x * j1x + j2x * j2x + (c->exact ? -20.0 * r1 : 0.0);
	H[1] = H[2] = j1x * j1y;
	H[3] = j1y * j1y;
}

static double
rb_trial(void *ctx, const double *s)
{
	rb *c = ctx;

	c->trials++;
	c->xt[0] = c->x[0] + s[0];
	c->xt[1] = c->x[1] + s[1];
	return rb_f(c->xt);
}

static void
rb_accept(void *ctx)
{
	rb *c = ctx;

	c->accepts++;
	memcpy(c->x, c->xt, sizeof c->x);
}

static double
rb_var(void *ctx, size_t j)
{
	return ((rb *)ctx)->x[j];
}

static int
rb_stop(void *ctx, double F)
{
	rb *c = ctx;

	ck_assert_double_eq(F, rb_f(c->x));
	return c->accepts >= c->stop_after;
}

static void
rb_run(rb *c, enum lm_solver solver, int maxit, lm_out *out)
{
	lm_ops ops = { 2, solver, rb_derive, rb_trial, rb_accept, rb_var,
	    c->stop_after > 0 ? rb_stop : NULL };

	c->x[0] = -1.2;
	c->x[1] = 1.0;
	lm_run(&ops, c, rb_f(c->x), maxit, out);
}

/* Both solvers reach (1, 1) with F = 1 from Rosenbrock's start, and the
 * iterations reported are the accepted steps. */
START_TEST(test_lm_rosenbrock)
{
	for (int exact = 0; exact < 2; exact++) {
		rb c = { { 0 }, { 0 }, exact, 0, 0, 0 };
		lm_out o;

		rb_run(&c, exact ? LM_CHOLESKY : LM_LU, 200, &o);
		ck_assert_msg(o.converged, "exact=%d", exact);
		ck_assert(!o.stopped);
		ck_assert_double_eq_tol(c.x[0], 1.0, 1e-7);
		ck_assert_double_eq_tol(c.x[1], 1.0, 1e-7);
		ck_assert_double_eq_tol(o.obj, 1.0, 1e-14);
		ck_assert_double_eq(o.obj, rb_f(c.x));
		ck_assert_int_eq(o.iterations, c.accepts);
		ck_assert_int_gt(o.iterations, 5);
		ck_assert_int_ge(c.trials, c.accepts);
	}
}
END_TEST

/* The cap counts trials, rejected or not; the stop hook ends the run. */
START_TEST(test_lm_cap_and_stop)
{
	rb c = { { 0 }, { 0 }, 1, 0, 0, 0 };
	lm_out o;

	rb_run(&c, LM_CHOLESKY, 3, &o);
	ck_assert(!o.converged);
	ck_assert_int_le(c.trials, 3);
	ck_assert_int_eq(o.iterations, c.accepts);

	memset(&c, 0, sizeof c);
	c.exact = 1;
	c.stop_after = 2;
	rb_run(&c, LM_CHOLESKY, 200, &o);
	ck_assert(o.stopped);
	ck_assert(!o.converged);
	ck_assert_int_eq(o.iterations, 2);
	ck_assert_int_eq(c.accepts, 2);
	ck_assert_double_eq(o.obj, rb_f(c.x));
}
END_TEST

/* No variable, or a start that is not finite: no trial at all. */
START_TEST(test_lm_degenerate)
{
	rb c = { { 0 }, { 0 }, 0, 0, 0, 0 };
	lm_ops ops = { 0, LM_LU, rb_derive, rb_trial, rb_accept, rb_var, NULL };
	lm_out o;

	lm_run(&ops, &c, 2.5, 100, &o);
	ck_assert(o.converged);
	ck_assert_double_eq(o.obj, 2.5);
	ck_assert_int_eq(o.iterations, 0);
	ops.k = 2;
	lm_run(&ops, &c, INFINITY, 100, &o);
	ck_assert(!o.converged);
	ck_assert_int_eq(c.trials, 0);
}
END_TEST

/* The two linear solvers on a known system, and their failures. */
START_TEST(test_lm_solvers)
{
	/* A = [[4,2,0],[2,5,1],[0,1,3]], x = (1, -2, 3): b = A x. */
	const double A0[9] = { 4, 2, 0, 2, 5, 1, 0, 1, 3 };
	const double x[3] = { 1, -2, 3 };
	double A[9], b[3];

	for (int chol = 0; chol < 2; chol++) {
		memcpy(A, A0, sizeof A);
		for (int i = 0; i < 3; i++)
			b[i] = A0[3 * i] * x[0] + A0[3 * i + 1] * x[1] +
			    A0[3 * i + 2] * x[2];
		ck_assert_int_eq(chol ? lm_solve_chol(A, b, 3) :
		    lm_solve_lu(A, b, 3), 0);
		for (int i = 0; i < 3; i++)
			ck_assert_double_eq_tol(b[i], x[i], 1e-13);
	}
	/* Indefinite: Cholesky refuses, LU solves. */
	memcpy(A, (const double[]){ 1, 2, 2, 1 }, 4 * sizeof *A);
	memcpy(b, (const double[]){ 3, 3 }, 2 * sizeof *b);
	ck_assert_int_eq(lm_solve_chol(A, b, 2), -1);
	memcpy(A, (const double[]){ 1, 2, 2, 1 }, 4 * sizeof *A);
	memcpy(b, (const double[]){ 3, 3 }, 2 * sizeof *b);
	ck_assert_int_eq(lm_solve_lu(A, b, 2), 0);
	ck_assert_double_eq_tol(b[0], 1.0, 1e-15);
	ck_assert_double_eq_tol(b[1], 1.0, 1e-15);
	/* Singular: both refuse. */
	memcpy(A, (const double[]){ 1, 2, 2, 4 }, 4 * sizeof *A);
	ck_assert_int_eq(lm_solve_lu(A, b, 2), -1);
	memcpy(A, (const double[]){ 1, 2, 2, 4 }, 4 * sizeof *A);
	ck_assert_int_eq(lm_solve_chol(A, b, 2), -1);
}
END_TEST

Suite *
unit_suite(void)
{
	Suite *s = suite_create("lm");
	TCase *tc = tcase_create("core");

	tcase_add_test(tc, test_lm_rosenbrock);
	tcase_add_test(tc, test_lm_cap_and_stop);
	tcase_add_test(tc, test_lm_degenerate);
	tcase_add_test(tc, test_lm_solvers);
	suite_add_tcase(s, tc);
	return s;
}
