/* cmd-fit.c: fit, fits, fit show, predict, set. */
#include "config.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include <time.h>
#include <unistd.h>

#include "base/xalloc.h"
#include "sessions/cmd.h"
#include "sessions/colbind.h"
#include "sessions/lex.h"
#include "sessions/progress.h"

/*
 * Parse "P=V,P=V" against model m's parameters into vals[]/given[].
 * Reports the bad pair through cmd_fail at argv index argi.
 */
static int
fit_parse_assigns(sx_ctx *ctx, int argi, const sx_model *m, const char *text,
    double *vals, unsigned char *given)
{
	char *copy = xstrdup(text), *save = NULL;
	int rc = 0;

	for (char *tok = strtok_r(copy, ",", &save); tok != NULL;
	    tok = strtok_r(NULL, ",", &save)) {
		char *eq = strchr(tok, '='), *end;
		int k;
		double v;

		if (eq == NULL) {
			rc = cmd_fail(ctx, argi, "expected P=V, not '%s'", tok);
			break;
		}
		*eq = '\0';
		k = model_param_index(m, tok);
		if (k < 0) {
			rc = cmd_fail(ctx, argi, "'%s' is not a parameter of %s", tok,
			    m->name);
			break;
		}
		v = strtod(eq + 1, &end);
		if (end == eq + 1 || *end != '\0' || !isfinite(v)) {
			rc = cmd_fail(ctx, argi, "%s: '%s' is not a number", tok, eq + 1);
			break;
		}
		vals[k] = v;
		given[k] = 1;
	}
	free(copy);
	return rc;
}

/* The dataset column for model input `in`, honouring --x for one-input laws. */
static int
fit_input_column(sx_ctx *ctx, const sx_args *a, const sx_dataset *ds,
    const sx_model *m, const char *in, int ycol)
{
	static const char *order[] = { "C", "N", "D", "S", "t" };
	const char *x = arg(a, ctx->cmd, "--x");

	if (x != NULL && m->nin == 1)
		return colbind_column(ctx, arg_index(a, ctx->cmd, "--x"), ds, x);
	if (strcmp(in, "x") != 0)
		return colbind_column(ctx, arg_index(a, ctx->cmd, "DATA"), ds, in);
	for (size_t i = 0; i < sizeof order / sizeof order[0]; i++) {
		int c = dataset_column(ds, order[i]);

		if (c >= 0 && c != ycol && ds->cols[c].v != NULL)
			return c;
	}
	return cmd_fail(ctx, arg_index(a, ctx->cmd, "DATA"), "%s is a law of one "
	    "column and '%s' has none of C, N, D, S, t: name it with --x COL",
	    m->name, ds->name);
}

/* The loss in words: "ls" or "huber:DELTA". */
static void
fit_loss_text(const sx_fit_result *r, char *buf, size_t len)
{
	if (r->loss == SX_LOSS_HUBER)
		snprintf(buf, len, "huber:%g", r->delta);
	else
		snprintf(buf, len, "ls");
}

/* The parameter correlation matrix of a fit, from its covariance. */
static void
fit_report_corr(sx_out *o, const sx_fit_result *r, const sx_model *m)
{
	size_t np = r->np;

	if (o->json) {
		out_key_arr(o, "corr");
		for (size_t i = 0; i < np; i++) {
			out_arr(o);
			for (size_t j = 0; j < np; j++)
				out_num(o, r->cov[i * np + j] / sqrt(r->cov[i * np + i] *
				    r->cov[j * np + j]));
			out_end(o);
		}
		out_end(o);
		return;
	}
	out_printf(o, "  correlation\n  %-8s", "");
	for (size_t j = 0; j < np; j++)
		out_printf(o, " %8.8s", m->params[j]);
	out_puts(o, "\n");
	for (size_t i = 0; i < np; i++) {
		out_printf(o, "  %-8s", m->params[i]);
		for (size_t j = 0; j < np; j++) {
			double c = r->cov[i * np + j] / sqrt(r->cov[i * np + i] *
			    r->cov[j * np + j]);

			if (isnan(c))
				out_printf(o, " %8s", "-");
			else
				out_printf(o, " %8.4f", c);
		}
		out_puts(o, "\n");
	}
}

/* The report of a fit, in text or JSON; the correlation matrix too when
 * corr is set. */
