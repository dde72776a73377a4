/* rollout.c: rollout: one episode of a policy, drawn step by step. */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "base/xalloc.h"
#include "commands/rl/rl.h"
#include "rl/rollout.h"
#include "rl/sf.h"
#include "views/view.h"

/*
 * The episode's events in step order: "pickups", the objects collected
 * (number: which object of a tabular grid, null on foraging, where
 * objects respawn), and "reached", the terminal it ended at, or null.
 */
static void
gr_rec_events(sx_rec *r, const sx_grid *g, const rl_path *p)
{
	sx_rec *pickups = rec_arr(r, "pickups");
	int reached = -1;

	for (size_t t = 0; t < p->len; t++) {
		int at = p->pos[t + 1], num = 0;
		char name[8];
		sx_rec *e;

		if (p->event[t] <= -2)
			reached = (int)t;
		if (p->event[t] < 0)
			continue;
		e = rec_obj(pickups, NULL);
		rec_int(e, "step", (long long)t + 1);
		rec_int(e, "type", p->event[t] + 1);
		gr_rec_cell(e, "cell", g, at);
		rec_num(e, "reward", p->reward[t]);
		for (int j = 0; g->kind == GRID_TABULAR && j < g->nobj; j++)
			if (g->obj_pos[j] == at)
				num = j + 1;
		if (num > 0)
			rec_int(e, "number", num);
		else
			rec_null(e, "number");
		gr_feature_name(g, p->event[t], name, sizeof name);
		rec_str(e, "feature", name);
	}
	if (reached >= 0) {
		sx_rec *e = rec_obj(r, "reached");
		int at = p->pos[reached + 1];
		char letter[2] = { g->map[at], '\0' };

		rec_int(e, "step", (long long)reached + 1);
		rec_str(e, "terminal", letter);
		gr_rec_cell(e, "cell", g, at);
		rec_num(e, "reward", p->reward[reached]);
	} else
		rec_null(r, "reached");
}

static int
cmd_rollout_exec(sx_ctx *ctx, const sx_args *a)
{
	const sx_cmd *c = ctx->cmd;
	const sx_grid *g = gr_need(ctx);
	const char *steps = arg(a, c, "--steps"), *seedtxt = arg(a, c, "--seed");
	double w[GRID_MAX_W], wfull[GRID_MAX_PHI];
	unsigned long seed;
	unsigned char *pi;
	const sf_base *b;
	gr_policy pol;
	char *layout;
	sx_rec *r, *path, *acts;
	rl_path p;
	long k = 0;
	sx_err e;

	if (g == NULL || gr_parse_w(ctx, arg_index(a, c, "W"), g,
	    arg(a, c, "W"), w, wfull) != 0)
		return -1;
	if (gr_parse_policy(ctx, arg_index(a, c, "--policy"),
	    arg_str(a, c, "--policy"), &pol) != 0)
		return -1;
	if (steps != NULL) {
		k = strtol(steps, NULL, 10);
		if (k < 1 || k > 100000)
			return cmd_fail(ctx, arg_index(a, c, "--steps"), "--steps is "
			    "1 to 100000, not %s", steps);
	}
	seed = seedtxt != NULL ? strtoul(seedtxt, NULL, 10) : g->seed;
	if ((b = gr_need_base(ctx, g)) == NULL)
		return -1;
	pi = gr_policy_actions(ctx, arg_index(a, c, "--policy"), g, b, wfull,
	    &pol);
	if (pi == NULL)
		return -1;
	err_clear(&e);
	if (rollout_run(g, pi, wfull, (int)k, GRID_TERMINAL, seed, &p, &e) != 0) {
		free(pi);
		return cmd_fail_err(ctx, -1, &e);
	}
	free(pi);
	layout = xmalloc((size_t)g->rows * (size_t)g->cols);
	memcpy(layout, g->map, (size_t)g->rows * (size_t)g->cols);
	if (g->kind == GRID_FORAGING)
		gr_start_obs(g, seed, layout);
	r = rec_new("rollout");
	gr_rec_w(r, "w", w, g->nw);
	rec_str(r, "policy", pol.label);
	rec_int(r, "seed", (long long)seed);
	rec_int(r, "steps", (long long)p.len);
	rec_num(r, "return", p.ret);
	rec_num(r, "total", p.total);
	rec_bool(r, "terminal", p.terminal);
	path = rec_arr(r, "path");
	for (size_t t = 0; t <= p.len; t++)
		gr_rec_cell(path, NULL, g, p.pos[t]);
	acts = rec_arr(r, "actions");
	for (size_t t = 0; t < p.len; t++)
		rec_str(acts, NULL, grid_action_name(p.act[t]));
	gr_rec_events(r, g, &p);
	gr_rec_grid(r, g, layout);
	view_put(ctx->out, r);
	free(layout);
	rollout_path_free(&p);
	return 0;
}

static const sx_argdef rollout_args[] = {
	{ "W", ARG_WORD, 0, NULL, "W", NULL, NULL },
	{ "--policy", ARG_WORD, 0, "gpi|opt|base:1", "gpi|opt|base:I",
	  GR_POLICY_HELP, "gpi" },
	{ "--steps", ARG_INT, 0, NULL, "K",
	  "stop after K steps (default: the grid's horizon)", NULL },
	{ "--seed", ARG_INT, 0, NULL, "S",
	  "slip and foraging randomness (default: the grid's seed)", NULL },
	{ NULL, 0, 0, NULL, NULL, NULL, NULL }
};

const sx_cmd cmd_rollout_entry = {
	"rollout", NULL,
	"Run one episode of a policy on task W from the start and draw its\n"
	"path on the map: at each cell the action taken there, '@' where time\n"
	"ran out; then the objects picked up, step by step, and the return.\n"
	GR_W_HELP, rollout_args, 0, cmd_rollout_exec
};
