/* transfer.c: w learn and transfer: task weights from rewards, and the
 * transfer curve against Q-learning. */
#include "config.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "base/xalloc.h"
#include "commands/rl/rl.h"
#include "rl/gpi.h"
#include "rl/sf.h"
#include "rl/transfer.h"
#include "rl/wlearn.h"
#include "sessions/plotout.h"
#include "sessions/progress.h"
#include "views/view.h"

static int
cmd_w_learn_exec(sx_ctx *ctx, const sx_args *a)
{
	const sx_cmd *c = ctx->cmd;
	const sx_grid *g = gr_need(ctx);
	const char *seedtxt = arg(a, c, "--seed");
	double w[GRID_MAX_W], wfull[GRID_MAX_PHI], sd;
	size_t n;
	unsigned long seed;
	wl_result res;
	sx_rec *r, *seen, *feat;
	char name[8];
	sx_err e;

	if (g == NULL || gr_parse_w(ctx, arg_index(a, c, "W"), g, arg(a, c, "W"),
	    w, wfull) != 0)
		return -1;
	n = arg_int(a, c, "--samples");
	if (n < 1 || n > 100000000)
		return cmd_fail(ctx, arg_index(a, c, "--samples"), "--samples is 1 "
		    "to 100000000, not %zu", n);
	sd = arg_num(a, c, "--noise");
	if (sd < 0)
		return cmd_fail(ctx, arg_index(a, c, "--noise"), "--noise is a "
		    "standard deviation >= 0, not %s", arg(a, c, "--noise"));
	seed = seedtxt != NULL ? arg_int(a, c, "--seed") : g->seed;
	err_clear(&e);
	if (wl_learn(g, w, n, sd, seed, &res, &e) != 0)
		return cmd_fail_err(ctx, -1, &e);
	r = rec_new("w learn");
	gr_rec_w(r, "w_true", w, g->nw);
	gr_rec_w(r, "w", res.w, res.nw);
	rec_int(r, "samples", (long long)res.samples);
	seen = rec_arr(r, "seen");
	for (int k = 0; k < res.nw; k++)
		rec_num(seen, NULL, (double)res.seen[k]);
	rec_int(r, "rank", res.rank);
	rec_num(r, "rmse", res.rmse);
	rec_int(r, "seed", (long long)seed);
	/* What the text says besides: the grid, the noise, the row names. */
	rec_str(r, "grid", g->name);
	rec_num(r, "noise", sd);
	feat = rec_arr(r, "features");
	for (int k = 0; k < res.nw; k++) {
		gr_feature_name(g, k, name, sizeof name);
		rec_str(feat, NULL, name);
	}
	view_put(ctx->out, r);
	return 0;
}

/* The learning curves against samples, the optimum as a reference line. */
static int
gr_transfer_plot(sx_ctx *ctx, const sx_args *a, const sx_grid *g,
    const double *w, const transfer_curve *cv)
{
	px_figure *fig = figure_new();
	double *x;
	char wt[256], *title, ql[64];
	px_err pe;
	int rc = -1;

	if (fig == NULL)
		return cmd_fail(ctx, -1, "out of memory");
	x = xcalloc(cv->n, sizeof *x);
	snprintf(ql, sizeof ql, "Q-learning (eps %g, alpha %g)", cv->epsilon,
	    cv->alpha);
	for (size_t j = 0; j < cv->n; j++)
		x[j] = (double)cv->samples[j];
	gr_w_text(w, g->nw, wt, sizeof wt);
	title = xasprintf("transfer on %s, w = %s", g->name, wt);
	figure_set_title(fig, title);
	figure_set_labels(fig, "transitions seen", "return from the start");
	if (figure_line(fig, "GPI, true w (zero-shot)", x, cv->gpi_zero, cv->n,
	    &pe) < 0 || figure_line(fig, "GPI, w fitted", x, cv->gpi_learned,
	    cv->n, &pe) < 0 || figure_line(fig, ql, x, cv->qlearn,
	    cv->n, &pe) < 0 || (isfinite(cv->optimal) && figure_hline(fig,
	    "optimal", cv->optimal, &pe) < 0))
		cmd_fail(ctx, -1, "%s", pe.msg);
	else
		rc = plotout_emit(ctx, a, fig, "transfer");
	figure_free(fig);
	free(x);
	free(title);
	return rc;
}

