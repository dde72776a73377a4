/* show.c: policy show and value show: a policy as arrows, its values as
 * shading. */
#include "config.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "base/xalloc.h"
#include "commands/rl/rl.h"
#include "rl/gpi.h"
#include "rl/sf.h"
#include "sessions/gridview.h"

/*
 * For policy/value show: parse W, --policy and --collected, and compute
 * the exact values of the task (GPE, GPI and optimum) with the chosen
 * policy's actions and values.
 */
static int
gr_show_prepare(sx_ctx *ctx, const sx_args *a, const sx_grid **gp,
    double *w, gr_policy *pol, uint32_t *m, unsigned char **pi, double **V)
{
	const sx_cmd *c = ctx->cmd;
	const sx_grid *g = gr_need(ctx);
	double wfull[GRID_MAX_PHI];
	const sf_base *b;
	gpi_values *v;
	sx_err e;

	if (g == NULL || gr_need_tabular(ctx, g) != 0 ||
	    gr_parse_w(ctx, arg_index(a, c, "W"), g, arg(a, c, "W"), w,
	    wfull) != 0 ||
	    gr_parse_policy(ctx, arg_index(a, c, "--policy"),
	    arg_str(a, c, "--policy"), pol) != 0 ||
	    gr_parse_collected(ctx, arg_index(a, c, "--collected"), g,
	    arg_str(a, c, "--collected"), m) != 0)
		return -1;
	if ((b = gr_need_base(ctx, g)) == NULL)
		return -1;
	if (pol->kind == GR_BASE && pol->i >= b->n) {
		unsigned char *t = gr_policy_actions(ctx, arg_index(a, c,
		    "--policy"), g, b, wfull, pol);

		free(t);
		return -1;
	}
	err_clear(&e);
	if (gpi_values_compute(g, b, wfull, NULL, &v, &e) != 0)
		return cmd_fail_err(ctx, -1, &e);
	*pi = xmalloc(g->nstates);
	*V = xmalloc(g->nstates * sizeof **V);
	if (pol->kind == GR_GPI) {
		memcpy(*pi, v->pi_gpi, g->nstates);
		memcpy(*V, v->gpi, g->nstates * sizeof **V);
	} else if (pol->kind == GR_OPT) {
		memcpy(*pi, v->pi_opt, g->nstates);
		memcpy(*V, v->opt, g->nstates * sizeof **V);
	} else {
		memcpy(*pi, b->pi + pol->i * b->nobs, g->nstates);
		memcpy(*V, v->base + pol->i * g->nstates, g->nstates * sizeof **V);
	}
	gpi_values_free(v);
	*gp = g;
	return 0;
}

static int
cmd_policy_show_exec(sx_ctx *ctx, const sx_args *a)
{
	sx_out *o = ctx->out;
	const sx_grid *g = NULL;
	double w[GRID_MAX_W], *V;
	unsigned char *pi;
	gr_policy pol;
	uint32_t m;
	char wt[256], st[64];

	if (gr_show_prepare(ctx, a, &g, w, &pol, &m, &pi, &V) != 0)
		return -1;
	if (o->json) {
		out_obj_begin(o, "policy show");
		gr_json_w(o, "w", w, g->nw);
		out_key_str(o, "policy", pol.label);
		gr_json_set(o, g, m);
		out_key_arr(o, "actions");
		for (int r = 0; r < g->rows; r++) {
			out_arr(o);
			for (int c = 0; c < g->cols; c++) {
				int k = g->pos_cell[r * g->cols + c];

				if (k < 0)
					out_num(o, NAN);
				else
					out_str(o, gridview_action_name(
					    pi[(size_t)m * (size_t)g->ncell + (size_t)k]));
			}
			out_end(o);
		}
		out_end(o);
		out_obj_end(o);
	} else {
		gr_w_text(w, g->nw, wt, sizeof wt);
		gr_set_text(g, m, st, sizeof st);
		out_printf(o, "policy %s on %s for w = %s%s, objects "
		    "collected: %s\n", pol.label, g->name, wt, gr_goal_note(g), st);
		gridview_policy(o, g, pi, m);
	}
	free(pi);
	free(V);
	return 0;
}

static int
cmd_value_show_exec(sx_ctx *ctx, const sx_args *a)
{
	sx_out *o = ctx->out;
	const sx_grid *g = NULL;
	double w[GRID_MAX_W], *V, *pv;
	unsigned char *pi;
	gr_policy pol;
	uint32_t m;
	size_t npos;
	char wt[256], st[64];

	if (gr_show_prepare(ctx, a, &g, w, &pol, &m, &pi, &V) != 0)
		return -1;
	npos = (size_t)g->rows * (size_t)g->cols;
	pv = xmalloc(npos * sizeof *pv);
	for (size_t p = 0; p < npos; p++) {
		int k = g->pos_cell[p];

		pv[p] = NAN;
		if (k < 0)
			continue;
		/* Uncollected objects' cells are never stood on (see gridview). */
		for (int j = 0; j < g->nobj; j++)
			if (g->obj_pos[j] == (int)p && !(m & ((uint32_t)1 << j)))
				k = -1;
		if (k >= 0)
			pv[p] = V[(size_t)m * (size_t)g->ncell + (size_t)k];
	}
	if (o->json) {
		out_obj_begin(o, "value show");
		gr_json_w(o, "w", w, g->nw);
		out_key_str(o, "policy", pol.label);
		gr_json_set(o, g, m);
		out_key_arr(o, "values");
		for (int r = 0; r < g->rows; r++) {
			out_arr(o);
			for (int c = 0; c < g->cols; c++)
				out_num(o, pv[r * g->cols + c]);
			out_end(o);
		}
		out_end(o);
		out_obj_end(o);
	} else {
		gr_w_text(w, g->nw, wt, sizeof wt);
		gr_set_text(g, m, st, sizeof st);
		out_printf(o, "value of %s on %s for w = %s%s, objects "
		    "collected: %s; at the start %.6f\n", pol.label, g->name, wt,
		    gr_goal_note(g), st, m == 0 ? V[g->start_state] :
		    pv[g->start]);
		gridview_shade(o, g, pv);
	}
	free(pv);
	free(pi);
	free(V);
	return 0;
}

static const sx_argdef show_args[] = {
	{ "W", ARG_WORD, 0, NULL, "W", NULL, NULL },
	{ "--policy", ARG_WORD, 0, "gpi|opt|base:1", "gpi|opt|base:I",
	  GR_POLICY_HELP, "gpi" },
	{ "--collected", ARG_WORD, 0, NULL, "LIST", GR_COLLECTED_HELP, "none" },
	{ NULL, 0, 0, NULL, NULL, NULL, NULL }
};

const sx_cmd cmd_policy_entry = {
	"policy", "policy show ...", "Policies drawn as arrows.\n",
	rl_no_args, 0, NULL
};

const sx_cmd cmd_policy_show_entry = {
	"policy show", NULL,
	"An arrow per cell: the action the policy takes there on task W when\n"
	"the objects in LIST are already collected. An uncollected object's\n"
	"cell shows its type.\n"
	GR_W_HELP, show_args, 0, cmd_policy_show_exec
};

const sx_cmd cmd_value_entry = {
	"value", "value show ...", "Values drawn as shading.\n", rl_no_args, 0,
	NULL
};

const sx_cmd cmd_value_show_entry = {
	"value show", NULL,
	"The exact value of the policy on task W at every cell,\n"
	"with the objects in LIST collected, as shading from light (lowest)\n"
	"to dark (highest).\n"
	GR_W_HELP, show_args, 0, cmd_value_show_exec
};
