/* approach.c: frontier approach1 and approach2: Hoffmann et al.'s
 * frontiers from the runs themselves. */
#include "config.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "base/xalloc.h"
#include "commands/scaling/frontier.h"
#include "scaling/frontier.h"
#include "scaling/units.h"
#include "sessions/colbind.h"
#include "sessions/figures.h"
#include "sessions/plotout.h"
#include "views/view.h"

/*
 * The N, C, L columns of a dataset for the approaches: C directly, or
 * k*N*D when there is no C column. *owned is malloc'ed when C is derived.
 */
static int
runs_columns(sx_ctx *ctx, const sx_args *a, double k, const sx_dataset **ds,
    const double **N, const double **C, const double **L, double **owned,
    int *used)
{
	int argi = arg_index(a, ctx->cmd, "DATA"), cn, cc, cl, cd;

	*owned = NULL;
	*ds = colbind_dataset(ctx, argi, arg(a, ctx->cmd, "DATA"));
	if (*ds == NULL)
		return -1;
	if ((cn = colbind_column(ctx, argi, *ds, "N")) < 0 ||
	    (cl = colbind_column(ctx, argi, *ds, "L")) < 0)
		return -1;
	*N = (*ds)->cols[cn].v;
	*L = (*ds)->cols[cl].v;
	used[0] = cn;
	used[1] = cl;
	cc = dataset_column(*ds, "C");
	if (cc >= 0 && (*ds)->cols[cc].v != NULL) {
		const char *u = (*ds)->cols[cc].unit;

		used[2] = cc;

		*C = (*ds)->cols[cc].v;
		if (u != NULL && (strcasecmp(u, "PF-days") == 0 ||
		    strcasecmp(u, "pfdays") == 0)) {
			*owned = xmalloc((*ds)->nrows * sizeof **owned);
			for (size_t i = 0; i < (*ds)->nrows; i++)
				(*owned)[i] = units_pfdays_to_flop((*C)[i]);
			*C = *owned;
		}
		return 0;
	}
	cd = dataset_column(*ds, "D");
	if (cd < 0 || (*ds)->cols[cd].v == NULL)
		return cmd_fail(ctx, argi, "'%s' has no compute column C and no "
		    "token column D to make C = k*N*D from", (*ds)->name);
	used[2] = cd;
	*owned = xmalloc((*ds)->nrows * sizeof **owned);
	for (size_t i = 0; i < (*ds)->nrows; i++)
		(*owned)[i] = k * (*N)[i] * (*ds)->cols[cd].v[i];
	*C = *owned;
	return 0;
}

/*
 * The record of an approach on ds; rows missing one of the columns used
 * (N, L, C or D) are not runs the core can use: when there are any, it
 * says how many of the rows were complete and which values were missing.
 */
static sx_rec *
approach_rec(const char *cmd, const sx_dataset *ds, const int *used,
    const sx_approach *a)
{
	sx_rec *r = rec_new(cmd), *w, *pts, *mr;
	unsigned char *keep = xcalloc(ds->nrows + 1, 1);
	size_t miss[3], nkept = dataset_complete_rows(ds, used, 3, keep, miss);

	rec_str(r, "data", ds->name);
	if (nkept < ds->nrows) {
		rec_int(r, "rows", (long long)ds->nrows);
		rec_int(r, "complete", (long long)nkept);
		mr = rec_arr(r, "missing");
		for (size_t i = 0; i < 3; i++) {
			sx_rec *o;

			if (miss[i] == 0)
				continue;
			o = rec_obj(mr, NULL);
			rec_str(o, "column", ds->cols[used[i]].name);
			rec_int(o, "rows", (long long)miss[i]);
		}
	}
	free(keep);
	rec_num(r, "a", a->a);
	rec_num(r, "a_se", a->a_se);
	rec_num(r, "b", 1.0 - a->a);
	rec_num(r, "coef", a->coef);
	rec_int(r, "groups", (long long)a->ngroups);
	rec_int(r, "skipped", (long long)a->nskipped);
	w = rec_arr(r, "warnings");
	for (size_t i = 0; i < a->nwarn; i++)
		rec_str(w, NULL, a->warn[i]);
	pts = rec_arr(r, "points");
	for (size_t i = 0; i < a->n; i++) {
		sx_rec *p = rec_obj(pts, NULL);

		rec_num(p, "C", a->C[i]);
		rec_num(p, "N_opt", a->N_opt[i]);
		rec_num(p, "L_opt", a->L_opt[i]);
	}
	return r;
}

