/* test_laws.c: what a law advertises (roles, kernel, reference), by a user
 * law of a built-in's form reaching the built-in's results. */
#include "config.h"

#include <math.h>
#include <string.h>

#include "scaling/fit.h"
#include "scaling/frontier.h"
#include "tests/unit/unit.h"

/* Chinchilla's form with the parameters in another order: A, alpha, B,
 * beta, E (order of first use). */
static const char *const in_nd[] = { "N", "D" };
static const sx_roles roles_user = { 4, 0, 1, 2, 3 };
/* Built-in index (E, A, alpha, B, beta) of user parameter j. */
static const size_t to_builtin[5] = { 1, 2, 3, 4, 0 };

static sx_model *
user_chinchilla(int advertise)
{
	sx_err e;
	sx_model *u = model_from_expr("mine", "A/N^alpha + B/D^beta + E",
	    in_nd, 2, &e);

	ck_assert_msg(u != NULL, "%s", e.msg);
	ck_assert_str_eq(u->params[0], "A");
	ck_assert_str_eq(u->params[4], "E");
	if (advertise) {
		u->roles = &roles_user;
		u->kernel = &sx_kernel_vp;
	}
	return u;
}

static void
huber_grid(sx_fit_opts *o, sx_starts *st)
{
	memset(st, 0, sizeof *st);
	st->kind = SX_STARTS_GRID;
	memset(o, 0, sizeof *o);
	o->space = SX_SPACE_LOG;
	o->loss = SX_LOSS_HUBER;
	o->delta = 1e-3;
	o->starts = st;
}

/* A user law advertising the roles and the kernel gets Hoffmann's grid and
 * the kernel's runs: the built-in's fit of the Epoch data, to the bit. */
START_TEST(test_user_law_kernel)
{
	static double n[300], d[300], l[300];
	const double *x[2] = { n, d };
	size_t k = unit_epoch240(n, d, l, 300), j;
	sx_model *u = user_chinchilla(1);
	sx_grid_axis ax[8];
	sx_fit_opts o;
	sx_starts st;
	sx_fit_result rb, ru;
	sx_err e;

	ck_assert_uint_eq(fit_grid_default(u, ax, 8), 5);
	ck_assert_uint_eq(ax[0].param, 4);      /* E, on a log scale */
	ck_assert(ax[0].logscale);
	huber_grid(&o, &st);
	ck_assert_msg(fit_run(model_builtin("chinchilla"), x, l, k, &o, &rb,
	    &e) == 0, "%s", e.msg);
	ck_assert_msg(fit_run(u, x, l, k, &o, &ru, &e) == 0, "%s", e.msg);
	ck_assert_uint_eq(ru.starts_total, 4500);
	ck_assert_uint_eq(ru.starts_total, rb.starts_total);
	ck_assert_uint_eq(ru.starts_converged, rb.starts_converged);
	ck_assert_double_eq(ru.objective, rb.objective);
	ck_assert_int_eq(ru.iterations, rb.iterations);
	for (j = 0; j < 5; j++) {
		ck_assert_double_eq(ru.p[j], rb.p[to_builtin[j]]);
		ck_assert_close(ru.se[j], rb.se[to_builtin[j]], 1e-6);
	}
	fit_result_free(&rb);
	fit_result_free(&ru);
	model_free(u);
}
END_TEST

/* The same law advertising nothing goes the generic way (huber.c) from a
 * start near the built-in's optimum and reaches the same fit; it has no
 * default grid and no closed-form frontier. (Its convergence flag is not
 * tested: the generic Gauss-Newton run stalls at that optimum, to 1e-10 of
 * the kernel's objective, without passing its step test; on main too.) */
