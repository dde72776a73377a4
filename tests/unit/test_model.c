/* test_model.c: built-in laws against closed forms and finite differences. */
#include "config.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "scaling/fit.h"
#include "scaling/model.h"
#include "tests/unit/unit.h"

#define NPT 5

/* Inputs spanning ordinary and extreme scales (up to 1e25). */
static const double xin[2][NPT] = {
	{ 1e6, 3e8, 1e10, 1e13, 1e25 },
	{ 1e25, 2e9, 4e11, 1e13, 1e7 },
};

/* One parameter point of one law. */
struct point {
	const char *model;
	double p[9];
};

static const struct point points[] = {
	{ "pl", { 11.5, 0.076 } },
	{ "pl", { 1e3, 1.5 } },
	{ "pl", { 1e-5, -0.3 } },
	{ "plc", { 2.64, 280.0, 0.22 } },
	{ "plc", { 2.0, 1e-13, 0.05 } },
	{ "plc", { 0.5, 1.47e14, 0.7 } },
	{ "plc", { -0.1, 1e14, 0.07 } },
	{ "kaplan_nd", { 6.4e13, 1.8e13, 0.076, 0.103 } },
	{ "kaplan_nd", { 1e10, 1e9, 0.5, 0.3 } },
	{ "kaplan_ns", { 6.5e13, 0.077, 2.1e3, 0.76 } },
	{ "kaplan_ns", { 1e8, 0.5, 1e2, 0.2 } },
	{ "chinchilla", { 1.69, 406.4, 0.34, 410.7, 0.28 } },
	{ "chinchilla", { 1.817, 482.01, 0.3478, 2085.43, 0.3658 } },
	{ "chinchilla", { 0.05, 1e3, 1.2, 1e2, 0.9 } },
	{ "bnsl1", { 1.5, 30.0, 0.2, 0.3, 1e9, 0.7 } },
	{ "bnsl1", { -0.2, 5.0, 0.05, -0.1, 1e6, 2.0 } },
	{ "bnsl2", { 1.0, 20.0, 0.1, 0.3, 1e8, 0.5, 0.2, 1e11, 1.5 } },
	{ "exptrend", { 3.0, 1.5e24, 2e6 } },
	{ "exptrend", { 100.0, -4e23, 0.0 } },
};

/* L by the paper's formula, with pow (fine at moderate scales). */
static double
closed_form(const char *name, const double *p, double x0, double x1)
{
	if (strcmp(name, "pl") == 0)
		return p[0] * pow(x0, -p[1]);
	if (strcmp(name, "plc") == 0)
		return p[0] + pow(p[1] / x0, p[2]);
	if (strcmp(name, "kaplan_nd") == 0)
		return pow(pow(p[0] / x0, p[2] / p[3]) + p[1] / x1, p[3]);
	if (strcmp(name, "kaplan_ns") == 0)
		return pow(p[0] / x0, p[1]) + pow(p[2] / x1, p[3]);
	if (strcmp(name, "bnsl1") == 0 || strcmp(name, "bnsl2") == 0) {
		double v = p[1] * pow(x0, -p[2]);

		for (int k = 0; k < (name[4] == '1' ? 1 : 2); k++)
			v *= pow(1.0 + pow(x0 / p[4 + 3 * k], 1.0 / p[5 + 3 * k]),
			    -p[3 + 3 * k] * p[5 + 3 * k]);
		return p[0] + v;
	}
	if (strcmp(name, "exptrend") == 0)
		return p[0] * pow(2.0, (x0 - p[2]) / p[1]);
	return p[0] + p[1] / pow(x0, p[2]) + p[3] / pow(x1, p[4]);
}

START_TEST(test_table)
{
	static const char *names[] = { "pl", "plc", "kaplan_nd", "kaplan_ns",
	    "chinchilla", "datacon", "taskerr", "bnsl1", "bnsl2", "exptrend" };
	static const size_t nps[] = { 2, 3, 4, 4, 5, 7, 3, 6, 9, 3 };
	const sx_model *m;
	size_t i;

	ck_assert_uint_eq(model_builtin_count(), 10);
	for (i = 0; i < 10; i++) {
		m = model_builtin(names[i]);
		ck_assert_ptr_nonnull(m);
		ck_assert_ptr_eq(m, model_builtin_at(i));
		ck_assert_uint_eq(m->np, nps[i]);
		ck_assert_ptr_nonnull(m->guess);
		ck_assert(strlen(m->about) > 10 && strlen(m->formula) > 5);
	}
	ck_assert_ptr_null(model_builtin("nope"));
	ck_assert_ptr_null(model_builtin_at(10));
	m = model_builtin("chinchilla");
	ck_assert_int_eq(model_param_index(m, "E"), 0);
	ck_assert_int_eq(model_param_index(m, "beta"), 4);
	ck_assert_int_eq(model_param_index(m, "gamma"), -1);
	ck_assert(m->positive[1] && m->positive[3] && !m->positive[0]);
	ck_assert_str_eq(model_builtin("plc")->params[1], "x0");
	ck_assert_str_eq(model_builtin("kaplan_ns")->inputs[1], "S");
	model_free((sx_model *)m);      /* a built-in: must be a no-op */
	ck_assert_ptr_nonnull(model_builtin("chinchilla")->name);
}
END_TEST

