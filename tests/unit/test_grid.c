/* test_grid.c: built-in worlds, transitions, the map loader's errors,
 * foraging episodes. */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "base/xalloc.h"
#include "rl/grid.h"
#include "tests/unit/unit.h"

START_TEST(test_fourroom_shape)
{
	grid_opts o = { 0 };
	sx_err err;
	sx_grid *g = grid_builtin("fourroom", &o, &err);
	int r, c, nwall = 0;
	uint32_t m;

	ck_assert_ptr_nonnull(g);
	/* 169 positions - 17 walls - 1 goal = 151 cells; 12 objects */
	for (r = 0; r < 13 * 13; r++)
		nwall += g->map[r] == 'X';
	ck_assert_int_eq(nwall, 17);
	ck_assert_int_eq(g->ncell, 151);
	ck_assert_int_eq(g->nobj, 12);
	ck_assert_uint_eq(g->nstates, 618496);
	ck_assert_int_eq(g->nw, 3);
	ck_assert_int_eq(g->nphi, 4);
	ck_assert_double_eq(g->gamma, 0.95);
	ck_assert_int_eq(g->horizon, 200);
	grid_state_decode(g, g->start_state, &r, &c, &m);
	ck_assert_int_eq(r, 12);
	ck_assert_int_eq(c, 0);
	ck_assert_uint_eq(m, 0);
	grid_free(g);
	o.goal = GRID_GOAL_SUM;
	g = grid_builtin("fourroom", &o, &err);
	ck_assert_int_eq(g->nphi, 3);
	ck_assert_double_eq(g->term_phi[0] + g->term_phi[1] + g->term_phi[2], 3);
	grid_free(g);
}
END_TEST

/* Moves from hand-picked cells against the printed map. */
START_TEST(test_fourroom_moves)
{
	sx_err err;
	sx_grid *g = grid_builtin("fourroom", NULL, &err);
	grid_outcome o[GRID_NACT];
	double phi[GRID_MAX_PHI];
	size_t s;
	int r, c;
	uint32_t m;

	/* start (12,0): LEFT and DOWN leave the grid: stay, phi = 0 */
	ck_assert_int_eq(grid_outcomes(g, g->start_state, GRID_LEFT, o), 1);
	ck_assert_uint_eq(o[0].next, g->start_state);
	ck_assert_int_eq(o[0].type, -1);
	grid_outcomes(g, g->start_state, GRID_DOWN, o);
	ck_assert_uint_eq(o[0].next, g->start_state);
	grid_outcomes(g, g->start_state, GRID_UP, o);
	grid_state_decode(g, o[0].next, &r, &c, &m);
	ck_assert_int_eq(r, 11);
	ck_assert_int_eq(c, 0);
	/* (12,5) RIGHT is the wall at (12,6) */
	s = grid_state(g, 12, 5, 0, &err);
	grid_outcomes(g, s, GRID_RIGHT, o);
	ck_assert_uint_eq(o[0].next, s);
	/* (0,1) LEFT enters the type-1 object at (0,0): collected once */
	s = grid_state(g, 0, 1, 0, &err);
	grid_outcomes(g, s, GRID_LEFT, o);
	ck_assert_int_eq(o[0].type, 0);
	grid_outcome_phi(g, &o[0], phi);
	ck_assert_double_eq(phi[0], 1);
	grid_state_decode(g, o[0].next, &r, &c, &m);
	ck_assert_int_eq(r, 0);
	ck_assert_int_eq(c, 0);
	ck_assert_uint_eq(m, 1);
	grid_outcomes(g, o[0].next, GRID_RIGHT, o);
	grid_outcomes(g, o[0].next, GRID_LEFT, o);
	ck_assert_int_eq(o[0].type, -1);
	s = grid_state(g, 0, 1, 1, &err);
	grid_outcomes(g, s, GRID_LEFT, o);
	ck_assert_int_eq(o[0].type, -1);
	/* (0,11) RIGHT reaches G: terminal with the unit goal feature */
	s = grid_state(g, 0, 11, 0, &err);
	grid_outcomes(g, s, GRID_RIGHT, o);
	ck_assert_uint_eq(o[0].next, GRID_TERMINAL);
	grid_outcome_phi(g, &o[0], phi);
	ck_assert_double_eq(phi[3], 1);
	ck_assert_double_eq(phi[0] + phi[1] + phi[2], 0);
	/* walls and goals are not states */
	ck_assert_uint_eq(grid_state(g, 6, 0, 0, &err), GRID_TERMINAL);
	ck_assert_uint_eq(grid_state(g, 0, 12, 0, &err), GRID_TERMINAL);
	ck_assert_uint_eq(grid_state(g, 13, 0, 0, &err), GRID_TERMINAL);
	ck_assert_uint_eq(grid_state(g, 0, 0, 1u << 12, &err), GRID_TERMINAL);
	grid_free(g);
}
END_TEST

