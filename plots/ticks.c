/* ticks.c: extended Wilkinson ticks, log decades, short labels. */
#include "config.h"

#include <float.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "plots/canvas.h"
#include "plots/ticks.h"

/* Nice step multiples, most preferred first, and the score weights
 * (simplicity, coverage, density, legibility) of Talbot et al. */
static const double wk_q[] = { 1.0, 5.0, 2.0, 2.5, 4.0, 3.0 };
#define WK_NQ ((int)(sizeof wk_q / sizeof wk_q[0]))
static const double wk_w[4] = { 0.25, 0.2, 0.5, 0.05 };

static double
wk_simplicity(int i, int j, double lmin, double lmax, double lstep)
{
	double eps = DBL_EPSILON * 100.0;
	double rem = lmin - floor(lmin / lstep) * lstep;
	int v = (rem < eps || lstep - rem < eps) && lmin <= 0.0 && lmax >= 0.0;

	return 1.0 - (double)i / (WK_NQ - 1) - j + v;
}

static double
wk_simplicity_max(int i, int j)
{
	return 1.0 - (double)i / (WK_NQ - 1) - j + 1.0;
}

static double
wk_coverage(double dmin, double dmax, double lmin, double lmax)
{
	double range = dmax - dmin;

	return 1.0 - 0.5 * ((dmax - lmax) * (dmax - lmax) +
	    (dmin - lmin) * (dmin - lmin)) / ((0.1 * range) * (0.1 * range));
}

static double
wk_coverage_max(double dmin, double dmax, double span)
{
	double range = dmax - dmin, half;

	if (span <= range)
		return 1.0;
	half = (span - range) / 2.0;
	return 1.0 - 0.5 * (2.0 * half * half) / ((0.1 * range) * (0.1 * range));
}

static double
wk_density(int k, int m, double dmin, double dmax, double lmin, double lmax)
{
	double r = (k - 1) / (lmax - lmin);
	double rt = (m - 1) / (fmax(lmax, dmax) - fmin(dmin, lmin));

	return 2.0 - fmax(r / rt, rt / r);
}

static double
wk_density_max(int k, int m)
{
	return k >= m ? 2.0 - (double)(k - 1) / (m - 1) : 1.0;
}

int
ticks_extended(double dmin, double dmax, int m, int only_loose,
    double *olmin, double *olmax, double *olstep)
{
	double best = -2.0, bmin = 0.0, bmax = 0.0, bstep = 0.0, scale;
	int i, j, k, found = 0;

	if (!isfinite(dmin) || !isfinite(dmax) || m < 2)
		return -1;
	if (dmin > dmax) {
		double tmp = dmin;

		dmin = dmax;
		dmax = tmp;
	}
	/* The score is scale-free: work on data scaled to about 1..10 so
	 * that no square or step overflows near DBL_MAX or underflows. */
	scale = fmax(fabs(dmin), fabs(dmax));
	scale = scale > 0.0 ? pow(10.0, floor(log10(scale))) : 1.0;
	dmin /= scale;
	dmax /= scale;
	if (dmax - dmin < DBL_EPSILON * 100.0 * fmax(1.0, fabs(dmax)))
		return -1;
	/* Each loop stops when even its best possible score cannot beat the
	 * best found; the caps only guard against pathological input. */
	for (j = 1; j < 64; j++) {
		for (i = 0; i < WK_NQ; i++) {
			double q = wk_q[i], sm = wk_simplicity_max(i, j);

			if (!(wk_w[0] * sm + wk_w[1] + wk_w[2] + wk_w[3] >= best))
				goto done;
			for (k = 2; k < 256; k++) {
				double dm = wk_density_max(k, m), delta, z;
				int zi;

				if (!(wk_w[0] * sm + wk_w[1] + wk_w[2] * dm + wk_w[3] >= best))
					break;
				delta = (dmax - dmin) / (k + 1) / j / q;
				z = ceil(log10(delta));
				for (zi = 0; zi < 64; zi++, z += 1.0) {
					double step = j * q * pow(10.0, z);
					double cm = wk_coverage_max(dmin, dmax, step * (k - 1));
					double lo_start, hi_start, start;

					if (!(wk_w[0] * sm + wk_w[1] * cm + wk_w[2] * dm +
					    wk_w[3] >= best))
						break;
					lo_start = floor(dmax / step) * j - (double)(k - 1) * j;
					hi_start = ceil(dmin / step) * j;
					if (lo_start > hi_start || hi_start - lo_start > 4096.0)
						continue;
					for (start = lo_start; start <= hi_start; start += 1.0) {
						double lmin = start * (step / j);
						double lmax = lmin + step * (k - 1);
						double s = wk_simplicity(i, j, lmin, lmax, step);
						double c = wk_coverage(dmin, dmax, lmin, lmax);
						double g = wk_density(k, m, dmin, dmax, lmin, lmax);
						double score = wk_w[0] * s + wk_w[1] * c +
						    wk_w[2] * g + wk_w[3];

						if (score > best && (!only_loose ||
						    (lmin <= dmin && lmax >= dmax))) {
							best = score;
							bmin = lmin;
							bmax = lmax;
							bstep = step;
							found = 1;
						}
					}
				}
			}
		}
	}
done:
	if (!found)
		return -1;
	*olmin = bmin * scale;
	*olmax = bmax * scale;
	*olstep = bstep * scale;
	if (!isfinite(*olmin) || !isfinite(*olmax) || !(*olstep > 0.0))
		return -1;
	return (int)floor((bmax - bmin) / bstep + 0.5) + 1;
}

