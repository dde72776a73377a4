/* test_fit_reparam.c: bounds and tied parameters against independent
 * truth: a tie equals the law written with one parameter, a bound that
 * does not bind changes nothing, one that binds holds the parameter at
 * it and fits the others as if it were fixed there. */
#include "config.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include <gsl/gsl_randist.h>
#include <gsl/gsl_rng.h>

#include "scaling/fit.h"
#include "tests/unit/unit.h"
#include "tests/unit/unit_fit.h"

#define NR 60

/* Chinchilla-shaped runs, L = E + A/N^a + B/D^b with 1 % noise. */
struct runs {
	double n[NR], d[NR], l[NR];
	const double *x[2];
};

static void
runs_make(struct runs *s, double alpha, double beta, unsigned long seed)
{
	gsl_rng *rng = gsl_rng_alloc(gsl_rng_mt19937);

	gsl_rng_set(rng, seed);
	for (size_t i = 0; i < NR; i++) {
		s->n[i] = exp(log(1e7) + log(1e4) * (double)(i % 10) / 9.0);
		s->d[i] = exp(log(1e9) + log(1e3) * (double)(i / 10) / 5.0);
		s->l[i] = (1.7 + 400.0 / pow(s->n[i], alpha) + 1000.0 /
		    pow(s->d[i], beta)) * exp(0.01 * gsl_ran_gaussian(rng, 1.0));
	}
	s->x[0] = s->n;
	s->x[1] = s->d;
	gsl_rng_free(rng);
}


/* chinchilla with alpha tied to beta is the law with one exponent: same
 * parameters and standard errors, beta reported as tied. */
START_TEST(test_tie_equals_one_exponent)
{
	static const char *const in[] = { "N", "D" };
	const sx_model *m = model_builtin("chinchilla");
	static struct runs s;
	size_t tie[5] = { 0, 1, 2, 3, 2 }, ia, ib;
	double init[4];
	sx_model *u;
	sx_fit_opts o;
	sx_fit_result rt, ru;
	sx_err e;

	runs_make(&s, 0.3, 0.3, 1);
	memset(&o, 0, sizeof o);
	o.space = SX_SPACE_LOG;
	o.tie = tie;
	unit_fit_ok(m, s.x, s.l, NR, &o, &rt);
	ia = (size_t)model_param_index(m, "alpha");
	ib = (size_t)model_param_index(m, "beta");
	ck_assert_double_eq(rt.p[ia], rt.p[ib]);
	ck_assert_double_eq(rt.se[ia], rt.se[ib]);
	ck_assert_uint_eq(rt.tied[ib], ia);
	err_clear(&e);
	u = model_from_expr("one", "E + A/N^a + B/D^a", in, 2, &e);
	ck_assert_msg(u != NULL, "%s", e.msg);
	/* Both minimise the same sum: from one's optimum the other stays. */
	init[model_param_index(u, "E")] = rt.p[0];
	init[model_param_index(u, "A")] = rt.p[1];
	init[model_param_index(u, "a")] = rt.p[ia];
	init[model_param_index(u, "B")] = rt.p[3];
	memset(&o, 0, sizeof o);
	o.space = SX_SPACE_LOG;
	o.init = init;
	unit_fit_ok(u, s.x, s.l, NR, &o, &ru);
	ck_assert_close(ru.p[model_param_index(u, "E")], rt.p[0], 1e-9);
	ck_assert_close(ru.p[model_param_index(u, "A")], rt.p[1], 1e-9);
	ck_assert_close(ru.p[model_param_index(u, "a")], rt.p[ia], 1e-9);
	ck_assert_close(ru.p[model_param_index(u, "B")], rt.p[3], 1e-9);
	ck_assert_close(ru.se[model_param_index(u, "a")], rt.se[ia], 1e-6);
	ck_assert_close(ru.objective, rt.objective, 1e-12);
	fit_result_free(&rt);
	fit_result_free(&ru);
	model_free(u);
}
END_TEST

