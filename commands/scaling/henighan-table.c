/* henighan-table.c: the henighan family in help order, and its --plot. */
#include "config.h"

#include "commands/scaling/frontier.h"
#include "commands/scaling/henighan.h"
#include "sessions/plotout.h"

static const sx_cmd cmd_henighan_family = {
	"henighan", "henighan infogain|imagenet|math ...",
	"Henighan et al. 2020's findings beyond Table 1 (whose frontiers are\n"
	"'frontier henighan'): multimodal information gain, ImageNet\n"
	"classification after generative pre-training, and mathematics.\n",
	cmd_no_args, 0, NULL
};

const sx_cmd *const cmd_henighan_entries[] = {
	&cmd_henighan_family,
	&cmd_infogain_entry,
	&cmd_imagenet_entry,
	&cmd_hen_math_entry,
	NULL
};

int
henighan_plot(sx_ctx *ctx, const sx_args *a,
    figures_fig *(*build)(double lo, double hi, sx_err *e), double lo,
    double hi, const char *cmd)
{
	figures_fig *ff;
	sx_err e;
	int rc;

	if (parse_range(ctx, a, "--range", &lo, &hi) != 0)
		return -1;
	if (!(lo < hi))
		return cmd_fail(ctx, arg_index(a, ctx->cmd, "--range"),
		    "--range needs LO < HI");
	err_clear(&e);
	if ((ff = build(lo, hi, &e)) == NULL)
		return cmd_fail(ctx, -1, "%s", e.msg);
	rc = plotout_emit(ctx, a, figures_px(ff), cmd);
	figures_free(ff);
	return rc;
}
