/* compare.c: compare: fits of the same data side by side (objective,
 * RMSE, AIC, BIC), and each law's error on rows held out of a refit. */
#include "config.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "base/xalloc.h"
#include "commands/scaling/compare-impl.h"
#include "scaling/compare.h"
#include "sessions/tableout.h"
#include "views/view.h"

static int
same_str(const char *a, const char *b)
{
	return a == NULL ? b == NULL : b != NULL && strcmp(a, b) == 0;
}

/* The FIT words: resolved, and checked to be fits of the same rows of the
 * same data in the same space with the same weights. */
static int
cmp_resolve(sx_ctx *ctx, const sx_args *a, struct cmp *c)
{
	int w = arg_index(a, ctx->cmd, "FIT");

	for (c->n = 0; w < ctx->cl->argc && strncmp(ctx->cl->argv[w], "--", 2)
	    != 0; w++) {
		const char *name = ctx->cl->argv[w];
		sx_fitrec *f, *f0 = c->f[0];

		if (c->n == CMP_MAX)
			return cmd_fail(ctx, w, "compare takes at most %d fits", CMP_MAX);
		for (size_t i = 0; i < c->n; i++)
			if (strcmp(c->f[i]->name, name) == 0)
				return cmd_fail(ctx, w, "fit '%s' is named twice", name);
		if ((f = fit_find(ctx, w, name)) == NULL ||
		    (c->m[c->n] = fit_model(ctx, w, f)) == NULL)
			return -1;
		if (c->n > 0 && (strcmp(f->data, f0->data) != 0 ||
		    strcmp(f->ycol, f0->ycol) != 0))
			return cmd_fail(ctx, w, "fits of different data: '%s' fits %s of "
			    "'%s', '%s' fits %s of '%s' (compare needs fits of the same "
			    "dataset and y column)", f0->name, f0->ycol, f0->data, name,
			    f->ycol, f->data);
		if (c->n > 0 && f->space != f0->space)
			return cmd_fail(ctx, w, "'%s' has %s-space residuals and '%s' "
			    "%s-space ones: their RSS, RMSE and likelihoods are not in the "
			    "same units (refit one with --space)", f0->name, f0->space ==
			    SX_SPACE_LOG ? "log" : "linear", name, f->space ==
			    SX_SPACE_LOG ? "log" : "linear");
		if (c->n > 0 && (!same_str(f->by, f0->by) ||
		    !same_str(f->group, f0->group)))
			return cmd_fail(ctx, w, "'%s' and '%s' fit different groups "
			    "of rows (%s %s, %s %s): compare fits of one group, or "
			    "leave groups out with --holdout-by", f0->name, name,
			    f0->by != NULL ? f0->by : "all", f0->group != NULL ?
			    f0->group : "rows", f->by != NULL ? f->by : "all",
			    f->group != NULL ? f->group : "rows");
		if (c->n > 0 && !same_str(f->wcol, f0->wcol))
			return cmd_fail(ctx, w, "'%s' is %s and '%s' %s: their "
			    "likelihoods differ (fit both with the same --weights)",
			    f0->name, f0->wcol != NULL ? "weighted" : "not weighted",
			    name, f->wcol != NULL ? "weighted" : "not");
		if (c->n > 0 && (f->res.n != f0->res.n || !same_str(f->res.holdout,
		    f0->res.holdout)))
			return cmd_fail(ctx, w, "'%s' was fitted to %zu rows%s%s%s and "
			    "'%s' to %zu%s%s%s: AIC and BIC compare fits of the same rows",
			    f0->name, f0->res.n, f0->res.holdout != NULL ? " (hold-out '" :
			    "", f0->res.holdout != NULL ? f0->res.holdout : "",
			    f0->res.holdout != NULL ? "')" : "", name, f->res.n,
			    f->res.holdout != NULL ? " (hold-out '" : "",
			    f->res.holdout != NULL ? f->res.holdout : "",
			    f->res.holdout != NULL ? "')" : "");
		c->argi[c->n] = w;
		c->f[c->n++] = f;
	}
	return 0;
}

