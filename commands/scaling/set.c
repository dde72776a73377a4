/* set.c: set: one parameter of a fit by hand, its scores again. */
#include "config.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/xalloc.h"
#include "commands/scaling/fit.h"
#include "views/view.h"

/* The statistics of fit f at its parameters, from its data again (the rows
 * it was fitted to), so that after a `set` its rmse, R^2, objective and
 * hold-out scores are those of the values it shows. On failure f is as it
 * was. */
static int
fit_rescore(sx_ctx *ctx, int argi, sx_fitrec *f, const sx_model *m)
{
	sx_dataset *owned, *own = NULL;
	sx_err e;
	const sx_dataset *ds = ws_fit_data(ctx->ws, f, &owned, &e);
	const double **x = NULL;
	int *cols = NULL;
	unsigned char *held = NULL;
	int ycol = ds != NULL ? dataset_column_exact(ds, f->ycol) : -1, rc = -1;
	int wcol = ds != NULL && f->wcol != NULL ? dataset_column_exact(ds,
	    f->wcol) : -1;
	size_t used;
	sx_fit_result r = f->res;

	if (ds == NULL) {
		cmd_fail(ctx, argi, "%s (refit it first)", e.msg);
		goto out;
	}
	if (ycol < 0) {
		cmd_fail(ctx, argi, "fit '%s': its column '%s' is gone from '%s' "
		    "(refit it first)", f->name, f->ycol, f->data);
		goto out;
	}
	if (f->wcol != NULL && wcol < 0) {
		cmd_fail(ctx, argi, "fit '%s': its weights '%s' are gone from "
		    "'%s' (refit it first)", f->name, f->wcol, f->data);
		goto out;
	}
	x = xcalloc(f->nx + 1, sizeof *x);
	cols = xcalloc(f->nx + 1, sizeof *cols);
	cols[0] = ycol;
	for (size_t i = 0; i < f->nx; i++) {
		int c = dataset_column_exact(ds, f->xcols[i]);

		if (c < 0) {
			cmd_fail(ctx, argi, "fit '%s': column '%s' is gone from '%s' "
			    "(refit it first)", f->name, f->xcols[i], f->data);
			goto out;
		}
		cols[i + 1] = c;
	}
	/* The rows the fit used: those complete in y and its inputs. */
	ds = fit_complete_rows(ds, cols, f->nx + 1, NULL, &own);
	for (size_t i = 0; i < f->nx; i++)
		x[i] = ds->cols[cols[i + 1]].v;
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
	if (fit_score(m, x, ds->cols[ycol].v, wcol >= 0 ? ds->cols[wcol].v :
	    NULL, ds->nrows, held, f->space, &r, &e) != 0) {
		cmd_fail(ctx, argi, "fit '%s': %s", f->name, e.msg);
		goto out;
	}
	snprintf(r.reason, sizeof r.reason, "set by hand after the fit");
	f->res = r;
	rc = 0;
out:
	dataset_free(own);
	free(cols);
	free(held);
	free(x);
	dataset_free(owned);
	return rc;
}

static int
cmd_set_exec(sx_ctx *ctx, const sx_args *a)
{
	const char *target = arg(a, ctx->cmd, "FIT.PARAM");
	int argi = arg_index(a, ctx->cmd, "FIT.PARAM");
	const char *dot = strrchr(target, '.');
	double v = arg_num(a, ctx->cmd, "VALUE"), old;
	char *fname;
	sx_fitrec *f;
	const sx_model *m;
	sx_rec *r;
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
	r = rec_new("set");
	rec_str(r, "fit", f->name);
	rec_str(r, "param", m->params[k]);
	rec_num(r, "value", v);
	rec_num(r, "was", old);
	view_put(ctx->out, r);
	return 0;
}

static const sx_argdef set_args[] = {
	{ "FIT.PARAM", ARG_WORD, 0, NULL, NULL, NULL, NULL },
	{ "VALUE", ARG_NUMBER, 0, NULL, NULL, NULL, NULL },
	{ NULL, 0, 0, NULL, NULL, NULL, NULL }
};

const sx_cmd cmd_set_entry = {
	"set", NULL,
	  "Set one parameter of a fit by hand (e.g. set ch.alpha 0.34); plots,\n"
	  "frontiers and crossovers use the new value. Its rmse, R^2, objective\n"
	  "and hold-out scores are computed again at the new values from the\n"
	  "rows it was fitted to; standard errors are kept from the fit.\n", set_args, CMD_STATE, cmd_set_exec
};