static int
cmd_transfer_exec(sx_ctx *ctx, const sx_args *a)
{
	const sx_cmd *c = ctx->cmd;
	const sx_grid *g = gr_need(ctx);
	const char *seedtxt = arg(a, c, "--seed");
	double w[GRID_MAX_W], wfull[GRID_MAX_PHI];
	transfer_opts to;
	transfer_curve *cv = NULL;
	const sf_base *b;
	sx_progress pr;
	sx_rec *r, *samples;
	int rc;
	sx_err e;

	if (g == NULL || gr_parse_w(ctx, arg_index(a, c, "W"), g, arg(a, c, "W"),
	    w, wfull) != 0)
		return -1;
	memset(&to, 0, sizeof to);
	to.samples = arg_int(a, c, "--samples");
	if (to.samples < 1 || to.samples > 10000000)
		return cmd_fail(ctx, arg_index(a, c, "--samples"), "--samples is 1 "
		    "to 10000000, not %zu", to.samples);
	to.points = arg_int(a, c, "--points");
	if (to.points < 1 || to.points > 1000)
		return cmd_fail(ctx, arg_index(a, c, "--points"), "--points is 1 "
		    "to 1000, not %zu", to.points);
	to.alpha = arg_num(a, c, "--alpha");
	if (!(to.alpha > 0 && to.alpha <= 1))
		return cmd_fail(ctx, arg_index(a, c, "--alpha"), "--alpha is a step "
		    "size in (0, 1], not %s", arg(a, c, "--alpha"));
	to.epsilon = arg_num(a, c, "--epsilon");
	if (!(to.epsilon > 0 && to.epsilon <= 1))
		return cmd_fail(ctx, arg_index(a, c, "--epsilon"), "--epsilon is a "
		    "probability in (0, 1], not %s", arg(a, c, "--epsilon"));
	to.noise = arg_num(a, c, "--noise");
	if (!(to.noise >= 0 && to.noise <= 1e6))
		return cmd_fail(ctx, arg_index(a, c, "--noise"), "--noise is a "
		    "standard deviation in [0, 1e6], not %s", arg(a, c, "--noise"));
	to.seed = seedtxt != NULL ? arg_int(a, c, "--seed") : g->seed;
	if ((b = gr_need_base(ctx, g)) == NULL)
		return -1;
	gr_progress_begin(&pr, ctx, "transfer");
	to.progress = progress_update;
	to.ctx = &pr;
	err_clear(&e);
	rc = transfer_run(g, b, w, &to, &cv, &e);
	progress_end(&pr);
	if (rc != 0)
		return cmd_fail_err(ctx, -1, &e);
	if (arg(a, c, "--plot") != NULL) {
		rc = gr_transfer_plot(ctx, a, g, w, cv);
		transfer_curve_free(cv);
		return rc;
	}
	r = rec_new("transfer");
	gr_rec_w(r, "w", w, g->nw);
	rec_int(r, "seed", (long long)to.seed);
	rec_num(r, "alpha", cv->alpha);
	rec_num(r, "epsilon", cv->epsilon);
	rec_num(r, "noise", to.noise);
	rec_str(r, "ties", "random");
	samples = rec_arr(r, "samples");
	for (size_t j = 0; j < cv->n; j++)
		rec_num(samples, NULL, (double)cv->samples[j]);
	gr_rec_w(r, "gpi_zero", cv->gpi_zero, (int)cv->n);
	gr_rec_w(r, "gpi_learned", cv->gpi_learned, (int)cv->n);
	gr_rec_w(r, "qlearn", cv->qlearn, (int)cv->n);
	rec_num(r, "optimal", cv->optimal);
	gr_rec_w(r, "w_learned", cv->w_learned, cv->nw);
	rec_str(r, "grid", g->name);
	view_put(ctx->out, r);
	transfer_curve_free(cv);
	return 0;
}