static int
cmd_approach1_exec(sx_ctx *ctx, const sx_args *a)
{
	const sx_dataset *ds;
	const double *N, *C, *L;
	double *owned, k, lo = 0, hi = 0;
	unsigned long bins;
	sx_approach r;
	sx_err e;
	int rc, used[3];

	if (parse_positive(ctx, a, "--k", &k) != 0 ||
	    parse_range(ctx, a, "--C", &lo, &hi) != 0)
		return -1;
	bins = arg_int(a, ctx->cmd, "--bins");
	if (bins < 3 || bins > 100000)
		return cmd_fail(ctx, arg_index(a, ctx->cmd, "--bins"),
		    "--bins must be 3 to 100000");
	if (lo == hi && lo > 0)
		return cmd_fail(ctx, arg_index(a, ctx->cmd, "--C"), "--C needs a "
		    "range (LO < HI)");
	if (runs_columns(ctx, a, k, &ds, &N, &C, &L, &owned, used) != 0)
		return -1;
	err_clear(&e);
	rc = (arg(a, ctx->cmd, "--curves") != NULL ? frontier_approach1_curves :
	    frontier_approach1)(N, C, L, ds->nrows, (size_t)bins, lo, hi, &r, &e);
	free(owned);
	if (rc != 0)
		return cmd_fail(ctx, arg_index(a, ctx->cmd, "DATA"), "%s", e.msg);
	view_put(ctx->out, approach_rec("frontier approach1", ds, used, &r));
	approach_free(&r);
	return 0;
}

static int
cmd_approach2_exec(sx_ctx *ctx, const sx_args *a)
{
	const sx_dataset *ds;
	const double *N, *C, *L;
	double *owned, k, gap;
	unsigned long window;
	sx_approach r;
	sx_err e;
	int rc, used[3];

	if (parse_positive(ctx, a, "--k", &k) != 0 ||
	    parse_positive(ctx, a, "--gap", &gap) != 0)
		return -1;
	window = arg_int(a, ctx->cmd, "--window");
	if (window != 0 && (window < 3 || window > 100000))
		return cmd_fail(ctx, arg_index(a, ctx->cmd, "--window"),
		    "--window must be 3 to 100000 sizes, or 0 for all");
	if (runs_columns(ctx, a, k, &ds, &N, &C, &L, &owned, used) != 0)
		return -1;
	err_clear(&e);
	rc = frontier_approach2(N, C, L, ds->nrows, gap, (size_t)window, &r,
	    &e);
	free(owned);
	if (rc != 0)
		return cmd_fail(ctx, arg_index(a, ctx->cmd, "DATA"), "%s", e.msg);
	if (arg(a, ctx->cmd, "--plot") != NULL) {
		figures_fig *ff = figures_isoflop(N, L, ds->nrows, &r, &e);

		approach_free(&r);
		if (ff == NULL)
			return cmd_fail(ctx, -1, "%s", e.msg);
		rc = plotout_emit(ctx, a, figures_px(ff), "frontier approach2");
		figures_free(ff);
		return rc;
	}
	view_put(ctx->out, approach_rec("frontier approach2", ds, used, &r));
	approach_free(&r);
	return 0;
}

#define APPROACH_K_ROW \
	{ "--k", ARG_NUMBER, 0, NULL, "K", \
	  "C = k*N*D when DATA has no C column", SX_STR(SX_FRONTIER_K) }

