/* plot.c: plot: datasets and fitted laws drawn in the terminal. */
#include "config.h"

#include <string.h>

#include "commands/scaling/plot.h"
#include "sessions/figures.h"
#include "sessions/plotout.h"

static int
cmd_plot_exec(sx_ctx *ctx, const sx_args *a)
{
	static const char *const opt[] = { "ITEM", "--x", "--y", NULL };
	figures_opts o;
	figures_fig *ff;
	sx_err e;
	int where = FIGURES_ARG_ITEM, rc;

	memset(&o, 0, sizeof o);
	o.x = arg(a, ctx->cmd, "--x");
	o.y = arg(a, ctx->cmd, "--y");
	o.band = arg(a, ctx->cmd, "--band") != NULL;
	o.residuals = arg(a, ctx->cmd, "--residuals") != NULL;
	o.logx = o.logy = arg(a, ctx->cmd, "--linear") == NULL;
	if (arg(a, ctx->cmd, "--logx") != NULL || arg(a, ctx->cmd, "--logy") != NULL) {
		o.logx = arg(a, ctx->cmd, "--logx") != NULL;
		o.logy = arg(a, ctx->cmd, "--logy") != NULL;
	}
	if (arg(a, ctx->cmd, "--log") != NULL)
		o.logx = o.logy = 1;
	err_clear(&e);
	ff = figures_plot(ctx->ws, arg(a, ctx->cmd, "ITEM"), &o, &e, &where);
	if (ff == NULL)
		return cmd_fail(ctx, where < FIGURES_ARG_NONE ? arg_index(a,
		    ctx->cmd, opt[where]) : -1, "%s", e.msg);
	rc = plotout_emit(ctx, a, figures_px(ff), "plot");
	figures_free(ff);
	return rc;
}

static const sx_argdef plot_args[] = {
	{ "ITEM", ARG_DATASET, ARG_REST, NULL, NULL, NULL, NULL },
	{ "--x", ARG_COLUMN, 0, NULL, "COL", NULL, NULL },
	{ "--y", ARG_COLUMN, 0, NULL, "COL", NULL, NULL },
	{ "--log", ARG_FLAG, 0, NULL, NULL, NULL, NULL },
	{ "--logx", ARG_FLAG, 0, NULL, NULL, NULL, NULL },
	{ "--logy", ARG_FLAG, 0, NULL, NULL, NULL, NULL },
	{ "--linear", ARG_FLAG, 0, NULL, NULL, NULL, NULL },
	{ "--residuals", ARG_FLAG, 0, NULL, NULL, NULL, NULL },
	{ "--band", ARG_FLAG, 0, NULL, NULL, NULL, NULL },
	PLOTOUT_ARGS,
	{ NULL, 0, 0, NULL, NULL, NULL, NULL }
};

const sx_cmd cmd_plot_entry = {
	"plot", "plot DATA|FIT ... [--x COL] [--y COL] [--log|--logx|--logy|"
	  "--linear] [--residuals] [--band] [--size WxH] [--ascii] "
	  "[--color auto|always|never] [--title T] [--out FILE [--force]]",
	  "Plot datasets and fits in the terminal (Unicode braille, or ASCII).\n"
	  "A dataset is drawn as points; a fit as its data's points and the law:\n"
	  "a curve across the whole axis for a law of one column, and for a law\n"
	  "of N and D its value at each run plus, over compute, the\n"
	  "compute-optimal L(C). Axes default to the fit's input (or C, N, D,\n"
	  "S, t) against L, log-log as scaling data wants.\n"
	  "  --x COL, --y COL  the columns on the axes\n"
	  "  --log, --logx, --logy, --linear  log10 axes (default: both log)\n"
	  "  --residuals    a panel of residuals (in the fit's space) below\n"
	  "  --band         the 95% band of a one-column law (delta method\n"
	  "                 from the fit's covariance)\n"
	  PLOTOUT_HELP,
	  plot_args, 0, cmd_plot_exec
};

/* The family of one, listed in help between the presets and the
 * frontiers. */
const sx_cmd *const cmd_plot_entries[] = {
	&cmd_plot_entry,
	NULL
};
