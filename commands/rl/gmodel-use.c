/* gmodel-use.c: gmodel value / compose / mve: what a gamma-model is for. */
#include "config.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "base/xalloc.h"
#include "commands/rl/rl.h"
#include "rl/gchain.h"
#include "rl/gcompose.h"
#include "rl/vi.h"
#include "views/view.h"

/* What the three commands share: the grid, the start cell, the policy and
 * its arrival chain, the task. */
typedef struct gu_setup {
	const sx_grid *g;
	int pos;
	uint32_t m;
	size_t s;
	gr_policy pol;
	unsigned char *pi;
	double wfull[GRID_MAX_PHI];
	gchain ch;
} gu_setup;

static int
gu_begin(sx_ctx *ctx, const sx_args *a, gu_setup *u)
{
	const sx_cmd *c = ctx->cmd;
	double w[GRID_MAX_W];
	const sf_base *b;
	sx_err e;

	memset(u, 0, sizeof *u);
	if (arg(a, c, "--w") == NULL)
		return cmd_fail(ctx, -1, "'%s' needs a task: add --w W", c->name);
	if ((u->g = gr_need(ctx)) == NULL || gr_need_tabular(ctx, u->g) != 0 ||
	    gr_parse_cell(ctx, arg_index(a, c, "S"), u->g, arg(a, c, "S"),
	    &u->pos) != 0 ||
	    gr_parse_policy(ctx, arg_index(a, c, "--policy"),
	    arg_str(a, c, "--policy"), &u->pol) != 0 ||
	    gr_parse_collected(ctx, arg_index(a, c, "--collected"), u->g,
	    arg_str(a, c, "--collected"), &u->m) != 0 ||
	    gr_parse_w(ctx, arg_index(a, c, "--w"), u->g, arg(a, c, "--w"), w,
	    u->wfull) != 0)
		return -1;
	err_clear(&e);
	u->s = grid_state(u->g, u->pos / u->g->cols, u->pos % u->g->cols, u->m,
	    &e);
	if (u->s == GRID_TERMINAL)
		return cmd_fail(ctx, arg_index(a, c, "S"), "%s", e.msg);
	if ((b = gr_need_base(ctx, u->g)) == NULL)
		return -1;
	u->pi = gr_policy_actions(ctx, arg_index(a, c, "--policy"), u->g, b,
	    u->wfull, &u->pol);
	if (u->pi == NULL)
		return -1;
	gchain_init(&u->ch, u->g, u->pi, &e);
	return 0;
}

static sx_rec *
gu_rec(const char *kind, const gu_setup *u)
{
	sx_rec *r = rec_new(kind);

	gr_rec_cell(r, "cell", u->g, u->pos);
	rec_str(r, "policy", u->pol.label);
	gr_rec_set(r, u->g, u->m);
	rec_str(r, "grid", u->g->name);
	rec_num(r, "gamma", u->g->gamma);
	return r;
}

/* Exact V^pi at the grid's gamma (nstates), or NULL after cmd_fail. */
static double *
gu_exact_v(sx_ctx *ctx, const gu_setup *u)
{
	double *V = xmalloc(u->g->nstates * sizeof *V);
	sx_err e;

	err_clear(&e);
	if (vi_evaluate(u->g, u->pi, u->wfull, V, &e) != 0) {
		free(V);
		cmd_fail_err(ctx, -1, &e);
		return NULL;
	}
	return V;
}

static int
cmd_gmodel_value_exec(sx_ctx *ctx, const sx_args *a)
{
	gu_setup u;
	gchain_exact ex;
	gmodel_op op;
	double *V, q[GRID_NACT], worst = 0;
	sx_rec *r, *rows;

	if (gu_begin(ctx, a, &u) != 0)
		return -1;
	if ((V = gu_exact_v(ctx, &u)) == NULL) {
		free(u.pi);
		return -1;
	}
	op = gchain_exact_op(&ex, &u.ch, u.g->gamma);
	vi_q(u.g, V, u.wfull, u.s, q);
	r = gu_rec("gmodel value", &u);
	rows = rec_arr(r, "rows");
	for (int k = -1; k < GRID_NACT; k++) {
		sx_rec *row = rec_obj(rows, NULL);
		double mv = gcompose_value(&op, &u.ch, 2 * u.s, k, u.wfull);
		double ex_v = k < 0 ? V[u.s] : q[k];

		rec_str(row, "action", k < 0 ? "pi" : grid_action_name(k));
		rec_num(row, "model", mv);
		rec_num(row, "exact", ex_v);
		rec_num(row, "error", fabs(mv - ex_v));
		if (fabs(mv - ex_v) > worst)
			worst = fabs(mv - ex_v);
	}
	rec_num(r, "max_error", worst);
	view_put(ctx->out, r);
	free(V);
	free(u.pi);
	return 0;
}

