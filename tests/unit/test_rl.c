/* test_rl.c: exact solvers, successor features, GPE/GPI and gamma-models on
 * fourroom and corners, against Bellman equations, closed forms, the
 * map's mirror symmetry and a dense linear solve. */
#include "config.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include <gsl/gsl_linalg.h>

#include "base/xalloc.h"
#include "rl/gmodel.h"
#include "rl/gpi.h"
#include "rl/grid.h"
#include "rl/sf.h"
#include "rl/vi.h"
#include "tests/unit/unit.h"

static const double unit_base3[9] = { 1, 0, 0, 0, 1, 0, 0, 0, 1 };
static const double unit_tasks[3][3] = {
	{ 1, 1, 1 }, { 1, -1, 0 }, { -1, -1, -1 }
};

static sx_grid *
load(const char *name, grid_goal goal, double slip)
{
	grid_opts o = { 0 };
	sx_err err;
	sx_grid *g;

	o.goal = goal;
	o.slip = slip;
	o.slip_set = 1;
	g = grid_builtin(name, &o, &err);
	ck_assert_msg(g != NULL, "%s", err.msg);
	return g;
}

/* Residuals of V*, Q* (derived by lookahead, checked against its own
 * Bellman equation) and psi below 1e-9, for both goal conventions. */
START_TEST(test_bellman_residuals)
{
	int goal;

	for (goal = 0; goal < 2; goal++) {
		sx_grid *g = load("fourroom", (grid_goal)goal, 0);
		double *V = xmalloc(g->nstates * sizeof *V), wf[GRID_MAX_PHI];
		double *psi = xmalloc(g->nstates * 4 * sizeof *psi), worst = 0;
		unsigned char *pi = xmalloc(g->nstates);
		sx_err err;
		size_t i, s;

		for (i = 0; i < 3; i++) {
			grid_task(g, unit_tasks[i], 3, wf, NULL);
			ck_assert_int_eq(vi_optimal(g, wf, NULL, V, pi, &err), 0);
			ck_assert_double_lt(vi_residual_optimal(g, V, wf), 1e-9);
			ck_assert_double_lt(vi_residual_eval(g, pi, V, wf), 1e-9);
			/* Q*(s,a) - [r + gamma E max_a' Q*(s',a')] */
			for (s = 0; s < g->nstates; s += 97) {
				double q[4], q2[4];
				grid_outcome o[4];
				int a, n, k;

				vi_q(g, V, wf, s, q);
				for (a = 0; a < 4; a++) {
					double t = 0;

					n = grid_outcomes(g, s, a, o);
					for (k = 0; k < n; k++) {
						t += o[k].p * grid_outcome_reward(g,
						    &o[k], wf);
						if (o[k].next == GRID_TERMINAL)
							continue;
						vi_q(g, V, wf, o[k].next, q2);
						t += o[k].p * g->gamma * fmax(fmax(q2[0],
						    q2[1]), fmax(q2[2], q2[3]));
					}
					worst = fmax(worst, fabs(t - q[a]));
				}
			}
			ck_assert_double_lt(worst, 1e-9);
			ck_assert_int_eq(vi_psi(g, pi, psi, &err), 0);
			ck_assert_double_lt(vi_residual_psi(g, pi, psi), 1e-9);
			/* w . psi^pi is V^pi = V* for the optimal pi */
			for (s = 0; s < g->nstates; s += 13) {
				double v = 0;
				int k;

				for (k = 0; k < g->nphi; k++)
					v += wf[k] * psi[s * (size_t)g->nphi + (size_t)k];
				worst = fmax(worst, fabs(v - V[s]));
			}
			ck_assert_double_lt(worst, 1e-9);
		}
		free(V);
		free(psi);
		free(pi);
		grid_free(g);
	}
}
END_TEST

