/* test_plan.c: designs, simulations of designs against a direct Monte
 * Carlo written here, thread independence, and suggested runs checked by
 * simulating the augmented sweep. */
#include "config.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <gsl/gsl_randist.h>
#include <gsl/gsl_rng.h>

#include "base/xalloc.h"
#include "scaling/design.h"
#include "scaling/fit.h"
#include "scaling/model.h"
#include "scaling/presets.h"
#include "scaling/simulate.h"
#include "scaling/suggest.h"
#include "tests/unit/unit.h"

/* The hoffmann2022 preset's law: the truth of every test here. */
static const sx_model *
truth(const double **p)
{
	const sx_preset_law *l = preset_law(preset_find("hoffmann2022"),
	    "L(N,D)");

	ck_assert_ptr_nonnull(l);
	*p = l->pvals;
	return model_builtin(l->model);
}

/* Column c of ds. */
static const double *
col(const sx_dataset *ds, const char *c)
{
	return ds->cols[dataset_column_exact(ds, c)].v;
}

/* Least squares in log space from the truth: the refit of these tests. */
static void
ls_opts(sx_fit_opts *o, const double *init)
{
	memset(o, 0, sizeof *o);
	o->space = SX_SPACE_LOG;
	o->init = init;
}

static void
spec_init(sx_sim_spec *s, const sx_fit_opts *o, size_t reps, unsigned th)
{
	memset(s, 0, sizeof *s);
	s->truth = s->fitm = truth(&s->ptrue);
	s->fit = o;
	s->sigma = 0.01;
	s->reps = reps;
	s->seed = 11;
	s->threads = th;
	s->k = 6.0;
	s->C_at = 1e24;
	s->level = 0.9;
}

START_TEST(test_design_isoflop)
{
	sx_err e;
	sx_dataset *ds = design_isoflop("d", 1e18, 1e21, 4, 5, 2, 200, 6, &e);
	const double *N, *D, *C;

	ck_assert_ptr_nonnull(ds);
	ck_assert_uint_eq(ds->nrows, 20);
	N = col(ds, "N");
	D = col(ds, "D");
	C = col(ds, "C");
	for (size_t i = 0; i < 20; i++)
		ck_assert_close(6 * N[i] * D[i], C[i], 1e-12);
	ck_assert_close(C[0], 1e18, 1e-12);
	ck_assert_close(C[19], 1e21, 1e-12);
	ck_assert_close(D[0] / N[0], 2.0, 1e-12);
	ck_assert_close(D[4] / N[4], 200.0, 1e-12);
	ck_assert_close(C[5], 1e19, 1e-12);
	dataset_free(ds);
	ck_assert_ptr_null(design_isoflop("d", 1e18, 1e21, 0, 5, 2, 200, 6, &e));
	ck_assert_ptr_null(design_isoflop("d", 1e21, 1e18, 3, 5, 2, 200, 6, &e));
}
END_TEST

START_TEST(test_design_grid_values)
{
	double *v, Nv[2] = { 1e8, 1e9 }, Dv[3] = { 1e9, 1e10, 1e11 };
	size_t n;
	sx_err e;
	sx_dataset *ds;

	ck_assert_int_eq(design_parse_values("1e8..1e10:3", 100, &v, &n, &e), 0);
	ck_assert_uint_eq(n, 3);
	ck_assert_close(v[1], 1e9, 1e-12);
	free(v);
	ck_assert_int_eq(design_parse_values("1,2.5,4", 100, &v, &n, &e), 0);
	ck_assert_uint_eq(n, 3);
	ck_assert_close(v[1], 2.5, 1e-15);
	free(v);
	ck_assert_int_eq(design_parse_values("1,-2", 100, &v, &n, &e), -1);
	ck_assert_int_eq(design_parse_values("1..10", 100, &v, &n, &e), -1);
	ck_assert_int_eq(design_parse_values("x", 100, &v, &n, &e), -1);
	ds = design_grid("g", Nv, 2, Dv, 3, 6, &e);
	ck_assert_uint_eq(ds->nrows, 6);
	ck_assert_close(col(ds, "C")[5], 6e20, 1e-12);
	dataset_free(ds);
}
END_TEST