/* Decimals needed to tell apart values `step` apart. */
static int
decimals(double step)
{
	int nd;
	double s;

	if (!(step > 0.0) || !isfinite(step))
		return 0;
	nd = (int)ceil(-log10(step) - 1e-9);
	if (nd < 0)
		nd = 0;
	for (; nd < 12; nd++) {
		s = step * pow(10.0, nd);
		if (fabs(s - floor(s + 0.5)) <= 1e-6 * s)
			break;
	}
	return nd;
}

/* Drop trailing zeros (and a trailing point) from a decimal number. */
static void
strip_zeros(char *s)
{
	char *p = strchr(s, '.'), *end;

	if (p == NULL)
		return;
	end = s + strlen(s) - 1;
	while (end > p && *end == '0')
		*end-- = '\0';
	if (end == p)
		*end = '\0';
}

static const char *const superscript[] = {
	"\xe2\x81\xb0", "\xc2\xb9", "\xc2\xb2", "\xc2\xb3", "\xe2\x81\xb4",
	"\xe2\x81\xb5", "\xe2\x81\xb6", "\xe2\x81\xb7", "\xe2\x81\xb8",
	"\xe2\x81\xb9"
};

/* Append 10^k in superscripts ("10¹⁸"), or "e18" when ascii. */
static void
append_power(char *buf, size_t len, int k, int ascii)
{
	char digits[16];
	size_t used = strlen(buf);
	int i;

	if (ascii) {
		snprintf(buf + used, len - used, "e%d", k);
		return;
	}
	snprintf(buf + used, len - used, "10%s", k < 0 ? "\xe2\x81\xbb" : "");
	snprintf(digits, sizeof digits, "%d", k < 0 ? -k : k);
	for (i = 0; digits[i] != '\0'; i++) {
		used = strlen(buf);
		snprintf(buf + used, len - used, "%s", superscript[digits[i] - '0']);
	}
}

int
ticks_decade(char *buf, size_t len, int k, int ascii)
{
	buf[0] = '\0';
	if (ascii)
		snprintf(buf, len, "1");
	append_power(buf, len, k, ascii);
	return canvas_text_width(buf);
}