static void
fit_report(sx_out *o, const char *cmd, const sx_fitrec *f, const sx_model *m,
    int corr)
{
	const sx_fit_result *r = &f->res;
	const char *space = f->space == SX_SPACE_LOG ? "log" : "linear";
	char loss[48];
	int td = strcmp(m->name, "exptrend") == 0 ? model_param_index(m, "T") :
	    -1;

	fit_loss_text(r, loss, sizeof loss);
	if (o->json) {
		out_obj_begin(o, cmd);
		out_key_str(o, "name", f->name);
		out_key_str(o, "model", f->model);
		out_key_str(o, "data", f->data);
		out_key_int(o, "n", (long long)r->n);
		out_key_str(o, "space", space);
		out_key_str(o, "loss", loss);
		out_key_obj(o, "params");
		for (size_t i = 0; i < r->np; i++) {
			out_key_obj(o, m->params[i]);
			out_key_num(o, "value", r->p[i]);
			out_key_num(o, "se", r->se[i]);
			if (r->ci_lo != NULL) {
				out_key_arr(o, "ci");
				out_num(o, r->ci_lo[i]);
				out_num(o, r->ci_hi[i]);
				out_end(o);
				out_key_num(o, "ci_level", r->ci_level);
			}
			out_end(o);
		}
		out_end(o);
		out_key_num(o, "objective", r->objective);
		out_key_str(o, "objective_formula", fit_objective_formula(r->loss));
		if (r->loss == SX_LOSS_HUBER)
			out_key_int(o, "inside_delta", (long long)r->inside);
		out_key_num(o, "cond", r->cond);
		out_key_obj(o, "starts");
		out_key_int(o, "total", (long long)r->starts_total);
		out_key_int(o, "converged", (long long)r->starts_converged);
		out_end(o);
		if (r->nboot > 0) {
			out_key_obj(o, "bootstrap");
			out_key_int(o, "replicates", (long long)r->nboot);
			out_key_int(o, "seed", (long long)r->boot_seed);
			out_end(o);
		}
		if (r->holdout != NULL) {
			out_key_obj(o, "holdout");
			out_key_str(o, "rule", r->holdout);
			out_key_int(o, "n", (long long)r->ho_n);
			out_key_num(o, "rmse_log", r->ho_rmse_log);
			out_key_num(o, "max_abs_err", r->ho_maxabs);
			out_end(o);
		}
		out_key_num(o, "rmse", r->rmse);
		out_key_num(o, "r2", r->r2);
		out_key_int(o, "iterations", r->iterations);
		out_key_bool(o, "converged", r->converged);
		out_key_str(o, "reason", r->reason);
		if (r->warn[0] != '\0')
			out_key_str(o, "warnings", r->warn);
		if (corr)
			fit_report_corr(o, r, m);
		out_obj_end(o);
		return;
	}
	out_printf(o, "fit %s: %s to %s (%zu rows), %s = L(", f->name, f->model,
	    f->data, r->n, f->ycol);
	for (size_t i = 0; i < f->nx; i++)
		out_printf(o, "%s%s", i > 0 ? ", " : "", f->xcols[i]);
	out_printf(o, "), %s-space residuals\n", space);
	out_printf(o, "  L = %s\n", m->formula);
	for (size_t i = 0; i < r->np; i++) {
		/* A fixed parameter has a zero row in the covariance; a NaN
		 * one means the fit could not tell its error. */
		if (isnan(r->se[i]) && r->ci_lo == NULL)
			out_printf(o, "  %-8s %14.6g   %s\n", m->params[i], r->p[i],
			    r->cov != NULL && r->cov[i * r->np + i] == 0 ? "(fixed)" :
			    isfinite(r->cond) ? "(no standard error: see the warning)" :
			    "(no standard error: not identifiable here)");
		else if (r->ci_lo == NULL)
			out_printf(o, "  %-8s %14.6g ± %-10.3g\n", m->params[i], r->p[i],
			    r->se[i]);
		else
			out_printf(o, "  %-8s %14.6g ± %-10.3g %g%% CI [%.6g, %.6g]\n",
			    m->params[i], r->p[i], r->se[i], 100.0 * r->ci_level,
			    r->ci_lo[i], r->ci_hi[i]);
	}
	if (td >= 0)
		out_printf(o, "  %s time %.6g ± %.3g (units of t)\n", r->p[td] >= 0 ?
		    "doubling" : "halving", fabs(r->p[td]), r->se[td]);
	out_printf(o, "  rmse %.4g   R² %.4f   %d iteration%s   %s\n", r->rmse,
	    r->r2, r->iterations, r->iterations == 1 ? "" : "s", r->reason);
	out_printf(o, "  loss %s   cond(J^T J) %.3g\n", loss, r->cond);
	out_printf(o, "  objective %.6g = %s\n", r->objective,
	    fit_objective_formula(r->loss));
	if (r->starts_total > 1)
		out_printf(o, "  starts %zu, %zu converged\n", r->starts_total,
		    r->starts_converged);
	if (r->nboot > 0)
		out_printf(o, "  bootstrap %zu replicates (seed %lu), percentile "
		    "intervals\n", r->nboot, r->boot_seed);
	if (r->holdout != NULL)
		out_printf(o, "  hold-out '%s': %zu rows, RMSE(log) %.4g, max |error| "
		    "%.4g\n", r->holdout, r->ho_n, r->ho_rmse_log, r->ho_maxabs);
	if (r->warn[0] != '\0')
		out_printf(o, "  warning: %s\n", r->warn);
	if (corr)
		fit_report_corr(o, r, m);
}

