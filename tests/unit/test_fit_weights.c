/* test_fit_weights.c: weighted fits against independent truth: the closed
 * form of weighted linear least squares, and integer weights against the
 * same rows repeated (the objective is then the same sum term by term). */
#include "config.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include <gsl/gsl_randist.h>
#include <gsl/gsl_rng.h>

#include "scaling/fit.h"
#include "tests/unit/unit.h"
#include "tests/unit/unit_fit.h"

#define NR 24

/* Rows of plc, L = E + (x0/x)^alpha, with 2 % log-normal noise, and
 * integer weights 1, 2, 3 in turn. */
struct rows {
	double x[NR], y[NR], w[NR];
	const double *col[1];
};

static void
rows_make(struct rows *s, unsigned long seed)
{
	unit_plc_rows(s->x, s->y, s->w, NR, 0.02, seed);
	s->col[0] = s->x;
}

/* The same rows, row i repeated w[i] times, unweighted. */
static size_t
rows_repeat(const struct rows *s, double *x, double *y)
{
	size_t n = 0;

	for (size_t i = 0; i < NR; i++)
		for (int k = 0; k < (int)s->w[i]; k++) {
			x[n] = s->x[i];
			y[n++] = s->y[i];
		}
	return n;
}


/* Weighted least squares of plc, and of Huber, equal the unweighted fits
 * of the rows repeated: same parameters and objective. */
static void
check_repeat(enum sx_loss loss)
{
	const sx_model *m = model_builtin("plc");
	static struct rows s;
	double xr[3 * NR], yr[3 * NR];
	const double *colr[1] = { xr };
	sx_fit_opts o;
	sx_fit_result rw, ru;
	size_t nr;

	rows_make(&s, 7);
	nr = rows_repeat(&s, xr, yr);
	memset(&o, 0, sizeof o);
	o.space = SX_SPACE_LOG;
	o.loss = loss;
	o.delta = 0.02;
	unit_fit_ok(m, colr, yr, nr, &o, &ru);
	o.weights = s.w;
	unit_fit_ok(m, s.col, s.y, NR, &o, &rw);
	for (size_t j = 0; j < m->np; j++)
		ck_assert_close(rw.p[j], ru.p[j], loss == SX_LOSS_LS ? 1e-7 : 1e-5);
	ck_assert_close(rw.objective, ru.objective, 1e-9);
	/* The weighted RMS is the repeated rows' RMS. */
	ck_assert_close(rw.rmse, ru.rmse, 1e-6);
	ck_assert_close(rw.r2, ru.r2, 1e-6);
	fit_result_free(&rw);
	fit_result_free(&ru);
}

START_TEST(test_ls_equals_repeated_rows)
{
	check_repeat(SX_LOSS_LS);
}
END_TEST

START_TEST(test_huber_equals_repeated_rows)
{
	check_repeat(SX_LOSS_HUBER);
}
END_TEST

/* y = a + b x in linear space with weights: the normal equations
 * (X^T W X) beta = X^T W y, and cov = s2 (X^T W X)^-1 with
 * s2 = sum w r^2 / (n - 2), solved here by hand. */
START_TEST(test_linear_closed_form)
{
	static const char *const in[] = { "x" };
	sx_model *m;
	static struct rows s;
	double sw = 0, swx = 0, swxx = 0, swy = 0, swxy = 0, det, a, b, s2 = 0;
	double v00, v11;
	sx_fit_opts o;
	sx_fit_result r;
	sx_err e;
	int ia, ib;

	err_clear(&e);
	m = model_from_expr("lin", "a + b*x", in, 1, &e);
	ck_assert_msg(m != NULL, "%s", e.msg);
	rows_make(&s, 11);
	for (size_t i = 0; i < NR; i++) {
		s.x[i] = log(s.x[i]);   /* a line in log x, well scaled */
		s.w[i] = 0.5 + (double)(i % 5);
		sw += s.w[i];
		swx += s.w[i] * s.x[i];
		swxx += s.w[i] * s.x[i] * s.x[i];
		swy += s.w[i] * s.y[i];
		swxy += s.w[i] * s.x[i] * s.y[i];
	}
	det = sw * swxx - swx * swx;
	a = (swxx * swy - swx * swxy) / det;
	b = (sw * swxy - swx * swy) / det;
	for (size_t i = 0; i < NR; i++) {
		double rr = s.y[i] - a - b * s.x[i];

		s2 += s.w[i] * rr * rr;
	}
	s2 /= (double)(NR - 2);
	v00 = s2 * swxx / det;
	v11 = s2 * sw / det;
	memset(&o, 0, sizeof o);
	o.space = SX_SPACE_LINEAR;
	o.weights = s.w;
	unit_fit_ok(m, s.col, s.y, NR, &o, &r);
	ia = model_param_index(m, "a");
	ib = model_param_index(m, "b");
	ck_assert_close(r.p[ia], a, 1e-9);
	ck_assert_close(r.p[ib], b, 1e-9);
	ck_assert_close(r.se[ia], sqrt(v00), 1e-7);
	ck_assert_close(r.se[ib], sqrt(v11), 1e-7);
	ck_assert_close(r.objective, 0.5 * s2 * (NR - 2), 1e-9);
	fit_result_free(&r);
	model_free(m);
}
END_TEST

