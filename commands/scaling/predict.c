/* predict.c: predict: a fitted law at given inputs, or at the compute-optimal
 * allocation of a budget, with a confidence or prediction interval. */
#include "config.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "base/xalloc.h"
#include "commands/scaling/fit.h"
#include "commands/scaling/frontier.h"
#include "scaling/frontier.h"
#include "scaling/interval.h"
#include "sessions/tableout.h"
#include "views/view.h"

/* [lo, hi] as an array member. */
static void
pred_pair(sx_rec *to, const char *key, double lo, double hi)
{
	sx_rec *a = rec_arr(to, key);

	rec_num(a, NULL, lo);
	rec_num(a, NULL, hi);
}

static sx_rec *
pred_record(const sx_fitrec *f, const sx_model *m, const struct pred_at *at,
    const sx_prediction *p)
{
	sx_rec *r = rec_new("predict"), *o, *iv;
	int boot = p->nboot > 0;

	rec_str(r, "fit", f->name);
	rec_str(r, "by", f->by);
	rec_str(r, "group", f->group);
	rec_str(r, "y", f->ycol);
	o = rec_obj(r, "at");
	if (p->optimum)
		rec_num(o, "C", p->C);
	else
		for (size_t k = 0; k < m->nin; k++)
			rec_num(o, f->xcols[k], at->x[k]);
	if (p->optimum) {
		o = rec_obj(r, "optimum");
		rec_num(o, "k", p->k);
		rec_str(o, "method", p->closed ? "closed form" :
		    "numeric minimisation over log N");
		rec_num(o, "N_opt", p->N_opt);
		rec_num(o, "D_opt", p->D_opt);
		rec_num(o, "tokens_per_param", p->D_opt / p->N_opt);
		if (boot) {
			pred_pair(o, "N_opt_ci", p->N_lo, p->N_hi);
			pred_pair(o, "D_opt_ci", p->D_lo, p->D_hi);
		}
	}
	/* Keyed by the column predicted too, as before intervals. */
	rec_num(r, f->ycol, p->y);
	iv = rec_obj(r, "interval");
	rec_str(iv, "kind", p->kind == SX_INTERVAL_PREDICTION ? "prediction" :
	    "confidence");
	rec_num(iv, "level", p->level);
	rec_str(iv, "method", boot ? "bootstrap" : "delta");
	rec_str(iv, "space", p->space == SX_SPACE_LOG ? "log" : "linear");
	rec_num(iv, "lo", boot ? p->boot_lo : p->lo);
	rec_num(iv, "hi", boot ? p->boot_hi : p->hi);
	o = rec_obj(r, "delta");
	rec_num(o, "lo", p->lo);
	rec_num(o, "hi", p->hi);
	rec_num(o, "se", p->se);
	rec_str(o, "quantile", "t");
	rec_num(o, "dof", p->dof);
	rec_num(o, "q", p->q);
	rec_num(r, "residual_scale", p->scale);
	if (boot) {
		o = rec_obj(r, "bootstrap");
		rec_int(o, "replicates", (long long)p->nboot);
		rec_num(o, "lo", p->boot_lo);
		rec_num(o, "hi", p->boot_hi);
	}
	return r;
}

/* The prediction of one fit, as its record (NULL after cmd_fail). */
static sx_rec *
predict_one(sx_ctx *ctx, const sx_args *a, const sx_fitrec *f,
    sx_prediction *pout)
{
	int fi = arg_index(a, ctx->cmd, "FIT"), argi = arg_index(a, ctx->cmd,
	    "COL=V");
	const sx_model *m = fit_model(ctx, fi, f);
	sx_rec *r = NULL;
	double level = arg_num(a, ctx->cmd, "--level"), k;
	enum sx_interval_kind kind = strcmp(arg_str(a, ctx->cmd, "--interval"),
	    "prediction") == 0 ? SX_INTERVAL_PREDICTION : SX_INTERVAL_CONFIDENCE;
	struct pred_at at;
	sx_prediction p;
	sx_err e;

	if (m == NULL)
		return NULL;
	if (!(level > 0.0 && level < 1.0)) {
		cmd_fail(ctx, arg_index(a, ctx->cmd, "--level"), "--level must "
		    "be between 0 and 1 (e.g. 0.95), not %s",
		    arg_str(a, ctx->cmd, "--level"));
		return NULL;
	}
	if (parse_positive(ctx, a, "--k", &k) != 0)
		return NULL;
	at.x = xcalloc(m->nin + 1, sizeof *at.x);
	at.have = xcalloc(m->nin + 1, 1);
	if (pred_parse(ctx, argi, f, m, arg(a, ctx->cmd, "COL=V"), &at) != 0)
		goto out;
	err_clear(&e);
	if ((isnan(at.C) ? interval_predict(m, &f->res, f->space, at.x, level,
	    kind, &p, &e) : interval_optimum(m, &f->res, f->space, k, at.C, level,
	    kind, at.x, &p, &e)) != 0) {
		cmd_fail(ctx, argi, "%s: %s", f->ycol, e.msg);
		goto out;
	}
	r = pred_record(f, m, &at, &p);
	if (pout != NULL)
		*pout = p;
out:
	free(at.x);
	free(at.have);
	return r;
}

