/* suggest.c: suggest: the next runs that most shrink the uncertainty of
 * N_opt or L at a target budget, checked by simulation. */
#include "config.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include <gsl/gsl_cdf.h>

#include "base/xalloc.h"
#include "commands/scaling/fit.h"
#include "commands/scaling/plan.h"
#include "scaling/frontier.h"
#include "scaling/simulate.h"
#include "scaling/suggest.h"
#include "sessions/progress.h"
#include "views/view.h"

/* The simulated variance of the log target on runs (N, D), the fit's law
 * as truth, refitted as the fit was (loss, space, held parameters) from
 * its estimate; NaN when cancelled or failed. */
static double
suggest_check_var(sx_ctx *ctx, const sx_args *a, const sx_suggest_spec *sp,
    const sx_fitrec *f, const double *N, const double *D, size_t n)
{
	sx_fit_opts o;
	sx_sim_spec s;
	sx_sim_result res;
	sx_progress pg;
	sx_err e;
	double v = NAN;
	unsigned char *fixed = xcalloc(sp->m->np + 1, 1);
	int rc;

	for (size_t j = 0; j < sp->m->np; j++)
		fixed[j] = !sp->free[j];
	memset(&o, 0, sizeof o);
	o.space = SX_SPACE_LOG;
	o.loss = f->res.loss;
	o.delta = f->res.delta;
	o.init = sp->p;
	o.fixed = fixed;
	memset(&s, 0, sizeof s);
	s.truth = s.fitm = sp->m;
	s.ptrue = sp->p;
	s.fit = &o;
	s.sigma = sp->sigma;
	s.reps = arg_int(a, ctx->cmd, "--reps");
	s.seed = arg_int(a, ctx->cmd, "--seed");
	s.threads = 2;
	s.k = sp->k;
	s.C_at = sp->C_at;
	s.level = 0.9;
	err_clear(&e);
	progress_begin(&pg, ctx->out, "suggest: simulating");
	rc = sim_run(&s, N, D, n, &res, progress_update, &pg, &e);
	progress_end(&pg);
	if (rc == 0) {
		v = sim_log_var(&res, sp->m->np + (sp->target == SUGGEST_LOSS ? 3 :
		    1));
		sim_result_free(&res);
	}
	free(fixed);
	return v;
}

/* value * exp(-+z sqrt(var)) into an array lo, hi under key. */
static void
suggest_interval(sx_rec *r, const char *key, double value, double var,
    double z)
{
	sx_rec *ci = rec_arr(r, key);

	rec_num(ci, NULL, value * exp(-z * sqrt(var)));
	rec_num(ci, NULL, value * exp(z * sqrt(var)));
}

static sx_rec *
suggest_rec(sx_ctx *ctx, const sx_args *a, const sx_suggest_spec *sp,
    const sx_fitrec *f, const plan_runs *pr, const sx_suggest *out)
{
	double z = gsl_cdf_ugaussian_Pinv(0.95), vb, va, *aN, *aD;
	sx_rec *r = rec_new("suggest"), *runs, *chk;
	size_t n = pr->n + out->n;

	rec_str(r, "fit", f->name);
	rec_str(r, "law", sp->m->name);
	rec_str(r, "target", sp->target == SUGGEST_LOSS ? "L_opt" : "N_opt");
	rec_num(r, "at", sp->C_at);
	rec_num(r, "budget", sp->budget);
	rec_num(r, "sigma", sp->sigma);
	rec_num(r, "value", out->value);
	rec_int(r, "candidates", (long long)out->ncand);
	rec_num(r, "var_before", out->var0);
	suggest_interval(r, "before", out->value, out->var0, z);
	runs = rec_arr(r, "runs");
	for (size_t i = 0; i < out->n; i++) {
		sx_rec *o = rec_obj(runs, NULL);

		rec_num(o, "N", out->runs[i].N);
		rec_num(o, "D", out->runs[i].D);
		rec_num(o, "C", out->runs[i].C);
		rec_num(o, "tokens_per_param", out->runs[i].D / out->runs[i].N);
		rec_num(o, "var", out->runs[i].var);
		suggest_interval(o, "interval", out->value, out->runs[i].var, z);
	}
	rec_num(r, "spent", out->spent);
	va = out->n > 0 ? out->runs[out->n - 1].var : out->var0;
	rec_num(r, "var_after", va);
	suggest_interval(r, "after", out->value, va, z);
	/* The check: both sweeps simulated. */
	aN = xmalloc(2 * (n + 1) * sizeof *aN);
	aD = aN + n + 1;
	memcpy(aN, pr->N, pr->n * sizeof *aN);
	memcpy(aD, pr->D, pr->n * sizeof *aD);
	for (size_t i = 0; i < out->n; i++) {
		aN[pr->n + i] = out->runs[i].N;
		aD[pr->n + i] = out->runs[i].D;
	}
	vb = suggest_check_var(ctx, a, sp, f, pr->N, pr->D, pr->n);
	va = isnan(vb) ? NAN : suggest_check_var(ctx, a, sp, f, aN, aD, n);
	free(aN);
	if (isnan(va)) {
		rec_free(r);
		return NULL;
	}
	chk = rec_obj(r, "simulated");
	rec_int(chk, "reps", (long long)arg_int(a, ctx->cmd, "--reps"));
	rec_int(chk, "seed", (long long)arg_int(a, ctx->cmd, "--seed"));
	rec_num(chk, "var_before", vb);
	rec_num(chk, "var_after", va);
	suggest_interval(chk, "after", out->value, va, z);
	return r;
}