/* Scientific: mantissa with the decimals `step` needs, then the power. */
static void
format_sci(char *buf, size_t len, double v, double step, int ascii)
{
	int e = (int)floor(log10(fabs(v))), nd;
	double mant;

	for (;;) {
		mant = v / pow(10.0, e);
		nd = decimals(step / pow(10.0, e));
		if (nd > 6)
			nd = 6;
		snprintf(buf, len, "%.*f", nd, mant);
		if (fabs(strtod(buf, NULL)) < 10.0)
			break;
		e++;
	}
	strip_zeros(buf);
	if (!ascii && (strcmp(buf, "1") == 0 || strcmp(buf, "-1") == 0)) {
		buf[strlen(buf) - 1] = '\0';
		append_power(buf, len, e, 0);
		return;
	}
	if (!ascii)
		snprintf(buf + strlen(buf), len - strlen(buf), "\xc3\x97");
	append_power(buf, len, e, ascii);
}

/* SI suffixes k M G T for |v| >= 1000, plain below. */
static void
format_si(char *buf, size_t len, double v, double step)
{
	static const char suffix[] = "kMGT";
	int s = (int)floor(log10(fabs(v)) / 3.0) - 1, nd;
	double scale;

	if (fabs(v) < 1000.0) {
		snprintf(buf, len, "%.*f", decimals(step), v);
		strip_zeros(buf);
		return;
	}
	if (s > 3)
		s = 3;
	for (;;) {
		scale = pow(10.0, 3 * (s + 1));
		nd = decimals(step / scale);
		if (nd > 6)
			nd = 6;
		snprintf(buf, len, "%.*f", nd, v / scale);
		if (fabs(strtod(buf, NULL)) < 1000.0 || s == 3)
			break;
		s++;
	}
	strip_zeros(buf);
	snprintf(buf + strlen(buf), len - strlen(buf), "%c", suffix[s]);
}

enum { STYLE_PLAIN, STYLE_SI, STYLE_SCI };

static void
format_style(char *buf, size_t len, double v, double step, int style,
    int ascii)
{
	if (v == 0.0 || (step > 0.0 && fabs(v) < 1e-9 * step)) {
		snprintf(buf, len, "0");
		return;
	}
	if (style == STYLE_SCI)
		format_sci(buf, len, v, step, ascii);
	else if (style == STYLE_SI)
		format_si(buf, len, v, step);
	else
		snprintf(buf, len, "%.*f", decimals(step), v);
}

/* Pick one style for a whole set of labels: scientific for huge or tiny
 * values, SI when it is no longer than plain. */
static int
choose_style(const double *v, int n, double step, int ascii)
{
	double maxabs = 0.0;
	int i, wplain = 0, wsi = 0;
	char buf[64];

	for (i = 0; i < n; i++) {
		if (fabs(v[i]) > maxabs)
			maxabs = fabs(v[i]);
	}
	if (maxabs >= 1e15 || (maxabs > 0.0 && maxabs < 1e-3))
		return STYLE_SCI;
	if (maxabs < 1000.0)
		return STYLE_PLAIN;
	for (i = 0; i < n; i++) {
		format_style(buf, sizeof buf, v[i], step, STYLE_PLAIN, ascii);
		wplain += (int)strlen(buf);
		format_style(buf, sizeof buf, v[i], step, STYLE_SI, ascii);
		wsi += (int)strlen(buf);
	}
	return wsi <= wplain ? STYLE_SI : STYLE_PLAIN;
}

int
ticks_format(char *buf, size_t len, double v, double step, int ascii)
{
	format_style(buf, len, v, step, choose_style(&v, 1, step, ascii), ascii);
	return canvas_text_width(buf);
}

/* Candidate ticks, built up before they are checked for room. */
typedef struct cands {
	int n;
	int overflow;
	px_tick t[PX_TICKS_MAX];
} cands;

static void
cand_add(cands *c, double v, int major)
{
	if (c->n >= PX_TICKS_MAX) {
		c->overflow = 1;
		return;
	}
	c->t[c->n].v = v;
	c->t[c->n].major = major;
	c->t[c->n].label[0] = '\0';
	c->n++;
}

