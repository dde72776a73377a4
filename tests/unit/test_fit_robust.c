/* test_fit_robust.c: Huber loss, multistart, bootstrap, hold-out, new laws. */
#include "config.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <gsl/gsl_randist.h>
#include <gsl/gsl_rng.h>

#include "scaling/fit.h"
#include "tests/unit/unit.h"

/* y = L(x; truth) * exp(noise N(0,1)) at n points log-spaced in [lo, hi]
 * (or linearly when lin), seeded. */
static void
synth1(const sx_model *m, const double *truth, double lo, double hi, int lin,
    size_t n, double noise, unsigned long seed, double *x, double *y)
{
	gsl_rng *rng = gsl_rng_alloc(gsl_rng_mt19937);
	const double *xs[1] = { x };
	size_t i;

	gsl_rng_set(rng, seed);
	for (i = 0; i < n; i++)
		x[i] = lin ? lo + (hi - lo) * (double)i / (double)(n - 1) :
		    exp(log(lo) + (log(hi) - log(lo)) * (double)i / (double)(n - 1));
	ck_assert_int_eq(m->eval(m, xs, n, truth, 0, y, NULL), 0);
	for (i = 0; i < n; i++)
		y[i] *= exp(noise * gsl_ran_gaussian(rng, 1.0));
	gsl_rng_free(rng);
}

/* Every free parameter within 4 standard errors of the truth. */
static void
check_near(const sx_model *m, const sx_fit_result *r, const double *truth,
    const unsigned char *fixed)
{
	for (size_t j = 0; j < m->np; j++) {
		if (fixed != NULL && fixed[j])
			continue;
		ck_assert_msg(isfinite(r->se[j]) && fabs(r->p[j] - truth[j]) <=
		    4.0 * r->se[j], "%s %s: fitted %.8g +- %.3g, truth %.8g",
		    m->name, m->params[j], r->p[j], r->se[j], truth[j]);
	}
}

/* bnsl with one break: recovered from seeded random starts. */
START_TEST(test_recover_bnsl1)
{
	const sx_model *m = model_builtin("bnsl1");
	const double truth[6] = { 0.5, 40.0, 0.1, 0.4, 1e8, 0.5 };
	static double x[200], y[200];
	const double *xs[1] = { x };
	sx_starts st = { SX_STARTS_RANDOM, 0, NULL, 30, 11 };
	sx_fit_opts o;
	sx_fit_result r;
	sx_err e;

	synth1(m, truth, 1e5, 1e11, 0, 200, 0.005, 7, x, y);
	memset(&o, 0, sizeof o);
	o.space = SX_SPACE_LOG;
	o.starts = &st;
	ck_assert_msg(fit_run(m, xs, y, 200, &o, &r, &e) == 0, "%s", e.msg);
	ck_assert_uint_eq(r.starts_total, 30);
	ck_assert(r.starts_converged >= 1 && r.starts_converged <= 30);
	check_near(m, &r, truth, NULL);
	fit_result_free(&r);
}
END_TEST

/* exptrend: the doubling time and y0 at the first t; t0 held there. */
START_TEST(test_recover_exptrend)
{
	const sx_model *m = model_builtin("exptrend");
	const double truth[3] = { 50.0, 14.0, 2012.0 };
	static double x[60], y[60];
	const double *xs[1] = { x };
	sx_fit_result r;
	sx_err e;

	/* t from 2012 to 2020 in months' units: T = 14 (months). */
	synth1(m, truth, 2012.0, 2110.0, 1, 60, 0.05, 3, x, y);
	ck_assert_msg(fit_run(m, xs, y, 60, NULL, &r, &e) == 0, "%s", e.msg);
	ck_assert(r.converged);
	ck_assert_double_eq(r.p[2], 2012.0);      /* the reference: first t */
	ck_assert(isnan(r.se[2]));
	check_near(m, &r, truth, (const unsigned char *)"\0\0\1");
	fit_result_free(&r);
}
END_TEST

