/* test_interval_chain.c: a downstream law predicted through an upstream
 * fit, against Monte Carlo through both fits' covariances. */
#include "config.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include <gsl/gsl_linalg.h>
#include <gsl/gsl_randist.h>
#include <gsl/gsl_rng.h>

#include "scaling/interval.h"
#include "tests/unit/unit.h"
#include "tests/unit/unit_fit.h"

#define NU 16
#define ND 40
#define DRAWS 200000


/* A draw of the free parameters from N(p, cov): p + L z, L the Cholesky
 * factor of cov (np x np; all parameters free here). */
static void
draw(gsl_rng *rng, const gsl_matrix *chol, const double *p, size_t np,
    double *out)
{
	double z[8];

	for (size_t i = 0; i < np; i++)
		z[i] = gsl_ran_gaussian(rng, 1.0);
	for (size_t i = 0; i < np; i++) {
		out[i] = p[i];
		for (size_t j = 0; j <= i; j++)
			out[i] += gsl_matrix_get(chol, i, j) * z[j];
	}
}

static gsl_matrix *
cholesky(const sx_fit_result *r)
{
	gsl_matrix *c = gsl_matrix_alloc(r->np, r->np);

	for (size_t i = 0; i < r->np; i++)
		for (size_t j = 0; j < r->np; j++)
			gsl_matrix_set(c, i, j, r->cov[i * r->np + j]);
	ck_assert_int_eq(gsl_linalg_cholesky_decomp1(c), 0);
	return c;
}

/* A loss law E + A x^-a (extrapolated to 3x the runs), the error law eps - k exp(-gamma L) over L:
 * the chained delta-method standard error of log err equals the spread
 * of log err over draws of both fits' parameters, to 3 % (noise small
 * enough that the laws are close to linear over the draws). */
START_TEST(test_chain_against_monte_carlo)
{
	static const char *const in[] = { "x" };
	sx_model *mu, *md;
	double xu[NU], yu[NU], xd[ND], yd[ND], pu[3], pd[3], x0 = 3000.0;
	double mean = 0.0, m2 = 0.0;
	const double *cu[1] = { xu }, *cd[1] = { xd };
	gsl_rng *rng = gsl_rng_alloc(gsl_rng_mt19937);
	gsl_matrix *lu, *ld;
	sx_fit_opts o;
	sx_fit_result ru, rd;
	sx_prediction up, p;
	sx_err e;

	gsl_rng_set(rng, 11);
	for (size_t i = 0; i < NU; i++) {
		xu[i] = exp(log(1e3) * (double)i / (NU - 1));
		yu[i] = (1.8 + 2.0 * pow(xu[i], -0.3)) *
		    exp(0.002 * gsl_ran_gaussian(rng, 1.0));
	}
	for (size_t i = 0; i < ND; i++) {
		xd[i] = 2.0 + 0.05 * (double)i;
		yd[i] = (0.8 - 3.0 * exp(-1.0 * xd[i])) *
		    exp(0.002 * gsl_ran_gaussian(rng, 1.0));
	}
	err_clear(&e);
	mu = model_from_expr("up", "E + A*x^-a", in, 1, &e);
	ck_assert_msg(mu != NULL, "%s", e.msg);
	md = model_from_expr("gerr", "eps - k*exp(-gamma*x)", in, 1, &e);
	ck_assert_msg(md != NULL, "%s", e.msg);
	memset(&o, 0, sizeof o);
	o.space = SX_SPACE_LOG;
	unit_fit_ok(mu, cu, yu, NU, &o, &ru);
	unit_fit_ok(md, cd, yd, ND, &o, &rd);
	ck_assert_int_eq(interval_predict(mu, &ru, SX_SPACE_LOG, &x0, 0.95,
	    SX_INTERVAL_CONFIDENCE, &up, &e), 0);
	ck_assert_int_eq(interval_chain(md, &rd, SX_SPACE_LOG, &up, 0.95,
	    SX_INTERVAL_CONFIDENCE, &p, &e), 0);
	lu = cholesky(&ru);
	ld = cholesky(&rd);
	for (size_t b = 0; b < DRAWS; b++) {
		double l, f;
		const double *xs[1] = { &x0 }, *ls[1] = { &l };

		draw(rng, lu, ru.p, 3, pu);
		draw(rng, ld, rd.p, 3, pd);
		ck_assert_int_eq(mu->eval(mu, xs, 1, pu, 0, &l, NULL), 0);
		ck_assert_int_eq(md->eval(md, ls, 1, pd, 1, &f, NULL), 0);
		/* Welford: the mean and spread of log err. */
		{
			double d = f - mean;

			mean += d / (double)(b + 1);
			m2 += d * (f - mean);
		}
	}
	ck_assert_msg(fabs(sqrt(m2 / (DRAWS - 1)) / p.se - 1.0) < 0.03,
	    "Monte Carlo sd %g, delta method %g", sqrt(m2 / (DRAWS - 1)), p.se);
	ck_assert_close(exp(mean), p.y, 1e-2);
	/* The interval is wider than the downstream fit's alone. */
	{
		sx_prediction alone;
		double v = up.y;

		ck_assert_int_eq(interval_predict(md, &rd, SX_SPACE_LOG, &v, 0.95,
		    SX_INTERVAL_CONFIDENCE, &alone, &e), 0);
		ck_assert(p.se > alone.se);
	}
	gsl_matrix_free(lu);
	gsl_matrix_free(ld);
	gsl_rng_free(rng);
	fit_result_free(&ru);
	fit_result_free(&rd);
	model_free(md);
	model_free(mu);
}
END_TEST

START_TEST(test_chain_needs_one_input)
{
	sx_prediction up, p;
	sx_fit_result r;
	sx_err e;

	memset(&up, 0, sizeof up);
	memset(&r, 0, sizeof r);
	err_clear(&e);
	ck_assert_int_eq(interval_chain(model_builtin("chinchilla"), &r,
	    SX_SPACE_LOG, &up, 0.95, SX_INTERVAL_CONFIDENCE, &p, &e), -1);
	ck_assert_str_eq(e.msg, "the downstream law must have one input (the "
	    "upstream fit's y), not 2");
}
END_TEST

Suite *
unit_suite(void)
{
	Suite *s = suite_create("interval_chain");
	TCase *tc = tcase_create("chain");

	tcase_set_timeout(tc, 60);
	tcase_add_test(tc, test_chain_against_monte_carlo);
	tcase_add_test(tc, test_chain_needs_one_input);
	suite_add_tcase(s, tc);
	return s;
}
