/* figures-contour.c: the iso-loss contours of a law of N and D over the
 * (C, N) plane with the efficient frontier (Hoffmann et al. 2022, Figure
 * 4; Besiroglu et al. 2024). */
#include "config.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>

#include "base/xalloc.h"
#include "plots/ticks.h"
#include "sessions/figures.h"
#include "sessions/figures-impl.h"

/* The grid marching squares runs on, in log C and log N. */
#define CT_NC 121
#define CT_NN 91
/* Contour levels asked of the tick algorithm. */
#define CT_LEVELS 8

/* L at (C, N) with D = C/(k N) on the grid: v[j*CT_NC + i]. */
static int
contour_grid(const sx_model *m, const double *p, int in_n, int in_d,
    double k, const double *lc, const double *ln, double *v)
{
	size_t n = (size_t)CT_NC * CT_NN;
	double *x = xmalloc(2 * n * sizeof *x);
	const double *cols[2];
	int rc;

	for (size_t j = 0; j < CT_NN; j++)
		for (size_t i = 0; i < CT_NC; i++) {
			x[j * CT_NC + i] = exp(ln[j]);
			x[n + j * CT_NC + i] = exp(lc[i] - ln[j]) / k;
		}
	cols[in_n] = x;
	cols[in_d] = x + n;
	rc = m->eval(m, cols, n, p, 0, v, NULL);
	for (size_t i = 0; i < n; i++)
		if (!isfinite(v[i]))
			v[i] = NAN;
	free(x);
	(void)rc; /* not finite somewhere: those cells draw nothing */
	return 0;
}

/* Where level crosses the edge from a to b (values va, vb): t in 0..1. */
static double
cross(double va, double vb, double level)
{
	return (level - va) / (vb - va);
}

/*
 * The contour L = level by marching squares: segments as pairs of (C, N)
 * points, each pair followed by a NaN to break the line. *n gets the
 * points written into x, y (room for 3 per cell).
 */
static void
contour_level(const double *v, const double *lc, const double *ln,
    double level, double *x, double *y, size_t *n)
{
	*n = 0;
	for (size_t j = 0; j + 1 < CT_NN; j++)
		for (size_t i = 0; i + 1 < CT_NC; i++) {
			/* Corners counter-clockwise from (i, j). */
			double c[4] = { v[j * CT_NC + i], v[j * CT_NC + i + 1],
			    v[(j + 1) * CT_NC + i + 1], v[(j + 1) * CT_NC + i] };
			double px[4] = { lc[i], lc[i + 1], lc[i + 1], lc[i] };
			double py[4] = { ln[j], ln[j], ln[j + 1], ln[j + 1] };
			double ex[4], ey[4];
			int ne = 0, bad = 0;

			for (int q = 0; q < 4; q++)
				bad |= isnan(c[q]);
			if (bad)
				continue;
			for (int q = 0; q < 4 && ne < 4; q++) {
				int r = (q + 1) % 4;

				if ((c[q] < level) != (c[r] < level)) {
					double t = cross(c[q], c[r], level);

					ex[ne] = px[q] + t * (px[r] - px[q]);
					ey[ne++] = py[q] + t * (py[r] - py[q]);
				}
			}
			/* Two crossings: one segment; four (a saddle): two,
			 * paired as the cell's centre value says. */
			for (int s = 0; s + 1 < ne; s += 2) {
				int a = s, b = s + 1;

				if (ne == 4 && ((c[0] + c[1] + c[2] + c[3]) / 4 <
				    level) != (c[0] < level))
					b = s == 0 ? 3 : 2, a = s == 0 ? 0 : 1;
				x[*n] = exp(ex[a]);
				y[(*n)++] = exp(ey[a]);
				x[*n] = exp(ex[b]);
				y[(*n)++] = exp(ey[b]);
				x[*n] = NAN;
				y[(*n)++] = NAN;
			}
		}
}

/* The budget in [lo, hi] (log C) where L_opt(C) = level, by bisection
 * (L_opt falls as C grows); NaN when level is outside. */
static double
contour_tangent(const struct law_curve *nopt, double lo, double hi,
    double level)
{
	struct law_curve l = *nopt, *lc = &l;
	double flo, fhi;

	l.what = 0;
	flo = figures_frontier_eval(exp(lo), lc) - level;
	fhi = figures_frontier_eval(exp(hi), lc) - level;
	if (!(flo >= 0.0 && fhi <= 0.0))
		return NAN;
	for (int it = 0; it < 100; it++) {
		double mid = (lo + hi) / 2.0, fm;

		fm = figures_frontier_eval(exp(mid), lc) - level;
		if (fm > 0.0)
			lo = mid;
		else
			hi = mid;
	}
	return exp((lo + hi) / 2.0);
}