/*
 * The same seed gives the same draws, bit for bit, on 1 and 2 threads.
 */
START_TEST(test_threads_identical)
{
	sx_err e;
	sx_dataset *ds = design_isoflop("d", 1e18, 1e21, 3, 5, 2, 200, 6, &e);
	const double *pt;
	sx_fit_opts o;
	sx_sim_spec s;
	sx_sim_result r1, r2;

	truth(&pt);
	ls_opts(&o, pt);
	spec_init(&s, &o, 24, 1);
	ck_assert_int_eq(sim_run(&s, col(ds, "N"), col(ds, "D"), ds->nrows, &r1,
	    NULL, NULL, &e), 0);
	s.threads = 2;
	ck_assert_int_eq(sim_run(&s, col(ds, "N"), col(ds, "D"), ds->nrows, &r2,
	    NULL, NULL, &e), 0);
	ck_assert_int_eq(memcmp(r1.draws, r2.draws, r1.reps * r1.nq *
	    sizeof *r1.draws), 0);
	ck_assert_int_eq(memcmp(r1.q, r2.q, r1.nq * sizeof *r1.q), 0);
	sim_result_free(&r1);
	s.seed = 12;
	ck_assert_int_eq(sim_run(&s, col(ds, "N"), col(ds, "D"), ds->nrows, &r1,
	    NULL, NULL, &e), 0);
	ck_assert_int_ne(memcmp(r1.draws, r2.draws, sizeof *r1.draws), 0);
	sim_result_free(&r1);
	sim_result_free(&r2);
	dataset_free(ds);
}
END_TEST

/*
 * A direct Monte Carlo written here, with its own generator, noise and
 * exponent (typed, not sim_derived): K sweeps of L = L_true exp(0.01 z),
 * refitted; its sd of a = beta/(alpha+beta) against simulate's. The two
 * sds are independent estimates, each with relative error ~ 1/sqrt(2K):
 * their difference must be within 3.5 of its standard error.
 */
START_TEST(test_spread_matches_direct_mc)
{
	enum { K = 200 };
	sx_err e;
	sx_dataset *ds = design_isoflop("d", 1e18, 1e21, 5, 7, 2, 200, 6, &e);
	const double *N = col(ds, "N"), *D = col(ds, "D"), *x[2] = { N, D };
	const double *pt;
	const sx_model *m = truth(&pt);
	size_t n = ds->nrows, ok = 0;
	double *y = xmalloc(n * sizeof *y), a[K], sum = 0, ss = 0, sd_mc;
	double a_true = pt[4] / (pt[2] + pt[4]), sd_sim, se;
	gsl_rng *rng = gsl_rng_alloc(gsl_rng_mt19937);
	sx_fit_opts o;
	sx_sim_spec s;
	sx_sim_result r;

	ls_opts(&o, pt);
	gsl_rng_set(rng, 2024);
	for (int k = 0; k < K; k++) {
		sx_fit_result fr;

		for (size_t i = 0; i < n; i++)
			y[i] = (pt[0] + pt[1] / pow(N[i], pt[2]) + pt[3] / pow(D[i],
			    pt[4])) * exp(0.01 * gsl_ran_gaussian(rng, 1.0));
		if (fit_run(m, x, y, n, &o, &fr, &e) != 0)
			continue;
		if (fr.converged)
			a[ok++] = fr.p[4] / (fr.p[2] + fr.p[4]);
		fit_result_free(&fr);
	}
	ck_assert_uint_ge(ok, K - 2);
	for (size_t k = 0; k < ok; k++)
		sum += a[k];
	for (size_t k = 0; k < ok; k++)
		ss += (a[k] - sum / ok) * (a[k] - sum / ok);
	sd_mc = sqrt(ss / (ok - 1));
	spec_init(&s, &o, K, 2);
	ck_assert_int_eq(sim_run(&s, N, D, n, &r, NULL, NULL, &e), 0);
	sd_sim = r.q[m->np].sd;
	se = sd_mc * sqrt(1.0 / (2.0 * ok) + 1.0 / (2.0 * r.q[m->np].n));
	fprintf(stderr, "a: sd sim %.5g, direct %.5g (se %.2g); bias %.3g\n",
	    sd_sim, sd_mc, se, r.q[m->np].bias);
	ck_assert_msg(fabs(sd_sim - sd_mc) < 3.5 * se, "sd %g vs %g", sd_sim,
	    sd_mc);
	ck_assert_close(r.q[m->np].truth, a_true, 1e-12);
	/* Well posed: the bias is within 3.5 standard errors of the mean. */
	ck_assert_msg(fabs(r.q[m->np].bias) < 3.5 * sd_sim / sqrt(r.q[m->np].n),
	    "bias %g", r.q[m->np].bias);
	ck_assert_msg(fabs(r.q[m->np + 3].bias) < 3.5 * r.q[m->np + 3].sd /
	    sqrt(r.q[m->np + 3].n), "L bias %g", r.q[m->np + 3].bias);
	ck_assert_uint_eq(r.nfail, 0);
	sim_result_free(&r);
	free(y);
	gsl_rng_free(rng);
	dataset_free(ds);
}
END_TEST

