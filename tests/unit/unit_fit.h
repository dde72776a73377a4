/* unit_fit.h: a fit that must succeed, for the fit tests. */
#ifndef SX_UNIT_FIT_H
#define SX_UNIT_FIT_H

#include <math.h>

#include <gsl/gsl_randist.h>
#include <gsl/gsl_rng.h>

#include "scaling/fit.h"
#include "tests/unit/unit.h"

/* n rows of plc, L = 1.7 + (5e4/x)^0.3 over x in 1e6..1e10, with log-normal
 * noise of the given size (mt19937, seed), and weights 1, 2, 3 in turn. */
static inline void
unit_plc_rows(double *x, double *y, double *w, size_t n, double noise,
    unsigned long seed)
{
	gsl_rng *rng = gsl_rng_alloc(gsl_rng_mt19937);

	gsl_rng_set(rng, seed);
	for (size_t i = 0; i < n; i++) {
		x[i] = exp(log(1e6) + log(1e4) * (double)i / (double)(n - 1));
		y[i] = (1.7 + pow(5e4 / x[i], 0.3)) *
		    exp(noise * gsl_ran_gaussian(rng, 1.0));
		w[i] = (double)(1 + i % 3);
	}
	gsl_rng_free(rng);
}

/* fit_run of m to (x, y), failing the test with the error when it fails. */
static inline void
unit_fit_ok(const sx_model *m, const double *const *x, const double *y,
    size_t n, const sx_fit_opts *o, sx_fit_result *r)
{
	sx_err e;

	err_clear(&e);
	ck_assert_msg(fit_run(m, x, y, n, o, r, &e) == 0, "%s", e.msg);
}

#endif