/* Closed form: w=(-1,-1,-1) with a unit goal is worth gamma^(d-1) for the
 * shortest object-free path to G: d = 24 = the Manhattan distance from
 * (12,0) to (0,12), met by a monotone path found by hand (up to row 9,
 * right to column 9, up through the gap at (6,9) to row 3, right to column
 * 12, up to G). */
START_TEST(test_closed_form_goal)
{
	sx_grid *g = load("fourroom", GRID_GOAL_UNIT, 0);
	double *V = xmalloc(g->nstates * sizeof *V), wf[4];
	sx_err err;
	size_t s;

	grid_task(g, unit_tasks[2], 3, wf, NULL);
	ck_assert_int_eq(vi_optimal(g, wf, NULL, V, NULL, &err), 0);
	ck_assert_close(V[g->start_state], pow(0.95, 23), 1e-12);
	/* next to G with everything collected: one step */
	s = grid_state(g, 0, 11, 0xfff, &err);
	ck_assert_close(V[s], 1, 1e-15);
	s = grid_state(g, 1, 12, 0, &err);
	ck_assert_close(V[s], 1, 1e-15);
	free(V);
	grid_free(g);
}
END_TEST

/* V^pi_i <= V^GPI <= V* at every state, both goal conventions. */
START_TEST(test_gpi_bounds)
{
	int goal;

	for (goal = 0; goal < 2; goal++) {
		sx_grid *g = load("fourroom", (grid_goal)goal, 0);
		double wf[GRID_MAX_PHI];
		size_t i, k, s, bad = 0, strict = 0;
		sf_base *b;
		sx_err err;

		ck_assert_int_eq(sf_base_exact(g, unit_base3, 3, NULL, &b, &err),
		    0);
		for (i = 0; i < 3; i++) {
			gpi_values *v;

			grid_task(g, unit_tasks[i], 3, wf, NULL);
			ck_assert_int_eq(gpi_values_compute(g, b, wf, NULL, &v,
			    &err), 0);
			/* count violations (one assertion: Check logs each) */
			for (s = 0; s < g->nstates; s++) {
				for (k = 0; k < 3; k++)
					bad += v->gpi[s] <
					    v->base[k * g->nstates + s] - 1e-9;
				bad += v->gpi[s] > v->opt[s] + 1e-9;
				strict += v->gpi[s] > v->base[g->nstates + s] + 1e-6;
			}
			ck_assert_uint_eq(bad, 0);
			gpi_values_free(v);
		}
		/* and GPI does improve on a base policy somewhere */
		ck_assert_uint_gt(strict, 0);
		/* GPE at the start agrees with the per-state values */
		{
			double q[12], vb;
			size_t s0 = g->start_state;

			grid_task(g, unit_tasks[1], 3, wf, NULL);
			gpe_q(g, b, wf, s0, q);
			for (k = 0; k < 3; k++) {
				int a = b->pi[k * g->nstates + s0], j;

				vb = 0;
				for (j = 0; j < g->nphi; j++)
					vb += wf[j] * b->psi[(k * g->nstates + s0) *
					    (size_t)g->nphi + (size_t)j];
				ck_assert_close(q[k * 4 + (size_t)a], vb, 1e-12);
			}
		}
		sf_base_free(b);
		grid_free(g);
	}
}
END_TEST

/* The mirror (r,c) -> (12-c, 12-r). */
static size_t
mirror_state(const sx_grid *g, size_t s, const int *objmap)
{
	int r, c, k;
	uint32_t m, m2 = 0;
	size_t t;

	grid_state_decode(g, s, &r, &c, &m);
	for (k = 0; k < g->nobj; k++)
		if ((m >> k) & 1u)
			m2 |= 1u << objmap[k];
	t = grid_state(g, 12 - c, 12 - r, m2, NULL);
	return t != GRID_TERMINAL ? t : 0;
}

