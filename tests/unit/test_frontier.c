/* test_frontier.c: compute-optimal frontiers, closed form and numeric;
 * approaches 1 and 2 on runs generated from a known law. */
#include "config.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include <gsl/gsl_randist.h>
#include <gsl/gsl_rng.h>

#include "base/xalloc.h"
#include "scaling/frontier.h"
#include "scaling/model.h"
#include "scaling/presets.h"
#include "tests/unit/unit.h"

/* Hoffmann et al. 2022, App. D.2 (rounded): E, A, alpha, B, beta. */
static const double chin[5] = { 1.69, 406.4, 0.34, 410.7, 0.28 };
/* Besiroglu et al. 2024 refit. */
static const double besi[5] = { 1.817, 482.01, 0.3478, 2085.43, 0.3658 };

/* L = E + A/N^alpha + B/D^beta, typed here, independent of model.c. */
static double
chin_L(const double *p, double N, double D)
{
	return p[0] + p[1] / pow(N, p[2]) + p[3] / pow(D, p[4]);
}

START_TEST(test_closed_equals_numeric)
{
	const sx_model *m = model_builtin("chinchilla");
	const double *ps[3] = { chin, besi, NULL };
	double unr[5];

	/* The unrounded constants of the paper's source. */
	unr[0] = exp(0.5267228);
	unr[1] = exp(6.0073404);
	unr[2] = 0.33917;
	unr[3] = exp(6.0179186);
	unr[4] = 0.28491;
	ps[2] = unr;
	for (int j = 0; j < 3; j++) {
		for (int i = 0; i <= 32; i++) {
			double C = pow(10.0, 18.0 + i / 4.0);
			sx_frontier_pt a, b;
			sx_err e;

			ck_assert_int_eq(frontier_closed(ps[j], 6.0, C, &a, &e), 0);
			ck_assert_int_eq(frontier_numeric(m, ps[j], 6.0, C, &b, &e), 0);
			ck_assert_close(a.N_opt, b.N_opt, 1e-8);
			ck_assert_close(a.D_opt, b.D_opt, 1e-8);
			ck_assert_close(a.L_opt, b.L_opt, 1e-12);
			/* C = 6 N D holds exactly on both. */
			ck_assert_close(6.0 * a.N_opt * a.D_opt, C, 1e-12);
			ck_assert_close(6.0 * b.N_opt * b.D_opt, C, 1e-12);
		}
	}
}
END_TEST

/*
 * The closed form against first principles: at the optimum the marginal
 * gains balance, alpha*A/N^alpha = beta*B/D^beta, and L there is the law.
 */
START_TEST(test_closed_stationary)
{
	for (int i = 0; i <= 8; i++) {
		double C = pow(10.0, 18.0 + i), k = i % 2 ? 6.0 : 8.0;
		sx_frontier_pt pt;
		sx_err e;

		ck_assert_int_eq(frontier_closed(chin, k, C, &pt, &e), 0);
		ck_assert_close(k * pt.N_opt * pt.D_opt, C, 1e-13);
		ck_assert_close(chin[2] * chin[1] / pow(pt.N_opt, chin[2]),
		    chin[4] * chin[3] / pow(pt.D_opt, chin[4]), 1e-12);
		ck_assert_close(pt.L_opt, chin_L(chin, pt.N_opt, pt.D_opt), 1e-13);
	}
}
END_TEST

/* A user law of the same formula takes the numeric path and agrees. */
START_TEST(test_user_law_numeric)
{
	static const char *const in[] = { "N", "D" };
	sx_err e;
	sx_model *m = model_from_expr("mine", "E + A*N^-a + B*D^-b", in, 2, &e);
	double p[5];
	int closed = -1;

	ck_assert_ptr_nonnull(m);
	/* Parameters in order of first use: E, A, a, B, b. */
	memcpy(p, chin, sizeof p);
	for (int i = 0; i <= 8; i++) {
		double C = pow(10.0, 18.0 + i);
		sx_frontier_pt a, b;

		ck_assert_int_eq(frontier_closed(chin, 6.0, C, &a, &e), 0);
		ck_assert_int_eq(frontier_point(m, p, 6.0, C, &b, &closed, &e), 0);
		ck_assert_int_eq(closed, 0);
		ck_assert_close(a.N_opt, b.N_opt, 1e-8);
		ck_assert_close(a.D_opt, b.D_opt, 1e-8);
	}
	ck_assert_int_eq(frontier_point(model_builtin("chinchilla"), chin, 6.0,
	    1e20, &(sx_frontier_pt){ 0 }, &closed, &e), 0);
	ck_assert_int_eq(closed, 1);
	model_free(m);
}
END_TEST

