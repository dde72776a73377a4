/* test_compare.c: compare's criteria against the Gaussian log-likelihood
 * summed row by row and against values worked by hand for a known RSS,
 * and leave-one-group-out against fitting each complement by hand. */
#include "config.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include <gsl/gsl_randist.h>
#include <gsl/gsl_rng.h>

#include "scaling/compare.h"
#include "tests/unit/unit.h"
#include "tests/unit/unit_fit.h"

#define PI 3.14159265358979323846

/* RSS 0.5 over n = 20 rows, k = 3: AIC = 20 ln(0.025) + 6 and BIC =
 * 20 ln(0.025) + 3 ln 20, with ln 0.025 = -3.68887945411393630 and
 * ln 20 = 2.99573227355399099 (worked out by hand from ln 2, ln 5). */
START_TEST(test_ic_by_hand)
{
	double aic, bic;

	compare_ic(0.5, 20, 3, &aic, &bic);
	ck_assert_close(aic, 20.0 * -3.68887945411393630 + 6.0, 1e-14);
	ck_assert_close(bic, 20.0 * -3.68887945411393630 + 3.0 *
	    2.99573227355399099, 1e-14);
	compare_ic(0.0, 20, 3, &aic, &bic);
	ck_assert(aic == -INFINITY && bic == -INFINITY);
	compare_ic(1.0, 0, 3, &aic, &bic);
	ck_assert(isnan(aic) && isnan(bic));
}
END_TEST

/* -2 ln L summed over the rows' Gaussian densities (variance s2 / w_i,
 * s2 the ML estimate sum w r^2 / n) is AIC - 2k plus the constant the
 * criteria drop, n (1 + ln 2 pi) - sum ln w. */
START_TEST(test_ic_is_gaussian_likelihood)
{
	static const double r[7] = { 0.3, -0.1, 0.25, -0.4, 0.05, 0.12, -0.2 };
	static const double w[7] = { 1.0, 2.0, 0.5, 3.0, 1.0, 1.5, 0.25 };

	for (int weighted = 0; weighted <= 1; weighted++) {
		double rss = 0.0, s2, m2ll = 0.0, slw = 0.0, aic, bic;

		for (size_t i = 0; i < 7; i++)
			rss += (weighted ? w[i] : 1.0) * r[i] * r[i];
		s2 = rss / 7.0;
		for (size_t i = 0; i < 7; i++) {
			double wi = weighted ? w[i] : 1.0;

			m2ll += -2.0 * log(gsl_ran_gaussian_pdf(r[i], sqrt(s2 / wi)));
			slw += log(wi);
		}
		compare_ic(rss, 7, 2, &aic, &bic);
		ck_assert_close(aic - 4.0 + 7.0 * (1.0 + log(2.0 * PI)) - slw,
		    m2ll, 1e-12);
		ck_assert_close(bic - 2.0 * log(7.0) + 7.0 * (1.0 + log(2.0 *
		    PI)) - slw, m2ll, 1e-12);
	}
}
END_TEST

START_TEST(test_rank)
{
	sx_cmp_row t[3] = {
		{ .rss = 2.0, .n = 30, .k = 3 },
		{ .rss = 1.0, .n = 30, .k = 5 },
		{ .rss = 3.0, .n = 30, .k = 2 },
	};
	double a[3], b[3], amin = INFINITY, wsum = 0.0;

	for (size_t i = 0; i < 3; i++) {
		a[i] = 30.0 * log(t[i].rss / 30.0) + 2.0 * (double)t[i].k;
		b[i] = 30.0 * log(t[i].rss / 30.0) + (double)t[i].k * log(30.0);
		amin = fmin(amin, a[i]);
	}
	compare_rank(t, 3);
	for (size_t i = 0; i < 3; i++) {
		ck_assert_close(t[i].aic, a[i], 1e-14);
		ck_assert_close(t[i].bic, b[i], 1e-14);
		ck_assert(fabs(t[i].daic - (a[i] - amin)) < 1e-12);
		wsum += exp(-0.5 * (a[i] - amin));
	}
	/* Row 1 is best by both: AIC -92.0 against -75.2 and -65.1, BIC
	 * -85.0 against -71.0 and -62.3. */
	ck_assert(t[1].daic == 0.0 && t[1].dbic == 0.0);
	for (size_t i = 0; i < 3; i++)
		ck_assert_close(t[i].weight, exp(-0.5 * t[i].daic) / wsum, 1e-14);
}
END_TEST

#define NR 40

/* Rows of plc, L = E + (x0/x)^alpha with 3 % log-normal noise, in four
 * size groups of ten, and weights 1, 2, 3 in turn. */
struct rows {
	double x[NR], y[NR], w[NR], grp[NR];
	const double *col[1];
};