/* --loss: "ls" or "huber:DELTA" with DELTA > 0. */
static int
fit_parse_loss(sx_ctx *ctx, int argi, const char *v, sx_fit_opts *o)
{
	char *end;

	if (v == NULL || strcmp(v, "ls") == 0)
		return 0;
	if (strncmp(v, "huber:", 6) != 0)
		return cmd_fail(ctx, argi, "--loss expects ls or huber:DELTA, not "
		    "'%s'", v);
	o->delta = strtod(v + 6, &end);
	if (end == v + 6 || *end != '\0' || !isfinite(o->delta) ||
	    !(o->delta > 0.0))
		return cmd_fail(ctx, argi, "huber: DELTA must be a number > 0, not "
		    "'%s'", v + 6);
	o->loss = SX_LOSS_HUBER;
	return 0;
}

/* --starts: grid, N (random), or a grid spec (on parameters not fixed). */
static int
fit_parse_starts(sx_ctx *ctx, int argi, const sx_model *m,
    const unsigned char *fixed, const char *v, sx_starts *st,
    sx_grid_axis **axes)
{
	char *end;
	sx_err e;

	memset(st, 0, sizeof *st);
	st->kind = SX_STARTS_ONE;
	if (v == NULL)
		return 0;
	if (strcmp(v, "grid") == 0) {
		st->kind = SX_STARTS_GRID;
		return 0;
	}
	if (strchr(v, '=') == NULL) {
		long k = strtol(v, &end, 10);

		if (end == v || *end != '\0' || k < 1 || k > 1000000)
			return cmd_fail(ctx, argi, "--starts expects grid, a count "
			    "1..1000000 or P=lo:hi:step,..., not '%s'", v);
		st->kind = SX_STARTS_RANDOM;
		st->count = (size_t)k;
		return 0;
	}
	err_clear(&e);
	if (fit_grid_parse(m, fixed, v, axes, &st->naxes, &e) != 0)
		return cmd_fail(ctx, argi, "%s", e.msg);
	st->kind = SX_STARTS_GRID;
	st->axes = *axes;
	return 0;
}

/* The rows EXPR holds out (non-zero, not NaN), into held[] (nrows). */
static int
fit_holdout_rows(sx_ctx *ctx, int argi, const sx_dataset *ds,
    const char *text, unsigned char *held)
{
	sx_err e;
	sx_expr *ex;
	const double **cols = NULL;
	double *v;
	sx_expr_bind b;
	int rc = -1;

	err_clear(&e);
	if ((ex = expr_parse(text, &e)) == NULL)
		return cmd_fail(ctx, argi, "--holdout: %s", e.msg);
	if (colbind(ctx, argi, ds, ex, &cols) != 0) {
		expr_free(ex);
		return -1;
	}
	v = xcalloc(ds->nrows + 1, sizeof *v);
	b.col = cols;
	b.val = NULL;
	{
		double *vals = xcalloc(expr_nvars(ex) + 1, sizeof *vals);

		b.val = vals;
		if (expr_eval(ex, &b, ds->nrows, v, &e) != 0)
			cmd_fail(ctx, argi, "--holdout: %s", e.msg);
		else {
			for (size_t i = 0; i < ds->nrows; i++)
				held[i] = !isnan(v[i]) && v[i] != 0.0;
			rc = 0;
		}
		free(vals);
	}
	free(v);
	free(cols);
	expr_free(ex);
	return rc;
}

