/* simulate.c: simulate: how precisely designs of planned runs pin a law
 * down, from refits of synthetic sweeps drawn from a true law. */
#include "config.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "base/xalloc.h"
#include "commands/scaling/fit.h"
#include "commands/scaling/plan.h"
#include "scaling/design.h"
#include "scaling/simulate.h"
#include "sessions/figures.h"
#include "sessions/progress.h"
#include "views/view.h"

#define SIM_MAX_DESIGNS 8

/* --noise: "1%", "0.01" (sd of log L) or "resid:FIT"; resid is then the
 * fit's centred log residuals (malloc'ed), *n of them. */
static int
sim_noise(sx_ctx *ctx, const sx_args *a, double *sigma, double **resid,
    size_t *n)
{
	const char *v = arg_str(a, ctx->cmd, "--noise");
	int argi = arg_index(a, ctx->cmd, "--noise");
	char *end;

	*resid = NULL;
	*n = 0;
	if (strncmp(v, "resid:", 6) == 0) {
		sx_fitrec *f = fit_find(ctx, argi, v + 6);
		const sx_model *m = f != NULL ? fit_model(ctx, argi, f) : NULL;
		const sx_dataset *ds;
		plan_runs r;
		const double *x[2];
		double *y;
		int in_n, in_d, cy;
		sx_err e;

		if (m == NULL || plan_runs_of_fit(ctx, argi, f, m, &r) != 0)
			return -1;
		ds = ws_dataset(ctx->ws, f->data);
		cy = dataset_column_exact(ds, f->ycol);
		err_clear(&e);
		frontier_nd_inputs(m, &in_n, &in_d, &e);
		if (cy < 0 || r.n != ds->nrows) {
			free(r.N);
			return cmd_fail(ctx, argi, "--noise %s: the rows of fit '%s' "
			    "are not all complete runs of N, D and %s", v, f->name,
			    f->ycol);
		}
		x[in_n] = r.N;
		x[in_d] = r.D;
		y = ds->cols[cy].v;
		*resid = xmalloc((r.n + 1) * sizeof **resid);
		if (sim_residuals(m, x, y, r.n, f->res.p, *resid, &e) != 0) {
			free(r.N);
			free(*resid);
			*resid = NULL;
			return cmd_fail(ctx, argi, "--noise %s: %s", v, e.msg);
		}
		*n = r.n;
		free(r.N);
		return 0;
	}
	*sigma = strtod(v, &end);
	if (end != v && *end == '%' && end[1] == '\0')
		*sigma /= 100.0;
	else if (end == v || *end != '\0')
		return cmd_fail(ctx, argi, "--noise expects a level such as 1%% or "
		    "0.01 (the sd of log L), or resid:FIT, not '%s'", v);
	if (!(*sigma >= 0.0 && *sigma < 10.0))
		return cmd_fail(ctx, argi, "--noise %s: the sd of log L must be in "
		    "[0, 10)", v);
	return 0;
}

/* The record of one design's simulation. */
static sx_rec *
sim_design_rec(const char *name, const plan_runs *pr, const sx_model *fm,
    const sx_sim_result *res)
{
	sx_rec *d = rec_new("design"), *qs = rec_arr(d, "quantities");

	rec_str(d, "design", name);
	rec_int(d, "runs", (long long)pr->n);
	rec_num(d, "cost", design_cost(pr->C, pr->n));
	rec_int(d, "failed", (long long)res->nfail);
	rec_int(d, "on_bound", (long long)res->nbound);
	for (size_t j = 0; j < res->nq; j++) {
		const sx_sim_stat *q = &res->q[j];
		sx_rec *o = rec_obj(qs, NULL);

		rec_str(o, "name", j < fm->np ? fm->params[j] :
		    sim_derived_names[j - fm->np]);
		rec_num(o, "true", q->truth);
		rec_num(o, "mean", q->mean);
		rec_num(o, "bias", q->bias);
		rec_num(o, "sd", q->sd);
		rec_num(o, "lo", q->lo);
		rec_num(o, "hi", q->hi);
		rec_int(o, "n", (long long)q->n);
	}
	return d;
}