/* Chinchilla by the Huber loss recovers its generating parameters. */
START_TEST(test_recover_chinchilla_huber)
{
	const sx_model *m = model_builtin("chinchilla");
	const double truth[5] = { 1.69, 406.4, 0.34, 410.7, 0.28 };
	static double n[225], d[225], y[225];
	const double *xs[2] = { n, d };
	gsl_rng *rng = gsl_rng_alloc(gsl_rng_mt19937);
	sx_fit_opts o;
	sx_fit_result r;
	sx_err e;
	size_t i, j, k = 0;

	gsl_rng_set(rng, 5);
	for (i = 0; i < 15; i++)
		for (j = 0; j < 15; j++, k++) {
			n[k] = exp(log(1e7) + log(1e4) * (double)i / 14.0);
			d[k] = exp(log(1e9) + log(1e4) * (double)j / 14.0);
		}
	ck_assert_int_eq(m->eval(m, xs, 225, truth, 0, y, NULL), 0);
	for (k = 0; k < 225; k++)
		y[k] *= exp(0.01 * gsl_ran_gaussian(rng, 1.0));
	gsl_rng_free(rng);
	memset(&o, 0, sizeof o);
	o.space = SX_SPACE_LOG;
	o.loss = SX_LOSS_HUBER;
	o.delta = 0.02;
	ck_assert_msg(fit_run(m, xs, y, 225, &o, &r, &e) == 0, "%s", e.msg);
	ck_assert(r.converged);
	check_near(m, &r, truth, NULL);
	fit_result_free(&r);

	/* Huber's covariance is least squares' when no residual is clipped
	 * (psi' = 1 everywhere, K = 1), and undefined when every one is. */
	{
		sx_fit_result ls;

		o.delta = 1e9;
		ck_assert_msg(fit_run(m, xs, y, 225, &o, &r, &e) == 0, "%s", e.msg);
		o.loss = SX_LOSS_LS;
		ck_assert_msg(fit_run(m, xs, y, 225, &o, &ls, &e) == 0, "%s",
		    e.msg);
		for (j = 0; j < 5; j++)
			ck_assert_msg(fabs(r.se[j] / ls.se[j] - 1) < 1e-4, "%s: %g "
			    "vs %g", m->params[j], r.se[j], ls.se[j]);
		fit_result_free(&r);
		fit_result_free(&ls);
		o.loss = SX_LOSS_HUBER;
		o.delta = 1e-15;
		ck_assert_msg(fit_run(m, xs, y, 225, &o, &r, &e) == 0, "%s", e.msg);
		for (j = 0; j < 5; j++)
			ck_assert(isnan(r.se[j]));
		ck_assert_msg(strstr(r.warn, "no residual within delta") != NULL,
		    "%s", r.warn);
		fit_result_free(&r);
	}
}
END_TEST

/* Outliers: 10 % of rows multiplied by 3 move least squares, not Huber. */
START_TEST(test_huber_outliers)
{
	const sx_model *m = model_builtin("plc");
	const double truth[3] = { 2.0, 1e4, 0.3 };
	static double x[100], y[100];
	const double *xs[1] = { x };
	sx_fit_opts o;
	sx_fit_result ls, hu;
	sx_err e;

	synth1(m, truth, 1e5, 1e10, 0, 100, 0.005, 9, x, y);
	for (size_t i = 5; i < 100; i += 10)
		y[i] *= 3.0;
	memset(&o, 0, sizeof o);
	o.space = SX_SPACE_LOG;
	ck_assert_int_eq(fit_run(m, xs, y, 100, &o, &ls, &e), 0);
	o.loss = SX_LOSS_HUBER;
	o.delta = 0.01;
	ck_assert_msg(fit_run(m, xs, y, 100, &o, &hu, &e) == 0, "%s", e.msg);
	/* The robust fit is within 1 % of the truth's asymptote and 5 % of
	 * the exponent; least squares is off by more than 10 %. */
	ck_assert_msg(fabs(hu.p[0] - 2.0) < 0.02 && fabs(hu.p[2] - 0.3) < 0.015,
	    "huber %g %g %g", hu.p[0], hu.p[1], hu.p[2]);
	ck_assert_msg(fabs(ls.p[0] - 2.0) > 0.2, "ls Linf %g", ls.p[0]);
	ck_assert(hu.loss == SX_LOSS_HUBER && hu.objective > 0.0);
	fit_result_free(&ls);
	fit_result_free(&hu);
}
END_TEST

/*
 * Chinchilla fitted to the Epoch data from one start, log space, by least
 * squares (delta 0) or huber:delta; the log residuals at the fit into res
 * (240). Returns the row count.
 */
