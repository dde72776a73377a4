/* gpi.c: gpe and gpi: generalized policy evaluation and improvement. */
#include "config.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "base/xalloc.h"
#include "commands/rl/rl.h"
#include "rl/gpi.h"
#include "rl/rollout.h"
#include "rl/sf.h"
#include "sessions/tableout.h"
#include "views/view.h"

static int
cmd_gpe_exec(sx_ctx *ctx, const sx_args *a)
{
	const sx_grid *g = gr_need(ctx);
	const char *at = arg(a, ctx->cmd, "--at");
	const char *coll = arg(a, ctx->cmd, "--collected");
	double w[GRID_MAX_W], wfull[GRID_MAX_PHI], *q, best[GRID_NACT];
	const sf_base *b;
	uint32_t m = 0;
	size_t s;
	int pos, act;
	sx_rec *r, *rows;
	sx_err e;

	if (g == NULL || gr_parse_w(ctx, arg_index(a, ctx->cmd, "W"), g,
	    arg(a, ctx->cmd, "W"), w, wfull) != 0)
		return -1;
	if ((at != NULL || coll != NULL) && gr_need_tabular(ctx, g) != 0)
		return -1;
	pos = g->start;
	if (at != NULL && gr_parse_cell(ctx, arg_index(a, ctx->cmd, "--at"), g,
	    at, &pos) != 0)
		return -1;
	if (gr_parse_collected(ctx, arg_index(a, ctx->cmd, "--collected"), g,
	    coll, &m) != 0)
		return -1;
	if (g->kind == GRID_TABULAR) {
		err_clear(&e);
		s = grid_state(g, pos / g->cols, pos % g->cols, m, &e);
		if (s == GRID_TERMINAL)
			return cmd_fail(ctx, arg_index(a, ctx->cmd, "--at"), "%s",
			    e.msg);
	} else
		s = gr_start_obs(g, g->seed, NULL);
	if ((b = gr_need_base(ctx, g)) == NULL)
		return -1;
	q = xmalloc(b->n * GRID_NACT * sizeof *q);
	gpe_q(g, b, wfull, s, q);
	act = gpi_act(g, b, wfull, s, NULL, best);
	r = rec_new("gpe");
	gr_rec_w(r, "w", w, g->nw);
	rec_str(r, "goal", gr_goal_name(g));
	gr_rec_cell(r, "cell", g, pos);
	rows = rec_arr(r, "q");
	for (size_t i = 0; i < b->n; i++)
		gr_rec_w(rows, NULL, q + i * GRID_NACT, GRID_NACT);
	gr_rec_w(r, "gpi_q", best, GRID_NACT);
	rec_str(r, "gpi_action", grid_action_name(act));
	rec_str(r, "grid", g->name);
	view_put(ctx->out, r);
	free(q);
	return 0;
}

static int
cmd_gpi_exec(sx_ctx *ctx, const sx_args *a)
{
	const sx_grid *g = gr_need(ctx);
	double w[GRID_MAX_W], wfull[GRID_MAX_PHI], vg, vo, *vb, sfe = 0, *share;
	const sf_base *b;
	sx_rec *r, *vals, *tasks;
	int exact;
	sx_err e;

	if (g == NULL || gr_parse_w(ctx, arg_index(a, ctx->cmd, "W"), g,
	    arg(a, ctx->cmd, "W"), w, wfull) != 0)
		return -1;
	if ((b = gr_need_base(ctx, g)) == NULL)
		return -1;
	vb = xcalloc(b->n, sizeof *vb);
	share = xcalloc(b->n, sizeof *share);
	for (size_t i = 0; i < b->n; i++)
		sfe = fmax(sfe, sf_base_error(b, i));
	err_clear(&e);
	exact = g->kind == GRID_TABULAR && !b->learned;
	if (exact) {
		gpi_values *v;

		if (gpi_values_compute(g, b, wfull, NULL, &v, &e) != 0) {
			free(vb);
			free(share);
			return cmd_fail_err(ctx, -1, &e);
		}
		gpi_which_shares(v->which, g->nstates, b->n, share);
		vg = v->gpi[g->start_state];
		vo = v->opt[g->start_state];
		for (size_t i = 0; i < b->n; i++)
			vb[i] = v->base[i * g->nstates + g->start_state];
		gpi_values_free(v);
	} else {
		/* No model: mean discounted returns of seeded rollouts. */
		unsigned char *pi = xmalloc(b->nobs);
		size_t *who = xreallocarray(NULL, b->nobs, sizeof *who);

		if (gpi_policy(g, b, wfull, NULL, pi, &e) != 0 ||
		    gpi_which(g, b, wfull, NULL, who, share, &e) != 0) {
			free(pi);
			free(who);
			free(vb);
			free(share);
			return cmd_fail_err(ctx, -1, &e);
		}
		free(who);
		vg = rollout_value(g, pi, wfull, GR_MC_EPISODES, g->seed);
		vo = NAN;
		for (size_t i = 0; i < b->n; i++)
			vb[i] = rollout_value(g, b->pi + i * b->nobs, wfull,
			    GR_MC_EPISODES, g->seed);
		free(pi);
	}
	r = rec_new("gpi");
	gr_rec_w(r, "w", w, g->nw);
	rec_str(r, "goal", gr_goal_name(g));
	vals = rec_obj(r, "values");
	rec_num(vals, "gpi", vg);
	rec_num(vals, "optimal", vo);
	gr_rec_w(vals, "base", vb, (int)b->n);
	/* Which base policy GPI follows: shares of states (observations on
	 * foraging), ties to the lowest base. */
	gr_rec_w(r, "follows", share, (int)b->n);
	rec_int(r, "follows_of", (long long)b->nobs);
	rec_str(r, "follows_over", exact ? "states" : "observations");
	if (b->learned)
		rec_num(r, "sf_error_start", sfe);
	/* What the text says besides: where, how, and the base's tasks. */
	rec_str(r, "grid", g->name);
	rec_bool(r, "has_goal", g->has_goal);
	gr_rec_cell(r, "start", g, g->start);
	if (exact)
		rec_null(r, "rollouts");
	else
		rec_int(r, "rollouts", GR_MC_EPISODES);
	tasks = rec_arr(r, "base_w");
	for (size_t i = 0; i < b->n; i++)
		gr_rec_w(tasks, NULL, b->w + i * (size_t)b->nw, b->nw);
	free(vb);
	free(share);
	return tableout_put(ctx, a, r);
}