/*
 * Kaplan's L(N, D) = [(Nc/N)^r + Dc/D]^aD, r = aN/aD: with D = C/(kN) the
 * bracket is minimised where r*Nc^r*N^-(r+1) = Dc*k/C, i.e.
 * N_opt = (r*Nc^r*C/(Dc*k))^(1/(r+1)).
 */
START_TEST(test_kaplan_nd_numeric)
{
	const sx_model *m = model_builtin("kaplan_nd");
	const double p[4] = { 6.4e13, 1.8e13, 0.076, 0.103 };
	double r = p[2] / p[3];

	ck_assert_ptr_nonnull(m);
	for (int i = 0; i <= 10; i++) {
		double C = pow(10.0, 16.0 + i);
		double want = exp((log(r) + r * log(p[0]) + log(C) - log(p[1]) -
		    log(6.0)) / (r + 1.0));
		sx_frontier_pt pt;
		sx_err e;

		ck_assert_int_eq(frontier_numeric(m, p, 6.0, C, &pt, &e), 0);
		ck_assert_close(pt.N_opt, want, 1e-8);
		ck_assert_close(pt.D_opt, C / (6.0 * want), 1e-8);
	}
}
END_TEST

/* a = beta/(alpha+beta), b = alpha/(alpha+beta) from the regression. */
START_TEST(test_exponents)
{
	const sx_preset *pr = preset_find("hoffmann2022-unrounded");
	const sx_preset_law *l = preset_law(pr, "L(N,D)");
	sx_frontier f;
	sx_err e;
	double al = 0.33917, be = 0.28491;

	ck_assert_ptr_nonnull(l);
	ck_assert_int_eq(frontier_run(model_builtin("chinchilla"), l->pvals, 6.0,
	    1e18, 1e26, 9, &f, &e), 0);
	ck_assert_int_eq(f.closed, 1);
	ck_assert_uint_eq(f.n, 9);
	ck_assert_close(f.a, be / (al + be), 1e-12);
	ck_assert_close(f.b, al / (al + be), 1e-12);
	/* Hoffmann et al. Table 2, approach 3: a = 0.46. */
	ck_assert(fabs(f.a - 0.46) < 0.005);
	ck_assert_close(f.pt[0].C, 1e18, 1e-15);
	ck_assert_close(f.pt[8].C, 1e26, 1e-15);
	ck_assert_close(f.pt[4].C, 1e22, 1e-13);
	frontier_free(&f);

	/* The numeric path gives the same exponents. */
	{
		static const char *const in[] = { "N", "D" };
		sx_model *m = model_from_expr("u", "E + A*N^-a + B*D^-b", in, 2, &e);

		ck_assert_int_eq(frontier_run(m, l->pvals, 6.0, 1e18, 1e26, 9, &f,
		    &e), 0);
		ck_assert_int_eq(f.closed, 0);
		ck_assert_close(f.a, be / (al + be), 1e-8);
		frontier_free(&f);
		model_free(m);
	}
}
END_TEST

START_TEST(test_errors)
{
	static const char *const in[] = { "N", "D" };
	sx_frontier f;
	sx_frontier_pt pt;
	sx_err e;
	sx_model *m;
	int n, d;

	/* A law of one column has no N and D. */
	ck_assert_int_eq(frontier_nd_inputs(model_builtin("plc"), &n, &d, &e), -1);
	ck_assert_ptr_nonnull(strstr(e.msg, "not a law of N and D"));
	ck_assert_int_eq(frontier_numeric(model_builtin("kaplan_ns"),
	    (const double[]){ 6.5e13, 0.077, 2.1e3, 0.76 }, 6, 1e20, &pt, &e), -1);
	/* C <= 0, NaN, backwards ranges, bad k. */
	ck_assert_int_eq(frontier_closed(chin, 6, 0.0, &pt, &e), -1);
	ck_assert_int_eq(frontier_closed(chin, 6, -1e20, &pt, &e), -1);
	ck_assert_int_eq(frontier_numeric(model_builtin("chinchilla"), chin, 6,
	    NAN, &pt, &e), -1);
	ck_assert_int_eq(frontier_closed(chin, 0.0, 1e20, &pt, &e), -1);
	ck_assert_int_eq(frontier_run(model_builtin("chinchilla"), chin, 6, 0.0,
	    1e20, 5, &f, &e), -1);
	ck_assert_int_eq(frontier_run(model_builtin("chinchilla"), chin, 6, 1e22,
	    1e20, 5, &f, &e), -1);
	ck_assert_int_eq(frontier_run(model_builtin("chinchilla"), chin, 6, 1e20,
	    1e22, 0, &f, &e), -1);
	/* Negative exponents: no minimum. */
	ck_assert_int_eq(frontier_closed((const double[]){ 1.69, 406.4, -0.34,
	    410.7, 0.28 }, 6, 1e20, &pt, &e), -1);
	/* A law that ignores D keeps falling as N grows. */
	m = model_from_expr("nd", "E + A*N^-a + 0*D", in, 2, &e);
	ck_assert_ptr_nonnull(m);
	ck_assert_int_eq(frontier_numeric(m, (const double[]){ 1.7, 400, 0.3 }, 6,
	    1e20, &pt, &e), -1);
	ck_assert_ptr_nonnull(strstr(e.msg, "keeps falling as N grows"));
	model_free(m);
	/* Not finite anywhere. */
	m = model_from_expr("bad", "log(-1 - A) + N + D", in, 2, &e);
	if (m != NULL) {
		ck_assert_int_eq(frontier_numeric(m, (const double[]){ 1 }, 6, 1e20,
		    &pt, &e), -1);
		model_free(m);
	}
}
END_TEST