/* Values against the closed form where that is representable. */
START_TEST(test_values)
{
	size_t k, i;

	for (k = 0; k < sizeof points / sizeof points[0]; k++) {
		const sx_model *m = model_builtin(points[k].model);
		const double *x[2] = { xin[0], xin[1] };
		double f[NPT], lf[NPT];

		ck_assert_int_eq(m->eval(m, x, NPT, points[k].p, 0, f, NULL), 0);
		ck_assert_int_eq(m->eval(m, x, NPT, points[k].p, 1, lf, NULL), 0);
		for (i = 0; i < NPT; i++) {
			double want = closed_form(m->name, points[k].p, xin[0][i],
			    xin[1][i]);

			if (!isfinite(want) || want < 1e-300 || want > 1e300)
				continue;
			ck_assert_close(f[i], want, 1e-12);
			ck_assert_close(lf[i], log(want), 1e-12);
		}
	}
}
END_TEST

/*
 * Every derivative against a central difference in each mode. Compared as
 * dF/dlog|p| (derivative times |p|, or times 1 when p = 0) so parameters
 * of any scale (x0 = 1e-13, Nc = 6.4e13) are judged alike.
 */
START_TEST(test_jacobian_fd)
{
	size_t k, i, j;
	int lg;

	for (k = 0; k < sizeof points / sizeof points[0]; k++)
		for (lg = 0; lg <= 1; lg++) {
			const sx_model *m = model_builtin(points[k].model);
			const double *x[2] = { xin[0], xin[1] };
			double f[NPT], J[NPT * 9], fp[NPT], fm[NPT], q[9];

			ck_assert_int_eq(m->eval(m, x, NPT, points[k].p, lg, f, J), 0);
			for (j = 0; j < m->np; j++) {
				double s = points[k].p[j] != 0.0 ?
				    fabs(points[k].p[j]) : 1.0, h = 1e-6 * s;

				memcpy(q, points[k].p, sizeof q);
				q[j] += h;
				ck_assert_int_eq(m->eval(m, x, NPT, q, lg, fp, NULL), 0);
				q[j] -= 2.0 * h;
				ck_assert_int_eq(m->eval(m, x, NPT, q, lg, fm, NULL), 0);
				for (i = 0; i < NPT; i++) {
					double fd = (fp[i] - fm[i]) / (2.0 * h) * s;
					double an = J[i * m->np + j] * s;

					ck_assert_msg(fabs(an - fd) <= 1e-6 * fabs(an) +
					    1e-8 * (fabs(f[i]) + 1.0),
					    "%s point %zu log=%d d/d%s row %zu: analytic "
					    "%.12g, finite difference %.12g", m->name, k, lg,
					    m->params[j], i, an, fd);
				}
			}
		}
}
END_TEST

