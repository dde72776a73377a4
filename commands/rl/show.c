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
#include "views/view.h"

/*
 * For policy/value show: parse W, --policy and --collected, and compute
 * the exact values of the task (GPE, GPI and optimum) with the chosen
 * policy's actions and values.
 */
static int
gr_show_prepare(sx_ctx *ctx, const sx_args *a, const sx_grid **gp,
    double *w, gr_policy *pol, uint32_t *m, unsigned char **pi, double **V,
    size_t **who)
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
	if (who != NULL && pol->kind != GR_GPI)
		return cmd_fail(ctx, arg_index(a, c, "--policy"),
		    "--which draws the base policy GPI follows: it takes no "
		    "--policy %s", pol->label);
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
	if (who != NULL) {
		*who = v->which;
		v->which = NULL;
	}
	gpi_values_free(v);
	*gp = g;
	return 0;
}

/* The tabular cell at position p with the objects in m collected, or -1
 * on walls, terminals and objects not yet collected, which the agent
 * never stands on (it collects them on entering). */
static int
gr_show_cell(const sx_grid *g, int p, uint32_t m)
{
	for (int j = 0; j < g->nobj; j++)
		if (g->obj_pos[j] == p && !(m & ((uint32_t)1 << j)))
			return -1;
	return g->pos_cell[p];
}

/* The actions a policy takes at each cell with the objects in m
 * collected; with who, also the base policy (numbered from 1, as base:I)
 * GPI follows there; null where gr_show_cell has no cell. */
static void
gr_rec_actions(sx_rec *r, const sx_grid *g, const unsigned char *pi,
    const size_t *who, uint32_t m)
{
	sx_rec *rows = rec_arr(r, "actions");
	sx_rec *frows = who != NULL ? rec_arr(r, "follows") : NULL;

	for (int y = 0; y < g->rows; y++) {
		sx_rec *row = rec_arr(rows, NULL);
		sx_rec *frow = frows != NULL ? rec_arr(frows, NULL) : NULL;

		for (int x = 0; x < g->cols; x++) {
			int k = gr_show_cell(g, y * g->cols + x, m);
			size_t s = (size_t)m * (size_t)g->ncell + (size_t)k;

			if (k < 0) {
				rec_null(row, NULL);
				if (frow != NULL)
					rec_null(frow, NULL);
				continue;
			}
			rec_str(row, NULL, grid_action_name(pi[s]));
			if (frow != NULL)
				rec_int(frow, NULL, (long long)who[s] + 1);
		}
	}
}

/* The members policy show and value show share. */
static sx_rec *
gr_show_rec(const char *kind, const sx_grid *g, const double *w,
    const gr_policy *pol, uint32_t m)
{
	sx_rec *r = rec_new(kind);

	gr_rec_w(r, "w", w, g->nw);
	rec_str(r, "policy", pol->label);
	gr_rec_set(r, g, m);
	gr_rec_grid(r, g, g->map);
	return r;
}

static int
cmd_policy_show_exec(sx_ctx *ctx, const sx_args *a)
{
	const sx_grid *g = NULL;
	double w[GRID_MAX_W], *V;
	unsigned char *pi;
	gr_policy pol;
	uint32_t m;
	sx_rec *r;
	size_t *who = NULL;
	int which = arg(a, ctx->cmd, "--which") != NULL;

	if (gr_show_prepare(ctx, a, &g, w, &pol, &m, &pi, &V,
	    which ? &who : NULL) != 0)
		return -1;
	r = gr_show_rec("policy show", g, w, &pol, m);
	gr_rec_actions(r, g, pi, who, m);
	view_put(ctx->out, r);
	free(who);
	free(pi);
	free(V);
	return 0;
}

static int
cmd_value_show_exec(sx_ctx *ctx, const sx_args *a)
{
	const sx_grid *g = NULL;
	double w[GRID_MAX_W], *V;
	unsigned char *pi;
	gr_policy pol;
	uint32_t m;
	sx_rec *r, *rows;
	double start = NAN;

	if (gr_show_prepare(ctx, a, &g, w, &pol, &m, &pi, &V, NULL) != 0)
		return -1;
	r = gr_show_rec("value show", g, w, &pol, m);
	rows = rec_arr(r, "values");
	for (int y = 0; y < g->rows; y++) {
		sx_rec *row = rec_arr(rows, NULL);

		for (int x = 0; x < g->cols; x++) {
			int p = y * g->cols + x, k = gr_show_cell(g, p, m);
			double v = k >= 0 ?
			    V[(size_t)m * (size_t)g->ncell + (size_t)k] : NAN;

			rec_num(row, NULL, v);
			if (p == g->start)
				start = v;
		}
	}
	rec_num(r, "start", m == 0 ? V[g->start_state] : start);
	view_put(ctx->out, r);
	free(pi);
	free(V);
	return 0;
}

static const sx_argdef policy_show_args[] = {
	{ "W", ARG_WORD, 0, NULL, "W", NULL, NULL },
	{ "--policy", ARG_WORD, 0, "gpi|opt|base:1", "gpi|opt|base:I",
	  GR_POLICY_HELP, "gpi" },
	{ "--collected", ARG_WORD, 0, NULL, "LIST", GR_COLLECTED_HELP, "none" },
	{ "--which", ARG_FLAG, 0, NULL, NULL,
	  "draw at each cell the base policy GPI follows there, not arrows",
	  NULL },
	{ NULL, 0, 0, NULL, NULL, NULL, NULL }
};
static const sx_argdef show_args[] = {
	{ "W", ARG_WORD, 0, NULL, "W", NULL, NULL },
	{ "--policy", ARG_WORD, 0, "gpi|opt|base:1", "gpi|opt|base:I",
	  GR_POLICY_HELP, "gpi" },
	{ "--collected", ARG_WORD, 0, NULL, "LIST", GR_COLLECTED_HELP, "none" },
	{ NULL, 0, 0, NULL, NULL, NULL, NULL }
};

const sx_cmd cmd_policy_entry = {
	"policy", "policy show ...", "Policies drawn as arrows.\n",
	cmd_no_args, 0, NULL
};

const sx_cmd cmd_policy_show_entry = {
	"policy show", NULL,
	"An arrow per cell: the action the policy takes there on task W when\n"
	"the objects in LIST are already collected. An uncollected object's\n"
	"cell shows its type.\n"
	"With --which, each cell shows instead the base policy GPI follows\n"
	"there: the number I of base:I (1-9, then a for 10, b for 11, ...)\n"
	"whose w . psi_i(s, a) is the largest at GPI's action a, of several\n"
	"within 1e-9 the lowest that itself takes a there, else the lowest\n"
	"(see 'help gpi'); an uncollected object's cell shows * and its\n"
	"type. 'gpi W' prints the share of states each base policy wins.\n"
	GR_W_HELP, policy_show_args, 0, cmd_policy_show_exec
};

const sx_cmd cmd_value_entry = {
	"value", "value show ...", "Values drawn as shading.\n", cmd_no_args, 0,
	NULL
};

const sx_cmd cmd_value_show_entry = {
	"value show", NULL,
	"The exact value of the policy on task W at every cell,\n"
	"with the objects in LIST collected, as shading from light (lowest)\n"
	"to dark (highest).\n"
	GR_W_HELP, show_args, 0, cmd_value_show_exec
};
