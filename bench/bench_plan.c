/*
 * bench_plan.c: simulate's hot path: 1,000 refits of Hoffmann et al.'s
 * approach 3 (Huber delta 1e-3 on log residuals, the 4,500-start grid)
 * on a 45-run IsoFLOP design (5 budgets x 9 sizes) drawn from the
 * hoffmann2022 preset with 1 % log-normal noise, on 2 threads: wall time
 * and the process's CPU time. The target is under a minute on 2 cores.
 * Run with an argument K for K refits instead of 1,000.
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "scaling/design.h"
#include "scaling/presets.h"
#include "scaling/simulate.h"
#include "bench/benchutil.h"

int
main(int argc, char **argv)
{
	const sx_preset_law *l = preset_law(preset_find("hoffmann2022"),
	    "L(N,D)");
	sx_err e;
	sx_dataset *ds = design_isoflop("d", 1e18, 1e21, 5, 9, 2, 200, 6, &e);
	sx_starts st = { SX_STARTS_GRID, 0, NULL, 0, 0 };
	sx_fit_opts o;
	sx_sim_spec s;
	sx_sim_result r;
	double w0, c0, w, c;

	memset(&o, 0, sizeof o);
	o.space = SX_SPACE_LOG;
	o.loss = SX_LOSS_HUBER;
	o.delta = 1e-3;
	o.starts = &st;
	memset(&s, 0, sizeof s);
	s.truth = s.fitm = model_builtin(l->model);
	s.ptrue = l->pvals;
	s.fit = &o;
	s.sigma = 0.01;
	s.reps = argc > 1 ? strtoul(argv[1], NULL, 10) : 1000;
	s.seed = 1;
	s.threads = 2;
	s.k = 6;
	s.C_at = 1e24;
	s.level = 0.9;
	w0 = bench_clock_s(CLOCK_MONOTONIC);
	c0 = bench_clock_s(CLOCK_PROCESS_CPUTIME_ID);
	if (sim_run(&s, ds->cols[0].v, ds->cols[1].v, ds->nrows, &r, NULL, NULL,
	    &e) != 0) {
		fprintf(stderr, "bench_plan: %s\n", e.msg);
		return 1;
	}
	w = bench_clock_s(CLOCK_MONOTONIC) - w0;
	c = bench_clock_s(CLOCK_PROCESS_CPUTIME_ID) - c0;
	printf("simulate: %zu approach-3 refits (huber 1e-3, 4,500-start grid) "
	    "of a %zu-run design on 2 threads: %.1f s wall, %.1f s CPU "
	    "(%.1f ms a refit); %zu failed, sd(a) %.4f\n", s.reps, ds->nrows, w,
	    c, 1e3 * c / (double)s.reps, r.nfail, r.q[s.fitm->np].sd);
	sim_result_free(&r);
	dataset_free(ds);
	return 0;
}