static int
cmd_fit_exec(sx_ctx *ctx, const sx_args *a)
{
	const char *mname = arg(a, ctx->cmd, "MODEL");
	const char *as = arg(a, ctx->cmd, "as");
	const char *yname = arg(a, ctx->cmd, "--y");
	const char *space = arg(a, ctx->cmd, "--space");
	const sx_model *m = ws_model(ctx->ws, mname);
	const sx_dataset *ds;
	const double **x = NULL;
	double *init = NULL;
	unsigned char *given = NULL, *fixed = NULL;
	const char *bs = arg(a, ctx->cmd, "--bootstrap");
	const char *cis = arg(a, ctx->cmd, "--ci");
	const char *seeds = arg(a, ctx->cmd, "--seed");
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
	int ycol, rc = -1;

	if (m == NULL)
		return cmd_fail(ctx, arg_index(a, ctx->cmd, "MODEL"),
		    "no model '%s' (see 'models')", mname);
	ds = colbind_dataset(ctx, arg_index(a, ctx->cmd, "DATA"),
	    arg(a, ctx->cmd, "DATA"));
	if (ds == NULL)
		return -1;
	ycol = colbind_column(ctx, arg_index(a, ctx->cmd, yname != NULL ? "--y" :
	    "DATA"), ds, yname != NULL ? yname : "L");
	if (ycol < 0)
		return -1;
	f = xcalloc(1, sizeof *f);
	f->nx = m->nin;
	f->xcols = xcalloc(m->nin, sizeof *f->xcols);
	x = xcalloc(m->nin, sizeof *x);
	for (size_t i = 0; i < m->nin; i++) {
		int c = fit_input_column(ctx, a, ds, m, m->inputs[i], ycol);

		if (c < 0)
			goto out;
		x[i] = ds->cols[c].v;
		f->xcols[i] = xstrdup(ds->cols[c].name);
	}
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
	if (fit_parse_loss(ctx, arg_index(a, ctx->cmd, "--loss"),
	    arg(a, ctx->cmd, "--loss"), &opts) != 0 ||
	    fit_parse_starts(ctx, arg_index(a, ctx->cmd, "--starts"), m, fixed,
	    arg(a, ctx->cmd, "--starts"), &starts, &axes) != 0)
		goto out;
	opts.starts = &starts;
	if (bs != NULL) {
		kboot = strtoul(bs, NULL, 10);
		if (kboot == 0) {
			cmd_fail(ctx, arg_index(a, ctx->cmd, "--bootstrap"),
			    "--bootstrap needs K >= 1 replicates");
			goto out;
		}
	}
	if (cis != NULL) {
		level = strtod(cis, NULL);
		if (!(level > 0.0 && level < 1.0)) {
			cmd_fail(ctx, arg_index(a, ctx->cmd, "--ci"),
			    "--ci expects a level between 0 and 1, e.g. 0.9");
			goto out;
		}
	}
	/* A seed is needed for random starts and the bootstrap: the user's,
	 * or one drawn here and logged so that replay gives the same. */
	if (seeds != NULL)
		seed = strtoul(seeds, NULL, 10);
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
			cmd_fail(ctx, arg_index(a, ctx->cmd, "--holdout"), "%s", e.msg);
			goto out;
		}
	} else if (fit_run(m, x, ds->cols[ycol].v, ds->nrows, &opts, &f->res,
	    &e) != 0) {
		cmd_fail(ctx, arg_index(a, ctx->cmd, "DATA"), "fit failed: %s", e.msg);
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
	if (kboot > 0) {
		/* Resample the rows the fit used (those not held out). */
		size_t nk = 0;
		double *kx = xmalloc((m->nin + 1) * (ds->nrows + 1) * sizeof *kx);
		const double **kxs = xcalloc(m->nin + 1, sizeof *kxs);
		sx_progress pg;
		int brc;

		for (size_t i = 0; i < ds->nrows; i++)
			if (!held[i]) {
				for (size_t k = 0; k <= m->nin; k++)
					kx[k * ds->nrows + nk] = k < m->nin ? x[k][i] :
					    ds->cols[ycol].v[i];
				nk++;
			}
		for (size_t k = 0; k <= m->nin; k++) {
			kxs[k] = kx + k * ds->nrows;
		}
		progress_begin(&pg, ctx->out, "bootstrap");
		brc = fit_bootstrap(m, kxs, kxs[m->nin], nk, &opts, kboot, seed,
		    level, &f->res, progress_update, &pg, &e);
		progress_end(&pg);
		free(kx);
		free(kxs);
		if (brc != 0) {
			fit_result_free(&f->res);
			cmd_fail(ctx, arg_index(a, ctx->cmd, "--bootstrap"), "%s%s",
			    strcmp(e.msg, "cancelled") == 0 ? "bootstrap " : "", e.msg);
			goto out;
		}
	}
	f->name = xstrdup(as != NULL ? as : m->name);
	f->model = xstrdup(m->name);
	f->data = xstrdup(ds->name);
	f->ycol = xstrdup(ds->cols[ycol].name);
	f->space = opts.space;
	fit_report(ctx->out, "fit", f, m, 0);
	/* Log the automatic choices explicitly: the fit's name, space, seed. */
	if (as == NULL || space == NULL || seed_chosen) {
		char *q = lex_quote(f->name), *sd = seed_chosen ?
		    xasprintf("--seed %lu", seed) : xstrdup("");
		char *extra = xasprintf("%s%s%s%s%s%s", as == NULL ? "as " : "",
		    as == NULL ? q : "", as == NULL && space == NULL ? " " : "",
		    space == NULL ? "--space log" : "",
		    seed_chosen && (as == NULL || space == NULL) ? " " : "", sd);

		ctx->logtext = cmd_text(ctx->cl, extra);
		free(extra);
		free(sd);
		free(q);
	}
	ws_set_current(&ctx->ws->cur_fit, f->name);
	ws_put_fit(ctx->ws, f);
	f = NULL;
	rc = 0;
out:
	if (f != NULL) {
		for (size_t i = 0; i < f->nx; i++)
			free(f->xcols[i]);
		free(f->xcols);
		free(f);
	}
	free(x);
	free(init);
	free(given);
	free(fixed);
	free(held);
	free(axes);
	return rc;
}

