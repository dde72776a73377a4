/* henighan.c: Henighan et al. 2020's information gain and ImageNet laws. */
#include "config.h"

#include <math.h>

#include "scaling/henighan.h"
#include "scaling/presets.h"

static int
hen_const(const sx_preset *p, const char *name, double *v, sx_err *err)
{
	if (preset_const(p, name, v) != 0 || !isfinite(*v))
		return err_set(err, "preset %s has no constant %s", p->name,
		    name);
	return 0;
}

int
infogain_law(sx_infogain *ig, sx_err *err)
{
	const sx_preset *p = preset_find("henighan2020-infogain");

	if (p == NULL)
		return err_set(err, "the preset henighan2020-infogain is missing");
	if (hen_const(p, "N1", &ig->N1, err) != 0 ||
	    hen_const(p, "f1", &ig->f1, err) != 0 ||
	    hen_const(p, "N2", &ig->N2, err) != 0 ||
	    hen_const(p, "f2", &ig->f2, err) != 0)
		return -1;
	if (!(ig->N1 > 0 && ig->N2 > ig->N1 && ig->f1 > 0 && ig->f2 > ig->f1))
		return err_set(err, "preset henighan2020-infogain: the quoted "
		    "points do not rise with N");
	ig->p = log(ig->f2 / ig->f1) / log(ig->N2 / ig->N1);
	ig->N0 = ig->N1 * pow(ig->f1, -1.0 / ig->p);
	return 0;
}

double
infogain_at(const sx_infogain *ig, double N)
{
	return pow(N / ig->N0, ig->p);
}

double
infogain_size(const sx_infogain *ig, double f)
{
	return ig->N0 * pow(f, 1.0 / ig->p);
}

int
imagenet_law(sx_imagenet *in, sx_err *err)
{
	const sx_preset *p = preset_find("henighan2020-imagenet");
	const sx_preset *g = preset_find("henighan2020-image32");
	const sx_preset_law *ft = p != NULL ? preset_law(p, "Lft(N)") : NULL;
	const sx_preset_law *gen = g != NULL ? preset_law(g, "L(N)") : NULL;

	if (ft == NULL || ft->np != 2 || gen == NULL || gen->np != 3)
		return err_set(err, "the presets henighan2020-imagenet (Lft(N)) "
		    "and henighan2020-image32 (L(N)) are needed");
	in->A = ft->pvals[0];
	in->alpha = ft->pvals[1];
	in->linf = gen->pvals[0];
	in->x0 = gen->pvals[1];
	in->ag = gen->pvals[2];
	return hen_const(p, "scratch_A", &in->As, err) != 0 ||
	    hen_const(p, "scratch_alpha", &in->as, err) != 0 ||
	    hen_const(p, "scratch_No", &in->No, err) != 0 ||
	    hen_const(p, "scratch_g", &in->g, err) != 0 ? -1 : 0;
}

double
imagenet_ft(const sx_imagenet *in, double N)
{
	return in->A * pow(N, -in->alpha);
}

double
imagenet_scratch(const sx_imagenet *in, double N)
{
	return in->As * pow(N, -in->as) + pow(N / in->No, in->g);
}

double
imagenet_gen(const sx_imagenet *in, double N)
{
	return in->linf + pow(in->x0 / N, in->ag);
}

/* d/dN of Ls is zero where as As N^-as = g (N/No)^g. */
double
imagenet_scratch_best(const sx_imagenet *in)
{
	return pow(in->as / in->g * in->As * pow(in->No, in->g),
	    1.0 / (in->as + in->g));
}

/* (x0/N)^ag = share/(1-share) Linf, solved for N. */
double
imagenet_gen_flat(const sx_imagenet *in, double share)
{
	return in->x0 * pow(share / (1.0 - share) * in->linf, -1.0 / in->ag);
}
