/* fit.c: fit: a law fitted to a dataset, with errors on every parameter. */
#include "config.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "base/xalloc.h"
#include "commands/scaling/fit.h"
#include "sessions/colbind.h"
#include "sessions/lex.h"
#include "scaling/groups.h"
#include "sessions/tableout.h"
#include "views/view.h"

/*
 * Log the choices made for the user explicitly, so that replay makes the
 * same fit: its name (no `as`), its space (no --space) and a drawn seed.
 */
static void
fit_log_choices(sx_ctx *ctx, const char *name, int no_as, int no_space,
    const unsigned long *seed)
{
	char *q = lex_quote(name), *sd = seed != NULL ?
	    xasprintf("--seed %lu", *seed) : xstrdup("");
	char *extra = xasprintf("%s%s%s%s%s%s", no_as ? "as " : "",
	    no_as ? q : "", no_as && no_space ? " " : "",
	    no_space ? "--space log" : "",
	    seed != NULL && (no_as || no_space) ? " " : "", sd);

	ctx->logtext = cmd_text(ctx->cl, extra);
	free(extra);
	free(sd);
	free(q);
}

/* Store the fits of a --by run under base, replacing every earlier group
 * fit of that base (a refit may have fewer groups). */
static void
fit_store_groups(sx_workspace *ws, const char *base, sx_fitrec **fits,
    size_t n)
{
	sx_fitrec *old;

	while (ws_group_fits(ws, base, &old, 1) > 0) {
		size_t i;

		for (i = 0; ws->fits[i] != old; i++)
			;
		fitrec_free(old);
		memmove(ws->fits + i, ws->fits + i + 1, (ws->nfits - i - 1) *
		    sizeof *ws->fits);
		ws->nfits--;
	}
	for (size_t k = 0; k < n; k++)
		ws_put_fit(ws, fits[k]);
}

/*
 * fit ... --by COL: the job run on each group's rows, fits named
 * base[group]; all or nothing. Returns the record, or NULL after cmd_fail.
 */
static sx_rec *
fit_by_groups(sx_ctx *ctx, const sx_args *a, fit_job *j, const sx_dataset *ds,
    const char *base)
{
	const char *by = arg(a, ctx->cmd, "--by");
	int argi = arg_index(a, ctx->cmd, "--by"), c = dataset_column(ds, by);
	sx_fitrec **fits;
	unsigned char *keep;
	sx_groups g;
	sx_rec *r, *list;
	sx_err e;
	size_t k;

	err_clear(&e);
	if (c < 0) {
		/* Its message lists the columns there are. */
		dataset_numeric_column(ds, by, &e);
		cmd_fail(ctx, argi, "%s", e.msg);
		return NULL;
	}
	if (groups_of_column(ds, (size_t)c, &g, &e) != 0) {
		cmd_fail(ctx, argi, "--by: %s", e.msg);
		return NULL;
	}
	if (g.n < 2) {
		if (g.n == 0)
			cmd_fail(ctx, argi, "--by %s: '%s' has no value in that column",
			    ds->cols[c].name, ds->name);
		else
			cmd_fail(ctx, argi, "--by %s: every row of '%s' is in one group "
			    "('%s'): fit it without --by", ds->cols[c].name, ds->name,
			    g.names[0]);
		groups_free(&g);
		return NULL;
	}
	fits = xcalloc(g.n, sizeof *fits);
	keep = xcalloc(ds->nrows + 1, 1);
	for (k = 0; k < g.n; k++) {
		sx_dataset *sub;

		groups_mask(&g, k, keep);
		sub = dataset_select_rows(ds, keep, ds->name);
		fits[k] = fit_job_run(ctx, a, j, sub);
		dataset_free(sub);
		if (fits[k] == NULL) {
			char *why = xstrdup(ctx->err.msg);

			err_set(&ctx->err, "group '%s' of %s: %s", g.names[k],
			    ds->cols[c].name, why);
			free(why);
			break;
		}
		fits[k]->name = fit_group_name(base, g.names[k]);
		fits[k]->base = xstrdup(base);
		fits[k]->by = xstrdup(ds->cols[c].name);
		fits[k]->group = xstrdup(g.names[k]);
	}
	free(keep);
	r = NULL;
	if (k == g.n) {
		r = rec_new("fit by");
		rec_str(r, "name", base);
		rec_str(r, "model", j->m->name);
		rec_str(r, "data", ds->name);
		rec_str(r, "by", ds->cols[c].name);
		list = rec_arr(r, "groups");
		for (k = 0; k < g.n; k++) {
			rec_adopt(list, NULL, fit_record("fit", fits[k], j->m, 0));
		}
		fit_store_groups(ctx->ws, base, fits, g.n);
	} else
		for (size_t i = 0; i < g.n; i++)
			fitrec_free(fits[i]);
	free(fits);
	groups_free(&g);
	return r;
}

