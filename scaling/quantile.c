/* quantile.c: percentile intervals, shared by the fit's bootstrap and the
 * frontier exponents' intervals. */
#include "config.h"

#include <math.h>
#include <stdlib.h>

#include "scaling/quantile.h"

static int
cmp_double(const void *a, const void *b)
{
	double x = *(const double *)a, y = *(const double *)b;

	return (x > y) - (x < y);
}

/* The q-quantile (0 <= q <= 1) of sorted v[0..n-1]. */
static double
quantile_sorted(const double *v, size_t n, double q)
{
	double h = q * (double)(n - 1);
	size_t lo = (size_t)floor(h);

	if (lo + 1 >= n)
		return v[n - 1];
	return v[lo] + (h - (double)lo) * (v[lo + 1] - v[lo]);
}

void
quantile_interval(double *v, size_t n, double level, double *lo, double *hi)
{
	qsort(v, n, sizeof *v, cmp_double);
	*lo = quantile_sorted(v, n, 0.5 * (1.0 - level));
	*hi = quantile_sorted(v, n, 0.5 * (1.0 + level));
}
