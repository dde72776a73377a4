/* plan.h: what the planning family (design, simulate, suggest) shares. */
#ifndef SX_COMMANDS_PLAN_H
#define SX_COMMANDS_PLAN_H

#include "sessions/cmd.h"

/* A design's runs as the family reads them: N and D per run and the cost
 * C of each (its C column, else 6 N D; D from C / (6 N) when the design
 * has C and no D). */
typedef struct plan_runs {
	size_t n;
	double *N, *D, *C;   /* one allocation: free(N) */
} plan_runs;

/* plan-args.c. Each reports through cmd_fail at argv index argi and
 * returns -1 (or NULL). */
int plan_runs_of(sx_ctx *ctx, int argi, const sx_dataset *ds, plan_runs *r);
/* The N and D of the rows fit f was fitted to, in r (C = 6 N D). */
int plan_runs_of_fit(sx_ctx *ctx, int argi, const sx_fitrec *f,
    const sx_model *m, plan_runs *r);
/* --at: the target budget, > 0 and finite. */
int plan_target(sx_ctx *ctx, const sx_args *a, double *C_at);

extern const sx_cmd cmd_design_isoflop_entry;
extern const sx_cmd cmd_design_grid_entry;
extern const sx_cmd cmd_simulate_entry;
extern const sx_cmd cmd_suggest_entry;

#endif
