/* axis.h: mapping data values to sub-pixel positions, linear or log10. */
#ifndef SX_AXIS_H
#define SX_AXIS_H

#include <stddef.h>

#include "plots/perr.h"

/*
 * An axis maps the data range lo..hi (lo < hi; both > 0 on a log axis) onto
 * the sub-pixel positions p0..p1 (p1 < p0 is allowed: y grows downwards).
 */
typedef struct px_axis {
	double lo, hi;		/* data range */
	int log;		/* log10 scale */
	double p0, p1;		/* sub-pixel positions of lo and hi */
	double f0, f1;		/* lo and hi after the transform */
} px_axis;

/* Set up an axis. Returns -1 with a message ("range 0..10 is not positive
 * on a log scale") when the range is not finite, empty, or not positive on
 * a log axis. */
int axis_init(px_axis *a, double lo, double hi, int log, double p0, double p1,
    px_err *e);

/* Sub-pixel position of v; NaN when v is not finite or not positive on a
 * log axis (callers skip such points). Values outside lo..hi map outside
 * p0..p1. */
double axis_map(const px_axis *a, double v);

/* Data value at sub-pixel position p (the inverse of axis_map). */
double axis_unmap(const px_axis *a, double p);

/* Fold the usable values of v[0..n-1] (finite; positive on a log axis)
 * into the running range *lo..*hi (start with lo = +Inf, hi = -Inf). */
void axis_extend(double *lo, double *hi, const double *v, size_t n, int log);

/* Pad a data range for display: 5% of the span on each side (in decades
 * on a log axis, at least 0.05 decade); a single value gets a range around
 * it. Returns -1 when the range is empty (lo > hi, nothing to show). */
int axis_pad(double *lo, double *hi, int log);

/* Liang-Barsky: clip the segment (x0, y0)-(x1, y1) to the rectangle
 * xmin..xmax x ymin..ymax, moving its ends in; 0 if nothing is left (or
 * it is not finite). */
int axis_clip_segment(double xmin, double ymin, double xmax, double ymax,
    double *x0, double *y0, double *x1, double *y1);

#endif