START_TEST(test_mirror_symmetry)
{
	static const int actmap[4] = { GRID_DOWN, GRID_RIGHT, GRID_UP, GRID_LEFT };
	static const int rev[4] = { 3, 2, 1, 0 };
	static const double ws[3][3] = {
		{ 1, -1, 0 }, { 0.3, 1, -0.5 }, { -1, 0.2, 0.7 }
	};
	sx_grid *g = load("fourroom", GRID_GOAL_UNIT, 0);
	int objmap[16], k, j;
	sf_base *bn, *br;
	sx_err err;
	size_t i, s, bad = 0;

	/* the map itself: mirrored cells agree, types 2 and 3 swapped */
	for (k = 0; k < 169; k++) {
		int r = k / 13, c = k % 13, ch = g->map[k];
		int mc = g->map[(12 - c) * 13 + (12 - r)];

		ck_assert_int_eq(mc, ch == '2' ? '3' : ch == '3' ? '2' : ch);
	}
	for (k = 0; k < g->nobj; k++) {
		int r = g->obj_pos[k] / 13, c = g->obj_pos[k] % 13;

		for (j = 0; j < g->nobj; j++)
			if (g->obj_pos[j] == (12 - c) * 13 + (12 - r))
				objmap[k] = j;
	}
	ck_assert_int_eq(sf_base_exact(g, unit_base3, 3, NULL, &bn, &err), 0);
	ck_assert_int_eq(sf_base_exact(g, unit_base3, 3, rev, &br, &err), 0);
	for (i = 0; i < 3; i++) {
		double w[3], wsw[3], wf[4], wfs[4];
		gpi_values *vn, *vr;

		memcpy(w, ws[i], sizeof w);
		wsw[0] = w[0];
		wsw[1] = w[2];
		wsw[2] = w[1];
		grid_task(g, w, 3, wf, NULL);
		grid_task(g, wsw, 3, wfs, NULL);
		ck_assert_int_eq(gpi_values_compute(g, bn, wfs, NULL, &vn, &err),
		    0);
		ck_assert_int_eq(gpi_values_compute(g, br, wf, rev, &vr, &err),
		    0);
		ck_assert_close(vr->opt[g->start_state], vn->opt[g->start_state],
		    1e-12);
		for (s = 0; s < g->nstates; s++) {
			size_t ms = mirror_state(g, s, objmap);

			bad += fabs(vr->opt[s] - vn->opt[ms]) > 1e-9;
			bad += vr->pi_gpi[s] != actmap[vn->pi_gpi[ms]];
			bad += fabs(vr->gpi[s] - vn->gpi[ms]) > 1e-9;
		}
		ck_assert_uint_eq(bad, 0);
		gpi_values_free(vn);
		gpi_values_free(vr);
	}
	sf_base_free(bn);
	sf_base_free(br);
	grid_free(g);
}
END_TEST

/* corners, no slip: psi_i at the start is gamma^(d-1) on goal i (d = 5, 7,
 * 3 steps to A, B, C) and 0 elsewhere; GPI = V* everywhere on one-hot and
 * mixed non-negative tasks (and on (1,-1,0), where avoiding B costs
 * nothing). */
START_TEST(test_corners_closed_form)
{
	static const int dist[3] = { 5, 7, 3 };
	static const double ws[][3] = {
		{ 1, 0, 0 }, { 0, 1, 0 }, { 0, 0, 1 }, { 1, 1, 0 },
		{ 0.5, 1, 2 }, { 1, 0.5, 0.2 }, { 1, -1, 0 }
	};
	sx_grid *g = load("corners", GRID_GOAL_UNIT, 0);
	double psi[3], wf[3];
	sf_base *b;
	sx_err err;
	size_t i, s;
	int k;

	ck_assert_int_eq(sf_base_exact(g, unit_base3, 3, NULL, &b, &err), 0);
	for (i = 0; i < 3; i++) {
		sf_base_psi(g, b, i, g->start_state, b->pi[i * g->nstates +
		    g->start_state], psi);
		for (k = 0; k < 3; k++)
			ck_assert_close(psi[k] + 1, 1 + ((size_t)k == i ?
			    pow(0.9, dist[i] - 1) : 0), 1e-14);
	}
	for (i = 0; i < sizeof ws / sizeof ws[0]; i++) {
		gpi_values *v;

		grid_task(g, ws[i], 3, wf, NULL);
		ck_assert_int_eq(gpi_values_compute(g, b, wf, NULL, &v, &err), 0);
		for (s = 0; s < g->nstates; s++)
			ck_assert_double_lt(fabs(v->gpi[s] - v->opt[s]), 1e-12);
		gpi_values_free(v);
	}
	sf_base_free(b);
	grid_free(g);
}
END_TEST