static int
tick_cmp(const void *a, const void *b)
{
	double x = ((const px_tick *)a)->v, y = ((const px_tick *)b)->v;

	return x < y ? -1 : x > y;
}

/* Label the majors of c with one style; step as for ticks_format. */
static void
cand_label(cands *c, double step, int ascii)
{
	double v[PX_TICKS_MAX];
	int i, n = 0, style;

	for (i = 0; i < c->n; i++)
		if (c->t[i].major)
			v[n++] = c->t[i].v;
	style = choose_style(v, n, step, ascii);
	for (i = 0; i < c->n; i++)
		if (c->t[i].major)
			format_style(c->t[i].label, sizeof c->t[i].label,
			    c->t[i].v, step, style, ascii);
}

/*
 * Place the candidates on the axis: drop those outside its range, work out
 * cells and label positions, and check that nothing collides. On success
 * copy them into t and return the number of majors; -1 when they collide.
 */
static int
settle(px_ticks *t, cands *c, const px_axis *a, int sub, int horizontal,
    int lim0, int lim1)
{
	double tol = 1e-9 * (a->f1 - a->f0);
	int i, n = 0, nmajor = 0, prev_pos = 0, have_prev = 0;
	int prev_end = 0, have_label = 0, cmin, cmax;
	double pa = fmin(a->p0, a->p1), pb = fmax(a->p0, a->p1);

	if (c->overflow)
		return -1;
	cmin = (int)floor((pa + 0.5) / sub);
	cmax = (int)floor((pb + 0.5) / sub);
	qsort(c->t, (size_t)c->n, sizeof c->t[0], tick_cmp);
	for (i = 0; i < c->n; i++) {
		px_tick *k = &c->t[i];
		double f, p;

		if (!isfinite(k->v) || (a->log && k->v <= 0.0))
			continue;
		f = a->log ? log10(k->v) : k->v;
		if (f < a->f0 - tol || f > a->f1 + tol)
			continue;
		p = axis_map(a, k->v);
		k->pos = (int)floor((p + 0.5) / sub);
		if (k->pos < cmin)
			k->pos = cmin;
		if (k->pos > cmax)
			k->pos = cmax;
		t->t[n++] = *k;
	}
	/* Positions are monotonic in v: compare neighbours only. */
	for (i = 0; i < n; i++) {
		px_tick *k = &t->t[i];
		int gap = have_prev ? abs(k->pos - prev_pos) : 99;

		if (gap == 0 || (horizontal && gap < 2 && (!k->major ||
		    !t->t[i - 1].major)))
			return -1;
		have_prev = 1;
		prev_pos = k->pos;
		if (!k->major)
			continue;
		nmajor++;
		if (horizontal) {
			int w = canvas_text_width(k->label);
			int start = k->pos - (w - 1) / 2;

			if (w > lim1 - lim0 + 1)
				return -1;
			if (start + w - 1 > lim1)
				start = lim1 - w + 1;
			if (start < lim0)
				start = lim0;
			if (have_label && start < prev_end + 2)
				return -1;
			k->lpos = start;
			prev_end = start + w - 1;
		} else {
			if (have_label && abs(k->pos - prev_end) < 2)
				return -1;
			k->lpos = k->pos;
			prev_end = k->pos;
		}
		have_label = 1;
	}
	t->n = n;
	return nmajor;
}

/* Settle with minors if they fit, else without them. */
static int
settle_minors(px_ticks *t, cands *c, const px_axis *a, int sub,
    int horizontal, int lim0, int lim1)
{
	cands majors;
	int i, r;

	majors.n = 0;
	majors.overflow = 0;
	for (i = 0; i < c->n; i++)
		if (c->t[i].major)
			majors.t[majors.n++] = c->t[i];
	r = settle(t, c, a, sub, horizontal, lim0, lim1);
	if (r >= 0)
		return r;
	return settle(t, &majors, a, sub, horizontal, lim0, lim1);
}