/*
 * predict FIT --through UP COL=V ...: UP predicted at COL=V, then FIT (a
 * law of one input: UP's y) at that value, the interval carried through
 * both (interval_chain). The record is FIT's, with UP's as "through".
 */
static sx_rec *
predict_through(sx_ctx *ctx, const sx_args *a, const sx_fitrec *f)
{
	int ti = arg_index(a, ctx->cmd, "--through");
	const sx_fitrec *up = fit_find(ctx, ti, arg(a, ctx->cmd, "--through"));
	const sx_model *m = fit_model(ctx, arg_index(a, ctx->cmd, "FIT"), f);
	double level = arg_num(a, ctx->cmd, "--level");
	enum sx_interval_kind kind = strcmp(arg_str(a, ctx->cmd, "--interval"),
	    "prediction") == 0 ? SX_INTERVAL_PREDICTION : SX_INTERVAL_CONFIDENCE;
	struct pred_at at = { NULL, NULL, NAN };
	sx_prediction pu, p;
	unsigned char have = 1;
	sx_rec *ru, *r;
	sx_err e;

	if (up == NULL || m == NULL)
		return NULL;
	if (m->nin != 1) {
		cmd_fail(ctx, arg_index(a, ctx->cmd, "FIT"), "%s is a law of %zu "
		    "inputs: --through needs a law of one (%s's %s)", f->name, m->nin,
		    up->name, up->ycol);
		return NULL;
	}
	if ((ru = predict_one(ctx, a, up, &pu)) == NULL)
		return NULL;
	err_clear(&e);
	if (interval_chain(m, &f->res, f->space, &pu, level, kind, &p, &e) != 0) {
		rec_free(ru);
		cmd_fail(ctx, ti, "%s through %s: %s", f->name, up->name, e.msg);
		return NULL;
	}
	at.x = &pu.y;
	at.have = &have;
	r = pred_record(f, m, &at, &p);
	rec_adopt(r, "through", ru);
	return r;
}

/* predict FIT ...: one fit, or each of a group fit's (all or none). */
static int
cmd_predict_exec(sx_ctx *ctx, const sx_args *a)
{
	size_t n, k;
	sx_fitrec **fits = fit_find_all(ctx, arg_index(a, ctx->cmd, "FIT"),
	    arg(a, ctx->cmd, "FIT"), &n);
	sx_rec **recs;
	int rc;

	if (fits == NULL)
		return -1;
	recs = xcalloc(n, sizeof *recs);
	for (k = 0; k < n && (recs[k] = arg(a, ctx->cmd, "--through") != NULL ?
	    predict_through(ctx, a, fits[k]) : predict_one(ctx, a, fits[k],
	    NULL)) != NULL; k++)
		;
	rc = tableout_put_all(ctx, a, recs, n, k);
	free(recs);
	free(fits);
	return rc;
}

static const sx_argdef predict_args[] = {
	{ "FIT", ARG_FIT, 0, NULL, NULL, NULL, NULL },
	{ "COL=V", ARG_ASSIGNS, ARG_REST, NULL, NULL,
	  "the inputs (the law's names or the fit's columns); for a law of N "
	  "and D, C=V alone predicts at the compute-optimal allocation of that "
	  "budget", NULL },
	{ "--interval", ARG_CHOICE, 0, "confidence|prediction",
	  "confidence|prediction",
	  "for the law's mean there, or for one new run (adds the residual "
	  "scale)", "confidence" },
	{ "--level", ARG_NUMBER, 0, NULL, "P", "the interval's level", "0.95" },
	{ "--through", ARG_FIT, 0, NULL, "UP",
	  "predict UP at COL=V ..., then FIT, a law of one input (UP's y: a "
	  "task's error as a law of the loss, Gadre et al. 2024), at that "
	  "value; the interval is carried through both fits by the delta "
	  "method (taken as independent; t with the smaller residual degrees "
	  "of freedom)", NULL },
	{ "--k", ARG_NUMBER, 0, NULL, "K",
	  "FLOP per parameter per token of a budget C = k*N*D",
	  SX_STR(SX_FRONTIER_K) },
	TABLEOUT_ARGS,
	{ NULL, 0, 0, NULL, NULL, NULL, NULL }
};
const sx_cmd cmd_predict_entry = {
	"predict", NULL,
	"Evaluate a fitted law at given inputs with an interval, e.g.\n"
	"predict ch N=7e10 D=1.4e12. The interval is for the law's mean\n"
	"(confidence) or, with --interval prediction, for one new run there\n"
	"(the residual scale s, s^2 = sum r^2/(n - p), added). It is made in\n"
	"the fit's space (log L for a log-space fit, then mapped back by exp,\n"
	"so it is not symmetric about L) by the delta method from the fit's\n"
	"covariance with Student's t at n - p degrees of freedom or, when the\n"
	"fit has bootstrap replicates (fit ... --bootstrap K), from their\n"
	"percentiles (for a new run: their mixture with the residual noise).\n"
	"For a law of N and D, predict FIT C=1e22 predicts at the\n"
	"compute-optimal allocation of the budget C = k*N*D (as frontier\n"
	"finds it) and prints N_opt and D_opt, with intervals from the\n"
	"replicates when there are any. For a law of N, D and unique tokens\n"
	"U (datacon), give the limit too: predict FIT C=1e22 U=1e11.\n",
	predict_args, 0, cmd_predict_exec
};
