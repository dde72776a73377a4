/* fit.c: fit: a law fitted to a dataset, with errors on every parameter. */
#include "config.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "base/xalloc.h"
#include "commands/scaling/fit.h"
#include "sessions/colbind.h"
#include "sessions/lex.h"
#include "sessions/progress.h"
#include "views/view.h"

/*
 * Refit kboot resamples of the rows fit r used (those not held out) and
 * put the percentile intervals in r; on failure or Ctrl-C, say so, free
 * r and return -1.
 */
static int
fit_run_bootstrap(sx_ctx *ctx, const sx_args *a, const sx_model *m,
    const double **x, const double *y, size_t nrows,
    const unsigned char *held, const sx_fit_opts *opts, size_t kboot,
    unsigned long seed, double level, sx_fit_result *r)
{
	size_t nk = 0;
	/* The inputs, y and the weights of the rows kept, column by column. */
	double *kx = xmalloc((m->nin + 2) * (nrows + 1) * sizeof *kx);
	const double **kxs = xcalloc(m->nin + 2, sizeof *kxs);
	sx_fit_opts ko = *opts;
	sx_progress pg;
	sx_err e;
	int brc;

	for (size_t i = 0; i < nrows; i++)
		if (!held[i]) {
			for (size_t k = 0; k <= m->nin; k++)
				kx[k * nrows + nk] = k < m->nin ? x[k][i] : y[i];
			if (opts->weights != NULL)
				kx[(m->nin + 1) * nrows + nk] = opts->weights[i];
			nk++;
		}
	for (size_t k = 0; k <= m->nin + 1; k++)
		kxs[k] = kx + k * nrows;
	if (opts->weights != NULL)
		ko.weights = kxs[m->nin + 1];
	err_clear(&e);
	progress_begin(&pg, ctx->out, "bootstrap");
	brc = fit_bootstrap(m, kxs, kxs[m->nin], nk, &ko, kboot, seed, level, r,
	    progress_update, &pg, &e);
	progress_end(&pg);
	free(kx);
	free(kxs);
	if (brc != 0) {
		fit_result_free(r);
		return cmd_fail(ctx, arg_index(a, ctx->cmd, "--bootstrap"), "%s%s",
		    strcmp(e.msg, "cancelled") == 0 ? "bootstrap " : "", e.msg);
	}
	return 0;
}

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