/* How the fits' losses differ, or NULL when they share one. */
static const char *
cmp_mixed_losses(const struct cmp *c)
{
	const sx_fit_result *r0 = &c->f[0]->res;

	for (size_t i = 1; i < c->n; i++)
		if (c->f[i]->res.loss != r0->loss)
			return "ls and huber";
	for (size_t i = 1; i < c->n; i++)
		if (r0->loss == SX_LOSS_HUBER && c->f[i]->res.delta != r0->delta)
			return "huber with different deltas";
	return NULL;
}

/* The rows of c->ds the fits were fitted to: those complete in y and
 * every fit's inputs (fit_complete_rows), into *own when some are not. */
static void
cmp_complete(struct cmp *c, sx_dataset **own)
{
	int cols[CMP_MAX * 8 + 1];
	size_t n = 0;
	int yc = dataset_column_exact(c->ds, c->f[0]->ycol);

	if (yc >= 0)
		cols[n++] = yc;
	for (size_t i = 0; i < c->n; i++)
		for (size_t k = 0; k < c->f[i]->nx && n < sizeof cols /
		    sizeof cols[0]; k++) {
			int xc = dataset_column_exact(c->ds, c->f[i]->xcols[k]);

			if (xc >= 0)
				cols[n++] = xc;
		}
	c->ds = fit_complete_rows(c->ds, cols, n, NULL, own);
}

static int
cmd_compare_exec(sx_ctx *ctx, const sx_args *a)
{
	sx_dataset *own = NULL;
	struct cmp c;
	sx_cmp_row t[CMP_MAX];
	sx_rec *rec, *rows, *rowv[CMP_MAX];
	int rc = 0, huber = 0;

	memset(&c, 0, sizeof c);
	if (cmp_resolve(ctx, a, &c) != 0)
		return -1;
	if (arg(a, ctx->cmd, "--holdout") != NULL &&
	    arg(a, ctx->cmd, "--holdout-by") != NULL)
		return cmd_fail(ctx, arg_index(a, ctx->cmd, "--holdout-by"),
		    "give --holdout or --holdout-by, not both");
	if (arg(a, ctx->cmd, "--holdout") != NULL ||
	    arg(a, ctx->cmd, "--holdout-by") != NULL) {
		sx_err e;

		err_clear(&e);
		c.ds = ws_fit_data(ctx->ws, c.f[0], &c.owned, &e);
		if (c.ds == NULL)
			return cmd_fail(ctx, c.argi[0], "%s: a hold-out refits the fits "
			    "on their data", e.msg);
		cmp_complete(&c, &own);
	}
	for (size_t i = 0; i < c.n; i++) {
		memset(&t[i], 0, sizeof t[i]);
		t[i].rss = c.f[i]->res.chisq;
		t[i].n = c.f[i]->res.n;
		t[i].k = compare_free(&c.f[i]->res, NULL);
		huber |= c.f[i]->res.loss == SX_LOSS_HUBER;
	}
	compare_rank(t, c.n);
	rec = rec_new("compare");
	rec_str(rec, "data", c.f[0]->data);
	rec_str(rec, "y", c.f[0]->ycol);
	rec_int(rec, "n", (long long)c.f[0]->res.n);
	rec_str(rec, "space", c.f[0]->space == SX_SPACE_LOG ? "log" : "linear");
	rec_str(rec, "weights", c.f[0]->wcol);
	rec_str(rec, "holdout_of_fits", c.f[0]->res.holdout);
	rec_str(rec, "likelihood", "Gaussian residuals, variance estimated by "
	    "maximum likelihood");
	rec_str(rec, "aic", "n ln(RSS/n) + 2k");
	rec_str(rec, "bic", "n ln(RSS/n) + k ln n");
	rec_str(rec, "rss", c.f[0]->wcol != NULL ? "Σw r²" : "Σr²");
	rec_bool(rec, "huber", huber);
	rec_str(rec, "mixed_losses", cmp_mixed_losses(&c));
	rows = rec_arr(rec, "fits");
	for (size_t i = 0; i < c.n; i++) {
		sx_rec *o = rowv[i] = rec_obj(rows, NULL);
		const sx_fit_result *r = &c.f[i]->res;

		rec_str(o, "name", c.f[i]->name);
		rec_str(o, "model", c.f[i]->model);
		rec_str(o, "formula", c.m[i]->formula);
		rec_str(o, "loss", r->loss == SX_LOSS_HUBER ? "huber" : "ls");
		if (r->loss == SX_LOSS_HUBER)
			rec_num(o, "delta", r->delta);
		rec_int(o, "k", (long long)t[i].k);
		rec_int(o, "n", (long long)t[i].n);
		rec_num(o, "objective", r->objective);
		rec_num(o, "rss", t[i].rss);
		rec_num(o, "rmse", r->rmse);
		rec_num(o, "aic", t[i].aic);
		rec_num(o, "bic", t[i].bic);
		rec_num(o, "delta_aic", t[i].daic);
		rec_num(o, "delta_bic", t[i].dbic);
		rec_num(o, "akaike_weight", t[i].weight);
		rec_bool(o, "converged", r->converged);
	}
	if (arg(a, ctx->cmd, "--holdout") != NULL)
		rc = cmp_holdout(ctx, a, &c, rowv, rec);
	else if (arg(a, ctx->cmd, "--holdout-by") != NULL)
		rc = cmp_holdout_by(ctx, a, &c, rowv, rec);
	dataset_free(own);
	dataset_free(c.owned);
	if (rc != 0) {
		rec_free(rec);
		return -1;
	}
	return tableout_put(ctx, a, rec);
}