/* Which base policy GPI follows on corners (no walls, no slip) for
 * w = 1,1,1: every base policy scores gamma^(d_i - 1) at its best action
 * from a cell at Manhattan distance d_i of its goal, so GPI follows the
 * base policy of the nearest goal, of equally near ones the lowest; the
 * shares count those cells. gpi_which agrees with
 * gpi_values_compute's winners. */
START_TEST(test_gpi_which_corners)
{
	static const int goal[3][2] = { { 0, 0 }, { 0, 4 }, { 4, 4 } };
	static const double w[3] = { 1, 1, 1 };
	sx_grid *g = load("corners", GRID_GOAL_UNIT, 0);
	double wf[3], share[3], want[3] = { 0, 0, 0 };
	size_t *who, s;
	gpi_values *v;
	sf_base *b;
	sx_err err;

	ck_assert_int_eq(sf_base_exact(g, unit_base3, 3, NULL, &b, &err), 0);
	grid_task(g, w, 3, wf, NULL);
	ck_assert_int_eq(gpi_values_compute(g, b, wf, NULL, &v, &err), 0);
	who = xreallocarray(NULL, g->nstates, sizeof *who);
	ck_assert_int_eq(gpi_which(g, b, wf, NULL, who, share, &err), 0);
	ck_assert_uint_eq(g->nstates, 22);
	for (s = 0; s < g->nstates; s++) {
		int p = g->cell_pos[s], r = p / g->cols, c = p % g->cols;
		size_t i, near = 0;
		int dbest = 1 << 30;

		for (i = 0; i < 3; i++) {
			int d = abs(r - goal[i][0]) + abs(c - goal[i][1]);

			if (d < dbest) {
				dbest = d;
				near = i;
			}
		}
		ck_assert_msg(v->which[s] == near, "cell %d,%d: follows %zu, "
		    "nearest goal %zu", r, c, v->which[s], near);
		ck_assert_uint_eq(who[s], near);
		want[near] += 1.0 / 22;
	}
	for (s = 0; s < 3; s++)
		ck_assert_close(share[s], want[s], 1e-15);
	/* 11, 5 and 6 cells, counted by hand on the 5x5 map. */
	ck_assert_close(want[0] * 22, 11, 1e-12);
	ck_assert_close(want[1] * 22, 5, 1e-12);
	/* A one-hot task: GPI follows its base policy everywhere. */
	grid_task(g, unit_base3 + 3, 3, wf, NULL);
	ck_assert_int_eq(gpi_which(g, b, wf, NULL, who, share, &err), 0);
	ck_assert_close(share[1], 1, 1e-15);
	free(who);
	gpi_values_free(v);
	sf_base_free(b);
	grid_free(g);
}
END_TEST
/* corners with slip: residuals, and psi against a dense solve of
 * (I - gamma P_pi) psi = phi_pi. */
