/* approach.c: Hoffmann et al. 2022's approaches 1 and 2 on raw runs: the
 * lower envelope of the learning curves, and IsoFLOP parabolas. */
#include "config.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/fmt.h"
#include "base/xalloc.h"
#include "scaling/frontier.h"

/* A run usable by the approaches: every value positive and finite. */
static int
run_ok(double N, double C, double L)
{
	return N > 0.0 && C > 0.0 && isfinite(N) && isfinite(C) && isfinite(L);
}

/* Fit the power law through r's points and fill a, coef, a_se. */
static int
approach_fit(sx_approach *r, const char *what, sx_err *err)
{
	sx_err e;

	err_clear(&e);
	if (frontier_loglog_fit(r->C, r->N_opt, r->n, &r->a, &r->coef, &r->a_se,
	    &e) != 0) {
		approach_free(r);
		return err_set(err, "%s: %s", what, e.msg);
	}
	return 0;
}

/*
 * Approach 1, the lower envelope of learning curves; -1 with fewer
 * than 3 envelope points.
 */
int
frontier_approach1(const double *N, const double *C, const double *L,
    size_t n, size_t nbins, double c_lo, double c_hi, sx_approach *r,
    sx_err *err)
{
	size_t *pick, i, b, used = 0;
	double lo = INFINITY, hi = -INFINITY, width;

	memset(r, 0, sizeof *r);
	if (nbins < 3 || nbins > 100000)
		return err_set(err, "approach 1: %zu compute bins (3 to 100000)",
		    nbins);
	if ((c_lo != 0.0 || c_hi != 0.0) && (!(c_lo > 0.0) || !(c_hi > c_lo) ||
	    !isfinite(c_hi)))
		return err_set(err, "approach 1: compute range %g..%g must be > 0 "
		    "and increasing", c_lo, c_hi);
	for (i = 0; i < n; i++)
		if (run_ok(N[i], C[i], L[i])) {
			lo = fmin(lo, C[i]);
			hi = fmax(hi, C[i]);
		}
	if (c_lo > 0.0) {
		lo = c_lo;
		hi = c_hi;
	}
	if (!(hi > lo))
		return err_set(err, "approach 1 needs runs at more than one "
		    "compute value (C > 0)");
	/* Bin i covers [lo*w^i, lo*w^(i+1)), the last one closed. */
	width = (log(hi) - log(lo)) / (double)nbins;
	pick = xmalloc(nbins * sizeof *pick);
	for (b = 0; b < nbins; b++)
		pick[b] = n;
	for (i = 0; i < n; i++) {
		double t;

		if (!run_ok(N[i], C[i], L[i]) || C[i] < lo || C[i] > hi)
			continue;
		t = (log(C[i]) - log(lo)) / width;
		b = t >= (double)nbins ? nbins - 1 : (size_t)t;
		if (pick[b] == n || L[i] < L[pick[b]])
			pick[b] = i;
	}
	r->ngroups = nbins;
	r->C = xmalloc(3 * nbins * sizeof *r->C);
	r->N_opt = r->C + nbins;
	r->L_opt = r->N_opt + nbins;
	for (b = 0; b < nbins; b++) {
		if (pick[b] == n) {
			r->nskipped++;
			continue;
		}
		r->C[used] = C[pick[b]];
		r->N_opt[used] = N[pick[b]];
		r->L_opt[used] = L[pick[b]];
		used++;
	}
	free(pick);
	r->n = used;
	if (used < 3) {
		approach_free(r);
		return err_set(err, "approach 1: only %zu of %zu compute bins hold "
		    "runs (need 3)", used, nbins);
	}
	return approach_fit(r, "approach 1", err);
}

/* Sort helper: indices by log C. */
static const double *sort_key;

static int
cmp_by_key(const void *a, const void *b)
{
	double x = sort_key[*(const size_t *)a], y = sort_key[*(const size_t *)b];

	return (x > y) - (x < y);
}

/* The least-squares parabola of one budget's window of runs. */
typedef struct isoflop_fit {
	double u;       /* log N of the vertex */
	double lmin;    /* L there */
	double rms;     /* residual scatter of the runs about it */
	double curv;    /* c2: L = lmin + curv*(log N - u)^2 */
} isoflop_fit;

/*
 * The least-squares parabola L = c0 + c1*v + c2*v^2 through m runs
 * (v = log N - its mean, for conditioning). Returns -1 when the sizes are
 * too few or the parabola does not open upwards; else fills *f.
 */