/* Weights are relative: all of them times 7 give the same fit, errors
 * included; only the objective scales. */
START_TEST(test_weights_relative)
{
	const sx_model *m = model_builtin("plc");
	static struct rows s;
	double w7[NR];
	sx_fit_opts o;
	sx_fit_result r1, r7;

	rows_make(&s, 3);
	for (size_t i = 0; i < NR; i++)
		w7[i] = 7.0 * s.w[i];
	memset(&o, 0, sizeof o);
	o.space = SX_SPACE_LOG;
	o.weights = s.w;
	unit_fit_ok(m, s.col, s.y, NR, &o, &r1);
	o.weights = w7;
	unit_fit_ok(m, s.col, s.y, NR, &o, &r7);
	for (size_t j = 0; j < m->np; j++) {
		ck_assert_close(r7.p[j], r1.p[j], 1e-8);
		ck_assert_close(r7.se[j], r1.se[j], 1e-6);
	}
	ck_assert_close(r7.objective, 7.0 * r1.objective, 1e-8);
	ck_assert_close(r7.rmse, r1.rmse, 1e-8);
	fit_result_free(&r1);
	fit_result_free(&r7);
}
END_TEST

/* A hold-out fit with weights is the weighted fit of the rows kept, and
 * the bootstrap carries each row's weight with it. */
START_TEST(test_holdout_and_bootstrap)
{
	const sx_model *m = model_builtin("plc");
	static struct rows s;
	double xk[NR], yk[NR], wk[NR];
	const double *colk[1] = { xk };
	unsigned char held[NR];
	size_t nk = 0;
	sx_fit_opts o;
	sx_fit_result rh, rk;
	sx_err e;

	rows_make(&s, 5);
	for (size_t i = 0; i < NR; i++) {
		held[i] = i >= NR - 4;
		if (!held[i]) {
			xk[nk] = s.x[i];
			yk[nk] = s.y[i];
			wk[nk++] = s.w[i];
		}
	}
	memset(&o, 0, sizeof o);
	o.space = SX_SPACE_LOG;
	o.weights = s.w;
	err_clear(&e);
	ck_assert_msg(fit_holdout(m, s.col, s.y, NR, held, "x > big", &o, &rh,
	    &e) == 0, "%s", e.msg);
	o.weights = wk;
	unit_fit_ok(m, colk, yk, nk, &o, &rk);
	for (size_t j = 0; j < m->np; j++)
		ck_assert_close(rh.p[j], rk.p[j], 1e-12);
	ck_assert_uint_eq(rh.ho_n, 4);
	ck_assert_msg(fit_bootstrap(m, colk, yk, nk, &o, 50, 1, 0.9, &rk,
	    NULL, NULL, &e) == 0, "%s", e.msg);
	for (size_t j = 0; j < m->np; j++)
		ck_assert(rk.ci_lo[j] <= rk.p[j] && rk.p[j] <= rk.ci_hi[j]);
	fit_result_free(&rh);
	fit_result_free(&rk);
}
END_TEST

START_TEST(test_bad_weights)
{
	const sx_model *m = model_builtin("plc");
	static struct rows s;
	sx_fit_opts o;
	sx_fit_result r;
	sx_err e;

	rows_make(&s, 5);
	s.w[4] = -1.0;
	memset(&o, 0, sizeof o);
	o.space = SX_SPACE_LOG;
	o.weights = s.w;
	err_clear(&e);
	ck_assert_int_eq(fit_run(m, s.col, s.y, NR, &o, &r, &e), -1);
	ck_assert_str_eq(e.msg, "row 5: weight -1 is not a finite number > 0");
	s.w[4] = NAN;
	ck_assert_int_eq(fit_run(m, s.col, s.y, NR, &o, &r, &e), -1);
}
END_TEST

Suite *
unit_suite(void)
{
	Suite *s = suite_create("fit_weights");
	TCase *tc = tcase_create("weights");

	tcase_add_test(tc, test_ls_equals_repeated_rows);
	tcase_add_test(tc, test_huber_equals_repeated_rows);
	tcase_add_test(tc, test_linear_closed_form);
	tcase_add_test(tc, test_weights_relative);
	tcase_add_test(tc, test_holdout_and_bootstrap);
	tcase_add_test(tc, test_bad_weights);
	suite_add_tcase(s, tc);
	return s;
}