static int
cmd_suggest_exec(sx_ctx *ctx, const sx_args *a)
{
	int argi = arg_index(a, ctx->cmd, "FIT");
	const char *tg = arg_str(a, ctx->cmd, "--target");
	sx_fitrec *f = fit_find(ctx, argi, arg(a, ctx->cmd, "FIT"));
	const sx_model *m = f != NULL ? fit_model(ctx, argi, f) : NULL;
	unsigned char *fr;
	sx_suggest_spec sp;
	sx_suggest out;
	plan_runs pr;
	sx_rec *r;
	sx_err e;
	int rc;

	if (m == NULL)
		return -1;
	if (f->space != SX_SPACE_LOG)
		return cmd_fail(ctx, argi, "suggest needs a fit in log space (its "
		    "residuals' sd is the noise); refit '%s' with --space log",
		    f->name);
	memset(&sp, 0, sizeof sp);
	if (plan_target(ctx, a, &sp.C_at) != 0 ||
	    plan_runs_of_fit(ctx, argi, f, m, &pr) != 0)
		return -1;
	fr = xcalloc(m->np + 1, 1);
	for (size_t j = 0; j < m->np; j++)
		fr[j] = isfinite(f->res.se[j]);
	sp.m = m;
	sp.p = f->res.p;
	sp.free = fr;
	sp.sigma = f->res.rmse;
	sp.k = SX_FRONTIER_K;
	sp.target = strcmp(tg, "loss") == 0 ? SUGGEST_LOSS : SUGGEST_NOPT;
	sp.budget = arg_num(a, ctx->cmd, "--budget");
	sp.K = arg_int(a, ctx->cmd, "--k");
	sp.nbudgets = 12;
	sp.nsizes = 9;
	sp.r_lo = 1;
	sp.r_hi = 1000;
	err_clear(&e);
	if (sp.K == 0 || sp.K > 100)
		rc = cmd_fail(ctx, arg_index(a, ctx->cmd, "--k"), "--k must be 1 to "
		    "100 runs");
	else if (suggest_run(&sp, pr.N, pr.D, pr.n, &out, &e) != 0)
		rc = cmd_fail(ctx, strstr(e.msg, "budget") != NULL ?
		    arg_index(a, ctx->cmd, "--budget") : argi, "%s", e.msg);
	else {
		r = suggest_rec(ctx, a, &sp, f, &pr, &out);
		suggest_free(&out);
		if (r == NULL)
			rc = cmd_fail(ctx, -1, "suggest: the check by simulation was "
			    "cancelled or failed");
		else {
			view_put(ctx->out, r);
			rc = 0;
		}
	}
	free(fr);
	free(pr.N);
	return rc;
}

static const sx_argdef suggest_args[] = {
	{ "FIT", ARG_FIT, 0, NULL, NULL, NULL, NULL },
	{ "--budget", ARG_NUMBER, ARG_NEED, NULL, "C",
	  "the compute the new runs may spend in all, in FLOP", NULL },
	{ "--at", ARG_NUMBER, 0, NULL, "C", "the target budget, in FLOP",
	  "1e24" },
	{ "--k", ARG_INT, 0, NULL, "K", "runs to propose (at most)", "3" },
	{ "--target", ARG_CHOICE, 0, "nopt|loss", "nopt|loss",
	  "the quantity at the target whose variance is to shrink: N_opt or "
	  "the compute-optimal loss L_opt", "nopt" },
	{ "--reps", ARG_INT, 0, NULL, "K",
	  "synthetic sweeps of the check by simulation", "100" },
	{ "--seed", ARG_INT, 0, NULL, "S", "the check's seed", "1" },
	{ NULL, 0, 0, NULL, NULL, NULL, NULL }
};

const sx_cmd cmd_suggest_entry = {
	"suggest", NULL,
	"Propose the next runs (N, D) that most shrink the predicted variance\n"
	"of log N_opt (or log L_opt) at the target budget: a c-optimal design\n"
	"for that one quantity, from the Fisher information of the fit (least\n"
	"squares in log space, noise the fit's residual sd; held parameters\n"
	"stay held). Greedy: K times, the candidate that lowers the variance\n"
	"most among those the budget left affords (a rank-one update). The\n"
	"candidates: 12 budgets log-spaced from the sweep's smallest run to\n"
	"min(--budget, --at), at each 9 models of 1 to 1000 tokens per\n"
	"parameter. Each run is printed with its cost and the interval\n"
	"expected after it (90%, log-normal), and a quick simulation of the\n"
	"sweep before and after (the fit's law as truth) checks the\n"
	"prediction.\n"
	"  suggest ch --budget 1e22 --at 1e24 --k 3\n",
	suggest_args, 0, cmd_suggest_exec
};
