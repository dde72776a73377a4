/* test_interval.c: prediction intervals against the closed form of OLS,
 * their coverage on simulated sweeps, the bootstrap mixture, and the
 * prediction at the compute-optimal allocation. */
#include "config.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include <gsl/gsl_cdf.h>
#include <gsl/gsl_randist.h>
#include <gsl/gsl_rng.h>

#include "scaling/fit.h"
#include "scaling/frontier.h"
#include "scaling/interval.h"
#include "scaling/quantile.h"
#include "tests/unit/unit.h"

/* The textbook OLS intervals of y = a + b*t at t0 over (t, y), n points:
 * s^2 = RSS/(n-2), var(mean) = s^2 (1/n + (t0 - tbar)^2 / Stt), half
 * widths q*sqrt(var) and q*sqrt(var + s^2) with q = t_{n-2}(0.975). */
static void
ols_closed(const double *t, const double *y, size_t n, double t0, double q,
    double *yhat, double *ci, double *pi)
{
	double tb = 0.0, yb = 0.0, stt = 0.0, sty = 0.0, rss = 0.0, a, b, s2, v;

	for (size_t i = 0; i < n; i++) {
		tb += t[i] / (double)n;
		yb += y[i] / (double)n;
	}
	for (size_t i = 0; i < n; i++) {
		stt += (t[i] - tb) * (t[i] - tb);
		sty += (t[i] - tb) * (y[i] - yb);
	}
	b = sty / stt;
	a = yb - b * tb;
	for (size_t i = 0; i < n; i++)
		rss += (y[i] - a - b * t[i]) * (y[i] - a - b * t[i]);
	s2 = rss / (double)(n - 2);
	v = s2 * (1.0 / (double)n + (t0 - tb) * (t0 - tb) / stt);
	*yhat = a + b * t0;
	*ci = q * sqrt(v);
	*pi = q * sqrt(v + s2);
}

/* Fit the user law `formula` of x to (x, y) in space. */
static sx_model *
fit_user(const char *formula, const double *x, const double *y, size_t n,
    enum sx_space space, sx_fit_result *r)
{
	const char *in[] = { "x" };
	const double *col[] = { x };
	sx_fit_opts o;
	sx_err e;
	sx_model *m = model_from_expr("lin", formula, in, 1, &e);

	ck_assert_msg(m != NULL, "%s", e.msg);
	memset(&o, 0, sizeof o);
	o.space = space;
	ck_assert_msg(fit_run(m, col, y, n, &o, r, &e) == 0, "%s", e.msg);
	ck_assert(r->converged);
	return m;
}

/* L = a + b*x by least squares in linear space is OLS: scalex's
 * delta-method intervals are the closed-form ones, with Student's t at
 * n - 2 degrees of freedom (t_8(0.975) = 2.306004135 from the tables). */
START_TEST(test_ols_linear)
{
	double x[10], y[10], yhat, ci, pi, x0 = 17.0;
	gsl_rng *rng = gsl_rng_alloc(gsl_rng_mt19937);
	sx_fit_result r;
	sx_prediction c, p;
	sx_model *m;
	sx_err e;

	gsl_rng_set(rng, 15);
	for (size_t i = 0; i < 10; i++) {
		x[i] = 1.0 + (double)i;
		y[i] = 2.0 + 0.5 * x[i] + gsl_ran_gaussian(rng, 0.3);
	}
	m = fit_user("a + b*x", x, y, 10, SX_SPACE_LINEAR, &r);
	ck_assert_int_eq(interval_predict(m, &r, SX_SPACE_LINEAR, &x0, 0.95,
	    SX_INTERVAL_CONFIDENCE, &c, &e), 0);
	ck_assert_int_eq(interval_predict(m, &r, SX_SPACE_LINEAR, &x0, 0.95,
	    SX_INTERVAL_PREDICTION, &p, &e), 0);
	ck_assert_close(c.q, 2.306004135, 1e-9);
	ck_assert_close(c.dof, 8.0, 0.0);
	ols_closed(x, y, 10, x0, 2.306004135033371, &yhat, &ci, &pi);
	ck_assert_close(c.y, yhat, 1e-9);
	ck_assert_close(c.lo, yhat - ci, 1e-9);
	ck_assert_close(c.hi, yhat + ci, 1e-9);
	ck_assert_close(p.lo, yhat - pi, 1e-9);
	ck_assert_close(p.hi, yhat + pi, 1e-9);
	ck_assert_int_eq(c.nboot, 0);
	/* A level outside (0, 1) is refused. */
	ck_assert_int_eq(interval_predict(m, &r, SX_SPACE_LINEAR, &x0, 1.5,
	    SX_INTERVAL_CONFIDENCE, &c, &e), -1);
	fit_result_free(&r);
	model_free(m);
	gsl_rng_free(rng);
}
END_TEST