static size_t
epoch_fit(double delta, sx_fit_result *r, double *res)
{
	const sx_model *m = model_builtin("chinchilla");
	static double n[300], d[300], l[300];
	size_t k = unit_epoch240(n, d, l, 300), i;
	const double *xs[2] = { n, d };
	sx_fit_opts o;
	sx_err e;

	ck_assert_uint_eq(k, 240);
	memset(&o, 0, sizeof o);
	o.space = SX_SPACE_LOG;
	o.loss = delta > 0.0 ? SX_LOSS_HUBER : SX_LOSS_LS;
	o.delta = delta;
	ck_assert_msg(fit_run(m, xs, l, k, &o, r, &e) == 0, "%s", e.msg);
	ck_assert_int_eq(m->eval(m, xs, k, r->p, 1, res, NULL), 0);
	for (i = 0; i < k; i++)
		res[i] = log(l[i]) - res[i];
	return k;
}

/*
 * One convention for the objective: sum rho(r), rho = r^2/2 for least
 * squares as inside Huber's delta. On the Epoch data: least squares'
 * objective is half its sum of squares, recomputed here from the
 * residuals, and at or below scipy's least_squares cost from Hoffmann's
 * 4,500 starts (0.0114618869917 / 2, doc/crosscheck/chinchilla_scipy.py
 * ls); Huber with a delta no residual exceeds is least squares, the same
 * minimum and objective.
 */
START_TEST(test_objective_convention)
{
	static double res[300];
	sx_fit_result ls, hu;
	size_t k = epoch_fit(0.0, &ls, res), i;
	double half = 0.0;

	for (i = 0; i < k; i++)
		half += 0.5 * res[i] * res[i];
	ck_assert_close(ls.objective, half, 1e-12);
	ck_assert_msg(ls.objective <= 0.5 * 0.0114618869917 * (1.0 + 1e-9) &&
	    ls.objective > 0.25 * 0.0114618869917, "%.15g", ls.objective);
	ck_assert_str_eq(fit_objective_formula(SX_LOSS_LS, 0), "½Σr²");
	epoch_fit(1.0, &hu, res);
	ck_assert_uint_eq(hu.inside, k);
	ck_assert_close(hu.objective, ls.objective, 1e-9);
	ck_assert_msg(strstr(hu.warn, "within delta") == NULL, "%s", hu.warn);
	fit_result_free(&ls);
	fit_result_free(&hu);
}
END_TEST

/*
 * Huber's standard errors rest on the residuals within delta: with fewer
 * than half inside the fit says so. Hoffmann's delta 1e-3 on the Epoch
 * data leaves 39 of 240 inside (numpy counts the same at its optimum,
 * doc/crosscheck/chinchilla_scipy.py huber); delta 0.01 leaves more than
 * half and no such warning.
 */
START_TEST(test_huber_inside_warning)
{
	static double res[300];
	sx_fit_result r;
	size_t k = epoch_fit(1e-3, &r, res), i, in = 0;

	ck_assert_uint_eq(r.inside, 39);
	ck_assert_msg(strstr(r.warn, "only 39 of 240 residuals within delta: "
	    "the standard errors are unreliable (use --bootstrap)") != NULL,
	    "%s", r.warn);
	fit_result_free(&r);
	epoch_fit(0.01, &r, res);
	for (i = 0; i < k; i++)
		in += fabs(res[i]) <= 0.01;
	ck_assert_uint_eq(r.inside, in);
	ck_assert(2 * in >= k);
	ck_assert_msg(strstr(r.warn, "within delta") == NULL, "%s", r.warn);
	fit_result_free(&r);
}
END_TEST

/*
 * Bootstrap coverage: 120 seeded data sets of pl (A = 5, alpha = 0.3,
 * 3 % noise, 40 rows), 200 replicates each, 90 % percentile intervals for
 * alpha. Coverage is binomial(120, ~0.9): accepted in [0.80, 0.97]
 * (about 3 sd); deterministic with the seeds.
 */