START_TEST(test_argmax_ties)
{
	double q[4] = { 1, 2, 2 + 5e-10, 1 };
	int rev[4] = { 3, 2, 1, 0 }, bad[4] = { 0, 0, 1, 2 };

	ck_assert_int_eq(grid_argmax(q, NULL), GRID_UP);
	ck_assert_int_eq(grid_argmax(q, rev), GRID_RIGHT);
	q[2] = 2 + 2e-9;
	ck_assert_int_eq(grid_argmax(q, NULL), GRID_RIGHT);
	ck_assert(grid_tie_valid(rev));
	ck_assert(!grid_tie_valid(bad));
}
END_TEST

START_TEST(test_slip_outcomes)
{
	grid_opts o = { 0 };
	grid_outcome out[GRID_NACT];
	sx_err err;
	sx_grid *g;
	double sum = 0;
	int n, k;

	o.slip = 0.2;
	o.slip_set = 1;
	g = grid_builtin("corners", &o, &err);
	ck_assert_ptr_nonnull(g);
	ck_assert_int_eq(g->ncell, 22);
	ck_assert_int_eq(g->nphi, 3);
	n = grid_outcomes(g, g->start_state, GRID_UP, out);
	ck_assert_int_eq(n, 4);
	for (k = 0; k < n; k++)
		sum += out[k].p;
	ck_assert_close(sum, 1, 1e-15);
	ck_assert_close(out[GRID_UP].p, 0.85, 1e-15);
	ck_assert_close(out[GRID_LEFT].p, 0.05, 1e-15);
	grid_free(g);
}
END_TEST

/* Each bad map fails with its message at the given line and column. */
START_TEST(test_map_errors)
{
	static const struct {
		const char *text;
		int line, col;
		const char *msg;
	} cases[] = {
		{ "S.X\n..q\n", 2, 3, "wrong character 'q'" },
		{ "S..G\n...\n", 2, 4, "ragged row" },
		{ "...G\n1...\n", 0, 0, "no start" },
		{ "S.1.\n", 0, 0, "no goal" },
		{ "S1X.\n..XG\n", 2, 4, "cannot be reached" },
		{ "gamma 1.5\nS1G\n", 1, 7, "gamma must be" },
		{ "foo 1\nS1G\n", 1, 1, "unknown header" },
		{ "S1SG\n", 1, 3, "second start" },
		{ "# hi\n\nS1q\n", 3, 3, "wrong character" },
		{ "S1G\ngamma 0.5\n", 2, 1, "header line after" },
		{ "S.G\n", 0, 0, "no features" },
		{ "slip x\nS1G\n", 1, 6, "not a number" },
		{ "", 0, 0, "no map rows" },
		{ "S1G\t.\n", 1, 4, "wrong character" },
	};
	size_t i;

	for (i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		sx_err err;
		sx_grid *g;

		err_clear(&err);
		g = grid_parse(cases[i].text, "m.txt", NULL, &err);
		ck_assert_msg(g == NULL, "case %zu parsed", i);
		ck_assert_msg(strstr(err.msg, cases[i].msg) != NULL,
		    "case %zu: '%s'", i, err.msg);
		ck_assert_int_eq(err.line, cases[i].line);
		ck_assert_int_eq(err.col, cases[i].col);
		ck_assert_str_eq(err.where, "m.txt");
	}
}
END_TEST

START_TEST(test_map_too_big)
{
	char buf[8192], *p = buf;
	sx_err err;
	int r, c;

	/* a row of 65 cells */
	memset(buf, '.', 65);
	buf[0] = 'S';
	buf[1] = '1';
	buf[2] = 'G';
	buf[65] = '\0';
	ck_assert_ptr_null(grid_parse(buf, "w", NULL, &err));
	ck_assert_int_eq(err.line, 1);
	ck_assert_int_eq(err.col, 65);
	ck_assert(strstr(err.msg, "too big") != NULL);
	/* 17 objects */
	ck_assert_ptr_null(grid_parse("S11111111111111111G\n", "o", NULL, &err));
	ck_assert_int_eq(err.col, 18);
	ck_assert(strstr(err.msg, "more than 16 objects") != NULL);
	/* 64x64 with 16 objects: 4078 cells x 2^16 states */
	for (r = 0; r < 64; r++) {
		for (c = 0; c < 64; c++)
			*p++ = r == 0 && c == 0 ? 'S' : r == 63 && c == 63 ? 'G' :
			    r == 1 && c < 16 ? '1' : '.';
		*p++ = '\n';
	}
	*p = '\0';
	ck_assert_ptr_null(grid_parse(buf, "big", NULL, &err));
	ck_assert(strstr(err.msg, "too big") != NULL);
}
END_TEST