START_TEST(test_loglog_fit)
{
	double x[5], y[5], a, c, se;
	sx_err e;

	for (int i = 0; i < 5; i++) {
		x[i] = pow(10.0, 18 + 2 * i);
		y[i] = 3.5 * pow(x[i], 0.47);
	}
	ck_assert_int_eq(frontier_loglog_fit(x, y, 5, &a, &c, &se, &e), 0);
	ck_assert_close(a, 0.47, 1e-12);
	ck_assert_close(c, 3.5, 1e-10);
	ck_assert(fabs(se) < 1e-12);
	ck_assert_int_eq(frontier_loglog_fit(x, y, 1, &a, &c, &se, &e), -1);
	x[1] = x[0];
	ck_assert_int_eq(frontier_loglog_fit(x, y, 2, &a, &c, &se, &e), -1);
	y[0] = -1;
	ck_assert_int_eq(frontier_loglog_fit(x, y, 5, &a, &c, &se, &e), -1);
}
END_TEST

/*
 * Learning curves from the law: 81 sizes N = 1e5 .. 1e13 (ten a decade),
 * each evaluated at 181 token counts D = 1e6 .. 1e15 (twenty a decade),
 * C = 6ND. Approach 1 over C = 6e16 .. 6e22, where every budget's optimum
 * lies among the sizes run, recovers a = beta/(alpha+beta).
 */
START_TEST(test_approach1_recovers)
{
	const size_t ns = 81, nd = 181, n = ns * nd;
	double *N = xmalloc(3 * n * sizeof *N), *C = N + n, *L = C + n;
	double want = chin[4] / (chin[2] + chin[4]);
	sx_approach r;
	sx_err e;
	size_t i = 0;

	for (size_t a = 0; a < ns; a++)
		for (size_t b = 0; b < nd; b++, i++) {
			double nn = pow(10.0, 5 + a / 10.0), dd = pow(10.0, 6 + b / 20.0);

			N[i] = nn;
			C[i] = 6 * nn * dd;
			L[i] = chin_L(chin, nn, dd);
		}
	ck_assert_int_eq(frontier_approach1(N, C, L, n, 24, 6e16, 6e22, &r,
	    &e), 0);
	ck_assert_uint_eq(r.ngroups, 24);
	ck_assert_uint_ge(r.n, 20);
	ck_assert_msg(fabs(r.a - want) < 0.01, "a = %g, want %g", r.a, want);
	approach_free(&r);

	/* Too few bins, bad range. */
	ck_assert_int_eq(frontier_approach1(N, C, L, n, 2, 0, 0, &r, &e), -1);
	ck_assert_int_eq(frontier_approach1(N, C, L, n, 10, 1e20, 1e19, &r, &e),
	    -1);
	/* One run: fewer than 3 envelope points. */
	ck_assert_int_eq(frontier_approach1(N, C, L, 1, 10, 0, 0, &r, &e), -1);
	free(N);
}
END_TEST

/*
 * IsoFLOP runs: 9 budgets 1e18 .. 1e22, 15 sizes at N_opt*10^(-0.6..0.6).
 * With alpha = beta the profile is symmetric in log N, so the vertex is
 * the true optimum; with alpha != beta it is off by a constant factor, so
 * the exponent is still recovered (but N_opt is biased). With 0.5% noise
 * the exponent is still close.
 */