static int
axis_cells(const px_axis *a, int sub)
{
	return (int)(fabs(a->p1 - a->p0) / sub) + 1;
}

static int
target_labels(const px_axis *a, int sub, int horizontal)
{
	int len = axis_cells(a, sub), m;

	m = horizontal ? len / 9 : (len + 2) / 3;
	if (m > (horizontal ? 12 : 10))
		m = horizontal ? 12 : 10;
	return m < 2 ? 2 : m;
}

/* The spacing labels must resolve: the step, or a fraction of it when the
 * labels are offset from its multiples (-0.1 0.1 by 0.2 needs 0.1). */
static double
label_step(double lmin, double lstep)
{
	static const double div[] = { 1, 2, 4, 5, 10, 20, 25, 50, 100 };
	double q;
	int i;

	for (i = 0; i < 9; i++) {
		q = lmin / (lstep / div[i]);
		if (fabs(q - floor(q + 0.5)) <= 1e-6 * fmax(1.0, fabs(q)))
			return lstep / div[i];
	}
	return lstep / 1000.0;
}

/* Linear labels by extended Wilkinson: the most wanted count that gives at
 * least two labels inside the axis (trying counts from the target down,
 * then a few above, since some labels can fall outside), else one. */
static int
ticks_linear(px_ticks *t, double lo, double hi, const px_axis *a, int sub,
    int horizontal, int ascii, int lim0, int lim1)
{
	cands c;
	double lmin, lmax, lstep;
	int target = target_labels(a, sub, horizontal), want, pass, k, m, i, nl;

	for (pass = 0, want = 2; pass < 2; pass++, want = 1)
		for (k = 0; k < target + 3; k++) {
			m = k < target - 1 ? target - k : target + (k - target + 2);
			nl = ticks_extended(lo, hi, m, 0, &lmin, &lmax, &lstep);
			if (nl < 2 || nl > PX_TICKS_MAX)
				continue;
			c.n = 0;
			c.overflow = 0;
			for (i = 0; i < nl; i++) {
				double v = lmin + i * lstep;

				if (fabs(v) < 1e-9 * lstep)
					v = 0.0;
				cand_add(&c, v, 1);
			}
			cand_label(&c, label_step(lmin, lstep), ascii);
			if (settle(t, &c, a, sub, horizontal, lim0, lim1) >= want)
				return t->n;
		}
	return -1;
}

/* Decades k0..k1 labelled every s-th decade, the others minor (or, for
 * s == 1, minors at mult x 10^k). */
static int
ticks_decades(px_ticks *t, const px_axis *a, int sub, int horizontal,
    int ascii, int lim0, int lim1, int k0, int k1, int s)
{
	cands c;
	static const int minor_sets[2][9] = {
		{ 2, 3, 4, 5, 6, 7, 8, 9, 0 }, { 2, 5, 0 }
	};
	int k, i, set, plain = k0 >= -2 && k1 <= 4, r;

	for (set = 0; set < 3; set++) {
		c.n = 0;
		c.overflow = 0;
		for (k = k0 - 1; k <= k1; k++) {
			double d = pow(10.0, k);
			int lab = ((k % s) + s) % s == 0;

			if (k >= k0)
				cand_add(&c, d, lab);
			if (k >= k0 && lab) {
				px_tick *tk = &c.t[c.n - 1];

				if (plain)
					format_style(tk->label, sizeof tk->label, d, d,
					    choose_style(&d, 1, d, ascii), ascii);
				else
					ticks_decade(tk->label, sizeof tk->label, k, ascii);
			}
			if (s == 1 && set < 2)
				for (i = 0; minor_sets[set][i] != 0; i++)
					cand_add(&c, minor_sets[set][i] * d, 0);
		}
		if (s > 1 || set == 2) {
			r = settle_minors(t, &c, a, sub, horizontal, lim0, lim1);
			return r >= 1 ? t->n : -1;
		}
		if ((r = settle(t, &c, a, sub, horizontal, lim0, lim1)) >= 1)
			return t->n;
	}
	return -1;
}