START_TEST(test_user_law_generic)
{
	static double n[300], d[300], l[300];
	const double *x[2] = { n, d };
	size_t k = unit_epoch240(n, d, l, 300), j;
	sx_model *u = user_chinchilla(0);
	sx_grid_axis ax[8];
	sx_fit_opts o;
	sx_starts st;
	sx_fit_result rb, ru;
	sx_frontier_pt pb, pu;
	double init[5];
	int closed = -1;
	sx_err e;

	ck_assert_uint_eq(fit_grid_default(u, ax, 8), 0);
	huber_grid(&o, &st);
	ck_assert_msg(fit_run(model_builtin("chinchilla"), x, l, k, &o, &rb,
	    &e) == 0, "%s", e.msg);
	for (j = 0; j < 5; j++)
		init[j] = rb.p[to_builtin[j]] * (j % 2 ? 0.97 : 1.03);
	o.starts = NULL;
	o.init = init;
	ck_assert_msg(fit_run(u, x, l, k, &o, &ru, &e) == 0, "%s", e.msg);
	ck_assert_close(ru.objective, rb.objective, 1e-10);
	for (j = 0; j < 5; j++)
		ck_assert_close(ru.p[j], rb.p[to_builtin[j]], 1e-6);

	ck_assert_int_eq(frontier_point(model_builtin("chinchilla"), rb.p, 6.0,
	    1e22, &pb, &closed, &e), 0);
	ck_assert_int_eq(closed, 1);
	ck_assert_int_eq(frontier_point(u, ru.p, 6.0, 1e22, &pu, &closed, &e), 0);
	ck_assert_int_eq(closed, 0);
	ck_assert_close(pu.N_opt, pb.N_opt, 1e-5);
	ck_assert_close(pu.L_opt, pb.L_opt, 1e-7);   /* as close as p (1e-6) allows */
	fit_result_free(&rb);
	fit_result_free(&ru);
	model_free(u);
}
END_TEST

/* With the roles the frontier is the closed form, whatever the order of
 * the law's parameters. */
START_TEST(test_user_law_frontier)
{
	const double chin[5] = { 1.69, 406.4, 0.34, 410.7, 0.28 };
	double p[5];
	sx_model *u = user_chinchilla(1);
	sx_frontier_pt pb, pu;
	int closed = 0;
	sx_err e;

	for (size_t j = 0; j < 5; j++)
		p[j] = chin[to_builtin[j]];
	ck_assert_int_eq(frontier_closed(chin, 6.0, 1e22, &pb, &e), 0);
	ck_assert_int_eq(frontier_point(u, p, 6.0, 1e22, &pu, &closed, &e), 0);
	ck_assert_int_eq(closed, 1);
	ck_assert_double_eq(pu.N_opt, pb.N_opt);
	ck_assert_double_eq(pu.D_opt, pb.D_opt);
	ck_assert_double_eq(pu.L_opt, pb.L_opt);
	model_free(u);
}
END_TEST

/* A user exponential trend advertising its reference t0 has it held at
 * the first t, as the built-in exptrend; a start for it frees it. */
START_TEST(test_user_law_reference)
{
	static const char *const in_t[] = { "t" };
	static const unsigned char ref[3] = { 0, 1, 0 };   /* y0, t0, T */
	double t[8], y[8];
	const double *x[1] = { t };
	sx_fit_result rb, ru;
	sx_fit_opts o;
	sx_err e;
	sx_model *u = model_from_expr("trend", "y0 * 2^((t - t0)/T)", in_t, 1,
	    &e);
	size_t i;

	ck_assert_msg(u != NULL, "%s", e.msg);
	ck_assert_str_eq(u->params[1], "t0");
	u->reference = ref;
	for (i = 0; i < 8; i++) {
		t[i] = 2015.0 + 1.5 * (double)i;
		y[i] = 3.0 * exp2((t[i] - 2015.0) / 2.5) * (1.0 + 0.01 *
		    (double)(i % 3) - 0.01);
	}
	ck_assert_msg(fit_run(model_builtin("exptrend"), x, y, 8, NULL, &rb,
	    &e) == 0, "%s", e.msg);
	ck_assert_msg(fit_run(u, x, y, 8, NULL, &ru, &e) == 0, "%s", e.msg);
	ck_assert_double_eq(ru.p[1], 2015.0);
	ck_assert_double_eq(rb.p[2], 2015.0);
	ck_assert(isnan(ru.se[1]));
	ck_assert_close(ru.p[0], rb.p[0], 1e-8);
	ck_assert_close(ru.p[2], rb.p[1], 1e-8);
	fit_result_free(&ru);
	memset(&o, 0, sizeof o);
	o.init = (const double[]){ NAN, 2016.0, NAN };
	ck_assert_msg(fit_run(u, x, y, 8, &o, &ru, &e) == 0, "%s", e.msg);
	ck_assert(!isnan(ru.se[1]) || ru.p[1] != 2015.0);
	fit_result_free(&ru);
	fit_result_free(&rb);
	model_free(u);
}
END_TEST

Suite *
unit_suite(void)
{
	Suite *s = suite_create("laws");
	TCase *tc = tcase_create("core");

	tcase_set_timeout(tc, 60);
	tcase_add_test(tc, test_user_law_kernel);
	tcase_add_test(tc, test_user_law_generic);
	tcase_add_test(tc, test_user_law_frontier);
	tcase_add_test(tc, test_user_law_reference);
	suite_add_tcase(s, tc);
	return s;
}
