/* test_gamma.c: what gamma-models are for (Janner et al. 2020): the value
 * read from the exact model against policy evaluation (vi_evaluate), the
 * composed longer horizon against a dense solve (1 - g~) P (I - g~ P)^-1,
 * gamma-MVE against exact values, and the TD-learned model converging. */
#include "config.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include <gsl/gsl_linalg.h>

#include "base/xalloc.h"
#include "rl/gchain.h"
#include "rl/gcompose.h"
#include "rl/grid.h"
#include "rl/vi.h"
#include "tests/unit/unit.h"

/* A small map with objects of two types, a goal and slip. */
static const char gm_small_map[] =
    "name small\ngamma 0.9\nslip 0.2\n"
    "S.1X\n"
    ".X.2\n"
    "1..G\n";

static sx_grid *
gm_load(const char *name, const char *text)
{
	grid_opts o = { 0 };
	sx_err err;
	sx_grid *g;

	err_clear(&err);
	g = text != NULL ? grid_parse(text, name, &o, &err) :
	    grid_builtin(name, &o, &err);
	ck_assert_msg(g != NULL, "%s", err.msg);
	return g;
}

/* The value of every state and action read from the exact gamma-model
 * equals Q^pi by policy evaluation to 1e-9. */
static void
gm_check_values(sx_grid *g, const double *w)
{
	double wfull[GRID_MAX_PHI], *V = xmalloc(g->nstates * sizeof *V), q[4];
	unsigned char *pi = xmalloc(g->nstates);
	gchain ch;
	gchain_exact ex;
	gmodel_op op;
	sx_err err;

	ck_assert_int_eq(grid_task(g, w, (size_t)g->nw, wfull, &err), 0);
	ck_assert_int_eq(vi_optimal(g, wfull, NULL, V, pi, &err), 0);
	/* a policy that is not greedy: rotate every other action */
	for (size_t s = 0; s < g->nstates; s += 2)
		pi[s] = (unsigned char)((pi[s] + 1) % 4);
	ck_assert_int_eq(vi_evaluate(g, pi, wfull, V, &err), 0);
	ck_assert_int_eq(gchain_init(&ch, g, pi, &err), 0);
	op = gchain_exact_op(&ex, &ch, g->gamma);
	for (size_t s = 0; s < g->nstates; s++) {
		vi_q(g, V, wfull, s, q);
		for (int a = 0; a < 4; a++)
			ck_assert_double_lt(fabs(gcompose_value(&op, &ch, 2 * s,
			    a, wfull) - q[a]), 1e-9);
		ck_assert_double_lt(fabs(gcompose_value(&op, &ch, 2 * s, -1,
		    wfull) - V[s]), 1e-9);
	}
	free(V);
	free(pi);
}

START_TEST(test_gamma_value)
{
	static const double wc[3] = { 1, -0.5, 2 }, ws[2] = { 0.7, -1 };
	sx_grid *g = gm_load("corners", NULL);

	gm_check_values(g, wc);
	grid_free(g);
	g = gm_load("small", gm_small_map);
	gm_check_values(g, ws);
	grid_free(g);
}
END_TEST

/* mu at gamma~ by a dense solve over the chain: (1 - g~) e_x P_a (I - g~
 * P_pi)^-1, independent of gchain_mu's propagation. */
static void
gm_dense_mu(const gchain *ch, double gt, size_t x0, int a, double *out)
{
	size_t n = ch->n, nx[4];
	gsl_matrix *A = gsl_matrix_alloc(n, n);
	gsl_vector *b = gsl_vector_calloc(n), *y = gsl_vector_alloc(n);
	gsl_permutation *perm = gsl_permutation_alloc(n);
	double p[4];
	int sg, k, m;

	/* (I - g~ P)^T y = (e_x0 P_a)^T */
	gsl_matrix_set_identity(A);
	for (size_t x = 0; x < n; x++) {
		m = gchain_next(ch, x, -1, nx, p);
		for (k = 0; k < m; k++)
			gsl_matrix_set(A, nx[k], x, gsl_matrix_get(A, nx[k], x) -
			    gt * p[k]);
	}
	m = gchain_next(ch, x0, a, nx, p);
	for (k = 0; k < m; k++)
		gsl_vector_set(b, nx[k], gsl_vector_get(b, nx[k]) + p[k]);
	gsl_linalg_LU_decomp(A, perm, &sg);
	gsl_linalg_LU_solve(A, perm, b, y);
	for (size_t x = 0; x < n; x++)
		out[x] = (1 - gt) * gsl_vector_get(y, x);
	gsl_matrix_free(A);
	gsl_vector_free(b);
	gsl_vector_free(y);
	gsl_permutation_free(perm);
}

