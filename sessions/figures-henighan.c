/* figures-henighan.c: the figures of Henighan et al. 2020's findings beyond
 * Table 1: InfoGain over N, ImageNet classification fine-tuned against from
 * scratch beside the generative loss, and the mathematics extrapolation. */
#include "config.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>

#include "base/xalloc.h"
#include "scaling/henighan.h"
#include "scaling/presets.h"
#include "sessions/figures.h"
#include "sessions/figures-impl.h"

/* Curves are sampled here (the laws are cheap) so the figure owns them. */
#define HEN_SAMPLES 256

typedef double (*hen_fn)(const void *law, double N);

/* The curve fn over log-spaced N in [lo, hi], in colour; -1 with pe set. */
static int
hen_curve(figures_fig *ff, const char *label, hen_fn fn, const void *law,
    double lo, double hi, int colour, px_err *pe)
{
	double x[HEN_SAMPLES], y[HEN_SAMPLES];
	int i;

	for (int k = 0; k < HEN_SAMPLES; k++) {
		x[k] = exp(log(lo) + (log(hi) - log(lo)) * k / (HEN_SAMPLES - 1));
		y[k] = fn(law, x[k]);
	}
	i = figure_line(ff->f, label, x, y, HEN_SAMPLES, pe);
	return i < 0 || figure_style(ff->f, i, colour, 0) < 0 ? -1 : 0;
}

static int
hen_mark(figures_fig *ff, const char *label, double x, double y, px_err *pe)
{
	return figure_highlight(ff->f, label, x, y, pe) < 0 ? -1 : 0;
}

/* Set the axes; on failure free ff and return NULL with e set. */
static figures_fig *
hen_finish(figures_fig *ff, int rc, const char *title, const char *ylabel,
    int ylog, const px_err *pe, sx_err *e)
{
	figure_set_log(ff->f, 1, ylog);
	if (rc == 0 && (figure_set_title(ff->f, title) != 0 ||
	    figure_set_labels(ff->f, "N (parameters)", ylabel) != 0)) {
		err_set(e, "out of memory");
		figures_free(ff);
		return NULL;
	}
	if (rc != 0) {
		err_set(e, "%s", pe->msg);
		figures_free(ff);
		return NULL;
	}
	return ff;
}

/* A new figure once the law loaded (lawrc 0); NULL with e set. */
static figures_fig *
hen_new(int lawrc, sx_err *e)
{
	figures_fig *ff;

	if (lawrc != 0)
		return NULL;
	if ((ff = figures_new()) == NULL)
		err_set(e, "out of memory");
	return ff;
}

static double
ig_fn(const void *law, double N)
{
	return infogain_at(law, N);
}

figures_fig *
figures_infogain(double lo, double hi, sx_err *e)
{
	sx_infogain ig;
	figures_fig *ff;
	px_err pe;
	int rc;

	if ((ff = hen_new(infogain_law(&ig, e), e)) == NULL)
		return NULL;
	rc = hen_curve(ff, "InfoGain = (N/N0)^p", ig_fn, &ig, lo, hi, PX_BLUE,
	    &pe);
	for (int q = 0; q < 2 && rc == 0; q++) {
		double n = q == 0 ? ig.N1 : ig.N2, f = q == 0 ? ig.f1 : ig.f2;
		char label[64];

		snprintf(label, sizeof label, "quoted: %g%% at %g", 100 * f, n);
		if (n >= lo && n <= hi)
			rc = hen_mark(ff, label, n, f, &pe);
	}
	return hen_finish(ff, rc, "text-to-image InfoGain (Henighan et al. "
	    "2020)", "share of the caption's information", 1, &pe, e);
}

static double
ft_fn(const void *law, double N)
{
	return imagenet_ft(law, N);
}

static double
scratch_fn(const void *law, double N)
{
	return imagenet_scratch(law, N);
}

static double
gen_fn(const void *law, double N)
{
	return imagenet_gen(law, N);
}

figures_fig *
figures_imagenet(double lo, double hi, sx_err *e)
{
	sx_imagenet in;
	figures_fig *ff;
	px_err pe;
	double best;
	int rc;

	if ((ff = hen_new(imagenet_law(&in, e), e)) == NULL)
		return NULL;
	best = imagenet_scratch_best(&in);
	rc = hen_curve(ff, "classification, fine-tuned", ft_fn, &in, lo, hi,
	    PX_BLUE, &pe);
	if (rc == 0)
		rc = hen_curve(ff, "classification, from scratch", scratch_fn,
		    &in, lo, hi, PX_RED, &pe);
	if (rc == 0)
		rc = hen_curve(ff, "generative, 32x32 (nats/token)", gen_fn, &in,
		    lo, hi, PX_GREEN, &pe);
	if (rc == 0 && best >= lo && best <= hi)
		rc = hen_mark(ff, "from scratch at its best", best,
		    imagenet_scratch(&in, best), &pe);
	return hen_finish(ff, rc, "ImageNet, illustrative: fine-tuned vs "
	    "scratch", "loss (nats)", 1, &pe, e);
}

static double
math_fn(const void *law, double N)
{
	const sx_preset_law *l = law;

	return l->pvals[0] + pow(l->pvals[1] / N, l->pvals[2]);
}

figures_fig *
figures_math(double lo, double hi, sx_err *e)
{
	const sx_preset *p = preset_find("henighan2020-math");
	const sx_preset_law *l = p != NULL ? preset_law(p, "L(N)") : NULL;
	figures_fig *ff;
	px_err pe;
	int rc;

	if ((ff = hen_new(l == NULL || l->np != 3 ? err_set(e, "the preset "
	    "henighan2020-math (L(N)) is missing") : 0, e)) == NULL)
		return NULL;
	rc = hen_curve(ff, "extrapolation loss, Table 1", math_fn, l, lo, hi,
	    PX_BLUE, &pe);
	if (rc == 0 && figure_hline(ff->f, "its floor Linf", l->pvals[0],
	    &pe) < 0)
		rc = -1;
	return hen_finish(ff, rc, "math extrapolation (Henighan et al. 2020)",
	    "loss (nats/token)", 0, &pe, e);
}
