/* henighan-infogain.c: henighan infogain: the share of a caption's
 * information a text-to-image model uses, against its size. */
#include "config.h"

#include <math.h>

#include "commands/scaling/frontier.h"
#include "commands/scaling/henighan.h"
#include "scaling/henighan.h"
#include "sessions/plotout.h"
#include "views/view.h"

#define INFOGAIN_RANGE_LO 1e6
#define INFOGAIN_RANGE_HI 1e15

static int
cmd_infogain_exec(sx_ctx *ctx, const sx_args *a)
{
	const char *nopt = arg(a, ctx->cmd, "--N");
	const char *fopt = arg(a, ctx->cmd, "--fraction");
	double N, f;
	sx_infogain ig;
	sx_rec *r, *law;
	sx_err e;

	err_clear(&e);
	if (infogain_law(&ig, &e) != 0)
		return cmd_fail(ctx, -1, "%s", e.msg);
	if (nopt != NULL && parse_positive(ctx, a, "--N", &N) != 0)
		return -1;
	if (fopt != NULL && (parse_positive(ctx, a, "--fraction", &f) != 0))
		return -1;
	if (fopt != NULL && !(f < 1.0))
		return cmd_fail(ctx, arg_index(a, ctx->cmd, "--fraction"),
		    "--fraction is a share of the caption's information, "
		    "between 0 and 1 (not %g)", f);
	if (arg(a, ctx->cmd, "--plot") != NULL)
		return henighan_plot(ctx, a, figures_infogain, INFOGAIN_RANGE_LO,
		    INFOGAIN_RANGE_HI, "henighan infogain");
	/* Neither asked: the paper's two questions. */
	if (nopt == NULL && fopt == NULL) {
		N = ig.N1;
		f = ig.f2;
		nopt = fopt = "";
	}
	r = rec_new("henighan infogain");
	law = rec_obj(r, "law");
	rec_num(law, "p", ig.p);
	rec_num(law, "N0", ig.N0);
	rec_num(law, "N1", ig.N1);
	rec_num(law, "f1", ig.f1);
	rec_num(law, "N2", ig.N2);
	rec_num(law, "f2", ig.f2);
	if (nopt != NULL) {
		rec_num(r, "N", N);
		rec_num(r, "infogain", infogain_at(&ig, N));
	}
	if (fopt != NULL) {
		rec_num(r, "fraction", f);
		rec_num(r, "N_for_fraction", infogain_size(&ig, f));
	}
	view_put(ctx->out, r);
	return 0;
}

static const sx_argdef infogain_args[] = {
	{ "--N", ARG_NUMBER, 0, NULL, "N",
	  "the InfoGain of a model of N parameters", NULL },
	{ "--fraction", ARG_NUMBER, 0, NULL, "F",
	  "the model size whose InfoGain is F (0 < F < 1)", NULL },
	{ "--plot", ARG_FLAG, 0, NULL, NULL,
	  "draw InfoGain over N with the quoted points instead, with:", NULL },
	{ "--range", ARG_WORD, ARG_SUB, NULL, "LO..HI", "the N axis",
	  SX_STR(INFOGAIN_RANGE_LO) ".." SX_STR(INFOGAIN_RANGE_HI) },
	PLOTOUT_ARGS,
	{ NULL, 0, 0, NULL, NULL, NULL, NULL }
};

const sx_cmd cmd_infogain_entry = {
	"henighan infogain", NULL,
	"Henighan et al. 2020, section 4: how much of a caption's information\n"
	"a text-to-image model uses to define the image (InfoGain: the\n"
	"empirical mutual information of caption and image, as a share). It\n"
	"grows extremely slowly with size: about 10% at 1e9 parameters, and\n"
	"20% would take about 3e12. The law is the power law through those\n"
	"two quoted points, InfoGain = (N/N0)^p (the paper draws its fitted\n"
	"trend only in a figure; preset henighan2020-infogain). Without\n"
	"options: the paper's two questions.\n",
	infogain_args, 0, cmd_infogain_exec
};