/* Simulate one design into the record's list; -1 after cmd_fail. */
static int
sim_design(sx_ctx *ctx, const sx_args *a, int w, const sx_sim_spec *s,
    sx_rec *list)
{
	const char *name = ctx->cl->argv[w];
	const sx_dataset *ds = ws_dataset(ctx->ws, name);
	plan_runs pr;
	sx_sim_result res;
	sx_progress pg;
	sx_err e;
	int rc;

	if (ds == NULL)
		return cmd_fail(ctx, w, "no dataset '%s' (see 'data')", name);
	if (plan_runs_of(ctx, w, ds, &pr) != 0)
		return -1;
	err_clear(&e);
	progress_begin(&pg, ctx->out, "simulate");
	rc = sim_run(s, pr.N, pr.D, pr.n, &res, progress_update, &pg, &e);
	progress_end(&pg);
	if (rc != 0) {
		free(pr.N);
		return cmd_fail(ctx, strcmp(e.msg, "cancelled") == 0 ? -1 : w,
		    "simulate %s: %s", name, e.msg);
	}
	rec_adopt(list, NULL, sim_design_rec(name, &pr, s->fitm, &res));
	sim_result_free(&res);
	free(pr.N);
	return 0;
}

static int
cmd_simulate_exec(sx_ctx *ctx, const sx_args *a)
{
	const char *law = arg(a, ctx->cmd, "--law");
	const char *fname = arg(a, ctx->cmd, "--fit");
	int lawi = arg_index(a, ctx->cmd, "--law");
	const sx_fitrec *fr;
	const sx_model *tm, *fm;
	const double *pt;
	double *resid = NULL;
	sx_sim_spec s;
	fit_job job;
	sx_rec *r, *list;
	sx_err e;
	int rc = -1, nd = 0, bad = 0;

	memset(&s, 0, sizeof s);
	memset(&job, 0, sizeof job);
	err_clear(&e);
	if (figures_nd_source(ctx->ws, law, NAN, &tm, &pt, &fr, &e) != 0)
		return cmd_fail(ctx, lawi, "--law %s: %s", law, e.msg);
	fm = fname != NULL ? ws_model(ctx->ws, fname) : tm;
	if (fm == NULL)
		return cmd_fail(ctx, arg_index(a, ctx->cmd, "--fit"), "no model "
		    "'%s' (see 'models')", fname);
	if (frontier_nd_inputs(fm, &(int){ 0 }, &(int){ 0 }, &e) != 0)
		return cmd_fail(ctx, arg_index(a, ctx->cmd, "--fit"), "--fit %s: "
		    "%s", fm->name, e.msg);
	s.truth = tm;
	s.ptrue = pt;
	s.fitm = fm;
	s.reps = arg_int(a, ctx->cmd, "--reps");
	s.seed = arg_int(a, ctx->cmd, "--seed");
	s.threads = (unsigned)arg_int(a, ctx->cmd, "--threads");
	s.level = arg_num(a, ctx->cmd, "--level");
	s.k = SX_FRONTIER_K;
	if (s.reps == 0 || s.reps > 1000000)
		return cmd_fail(ctx, arg_index(a, ctx->cmd, "--reps"), "--reps must "
		    "be 1 to 1000000");
	if (s.threads < 1 || s.threads > 64)
		return cmd_fail(ctx, arg_index(a, ctx->cmd, "--threads"),
		    "--threads must be 1 to 64");
	if (!(s.level > 0.0 && s.level < 1.0))
		return cmd_fail(ctx, arg_index(a, ctx->cmd, "--level"), "--level "
		    "expects a level between 0 and 1, e.g. 0.9");
	if (plan_target(ctx, a, &s.C_at) != 0 ||
	    sim_noise(ctx, a, &s.sigma, &resid, &s.nresid) != 0 ||
	    fit_job_parse(ctx, a, fm, &job) != 0)
		goto out;
	s.resid = resid;
	s.fit = &job.opts;
	r = rec_new("simulate");
	rec_str(r, "law", law);
	rec_str(r, "truth", tm->name);
	rec_str(r, "refit", fm->name);
	rec_str(r, "loss", job.opts.loss == SX_LOSS_HUBER ? "huber" : "ls");
	if (job.opts.loss == SX_LOSS_HUBER)
		rec_num(r, "delta", job.opts.delta);
	rec_str(r, "space", job.opts.space == SX_SPACE_LOG ? "log" : "linear");
	rec_str(r, "noise", resid != NULL ? "resampled residuals" :
	    "log-normal");
	if (resid == NULL)
		rec_num(r, "sigma", s.sigma);
	else
		rec_str(r, "residuals_of", arg_str(a, ctx->cmd, "--noise") + 6);
	rec_int(r, "reps", (long long)s.reps);
	rec_int(r, "seed", (long long)s.seed);
	rec_num(r, "at", s.C_at);
	rec_num(r, "level", s.level);
	list = rec_arr(r, "designs");
	for (int w = arg_index(a, ctx->cmd, "DESIGN"); w < ctx->cl->argc &&
	    strncmp(ctx->cl->argv[w], "--", 2) != 0 && !bad; w++, nd++)
		if (nd == SIM_MAX_DESIGNS)
			bad = cmd_fail(ctx, w, "simulate compares at most %d designs",
			    SIM_MAX_DESIGNS);
		else
			bad = sim_design(ctx, a, w, &s, list);
	if (!bad) {
		view_put(ctx->out, r);
		rc = 0;
	} else
		rec_free(r);
out:
	free(resid);
	fit_job_free(&job);
	return rc;
}