START_TEST(test_corners_slip_dense)
{
	sx_grid *g = load("corners", GRID_GOAL_UNIT, 0.3);
	size_t n = g->nstates, s;
	gsl_matrix *A = gsl_matrix_calloc(n, n);
	gsl_matrix *B = gsl_matrix_calloc(n, 3);
	gsl_permutation *perm = gsl_permutation_alloc(n);
	gsl_vector_view col;
	double wf[3] = { 0.2, 1, -0.4 }, *V = xmalloc(n * sizeof *V);
	double *psi = xmalloc(n * 3 * sizeof *psi);
	unsigned char *pi = xmalloc(n);
	sx_err err;
	int sign, k, j;

	ck_assert_int_eq(vi_optimal(g, wf, NULL, V, pi, &err), 0);
	ck_assert_double_lt(vi_residual_optimal(g, V, wf), 1e-9);
	ck_assert_int_eq(vi_psi(g, pi, psi, &err), 0);
	ck_assert_double_lt(vi_residual_psi(g, pi, psi), 1e-9);
	for (s = 0; s < n; s++) {
		grid_outcome o[4];
		double phi[3];
		int cnt = grid_outcomes(g, s, pi[s], o);

		*gsl_matrix_ptr(A, s, s) += 1;
		for (j = 0; j < cnt; j++) {
			grid_outcome_phi(g, &o[j], phi);
			for (k = 0; k < 3; k++)
				*gsl_matrix_ptr(B, s, (size_t)k) += o[j].p * phi[k];
			if (o[j].next != GRID_TERMINAL)
				*gsl_matrix_ptr(A, s, o[j].next) -= g->gamma * o[j].p;
		}
	}
	gsl_linalg_LU_decomp(A, perm, &sign);
	for (k = 0; k < 3; k++) {
		col = gsl_matrix_column(B, (size_t)k);
		gsl_linalg_LU_svx(A, perm, &col.vector);
		for (s = 0; s < n; s++)
			ck_assert_double_lt(fabs(gsl_matrix_get(B, s, (size_t)k) -
			    psi[s * 3 + (size_t)k]), 1e-10);
	}
	gsl_matrix_free(A);
	gsl_matrix_free(B);
	gsl_permutation_free(perm);
	free(V);
	free(psi);
	free(pi);
	grid_free(g);
}
END_TEST

/* The gamma-model on corners with slip against the dense formula
 * mu = (1 - gamma) p_sa (I - gamma P)^-1 with absorbing terminal cells;
 * and on fourroom it sums to 1. */