static int
isoflop_vertex(const double *lnv, const double *lv, size_t m, isoflop_fit *f)
{
	double mean = 0, s[5] = { 0 }, t[3] = { 0 }, a[3][4], c[3], v, ss = 0;
	size_t i, j, l, r, distinct = 1;

	for (i = 0; i < m; i++)
		mean += lnv[i];
	mean /= (double)m;
	for (i = 0; i < m; i++) {
		double pw = 1;

		v = lnv[i] - mean;
		for (j = 0; j < 5; j++, pw *= v)
			s[j] += pw;
		t[0] += lv[i];
		t[1] += v * lv[i];
		t[2] += v * v * lv[i];
	}
	for (i = 1; i < m; i++) {
		for (j = 0; j < i && fabs(lnv[i] - lnv[j]) > 1e-9; j++)
			;
		distinct += j == i;
	}
	if (distinct < 3)
		return -1;
	for (i = 0; i < 3; i++) {
		for (j = 0; j < 3; j++)
			a[i][j] = s[i + j];
		a[i][3] = t[i];
	}
	/* Gaussian elimination with partial pivoting on the 3x3 normal
	 * equations. */
	for (j = 0; j < 3; j++) {
		r = j;
		for (i = j + 1; i < 3; i++)
			if (fabs(a[i][j]) > fabs(a[r][j]))
				r = i;
		if (!(fabs(a[r][j]) > 0.0))
			return -1;
		for (l = 0; l < 4; l++) {
			double tmp = a[j][l];

			a[j][l] = a[r][l];
			a[r][l] = tmp;
		}
		for (i = j + 1; i < 3; i++) {
			double q = a[i][j] / a[j][j];

			for (l = j; l < 4; l++)
				a[i][l] -= q * a[j][l];
		}
	}
	for (i = 3; i-- > 0;) {
		c[i] = a[i][3];
		for (l = i + 1; l < 3; l++)
			c[i] -= a[i][l] * c[l];
		c[i] /= a[i][i];
	}
	if (!(c[2] > 0.0) || !isfinite(c[0] + c[1] + c[2]))
		return -1;
	for (i = 0; i < m; i++) {
		double d;

		v = lnv[i] - mean;
		d = lv[i] - (c[0] + c[1] * v + c[2] * v * v);
		ss += d * d;
	}
	v = -c[1] / (2 * c[2]);
	f->u = mean + v;
	f->lmin = c[0] + c[1] * v + c[2] * v * v;
	f->rms = sqrt(ss / (double)m);
	f->curv = c[2];
	return 0;
}

static void
approach_warn(sx_approach *r, char *msg)
{
	r->warn = xreallocarray(r->warn, r->nwarn + 1, sizeof *r->warn);
	r->warn[r->nwarn++] = msg;
}

/*
 * One budget: its g runs (log N in ln, L in lv) sorted by size, the window
 * of `window` runs around the lowest loss (0: all), its parabola. Returns
 * 0 with the point stored in r, or -1 (skipped; a warning when the vertex
 * lay outside the sizes fitted).
 */
static int
isoflop_budget(double *ln, double *lv, const size_t *rows, size_t g,
    size_t window, double c, sx_approach *r)
{
	size_t *ord = xmalloc(g * sizeof *ord), lo = 0, w = g, best = 0, i;
	double *wn = xmalloc(2 * g * sizeof *wn), *wl = wn + g, low, high;
	isoflop_fit f;
	int rc = -1;

	for (i = 0; i < g; i++)
		ord[i] = i;
	sort_key = ln;
	qsort(ord, g, sizeof *ord, cmp_by_key);
	for (i = 1; i < g; i++)
		if (lv[ord[i]] < lv[ord[best]])
			best = i;
	if (window > 0 && window < g) {
		w = window;
		lo = best > w / 2 ? best - w / 2 : 0;
		if (lo + w > g)
			lo = g - w;
	}
	for (i = 0; i < w; i++) {
		wn[i] = ln[ord[lo + i]];
		wl[i] = lv[ord[lo + i]];
	}
	low = high = lv[ord[best]];
	for (i = 0; i < w; i++)
		high = fmax(high, wl[i]);
	if (isoflop_vertex(wn, wl, w, &f) != 0)
		goto out;
	if (f.u < wn[0] || f.u > wn[w - 1]) {
		approach_warn(r, xasprintf("C = %.4g: the parabola's minimum, N = "
		    "%.4g, lies outside the sizes fitted (%.4g to %.4g); budget not "
		    "used", c, exp(f.u), exp(wn[0]), exp(wn[w - 1])));
		goto out;
	}
	/* Through evenly spaced sizes a parabola dips below its lowest run by
	 * at most 1/8 of the losses' spread; allow that and the scatter. */
	if (f.lmin < low - ((high - low) / 8 + f.rms))
		approach_warn(r, xasprintf("C = %.4g: L_opt = %.5g lies below every "
		    "loss run at this budget (lowest %.5g) by more than the "
		    "parabola's shape and scatter allow: extrapolated", c, f.lmin,
		    low));
	r->C[r->n] = c;
	r->N_opt[r->n] = exp(f.u);
	r->L_opt[r->n] = f.lmin;
	r->curv[r->n] = f.curv;
	r->n_lo[r->n] = exp(wn[0]);
	r->n_hi[r->n] = exp(wn[w - 1]);
	for (i = 0; i < g; i++)
		r->run_pt[rows[i]] = (long)r->n;
	r->n++;
	rc = 0;
out:
	free(ord);
	free(wn);
	return rc;
}