START_TEST(test_bootstrap_coverage)
{
	const sx_model *m = model_builtin("pl");
	const double truth[2] = { 5.0, 0.3 };
	static double x[40], y[40];
	const double *xs[1] = { x };
	sx_fit_opts o;
	int cover = 0, reps = 120;

	memset(&o, 0, sizeof o);
	o.space = SX_SPACE_LOG;
	for (int k = 0; k < reps; k++) {
		sx_fit_result r;
		sx_err e;

		synth1(m, truth, 10.0, 1e6, 0, 40, 0.03, 1000 + (unsigned long)k, x,
		    y);
		ck_assert_int_eq(fit_run(m, xs, y, 40, &o, &r, &e), 0);
		ck_assert_msg(fit_bootstrap(m, xs, y, 40, &o, 200, 77 +
		    (unsigned long)k, 0.9, &r, NULL, NULL, &e) == 0, "%s", e.msg);
		ck_assert_uint_eq(r.nboot, 200);
		ck_assert(r.ci_lo[1] <= r.p[1] + 1e-12 && r.p[1] <= r.ci_hi[1] +
		    1e-12);
		cover += r.ci_lo[1] <= truth[1] && truth[1] <= r.ci_hi[1];
		fit_result_free(&r);
	}
	ck_assert_msg(cover >= 96 && cover <= 116, "coverage %d / %d", cover,
	    reps);
}
END_TEST

/* Cancel from the progress hook: -1, "cancelled", result untouched. */
static int
cancel_at_3(void *ctx, size_t done, size_t total)
{
	(void)ctx;
	(void)total;
	return done >= 3;
}

START_TEST(test_bootstrap_errors)
{
	const sx_model *m = model_builtin("pl");
	double x[5] = { 1, 10, 100, 1000, 1e4 }, y[5] = { 5, 4, 3.3, 2.7, 2.2 };
	const double *xs[1] = { x };
	sx_fit_opts o;
	sx_fit_result r, b1, b2;
	sx_err e;

	memset(&o, 0, sizeof o);
	o.space = SX_SPACE_LOG;
	ck_assert_int_eq(fit_run(m, xs, y, 5, &o, &r, &e), 0);
	ck_assert_int_eq(fit_bootstrap(m, xs, y, 5, &o, 0, 1, 0.95, &r, NULL,
	    NULL, &e), -1);
	ck_assert_ptr_nonnull(strstr(e.msg, "at least 1"));
	ck_assert_int_eq(fit_bootstrap(m, xs, y, 5, &o, 10, 1, 1.5, &r, NULL,
	    NULL, &e), -1);
	ck_assert_int_eq(fit_bootstrap(m, xs, y, 5, &o, 10, 1, 0.95, &r,
	    cancel_at_3, NULL, &e), -1);
	ck_assert_str_eq(e.msg, "cancelled");
	ck_assert_ptr_null(r.boot);
	/* The same seed gives the same replicates. */
	fit_result_copy(&b1, &r);
	fit_result_copy(&b2, &r);
	ck_assert_int_eq(fit_bootstrap(m, xs, y, 5, &o, 50, 9, 0.95, &b1, NULL,
	    NULL, &e), 0);
	ck_assert_int_eq(fit_bootstrap(m, xs, y, 5, &o, 50, 9, 0.95, &b2, NULL,
	    NULL, &e), 0);
	ck_assert(memcmp(b1.boot, b2.boot, 100 * sizeof(double)) == 0);
	fit_result_free(&b1);
	fit_result_free(&b2);
	fit_result_free(&r);
}
END_TEST

/*
 * Hold-out by hand: y = 2 x^-0.5 exactly on x = 1, 4, 16, 64, 256; the held
 * rows x = 100 (truth 0.2, y = 0.25) and x = 10000 (truth 0.02, y = 0.02).
 * The fit on the exact rows is exact, so the log errors are log 1.25 and
 * 0: RMSE = log(1.25)/sqrt(2), max |error| = 0.05.
 */
START_TEST(test_holdout_by_hand)
{
	const sx_model *m = model_builtin("pl");
	double x[7] = { 1, 4, 100, 16, 64, 10000, 256 };
	double y[7] = { 2, 1, 0.25, 0.5, 0.25, 0.02, 0.125 };
	unsigned char held[7] = { 0, 0, 1, 0, 0, 1, 0 };
	unsigned char none[7] = { 0 }, most[7] = { 1, 1, 1, 1, 1, 1, 0 };
	const double *xs[1] = { x };
	sx_fit_result r;
	sx_err e;

	ck_assert_msg(fit_holdout(m, xs, y, 7, held, "x == 100 or x > 1000",
	    NULL, &r, &e) == 0, "%s", e.msg);
	ck_assert_uint_eq(r.n, 5);
	ck_assert_uint_eq(r.ho_n, 2);
	ck_assert_close(r.p[0], 2.0, 1e-8);
	ck_assert_close(r.p[1], 0.5, 1e-8);
	ck_assert_close(r.ho_rmse_log, log(1.25) / sqrt(2.0), 1e-7);
	ck_assert_close(r.ho_maxabs, 0.05, 1e-7);
	ck_assert_str_eq(r.holdout, "x == 100 or x > 1000");
	fit_result_free(&r);
	ck_assert_int_eq(fit_holdout(m, xs, y, 7, none, "x < 0", NULL, &r, &e),
	    -1);
	ck_assert_ptr_nonnull(strstr(e.msg, "no row"));
	ck_assert_int_eq(fit_holdout(m, xs, y, 7, most, "x > 1", NULL, &r, &e),
	    -1);
	ck_assert_ptr_nonnull(strstr(e.msg, "leaves 1 row"));
}
END_TEST

