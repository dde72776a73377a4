/* figures-isoflop.c: Hoffmann et al.'s IsoFLOP profiles (their Figure 3)
 * from approach 2's parabolas. */
#include "config.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>

#include "base/xalloc.h"
#include "sessions/figures.h"
#include "sessions/figures-impl.h"

/* Samples of each parabola across the sizes it was fitted to. */
#define ISO_SAMPLES 48

/* The budgets' colours in turn (grey and black are the minima's). */
static const int iso_colour[] = { PX_BLUE, PX_RED, PX_GREEN, PX_MAGENTA,
	PX_CYAN, PX_YELLOW };

/* Budget i's runs and its parabola, in the budget's colour. */
static int
isoflop_budget_series(px_figure *f, const double *N, const double *L,
    size_t n, const sx_approach *r, size_t i, px_err *e)
{
	double *x = xmalloc((2 * n + 2 * ISO_SAMPLES + 1) * sizeof *x);
	double *y = x + n, *u = y + n, *v = u + ISO_SAMPLES;
	double lo = log(r->n_lo[i]), hi = log(r->n_hi[i]), w0 = log(r->N_opt[i]);
	int colour = iso_colour[i % (sizeof iso_colour / sizeof *iso_colour)];
	size_t m = 0;
	int s, rc = -1;

	for (size_t j = 0; j < n; j++)
		if (r->run_pt[j] == (long)i) {
			x[m] = N[j];
			y[m++] = L[j];
		}
	for (size_t k = 0; k < ISO_SAMPLES; k++) {
		double t = lo + (hi - lo) * (double)k / (ISO_SAMPLES - 1);

		u[k] = exp(t);
		v[k] = r->L_opt[i] + r->curv[i] * (t - w0) * (t - w0);
	}
	if ((s = figure_scatter(f, NULL, x, y, m, e)) >= 0 &&
	    figure_style(f, s, colour, 0) == 0 &&
	    (s = figure_line(f, NULL, u, v, ISO_SAMPLES, e)) >= 0 &&
	    figure_style(f, s, colour, 0) == 0)
		rc = 0;
	free(x);
	return rc;
}

/* The right panel: the minima's N_opt against C and the fitted line. */
static px_figure *
isoflop_line(const sx_approach *r, px_err *e)
{
	px_figure *g = figure_new();
	double c[2], nn[2], lo = r->C[0], hi = r->C[0];
	char title[96];
	int s;

	if (g == NULL)
		return NULL;
	for (size_t i = 1; i < r->n; i++) {
		lo = fmin(lo, r->C[i]);
		hi = fmax(hi, r->C[i]);
	}
	/* The line a decade past the budgets, as Hoffmann et al. draw it. */
	c[0] = lo / 10.0;
	c[1] = hi * 10.0;
	for (int k = 0; k < 2; k++)
		nn[k] = r->coef * pow(c[k], r->a);
	snprintf(title, sizeof title, "N_opt ~ C^%.3f", r->a);
	if (figure_set_title(g, title) != 0 ||
	    figure_set_labels(g, "C (FLOP)", "N_opt") != 0)
		goto fail;
	figure_set_log(g, 1, 1);
	if ((s = figure_line(g, "fit", c, nn, 2, e)) < 0 ||
	    figure_style(g, s, PX_GREY, 0) != 0 ||
	    (s = figure_scatter(g, "minima", r->C, r->N_opt, r->n, e)) < 0 ||
	    figure_style(g, s, PX_DEFAULT, 0x25c6) != 0)
		goto fail;
	return g;
fail:
	figure_free(g);
	return NULL;
}

figures_fig *
figures_isoflop(const double *N, const double *L, size_t n,
    const sx_approach *r, sx_err *e)
{
	figures_fig *ff;
	px_figure *g;
	px_err pe;
	int s;

	if (r->run_pt == NULL || r->n == 0) {
		err_set(e, "no IsoFLOP parabolas to draw");
		return NULL;
	}
	if ((ff = figures_new()) == NULL) {
		err_set(e, "out of memory");
		return NULL;
	}
	pe.msg[0] = '\0';
	figure_set_log(ff->f, 1, 0);
	if (figure_set_title(ff->f, "IsoFLOP profiles") != 0 ||
	    figure_set_labels(ff->f, "N (parameters)", "L") != 0)
		goto fail;
	for (size_t i = 0; i < r->n; i++)
		if (isoflop_budget_series(ff->f, N, L, n, r, i, &pe) != 0)
			goto fail;
	if ((s = figure_scatter(ff->f, "minima", r->N_opt, r->L_opt, r->n,
	    &pe)) < 0 || figure_style(ff->f, s, PX_DEFAULT, 0x25c6) != 0 ||
	    (g = isoflop_line(r, &pe)) == NULL)
		goto fail;
	figure_set_right(ff->f, g);
	return ff;
fail:
	err_set(e, "%s", pe.msg[0] != '\0' ? pe.msg : "out of memory");
	figures_free(ff);
	return NULL;
}