/*
 * All runs at one budget (35 sizes at 1e20 FLOP), refitted from the
 * automatic start: the sizes pin the loss along one IsoFLOP curve and
 * hardly how it moves with C; many refits fail and those that do not put
 * E, and L at 1e24, visibly too high.
 */
START_TEST(test_one_budget_biased)
{
	enum { K = 200 };
	sx_err e;
	sx_dataset *ds = design_isoflop("d", 1e20, 1e20, 1, 35, 1, 1000, 6, &e);
	const double *pt;
	sx_fit_opts o;
	sx_sim_spec s;
	sx_sim_result r;
	size_t ia, il;

	truth(&pt);
	ls_opts(&o, NULL);
	spec_init(&s, &o, K, 2);
	ck_assert_int_eq(sim_run(&s, col(ds, "N"), col(ds, "D"), ds->nrows, &r,
	    NULL, NULL, &e), 0);
	ia = s.fitm->np;
	fprintf(stderr, "one budget: a bias %.3g sd %.3g n %zu fail %zu bound "
	    "%zu\n", r.q[ia].bias, r.q[ia].sd, r.q[ia].n, r.nfail, r.nbound);
	/* L at the target: biased by many standard errors and > 5 %. */
	il = ia + 3;
	ck_assert_msg(fabs(r.q[il].bias) > 10 * r.q[il].sd / sqrt(r.q[il].n) &&
	    fabs(r.q[il].bias) > 0.05 * r.q[il].truth, "L bias %g, sd %g",
	    r.q[il].bias, r.q[il].sd);
	ck_assert_uint_gt(r.nfail, 0);
	sim_result_free(&r);
	dataset_free(ds);
}
END_TEST

/*
 * A sweep whose runs all sit at small N (1e7 to 5e7 parameters): the runs
 * suggested for N_opt at 1e24 are larger, and the variance predicted for
 * the augmented sweep agrees with a simulation of it within 20 %.
 */