static void
isoflop_runs(const double *p, double noise, double *N, double *C, double *L)
{
	gsl_rng *rng = gsl_rng_alloc(gsl_rng_mt19937);
	size_t i = 0;

	gsl_rng_set(rng, 7);
	for (int b = 0; b < 9; b++) {
		double c = pow(10.0, 18 + b / 2.0);
		sx_frontier_pt pt;
		sx_err e;

		ck_assert_int_eq(frontier_closed(p, 6.0, c, &pt, &e), 0);
		for (int s = 0; s < 15; s++, i++) {
			/* Budgets read off a plot are not exact: jitter C by 2%. */
			N[i] = pt.N_opt * pow(10.0, -0.6 + s * 0.6 / 7.0);
			C[i] = c * (1.0 + 0.02 * ((s % 3) - 1));
			L[i] = chin_L(p, N[i], c / (6.0 * N[i])) *
			    exp(noise * gsl_ran_gaussian(rng, 1.0));
		}
	}
	gsl_rng_free(rng);
}

START_TEST(test_approach2_recovers)
{
	double N[135], C[135], L[135];
	const double sym[5] = { 1.69, 406.4, 0.30, 410.7, 0.30 };
	sx_approach r;
	sx_err e;
	sx_frontier_pt pt;

	/* Symmetric: exact vertex, a = 0.5. */
	isoflop_runs(sym, 0.0, N, C, L);
	ck_assert_int_eq(frontier_approach2(N, C, L, 135, 0.1, 0, &r, &e), 0);
	ck_assert_uint_eq(r.ngroups, 9);
	ck_assert_uint_eq(r.n, 9);
	ck_assert(fabs(r.a - 0.5) < 2e-3);
	ck_assert_int_eq(frontier_closed(sym, 6.0, r.C[4], &pt, &e), 0);
	ck_assert_close(r.N_opt[4], pt.N_opt, 1e-3);
	approach_free(&r);

	/* alpha != beta: exponent recovered, level biased (by 1.3% here). */
	isoflop_runs(chin, 0.0, N, C, L);
	ck_assert_int_eq(frontier_approach2(N, C, L, 135, 0.1, 0, &r, &e), 0);
	ck_assert_msg(fabs(r.a - chin[4] / (chin[2] + chin[4])) < 1e-3,
	    "a = %g", r.a);
	ck_assert_int_eq(frontier_closed(chin, 6.0, r.C[4], &pt, &e), 0);
	ck_assert(r.N_opt[4] / pt.N_opt > 1.005);
	approach_free(&r);

	/* 0.5% noise (the reducible loss is small against it). */
	isoflop_runs(chin, 0.005, N, C, L);
	ck_assert_int_eq(frontier_approach2(N, C, L, 135, 0.1, 0, &r, &e), 0);
	ck_assert_msg(fabs(r.a - chin[4] / (chin[2] + chin[4])) < 0.03,
	    "a = %g", r.a);
	approach_free(&r);

	/* A gap so large that all runs are one budget: one group, fails. */
	isoflop_runs(chin, 0.0, N, C, L);
	ck_assert_int_eq(frontier_approach2(N, C, L, 135, 10.0, 0, &r, &e), -1);
	ck_assert_int_eq(frontier_approach2(N, C, L, 135, 0.0, 0, &r, &e), -1);
	/* Budgets whose sizes all lie on one side of the minimum: skipped. */
	for (int i = 0; i < 135; i++) {
		N[i] *= 1e3;
		L[i] = chin_L(chin, N[i], C[i] / (6.0 * N[i]));
	}
	ck_assert_int_eq(frontier_approach2(N, C, L, 135, 0.1, 0, &r, &e), -1);
}
END_TEST

/*
 * The window: a sweep from 0.4 decades below to 2 above each optimum is
 * far from parabolic in log N, so the whole-profile vertex is pulled
 * towards the big models; the 5 runs around the lowest loss find the
 * optimum (frontier_closed) much more closely, with no warning on these
 * exact losses. Budgets whose vertex lies outside their sizes or far below
 * their losses are named in the warnings.
 */
