/* fuzz_grid.c: fuzz target for the gridworld map loader (rl/grid.c). */
#include "config.h"

#include <stdlib.h>

#include "rl/grid.h"
#include "tests/fuzz/fuzz.h"

/*
 * A loaded world must be self-consistent: the start inside the grid, and
 * every action of the start state has outcomes whose probabilities sum
 * to one and whose next states exist.
 */
static void
fuzz_world(const sx_grid *g)
{
	grid_outcome o[8];
	double sum;
	int n;

	if (g->rows < 1 || g->cols < 1 || g->start < 0 ||
	    g->start >= g->rows * g->cols || g->nstates == 0 ||
	    g->start_state >= g->nstates)
		abort();
	for (int a = 0; a < GRID_NACT; a++) {
		n = grid_outcomes(g, g->start_state, a, o);
		if (n < 1 || n > 4)
			abort();
		sum = 0.0;
		for (int i = 0; i < n; i++) {
			if (o[i].next != GRID_TERMINAL && o[i].next >= g->nstates)
				abort();
			sum += o[i].p;
		}
		if (sum < 1.0 - 1e-9 || sum > 1.0 + 1e-9)
			abort();
	}
}

/*
 * Parse the input as a map file, with the default options and then with
 * the `sum` goal convention (which changes the feature count).
 */
int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char *text = fuzz_cstr(data, size);
	grid_opts o = { 0 };
	sx_grid *g;
	sx_err err;

	for (int pass = 0; pass < 2; pass++) {
		o.goal = pass == 0 ? GRID_GOAL_UNIT : GRID_GOAL_SUM;
		err_clear(&err);
		g = grid_parse(text, "fuzz.map", &o, &err);
		if (g == NULL) {
			if (err.msg[0] == '\0')
				abort();
			break;
		}
		fuzz_world(g);
		grid_free(g);
	}
	free(text);
	return 0;
}