/* Rows at n = 1 2 3 5 10 20 50 100 ... and the last. */
static int
gu_shown(size_t n, size_t steps)
{
	size_t d = 1;

	if (n == steps || n <= 3)
		return 1;
	while (d * 10 <= n)
		d *= 10;
	return n == d || n == 2 * d || n == 5 * d;
}

static int
cmd_gmodel_compose_exec(sx_ctx *ctx, const sx_args *a)
{
	const sx_cmd *c = ctx->cmd;
	double gt, beta, *ref, *out, *tv, *in;
	const char *atxt = arg(a, c, "--action");
	size_t steps;
	int act = -1;
	gu_setup u;
	gchain_exact ex, ex_t;
	gmodel_op op, op_t;
	sx_rec *r, *rows;
	sx_err e;

	if (arg(a, c, "--to") == NULL)
		return cmd_fail(ctx, -1, "'gmodel compose' needs the longer "
		    "horizon: add --to G~");
	gt = arg_num(a, c, "--to");
	if (atxt != NULL && (act = gr_parse_action(atxt)) < 0)
		return cmd_fail(ctx, arg_index(a, c, "--action"), "an action is "
		    "LEFT, UP, RIGHT or DOWN (or L U R D, 0-3), not '%s'", atxt);
	if ((u.g = gr_need(ctx)) == NULL)
		return -1;
	if (!(gt > u.g->gamma && gt < 1))
		return cmd_fail(ctx, arg_index(a, c, "--to"), "the longer horizon "
		    "must be in (gamma = %g, 1), not %g", u.g->gamma, gt);
	if (gu_begin(ctx, a, &u) != 0)
		return -1;
	beta = gcompose_beta(u.g->gamma, gt);
	if (arg(a, c, "--steps") != NULL)
		steps = arg_int(a, c, "--steps");
	else	/* until the weight left, beta^n, is below 2e-12 */
		steps = (size_t)ceil(log(2e-12) / log(beta));
	if (steps < 1 || steps > 100000) {
		free(u.pi);
		return cmd_fail(ctx, arg_index(a, c, "--steps"), "--steps must be "
		    "1 to 100000, not %zu", steps);
	}
	op = gchain_exact_op(&ex, &u.ch, u.g->gamma);
	op_t = gchain_exact_op(&ex_t, &u.ch, gt);
	in = xcalloc(u.ch.n, sizeof *in);
	ref = xmalloc(u.ch.n * sizeof *ref);
	out = xmalloc(u.ch.n * sizeof *out);
	tv = xmalloc(steps * sizeof *tv);
	in[2 * u.s] = 1;
	op_t.apply(op_t.self, in, act, ref);
	err_clear(&e);
	gcompose_horizon(&op, &u.ch, 2 * u.s, act, gt, steps, ref, out, tv, &e);
	r = gu_rec("gmodel compose", &u);
	rec_str(r, "action", act < 0 ? "pi" : grid_action_name(act));
	rec_num(r, "to", gt);
	rec_num(r, "beta", beta);
	rec_int(r, "steps", (long long)steps);
	rows = rec_arr(r, "rows");
	for (size_t n = 1; n <= steps; n++) {
		sx_rec *row;

		if (!gu_shown(n, steps))
			continue;
		row = rec_obj(rows, NULL);
		rec_int(row, "steps", (long long)n);
		rec_num(row, "weight_left", pow(beta, (double)n));
		rec_num(row, "tv", tv[n - 1]);
	}
	rec_num(r, "tv", tv[steps - 1]);
	view_put(ctx->out, r);
	free(in);
	free(ref);
	free(out);
	free(tv);
	free(u.pi);
	return 0;
}

static int
cmd_gmodel_mve_exec(sx_ctx *ctx, const sx_args *a)
{
	const sx_cmd *c = ctx->cmd;
	double gm = arg_num(a, c, "--model-gamma"), *V, *vt = NULL, *est;
	size_t H = arg_int(a, c, "--steps");
	int exact_tail = strcmp(arg_str(a, c, "--tail"), "exact") == 0;
	gu_setup u;
	gchain_exact ex;
	gmodel_op op;
	sx_rec *r, *rows;
	sx_err e;

	if ((u.g = gr_need(ctx)) == NULL)
		return -1;
	if (H < 1 || H > 10000)
		return cmd_fail(ctx, arg_index(a, c, "--steps"), "--steps must "
		    "be 1 to 10000, not %zu", H);
	if (!(gm > 0 && gm < u.g->gamma))
		return cmd_fail(ctx, arg_index(a, c, "--model-gamma"), "the "
		    "model's gamma must be in (0, gamma = %g), not %g",
		    u.g->gamma, gm);
	if (gu_begin(ctx, a, &u) != 0)
		return -1;
	if ((V = gu_exact_v(ctx, &u)) == NULL) {
		free(u.pi);
		return -1;
	}
	if (exact_tail) {
		vt = xcalloc(u.ch.n, sizeof *vt);
		for (size_t x = 0; x < 2 * u.g->nstates; x++)
			vt[x] = V[x / 2];
	}
	est = xmalloc(H * sizeof *est);
	op = gchain_exact_op(&ex, &u.ch, gm);
	err_clear(&e);
	gcompose_mve(&op, &u.ch, 2 * u.s, -1, u.g->gamma, H, vt, u.wfull, est,
	    &e);
	r = gu_rec("gmodel mve", &u);
	rec_num(r, "model_gamma", gm);
	rec_num(r, "beta", gcompose_beta(gm, u.g->gamma));
	rec_str(r, "tail", exact_tail ? "exact" : "none");
	rec_num(r, "exact", V[u.s]);
	rows = rec_arr(r, "rows");
	for (size_t h = 1; h <= H; h++) {
		sx_rec *row;

		if (!gu_shown(h, H))
			continue;
		row = rec_obj(rows, NULL);
		rec_int(row, "steps", (long long)h);
		rec_num(row, "estimate", est[h - 1]);
		rec_num(row, "error", fabs(est[h - 1] - V[u.s]));
	}
	view_put(ctx->out, r);
	free(est);
	free(vt);
	free(V);
	free(u.pi);
	return 0;
}