static sx_fitrec *
fit_find(sx_ctx *ctx, int argi, const char *name)
{
	sx_fitrec *f = ws_fit(ctx->ws, name);

	if (f == NULL)
		cmd_fail(ctx, argi, "no fit '%s'%s", name, ctx->ws->nfits == 0 ?
		    " (none yet: try 'fit MODEL DATA')" : " (see 'fits')");
	return f;
}

static int
cmd_fits_exec(sx_ctx *ctx, const sx_args *a)
{
	sx_out *o = ctx->out;

	(void)a;
	if (o->json) {
		out_obj_begin(o, "fits");
		out_key_arr(o, "fits");
		for (size_t i = 0; i < ctx->ws->nfits; i++) {
			const sx_fitrec *f = ctx->ws->fits[i];

			out_obj(o);
			out_key_str(o, "name", f->name);
			out_key_str(o, "model", f->model);
			out_key_str(o, "data", f->data);
			out_key_int(o, "n", (long long)f->res.n);
			out_key_num(o, "rmse", f->res.rmse);
			out_key_bool(o, "converged", f->res.converged);
			out_end(o);
		}
		out_obj_end(o);
		return 0;
	}
	if (ctx->ws->nfits == 0) {
		out_puts(o, "no fits yet (try 'fit MODEL DATA')\n");
		return 0;
	}
	out_printf(o, "%-16s %-12s %-16s %6s %10s\n", "name", "model", "data", "n",
	    "rmse");
	for (size_t i = 0; i < ctx->ws->nfits; i++) {
		const sx_fitrec *f = ctx->ws->fits[i];

		out_printf(o, "%-16s %-12s %-16s %6zu %10.4g%s\n", f->name, f->model,
		    f->data, f->res.n, f->res.rmse,
		    f->res.converged ? "" : "  (not converged)");
	}
	return 0;
}

static int
cmd_fit_show_exec(sx_ctx *ctx, const sx_args *a)
{
	const sx_fitrec *f = fit_find(ctx, arg_index(a, ctx->cmd, "NAME"),
	    arg(a, ctx->cmd, "NAME"));
	const sx_model *m;

	if (f == NULL)
		return -1;
	m = ws_model(ctx->ws, f->model);
	if (m == NULL)
		return cmd_fail(ctx, arg_index(a, ctx->cmd, "NAME"),
		    "the model '%s' of fit '%s' no longer exists", f->model, f->name);
	fit_report(ctx->out, "fit show", f, m,
	    arg(a, ctx->cmd, "--corr") != NULL);
	return 0;
}