START_TEST(test_suggest_larger_n)
{
	double Nv[3] = { 1e7, 2e7, 5e7 }, *Dv, *aN, *aD, vsim, big = 0;
	size_t nD, n;
	sx_err e;
	sx_dataset *ds;
	sx_suggest_spec sp;
	sx_suggest out;
	sx_fit_opts o;
	sx_sim_spec s;
	sx_sim_result r;

	ck_assert_int_eq(design_parse_values("1e9..1e11:5", 100, &Dv, &nD, &e),
	    0);
	ds = design_grid("small", Nv, 3, Dv, nD, 6, &e);
	n = ds->nrows;
	memset(&sp, 0, sizeof sp);
	sp.m = truth(&sp.p);
	sp.sigma = 0.01;
	sp.k = 6;
	sp.C_at = 1e24;
	sp.target = SUGGEST_NOPT;
	sp.budget = 1e21;
	sp.K = 3;
	sp.nbudgets = 12;
	sp.nsizes = 9;
	sp.r_lo = 1;
	sp.r_hi = 1000;
	ck_assert_int_eq(suggest_run(&sp, col(ds, "N"), col(ds, "D"), n, &out,
	    &e), 0);
	ck_assert_uint_ge(out.n, 1);
	ck_assert(out.spent <= sp.budget * (1 + 1e-12));
	aN = xmalloc((n + out.n) * sizeof *aN);
	aD = xmalloc((n + out.n) * sizeof *aD);
	memcpy(aN, col(ds, "N"), n * sizeof *aN);
	memcpy(aD, col(ds, "D"), n * sizeof *aD);
	for (size_t i = 0; i < out.n; i++) {
		if (out.runs[i].N > 5e7)
			big += out.runs[i].C;
		ck_assert(out.runs[i].var < (i == 0 ? out.var0 :
		    out.runs[i - 1].var));
		aN[n + i] = out.runs[i].N;
		aD[n + i] = out.runs[i].D;
	}
	/* Most of the compute goes to models larger than any in the sweep. */
	ck_assert(out.runs[0].N > 5e7);
	ck_assert(big > 0.5 * out.spent);
	ls_opts(&o, sp.p);
	spec_init(&s, &o, 400, 2);
	ck_assert_int_eq(sim_run(&s, aN, aD, n + out.n, &r, NULL, NULL, &e), 0);
	vsim = sim_log_var(&r, s.fitm->np + 1);
	fprintf(stderr, "suggest: var0 %.3g, predicted %.3g, simulated %.3g\n",
	    out.var0, out.runs[out.n - 1].var, vsim);
	ck_assert_close(vsim, out.runs[out.n - 1].var, 0.2);
	sim_result_free(&r);
	/* A budget below the sweep's cheapest run. */
	suggest_free(&out);
	sp.budget = 1e15;
	ck_assert_int_eq(suggest_run(&sp, col(ds, "N"), col(ds, "D"), n, &out,
	    &e), -1);
	ck_assert_ptr_nonnull(strstr(e.msg, "below the cheapest"));
	free(aN);
	free(aD);
	free(Dv);
	dataset_free(ds);
}
END_TEST

/* A progress hook that cancels at once. */
static int
cancel_now(void *ctx, size_t done, size_t total)
{
	(*(int *)ctx)++;
	return 1;
}

/* Ctrl-C: -1 with "cancelled", nothing left in the result. */
START_TEST(test_cancel)
{
	int calls = 0;
	sx_sim_result r;
	sx_sim_spec s;
	sx_fit_opts o;
	const double *pt;
	sx_err e;
	sx_dataset *ds = design_isoflop("d", 1e18, 1e21, 3, 5, 2, 200, 6, &e);

	truth(&pt);
	ls_opts(&o, pt);
	spec_init(&s, &o, 100000, 2);
	ck_assert_int_eq(sim_run(&s, col(ds, "N"), col(ds, "D"), ds->nrows, &r,
	    cancel_now, &calls, &e), -1);
	ck_assert_str_eq(e.msg, "cancelled");
	ck_assert_int_eq(calls, 1);
	ck_assert_ptr_null(r.draws);
	ck_assert_ptr_null(r.q);
	s.reps = 10;
	ck_assert_int_eq(sim_run(&s, col(ds, "N"), col(ds, "D"), 0, &r, NULL,
	    NULL, &e), -1);
	ck_assert_str_eq(e.msg, "the design has no runs");
	dataset_free(ds);
}
END_TEST

Suite *
unit_suite(void)
{
	Suite *s = suite_create("plan");
	TCase *tc = tcase_create("core");

	tcase_set_timeout(tc, 120);
	tcase_add_test(tc, test_design_isoflop);
	tcase_add_test(tc, test_design_grid_values);
	tcase_add_test(tc, test_threads_identical);
	tcase_add_test(tc, test_spread_matches_direct_mc);
	tcase_add_test(tc, test_one_budget_biased);
	tcase_add_test(tc, test_suggest_larger_n);
	tcase_add_test(tc, test_cancel);
	suite_add_tcase(s, tc);
	return s;
}
