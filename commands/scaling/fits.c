/* fits.c: fits and fit show: the fits made, and one fit's report. */
#include "config.h"

#include "base/xalloc.h"
#include "commands/scaling/fit.h"
#include "sessions/tableout.h"
#include "views/view.h"

static int
cmd_fits_exec(sx_ctx *ctx, const sx_args *a)
{
	sx_rec *r = rec_new("fits"), *fits = rec_arr(r, "fits");

	for (size_t i = 0; i < ctx->ws->nfits; i++) {
		const sx_fitrec *f = ctx->ws->fits[i];
		sx_rec *e = rec_obj(fits, NULL);

		rec_str(e, "name", f->name);
		rec_str(e, "model", f->model);
		rec_str(e, "data", f->data);
		rec_int(e, "n", (long long)f->res.n);
		rec_num(e, "rmse", f->res.rmse);
		rec_bool(e, "converged", f->res.converged);
	}
	return tableout_put(ctx, a, r);
}

static int
cmd_fit_show_exec(sx_ctx *ctx, const sx_args *a)
{
	int argi = arg_index(a, ctx->cmd, "NAME");
	size_t n;
	sx_fitrec **fits = fit_find_all(ctx, argi, arg(a, ctx->cmd, "NAME"), &n);
	const sx_model *m;
	sx_rec **recs;
	int rc;

	if (fits == NULL)
		return -1;
	/* Check every model first: all of a group's reports, or none. */
	for (size_t k = 0; k < n; k++)
		if (fit_model(ctx, argi, fits[k]) == NULL) {
			free(fits);
			return -1;
		}
	recs = xcalloc(n, sizeof *recs);
	for (size_t k = 0; k < n; k++) {
		m = fit_model(ctx, argi, fits[k]);
		recs[k] = fit_record("fit show", fits[k], m,
		    arg(a, ctx->cmd, "--corr") != NULL);
	}
	rc = tableout_put_all(ctx, a, recs, n, n);
	free(recs);
	free(fits);
	return rc;
}

static const sx_argdef show_args[] = {
	{ "NAME", ARG_FIT, 0, NULL, NULL, NULL, NULL },
	{ "--corr", ARG_FLAG, 0, NULL, NULL,
	  "add the parameters' correlation matrix", NULL },
	TABLEOUT_ARGS,
	{ NULL, 0, 0, NULL, NULL, NULL, NULL }
};
static const sx_argdef fits_args[] = {
	TABLEOUT_ARGS,
	{ NULL, 0, 0, NULL, NULL, NULL, NULL }
};

const sx_cmd cmd_fits_entry = {
	"fits", NULL, "List the fits.\n", fits_args, 0, cmd_fits_exec
};

const sx_cmd cmd_fit_show_entry = {
	"fit show", NULL, "Print a fit's report again.\n",
	  show_args, 0, cmd_fit_show_exec
};