#define GU_COMMON_ARGS \
	{ "S", ARG_WORD, 0, NULL, "ROW,COL", NULL, NULL }, \
	{ "--w", ARG_WORD, 0, NULL, "W", "the task: reward w . phi " \
	  "of each arrival", NULL }, \
	{ "--policy", ARG_WORD, 0, "base:1|gpi|opt", "base:I|gpi|opt", \
	  GR_POLICY_HELP, "base:1" }, \
	{ "--collected", ARG_WORD, 0, NULL, "LIST", GR_COLLECTED_HELP, "none" }

static const sx_argdef gmodel_value_args[] = {
	GU_COMMON_ARGS,
	{ NULL, 0, 0, NULL, NULL, NULL, NULL }
};

static const sx_argdef gmodel_compose_args[] = {
	GU_COMMON_ARGS,
	{ "--to", ARG_NUMBER, 0, NULL, "G~", "the longer horizon, "
	  "gamma < G~ < 1", NULL },
	{ "--steps", ARG_INT, 0, NULL, "N", "rollout steps (default: until "
	  "the weight left is below 2e-12)", NULL },
	{ "--action", ARG_WORD, 0, "LEFT|UP|RIGHT|DOWN", "ACTION",
	  "the first action (default: the policy's)", NULL },
	{ NULL, 0, 0, NULL, NULL, NULL, NULL }
};

static const sx_argdef gmodel_mve_args[] = {
	GU_COMMON_ARGS,
	{ "--model-gamma", ARG_NUMBER, 0, NULL, "G", "the model's shorter "
	  "horizon, 0 < G < gamma", "0.5" },
	{ "--steps", ARG_INT, 0, NULL, "H", "model steps, the largest H", "10" },
	{ "--tail", ARG_CHOICE, 0, "none|exact", "none|exact", "the value "
	  "after H steps: none (0) or the exact V^pi", "none" },
	{ NULL, 0, 0, NULL, NULL, NULL, NULL }
};

const sx_cmd cmd_gmodel_value_entry = {
	"gmodel value", NULL,
	"The value of the task read from the exact gamma-model (Janner et al.\n"
	"2020): Q(s, a) = E_{s_e ~ mu(. | s, a)}[r(s_e)] / (1 - gamma), with the\n"
	"reward a function of the state arrived in (which object was just\n"
	"collected, or which terminal), beside the exact Q^pi by policy\n"
	"evaluation; row pi is V^pi(s).\n",
	gmodel_value_args, 0, cmd_gmodel_value_exec
};

const sx_cmd cmd_gmodel_compose_entry = {
	"gmodel compose", NULL,
	"A gamma-model with a longer horizon from rollouts of the exact model\n"
	"at the grid's gamma: mu_G~ = sum_n alpha_n mu_n, alpha_n =\n"
	"(1 - G~)/(1 - gamma) beta^(n-1), beta = (G~ - gamma)/(1 - gamma), where\n"
	"mu_n is the n-step rollout (Janner et al. 2020). Shows its total\n"
	"variation from the exact mu at G~ after n steps: the weight beta^n not\n"
	"yet rolled out, halved.\n",
	gmodel_compose_args, 0, cmd_gmodel_compose_exec
};

const sx_cmd cmd_gmodel_mve_entry = {
	"gmodel mve", NULL,
	"gamma-MVE (Janner et al. 2020): V^pi(s) at the grid's gamma from H\n"
	"steps of a shorter-horizon exact gamma-model (--model-gamma) and a\n"
	"tail value: V_H = sum_{n<=H} alpha_n E_{mu_n}[r]/(1 - gamma)\n"
	"+ beta^H E_{mu_H}[V]. Exact at every H with --tail exact; with no tail\n"
	"its error falls as beta^H.\n",
	gmodel_mve_args, 0, cmd_gmodel_mve_exec
};