/* Spans of a couple of decades: labels at d x 10^k for d in a set. */
static int
ticks_rich(px_ticks *t, const px_axis *a, int sub, int horizontal, int ascii,
    int lim0, int lim1, const int *set)
{
	cands c;
	double v[PX_TICKS_MAX];
	int k, d, i, n = 0, style;
	int k0 = (int)floor(a->f0), k1 = (int)floor(a->f1);

	c.n = 0;
	c.overflow = 0;
	for (k = k0; k <= k1; k++) {
		double p = pow(10.0, k);

		for (d = 1; d <= 9; d++) {
			int lab = 0;

			for (i = 0; set[i] != 0; i++)
				lab |= set[i] == d;
			cand_add(&c, d * p, lab);
			if (lab && n < PX_TICKS_MAX)
				v[n++] = d * p;
		}
	}
	/* One style for the set; each label's own decade sets its decimals. */
	style = choose_style(v, n, 0.0, ascii);
	for (i = 0; i < c.n; i++)
		if (c.t[i].major)
			format_style(c.t[i].label, sizeof c.t[i].label, c.t[i].v,
			    pow(10.0, floor(log10(c.t[i].v) + 1e-9)), style, ascii);
	return settle_minors(t, &c, a, sub, horizontal, lim0, lim1);
}

static int
ticks_log(px_ticks *t, const px_axis *a, int sub, int horizontal, int ascii,
    int lim0, int lim1)
{
	static const int steps[] = { 1, 2, 3, 5, 10, 20, 30, 50, 100, 200, 300,
	    500, 1000 };
	static const int sets[4][10] = {
		{ 1, 2, 3, 4, 5, 6, 7, 8, 9, 0 }, { 1, 2, 5, 0 }, { 1, 3, 0 },
		{ 1, 0 }
	};
	px_ticks alt;
	int k0 = (int)ceil(a->f0 - 1e-9), k1 = (int)floor(a->f1 + 1e-9);
	int i, r, m = target_labels(a, sub, horizontal), best = -1;

	if (a->f1 - a->f0 >= 2.0) {
		for (i = 0; i < (int)(sizeof steps / sizeof steps[0]); i++)
			if (ticks_decades(t, a, sub, horizontal, ascii, lim0, lim1,
			    k0, k1, steps[i]) > 0)
				return t->n;
		return -1;
	}
	/* Under two decades: the richest 1-2-5 style set with no more labels
	 * than wanted, or linear labels if they give more. */
	for (i = 0; i < 4; i++) {
		r = ticks_rich(&alt, a, sub, horizontal, ascii, lim0, lim1, sets[i]);
		if (r >= 2 && r <= m) {
			*t = alt;
			best = r;
			break;
		}
	}
	if (best < 3) {
		r = ticks_linear(&alt, a->lo, a->hi, a, sub, horizontal, ascii, lim0,
		    lim1);
		if (r > 0) {
			int majors = 0;

			for (i = 0; i < alt.n; i++)
				majors += alt.t[i].major;
			if (majors > best) {
				*t = alt;
				best = majors;
			}
		}
	}
	return best > 0 ? t->n : -1;
}

int
ticks_make(px_ticks *t, const px_axis *a, int sub, int horizontal, int ascii,
    int lim0, int lim1)
{
	int r;

	t->n = 0;
	if (sub < 1)
		return 0;
	if (a->log)
		r = ticks_log(t, a, sub, horizontal, ascii, lim0, lim1);
	else
		r = ticks_linear(t, a->lo, a->hi, a, sub, horizontal, ascii, lim0,
		    lim1);
	if (r < 0)
		t->n = 0;
	return t->n;
}