START_TEST(test_gmodel)
{
	sx_grid *g = load("corners", GRID_GOAL_UNIT, 0.2);
	size_t n = g->nstates, N = n + (size_t)g->nterm, s0, i, x;
	gsl_matrix *A = gsl_matrix_calloc(N, N);
	gsl_vector *row = gsl_vector_calloc(N);
	gsl_permutation *perm = gsl_permutation_alloc(N);
	double wf[3] = { 1, 0, 0 }, *V = xmalloc(n * sizeof *V), mu[25], sum = 0;
	unsigned char *pi = xmalloc(n);
	grid_outcome o[4];
	sx_err err;
	int sign, j, cnt, a = GRID_RIGHT;

	ck_assert_int_eq(vi_optimal(g, wf, NULL, V, pi, &err), 0);
	/* extended chain: states 0..n-1, then terminals absorbing */
	for (x = 0; x < N; x++)
		*gsl_matrix_ptr(A, x, x) += 1;
	for (x = 0; x < n; x++) {
		cnt = grid_outcomes(g, x, pi[x], o);
		for (j = 0; j < cnt; j++)
			*gsl_matrix_ptr(A, x, o[j].next == GRID_TERMINAL ?
			    n + (size_t)o[j].term : o[j].next) -=
			    g->gamma * o[j].p;
	}
	for (x = n; x < N; x++)
		*gsl_matrix_ptr(A, x, x) -= g->gamma;
	s0 = g->start_state;
	cnt = grid_outcomes(g, s0, a, o);
	for (j = 0; j < cnt; j++)
		*gsl_vector_ptr(row, o[j].next == GRID_TERMINAL ?
		    n + (size_t)o[j].term : o[j].next) += (1 - g->gamma) * o[j].p;
	/* mu' = row' A^-1  <=>  A' mu = row */
	gsl_matrix_transpose(A);
	gsl_linalg_LU_decomp(A, perm, &sign);
	gsl_linalg_LU_svx(A, perm, row);
	ck_assert_int_eq(gmodel_compute(g, pi, s0, a, mu, &err), 0);
	for (i = 0; i < 25; i++) {
		double want = 0;

		for (x = 0; x < n; x++)
			if ((size_t)g->cell_pos[x] == i)
				want += gsl_vector_get(row, x);
		for (x = n; x < N; x++)
			if ((size_t)g->term_pos[x - n] == i)
				want += gsl_vector_get(row, x);
		ck_assert_double_lt(fabs(mu[i] - want), 1e-12);
		sum += mu[i];
	}
	ck_assert_double_lt(fabs(sum - 1), 1e-12);
	ck_assert_int_ne(gmodel_compute(g, pi, n, 0, mu, &err), 0);
	gsl_matrix_free(A);
	gsl_vector_free(row);
	gsl_permutation_free(perm);
	free(V);
	free(pi);
	grid_free(g);
	{
		sx_grid *f = load("fourroom", GRID_GOAL_UNIT, 0);
		double *Vf = xmalloc(f->nstates * sizeof *Vf), m2[169], wf4[4];
		unsigned char *pf = xmalloc(f->nstates);

		grid_task(f, unit_tasks[0], 3, wf4, NULL);
		ck_assert_int_eq(vi_optimal(f, wf4, NULL, Vf, pf, &err), 0);
		ck_assert_int_eq(gmodel_compute(f, pf, f->start_state, GRID_UP,
		    m2, &err), 0);
		sum = 0;
		for (i = 0; i < 169; i++) {
			ck_assert(m2[i] >= 0);
			if (f->map[i] == 'X')
				ck_assert_double_eq(m2[i], 0);
			sum += m2[i];
		}
		ck_assert_double_lt(fabs(sum - 1), 1e-12);
		free(Vf);
		free(pf);
		grid_free(f);
	}
}
END_TEST

START_TEST(test_errors)
{
	sx_grid *g = load("foraging", GRID_GOAL_UNIT, 0);
	double wf[2] = { 1, 0 }, V[4];
	sf_base *b = NULL;
	sx_err err;

	err_clear(&err);
	ck_assert_int_eq(vi_optimal(g, wf, NULL, V, NULL, &err), -1);
	ck_assert(strstr(err.msg, "no exact model") != NULL);
	ck_assert_int_eq(sf_base_exact(g, wf, 1, NULL, &b, &err), -1);
	ck_assert_ptr_null(b);
	grid_free(g);
	g = load("corners", GRID_GOAL_UNIT, 0);
	ck_assert_int_eq(grid_task(g, wf, 2, V, &err), -1);
	ck_assert(strstr(err.msg, "needs 3 weights") != NULL);
	ck_assert_int_eq(sf_base_exact(g, unit_base3, 0, NULL, &b, &err), -1);
	grid_free(g);
}
END_TEST

Suite *
unit_suite(void)
{
	Suite *s = suite_create("rl");
	TCase *tc = tcase_create("exact");

	tcase_set_timeout(tc, 600);
	tcase_add_test(tc, test_bellman_residuals);
	tcase_add_test(tc, test_closed_form_goal);
	tcase_add_test(tc, test_gpi_bounds);
	tcase_add_test(tc, test_mirror_symmetry);
	tcase_add_test(tc, test_corners_closed_form);
	tcase_add_test(tc, test_gpi_which_corners);
	tcase_add_test(tc, test_corners_slip_dense);
	tcase_add_test(tc, test_gmodel);
	tcase_add_test(tc, test_errors);
	suite_add_tcase(s, tc);
	return s;
}
