/* design.c: design isoflop and design grid: datasets of planned runs. */
#include "config.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "base/xalloc.h"
#include "commands/scaling/frontier.h"
#include "commands/scaling/plan.h"
#include "scaling/design.h"
#include "scaling/frontier.h"
#include "sessions/lex.h"
#include "views/view.h"

/* Store ds under its name, with a record of its runs and its cost; log
 * the resolved name. */
static int
design_put(sx_ctx *ctx, const sx_args *a, sx_dataset *ds, const char *shape)
{
	sx_rec *r = rec_new("design"), *rows = NULL;
	const double *N = ds->cols[0].v, *D = ds->cols[1].v, *C = ds->cols[2].v;

	rec_str(r, "name", ds->name);
	rec_str(r, "shape", shape);
	rec_int(r, "runs", (long long)ds->nrows);
	rec_num(r, "cost", design_cost(C, ds->nrows));
	rec_num(r, "k", SX_FRONTIER_K);
	rows = rec_arr(r, "rows");
	for (size_t i = 0; i < ds->nrows; i++) {
		sx_rec *o = rec_obj(rows, NULL);

		rec_num(o, "N", N[i]);
		rec_num(o, "D", D[i]);
		rec_num(o, "C", C[i]);
		rec_num(o, "tokens_per_param", D[i] / N[i]);
	}
	if (arg(a, ctx->cmd, "as") == NULL) {
		char *q = lex_quote(ds->name), *extra = xasprintf("as %s", q);

		ctx->logtext = cmd_text(ctx->cl, extra);
		free(extra);
		free(q);
	}
	view_put(ctx->out, r);
	ws_set_current(&ctx->ws->cur_data, ds->name);
	ws_put_dataset(ctx->ws, ds);
	return 0;
}

/* A count option (its default when absent), 1 .. DESIGN_MAX_RUNS. */
static int
design_count(sx_ctx *ctx, const sx_args *a, const char *opt, size_t *n)
{
	unsigned long v = arg_int(a, ctx->cmd, opt);

	if (v == 0 || v > DESIGN_MAX_RUNS)
		return cmd_fail(ctx, arg_index(a, ctx->cmd, opt), "%s must be 1 to "
		    "%d, not %lu", opt, DESIGN_MAX_RUNS, v);
	*n = (size_t)v;
	return 0;
}

static int
cmd_design_isoflop_exec(sx_ctx *ctx, const sx_args *a)
{
	double c_lo = 1e18, c_hi = 1e21, r_lo = 2, r_hi = 200;
	size_t nb, ns;
	sx_dataset *ds;
	sx_err e;

	if (parse_range(ctx, a, "--C", &c_lo, &c_hi) != 0 ||
	    parse_range(ctx, a, "--ratio", &r_lo, &r_hi) != 0 ||
	    design_count(ctx, a, "--budgets", &nb) != 0 ||
	    design_count(ctx, a, "--sizes", &ns) != 0)
		return -1;
	if (nb > 1 && c_lo == c_hi)
		return cmd_fail(ctx, arg_index(a, ctx->cmd, "--C"), "--C: %zu "
		    "budgets need a range LO..HI with LO < HI (or --budgets 1)", nb);
	if (ns > 1 && r_lo == r_hi)
		return cmd_fail(ctx, arg_index(a, ctx->cmd, "--ratio"), "--ratio: "
		    "%zu sizes need a range LO..HI with LO < HI", ns);
	err_clear(&e);
	ds = design_isoflop(arg_str(a, ctx->cmd, "as"), c_lo, c_hi, nb, ns,
	    r_lo, r_hi, SX_FRONTIER_K, &e);
	if (ds == NULL)
		return cmd_fail(ctx, arg_index(a, ctx->cmd, "--budgets"), "%s", e.msg);
	return design_put(ctx, a, ds, "isoflop");
}

static int
cmd_design_grid_exec(sx_ctx *ctx, const sx_args *a)
{
	double *Nv = NULL, *Dv = NULL;
	size_t nN, nD;
	sx_dataset *ds = NULL;
	sx_err e;
	int bad = -1;

	err_clear(&e);
	if (design_parse_values(arg(a, ctx->cmd, "--N"), DESIGN_MAX_RUNS, &Nv,
	    &nN, &e) != 0)
		bad = arg_index(a, ctx->cmd, "--N");
	else if (design_parse_values(arg(a, ctx->cmd, "--D"), DESIGN_MAX_RUNS,
	    &Dv, &nD, &e) != 0)
		bad = arg_index(a, ctx->cmd, "--D");
	else if ((ds = design_grid(arg_str(a, ctx->cmd, "as"), Nv, nN, Dv, nD,
	    SX_FRONTIER_K, &e)) == NULL)
		bad = arg_index(a, ctx->cmd, "--N");
	free(Nv);
	free(Dv);
	if (ds == NULL)
		return cmd_fail(ctx, bad, "%s", e.msg);
	return design_put(ctx, a, ds, "grid");
}

static const sx_argdef design_isoflop_args[] = {
	{ "as", ARG_NAME, ARG_KEY, NULL, "NAME", "the dataset's name",
	  "design" },
	{ "--C", ARG_WORD, 0, NULL, "LO..HI",
	  "the smallest and largest budget in FLOP (default 1e18..1e21)", NULL },
	{ "--budgets", ARG_INT, 0, NULL, "B",
	  "budgets, log-spaced over --C", "5" },
	{ "--sizes", ARG_INT, 0, NULL, "S",
	  "model sizes at each budget, log-spaced in tokens per parameter",
	  "7" },
	{ "--ratio", ARG_WORD, 0, NULL, "LO..HI",
	  "the tokens per parameter D/N of a budget's largest and smallest "
	  "model (default 2..200, around Chinchilla's 20)", NULL },
	{ NULL, 0, 0, NULL, NULL, NULL, NULL }
};

static const sx_argdef design_grid_args[] = {
	{ "as", ARG_NAME, ARG_KEY, NULL, "NAME", "the dataset's name",
	  "design" },
	{ "--N", ARG_WORD, ARG_NEED, NULL, "V,...|LO..HI:COUNT",
	  "the model sizes: a list, or COUNT log-spaced from LO to HI", NULL },
	{ "--D", ARG_WORD, ARG_NEED, NULL, "V,...|LO..HI:COUNT",
	  "the token counts, likewise", NULL },
	{ NULL, 0, 0, NULL, NULL, NULL, NULL }
};

const sx_cmd cmd_design_isoflop_entry = {
	"design isoflop", NULL,
	"A design of planned runs on Hoffmann et al.'s IsoFLOP grid: B budgets\n"
	"and, at each, S models whose tokens per parameter D/N run\n"
	"log-spaced over --ratio, N = sqrt(C/(6 r)), D = C/(6 N), so each run\n"
	"costs its budget. The dataset (columns N, D, C, budget) is stored\n"
	"like any other: simulate it, plot it, save it with the session.\n"
	"  design isoflop --C 1e18..1e21 --budgets 5 --sizes 7 as iso\n",
	design_isoflop_args, CMD_STATE, cmd_design_isoflop_exec
};

const sx_cmd cmd_design_grid_entry = {
	"design grid", NULL,
	"A design of planned runs on a Kaplan-style grid: every model size\n"
	"of --N trained on every token count of --D, C = 6 N D. The dataset\n"
	"(columns N, D, C) is stored like any other.\n"
	"  design grid --N 1e8..1e10:5 --D 1e9,1e10,1e11 as kgrid\n",
	design_grid_args, CMD_STATE, cmd_design_grid_exec
};