/* Extremes: log L stays exact where L itself over- or underflows. */
START_TEST(test_extremes)
{
	const sx_model *plc = model_builtin("plc");
	const sx_model *ch = model_builtin("chinchilla");
	const sx_model *nd = model_builtin("kaplan_nd");
	double c[3] = { 1e25, 1e-300, 1e13 }, lf[3], J[15], f[3];
	double d[3] = { 1e25, 1e25, 1e-200 };
	const double *x1[1] = { c }, *x2[2] = { c, d };
	double p1[3] = { 0.0, 1e-13, 20.0 };
	double p2[5] = { 0.0, 1e300, 0.0, 1e300, 0.0 };
	double p3[4] = { 6.4e13, 1.8e13, 0.076, 0.103 };
	size_t i;

	/* (1e-13/1e25)^20 = 1e-760: log L = 20 * log(1e-38). */
	ck_assert_int_eq(plc->eval(plc, x1, 1, p1, 1, lf, J), 0);
	ck_assert_close(lf[0], 20.0 * log(1e-38), 1e-14);
	ck_assert_close(J[0 * 3 + 2], log(1e-38), 1e-14);
	ck_assert(isfinite(J[1]));      /* d/dLinf = 1/L: honestly infinite */
	/* ... and linear mode underflows to Linf = 0, without error. */
	ck_assert_int_eq(plc->eval(plc, x1, 1, p1, 0, f, NULL), 0);
	ck_assert(f[0] >= 0.0 && f[0] < 1e-300);
	/* x = 1e-300 with alpha = 20: 1e5740, only its log exists. */
	p1[0] = 1.5;
	ck_assert_int_eq(plc->eval(plc, x1, 2, p1, 1, lf, J), 0);
	ck_assert_close(lf[1], 20.0 * (log(1e-13) - log(1e-300)), 1e-14);
	ck_assert_close(J[1 * 3 + 2], log(1e-13) - log(1e-300), 1e-12);
	ck_assert_int_eq(plc->eval(plc, x1, 2, p1, 0, f, NULL), -1);
	/* Chinchilla at E = 0 with two terms of 1e300 each... and 2e308. */
	ck_assert_int_eq(ch->eval(ch, x2, 1, p2, 1, lf, J), 0);
	ck_assert_close(lf[0], log(2.0) + log(1e300), 1e-14);
	p2[1] = p2[3] = 1.7e308;
	ck_assert_int_eq(ch->eval(ch, x2, 1, p2, 1, lf, J), 0);
	ck_assert_close(lf[0], log(2.0) + log(1.7e308), 1e-14);
	ck_assert_close(J[1], 0.5 / 1.7e308, 1e-12);
	/* Kaplan L(N, D) with D = 1e-200: the data term dominates. */
	ck_assert_int_eq(nd->eval(nd, x2, 3, p3, 1, lf, J), 0);
	ck_assert_close(lf[2], p3[3] * (log(1.8e13) - log(1e-200)), 1e-12);
	for (i = 0; i < 12; i++)
		ck_assert(isfinite(J[i]));
	/* A non-positive scale is reported, not evaluated. */
	p3[0] = -1.0;
	ck_assert_int_eq(nd->eval(nd, x2, 3, p3, 1, lf, NULL), -1);
}
END_TEST

/* The guesses land near the generating parameters on exact data. */
START_TEST(test_guess_exact)
{
	const sx_model *plc = model_builtin("plc"), *pl = model_builtin("pl");
	double xs[40], y[40], y2[40], p[3];
	const double *x[1] = { xs };
	size_t i;

	for (i = 0; i < 40; i++) {
		xs[i] = pow(10.0, 5.0 + 5.0 * (double)i / 39.0);
		y[i] = 2.64 + pow(280.0 / xs[i], 0.22);
		y2[i] = 11.5 * pow(xs[i], -0.076);
	}
	ck_assert_int_eq(plc->guess(plc, x, y, 40, p), 0);
	ck_assert_close(p[0], 2.64, 1e-3);
	ck_assert_close(p[2], 0.22, 1e-3);
	ck_assert_close(p[1], 280.0, 1e-2);
	ck_assert_int_eq(pl->guess(pl, x, y2, 40, p), 0);
	ck_assert_close(p[0], 11.5, 1e-10);
	ck_assert_close(p[1], 0.076, 1e-10);
	/* No usable rows: the guess says so. */
	for (i = 0; i < 40; i++)
		y2[i] = -1.0;
	ck_assert_int_eq(pl->guess(pl, x, y2, 40, p), -1);
}
END_TEST

/* taskerr, Err = eps - k exp(-gamma L), at losses a sweep has: the closed
 * form, derivatives against central differences, and the start from
 * exact data close to the truth. */
START_TEST(test_taskerr)
{
	const sx_model *m = model_builtin("taskerr");
	double L[12], y[12], f[12], J[36], fp[12], fm[12], p[3] = { 0.8, 3.0, 1.1 };
	double q[3], g[3];
	const double *x[1] = { L };

	for (size_t i = 0; i < 12; i++)
		L[i] = 2.0 + 0.25 * (double)i;
	for (int lg = 0; lg <= 1; lg++) {
		ck_assert_int_eq(m->eval(m, x, 12, p, lg, f, J), 0);
		for (size_t i = 0; i < 12; i++) {
			double want = 0.8 - 3.0 * exp(-1.1 * L[i]);

			ck_assert_close(f[i], lg ? log(want) : want, 1e-13);
			if (!lg)
				y[i] = want;
		}
		for (size_t j = 0; j < 3; j++) {
			double h = 1e-6 * fabs(p[j]);

			memcpy(q, p, sizeof q);
			q[j] += h;
			ck_assert_int_eq(m->eval(m, x, 12, q, lg, fp, NULL), 0);
			q[j] -= 2.0 * h;
			ck_assert_int_eq(m->eval(m, x, 12, q, lg, fm, NULL), 0);
			for (size_t i = 0; i < 12; i++)
				ck_assert_msg(fabs(J[i * 3 + j] - (fp[i] - fm[i]) /
				    (2.0 * h)) <= 1e-6 * (fabs(J[i * 3 + j]) + 1e-3),
				    "taskerr d/d%s row %zu", m->params[j], i);
		}
	}
	/* Err > 0 is needed in log space. */
	q[0] = 0.0;
	q[1] = 3.0;
	q[2] = 1.1;
	ck_assert_int_eq(m->eval(m, x, 12, q, 1, f, NULL), -1);
	/* The start is a little above the largest error; the fit from it
	 * recovers the law exactly. */
	ck_assert_int_eq(m->guess(m, x, y, 12, g), 0);
	ck_assert(g[0] > 0.78 && g[0] < 0.9);
	ck_assert(g[2] > 0.5 && g[2] < 2.0);
	{
		sx_fit_opts o;
		sx_fit_result r;
		sx_err e;

		memset(&o, 0, sizeof o);
		o.space = SX_SPACE_LOG;
		err_clear(&e);
		ck_assert_msg(fit_run(m, x, y, 12, &o, &r, &e) == 0, "%s", e.msg);
		for (size_t j = 0; j < 3; j++)
			ck_assert_close(r.p[j], p[j], 1e-6);
		fit_result_free(&r);
	}
}
END_TEST

