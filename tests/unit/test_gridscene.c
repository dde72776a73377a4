/* test_gridscene.c: the grid pane's scene against core's own rollouts. */
#include "config.h"

#include <math.h>

#include "rl/rollout.h"
#include "sessions/gridscene.h"
#include "tests/unit/unit.h"
#include "tests/unit/unit_ws.h"

static sx_workspace ws;

static void
setup(void)
{
	ws_init(&ws);
	unit_run(&ws, "grid load fourroom; sf base");
}

static void
teardown(void)
{
	ws_free(&ws);
}

START_TEST(test_start_and_arrows)
{
	const sx_grid *g = ws.grid;
	gridscene sc;

	gridscene_make(&ws, 0, 0, 0, &sc);
	ck_assert_int_eq(sc.policy, 1);
	ck_assert_int_eq(sc.values, 0);
	ck_assert_uint_eq(sc.npolicies, 3);
	ck_assert_uint_eq(gridscene_npolicies(&ws), 3);
	ck_assert_int_eq(sc.run.pos, g->start);
	ck_assert_int_eq(sc.run.t, 0);
	ck_assert_int_eq(sc.act[g->start], ws.base->pi[g->start_state]);
	for (int cell = 0; cell < g->rows * g->cols; cell++)
		if (g->map[cell] == 'X' || g->map[cell] == 'G' ||
		    (g->map[cell] >= '1' && g->map[cell] <= '9'))
			ck_assert_int_eq(sc.act[cell], -1);
		else
			ck_assert_int_ge(sc.act[cell], 0);
	gridscene_free(&sc);
}
END_TEST

/* Where the scene puts the agent after k steps is where core's rollout of
 * the same policy and seed is (rollout_run, written independently). */
START_TEST(test_rollout_matches_core)
{
	const sx_grid *g = ws.grid;
	const sf_base *b = ws.base;

	for (size_t i = 0; i < b->n; i++) {
		double wfull[GRID_MAX_PHI];
		rl_path path;
		sx_err err;

		ck_assert_int_eq(grid_task(g, &b->w[i * (size_t)b->nw],
		    (size_t)b->nw, wfull, &err), 0);
		ck_assert_int_eq(rollout_run(g, &b->pi[i * b->nobs], wfull, 0,
		    GRID_TERMINAL, 1, &path, &err), 0);
		for (size_t k = 0; k <= path.len; k++) {
			gridscene sc;

			gridscene_make(&ws, i, (int)k, 0, &sc);
			ck_assert_uint_eq(sc.sel, i);
			ck_assert_int_eq(sc.run.pos, path.pos[k]);
			ck_assert_int_eq(sc.run.t, (int)k);
			gridscene_free(&sc);
		}
		rollout_path_free(&path);
	}
}
END_TEST

/* Values are psi_i(s, pi_i(s)) . w_i at the rollout's collected set. */
START_TEST(test_values_are_psi_dot_w)
{
	const sx_grid *g = ws.grid;
	const sf_base *b = ws.base;
	double wfull[GRID_MAX_PHI], psi[GRID_MAX_PHI];
	size_t checked = 0;
	gridscene sc;
	sx_err err;

	gridscene_make(&ws, 1, 0, 1, &sc);
	ck_assert_int_eq(sc.values, 1);
	ck_assert_int_eq(grid_task(g, &b->w[(size_t)b->nw], (size_t)b->nw,
	    wfull, &err), 0);
	ck_assert(sc.vlo < sc.vhi);
	for (int cell = 0; cell < g->rows * g->cols; cell++) {
		size_t s;
		double v = 0;

		if (sc.act[cell] < 0) {
			ck_assert(isnan(sc.value[cell]));
			continue;
		}
		s = grid_state(g, cell / g->cols, cell % g->cols, 0, &err);
		sf_base_psi(g, b, 1, s, sc.act[cell], psi);
		for (int k = 0; k < b->nphi; k++)
			v += psi[k] * wfull[k];
		ck_assert_double_eq_tol(sc.value[cell], v, 1e-12);
		ck_assert(v >= sc.vlo && v <= sc.vhi);
		checked++;
	}
	ck_assert_uint_gt(checked, 100);
	gridscene_free(&sc);
}
END_TEST

START_TEST(test_out_of_range_and_no_base)
{
	gridscene sc;

	gridscene_make(&ws, 7, 0, 0, &sc);
	ck_assert_uint_eq(sc.sel, 0);
	gridscene_free(&sc);
	ws_free(&ws);
	ws_init(&ws);
	unit_run(&ws, "grid load fourroom");
	gridscene_make(&ws, 0, 5, 1, &sc);
	ck_assert_int_eq(sc.policy, 0);
	ck_assert_int_eq(sc.values, 0);
	ck_assert_uint_eq(sc.npolicies, 1);
	ck_assert_int_eq(sc.run.pos, ws.grid->start);
	ck_assert_ptr_null(sc.act);
	gridscene_free(&sc);
}
END_TEST

Suite *
unit_suite(void)
{
	Suite *s = suite_create("gridscene");
	TCase *tc = tcase_create("gridscene");

	/* The fixture builds a base per test: about 0.5 s, ten times that
	 * under the sanitizers on a loaded machine, past Check's 4 s. */
	tcase_set_timeout(tc, 120);
	tcase_add_checked_fixture(tc, setup, teardown);
	tcase_add_test(tc, test_start_and_arrows);
	tcase_add_test(tc, test_rollout_matches_core);
	tcase_add_test(tc, test_values_are_psi_dot_w);
	tcase_add_test(tc, test_out_of_range_and_no_base);
	suite_add_tcase(s, tc);
	return s;
}