static void
rows_make(struct rows *s, unsigned long seed)
{
	unit_plc_rows(s->x, s->y, s->w, NR, 0.03, seed);
	for (size_t i = 0; i < NR; i++)
		s->grp[i] = (double)(i / 10);
	s->col[0] = s->x;
}

/* Fit the complement of group j by hand: the rows copied out, fit_run
 * from the automatic start and from est, the better kept; then its
 * scores on the group's rows. */
static void
by_hand(const sx_model *m, const struct rows *s, size_t j,
    const sx_fit_opts *opts, const double *est, sx_fit_result *out,
    double *rmse_log, double *maxabs)
{
	double xk[NR], yk[NR], wk[NR], init[8], f[NR], s2 = 0.0, mx = 0.0;
	const double *ck[1] = { xk };
	sx_fit_opts o = *opts;
	sx_fit_result ra, rb;
	size_t nk = 0, nh = 0;
	sx_err e;

	for (size_t i = 0; i < NR; i++)
		if (s->grp[i] != (double)j) {
			xk[nk] = s->x[i];
			yk[nk] = s->y[i];
			wk[nk++] = s->w[i];
		}
	o.weights = opts->weights != NULL ? wk : NULL;
	for (size_t p = 0; p < m->np; p++)
		init[p] = opts->fixed != NULL && opts->fixed[p] ? est[p] : NAN;
	o.init = init;
	err_clear(&e);
	ck_assert_msg(fit_run(m, ck, yk, nk, &o, &ra, &e) == 0, "%s", e.msg);
	o.init = est;
	ck_assert_msg(fit_run(m, ck, yk, nk, &o, &rb, &e) == 0, "%s", e.msg);
	if ((rb.converged && !ra.converged) || (rb.converged == ra.converged &&
	    rb.objective < ra.objective)) {
		fit_result_free(&ra);
		ra = rb;
	} else
		fit_result_free(&rb);
	*out = ra;
	m->eval(m, s->col, NR, ra.p, 0, f, NULL);
	for (size_t i = 0; i < NR; i++)
		if (s->grp[i] == (double)j) {
			double d = log(s->y[i]) - log(f[i]);

			s2 += d * d;
			mx = fmax(mx, fabs(s->y[i] - f[i]));
			nh++;
		}
	*rmse_log = sqrt(s2 / (double)nh);
	*maxabs = mx;
}

/* compare_logo on each option set equals the by-hand complement fits:
 * parameters, objective, scores and their means. */
static void
check_logo(const sx_fit_opts *opts)
{
	const sx_model *m = model_builtin("plc");
	static struct rows s;
	sx_column c = { .name = "size" };
	sx_fit_result full;
	sx_groups g;
	sx_logo lo;
	sx_err e;
	double mrm = 0.0, mmx = 0.0;

	rows_make(&s, 11);
	c.v = s.grp;
	err_clear(&e);
	ck_assert_msg(fit_run(m, s.col, s.y, NR, opts, &full, &e) == 0, "%s",
	    e.msg);
	ck_assert(compare_groups(&c, NR, &g, &e) == 0);
	ck_assert_int_eq(g.ng, 4);
	ck_assert_msg(compare_logo(m, s.col, s.y, NR, &g, "size", opts, full.p,
	    &lo, &e) == 0, "%s", e.msg);
	ck_assert_int_eq(lo.ng, 4);
	for (size_t j = 0; j < 4; j++) {
		sx_fit_result h;
		double rm, mx;

		by_hand(m, &s, j, opts, full.p, &h, &rm, &mx);
		ck_assert_int_eq(lo.res[j].n, NR - 10);
		ck_assert_int_eq(lo.res[j].ho_n, 10);
		for (size_t p = 0; p < m->np; p++)
			ck_assert_close(lo.res[j].p[p], h.p[p], 1e-12);
		ck_assert_close(lo.res[j].objective, h.objective, 1e-12);
		ck_assert_close(lo.res[j].ho_rmse_log, rm, 1e-12);
		ck_assert_close(lo.res[j].ho_maxabs, mx, 1e-12);
		/* Held out, the law does worse than on the rows it saw. */
		ck_assert(rm > 0.0);
		mrm += rm / 4.0;
		mmx += mx / 4.0;
		fit_result_free(&h);
	}
	ck_assert_close(lo.mean_rmse_log, mrm, 1e-12);
	ck_assert_close(lo.mean_maxabs, mmx, 1e-12);
	ck_assert_str_eq(lo.res[3].holdout, "size == 3");
	compare_logo_free(&lo);
	compare_groups_free(&g);
	fit_result_free(&full);
}

