/* fit-job.c: one fit as the fit command asks for it: the options parsed
 * once, then run on a dataset (the whole one, or each group of --by). */
#include "config.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "base/xalloc.h"
#include "commands/scaling/fit.h"
#include "sessions/colbind.h"
#include "sessions/progress.h"

/*
 * Refit kboot resamples of the rows fit r used (those not held out) and
 * put the percentile intervals in r; on failure or Ctrl-C, say so, free
 * r and return -1.
 */
static int
fit_run_bootstrap(sx_ctx *ctx, const sx_args *a, const fit_job *j,
    const double **x, const double *y, size_t nrows,
    const unsigned char *held, sx_fit_result *r)
{
	const sx_model *m = j->m;
	size_t nk = 0;
	/* The inputs, y and the weights of the rows kept, column by column. */
	double *kx = xmalloc((m->nin + 2) * (nrows + 1) * sizeof *kx);
	const double **kxs = xcalloc(m->nin + 2, sizeof *kxs);
	sx_fit_opts ko = j->opts;
	sx_progress pg;

	ko.progress = NULL;
	sx_err e;
	int brc;

	for (size_t i = 0; i < nrows; i++)
		if (!held[i]) {
			for (size_t k = 0; k <= m->nin; k++)
				kx[k * nrows + nk] = k < m->nin ? x[k][i] : y[i];
			if (ko.weights != NULL)
				kx[(m->nin + 1) * nrows + nk] = ko.weights[i];
			nk++;
		}
	for (size_t k = 0; k <= m->nin + 1; k++)
		kxs[k] = kx + k * nrows;
	if (ko.weights != NULL)
		ko.weights = kxs[m->nin + 1];
	err_clear(&e);
	progress_begin(&pg, ctx->out, "bootstrap");
	brc = fit_bootstrap(m, kxs, kxs[m->nin], nk, &ko, j->kboot, j->seed,
	    j->level, r, progress_update, &pg, &e);
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

int
fit_job_parse(sx_ctx *ctx, const sx_args *a, const sx_model *m, fit_job *j)
{
	const char *space = arg(a, ctx->cmd, "--space");

	memset(j, 0, sizeof *j);
	j->m = m;
	j->init = xcalloc(m->np, sizeof *j->init);
	j->given = xcalloc(m->np, 1);
	j->fixed = xcalloc(m->np, 1);
	j->level = 0.95;
	for (size_t i = 0; i < m->np; i++)
		j->init[i] = NAN;
	if (arg(a, ctx->cmd, "--init") != NULL && fit_parse_assigns(ctx,
	    arg_index(a, ctx->cmd, "--init"), m, arg(a, ctx->cmd, "--init"),
	    j->init, j->given) != 0)
		return -1;
	if (arg(a, ctx->cmd, "--fix") != NULL && fit_parse_assigns(ctx,
	    arg_index(a, ctx->cmd, "--fix"), m, arg(a, ctx->cmd, "--fix"),
	    j->init, j->fixed) != 0)
		return -1;
	j->opts.space = space != NULL && strcmp(space, "linear") == 0 ?
	    SX_SPACE_LINEAR : SX_SPACE_LOG;
	j->opts.init = j->init;
	j->opts.fixed = j->fixed;
	if (arg(a, ctx->cmd, "--bounds") != NULL) {
		j->lo = xmalloc((m->np + 1) * sizeof *j->lo);
		j->hi = xmalloc((m->np + 1) * sizeof *j->hi);
		for (size_t i = 0; i < m->np; i++) {
			j->lo[i] = -INFINITY;
			j->hi[i] = INFINITY;
		}
		if (fit_parse_bounds(ctx, arg_index(a, ctx->cmd, "--bounds"),
		    "--bounds", m,
		    arg(a, ctx->cmd, "--bounds"), j->lo, j->hi) != 0)
			return -1;
		j->opts.lo = j->lo;
		j->opts.hi = j->hi;
	}
	if (arg(a, ctx->cmd, "--tie") != NULL) {
		j->tie = xmalloc((m->np + 1) * sizeof *j->tie);
		for (size_t i = 0; i < m->np; i++)
			j->tie[i] = i;
		if (fit_parse_ties(ctx, arg_index(a, ctx->cmd, "--tie"), m,
		    arg(a, ctx->cmd, "--tie"), j->tie) != 0)
			return -1;
		j->opts.tie = j->tie;
	}
	if (fit_parse_loss(ctx, arg_index(a, ctx->cmd, "--loss"),
	    arg(a, ctx->cmd, "--loss"), &j->opts) != 0 ||
	    fit_parse_starts(ctx, arg_index(a, ctx->cmd, "--starts"), m, j->fixed,
	    j->lo, arg(a, ctx->cmd, "--starts"), &j->starts, &j->axes) != 0)
		return -1;
	j->opts.starts = &j->starts;
	if (arg(a, ctx->cmd, "--bootstrap") != NULL) {
		j->kboot = arg_int(a, ctx->cmd, "--bootstrap");
		if (j->kboot == 0 || j->kboot > FIT_MAX_BOOT)
			return cmd_fail(ctx, arg_index(a, ctx->cmd, "--bootstrap"),
			    "--bootstrap is 1 to %d replicates, not %zu",
			    FIT_MAX_BOOT, j->kboot);
	}
	if (arg(a, ctx->cmd, "--ci") != NULL) {
		j->level = arg_num(a, ctx->cmd, "--ci");
		if (!(j->level > 0.0 && j->level < 1.0))
			return cmd_fail(ctx, arg_index(a, ctx->cmd, "--ci"),
			    "--ci expects a level between 0 and 1, e.g. 0.9");
	}
	/* A seed is needed for random starts and the bootstrap: the user's,
	 * or one drawn here and logged so that replay gives the same. */
	if (arg(a, ctx->cmd, "--seed") != NULL)
		j->seed = arg_int(a, ctx->cmd, "--seed");
	else if (j->starts.kind == SX_STARTS_RANDOM || j->kboot > 0) {
		j->seed = ((unsigned long)time(NULL) ^ ((unsigned long)getpid() <<
		    16)) % 1000000007UL;
		j->seed_chosen = 1;
	}
	j->starts.seed = j->seed;
	return 0;
}

void
fit_job_free(fit_job *j)
{
	free(j->init);
	free(j->given);
	free(j->fixed);
	free(j->axes);
	free(j->lo);
	free(j->hi);
	free(j->tie);
	memset(j, 0, sizeof *j);
}

sx_fitrec *
fit_job_run(sx_ctx *ctx, const sx_args *a, fit_job *j,
    const sx_dataset *all)
{
	const sx_model *m = j->m;
	const char *yname = arg(a, ctx->cmd, "--y");
	const char *ho = arg(a, ctx->cmd, "--holdout");
	const double **x = NULL, *w;
	const sx_dataset *ds = all;
	sx_dataset *own = NULL;
	unsigned char *held = NULL;
	sx_fitrec *f = NULL;
	sx_err e;
	sx_progress pg;
	char note[200];
	int ycol, wcol, *cols = NULL, ok = 0, frc;

	ycol = colbind_column(ctx, arg_index(a, ctx->cmd, yname != NULL ? "--y" :
	    "DATA"), all, yname != NULL ? yname : "L");
	if (ycol < 0 || fit_weights(ctx, a, all, &w, &wcol) != 0)
		return NULL;
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
	j->opts.weights = w != NULL ? ds->cols[wcol].v : NULL;
	held = xcalloc(ds->nrows + 1, 1);
	if (ho != NULL && fit_holdout_rows(ctx, arg_index(a, ctx->cmd,
	    "--holdout"), ds, ho, held) != 0)
		goto out;
	err_clear(&e);
	/* Several starts take a while: a bar, and Ctrl-C stops them. */
	progress_begin(&pg, ctx->out, "starts");
	j->opts.progress = progress_update;
	j->opts.pctx = &pg;
	frc = ho != NULL ? fit_holdout(m, x, ds->cols[ycol].v, ds->nrows, held,
	    ho, &j->opts, &f->res, &e) : fit_run(m, x, ds->cols[ycol].v,
	    ds->nrows, &j->opts, &f->res, &e);
	progress_end(&pg);
	j->opts.progress = NULL;
	j->opts.pctx = NULL;
	if (frc != 0) {
		cmd_fail(ctx, arg_index(a, ctx->cmd, ho != NULL ? "--holdout" :
		    "DATA"), "%s%s%s", strcmp(e.msg, "cancelled") == 0 ? "fit " :
		    ho != NULL ? "" : "fit failed: ", e.msg,
		    fit_missing_note(f, note, sizeof note));
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
	if (j->kboot > 0 && fit_run_bootstrap(ctx, a, j, x, ds->cols[ycol].v,
	    ds->nrows, held, &f->res) != 0)
		goto out;
	f->model = xstrdup(m->name);
	f->data = xstrdup(ds->name);
	f->ycol = xstrdup(ds->cols[ycol].name);
	f->wcol = wcol >= 0 ? xstrdup(ds->cols[wcol].name) : NULL;
	f->space = j->opts.space;
	ok = 1;
out:
	j->opts.weights = NULL;
	dataset_free(own);
	free(cols);
	free(x);
	free(held);
	if (!ok) {
		fitrec_free(f);
		return NULL;
	}
	return f;
}