/* A user law: same values and derivatives as the built-in it spells out. */
START_TEST(test_from_expr)
{
	static const char *in[] = { "N", "D" };
	const sx_model *ch = model_builtin("chinchilla");
	sx_model *m;
	sx_err err;
	const double *x[2] = { xin[0], xin[1] };
	double p[5] = { 1.69, 406.4, 0.34, 410.7, 0.28 };
	double f1[NPT], f2[NPT], J1[NPT * 5], J2[NPT * 5];
	size_t i;
	int lg;

	err_clear(&err);
	m = model_from_expr("mych", "E + A*N^-alpha + B/D^beta", in, 2, &err);
	ck_assert_msg(m != NULL, "%s", err.msg);
	ck_assert_uint_eq(m->np, 5);
	for (i = 0; i < 5; i++)
		ck_assert_str_eq(m->params[i], ch->params[i]);
	for (lg = 0; lg <= 1; lg++) {
		ck_assert_int_eq(m->eval(m, x, NPT, p, lg, f1, J1), 0);
		ck_assert_int_eq(ch->eval(ch, x, NPT, p, lg, f2, J2), 0);
		for (i = 0; i < NPT; i++)
			ck_assert_close(f1[i], f2[i], 1e-12);
		for (i = 0; i < NPT * 5; i++)
			ck_assert(fabs(J1[i] - J2[i]) <= 1e-10 * fabs(J2[i]) +
			    1e-300);
	}
	ck_assert_int_eq(model_param_index(m, "B"), 3);
	model_free(m);

	/* Only the inputs the formula uses, in order of first use. */
	{
		const char *many[] = { "N", "C", "D", "S" };
		double dv[2] = { 10.0, 1000.0 }, pv[3] = { 2.0, 8.0, 0.5 }, f[2];
		const double *xd[1] = { dv };

		m = model_from_expr("onlyd", "E + A*D^-b", many, 4, &err);
		ck_assert_msg(m != NULL, "%s", err.msg);
		ck_assert_uint_eq(m->nin, 1);
		ck_assert_str_eq(m->inputs[0], "D");
		ck_assert_int_eq(m->eval(m, xd, 2, pv, 0, f, NULL), 0);
		ck_assert_close(f[0], 2.0 + 8.0 / sqrt(10.0), 1e-14);
		ck_assert_close(f[1], 2.0 + 8.0 / sqrt(1000.0), 1e-14);
		model_free(m);
	}

	ck_assert_ptr_null(model_from_expr("bad", "E + * N", in, 2, &err));
	ck_assert(err.msg[0] != '\0');
	err_clear(&err);
	ck_assert_ptr_null(model_from_expr("bad", "N + D", in, 2, &err));
	ck_assert_ptr_nonnull(strstr(err.msg, "no parameter"));
	err_clear(&err);
	ck_assert_ptr_null(model_from_expr("bad", "a*x^b", in, 2, &err));
	ck_assert_ptr_nonnull(strstr(err.msg, "none of the input"));
}
END_TEST

Suite *
unit_suite(void)
{
	Suite *s = suite_create("model");
	TCase *tc = tcase_create("core");

	tcase_add_test(tc, test_table);
	tcase_add_test(tc, test_values);
	tcase_add_test(tc, test_jacobian_fd);
	tcase_add_test(tc, test_taskerr);
	tcase_add_test(tc, test_extremes);
	tcase_add_test(tc, test_guess_exact);
	tcase_add_test(tc, test_from_expr);
	suite_add_tcase(s, tc);
	return s;
}
