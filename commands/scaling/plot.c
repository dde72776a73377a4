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
	if (arg(a, ctx->cmd, "--contour") != NULL) {
		const char *item = arg(a, ctx->cmd, "ITEM");

		if (strchr(item, ' ') != NULL || o.x != NULL || o.y != NULL ||
		    o.band || o.residuals)
			return cmd_fail(ctx, arg_index(a, ctx->cmd, "--contour"),
			    "--contour draws one fit or preset of L(N, D) alone "
			    "(no other items, --x, --y, --band or --residuals)");
		if ((ff = figures_contour(ctx->ws, item, &e)) == NULL)
			return cmd_fail(ctx, arg_index(a, ctx->cmd, "ITEM"), "%s",
			    e.msg);
		rc = plotout_emit(ctx, a, figures_px(ff), "plot");
		figures_free(ff);
		return rc;
	}
	ff = figures_plot(ctx->ws, arg(a, ctx->cmd, "ITEM"), &o, &e, &where);
	if (ff == NULL)
		return cmd_fail(ctx, where < FIGURES_ARG_NONE ? arg_index(a,
		    ctx->cmd, opt[where]) : -1, "%s", e.msg);
	rc = plotout_emit(ctx, a, figures_px(ff), "plot");
	figures_free(ff);
	return rc;
}

static const sx_argdef plot_args[] = {
	{ "ITEM", ARG_DATASET, ARG_REST, NULL, "DATA|FIT", NULL, NULL },
	{ "--x", ARG_COLUMN, 0, NULL, "COL", "the column on the x axis", NULL },
	{ "--y", ARG_COLUMN, 0, NULL, "COL", "the column on the y axis", NULL },
	{ "--log", ARG_FLAG, 0, NULL, NULL, "both axes log10 (the default)",
	  NULL },
	{ "--logx", ARG_FLAG, 0, NULL, NULL, "only the x axis log10", NULL },
	{ "--logy", ARG_FLAG, 0, NULL, NULL, "only the y axis log10", NULL },
	{ "--linear", ARG_FLAG, 0, NULL, NULL, "both axes linear", NULL },
	{ "--residuals", ARG_FLAG, 0, NULL, NULL,
	  "a panel of residuals (in the fit's space) below", NULL },
	{ "--band", ARG_FLAG, 0, NULL, NULL,
	  "the 95% band of a one-column law (delta method from the fit's "
	  "covariance)", NULL },
	{ "--contour", ARG_FLAG, 0, NULL, NULL,
	  "for one fit or preset of L(N, D): its iso-loss contours over C "
	  "(1e18..1e26 FLOP) and N, D = C/(6N), labelled where they touch the "
	  "efficient frontier N_opt(C), drawn over them (Hoffmann et al.'s "
	  "Figure 4)", NULL },
	PLOTOUT_ARGS_OF(0),
	{ NULL, 0, 0, NULL, NULL, NULL, NULL }
};

const sx_cmd cmd_plot_entry = {
	"plot", NULL,
	  "Plot datasets and fits in the terminal (Unicode braille, or ASCII),\n"
	  "or into a figure file (--out FILE.svg, .pdf, .png, drawn by cairo).\n"
	  "A dataset is drawn as points; a fit as its data's points and the law:\n"
	  "a curve across the whole axis for a law of one column, and for a law\n"
	  "of N and D its value at each run plus, over compute, the\n"
	  "compute-optimal L(C). Axes default to the fit's input (or C, N, D,\n"
	  "S, t) against L, log-log as scaling data wants.\n",
	  plot_args, 0, cmd_plot_exec
};

/* The family of one, listed in help between the presets and the
 * frontiers. */
const sx_cmd *const cmd_plot_entries[] = {
	&cmd_plot_entry,
	NULL
};