figures_fig *
figures_contour(const sx_workspace *ws, const char *source, sx_err *e)
{
	const sx_model *m;
	const double *p;
	const sx_fitrec *fr;
	figures_fig *ff = NULL;
	struct law_curve *lc;
	double lcs[CT_NC], lns[CT_NN], *v = NULL, *x = NULL, *y = NULL;
	double c0 = log(FIGURES_FRONTIER_C_LO), c1 = log(FIGURES_FRONTIER_C_HI);
	double n0, n1, l0, l1, lmin, lmax, step;
	int in_n, in_d, s;
	px_err pe;
	char title[160];

	if (figures_nd_source(ws, source, NAN, &m, &p, &fr, e) != 0 ||
	    frontier_nd_inputs(m, &in_n, &in_d, e) != 0)
		return NULL;
	if ((ff = figures_new()) == NULL) {
		err_set(e, "out of memory");
		return NULL;
	}
	pe.msg[0] = '\0';
	lc = &ff->curves[ff->ncurves++];
	lc->m = m;
	lc->p = p;
	lc->what = 1;
	lc->k = SX_FRONTIER_K;
	lc->U = NAN;
	/* N a decade either side of the frontier's ends. */
	n0 = log(figures_frontier_eval(exp(c0), lc) / 10.0);
	n1 = log(figures_frontier_eval(exp(c1), lc) * 10.0);
	lc->what = 0;
	l0 = figures_frontier_eval(exp(c1), lc);
	l1 = figures_frontier_eval(exp(c0), lc);
	lc->what = 1;
	if (!isfinite(n0) || !isfinite(n1) || !(n1 > n0) || !isfinite(l0) ||
	    !isfinite(l1) || !(l1 > l0) ||
	    ticks_extended(l0, l1, CT_LEVELS, 0, &lmin, &lmax, &step) < 2) {
		err_set(e, "%s: no compute-optimal frontier over C = %g..%g FLOP "
		    "to draw contours about", source, FIGURES_FRONTIER_C_LO,
		    FIGURES_FRONTIER_C_HI);
		goto fail;
	}
	for (int i = 0; i < CT_NC; i++)
		lcs[i] = c0 + (c1 - c0) * i / (CT_NC - 1);
	for (int j = 0; j < CT_NN; j++)
		lns[j] = n0 + (n1 - n0) * j / (CT_NN - 1);
	v = xmalloc((size_t)CT_NC * CT_NN * sizeof *v);
	x = xmalloc(2 * 6 * (size_t)CT_NC * CT_NN * sizeof *x);
	y = x + 6 * (size_t)CT_NC * CT_NN;
	contour_grid(m, p, in_n, in_d, SX_FRONTIER_K, lcs, lns, v);
	snprintf(title, sizeof title, "iso-loss contours of %s", source);
	figure_set_log(ff->f, 1, 1);
	figure_set_range(ff->f, exp(c0), exp(c1), exp(n0), exp(n1));
	if (figure_set_title(ff->f, title) != 0 ||
	    figure_set_labels(ff->f, "C (FLOP)", "N (parameters)") != 0)
		goto nomem;
	for (double level = lmin; level <= lmax + step / 2; level += step) {
		size_t n;
		double ct;
		char lab[32];

		if (level < l0 || level > l1)
			continue;
		contour_level(v, lcs, lns, level, x, y, &n);
		if ((s = figure_line(ff->f, NULL, x, y, n, &pe)) < 0 ||
		    figure_style(ff->f, s, PX_BLUE, 0) != 0)
			goto nomem;
		/* The label where the contour touches the frontier. */
		ct = contour_tangent(lc, c0, c1, level);
		snprintf(lab, sizeof lab, "%.4g", level);
		if (!isnan(ct) && ((s = figure_highlight(ff->f, lab, ct,
		    figures_frontier_eval(ct, lc), &pe)) < 0 ||
		    figure_style(ff->f, s, PX_BLUE, 0) != 0 ||
		    figure_no_legend(ff->f, s) != 0))
			goto nomem;
	}
	if ((s = figure_function(ff->f, "efficient frontier",
	    figures_frontier_eval, lc, &pe)) < 0 ||
	    figure_style(ff->f, s, PX_RED, 0) != 0)
		goto nomem;
	free(v);
	free(x);
	return ff;
nomem:
	err_set(e, "%s", pe.msg[0] != '\0' ? pe.msg : "out of memory");
fail:
	free(v);
	free(x);
	figures_free(ff);
	return NULL;
}