/* L = exp(a + b*log(x)) in log space is OLS of log y on log x: the
 * interval is made there and mapped back by exp (so it is not symmetric
 * about L). */
START_TEST(test_ols_log)
{
	double x[12], y[12], lx[12], ly[12], yhat, ci, pi, x0 = 5e3;
	double q = gsl_cdf_tdist_Pinv(0.95, 10);
	gsl_rng *rng = gsl_rng_alloc(gsl_rng_mt19937);
	sx_fit_result r;
	sx_prediction c, p;
	sx_model *m;
	sx_err e;

	gsl_rng_set(rng, 16);
	for (size_t i = 0; i < 12; i++) {
		x[i] = pow(10.0, 0.25 * (double)i);
		y[i] = 3.0 * pow(x[i], -0.2) * exp(gsl_ran_gaussian(rng, 0.05));
		lx[i] = log(x[i]);
		ly[i] = log(y[i]);
	}
	m = fit_user("exp(a + b*log(x))", x, y, 12, SX_SPACE_LOG, &r);
	ck_assert_int_eq(interval_predict(m, &r, SX_SPACE_LOG, &x0, 0.90,
	    SX_INTERVAL_CONFIDENCE, &c, &e), 0);
	ck_assert_int_eq(interval_predict(m, &r, SX_SPACE_LOG, &x0, 0.90,
	    SX_INTERVAL_PREDICTION, &p, &e), 0);
	ols_closed(lx, ly, 12, log(x0), q, &yhat, &ci, &pi);
	ck_assert_close(c.y, exp(yhat), 1e-9);
	ck_assert_close(c.lo, exp(yhat - ci), 1e-9);
	ck_assert_close(c.hi, exp(yhat + ci), 1e-9);
	ck_assert_close(p.lo, exp(yhat - pi), 1e-9);
	ck_assert_close(p.hi, exp(yhat + pi), 1e-9);
	fit_result_free(&r);
	model_free(m);
	gsl_rng_free(rng);
}
END_TEST

/*
 * Coverage: SWEEPS sweeps of plc (L = Linf + (x0/x)^alpha, nonlinear)
 * with 3% log-normal noise at 12 sizes, each fitted in log space; the 95%
 * confidence interval at a size inside the range must cover the true L,
 * and the prediction interval a new noisy run there, 93% to 97% of the
 * time (binomial sd 0.7% at 1000 sweeps: +-2.9 sd).
 */
#define SWEEPS 1000
START_TEST(test_coverage)
{
	const sx_model *m = model_builtin("plc");
	const double truth[] = { 1.8, 3e3, 0.3 };
	double x[12], y[12], x0 = 2e6, L0;
	const double *col[] = { x }, *c0[] = { &x0 };
	gsl_rng *rng = gsl_rng_alloc(gsl_rng_mt19937);
	size_t cover_c = 0, cover_p = 0, fitted = 0;

	gsl_rng_set(rng, 2026);
	for (size_t i = 0; i < 12; i++)
		x[i] = pow(10.0, 4.0 + 0.35 * (double)i);
	ck_assert_int_eq(m->eval(m, c0, 1, truth, 0, &L0, NULL), 0);
	for (int s = 0; s < SWEEPS; s++) {
		sx_fit_opts o;
		sx_fit_result r;
		sx_prediction c, p;
		sx_err e;
		double ynew;

		ck_assert_int_eq(m->eval(m, col, 12, truth, 0, y, NULL), 0);
		for (size_t i = 0; i < 12; i++)
			y[i] *= exp(gsl_ran_gaussian(rng, 0.03));
		ynew = L0 * exp(gsl_ran_gaussian(rng, 0.03));
		memset(&o, 0, sizeof o);
		o.space = SX_SPACE_LOG;
		ck_assert_msg(fit_run(m, col, y, 12, &o, &r, &e) == 0, "%s", e.msg);
		ck_assert_int_eq(interval_predict(m, &r, SX_SPACE_LOG, &x0, 0.95,
		    SX_INTERVAL_CONFIDENCE, &c, &e), 0);
		ck_assert_int_eq(interval_predict(m, &r, SX_SPACE_LOG, &x0, 0.95,
		    SX_INTERVAL_PREDICTION, &p, &e), 0);
		fitted++;
		cover_c += c.lo <= L0 && L0 <= c.hi;
		cover_p += p.lo <= ynew && ynew <= p.hi;
		fit_result_free(&r);
	}
	gsl_rng_free(rng);
	ck_assert_msg(cover_c >= 930 * fitted / 1000 && cover_c <= 970 * fitted /
	    1000, "confidence coverage %zu of %zu", cover_c, fitted);
	ck_assert_msg(cover_p >= 930 * fitted / 1000 && cover_p <= 970 * fitted /
	    1000, "prediction coverage %zu of %zu", cover_p, fitted);
}
END_TEST