static const sx_argdef simulate_args[] = {
	{ "DESIGN", ARG_DATASET, ARG_REST, NULL, "DESIGN", NULL, NULL },
	{ "--law", ARG_WORD, ARG_NEED, NULL, "FIT|PRESET",
	  "the true law the sweeps are drawn from: a fit, or a preset with a "
	  "law of N and D (hoffmann2022, ...)", NULL },
	{ "--fit", ARG_MODEL, 0, NULL, "LAW",
	  "the law refitted to each sweep (default: the true law's)", NULL },
	{ "--noise", ARG_WORD, 0, "1%|resid:", "SD|resid:FIT",
	  "log-normal noise L = L_true exp(SD z), SD as 1% or 0.01; or "
	  "resid:FIT, log residuals of a real fit (centred) drawn with "
	  "replacement", "1%" },
	{ "--reps", ARG_INT, 0, NULL, "K", "synthetic sweeps", "200" },
	{ "--seed", ARG_INT, 0, NULL, "S",
	  "the noise's (and random starts') seed: sweep r draws from its own "
	  "generator, seeded from (S, r)", "1" },
	{ "--threads", ARG_INT, 0, NULL, "T",
	  "threads refitting sweeps; the output is the same at any number",
	  "2" },
	{ "--at", ARG_NUMBER, 0, NULL, "C",
	  "the target budget of N_opt, D_opt and L_opt, in FLOP", "1e24" },
	{ "--level", ARG_NUMBER, 0, NULL, "P", "the central interval's level",
	  "0.9" },
	{ "--space", ARG_CHOICE, 0, "log|linear", "log|linear",
	  "the refits' residuals, as fit's", "log" },
	{ "--loss", ARG_WORD, 0, "ls|huber:0.001", "ls|huber:DELTA",
	  "the refits' loss, as fit's (approach 3: huber:1e-3)", "ls" },
	{ "--starts", ARG_WORD, 0, "grid", "grid|N|P=lo:hi:step,...",
	  "the refits' starts, as fit's (default one, automatic)", NULL },
	{ "--init", ARG_ASSIGNS, 0, NULL, "P=V,...",
	  "the refits' starting values, as fit's", NULL },
	{ "--fix", ARG_ASSIGNS, 0, NULL, "P=V,...",
	  "parameters the refits hold, as fit's", NULL },
	{ "--bounds", ARG_WORD, 0, NULL, "P=lo:hi,...",
	  "the refits' bounds, as fit's; a refit ending on one is counted",
	  NULL },
	{ NULL, 0, 0, NULL, NULL, NULL, NULL }
};

const sx_cmd cmd_simulate_entry = {
	"simulate", NULL,
	"How precisely a design of planned runs (a dataset of N and D, or N\n"
	"and C: 'design isoflop', 'design grid', or any CSV) will pin a law\n"
	"down. K synthetic sweeps are drawn from the true law with the noise\n"
	"stated, each refitted as you will fit it (the fit options: law,\n"
	"loss, space, starts, start, fixed parameters, bounds), and for every\n"
	"parameter, the frontier exponent a (N_opt ~ C^a; beta/(alpha+beta)\n"
	"for Hoffmann's form, else the slope of log N_opt from C/100 to C) and\n"
	"N_opt, D_opt and L_opt at the target C, the true value, the mean\n"
	"and bias of the refits, their sd and central interval. Fits that fail\n"
	"or do not converge are counted and left out; those ending on a bound\n"
	"are counted and kept. With several designs, a table side by side:\n"
	"cost, failures, the spread of a and the width of N_opt's interval.\n"
	"Ctrl-C cancels. The same seed gives the same output at any --threads.\n"
	"  design isoflop --budgets 5 --sizes 7 as a\n"
	"  design isoflop --budgets 7 --sizes 5 as b\n"
	"  simulate a b --law hoffmann2022 --noise 1% --reps 200\n",
	simulate_args, 0, cmd_simulate_exec
};