static int
cmd_fit_exec(sx_ctx *ctx, const sx_args *a)
{
	const char *mname = arg(a, ctx->cmd, "MODEL");
	const char *as = arg(a, ctx->cmd, "as");
	const sx_model *m = ws_model(ctx->ws, mname);
	const char *name = as != NULL ? as : mname;
	const sx_dataset *ds;
	sx_fitrec *f;
	sx_rec *r;
	fit_job job;
	const sx_cmdline *cl = ctx->cl;
	sx_cmdline bare;
	int rc = -1;

	if (m == NULL)
		return cmd_fail(ctx, arg_index(a, ctx->cmd, "MODEL"),
		    "no model '%s' (see 'models')", mname);
	if (tableout_check(ctx, a) != 0)
		return -1;
	ds = colbind_dataset(ctx, arg_index(a, ctx->cmd, "DATA"),
	    arg(a, ctx->cmd, "DATA"));
	if (ds == NULL)
		return -1;
	if (fit_job_parse(ctx, a, m, &job) != 0)
		goto out;
	if (arg(a, ctx->cmd, "--by") != NULL) {
		if ((r = fit_by_groups(ctx, a, &job, ds, name)) == NULL)
			goto out;
		if (tableout_put(ctx, a, r) != 0)
			goto out;
	} else {
		if ((f = fit_job_run(ctx, a, &job, ds)) == NULL)
			goto out;
		f->name = xstrdup(name);
		if (tableout_put(ctx, a, fit_record("fit", f, m, 0)) != 0) {
			fitrec_free(f);
			goto out;
		}
		ws_put_fit(ctx->ws, f);
	}
	/* Logged without its table's options: replay writes no file. */
	if (tableout_strip(ctx, a, &bare))
		ctx->cl = &bare;
	if (as == NULL || arg(a, ctx->cmd, "--space") == NULL || job.seed_chosen)
		fit_log_choices(ctx, name, as == NULL,
		    arg(a, ctx->cmd, "--space") == NULL,
		    job.seed_chosen ? &job.seed : NULL);
	else if (ctx->cl == &bare)
		ctx->logtext = cmd_text(&bare, NULL);
	if (ctx->cl == &bare) {
		ctx->cl = cl;
		free(bare.argv);
	}
	if (arg(a, ctx->cmd, "--by") != NULL) {
		/* The TUI follows a fit: the first group's. */
		sx_fitrec *first;

		ws_group_fits(ctx->ws, name, &first, 1);
		ws_set_current(&ctx->ws->cur_fit, first->name);
	} else
		ws_set_current(&ctx->ws->cur_fit, name);
	rc = 0;
out:
	fit_job_free(&job);
	return rc;
}