/* Bounds the optimum lies well inside change nothing. */
START_TEST(test_loose_bounds)
{
	const sx_model *m = model_builtin("chinchilla");
	static struct runs s;
	double lo[5] = { 1.0, -INFINITY, 0.0, -INFINITY, 0.05 };
	double hi[5] = { 3.0, INFINITY, 1.0, INFINITY, 0.9 };
	sx_fit_opts o;
	sx_fit_result rb, rf;

	runs_make(&s, 0.34, 0.28, 2);
	memset(&o, 0, sizeof o);
	o.space = SX_SPACE_LOG;
	unit_fit_ok(m, s.x, s.l, NR, &o, &rf);
	o.lo = lo;
	o.hi = hi;
	unit_fit_ok(m, s.x, s.l, NR, &o, &rb);
	for (size_t j = 0; j < 5; j++) {
		ck_assert_close(rb.p[j], rf.p[j], 1e-6);
		ck_assert_close(rb.se[j], rf.se[j], 1e-4);
		ck_assert_int_eq(rb.bound[j], 0);
	}
	fit_result_free(&rb);
	fit_result_free(&rf);
}
END_TEST

/* A bound the optimum lies beyond holds the parameter there, with no
 * standard error and a warning naming it; the others are the fit with
 * it fixed at the bound. */
START_TEST(test_binding_bound)
{
	const sx_model *m = model_builtin("chinchilla");
	static struct runs s;
	double lo[5] = { 1.9, -INFINITY, -INFINITY, -INFINITY, -INFINITY };
	double hi[5] = { 3.0, INFINITY, INFINITY, INFINITY, INFINITY };
	double init[5] = { 1.9, NAN, NAN, NAN, NAN };
	unsigned char fixed[5] = { 1, 0, 0, 0, 0 };
	sx_fit_opts o;
	sx_fit_result rb, rx;

	runs_make(&s, 0.34, 0.28, 3);
	memset(&o, 0, sizeof o);
	o.space = SX_SPACE_LOG;
	o.lo = lo;
	o.hi = hi;
	unit_fit_ok(m, s.x, s.l, NR, &o, &rb);
	ck_assert_double_eq(rb.p[0], 1.9);
	ck_assert_int_eq(rb.bound[0], 'l');
	ck_assert(isnan(rb.se[0]));
	ck_assert_msg(strstr(rb.warn, "E is at its lower bound 1.9") != NULL,
	    "%s", rb.warn);
	memset(&o, 0, sizeof o);
	o.space = SX_SPACE_LOG;
	o.init = init;
	o.fixed = fixed;
	unit_fit_ok(m, s.x, s.l, NR, &o, &rx);
	for (size_t j = 1; j < 5; j++) {
		ck_assert_close(rb.p[j], rx.p[j], 1e-6);
		ck_assert_close(rb.se[j], rx.se[j], 1e-4);
	}
	fit_result_free(&rb);
	fit_result_free(&rx);
}
END_TEST

/* Huber from random starts, and the bootstrap, stay inside the bounds. */
START_TEST(test_bounds_every_solver)
{
	const sx_model *m = model_builtin("chinchilla");
	static struct runs s;
	double lo[5] = { -INFINITY, -INFINITY, 0.2, -INFINITY, 0.2 };
	double hi[5] = { INFINITY, INFINITY, 0.3, INFINITY, 0.3 };
	sx_starts st;
	sx_fit_opts o;
	sx_fit_result r;
	sx_err e;

	runs_make(&s, 0.36, 0.36, 4);
	memset(&o, 0, sizeof o);
	memset(&st, 0, sizeof st);
	st.kind = SX_STARTS_RANDOM;
	st.count = 8;
	st.seed = 5;
	o.space = SX_SPACE_LOG;
	o.loss = SX_LOSS_HUBER;
	o.delta = 1e-2;
	o.starts = &st;
	o.lo = lo;
	o.hi = hi;
	unit_fit_ok(m, s.x, s.l, NR, &o, &r);
	/* The data want 0.36: both exponents end on their upper bound. */
	ck_assert_int_eq(r.bound[2], 'h');
	ck_assert_int_eq(r.bound[4], 'h');
	ck_assert_double_eq(r.p[2], 0.3);
	err_clear(&e);
	o.starts = NULL;
	ck_assert_msg(fit_bootstrap(m, s.x, s.l, NR, &o, 20, 1, 0.9, &r, NULL,
	    NULL, &e) == 0, "%s", e.msg);
	for (size_t b = 0; b < r.nboot; b++)
		ck_assert(r.boot[b * 5 + 2] >= 0.2 && r.boot[b * 5 + 2] <= 0.3);
	fit_result_free(&r);
}
END_TEST

