/* test_fit_fixed.c: every solver path holds a fixed parameter where --fix
 * put it (issue 13, item 1). */
#include "config.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "scaling/fit.h"
#include "tests/unit/unit.h"

/*
 * The truth for each path is the same law with the constant written into
 * a user formula (no parameter to fix, the generic solvers of fit.c and
 * huber.c, never the Chinchilla kernel or its grid), fitted the same way
 * on the Epoch data from the same start. The fit with the parameter fixed
 * must report exactly the fixed value, the same objective and the same
 * free parameters. chinchilla runs the kernel (vp.c) on the Huber paths,
 * plc (of C = 6 N D) the generic reweighted solver (huber.c).
 */
typedef struct fixcase {
	const char *model;     /* built-in law */
	const char *param;     /* its fixed parameter */
	double value;
	const char *formula;   /* the law with the value written in */
	double init[5];        /* the start of both (the fixed one replaced) */
	size_t grid;           /* starts of the built-in's default grid */
} fixcase;

/* Hoffmann et al.'s published constants: user formulas have no
 * automatic start of this law's. */
#define HOFFMANN { 1.69, 406.4, 0.34, 410.7, 0.28 }

static const fixcase cases[] = {
	/* 4,500 points less the fixed axis (5 points) */
	{ "chinchilla", "beta", 0.35, "E + A/N^alpha + B/D^0.35", HOFFMANN, 900 },
	{ "chinchilla", "alpha", 0.3, "E + A/N^0.3 + B/D^beta", HOFFMANN, 900 },
	{ "chinchilla", "E", 1.9, "1.9 + A/N^alpha + B/D^beta", HOFFMANN, 900 },
	/* 3 points on each free parameter; x0 is fitted as log x0, which a
	 * user formula's parameter is not, so it is the one fixed */
	{ "plc", "x0", 2.7e19, "Linf + (2.7e19/C)^alpha", { 1.7, 1.0, 0.2 },
	    9 },
};

/* The paths: how each fit is run. */
enum path { P_LS_LIN, P_LS_LOG, P_HUBER, P_GRID, P_RANDOM, P_BOOT,
	P_HOLDOUT, P_COUNT };
static const char *const path_name[P_COUNT] = { "ls linear", "ls log",
	"huber", "huber --starts grid", "huber --starts 12", "huber bootstrap",
	"ls log hold-out --starts grid" };

static double n_[300], d_[300], c_[300], l_[300];
static size_t nrow;

/*
 * Fit m to the Epoch data the way `path` says, from init; fixed flags the
 * fixed parameter (NULL for the user formula). A grid is each law's
 * default: chinchilla's is Hoffmann's (the fixed axis collapsed), the
 * user formula's 3 points per parameter around init.
 */
static void
run_path(const sx_model *m, enum path path, const unsigned char *fixed,
    const double *init, sx_fit_result *r)
{
	const double *xs[2] = { n_, d_ };
	sx_starts st;
	sx_fit_opts o;
	sx_err e;
	unsigned char held[300];
	size_t i;

	if (m->nin == 1)
		xs[0] = c_;
	memset(&o, 0, sizeof o);
	memset(&st, 0, sizeof st);
	o.space = path == P_LS_LIN ? SX_SPACE_LINEAR : SX_SPACE_LOG;
	o.fixed = fixed;
	o.init = init;
	if (path >= P_HUBER && path != P_HOLDOUT) {
		o.loss = SX_LOSS_HUBER;
		o.delta = 1e-3;
	}
	if (path == P_GRID || path == P_HOLDOUT) {
		st.kind = SX_STARTS_GRID;
		o.starts = &st;
	}
	if (path == P_RANDOM) {
		st.kind = SX_STARTS_RANDOM;
		st.count = 12;
		st.seed = 5;
		o.starts = &st;
	}
	if (path == P_HOLDOUT) {
		for (i = 0; i < nrow; i++)
			held[i] = n_[i] > 1e9;
		ck_assert_msg(fit_holdout(m, xs, l_, nrow, held, "N > 1e9", &o, r,
		    &e) == 0, "%s %s: %s", m->name, path_name[path], e.msg);
		return;
	}
	ck_assert_msg(fit_run(m, xs, l_, nrow, &o, r, &e) == 0, "%s %s: %s",
	    m->name, path_name[path], e.msg);
	if (path == P_BOOT)
		ck_assert_msg(fit_bootstrap(m, xs, l_, nrow, &o, 30, 9, 0.9, r,
		    NULL, NULL, &e) == 0, "%s bootstrap: %s", m->name, e.msg);
}