START_TEST(test_map_file)
{
	char path[] = "/tmp/sx_grid_testXXXXXX";
	int fd = mkstemp(path);
	FILE *f;
	sx_err err;
	sx_grid *g;

	ck_assert_int_ge(fd, 0);
	f = fdopen(fd, "w");
	fputs("# a small map\nname tiny\ngamma 0.5\nslip 0.25\n\nS.1\nX.A\n", f);
	fclose(f);
	g = grid_load(path, NULL, &err);
	ck_assert_msg(g != NULL, "%s", err.msg);
	ck_assert_str_eq(g->name, "tiny");
	ck_assert_double_eq(g->gamma, 0.5);
	ck_assert_double_eq(g->slip, 0.25);
	ck_assert_int_eq(g->nw, 2);
	ck_assert_int_eq(g->nphi, 2);
	ck_assert_int_eq(g->ncell, 4);
	grid_free(g);
	unlink(path);
	ck_assert_ptr_null(grid_load(path, NULL, &err));
	ck_assert_str_eq(err.where, path);
	ck_assert(strstr(err.msg, "cannot open") != NULL);
	ck_assert_ptr_null(grid_builtin("nope", NULL, &err));
}
END_TEST

/* Foraging keeps 6 objects of each type, is reproducible from its seed,
 * and its observation is the neighbourhood code. */
START_TEST(test_foraging)
{
	sx_err err;
	sx_grid *g = grid_builtin("foraging", NULL, &err);
	gsl_rng *r1 = grid_rng(7), *r2 = grid_rng(7);
	grid_run a, b;
	double phi[GRID_MAX_PHI], got = 0;
	int t, k, n1, n2;

	ck_assert_ptr_nonnull(g);
	ck_assert_uint_eq(g->nstates, 0);
	ck_assert_uint_eq(g->nobs, 81);
	grid_reset(g, &a, GRID_TERMINAL, r1);
	grid_reset(g, &b, GRID_TERMINAL, r2);
	for (t = 0; t < 200; t++) {
		int act = t % 7 == 0 ? GRID_DOWN : GRID_RIGHT, term, d;

		d = grid_step(g, &a, act, r1, phi, &term);
		got += phi[0] + phi[1];
		grid_step(g, &b, act, r2, phi, &term);
		ck_assert_int_eq(term, 0);
		ck_assert_int_eq(d, t == 199);
		ck_assert_uint_lt(grid_obs(g, &a), 81);
		ck_assert_uint_eq(grid_obs(g, &a), grid_obs(g, &b));
		n1 = n2 = 0;
		for (k = 0; k < GRID_FORAGE_CELLS; k++) {
			n1 += a.layout[k] == 1;
			n2 += a.layout[k] == 2;
		}
		ck_assert_int_eq(n1, 6);
		ck_assert_int_eq(n2, 6);
	}
	ck_assert(memcmp(a.layout, b.layout, sizeof a.layout) == 0);
	ck_assert(got > 0);
	/* the observation code of a hand-made layout */
	memset(a.layout, 0, sizeof a.layout);
	a.pos = 0;
	a.layout[9] = 1;	/* LEFT of (0,0) on the torus */
	a.layout[10] = 2;	/* DOWN */
	ck_assert_uint_eq(grid_obs(g, &a), 1 + 2 * 27);
	gsl_rng_free(r1);
	gsl_rng_free(r2);
	grid_free(g);
}
END_TEST

Suite *
unit_suite(void)
{
	Suite *s = suite_create("grid");
	TCase *tc = tcase_create("core");

	tcase_add_test(tc, test_fourroom_shape);
	tcase_add_test(tc, test_fourroom_moves);
	tcase_add_test(tc, test_argmax_ties);
	tcase_add_test(tc, test_slip_outcomes);
	tcase_add_test(tc, test_map_errors);
	tcase_add_test(tc, test_map_too_big);
	tcase_add_test(tc, test_map_file);
	tcase_add_test(tc, test_foraging);
	suite_add_tcase(s, tc);
	return s;
}