/* Grid specs: good ones parse; bad ones say why. */
START_TEST(test_grid_parse)
{
	const sx_model *m = model_builtin("chinchilla");
	static const char *bad[] = { "alpha", "alpha=0:1", "alpha=0:1:0",
	    "alpha=1:0:0.5", "gamma=0:1:1", "logalpha=0:1:1", "alpha=a:1:1",
	    "alpha=0:1:1,alpha=0:1:1", "alpha=0:1e9:1e-3", "" };
	sx_grid_axis *ax = NULL, d[8];
	size_t na = 0;
	sx_err e;

	ck_assert_int_eq(fit_grid_parse(m, NULL, NULL, "alpha=0:2:0.5,logA=0:25:5", &ax, &na,
	    &e), 0);
	ck_assert_uint_eq(na, 2);
	ck_assert_uint_eq(ax[1].param, 1);
	ck_assert(ax[1].logscale && ax[1].hi == 25.0);
	free(ax);
	for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
		ax = NULL;
		ck_assert_msg(fit_grid_parse(m, NULL, NULL, bad[i], &ax, &na, &e) == -1,
		    "'%s' parsed", bad[i]);
		ck_assert(strlen(e.msg) > 5);
		ck_assert_ptr_null(ax);
	}
	/* A fixed parameter has no axis. */
	{
		const unsigned char fx[5] = { 0, 0, 0, 0, 1 };

		ax = NULL;
		ck_assert_int_eq(fit_grid_parse(m, fx, NULL, "alpha=0:2:0.5,beta=0:1:0.5",
		    &ax, &na, &e), -1);
		ck_assert_ptr_nonnull(strstr(e.msg, "beta is fixed"));
		ck_assert_ptr_null(ax);
	}
	/* Hoffmann's default grid has 5 x 5 x 5 x 6 x 6 = 4,500 points. */
	ck_assert_uint_eq(fit_grid_default(m, d, 8), 5);
	{
		double pts = 1.0;

		for (size_t i = 0; i < 5; i++)
			pts *= floor((d[i].hi - d[i].lo) / d[i].step + 1e-9) + 1.0;
		ck_assert_double_eq(pts, 4500.0);
	}
}
END_TEST

/* Bad options fail cleanly. */
START_TEST(test_option_errors)
{
	const sx_model *m = model_builtin("pl");
	double x[5] = { 1, 10, 100, 1000, 1e4 }, y[5] = { 5, 4, 3.3, 2.7, 2.2 };
	const double *xs[1] = { x };
	sx_starts st = { SX_STARTS_RANDOM, 0, NULL, 0, 1 };
	sx_fit_opts o;
	sx_fit_result r;
	sx_err e;

	memset(&o, 0, sizeof o);
	o.space = SX_SPACE_LOG;
	o.loss = SX_LOSS_HUBER;
	o.delta = 0.0;
	ck_assert_int_eq(fit_run(m, xs, y, 5, &o, &r, &e), -1);
	ck_assert_ptr_nonnull(strstr(e.msg, "delta"));
	o.delta = -1.0;
	ck_assert_int_eq(fit_run(m, xs, y, 5, &o, &r, &e), -1);
	o.delta = 0.1;
	o.space = SX_SPACE_LINEAR;
	ck_assert_int_eq(fit_run(m, xs, y, 5, &o, &r, &e), -1);
	o.space = SX_SPACE_LOG;
	o.starts = &st;
	ck_assert_int_eq(fit_run(m, xs, y, 5, &o, &r, &e), -1);
}
END_TEST