static int
cmd_predict_exec(sx_ctx *ctx, const sx_args *a)
{
	const sx_fitrec *f = fit_find(ctx, arg_index(a, ctx->cmd, "FIT"),
	    arg(a, ctx->cmd, "FIT"));
	const char *assigns = arg(a, ctx->cmd, "COL=V");
	int argi = arg_index(a, ctx->cmd, "COL=V");
	const sx_model *m;
	double *xv, y;
	const double **x;
	unsigned char *have;
	char *copy, *save = NULL;
	int rc = -1;

	if (f == NULL)
		return -1;
	m = ws_model(ctx->ws, f->model);
	if (m == NULL)
		return cmd_fail(ctx, arg_index(a, ctx->cmd, "FIT"),
		    "the model '%s' of fit '%s' no longer exists", f->model, f->name);
	xv = xcalloc(m->nin, sizeof *xv);
	x = xcalloc(m->nin, sizeof *x);
	have = xcalloc(m->nin, 1);
	copy = xstrdup(assigns);
	for (char *tok = strtok_r(copy, " ,", &save); tok != NULL;
	    tok = strtok_r(NULL, " ,", &save)) {
		char *eq = strchr(tok, '='), *end;
		size_t k;

		if (eq == NULL) {
			cmd_fail(ctx, argi, "expected COL=V, not '%s'", tok);
			goto out;
		}
		*eq = '\0';
		for (k = 0; k < m->nin; k++)
			if (strcmp(tok, m->inputs[k]) == 0 ||
			    strcmp(tok, f->xcols[k]) == 0)
				break;
		if (k == m->nin) {
			cmd_fail(ctx, argi, "'%s' is not an input of %s", tok, f->name);
			goto out;
		}
		xv[k] = strtod(eq + 1, &end);
		if (end == eq + 1 || *end != '\0' || !isfinite(xv[k])) {
			cmd_fail(ctx, argi, "%s: '%s' is not a number", tok, eq + 1);
			goto out;
		}
		have[k] = 1;
	}
	for (size_t k = 0; k < m->nin; k++) {
		if (!have[k]) {
			cmd_fail(ctx, argi, "missing %s=V (%s needs", f->xcols[k], f->name);
			for (size_t j = 0; j < m->nin; j++)
				snprintf(ctx->err.msg + strlen(ctx->err.msg),
				    sizeof ctx->err.msg - strlen(ctx->err.msg), " %s",
				    f->xcols[j]);
			strncat(ctx->err.msg, ")", sizeof ctx->err.msg -
			    strlen(ctx->err.msg) - 1);
			goto out;
		}
		x[k] = &xv[k];
	}
	if (m->eval(m, x, 1, f->res.p, 0, &y, NULL) != 0 || !isfinite(y)) {
		cmd_fail(ctx, argi, "%s is not finite there", f->ycol);
		goto out;
	}
	if (ctx->out->json) {
		out_obj_begin(ctx->out, "predict");
		out_key_str(ctx->out, "fit", f->name);
		out_key_obj(ctx->out, "at");
		for (size_t k = 0; k < m->nin; k++)
			out_key_num(ctx->out, f->xcols[k], xv[k]);
		out_end(ctx->out);
		out_key_num(ctx->out, f->ycol, y);
		out_obj_end(ctx->out);
	} else
		out_printf(ctx->out, "%s = %.6g\n", f->ycol, y);
	rc = 0;
out:
	free(copy);
	free(xv);
	free(x);
	free(have);
	return rc;
}

/* The statistics of fit f at its parameters, from its data again (the rows
 * it was fitted to), so that after a `set` its rmse, R^2, objective and
 * hold-out scores are those of the values it shows. On failure f is as it
 * was. */
static int
fit_rescore(sx_ctx *ctx, int argi, sx_fitrec *f, const sx_model *m)
{
	const sx_dataset *ds = ws_dataset(ctx->ws, f->data);
	const double **x;
	unsigned char *held = NULL;
	int ycol = ds != NULL ? dataset_column_exact(ds, f->ycol) : -1, rc = -1;
	size_t used;
	sx_fit_result r = f->res;
	sx_err e;

	if (ycol < 0)
		return cmd_fail(ctx, argi, "fit '%s': its data '%s' is gone (refit "
		    "it first)", f->name, f->data);
	x = xcalloc(f->nx + 1, sizeof *x);
	for (size_t i = 0; i < f->nx; i++) {
		int c = dataset_column_exact(ds, f->xcols[i]);

		if (c < 0) {
			cmd_fail(ctx, argi, "fit '%s': column '%s' is gone from '%s' "
			    "(refit it first)", f->name, f->xcols[i], f->data);
			goto out;
		}
		x[i] = ds->cols[c].v;
	}
	used = ds->nrows;
	if (f->res.holdout != NULL) {
		held = xcalloc(ds->nrows + 1, 1);
		if (fit_holdout_rows(ctx, argi, ds, f->res.holdout, held) != 0)
			goto out;
		for (size_t i = 0; i < ds->nrows; i++)
			used -= held[i] != 0;
	}
	if (used != f->res.n) {
		cmd_fail(ctx, argi, "fit '%s' was fitted to %zu rows of '%s', which "
		    "now gives %zu (refit it first)", f->name, f->res.n, f->data,
		    used);
		goto out;
	}
	err_clear(&e);
	if (fit_score(m, x, ds->cols[ycol].v, ds->nrows, held, f->space, &r,
	    &e) != 0) {
		cmd_fail(ctx, argi, "fit '%s': %s", f->name, e.msg);
		goto out;
	}
	snprintf(r.reason, sizeof r.reason, "set by hand after the fit");
	f->res = r;
	rc = 0;
out:
	free(held);
	free(x);
	return rc;
}