static const sx_argdef compare_args[] = {
	{ "FIT", ARG_FIT, ARG_REST, NULL, "FIT", NULL, NULL },
	{ "--holdout", ARG_EXPR, 0, NULL, "EXPR",
	  "refit each law (same loss, space, fixed parameters and weights) on "
	  "the rows where EXPR is false, e.g. 'N > 1e9', and score it on the "
	  "others: RMSE of log y - log L and max |y - L|", NULL },
	{ "--holdout-by", ARG_COLUMN, 0, NULL, "COL",
	  "leave one group out: hold out each group of COL (a text or "
	  "whole-number column) in turn, refit on the rest and score on the "
	  "group; per group and the mean over groups", NULL },
	TABLEOUT_ARGS,
	{ NULL, 0, 0, NULL, NULL, NULL, NULL }
};

const sx_cmd cmd_compare_entry = {
	"compare", NULL,
	"Compare fits of the same data (same dataset, y column, rows, space\n"
	"and weights): each law, its free parameters k, rows n, objective,\n"
	"RMSE, AIC and BIC, and the differences to the best. The likelihood\n"
	"is Gaussian residuals in the fit's space with the variance estimated\n"
	"by maximum likelihood: AIC = n ln(RSS/n) + 2k, BIC = n ln(RSS/n) +\n"
	"k ln n, constants the fits share dropped. A weighted fit's RSS is\n"
	"Σw r² (variance σ²/w). A Huber fit's RSS is taken at its estimate,\n"
	"which is not the Gaussian maximum: its AIC is no lower than least\n"
	"squares would give the law. Fits in different spaces, or weighted\n"
	"differently, are refused. With --holdout or --holdout-by each law is\n"
	"refitted without the rows held out (from the automatic start and\n"
	"from its estimate, keeping the lower objective; fixed parameters\n"
	"stay fixed, and a fit's own --holdout is replaced) and scored on\n"
	"them: which law to trust beyond the largest runs, e.g.\n"
	"  derive runs size = (N > 1e9) + (N > 3e9)\n"
	"  compare ch mine kap --holdout-by size\n",
	compare_args, 0, cmd_compare_exec
};