static const sx_argdef approach1_args[] = {
	{ "DATA", ARG_DATASET, 0, NULL, NULL, NULL, NULL },
	{ "--bins", ARG_INT, 0, NULL, "B",
	  "compute bins (with --curves: budgets)", "20" },
	{ "--curves", ARG_FLAG, 0, NULL, NULL,
	  "the rows of each model size are one run's learning curve (losses "
	  "logged as training went on): interpolate each curve's log L in "
	  "log C and take, at each of B log-spaced budgets, the size whose "
	  "curve is lowest there (Hoffmann et al. interpolate their curves "
	  "so)", NULL },
	{ "--C", ARG_WORD, 0, NULL, "LO..HI",
	  "bin only this range of C in FLOP (default: the runs' range); keep "
	  "it where the sizes run bracket the optimum, or the envelope sticks "
	  "to the edge", NULL },
	APPROACH_K_ROW,
	{ NULL, 0, 0, NULL, NULL, NULL, NULL }
};
static const sx_argdef approach2_args[] = {
	{ "DATA", ARG_DATASET, 0, NULL, NULL, NULL, NULL },
	{ "--gap", ARG_NUMBER, 0, NULL, "DECADES",
	  "a new budget starts where sorted log10 C jumps by more than this",
	  "0.1" },
	{ "--window", ARG_INT, 0, NULL, "K",
	  "fit the K runs nearest in size to the lowest loss of each budget "
	  "(0: all). Hoffmann et al. fit each IsoFLOP profile whole, its sizes "
	  "placed around the minimum: a profile of up to 9 sizes is fitted "
	  "whole, a wider sweep only near its minimum, where L is close to a "
	  "parabola in log N", SX_STR(SX_APPROACH2_WINDOW) },
	APPROACH_K_ROW,
	{ "--plot", ARG_FLAG, 0, NULL, NULL,
	  "draw the IsoFLOP profiles instead (Hoffmann et al.'s Figure 3): L "
	  "against N per budget with its parabola, the minima as diamonds, "
	  "and N_opt against C with the fitted line in a panel to the right; "
	  "with the plot options:", NULL },
	PLOTOUT_ARGS,
	{ NULL, 0, 0, NULL, NULL, NULL, NULL }
};

const sx_cmd cmd_approach1_entry = {
	"frontier approach1", NULL,
	"Hoffmann et al.'s approach 1 on runs (columns N, L, and C or D):\n"
	"the lower envelope of the learning curves. Runs are binned by log C;\n"
	"in each bin the lowest-loss run gives N_opt, and N_opt = coef*C^a is\n"
	"fitted through them (with the slope's standard error).\n",
	approach1_args, 0, cmd_approach1_exec
};

const sx_cmd cmd_approach2_entry = {
	"frontier approach2", NULL,
	"Hoffmann et al.'s approach 2 (IsoFLOP profiles) on runs (columns N, L,\n"
	"and C or D): runs are grouped by budget, a parabola of L in log N is\n"
	"fitted per budget to the K sizes around its lowest loss, and its\n"
	"vertex is that budget's N_opt; then N_opt = coef*C^a. Budgets with\n"
	"fewer than 3 sizes or a parabola opening downwards are skipped; so is\n"
	"a budget whose vertex lies outside the sizes fitted, with a warning.\n"
	"A vertex below every loss run at its budget by more than 1/8 of the\n"
	"spread of the losses fitted (the most a parabola through evenly\n"
	"spaced sizes dips between two of them) plus the runs' scatter about\n"
	"it is an extrapolation: it is kept, with a warning.\n"
	"Approach 2 is biased when alpha != beta: L is not symmetric in log N\n"
	"about its minimum, so the parabola's vertex misses it by a factor that\n"
	"depends on the window of sizes; N_opt is off, and so is the exponent\n"
	"when the windows are not placed alike around every budget's optimum.\n",
	approach2_args, 0, cmd_approach2_exec
};