static int
cmd_set_exec(sx_ctx *ctx, const sx_args *a)
{
	const char *target = arg(a, ctx->cmd, "FIT.PARAM");
	int argi = arg_index(a, ctx->cmd, "FIT.PARAM");
	const char *dot = strrchr(target, '.');
	double v = strtod(arg(a, ctx->cmd, "VALUE"), NULL), old;
	char *fname;
	sx_fitrec *f;
	const sx_model *m;
	int k;

	if (dot == NULL || dot == target || dot[1] == '\0')
		return cmd_fail(ctx, argi, "expected FIT.PARAM, e.g. ch.alpha");
	fname = xstrndup(target, (size_t)(dot - target));
	f = fit_find(ctx, argi, fname);
	free(fname);
	if (f == NULL)
		return -1;
	m = ws_model(ctx->ws, f->model);
	k = m != NULL ? model_param_index(m, dot + 1) : -1;
	if (k < 0)
		return cmd_fail(ctx, argi, "'%s' is not a parameter of fit '%s'",
		    dot + 1, f->name);
	if (m->positive != NULL && m->positive[k] && !(v > 0))
		return cmd_fail(ctx, arg_index(a, ctx->cmd, "VALUE"),
		    "%s must be > 0", m->params[k]);
	old = f->res.p[k];
	f->res.p[k] = v;
	if (fit_rescore(ctx, argi, f, m) != 0) {
		f->res.p[k] = old;
		return -1;
	}
	if (ctx->out->json) {
		out_obj_begin(ctx->out, "set");
		out_key_str(ctx->out, "fit", f->name);
		out_key_str(ctx->out, "param", m->params[k]);
		out_key_num(ctx->out, "value", v);
		out_key_num(ctx->out, "was", old);
		out_obj_end(ctx->out);
	} else
		out_printf(ctx->out, "%s.%s = %.6g (was %.6g)\n", f->name,
		    m->params[k], v, old);
	return 0;
}

static const sx_argdef fit_args[] = {
	{ "MODEL", ARG_MODEL, 0, NULL, NULL, NULL, NULL },
	{ "DATA", ARG_DATASET, 0, NULL, NULL, NULL, NULL },
	{ "as", ARG_NAME, ARG_KEY, NULL, "NAME", NULL, NULL },
	{ "--y", ARG_COLUMN, 0, NULL, "COL", NULL, NULL },
	{ "--x", ARG_COLUMN, 0, NULL, "COL", NULL, NULL },
	{ "--space", ARG_CHOICE, 0, "log|linear", "log|linear", NULL, NULL },
	{ "--init", ARG_ASSIGNS, 0, NULL, "P=V,...", NULL, NULL },
	{ "--fix", ARG_ASSIGNS, 0, NULL, "P=V,...", NULL, NULL },
	{ "--loss", ARG_WORD, 0, "ls|huber:0.001", "ls|huber:DELTA", NULL, NULL },
	{ "--starts", ARG_WORD, 0, "grid", "grid|N|P=lo:hi:step,...", NULL, NULL },
	{ "--seed", ARG_INT, 0, NULL, "S", NULL, NULL },
	{ "--bootstrap", ARG_INT, 0, NULL, "K", NULL, NULL },
	{ "--ci", ARG_NUMBER, 0, NULL, "LEVEL", NULL, NULL },
	{ "--holdout", ARG_EXPR, 0, NULL, "EXPR", NULL, NULL },
	{ NULL, 0, 0, NULL, NULL, NULL, NULL }
};
static const sx_argdef no_args[] = {
	{ NULL, 0, 0, NULL, NULL, NULL, NULL }
};
static const sx_argdef show_args[] = {
	{ "NAME", ARG_FIT, 0, NULL, NULL, NULL, NULL },
	{ "--corr", ARG_FLAG, 0, NULL, NULL, NULL, NULL },
	{ NULL, 0, 0, NULL, NULL, NULL, NULL }
};
static const sx_argdef predict_args[] = {
	{ "FIT", ARG_FIT, 0, NULL, NULL, NULL, NULL },
	{ "COL=V", ARG_ASSIGNS, ARG_REST, NULL, NULL, NULL, NULL },
	{ NULL, 0, 0, NULL, NULL, NULL, NULL }
};
static const sx_argdef set_args[] = {
	{ "FIT.PARAM", ARG_WORD, 0, NULL, NULL, NULL, NULL },
	{ "VALUE", ARG_NUMBER, 0, NULL, NULL, NULL, NULL },
	{ NULL, 0, 0, NULL, NULL, NULL, NULL }
};

