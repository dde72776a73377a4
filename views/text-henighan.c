/* text-henighan.c: text views of the henighan family. */
#include "config.h"

#include <stdio.h>

#include "views/text.h"

void
text_infogain(sx_out *o, const sx_rec *r)
{
	const sx_rec *law = rec_get(r, "law");

	out_printf(o, "InfoGain = (N/N0)^p, p = %.4g, N0 = %.4g  (the power "
	    "law through the quoted %g%% at %g and %g%% at %g)\n",
	    rec_get_num(law, "p"), rec_get_num(law, "N0"),
	    100 * rec_get_num(law, "f1"), rec_get_num(law, "N1"),
	    100 * rec_get_num(law, "f2"), rec_get_num(law, "N2"));
	if (rec_get(r, "N") != NULL)
		out_printf(o, "  N = %g parameters: InfoGain %.4g (%.2f%% of the "
		    "caption's information)\n", rec_get_num(r, "N"),
		    rec_get_num(r, "infogain"), 100 * rec_get_num(r, "infogain"));
	if (rec_get(r, "fraction") != NULL)
		out_printf(o, "  InfoGain %.4g (%g%%) takes N = %.4g parameters\n",
		    rec_get_num(r, "fraction"), 100 * rec_get_num(r, "fraction"),
		    rec_get_num(r, "N_for_fraction"));
}

static void
imagenet_line(sx_out *o, const char *what, const sx_rec *row)
{
	out_printf(o, "  %-28s %10.4g %10.4g %10.4g %10.4g %9.2f%%\n", what,
	    rec_get_num(row, "N"), rec_get_num(row, "L_finetuned"),
	    rec_get_num(row, "L_scratch"), rec_get_num(row, "L_generative"),
	    100 * rec_get_num(row, "generative_reducible_share"));
}

void
text_imagenet(sx_out *o, const sx_rec *r)
{
	const sx_rec *flat = rec_get(r, "generative_flat");
	const sx_rec *far = rec_get(r, "generative_flat_far");
	char what[64];

	out_printf(o, "ImageNet classification (nats) fine-tuned from a 32x32 "
	    "generative model, and from scratch; ILLUSTRATIVE constants, the "
	    "paper's trend only\n");
	out_printf(o, "  %-28s %10s %10s %10s %10s %10s\n", "", "N",
	    "fine-tuned", "scratch", "generative", "gen reduc");
	imagenet_line(o, "at --N", rec_get(r, "at"));
	imagenet_line(o, "from scratch at its best", rec_get(r, "scratch_best"));
	snprintf(what, sizeof what, "generative reducible %g%%",
	    100 * rec_get_num(r, "flat_share"));
	imagenet_line(o, what, flat);
	snprintf(what, sizeof what, "%gx that", rec_get_num(r, "far_factor"));
	imagenet_line(o, what, far);
	out_printf(o, "  from there to %gx the size the generative loss falls "
	    "%.2f%%, fine-tuned classification %.1f%%; from scratch rises %.1f%%\n",
	    rec_get_num(r, "far_factor"), 100 * (1 - rec_get_num(far, "L_generative") /
	    rec_get_num(flat, "L_generative")),
	    100 * (1 - rec_get_num(far, "L_finetuned") /
	    rec_get_num(flat, "L_finetuned")),
	    100 * (rec_get_num(far, "L_scratch") /
	    rec_get_num(flat, "L_scratch") - 1));
}

void
text_hen_math(sx_out *o, const sx_rec *r)
{
	out_printf(o, "mathematics, extrapolation (%s, Table 1): L(N) = %.4g + "
	    "(%.4g/N)^%.4g\n", rec_get_str(r, "preset"),
	    rec_get_num(r, "Linf"), rec_get_num(r, "x0"),
	    rec_get_num(r, "alpha"));
	out_printf(o, "  N = %g: L = %.4g nats/token, reducible %.4g\n",
	    rec_get_num(r, "N"), rec_get_num(r, "L"),
	    rec_get_num(r, "reducible"));
	out_printf(o, "  the per-difficulty curves (better extrapolation only "
	    "through better in-distribution loss) are published in figures "
	    "only: no law for them here\n");
}