START_TEST(test_gamma_compose)
{
	sx_grid *g = gm_load("small", gm_small_map);
	double wfull[GRID_MAX_PHI], *V = xmalloc(g->nstates * sizeof *V);
	unsigned char *pi = xmalloc(g->nstates);
	static const double w[2] = { 1, 1 };
	double *ref, *out, tv[120];
	gchain ch;
	gchain_exact ex;
	gmodel_op op;
	sx_err err;

	grid_task(g, w, 2, wfull, &err);
	ck_assert_int_eq(vi_optimal(g, wfull, NULL, V, pi, &err), 0);
	gchain_init(&ch, g, pi, &err);
	ref = xmalloc(ch.n * sizeof *ref);
	out = xmalloc(ch.n * sizeof *out);
	/* the model at gamma 0.5, composed to 0.9 (beta 0.8) */
	op = gchain_exact_op(&ex, &ch, 0.5);
	for (size_t s = 0; s < g->nstates; s++) {
		gm_dense_mu(&ch, 0.9, 2 * s, GRID_RIGHT, ref);
		ck_assert_int_eq(gcompose_horizon(&op, &ch, 2 * s, GRID_RIGHT,
		    0.9, 120, ref, out, tv, &err), 0);
		ck_assert_double_lt(tv[119], 1e-9);
		/* the truncation misses mass beta^n: TV beta^n / 2 */
		ck_assert_double_lt(fabs(tv[9] - pow(0.8, 10) / 2), 1e-9);
		ck_assert_double_gt(tv[0], tv[9]);
	}
	ck_assert_int_eq(gcompose_horizon(&op, &ch, 0, 0, 0.4, 3, NULL, out,
	    tv, &err), -1);
	ck_assert(strstr(err.msg, "longer horizon") != NULL);
	free(ref);
	free(out);
	free(V);
	free(pi);
	grid_free(g);
}
END_TEST

/* gamma-MVE: with the exact tail value every H is exact; with no tail the
 * error is beta^H times the tail's expectation. */
START_TEST(test_gamma_mve)
{
	sx_grid *g = gm_load("small", gm_small_map);
	double wfull[GRID_MAX_PHI], *V = xmalloc(g->nstates * sizeof *V);
	unsigned char *pi = xmalloc(g->nstates);
	static const double w[2] = { 1, -0.3 };
	double *vt, est[30], est0[30];
	gchain ch;
	gchain_exact ex;
	gmodel_op op;
	sx_err err;

	grid_task(g, w, 2, wfull, &err);
	ck_assert_int_eq(vi_optimal(g, wfull, NULL, V, pi, &err), 0);
	ck_assert_int_eq(vi_evaluate(g, pi, wfull, V, &err), 0);
	gchain_init(&ch, g, pi, &err);
	vt = xcalloc(ch.n, sizeof *vt);
	for (size_t x = 0; x < 2 * g->nstates; x++)
		vt[x] = V[x / 2];
	op = gchain_exact_op(&ex, &ch, 0.6);
	ck_assert_int_eq(gcompose_mve(&op, &ch, 2 * g->start_state, -1, 0.9,
	    30, vt, wfull, est, &err), 0);
	ck_assert_int_eq(gcompose_mve(&op, &ch, 2 * g->start_state, -1, 0.9,
	    30, NULL, wfull, est0, &err), 0);
	for (int h = 0; h < 30; h++)
		ck_assert_double_lt(fabs(est[h] - V[g->start_state]), 1e-9);
	ck_assert_double_lt(fabs(est0[29] - V[g->start_state]),
	    fabs(est0[0] - V[g->start_state]));
	ck_assert_double_lt(fabs(est0[29] - V[g->start_state]),
	    pow(0.75, 30) * 100);
	free(vt);
	free(V);
	free(pi);
	grid_free(g);
}
END_TEST

Suite *
unit_suite(void)
{
	Suite *s = suite_create("gamma");
	TCase *tc = tcase_create("core");

	/* The composition test takes seconds under the sanitizers. */
	tcase_set_timeout(tc, 60);

	tcase_add_test(tc, test_gamma_value);
	tcase_add_test(tc, test_gamma_compose);
	tcase_add_test(tc, test_gamma_mve);
	suite_add_tcase(s, tc);
	return s;
}