START_TEST(test_logo_by_hand)
{
	static struct rows s;
	unsigned char fixed[3] = { 0, 0, 0 };
	double init[3] = { NAN, NAN, NAN };
	sx_fit_opts o;

	memset(&o, 0, sizeof o);
	o.space = SX_SPACE_LOG;
	check_logo(&o);
	/* Weighted Huber, with a fixed parameter. */
	rows_make(&s, 11);
	o.weights = s.w;
	o.loss = SX_LOSS_HUBER;
	o.delta = 1e-2;
	check_logo(&o);
	o.loss = SX_LOSS_LS;
	o.weights = NULL;
	fixed[1] = 1;   /* plc's x0 held */
	init[1] = 5e4;
	o.fixed = fixed;
	o.init = init;
	check_logo(&o);
}
END_TEST

/* The fixed parameter is found from the covariance, and the refit keeps
 * it. */
START_TEST(test_free_and_fixed_refit)
{
	const sx_model *m = model_builtin("plc");
	static struct rows s;
	unsigned char fixed[3] = { 0, 1, 0 }, got[3];
	double init[3] = { NAN, 5e4, NAN };
	unsigned char held[NR];
	sx_fit_opts o;
	sx_fit_result r, h;
	sx_err e;

	rows_make(&s, 3);
	memset(&o, 0, sizeof o);
	o.space = SX_SPACE_LOG;
	o.fixed = fixed;
	o.init = init;
	ck_assert_int_eq(m->np, 3);
	ck_assert(fit_run(m, s.col, s.y, NR, &o, &r, &e) == 0);
	ck_assert_int_eq(compare_free(&r, got), 2);
	ck_assert(got[0] == 0 && got[1] == 1 && got[2] == 0);
	o.fixed = got;
	for (size_t i = 0; i < NR; i++)
		held[i] = s.x[i] > 1e9;
	ck_assert(compare_refit(m, s.col, s.y, NR, held, "x > 1e9", &o, r.p, &h,
	    &e) == 0);
	ck_assert(h.p[1] == 5e4);
	ck_assert_int_eq(h.n + h.ho_n, NR);
	fit_result_free(&h);
	/* Too few rows left: fit_holdout's message. */
	for (size_t i = 0; i < NR; i++)
		held[i] = i > 1;
	err_clear(&e);
	ck_assert(compare_refit(m, s.col, s.y, NR, held, "i > 1", &o, r.p, &h,
	    &e) == -1);
	ck_assert_str_eq(e.msg, "hold-out 'i > 1' leaves 2 rows to fit 2 free "
	    "parameters (need at least 3)");
	fit_result_free(&r);
}
END_TEST

START_TEST(test_groups)
{
	static char *txt[5] = { "rpj", "c4", "rpj", "refined", "c4" };
	double num[5] = { 3, 1, 2, 1, 3 }, bad[2] = { 1, 1.5 }, one[3] = { 2, 2,
	    2 };
	sx_column ct = { .name = "mix", .text = txt };
	sx_column cn = { .name = "b", .v = num };
	sx_groups g;
	sx_err e;

	ck_assert(compare_groups(&ct, 5, &g, &e) == 0);
	ck_assert_int_eq(g.ng, 3);
	ck_assert_str_eq(g.label[0], "rpj");
	ck_assert_str_eq(g.label[2], "refined");
	ck_assert(g.id[4] == 1 && g.count[0] == 2 && g.count[2] == 1);
	ck_assert(!g.numeric);
	compare_groups_free(&g);
	ck_assert(compare_groups(&cn, 5, &g, &e) == 0);
	ck_assert_int_eq(g.ng, 3);
	ck_assert(g.numeric && g.value[0] == 1 && g.value[2] == 3);
	ck_assert(g.id[0] == 2 && g.id[1] == 0 && g.id[2] == 1);
	ck_assert_str_eq(g.label[2], "3");
	compare_groups_free(&g);
	cn.v = bad;
	ck_assert(compare_groups(&cn, 2, &g, &e) == -1);
	ck_assert_str_eq(e.msg, "group column 'b' has 1.5 at row 2: groups are "
	    "a text column or whole numbers");
	cn.v = one;
	ck_assert(compare_groups(&cn, 3, &g, &e) == -1);
	ck_assert_str_eq(e.msg, "group column 'b' has one group '2': leaving one "
	    "group out needs at least two");
}
END_TEST

Suite *
unit_suite(void)
{
	Suite *s = suite_create("compare");
	TCase *tc = tcase_create("core");

	tcase_set_timeout(tc, 60);
	tcase_add_test(tc, test_ic_by_hand);
	tcase_add_test(tc, test_ic_is_gaussian_likelihood);
	tcase_add_test(tc, test_rank);
	tcase_add_test(tc, test_logo_by_hand);
	tcase_add_test(tc, test_free_and_fixed_refit);
	tcase_add_test(tc, test_groups);
	suite_add_tcase(s, tc);
	return s;
}