/* A fit of law m at p with covariance cov and nboot replicates boot, n
 * rows and chisq, made by hand. */
static sx_fit_result
fake_fit(const sx_model *m, double *p, double *cov, size_t n, double chisq,
    double *boot, size_t nboot)
{
	sx_fit_result r;

	memset(&r, 0, sizeof r);
	r.np = m->np;
	r.n = n;
	r.p = p;
	r.cov = cov;
	r.chisq = chisq;
	r.boot = boot;
	r.nboot = nboot;
	return r;
}

/* Bootstrap: the confidence interval is the replicates' percentile
 * interval; the prediction interval solves the mixture's equation
 * (1/B) sum T((z - g_b)/s) = (1 -+ level)/2, and with every replicate at
 * the estimate it is y exp(+-q s), the delta method's with se = 0. */
START_TEST(test_bootstrap)
{
	const sx_model *m = model_builtin("plc");
	double p[] = { 1.8, 3e3, 0.3 }, cov[9] = { 1e-4, 0, 0, 0, 1, 0, 0, 0, 1e-6 }, boot[3 * 40], g[40];
	double x0 = 1e6, lo, hi, F[2] = { 0, 0 };
	const double *c0[] = { &x0 };
	gsl_rng *rng = gsl_rng_alloc(gsl_rng_mt19937);
	sx_fit_result r;
	sx_prediction c, pr;
	sx_err e;

	gsl_rng_set(rng, 3);
	for (size_t b = 0; b < 40; b++) {
		boot[3 * b] = p[0] + gsl_ran_gaussian(rng, 0.05);
		boot[3 * b + 1] = p[1] * exp(gsl_ran_gaussian(rng, 0.1));
		boot[3 * b + 2] = p[2] + gsl_ran_gaussian(rng, 0.01);
		ck_assert_int_eq(m->eval(m, c0, 1, boot + 3 * b, 1, &g[b], NULL), 0);
	}
	r = fake_fit(m, p, cov, 20, 17 * 0.02 * 0.02, boot, 40);
	ck_assert_int_eq(interval_predict(m, &r, SX_SPACE_LOG, &x0, 0.9,
	    SX_INTERVAL_CONFIDENCE, &c, &e), 0);
	ck_assert_int_eq(c.nboot, 40);
	quantile_interval(g, 40, 0.9, &lo, &hi);
	ck_assert_close(c.boot_lo, exp(lo), 1e-12);
	ck_assert_close(c.boot_hi, exp(hi), 1e-12);
	ck_assert_int_eq(interval_predict(m, &r, SX_SPACE_LOG, &x0, 0.9,
	    SX_INTERVAL_PREDICTION, &pr, &e), 0);
	ck_assert_close(pr.scale, 0.02, 1e-12);
	for (size_t b = 0; b < 40; b++) {
		F[0] += gsl_cdf_tdist_P((log(pr.boot_lo) - g[b]) / 0.02, 17) / 40;
		F[1] += gsl_cdf_tdist_P((log(pr.boot_hi) - g[b]) / 0.02, 17) / 40;
	}
	ck_assert_close(F[0], 0.05, 1e-9);
	ck_assert_close(F[1], 0.95, 1e-9);
	for (size_t b = 0; b < 40; b++)
		memcpy(boot + 3 * b, p, sizeof p);
	ck_assert_int_eq(interval_predict(m, &r, SX_SPACE_LOG, &x0, 0.9,
	    SX_INTERVAL_PREDICTION, &pr, &e), 0);
	ck_assert_close(pr.boot_lo, pr.y * exp(-pr.q * 0.02), 1e-9);
	ck_assert_close(pr.boot_hi, pr.y * exp(pr.q * 0.02), 1e-9);
	/* A covariance the fit could not tell (NaN): no delta interval, the
	 * bootstrap's still; and no interval at all without a residual
	 * degree of freedom. */
	for (size_t j = 0; j < 9; j++)
		cov[j] = NAN;
	ck_assert_int_eq(interval_predict(m, &r, SX_SPACE_LOG, &x0, 0.9,
	    SX_INTERVAL_CONFIDENCE, &c, &e), 0);
	ck_assert(isnan(c.se) && isnan(c.lo) && isnan(c.hi));
	ck_assert(isfinite(c.boot_lo) && c.boot_lo == c.boot_hi);
	r.n = 3;
	ck_assert_int_eq(interval_predict(m, &r, SX_SPACE_LOG, &x0, 0.9,
	    SX_INTERVAL_CONFIDENCE, &c, &e), -1);
	ck_assert_str_eq(e.msg, "no interval: 3 rows for 3 free parameters "
	    "leave no residual degree of freedom");
	gsl_rng_free(rng);
}
END_TEST