START_TEST(test_approach2_window)
{
	double N[75], C[75], L[75], err0, err5;
	sx_frontier_pt pt;
	sx_approach r0, r5, r;
	sx_err e;
	size_t i = 0;

	for (int b = 0; b < 3; b++) {
		double c = pow(10.0, 19 + b);

		ck_assert_int_eq(frontier_closed(chin, 6.0, c, &pt, &e), 0);
		for (int s = 0; s < 25; s++, i++) {
			N[i] = pt.N_opt * pow(10.0, -0.4 + s * 0.1);
			C[i] = c;
			L[i] = chin_L(chin, N[i], c / (6.0 * N[i]));
		}
	}
	ck_assert_int_eq(frontier_approach2(N, C, L, 75, 0.1, 0, &r0, &e), 0);
	ck_assert_int_eq(frontier_approach2(N, C, L, 75, 0.1, 5, &r5, &e), 0);
	ck_assert_uint_eq(r5.n, 3);
	ck_assert_uint_eq(r5.nwarn, 0);
	ck_assert_int_eq(frontier_closed(chin, 6.0, r5.C[1], &pt, &e), 0);
	err0 = fabs(log(r0.N_opt[1] / pt.N_opt));
	err5 = fabs(log(r5.N_opt[1] / pt.N_opt));
	ck_assert_msg(err5 < 0.02 && err0 > 5 * err5, "log errors: all %g, "
	    "window 5 %g", err0, err5);
	approach_free(&r0);
	approach_free(&r5);
	ck_assert_int_eq(frontier_approach2(N, C, L, 75, 0.1, 2, &r, &e), -1);

	/* Budget 1: only sizes above its optimum (the vertex lies left of
	 * them). Budget 2: an exact parabola run only far from its vertex,
	 * which lies 8.4 below the lowest loss. */
	for (i = 25; i < 50; i++) {
		N[i] *= 1e3;
		L[i] = chin_L(chin, N[i], C[i] / (6.0 * N[i]));
	}
	for (i = 50; i < 75; i++) {
		double u = (i % 2 == 0 ? -1 : 1) * (3.0 - 0.1 * (double)(i % 4));

		N[i] = 1e9 * exp(u);
		L[i] = u * u - 5.5;
	}
	ck_assert_int_eq(frontier_approach2(N, C, L, 75, 0.1, 0, &r, &e), 0);
	ck_assert_uint_eq(r.n, 2);
	ck_assert_uint_eq(r.nskipped, 1);
	ck_assert_uint_eq(r.nwarn, 2);
	ck_assert_msg(strstr(r.warn[0], "outside the sizes fitted") != NULL,
	    "%s", r.warn[0]);
	ck_assert_msg(strstr(r.warn[1], "below every loss run") != NULL,
	    "%s", r.warn[1]);
	ck_assert_close(r.L_opt[1], -5.5, 1e-9);
	approach_free(&r);
}
END_TEST

/* Percentile intervals of a over replicates, checked by hand: with alpha
 * fixed and beta in 101 even steps, a = beta/(alpha+beta) rises with
 * beta, so its 2.5% and 97.5% points interpolate between known order
 * statistics (h = 0.025 * 100 = 2.5 and 97.5). */
START_TEST(test_boot_ci)
{
	const sx_model *m = model_builtin("chinchilla");
	double boot[101 * 5], ci[4], lo, hi;
	sx_err e;

	for (int r = 0; r <= 100; r++) {
		double *p = boot + r * 5;

		p[0] = 1.69;
		p[1] = 406.4;
		p[2] = 0.34;
		p[3] = 410.7;
		p[4] = 0.23 + 0.001 * r;
	}
	err_clear(&e);
	ck_assert_int_eq(frontier_boot_ci(m, boot, 101, 6.0, 1e18, 1e24, 5, NAN,
	    0.95, ci, &e), 0);
	lo = 0.5 * (0.232 / 0.572 + 0.233 / 0.573);
	hi = 0.5 * (0.327 / 0.667 + 0.328 / 0.668);
	ck_assert_close(ci[0], lo, 1e-9);
	ck_assert_close(ci[1], hi, 1e-9);
	ck_assert_close(ci[2], 1 - hi, 1e-9);
	ck_assert_close(ci[3], 1 - lo, 1e-9);
	ck_assert_int_eq(frontier_boot_ci(m, boot, 1, 6.0, 1e18, 1e24, 5, NAN,
	    0.95, ci, &e), -1);
}
END_TEST

Suite *
unit_suite(void)
{
	Suite *s = suite_create("frontier");
	TCase *tc = tcase_create("core");

	tcase_set_timeout(tc, 60);
	tcase_add_test(tc, test_closed_equals_numeric);
	tcase_add_test(tc, test_closed_stationary);
	tcase_add_test(tc, test_user_law_numeric);
	tcase_add_test(tc, test_kaplan_nd_numeric);
	tcase_add_test(tc, test_exponents);
	tcase_add_test(tc, test_errors);
	tcase_add_test(tc, test_loglog_fit);
	tcase_add_test(tc, test_approach1_recovers);
	tcase_add_test(tc, test_approach2_recovers);
	tcase_add_test(tc, test_approach2_window);
	tcase_add_test(tc, test_boot_ci);
	suite_add_tcase(s, tc);
	return s;
}
