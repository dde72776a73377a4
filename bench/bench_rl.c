/* bench_rl.c: times exact base policies, successor features and GPI on
 * fourroom, and prints start-state values and peak memory. */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <sys/resource.h>
#include <time.h>

#include "rl/gpi.h"
#include "rl/grid.h"
#include "rl/sf.h"
#include "bench/benchutil.h"

/* One goal convention: base e1 e2 e3 and GPI on three tasks; returns the
 * total seconds or -1. */
static double
bench_goal(grid_goal goal, int verbose)
{
	static const double base[9] = { 1, 0, 0, 0, 1, 0, 0, 0, 1 };
	static const double tasks[3][3] = {
		{ 1, 1, 1 }, { 1, -1, 0 }, { -1, -1, -1 }
	};
	grid_opts o = { 0 };
	double t0, t1, t2, wfull[GRID_MAX_PHI];
	sf_base *b;
	sx_grid *g;
	sx_err err;
	size_t i, k;

	o.goal = goal;
	err_clear(&err);
	t0 = bench_clock_s(CLOCK_MONOTONIC);
	if ((g = grid_builtin("fourroom", &o, &err)) == NULL ||
	    sf_base_exact(g, base, 3, NULL, &b, &err) != 0) {
		fprintf(stderr, "bench_rl: %s\n", err.msg);
		return -1;
	}
	t1 = bench_clock_s(CLOCK_MONOTONIC);
	for (i = 0; i < 3; i++) {
		gpi_values *v;
		size_t s0 = g->start_state;

		grid_task(g, tasks[i], 3, wfull, NULL);
		if (gpi_values_compute(g, b, wfull, NULL, &v, &err) != 0) {
			fprintf(stderr, "bench_rl: %s\n", err.msg);
			return -1;
		}
		if (verbose) {
			printf("  %s w=(%g,%g,%g): V*=%.9f GPI=%.9f base=",
			    goal == GRID_GOAL_UNIT ? "unit" : "sum ",
			    tasks[i][0], tasks[i][1], tasks[i][2], v->opt[s0],
			    v->gpi[s0]);
			for (k = 0; k < v->n; k++)
				printf("%s%.9f", k ? "," : "",
				    v->base[k * v->nstates + s0]);
			printf("\n");
		}
		gpi_values_free(v);
	}
	t2 = bench_clock_s(CLOCK_MONOTONIC);
	if (verbose)
		printf("  %s: %zu states; base+psi %.3f s, 3 x (GPI + V* + "
		    "GPI eval) %.3f s\n", goal == GRID_GOAL_UNIT ? "unit" : "sum",
		    g->nstates, t1 - t0, t2 - t1);
	sf_base_free(b);
	grid_free(g);
	return t2 - t0;
}

int
main(int argc, char **argv)
{
	int reps = argc > 1 ? atoi(argv[1]) : 5, r;
	double times[64], tmp;
	struct rusage ru;
	int i, j;

	if (reps < 1 || reps > 64)
		reps = 5;
	if (bench_goal(GRID_GOAL_UNIT, 1) < 0 || bench_goal(GRID_GOAL_SUM, 1) < 0)
		return 1;
	for (r = 0; r < reps; r++)
		times[r] = bench_goal(GRID_GOAL_UNIT, 0);
	for (i = 0; i < reps; i++)
		for (j = i + 1; j < reps; j++)
			if (times[j] < times[i]) {
				tmp = times[i];
				times[i] = times[j];
				times[j] = tmp;
			}
	getrusage(RUSAGE_SELF, &ru);
	printf("fourroom base(e1,e2,e3)+psi+3 GPI tasks: median %.3f s over "
	    "%d runs; peak RSS %ld MB\n", times[reps / 2], reps,
	    ru.ru_maxrss / 1024);
	return 0;
}