/*
 * Hoffmann's approach 3 on the Epoch data: the grid's best is at or below
 * what the objective is at Besiroglu et al. 2024's published fit, and
 * the parameters are theirs within the rounding of refits (E 1.817,
 * A 482.01, alpha 0.3478, B 2085.43, beta 0.3658); the objective is not
 * above single-start fits from 40 spread grid points. The standard errors
 * are Huber's (1981) at that point as numpy computes them from its own
 * Jacobian (doc/crosscheck/chinchilla_scipy.py; 39 residuals within delta).
 */
START_TEST(test_epoch_grid)
{
	const sx_model *m = model_builtin("chinchilla");
	const double pub[5] = { 1.817, 482.01, 0.3478, 2085.43, 0.3658 };
	const double se[5] = { 0.014749405828, 78.561769016, 0.0095573130710,
	    371.24548506, 0.0085781533387 };
	static double n[300], d[300], l[300];
	size_t k = unit_epoch240(n, d, l, 300), i;
	const double *xs[2] = { n, d };
	sx_starts st = { SX_STARTS_GRID, 0, NULL, 0, 0 };
	sx_fit_opts o;
	sx_fit_result r, s1;
	sx_err e;
	double fpub = 0.0, f[300];

	ck_assert_uint_eq(k, 240);
	memset(&o, 0, sizeof o);
	o.space = SX_SPACE_LOG;
	o.loss = SX_LOSS_HUBER;
	o.delta = 1e-3;
	o.starts = &st;
	ck_assert_msg(fit_run(m, xs, l, k, &o, &r, &e) == 0, "%s", e.msg);
	ck_assert_uint_eq(r.starts_total, 4500);
	ck_assert(r.starts_converged > 0 && r.starts_converged <= 4500);
	ck_assert_int_eq(m->eval(m, xs, k, pub, 1, f, NULL), 0);
	for (i = 0; i < k; i++) {
		double rr = fabs(log(l[i]) - f[i]);

		fpub += rr <= 1e-3 ? 0.5 * rr * rr : 1e-3 * (rr - 0.5e-3);
	}
	ck_assert_msg(r.objective <= fpub, "%.10g > %.10g", r.objective, fpub);
	ck_assert_msg(fabs(r.p[0] - pub[0]) < 0.01 && fabs(r.p[2] - pub[2]) <
	    0.003 && fabs(r.p[4] - pub[4]) < 0.003 && fabs(log(r.p[1] /
	    pub[1])) < 0.05 && fabs(log(r.p[3] / pub[3])) < 0.1,
	    "E %g A %g alpha %g B %g beta %g", r.p[0], r.p[1], r.p[2], r.p[3],
	    r.p[4]);
	for (i = 0; i < 5; i++)
		ck_assert_msg(fabs(r.se[i] / se[i] - 1) < 1e-6, "se %zu: %.10g, "
		    "numpy %.10g", i, r.se[i], se[i]);
	st.kind = SX_STARTS_ONE;
	for (i = 0; i < 40; i++) {
		double init[5];

		init[0] = exp(-1.0 + 0.5 * (double)(i % 5));
		init[1] = exp(5.0 * (double)(i % 6));
		init[2] = 0.5 * (double)((i / 2) % 5);
		init[3] = exp(5.0 * (double)((i / 3) % 6));
		init[4] = 0.5 * (double)((i / 5) % 5);
		o.init = init;
		if (fit_run(m, xs, l, k, &o, &s1, &e) != 0)
			continue;
		ck_assert_msg(r.objective <= s1.objective * (1.0 + 1e-9),
		    "start %zu reached %.12g < %.12g", i, s1.objective, r.objective);
		fit_result_free(&s1);
	}
	fit_result_free(&r);
}
END_TEST

Suite *
unit_suite(void)
{
	Suite *s = suite_create("fit_robust");
	TCase *tc = tcase_create("core");

	tcase_set_timeout(tc, 120);
	tcase_add_test(tc, test_recover_bnsl1);
	tcase_add_test(tc, test_recover_exptrend);
	tcase_add_test(tc, test_recover_chinchilla_huber);
	tcase_add_test(tc, test_huber_outliers);
	tcase_add_test(tc, test_objective_convention);
	tcase_add_test(tc, test_huber_inside_warning);
	tcase_add_test(tc, test_bootstrap_coverage);
	tcase_add_test(tc, test_bootstrap_errors);
	tcase_add_test(tc, test_holdout_by_hand);
	tcase_add_test(tc, test_grid_parse);
	tcase_add_test(tc, test_option_errors);
	tcase_add_test(tc, test_epoch_grid);
	suite_add_tcase(s, tc);
	return s;
}