/*
 * Approach 2, IsoFLOP parabolas; -1 with fewer than 2 usable budgets.
 */
int
frontier_approach2(const double *N, const double *C, const double *L,
    size_t n, double gap_decades, size_t window, sx_approach *r, sx_err *err)
{
	double *lc, *ln, *lv;
	size_t *idx, m = 0, i, start, nfew = 0;
	char few[128] = "";

	memset(r, 0, sizeof *r);
	if (!(gap_decades > 0.0) || !isfinite(gap_decades))
		return err_set(err, "approach 2: the budget gap must be > 0 "
		    "decades, not %g", gap_decades);
	if (window > 0 && window < 3)
		return err_set(err, "approach 2: a window of %zu sizes cannot fix "
		    "a parabola (need 3 or more)", window);
	idx = xmalloc((n + 1) * sizeof *idx);
	lc = xmalloc((3 * n + 1) * sizeof *lc);
	ln = lc + n;
	lv = ln + n;
	for (i = 0; i < n; i++) {
		lc[i] = run_ok(N[i], C[i], L[i]) ? log10(C[i]) : NAN;
		if (!isnan(lc[i]))
			idx[m++] = i;
	}
	sort_key = lc;
	qsort(idx, m, sizeof *idx, cmp_by_key);
	r->C = xmalloc((6 * m + 1) * sizeof *r->C);
	r->N_opt = r->C + m;
	r->L_opt = r->N_opt + m;
	r->curv = r->L_opt + m;
	r->n_lo = r->curv + m;
	r->n_hi = r->n_lo + m;
	r->run_pt = xmalloc((n + 1) * sizeof *r->run_pt);
	for (i = 0; i < n; i++)
		r->run_pt[i] = -1;
	for (start = 0; start < m;) {
		size_t end = start + 1, g;
		double mc = lc[idx[start]];

		while (end < m && lc[idx[end]] - lc[idx[end - 1]] <= gap_decades)
			mc += lc[idx[end++]];
		g = end - start;
		for (i = 0; i < g; i++) {
			ln[i] = log(N[idx[start + i]]);
			lv[i] = L[idx[start + i]];
		}
		r->ngroups++;
		/* Too few sizes to fix a parabola: listed in one warning. */
		if (g < 3 && nfew++ < 6)
			fmt_append(few, sizeof few, "%s%.3g", nfew > 1 ? ", " : "",
			    pow(10.0, mc / (double)g));
		if (g < 3 || isoflop_budget(ln, lv, idx + start, g, window, pow(10.0,
		    mc / (double)g), r) != 0)
			r->nskipped++;
		start = end;
	}
	if (nfew > 0)
		approach_warn(r, xasprintf("%zu budget%s with fewer than 3 sizes "
		    "not used (a parabola needs 3): C = %s%s", nfew, nfew == 1 ?
		    "" : "s", few, nfew > 6 ? ", …" : ""));
	free(idx);
	free(lc);
	if (r->n < 2) {
		size_t ng = r->ngroups, nu = r->n;

		approach_free(r);
		return err_set(err, "approach 2: %zu of %zu budgets have an "
		    "IsoFLOP minimum inside their sizes (need 2; each budget needs "
		    "3 or more sizes around its minimum)", nu, ng);
	}
	return approach_fit(r, "approach 2", err);
}

/*
 * Release an approach result (NULL is allowed).
 */