static int
cmd_fit_exec(sx_ctx *ctx, const sx_args *a)
{
	const char *mname = arg(a, ctx->cmd, "MODEL");
	const char *as = arg(a, ctx->cmd, "as");
	const char *yname = arg(a, ctx->cmd, "--y");
	const char *space = arg(a, ctx->cmd, "--space");
	const sx_model *m = ws_model(ctx->ws, mname);
	const sx_dataset *ds, *all;
	sx_dataset *own = NULL;
	const double **x = NULL, *w;
	int *cols = NULL;
	double *init = NULL;
	unsigned char *given = NULL, *fixed = NULL;
	const char *ho = arg(a, ctx->cmd, "--holdout");
	unsigned char *held = NULL;
	sx_grid_axis *axes = NULL;
	sx_starts starts;
	size_t kboot = 0;
	double level = 0.95;
	unsigned long seed = 0;
	int seed_chosen = 0;
	sx_fit_opts opts;
	sx_fitrec *f = NULL;
	sx_err e;
	char note[200];
	int ycol, wcol, rc = -1;

	if (m == NULL)
		return cmd_fail(ctx, arg_index(a, ctx->cmd, "MODEL"),
		    "no model '%s' (see 'models')", mname);
	all = colbind_dataset(ctx, arg_index(a, ctx->cmd, "DATA"),
	    arg(a, ctx->cmd, "DATA"));
	if (all == NULL)
		return -1;
	ycol = colbind_column(ctx, arg_index(a, ctx->cmd, yname != NULL ? "--y" :
	    "DATA"), all, yname != NULL ? yname : "L");
	if (ycol < 0 || fit_weights(ctx, a, all, &w, &wcol) != 0)
		return -1;
	f = xcalloc(1, sizeof *f);
	f->nx = m->nin;
	f->xcols = xcalloc(m->nin, sizeof *f->xcols);
	x = xcalloc(m->nin, sizeof *x);
	cols = xcalloc(m->nin + 1, sizeof *cols);
	cols[0] = ycol;
	for (size_t i = 0; i < m->nin; i++) {
		int c = fit_input_column(ctx, a, all, m, m->inputs[i], ycol);

		if (c < 0)
			goto out;
		cols[i + 1] = c;
		f->xcols[i] = xstrdup(all->cols[c].name);
	}
	/* The fit, hold-out and bootstrap see the rows complete in y and the
	 * inputs; the record says how many others there were and why. */
	ds = fit_complete_rows(all, cols, m->nin + 1, f, &own);
	for (size_t i = 0; i < m->nin; i++)
		x[i] = ds->cols[cols[i + 1]].v;
	if (w != NULL)
		w = ds->cols[wcol].v;
	init = xcalloc(m->np, sizeof *init);
	given = xcalloc(m->np, 1);
	fixed = xcalloc(m->np, 1);
	for (size_t i = 0; i < m->np; i++)
		init[i] = NAN;
	if (arg(a, ctx->cmd, "--init") != NULL && fit_parse_assigns(ctx,
	    arg_index(a, ctx->cmd, "--init"), m, arg(a, ctx->cmd, "--init"), init,
	    given) != 0)
		goto out;
	if (arg(a, ctx->cmd, "--fix") != NULL && fit_parse_assigns(ctx,
	    arg_index(a, ctx->cmd, "--fix"), m, arg(a, ctx->cmd, "--fix"), init,
	    fixed) != 0)
		goto out;
	memset(&opts, 0, sizeof opts);
	opts.space = space != NULL && strcmp(space, "linear") == 0 ?
	    SX_SPACE_LINEAR : SX_SPACE_LOG;
	opts.init = init;
	opts.fixed = fixed;
	opts.weights = w;
	if (fit_parse_loss(ctx, arg_index(a, ctx->cmd, "--loss"),
	    arg(a, ctx->cmd, "--loss"), &opts) != 0 ||
	    fit_parse_starts(ctx, arg_index(a, ctx->cmd, "--starts"), m, fixed,
	    arg(a, ctx->cmd, "--starts"), &starts, &axes) != 0)
		goto out;
	opts.starts = &starts;
	if (arg(a, ctx->cmd, "--bootstrap") != NULL) {
		kboot = arg_int(a, ctx->cmd, "--bootstrap");
		if (kboot == 0) {
			cmd_fail(ctx, arg_index(a, ctx->cmd, "--bootstrap"),
			    "--bootstrap needs K >= 1 replicates");
			goto out;
		}
	}
	if (arg(a, ctx->cmd, "--ci") != NULL) {
		level = arg_num(a, ctx->cmd, "--ci");
		if (!(level > 0.0 && level < 1.0)) {
			cmd_fail(ctx, arg_index(a, ctx->cmd, "--ci"),
			    "--ci expects a level between 0 and 1, e.g. 0.9");
			goto out;
		}
	}
	/* A seed is needed for random starts and the bootstrap: the user's,
	 * or one drawn here and logged so that replay gives the same. */
	if (arg(a, ctx->cmd, "--seed") != NULL)
		seed = arg_int(a, ctx->cmd, "--seed");
	else if (starts.kind == SX_STARTS_RANDOM || kboot > 0) {
		seed = ((unsigned long)time(NULL) ^ ((unsigned long)getpid() <<
		    16)) % 1000000007UL;
		seed_chosen = 1;
	}
	starts.seed = seed;
	held = xcalloc(ds->nrows + 1, 1);
	if (ho != NULL && fit_holdout_rows(ctx, arg_index(a, ctx->cmd,
	    "--holdout"), ds, ho, held) != 0)
		goto out;
	err_clear(&e);
	if (ho != NULL) {
		if (fit_holdout(m, x, ds->cols[ycol].v, ds->nrows, held, ho, &opts,
		    &f->res, &e) != 0) {
			cmd_fail(ctx, arg_index(a, ctx->cmd, "--holdout"), "%s%s",
			    e.msg, fit_missing_note(f, note, sizeof note));
			goto out;
		}
	} else if (fit_run(m, x, ds->cols[ycol].v, ds->nrows, &opts, &f->res,
	    &e) != 0) {
		cmd_fail(ctx, arg_index(a, ctx->cmd, "DATA"), "fit failed: %s%s",
		    e.msg, fit_missing_note(f, note, sizeof note));
		goto out;
	}
	/* A fit stuck where nothing can be identified is no result: it fails,
	 * and the previous fit of that name stays (as gnuplot's fit does). */
	if (!f->res.converged && !(f->res.cond < INFINITY)) {
		cmd_fail(ctx, arg_index(a, ctx->cmd, arg(a, ctx->cmd, "--init") !=
		    NULL ? "--init" : "DATA"), "fit failed: %s from these starting "
		    "values; nothing was changed (try others with --init or "
		    "--starts)", f->res.reason);
		fit_result_free(&f->res);
		goto out;
	}
	if (kboot > 0 && fit_run_bootstrap(ctx, a, m, x, ds->cols[ycol].v,
	    ds->nrows, held, &opts, kboot, seed, level, &f->res) != 0)
		goto out;
	f->name = xstrdup(as != NULL ? as : m->name);
	f->model = xstrdup(m->name);
	f->data = xstrdup(ds->name);
	f->ycol = xstrdup(ds->cols[ycol].name);
	f->wcol = wcol >= 0 ? xstrdup(ds->cols[wcol].name) : NULL;
	f->space = opts.space;
	view_put(ctx->out, fit_record("fit", f, m, 0));
	if (as == NULL || space == NULL || seed_chosen)
		fit_log_choices(ctx, f->name, as == NULL, space == NULL,
		    seed_chosen ? &seed : NULL);
	ws_set_current(&ctx->ws->cur_fit, f->name);
	ws_put_fit(ctx->ws, f);
	f = NULL;
	rc = 0;
out:
	if (f != NULL) {
		f->name = f->model = f->data = f->ycol = f->wcol = NULL;
		f->res = (sx_fit_result){ 0 };
		fitrec_free(f);
	}
	dataset_free(own);
	free(cols);
	free(x);
	free(init);
	free(given);
	free(fixed);
	free(held);
	free(axes);
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
	  "refit K resamples of the rows from the estimate and report "
	  "percentile intervals (Ctrl-C cancels)", NULL },
	{ "--ci", ARG_NUMBER, 0, NULL, "LEVEL", "the intervals' level", "0.95" },
	{ "--weights", ARG_COLUMN, 0, NULL, "COL",
	  "weighted fit: minimise the sum of w rho(r) with w the column's "
	  "values (finite, > 0); the weights are relative, as scipy's "
	  "curve_fit with sigma = 1/sqrt(w): the errors take their scale from "
	  "the residuals. rmse and R² are weighted too", NULL },
	{ "--holdout", ARG_EXPR, 0, NULL, "EXPR",
	  "fit the rows where EXPR is false, e.g. 'C > 1e21', and report the "
	  "error on the others (RMSE of log y - log L, max |y - L|)", NULL },
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