static const sx_argdef fit_args[] = {
	{ "MODEL", ARG_MODEL, 0, NULL, NULL, NULL, NULL },
	{ "DATA", ARG_DATASET, 0, NULL, NULL, NULL, NULL },
	{ "as", ARG_NAME, ARG_KEY, NULL, "NAME",
	  "name of the fit (default: the model's name)", NULL },
	{ "--y", ARG_COLUMN, 0, NULL, "COL",
	  "the column fitted (default: the loss column L)", NULL },
	{ "--x", ARG_COLUMN, 0, NULL, "COL",
	  "input column of a one-input law such as pl or plc (default: the "
	  "first of C, N, D, S, t present)", NULL },
	{ "--space", ARG_CHOICE, 0, "log|linear", "log|linear",
	  "residuals log y - log L (log) or y - L (linear)", "log" },
	{ "--init", ARG_ASSIGNS, 0, NULL, "P=V,...",
	  "starting values (default: automatic, from log-log regression and a "
	  "small grid solved for the linear parameters)", NULL },
	{ "--fix", ARG_ASSIGNS, 0, NULL, "P=V,...",
	  "hold parameters at these values (grids leave them out; bootstrap "
	  "and hold-out refits keep them)", NULL },
	{ "--loss", ARG_WORD, 0, "ls|huber:0.001", "ls|huber:DELTA",
	  "ls (least squares) or huber:DELTA: the SUM of Huber terms of "
	  "log y - log L (Hoffmann et al. 2022 use huber:1e-3); DELTA > 0",
	  "ls" },
	{ "--starts", ARG_WORD, 0, "grid", "grid|N|P=lo:hi:step,...",
	  "grid: start from every point of a grid and keep the lowest "
	  "objective (chinchilla: Hoffmann's 4,500 points, alpha, beta in "
	  "0:2:0.5, logE in -1:1:0.5, logA, logB in 0:25:5; other laws: 3 "
	  "points per parameter around the automatic start; fixed parameters' "
	  "axes are dropped); N: N seeded random starts; P=lo:hi:step,...: "
	  "your grid (logP for log of a positive scale; not on a fixed "
	  "parameter). Starts that reach a minimum already found stop there; "
	  "the report counts all of them", NULL },
	{ "--seed", ARG_INT, 0, NULL, "S",
	  "seed of random starts and the bootstrap (default: drawn, and "
	  "recorded in the log)", NULL },
	{ "--bootstrap", ARG_INT, 0, NULL, "K",
	  "refit K resamples (1 to 1000000) of the rows from the estimate "
	  "and report percentile intervals (Ctrl-C cancels)", NULL },
	{ "--ci", ARG_NUMBER, 0, NULL, "LEVEL", "the intervals' level", "0.95" },
	{ "--weights", ARG_COLUMN, 0, NULL, "COL",
	  "weighted fit: minimise the sum of w rho(r) with w the column's "
	  "values (finite, > 0); the weights are relative, as scipy's "
	  "curve_fit with sigma = 1/sqrt(w): the errors take their scale from "
	  "the residuals. rmse and R² are weighted too", NULL },
	{ "--bounds", ARG_WORD, 0, NULL, "P=lo:hi,...",
	  "keep parameters within bounds (either side may be empty: open), "
	  "e.g. rd=0:,E=1:3; the solvers fit a map of the interval, and a "
	  "parameter that ends on its bound is held there and reported so "
	  "(positive scales stay positive without it)", NULL },
	{ "--tie", ARG_WORD, 0, NULL, "P=Q,...",
	  "fit P and Q as one parameter (e.g. alpha=beta), reported once with "
	  "one standard error", NULL },
	{ "--by", ARG_COLUMN, 0, NULL, "COL",
	  "fit each group of rows separately: the groups are the values of "
	  "COL, a text or whole-number column; the fits are stored as "
	  "NAME[group] and a table compares them (options apply to each "
	  "group: its own start, bootstrap and hold-out)", NULL },
	{ "--holdout", ARG_EXPR, 0, NULL, "EXPR",
	  "fit the rows where EXPR is false, e.g. 'C > 1e21', and report the "
	  "error on the others (RMSE of log y - log L, max |y - L|)", NULL },
	TABLEOUT_ARGS,
	{ NULL, 0, 0, NULL, NULL, NULL, NULL }
};

const sx_cmd cmd_fit_entry = {
	"fit", NULL,
	"Fit a law (see 'models') to a dataset by nonlinear least squares\n"
	"(trust-region Levenberg-Marquardt, analytic Jacobian) or by the sum\n"
	"of Huber terms of the log residuals (damped Newton).\n"
	"Reports each parameter with its standard error (from the covariance\n"
	"at the optimum; for huber, Huber's 1981 asymptotic covariance, which\n"
	"assumes independent errors: --bootstrap does not, and on real runs\n"
	"can be wider), RMSE and R² in the fit's space, iterations and why\n"
	"it stopped, the objective and its formula, the condition number of\n"
	"J^T J (in the solver's variables: logs of positive scales) and\n"
	"warnings. The objective is Σρ(r) over the residuals, one convention\n"
	"for both losses: ρ(r) = r²/2 for ls (half the sum of squares, as\n"
	"scipy's least_squares cost and GSL report it) and, for huber, r²/2\n"
	"for |r| ≤ δ, δ(|r| − δ/2) beyond. A huber fit with fewer than half\n"
	"its residuals within δ warns that its ± are unreliable (use\n"
	"--bootstrap). A fit that fails or is cancelled leaves the previous\n"
	"one in place.\n",
	fit_args, CMD_STATE, cmd_fit_exec
};