const sx_cmd cmd_fit_table[] = {
	{ "fit", "fit MODEL DATA [as NAME] [--y COL] [--x COL] [--space log|linear] "
	  "[--init P=V,...] [--fix P=V,...] [--loss ls|huber:DELTA] "
	  "[--starts grid|N|P=lo:hi:step,...] [--seed S] [--bootstrap K] "
	  "[--ci LEVEL] [--holdout EXPR]",
	  "Fit a law (see 'models') to a dataset by nonlinear least squares\n"
	  "(trust-region Levenberg-Marquardt, analytic Jacobian) or by the sum\n"
	  "of Huber terms of the log residuals (damped Newton).\n"
	  "  as NAME        name of the fit (default: the model's name)\n"
	  "  --y COL        the column fitted (default: the loss column L)\n"
	  "  --x COL        input column of a one-input law such as pl or plc\n"
	  "                 (default: the first of C, N, D, S, t present)\n"
	  "  --space S      residuals log y - log L (log, the default) or y - L\n"
	  "  --init P=V,..  starting values (default: automatic, from log-log\n"
	  "                 regression and a small grid solved for the linear\n"
	  "                 parameters)\n"
	  "  --fix P=V,..   hold parameters at these values (grids leave them\n"
	  "                 out; bootstrap and hold-out refits keep them)\n"
	  "  --loss L       ls (least squares, the default) or huber:DELTA: the\n"
	  "                 SUM of Huber terms of log y - log L (Hoffmann et al.\n"
	  "                 2022 use huber:1e-3); DELTA > 0\n"
	  "  --starts S     grid: start from every point of a grid and keep the\n"
	  "                 lowest objective (chinchilla: Hoffmann's 4,500 points,\n"
	  "                 alpha, beta in 0:2:0.5, logE in -1:1:0.5, logA, logB\n"
	  "                 in 0:25:5; other laws: 3 points per parameter around\n"
	  "                 the automatic start; fixed parameters' axes are\n"
	  "                 dropped); N: N seeded random starts;\n"
	  "                 P=lo:hi:step,...: your grid (logP for log of a\n"
	  "                 positive scale; not on a fixed parameter). Starts\n"
	  "                 that reach a minimum already found stop there; the\n"
	  "                 report counts all of them\n"
	  "  --seed S       seed of random starts and the bootstrap (default:\n"
	  "                 drawn, and recorded in the log)\n"
	  "  --bootstrap K  refit K resamples of the rows from the estimate and\n"
	  "                 report percentile intervals (Ctrl-C cancels)\n"
	  "  --ci LEVEL     the intervals' level (default 0.95)\n"
	  "  --holdout EXPR fit the rows where EXPR is false, e.g. 'C > 1e21', and\n"
	  "                 report the error on the others (RMSE of log y - log L,\n"
	  "                 max |y - L|)\n"
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
	  fit_args, CMD_STATE, cmd_fit_exec },
	{ "fits", "fits", "List the fits.\n", no_args, 0, cmd_fits_exec },
	{ "fit show", "fit show NAME [--corr]", "Print a fit's report again;\n"
	  "--corr adds the parameters' correlation matrix.\n",
	  show_args, 0, cmd_fit_show_exec },
	{ "predict", "predict FIT COL=V ...",
	  "Evaluate a fitted law at given inputs, e.g. predict ch N=7e10 D=1.4e12\n",
	  predict_args, 0, cmd_predict_exec },
	{ "set", "set FIT.PARAM VALUE",
	  "Set one parameter of a fit by hand (e.g. set ch.alpha 0.34); plots,\n"
	  "frontiers and crossovers use the new value. Its rmse, R^2, objective\n"
	  "and hold-out scores are computed again at the new values from the\n"
	  "rows it was fitted to; standard errors are kept from the fit.\n", set_args, CMD_STATE, cmd_set_exec },
	{ NULL, NULL, NULL, NULL, 0, NULL }
};