static const sx_argdef wlearn_args[] = {
	{ "W", ARG_WORD, 0, NULL, "W", NULL, NULL },
	{ "--samples", ARG_INT, 0, NULL, "K",
	  "transitions of a uniformly random policy", "10000" },
	{ "--noise", ARG_NUMBER, 0, NULL, "SD",
	  "standard deviation of the Gaussian noise added to each reward",
	  "0" },
	{ "--seed", ARG_INT, 0, NULL, "S",
	  "the walk's and the noise's randomness (default: the grid's seed)",
	  NULL },
	{ NULL, 0, 0, NULL, NULL, NULL, NULL }
};
static const sx_argdef transfer_args[] = {
	{ "W", ARG_WORD, 0, NULL, "W", NULL, NULL },
	{ "--samples", ARG_INT, 0, NULL, "K",
	  "transitions each learner sees in all", "20000" },
	{ "--points", ARG_INT, 0, NULL, "N",
	  "checkpoints, evenly spaced up to K", "10" },
	{ "--epsilon", ARG_NUMBER, 0, NULL, "E",
	  "probability of a uniformly random action, for Q-learning and the "
	  "GPI agent that fits w", SX_STR(QL_DEFAULT_EPSILON) },
	{ "--alpha", ARG_NUMBER, 0, NULL, "A", "Q-learning's step size",
	  SX_STR(QL_DEFAULT_ALPHA) },
	{ "--noise", ARG_NUMBER, 0, NULL, "SD",
	  "sd of Gaussian noise on the rewards the GPI agent fits w to",
	  "0" },
	{ "--seed", ARG_INT, 0, NULL, "S",
	  "the learners' and the noise's randomness (default: the grid's "
	  "seed)", NULL },
	{ "--plot", ARG_FLAG, 0, NULL, NULL,
	  "draw the curves instead of the table, with the plot options:",
	  NULL },
	PLOTOUT_ARGS,
	{ NULL, 0, 0, NULL, NULL, NULL, NULL }
};

const sx_cmd cmd_w_entry = {
	"w", "w learn ...", "Task weights from rewards.\n", cmd_no_args, 0, NULL
};

const sx_cmd cmd_w_learn_entry = {
	"w learn", NULL,
	"Regress the task weights from rewards: a uniformly random policy\n"
	"runs K transitions of task W, each reward gets Gaussian noise of\n"
	"sd SD, and least squares r ~ w . phi recovers w. Features never\n"
	"observed get weight 0.\n"
	GR_W_HELP, wlearn_args, 0, cmd_w_learn_exec
};

const sx_cmd cmd_transfer_entry = {
	"transfer", NULL,
	"Return from the start against transitions seen, as in Barreto et al.\n"
	"(PNAS 2020): GPI told the true W (zero-shot), GPI with w regressed\n"
	"from the rewards its own agent has seen, and Q-learning from\n"
	"scratch, each after the same number of transitions, at N checkpoints\n"
	"up to K. Each point is the discounted return from the start of the\n"
	"learner's greedy policy.\n"
	"Q-learning is the textbook tabular one: Q = 0 at first, a uniformly\n"
	"random action with probability E and a greedy one otherwise, greedy\n"
	"ties broken uniformly at random among the maximal actions (within\n"
	"1e-9), and Q(s,a) += A (r + gamma max Q(s',.) - Q(s,a)) with step\n"
	"size A. The GPI agent that fits w explores with the same E. Both are\n"
	"printed with the curves. With --noise SD each reward the GPI agent\n"
	"fits w to gets Gaussian noise of sd SD (seeded), so the w-fit curve\n"
	"shows w being learned; the returns plotted are noise-free.\n"
	GR_W_HELP, transfer_args, 0, cmd_transfer_exec
};
