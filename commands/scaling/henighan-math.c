/* henighan-math.c: henighan math: Table 1's mathematics extrapolation law,
 * and what the paper's extrapolation finding does and does not give. */
#include "config.h"

#include <math.h>

#include "commands/scaling/frontier.h"
#include "commands/scaling/henighan.h"
#include "scaling/presets.h"
#include "sessions/plotout.h"
#include "views/view.h"

#define HEN_MATH_AT 1e8
#define HEN_MATH_RANGE_LO 1e4
#define HEN_MATH_RANGE_HI 1e11

static int
cmd_hen_math_exec(sx_ctx *ctx, const sx_args *a)
{
	const sx_preset *p = preset_find("henighan2020-math");
	const sx_preset_law *l = p != NULL ? preset_law(p, "L(N)") : NULL;
	double N, red;
	sx_rec *r;

	if (l == NULL || l->np != 3)
		return cmd_fail(ctx, -1, "the preset henighan2020-math (L(N)) "
		    "is missing");
	if (parse_positive(ctx, a, "--N", &N) != 0)
		return -1;
	if (arg(a, ctx->cmd, "--plot") != NULL)
		return henighan_plot(ctx, a, figures_math, HEN_MATH_RANGE_LO,
		    HEN_MATH_RANGE_HI, "henighan math");
	red = pow(l->pvals[1] / N, l->pvals[2]);
	r = rec_new("henighan math");
	rec_str(r, "preset", p->name);
	rec_num(r, "Linf", l->pvals[0]);
	rec_num(r, "x0", l->pvals[1]);
	rec_num(r, "alpha", l->pvals[2]);
	rec_num(r, "N", N);
	rec_num(r, "L", l->pvals[0] + red);
	rec_num(r, "reducible", red);
	/* The per-difficulty and interpolation curves are in figures only. */
	rec_bool(r, "per_difficulty_published", 0);
	view_put(ctx->out, r);
	return 0;
}

static const sx_argdef hen_math_args[] = {
	{ "--N", ARG_NUMBER, 0, NULL, "N", "the model size",
	  SX_STR(HEN_MATH_AT) },
	{ "--plot", ARG_FLAG, 0, NULL, NULL,
	  "draw the extrapolation law over N and its floor instead, with:",
	  NULL },
	{ "--range", ARG_WORD, ARG_SUB, NULL, "LO..HI", "the N axis",
	  SX_STR(HEN_MATH_RANGE_LO) ".." SX_STR(HEN_MATH_RANGE_HI) },
	PLOTOUT_ARGS,
	{ NULL, 0, 0, NULL, NULL, NULL, NULL }
};

const sx_cmd cmd_hen_math_entry = {
	"henighan math", NULL,
	"Henighan et al. 2020, mathematics: the loss on problems harder than\n"
	"the training distribution (extrapolation) follows Table 1's\n"
	"L(N) = Linf + (x0/N)^alpha (preset henighan2020-math). The paper\n"
	"finds that larger models extrapolate better only as far as they do\n"
	"better on the training distribution; its per-difficulty and\n"
	"interpolation curves are published in figures only, so scalex has\n"
	"the extrapolation law and says so.\n",
	hen_math_args, 0, cmd_hen_math_exec
};
