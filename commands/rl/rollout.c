/* rollout.c: rollout: one episode of a policy, drawn step by step. */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "base/xalloc.h"
#include "commands/rl/rl.h"
#include "rl/rollout.h"
#include "rl/sf.h"
#include "sessions/gridview.h"

static int
cmd_rollout_exec(sx_ctx *ctx, const sx_args *a)
{
	sx_out *o = ctx->out;
	const sx_cmd *c = ctx->cmd;
	const sx_grid *g = gr_need(ctx);
	const char *steps = arg(a, c, "--steps"), *seedtxt = arg(a, c, "--seed");
	double w[GRID_MAX_W], wfull[GRID_MAX_PHI];
	unsigned long seed;
	unsigned char *pi;
	const sf_base *b;
	gr_policy pol;
	char *layout, wt[256];
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
	if (o->json) {
		out_obj_begin(o, "rollout");
		gr_json_w(o, "w", w, g->nw);
		out_key_str(o, "policy", pol.label);
		out_key_int(o, "seed", (long long)seed);
		out_key_int(o, "steps", (long long)p.len);
		out_key_num(o, "return", p.ret);
		out_key_num(o, "total", p.total);
		out_key_bool(o, "terminal", p.terminal);
		out_key_arr(o, "path");
		for (size_t t = 0; t <= p.len; t++) {
			out_arr(o);
			out_num(o, p.pos[t] / g->cols);
			out_num(o, p.pos[t] % g->cols);
			out_end(o);
		}
		out_end(o);
		out_key_arr(o, "actions");
		for (size_t t = 0; t < p.len; t++)
			out_str(o, gridview_action_name(p.act[t]));
		out_end(o);
		out_key_arr(o, "pickups");
		for (size_t t = 0; t < p.len; t++) {
			if (p.event[t] < 0)
				continue;
			out_obj(o);
			out_key_int(o, "step", (long long)t + 1);
			out_key_int(o, "type", p.event[t] + 1);
			gr_json_cell(o, "cell", g, p.pos[t + 1]);
			out_key_num(o, "reward", p.reward[t]);
			out_end(o);
		}
		out_end(o);
		out_obj_end(o);
	} else {
		gr_w_text(w, g->nw, wt, sizeof wt);
		out_printf(o, "rollout of %s on %s for w = %s%s, seed %lu:\n",
		    pol.label, g->name, wt, gr_goal_note(g), seed);
		gridview_path(o, g, layout, &p);
		for (size_t t = 0; t < p.len; t++) {
			char name[8];

			if (p.event[t] >= 0) {
				int num = 0;

				for (int j = 0; g->kind == GRID_TABULAR && j < g->nobj; j++)
					if (g->obj_pos[j] == p.pos[t + 1])
						num = j + 1;
				gr_feature_name(g, p.event[t], name, sizeof name);
				if (num > 0)
					out_printf(o, "  step %3zu: picks up object #%d (type "
					    "%s) at %d,%d, reward %g\n", t + 1, num, name,
					    p.pos[t + 1] / g->cols, p.pos[t + 1] % g->cols,
					    p.reward[t]);
				else
					out_printf(o, "  step %3zu: picks up a type %s at "
					    "%d,%d, reward %g\n", t + 1, name,
					    p.pos[t + 1] / g->cols, p.pos[t + 1] % g->cols,
					    p.reward[t]);
			} else if (p.event[t] <= -2)
				out_printf(o, "  step %3zu: reaches %c at %d,%d, reward %g\n",
				    t + 1, g->map[p.pos[t + 1]], p.pos[t + 1] / g->cols,
				    p.pos[t + 1] % g->cols, p.reward[t]);
		}
		out_printf(o, "  %zu steps, %s; return %.6f (discounted), %g "
		    "(undiscounted)\n", p.len, p.terminal ? "episode over" :
		    "time ran out", p.ret, p.total);
	}
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