START_TEST(test_bad_bounds_and_ties)
{
	const sx_model *m = model_builtin("chinchilla");
	static struct runs s;
	double lo[5] = { 2.0, -INFINITY, -INFINITY, -INFINITY, -INFINITY };
	double hi[5] = { 1.0, INFINITY, INFINITY, INFINITY, INFINITY };
	double init[5] = { 5.0, NAN, NAN, NAN, NAN };
	size_t tie[5] = { 0, 1, 4, 3, 2 };
	sx_fit_opts o;
	sx_fit_result r;
	sx_err e;

	runs_make(&s, 0.3, 0.3, 6);
	memset(&o, 0, sizeof o);
	o.space = SX_SPACE_LOG;
	o.lo = lo;
	o.hi = hi;
	err_clear(&e);
	ck_assert_int_eq(fit_run(m, s.x, s.l, NR, &o, &r, &e), -1);
	ck_assert_str_eq(e.msg, "bounds of E: need lo < hi (got 2:1)");
	hi[0] = 3.0;
	o.init = init;
	ck_assert_int_eq(fit_run(m, s.x, s.l, NR, &o, &r, &e), -1);
	ck_assert_str_eq(e.msg, "E = 5 is outside its bounds 2:3");
	memset(&o, 0, sizeof o);
	o.space = SX_SPACE_LOG;
	o.tie = tie;
	ck_assert_int_eq(fit_run(m, s.x, s.l, NR, &o, &r, &e), -1);
	ck_assert_str_eq(e.msg, "tie of alpha: it must name a parameter that "
	    "is tied to nothing itself");
}
END_TEST

/* A log-spaced grid on a formula's parameter bounded below by 0. */
START_TEST(test_log_grid_on_bounded)
{
	static const char *const in[] = { "x" };
	sx_model *u;
	double lo[3] = { -INFINITY, -INFINITY, 0.0 };
	sx_grid_axis *ax = NULL;
	size_t na = 0;
	sx_err e;

	err_clear(&e);
	u = model_from_expr("dc", "a + b*exp(-x/r)", in, 1, &e);
	ck_assert_msg(u != NULL, "%s", e.msg);
	ck_assert_int_eq(fit_grid_parse(u, NULL, NULL, "logr=0:3:1", &ax, &na,
	    &e), -1);
	ck_assert_int_eq(fit_grid_parse(u, NULL, lo, "logr=0:3:1", &ax, &na,
	    &e), 0);
	ck_assert_uint_eq(na, 1);
	ck_assert(ax[0].logscale);
	free(ax);
	model_free(u);
}
END_TEST

Suite *
unit_suite(void)
{
	Suite *s = suite_create("fit_reparam");
	TCase *tc = tcase_create("reparam");

	tcase_set_timeout(tc, 60);
	tcase_add_test(tc, test_tie_equals_one_exponent);
	tcase_add_test(tc, test_loose_bounds);
	tcase_add_test(tc, test_binding_bound);
	tcase_add_test(tc, test_bounds_every_solver);
	tcase_add_test(tc, test_bad_bounds_and_ties);
	tcase_add_test(tc, test_log_grid_on_bounded);
	suite_add_tcase(s, tc);
	return s;
}
