/* law_taskerr.c: a downstream task's error as a law of the loss (Gadre et
 * al. 2024), for chaining to a loss law (predict --through). */
#include "config.h"

#include <math.h>
#include <stdlib.h>

#include "base/xalloc.h"
#include "scaling/model_impl.h"

/*
 * Err(L) = eps - k*exp(-gamma*L) (Gadre et al. 2024): parameters eps (the error of a model at
 * chance), k and gamma (both > 0). The error falls from eps as the loss L
 * falls. With log set, log Err (a fit in log space): -1 where Err <= 0.
 */
int
taskerr_eval(const sx_model *m, const double *const *x, size_t n,
    const double *p, int lg, double *f, double *J)
{
	double eps = p[0], k = p[1], gamma = p[2];
	int rc = 0;

	for (size_t i = 0; i < n; i++) {
		double L = x[0][i], e = exp(-gamma * L), v = eps - k * e;
		double s = lg ? 1.0 / v : 1.0;

		if (!isfinite(v) || (lg && !(v > 0.0))) {
			f[i] = NAN;
			rc = -1;
			continue;
		}
		f[i] = lg ? log(v) : v;
		if (J != NULL) {
			J[i * m->np + 0] = s;
			J[i * m->np + 1] = -e * s;
			J[i * m->np + 2] = k * L * e * s;
		}
	}
	return rc;
}

/*
 * eps a little above the largest error; then log(eps - Err) = log k -
 * gamma*L is a line in L, fitted by least squares.
 */
int
taskerr_guess(const sx_model *m, const double *const *x, const double *y,
    size_t n, double *p)
{
	double ymax = -INFINITY, ymin = INFINITY, sx = 0, sy = 0, sxx = 0,
	    sxy = 0, eps, det;

	(void)m;
	for (size_t i = 0; i < n; i++) {
		ymax = fmax(ymax, y[i]);
		ymin = fmin(ymin, y[i]);
	}
	if (n < 3 || !(ymax > ymin))
		return -1;
	eps = ymax + 0.05 * (ymax - ymin);
	for (size_t i = 0; i < n; i++) {
		double t = log(eps - y[i]);

		sx += x[0][i];
		sy += t;
		sxx += x[0][i] * x[0][i];
		sxy += x[0][i] * t;
	}
	det = (double)n * sxx - sx * sx;
	if (!(fabs(det) > 0.0))
		return -1;
	p[2] = -((double)n * sxy - sx * sy) / det;
	p[1] = exp((sy + p[2] * sx) / (double)n);
	p[0] = eps;
	return p[1] > 0.0 && p[2] > 0.0 && isfinite(p[1]) ? 0 : -1;
}
