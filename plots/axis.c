/* axis.c: data <-> sub-pixel mapping on linear and log10 axes. */
#include "config.h"

#include <math.h>

#include "plots/axis.h"

static double
axis_f(const px_axis *a, double v)
{
	return a->log ? log10(v) : v;
}

int
axis_init(px_axis *a, double lo, double hi, int log, double p0, double p1,
    px_err *e)
{
	if (!isfinite(lo) || !isfinite(hi))
		return perr_set(e, "range is not finite");
	if (!(lo < hi))
		return perr_set(e, "range %g..%g is empty", lo, hi);
	if (log && lo <= 0.0)
		return perr_set(e, "range %g..%g is not positive on a log scale",
		    lo, hi);
	a->lo = lo;
	a->hi = hi;
	a->log = log != 0;
	a->p0 = p0;
	a->p1 = p1;
	a->f0 = axis_f(a, lo);
	a->f1 = axis_f(a, hi);
	if (!(a->f0 < a->f1))
		return perr_set(e, "range %g..%g is too narrow", lo, hi);
	return 0;
}

double
axis_map(const px_axis *a, double v)
{
	if (!isfinite(v) || (a->log && v <= 0.0))
		return NAN;
	return a->p0 + (axis_f(a, v) - a->f0) / (a->f1 - a->f0) * (a->p1 - a->p0);
}

double
axis_unmap(const px_axis *a, double p)
{
	double f = a->f0 + (p - a->p0) / (a->p1 - a->p0) * (a->f1 - a->f0);

	return a->log ? pow(10.0, f) : f;
}

void
axis_extend(double *lo, double *hi, const double *v, size_t n, int log)
{
	size_t i;

	for (i = 0; i < n; i++) {
		if (!isfinite(v[i]) || (log && v[i] <= 0.0))
			continue;
		if (v[i] < *lo)
			*lo = v[i];
		if (v[i] > *hi)
			*hi = v[i];
	}
}

int
axis_pad(double *lo, double *hi, int log)
{
	double a, b, pad;

	if (!(*lo <= *hi) || !isfinite(*lo) || !isfinite(*hi))
		return -1;
	if (log) {
		if (*lo <= 0.0)
			return -1;
		a = log10(*lo);
		b = log10(*hi);
		pad = fmax(0.05 * (b - a), 0.05);
		if (b - a < 1e-9)
			pad = 0.5;
		*lo = pow(10.0, a - pad);
		*hi = pow(10.0, b + pad);
		return 0;
	}
	a = *lo;
	b = *hi;
	pad = 0.05 * (b - a);
	if (!(pad > 1e-12 * fmax(fabs(a), fabs(b))) || !isfinite(pad))
		pad = a != 0.0 ? 0.1 * fabs(a) : 1.0;
	*lo = a - pad;
	*hi = b + pad;
	/* A span too large for a double (e.g. -1e308..1e308) cannot be shown. */
	if (!isfinite(*lo) || !isfinite(*hi) || !isfinite(*hi - *lo))
		return -1;
	return 0;
}

int
axis_clip_segment(double xmin, double ymin, double xmax, double ymax,
    double *x0, double *y0, double *x1, double *y1)
{
	double dx = *x1 - *x0, dy = *y1 - *y0;
	double p[4], q[4], t0 = 0.0, t1 = 1.0;
	int i;

	if (!isfinite(dx) || !isfinite(dy))
		return 0;
	p[0] = -dx; q[0] = *x0 - xmin;
	p[1] = dx;  q[1] = xmax - *x0;
	p[2] = -dy; q[2] = *y0 - ymin;
	p[3] = dy;  q[3] = ymax - *y0;
	for (i = 0; i < 4; i++) {
		if (p[i] == 0.0) {
			if (q[i] < 0.0)
				return 0;
			continue;
		}
		double r = q[i] / p[i];

		if (p[i] < 0.0) {
			if (r > t1)
				return 0;
			if (r > t0)
				t0 = r;
		} else {
			if (r < t0)
				return 0;
			if (r < t1)
				t1 = r;
		}
	}
	*x1 = *x0 + t1 * dx;
	*y1 = *y0 + t1 * dy;
	*x0 = *x0 + t0 * dx;
	*y0 = *y0 + t0 * dy;
	return 1;
}