/* At a budget: the allocation is the closed form's, L is L_opt, and the
 * delta method's se equals that of L_opt(C; p) with its gradient taken by
 * central differences through frontier_point (the envelope theorem);
 * replicates give the percentile intervals of their own N_opt. */
START_TEST(test_optimum)
{
	const sx_model *m = model_builtin("chinchilla");
	double p[] = { 1.69, 406.4, 0.34, 410.7, 0.28 }, cov[25] = { 0 };
	double sd[] = { 0.05, 40.0, 0.01, 50.0, 0.01 }, x[2], grad[5], var = 0.0;
	double boot[5 * 30], nopt[30], C = 1e22, lo, hi;
	gsl_rng *rng = gsl_rng_alloc(gsl_rng_mt19937);
	sx_frontier_pt pt;
	sx_fit_result r;
	sx_prediction o;
	sx_err e;

	/* A covariance with correlations: sd_i sd_j 0.5^|i-j|. */
	for (size_t i = 0; i < 5; i++)
		for (size_t j = 0; j < 5; j++)
			cov[i * 5 + j] = sd[i] * sd[j] * pow(0.5, fabs((double)i -
			    (double)j));
	gsl_rng_set(rng, 4);
	for (size_t b = 0; b < 30; b++) {
		for (size_t j = 0; j < 5; j++)
			boot[5 * b + j] = p[j] + gsl_ran_gaussian(rng, sd[j] / 4);
		ck_assert_int_eq(frontier_closed(boot + 5 * b, 6, C, &pt, &e), 0);
		nopt[b] = pt.N_opt;
	}
	r = fake_fit(m, p, cov, 50, 45 * 1e-4, boot, 30);
	ck_assert_int_eq(interval_optimum(m, &r, SX_SPACE_LOG, 6, C, 0.95,
	    SX_INTERVAL_CONFIDENCE, x, &o, &e), 0);
	ck_assert_int_eq(frontier_closed(p, 6, C, &pt, &e), 0);
	ck_assert_close(o.N_opt, pt.N_opt, 1e-12);
	ck_assert_close(x[0], pt.N_opt, 1e-12);
	ck_assert_close(o.D_opt, C / (6 * pt.N_opt), 1e-12);
	ck_assert_close(o.y, pt.L_opt, 1e-12);
	for (size_t j = 0; j < 5; j++) {
		double q[5], h = 1e-5 * fabs(p[j]), up, dn;

		memcpy(q, p, sizeof q);
		q[j] = p[j] + h;
		ck_assert_int_eq(frontier_closed(q, 6, C, &pt, &e), 0);
		up = log(pt.L_opt);
		q[j] = p[j] - h;
		ck_assert_int_eq(frontier_closed(q, 6, C, &pt, &e), 0);
		dn = log(pt.L_opt);
		grad[j] = (up - dn) / (2 * h);
	}
	for (size_t i = 0; i < 5; i++)
		for (size_t j = 0; j < 5; j++)
			var += grad[i] * cov[i * 5 + j] * grad[j];
	ck_assert_close(o.se, sqrt(var), 1e-6);
	ck_assert_int_eq(o.nboot, 30);
	quantile_interval(nopt, 30, 0.95, &lo, &hi);
	ck_assert_close(o.N_lo, lo, 1e-9);
	ck_assert_close(o.N_hi, hi, 1e-9);
	/* A law of one input has no allocation. */
	ck_assert_int_eq(interval_optimum(model_builtin("plc"), &r,
	    SX_SPACE_LOG, 6, C, 0.95, SX_INTERVAL_CONFIDENCE, x, &o, &e), -1);
	gsl_rng_free(rng);
}
END_TEST

Suite *
unit_suite(void)
{
	Suite *s = suite_create("interval");
	TCase *tc = tcase_create("core");

	tcase_set_timeout(tc, 60);
	tcase_add_test(tc, test_ols_linear);
	tcase_add_test(tc, test_ols_log);
	tcase_add_test(tc, test_coverage);
	tcase_add_test(tc, test_bootstrap);
	tcase_add_test(tc, test_optimum);
	suite_add_tcase(s, tc);
	return s;
}
