/* gmodel.c: gmodel: the gamma-model's distribution of future states. */
#include "config.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "base/xalloc.h"
#include "commands/rl/rl.h"
#include "rl/gmodel.h"
#include "rl/sf.h"
#include "views/view.h"

/* An action by name (LEFT UP RIGHT DOWN, any case, or a letter) or 0-3. */
int
gr_parse_action(const char *text)
{
	for (int k = 0; k < GRID_NACT; k++) {
		const char *n = grid_action_name(k);

		if (strcasecmp(text, n) == 0 || (text[0] != '\0' && text[1] ==
		    '\0' && (text[0] == n[0] || text[0] == n[0] + 32 ||
		    text[0] == '0' + k)))
			return k;
	}
	return -1;
}

static int
cmd_gmodel_exec(sx_ctx *ctx, const sx_args *a)
{
	const sx_cmd *c = ctx->cmd;
	const sx_grid *g = gr_need(ctx);
	const char *wtxt = arg(a, c, "--w"), *atxt = arg(a, c, "A");
	double w[GRID_MAX_W], wfull[GRID_MAX_PHI], *mu;
	unsigned char *pi;
	const sf_base *b;
	gr_policy pol;
	uint32_t m;
	int pos, act, top[5], ntop = 0;
	size_t s, npos;
	sx_rec *r, *rows, *likeliest;
	sx_err e;

	if (g == NULL || gr_need_tabular(ctx, g) != 0 ||
	    gr_parse_cell(ctx, arg_index(a, c, "S"), g, arg(a, c, "S"), &pos) != 0)
		return -1;
	if ((act = gr_parse_action(atxt)) < 0)
		return cmd_fail(ctx, arg_index(a, c, "A"), "an action is LEFT, UP, "
		    "RIGHT or DOWN (or L U R D, 0-3), not '%s'", atxt);
	if (gr_parse_policy(ctx, arg_index(a, c, "--policy"),
	    arg_str(a, c, "--policy"), &pol) != 0 ||
	    gr_parse_collected(ctx, arg_index(a, c, "--collected"), g,
	    arg_str(a, c, "--collected"), &m) != 0)
		return -1;
	if (pol.kind != GR_BASE && wtxt == NULL)
		return cmd_fail(ctx, arg_index(a, c, "--policy"), "--policy %s "
		    "needs a task: add --w W", pol.label);
	memset(wfull, 0, sizeof wfull);
	if (wtxt != NULL && gr_parse_w(ctx, arg_index(a, c, "--w"), g, wtxt, w,
	    wfull) != 0)
		return -1;
	err_clear(&e);
	s = grid_state(g, pos / g->cols, pos % g->cols, m, &e);
	if (s == GRID_TERMINAL)
		return cmd_fail(ctx, arg_index(a, c, "S"), "%s", e.msg);
	if ((b = gr_need_base(ctx, g)) == NULL)
		return -1;
	pi = gr_policy_actions(ctx, arg_index(a, c, "--policy"), g, b, wfull,
	    &pol);
	if (pi == NULL)
		return -1;
	npos = (size_t)g->rows * (size_t)g->cols;
	mu = xmalloc(npos * sizeof *mu);
	if (gmodel_compute(g, pi, s, act, mu, &e) != 0) {
		free(pi);
		free(mu);
		return cmd_fail_err(ctx, -1, &e);
	}
	free(pi);
	/* The five likeliest cells, ties to the earlier position. */
	for (int k = 0; k < 5; k++) {
		int best = -1;

		for (size_t p = 0; p < npos; p++) {
			int used = 0;

			for (int j = 0; j < ntop; j++)
				used |= top[j] == (int)p;
			if (!used && mu[p] > 0 && (best < 0 || mu[p] > mu[best]))
				best = (int)p;
		}
		if (best >= 0)
			top[ntop++] = best;
	}
	r = rec_new("gmodel");
	gr_rec_cell(r, "cell", g, pos);
	rec_str(r, "action", grid_action_name(act));
	rec_str(r, "policy", pol.label);
	gr_rec_set(r, g, m);
	rows = rec_arr(r, "mu");
	for (int y = 0; y < g->rows; y++) {
		sx_rec *row = rec_arr(rows, NULL);

		for (int x = 0; x < g->cols; x++)
			rec_num(row, NULL, mu[y * g->cols + x]);
	}
	gr_rec_grid(r, g, g->map);
	rec_num(r, "gamma", g->gamma);
	likeliest = rec_arr(r, "likeliest");
	for (int k = 0; k < ntop; k++) {
		sx_rec *cell = rec_obj(likeliest, NULL);

		gr_rec_cell(cell, "cell", g, top[k]);
		rec_num(cell, "p", mu[top[k]]);
	}
	view_put(ctx->out, r);
	free(mu);
	return 0;
}

static const sx_argdef gmodel_args[] = {
	{ "S", ARG_WORD, 0, NULL, "ROW,COL", NULL, NULL },
	{ "A", ARG_WORD, 0, "LEFT|UP|RIGHT|DOWN", "ACTION",
	  "LEFT, UP, RIGHT or DOWN (any case, or its first letter), or 0-3",
	  NULL },
	{ "--policy", ARG_WORD, 0, "base:1|gpi|opt", "base:I|gpi|opt",
	  GR_POLICY_HELP "; gpi and opt need --w", "base:1" },
	{ "--w", ARG_WORD, 0, NULL, "W", "the task, for --policy gpi or opt",
	  NULL },
	{ "--collected", ARG_WORD, 0, NULL, "LIST", GR_COLLECTED_HELP, "none" },
	{ NULL, 0, 0, NULL, NULL, NULL, NULL }
};

const sx_cmd cmd_gmodel_entry = {
	"gmodel", NULL,
	"The tabular gamma-model (Janner et al. 2020) from cell ROW,COL taking\n"
	"ACTION, then following the policy:\n"
	"mu = (1 - gamma) P_pi (I - gamma P_pi)^-1, the distribution\n"
	"of where the agent is after 1 + K steps, K ~ Geometric(1 - gamma),\n"
	"drawn as a heat map over cells (terminals keep the mass of episodes\n"
	"that end there). It is Dayan's (1993) successor representation\n"
	"M = (I - gamma P_pi)^-1 one step on, scaled by (1 - gamma) so that it\n"
	"sums to 1; the successor features are M applied to phi.\n",
	gmodel_args, 0, cmd_gmodel_exec
};
