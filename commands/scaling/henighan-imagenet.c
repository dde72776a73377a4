/* henighan-imagenet.c: henighan imagenet: ImageNet classification loss
 * fine-tuned from a generative model against trained from scratch. */
#include "config.h"

#include <math.h>

#include "commands/scaling/frontier.h"
#include "commands/scaling/henighan.h"
#include "scaling/henighan.h"
#include "sessions/plotout.h"
#include "views/view.h"

#define IMAGENET_AT 1e8
#define IMAGENET_RANGE_LO 1e5
#define IMAGENET_RANGE_HI 1e10
/* The generative loss "levels off" where its reducible part is 5%. */
#define IMAGENET_FLAT_SHARE 0.05
#define IMAGENET_FAR 10.0

static void
imagenet_row(sx_rec *to, const char *key, const sx_imagenet *in, double N)
{
	sx_rec *o = rec_obj(to, key);
	double gen = imagenet_gen(in, N);

	rec_num(o, "N", N);
	rec_num(o, "L_finetuned", imagenet_ft(in, N));
	rec_num(o, "L_scratch", imagenet_scratch(in, N));
	rec_num(o, "L_generative", gen);
	rec_num(o, "generative_reducible_share", (gen - in->linf) / gen);
}

static int
cmd_imagenet_exec(sx_ctx *ctx, const sx_args *a)
{
	double N, best, flat;
	sx_imagenet in;
	sx_rec *r;
	sx_err e;

	err_clear(&e);
	if (imagenet_law(&in, &e) != 0)
		return cmd_fail(ctx, -1, "%s", e.msg);
	if (parse_positive(ctx, a, "--N", &N) != 0)
		return -1;
	if (arg(a, ctx->cmd, "--plot") != NULL)
		return henighan_plot(ctx, a, figures_imagenet, IMAGENET_RANGE_LO,
		    IMAGENET_RANGE_HI, "henighan imagenet");
	best = imagenet_scratch_best(&in);
	flat = imagenet_gen_flat(&in, IMAGENET_FLAT_SHARE);
	r = rec_new("henighan imagenet");
	rec_bool(r, "illustrative", 1);
	imagenet_row(r, "at", &in, N);
	imagenet_row(r, "scratch_best", &in, best);
	rec_num(r, "flat_share", IMAGENET_FLAT_SHARE);
	imagenet_row(r, "generative_flat", &in, flat);
	rec_num(r, "far_factor", IMAGENET_FAR);
	imagenet_row(r, "generative_flat_far", &in, IMAGENET_FAR * flat);
	view_put(ctx->out, r);
	return 0;
}

static const sx_argdef imagenet_args[] = {
	{ "--N", ARG_NUMBER, 0, NULL, "N", "the model size of the first row",
	  SX_STR(IMAGENET_AT) },
	{ "--plot", ARG_FLAG, 0, NULL, NULL,
	  "draw the three losses over N instead, from-scratch's best size "
	  "marked, with:", NULL },
	{ "--range", ARG_WORD, ARG_SUB, NULL, "LO..HI", "the N axis",
	  SX_STR(IMAGENET_RANGE_LO) ".." SX_STR(IMAGENET_RANGE_HI) },
	PLOTOUT_ARGS,
	{ NULL, 0, 0, NULL, NULL, NULL, NULL }
};

const sx_cmd cmd_imagenet_entry = {
	"henighan imagenet", NULL,
	"Henighan et al. 2020, section 3: 32x32 image models fine-tuned to\n"
	"classify ImageNet keep improving as a power law in N, even where\n"
	"their generative loss has levelled off toward its floor, while\n"
	"models trained from scratch overfit and get worse past a size.\n"
	"Rows: N, the size where from-scratch is best, where the generative\n"
	"loss's reducible part falls to 5%, and 10 times that. The paper\n"
	"shows these trends in a figure without constants: the classification\n"
	"laws (preset henighan2020-imagenet) are ILLUSTRATIVE, of the right\n"
	"shape only; the generative law is Table 1's (henighan2020-image32).\n",
	imagenet_args, 0, cmd_imagenet_exec
};
