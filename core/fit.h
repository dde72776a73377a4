/* fit.h: nonlinear least squares of a model to data (GSL multifit_nlinear). */
#ifndef SX_FIT_H
#define SX_FIT_H

#include <stddef.h>

#include "core/err.h"
#include "core/model.h"

enum sx_space { SX_SPACE_LINEAR = 0, SX_SPACE_LOG = 1 };

typedef struct sx_fit_opts {
	enum sx_space space;
	const double *init;          /* np values or NULL; NAN = automatic */
	const unsigned char *fixed;  /* np flags or NULL: held at init[] */
	int max_iter;                /* 0 = default (200) */
} sx_fit_opts;

typedef struct sx_fit_result {
	size_t np;
	size_t n;
	double *p;          /* np fitted values */
	double *se;         /* np standard errors; NaN for fixed ones */
	double *cov;        /* np x np covariance (0 rows/cols for fixed) */
	double rmse;        /* of residuals in the fit's space */
	double r2;          /* in the fit's space */
	double chisq;       /* sum of squared residuals */
	int iterations;
	int converged;      /* 1 when a stopping test passed */
	char reason[160];   /* why it stopped, in plain words */
} sx_fit_result;

/*
 * Fit model m to y over n points, x[k] the column for input k. Residuals
 * are y - L (linear) or log y - log L (log; y must be > 0). Fills res
 * (free with fit_result_free) and returns 0 when the fit produced finite
 * parameters, converged or not (res->converged and res->reason say which);
 * returns -1 with err set, res untouched, when it could not fit at all
 * (too few points, bad data, no finite start).
 */
int fit_run(const sx_model *m, const double *const *x, const double *y,
    size_t n, const sx_fit_opts *opts, sx_fit_result *res, sx_err *err);
void fit_result_free(sx_fit_result *res);
/* Deep copy. */
void fit_result_copy(sx_fit_result *dst, const sx_fit_result *src);

#endif