static const sx_argdef gpe_args[] = {
	{ "W", ARG_WORD, 0, NULL, "W", NULL, NULL },
	{ "--at", ARG_WORD, 0, NULL, "ROW,COL",
	  "the cell to score (default: the start)", NULL },
	{ "--collected", ARG_WORD, 0, NULL, "LIST", GR_COLLECTED_HELP, "none" },
	{ NULL, 0, 0, NULL, NULL, NULL, NULL }
};
static const sx_argdef gpi_args[] = {
	{ "W", ARG_WORD, 0, NULL, "W", NULL, NULL },
	TABLEOUT_ARGS,
	{ NULL, 0, 0, NULL, NULL, NULL, NULL }
};

const sx_cmd cmd_gpe_entry = {
	"gpe", NULL,
	"Generalised policy evaluation: every stored base policy scored on\n"
	"task W at once, Q_i(s, a) = w . psi_i(s, a), at one cell with some\n"
	"objects collected; and GPI's choice there.\n"
	GR_W_HELP, gpe_args, 0, cmd_gpe_exec
};

const sx_cmd cmd_gpi_entry = {
	"gpi", NULL,
	"Generalised policy improvement: act greedily on max_i w . psi_i(s, a)\n"
	"over the stored base policies, with no learning on task W. Prints\n"
	"the value at the start of GPI (exact evaluation of its policy), of\n"
	"the optimal policy for W, and of each base policy. On foraging (no\n"
	"model) the values are mean returns of 32 seeded rollouts and there is\n"
	"no optimum.\n"
	"It also prints the share of states (on foraging: of observations)\n"
	"where GPI follows each base policy: at state s GPI takes action a*,\n"
	"and follows the base policy i with the largest w . psi_i(s, a*), of\n"
	"several within 1e-9 the lowest i that itself takes a* there, else\n"
	"the lowest i (a step into a terminal scores the same for every base\n"
	"policy). 'policy show W --which' draws it.\n"
	"The guarantee (Barreto et al. 2017, Theorem 1) is for a Markov state:\n"
	"if |w . psi_i(s, a) - Q^pi_i(s, a)| <= eps for every policy i, state s\n"
	"and action a, then Q^GPI(s, a) >= max_i Q^pi_i(s, a) - 2 eps / (1 -\n"
	"gamma) everywhere. On a grid with a model psi is exact (eps = 0), so\n"
	"GPI is never below a base policy there. On foraging psi is learned\n"
	"and, worse, indexed by what the agent sees (its four neighbours), not\n"
	"by the state, so the theorem does not apply and there is no bound:\n"
	"'sf base' and gpi print the learned psi's largest error at the start\n"
	"(against the returns of the policies followed: a lower bound on its\n"
	"largest error anywhere, which times |w|_1 bounds eps in a Markov\n"
	"setting), and GPI can fall below a base policy. With the\n"
	"base trained as 'help sf base' says, on w = 1,0 0,1 1,1 1,-1 -1,1\n"
	"and seeds 0-9 GPI was above the best base policy or at most 0.15\n"
	"below it (the standard error of 32 rollouts is about 0.25).\n"
	"GPI's results depend on which of several equally optimal base\n"
	"policies is stored: ties go to the lowest action index (LEFT < UP <\n"
	"RIGHT < DOWN) within 1e-9, when the base is made and when GPI acts.\n"
	"GPI can score 0 where every base policy collects objects: with\n"
	"w = -1,-1,-1 and the unit goal, each base policy walks through\n"
	"objects to its own, so all look bad and GPI, taking the best of\n"
	"them at every step, may stand still and never reach the goal.\n"
	GR_W_HELP, gpi_args, 0, cmd_gpi_exec
};