void
approach_free(sx_approach *r)
{
	if (r == NULL)
		return;
	free(r->C);
	free(r->run_pt);
	r->C = r->N_opt = r->L_opt = r->curv = r->n_lo = r->n_hi = NULL;
	r->run_pt = NULL;
	r->n = 0;
	for (size_t i = 0; i < r->nwarn; i++)
		free(r->warn[i]);
	free(r->warn);
	r->warn = NULL;
	r->nwarn = 0;
}

/* Sort helper: run indices by (N, C). */
static const double *curve_n, *curve_c;

static int
cmp_by_n_c(const void *a, const void *b)
{
	size_t i = *(const size_t *)a, j = *(const size_t *)b;

	if (curve_n[i] != curve_n[j])
		return curve_n[i] < curve_n[j] ? -1 : 1;
	return curve_c[i] < curve_c[j] ? -1 : curve_c[i] > curve_c[j];
}

/* log L of one curve (rows idx[a..b), sorted by C) at log C = t,
 * interpolated linearly between its rows; NaN outside its span. */
static double
curve_at(const double *C, const double *L, const size_t *idx, size_t a,
    size_t b, double t)
{
	for (size_t i = a; i + 1 < b; i++) {
		double t0 = log(C[idx[i]]), t1 = log(C[idx[i + 1]]);

		if (t < t0 || t > t1 || !(t1 > t0))
			continue;
		return log(L[idx[i]]) + (log(L[idx[i + 1]]) - log(L[idx[i]])) *
		    (t - t0) / (t1 - t0);
	}
	return NAN;
}

int
frontier_approach1_curves(const double *N, const double *C, const double *L,
    size_t n, size_t nbins, double c_lo, double c_hi, sx_approach *r,
    sx_err *err)
{
	size_t *idx, m = 0, ncurves = 0, used = 0;
	double lo = INFINITY, hi = -INFINITY;

	memset(r, 0, sizeof *r);
	if (nbins < 3 || nbins > 100000)
		return err_set(err, "approach 1: %zu compute points (3 to 100000)",
		    nbins);
	if ((c_lo != 0.0 || c_hi != 0.0) && (!(c_lo > 0.0) || !(c_hi > c_lo) ||
	    !isfinite(c_hi)))
		return err_set(err, "approach 1: compute range %g..%g must be > 0 "
		    "and increasing", c_lo, c_hi);
	idx = xmalloc((n + 1) * sizeof *idx);
	for (size_t i = 0; i < n; i++)
		if (run_ok(N[i], C[i], L[i]) && L[i] > 0.0) {
			idx[m++] = i;
			lo = fmin(lo, C[i]);
			hi = fmax(hi, C[i]);
		}
	curve_n = N;
	curve_c = C;
	qsort(idx, m, sizeof *idx, cmp_by_n_c);
	if (c_lo > 0.0) {
		lo = c_lo;
		hi = c_hi;
	}
	r->ngroups = nbins;
	r->C = xmalloc((3 * nbins + 1) * sizeof *r->C);
	r->N_opt = r->C + nbins;
	r->L_opt = r->N_opt + nbins;
	for (size_t a = 0; a < m;) {
		size_t b = a + 1;

		while (b < m && N[idx[b]] == N[idx[a]])
			b++;
		ncurves += b - a >= 2;
		a = b;
	}
	for (size_t j = 0; hi > lo && j < nbins; j++) {
		double t = log(lo) + (log(hi) - log(lo)) * (double)j /
		    (double)(nbins - 1), best = INFINITY, bestn = NAN;

		/* Each curve (the rows of one size) that spans this budget. */
		for (size_t a = 0; a < m;) {
			size_t b = a + 1;
			double v;

			while (b < m && N[idx[b]] == N[idx[a]])
				b++;
			v = curve_at(C, L, idx, a, b, t);
			if (v < best) {
				best = v;
				bestn = N[idx[a]];
			}
			a = b;
		}
		if (!isfinite(best)) {
			r->nskipped++;
			continue;
		}
		r->C[used] = exp(t);
		r->N_opt[used] = bestn;
		r->L_opt[used] = exp(best);
		used++;
	}
	free(idx);
	r->n = used;
	if (ncurves < 2 || used < 3) {
		approach_free(r);
		return err_set(err, "approach 1: %zu learning curve%s (sizes with "
		    "2 or more rows) give the envelope at %zu of %zu budgets (need "
		    "2 curves and 3 budgets)", ncurves, ncurves == 1 ? "" : "s",
		    used, nbins);
	}
	return approach_fit(r, "approach 1", err);
}