/* One path, one fixed parameter: built-in with --fix against the user
 * formula. */
static void
check_path(const fixcase *c, enum path path)
{
	const sx_model *m = model_builtin(c->model);
	static const char *in2[] = { "N", "D" }, *in1[] = { "C" };
	unsigned char fixed[5] = { 0 };
	double init[5], uinit[5];
	sx_fit_result a, b;
	sx_model *u;
	sx_err e;
	int k = model_param_index(m, c->param);
	size_t j, r;

	ck_assert_int_ge(k, 0);
	u = model_from_expr("u", c->formula, m->nin == 2 ? in2 : in1, m->nin, &e);
	ck_assert_msg(u != NULL, "%s", e.msg);
	ck_assert_uint_eq(u->np, m->np - 1);
	fixed[k] = 1;
	memcpy(init, c->init, sizeof init);
	init[k] = c->value;
	for (j = 0; j < u->np; j++)
		uinit[j] = init[model_param_index(m, u->params[j])];
	run_path(m, path, fixed, init, &a);
	run_path(u, path, NULL, uinit, &b);
	ck_assert_msg(a.p[k] == c->value, "%s %s, %s fixed at %.17g: got %.17g",
	    c->model, path_name[path], c->param, c->value, a.p[k]);
	if (path == P_GRID || path == P_HOLDOUT)   /* the fixed axis collapsed */
		ck_assert_uint_eq(a.starts_total, c->grid);
	ck_assert_msg(isnan(a.se[k]), "%s: a fixed %s has a standard error",
	    path_name[path], c->param);
	ck_assert_msg(unit_close(a.objective, b.objective, 1e-9), "%s %s, %s "
	    "fixed: objective %.15g, user formula %.15g", c->model,
	    path_name[path], c->param, a.objective, b.objective);
	for (j = 0; j < u->np; j++) {
		int i = model_param_index(m, u->params[j]);

		ck_assert_msg(unit_close(a.p[i], b.p[j], 1e-4), "%s %s, %s fixed: "
		    "%s %.10g, user formula %.10g", c->model, path_name[path],
		    c->param, u->params[j], a.p[i], b.p[j]);
	}
	if (path == P_HOLDOUT) {
		ck_assert_uint_eq(a.ho_n, b.ho_n);
		ck_assert_close(a.ho_rmse_log, b.ho_rmse_log, 1e-6);
	}
	for (r = 0; path == P_BOOT && r < 30; r++) {
		ck_assert_uint_eq(a.nboot, 30);
		ck_assert_uint_eq(b.nboot, 30);
		ck_assert_msg(a.boot[r * m->np + (size_t)k] == c->value,
		    "replicate %zu: %s = %.17g", r, c->param,
		    a.boot[r * m->np + (size_t)k]);
		for (j = 0; j < u->np; j++)
			ck_assert_msg(unit_close(a.boot[r * m->np + (size_t)
			    model_param_index(m, u->params[j])],
			    b.boot[r * u->np + j], 1e-3), "replicate %zu: %s", r,
			    u->params[j]);
		ck_assert(a.ci_lo[k] == c->value && a.ci_hi[k] == c->value);
	}
	fit_result_free(&a);
	fit_result_free(&b);
	model_free(u);
}

START_TEST(test_fixed_paths)
{
	nrow = unit_epoch240(n_, d_, l_, 300);
	ck_assert_uint_eq(nrow, 240);
	for (size_t i = 0; i < nrow; i++)
		c_[i] = 6.0 * n_[i] * d_[i];
	check_path(&cases[_i / P_COUNT], (enum path)(_i % P_COUNT));
}
END_TEST

Suite *
unit_suite(void)
{
	Suite *s = suite_create("fit_fixed");
	TCase *tc = tcase_create("core");

	tcase_set_timeout(tc, 120);
	tcase_add_loop_test(tc, test_fixed_paths, 0,
	    (int)(sizeof cases / sizeof cases[0]) * P_COUNT);
	suite_add_tcase(s, tc);
	return s;
}
