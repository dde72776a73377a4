/* bootstrap.c: percentile intervals from refits of resampled rows. */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include <gsl/gsl_rng.h>

#include "base/xalloc.h"
#include "scaling/fit.h"
#include "scaling/quantile.h"

/*
 * See fit.h. Each replicate draws n row indices uniformly with
 * replacement and refits from the point estimate res->p with the same
 * loss, space and fixed parameters, one start (starts in basins far from
 * the estimate are not what the interval is about).
 */
int
fit_bootstrap(const sx_model *m, const double *const *x, const double *y,
    size_t n, const sx_fit_opts *opts, size_t K, unsigned long seed,
    double level, sx_fit_result *res, sx_progress_fn progress, void *pctx,
    sx_err *err)
{
	size_t np, nin, i, j, k, got = 0, draws = 0;
	double *xb, *yb, *wb = NULL, *boot, *col, *lo, *hi;
	const double **xs;
	gsl_rng *rng;
	sx_fit_opts o;
	int rc = -1;

	if (m == NULL || res == NULL || res->p == NULL || opts == NULL)
		return err_set(err, "bootstrap: missing model, data or fit");
	if (K == 0)
		return err_set(err, "bootstrap: need at least 1 replicate");
	if (!(level > 0.0 && level < 1.0))
		return err_set(err, "bootstrap: the level must be in (0, 1), not %g",
		    level);
	np = m->np;
	nin = m->nin;
	o = *opts;
	o.starts = NULL;
	o.init = res->p;
	xb = xmalloc((nin + 1) * n * sizeof *xb);
	yb = xmalloc(n * sizeof *yb);
	if (opts->weights != NULL) {
		wb = xmalloc(n * sizeof *wb);
		o.weights = wb;
	}
	xs = xmalloc((nin + 1) * sizeof *xs);
	boot = xmalloc(K * np * sizeof *boot);
	col = xmalloc(K * sizeof *col);
	for (k = 0; k < nin; k++)
		xs[k] = xb + k * n;
	rng = gsl_rng_alloc(gsl_rng_mt19937);
	gsl_rng_set(rng, seed);
	while (got < K) {
		sx_fit_result r;
		sx_err e;

		if (draws++ >= 10 * K) {
			err_set(err, "bootstrap: only %zu of %zu replicates could be "
			    "fitted", got, K);
			goto out;
		}
		for (i = 0; i < n; i++) {
			size_t s = (size_t)gsl_rng_uniform_int(rng, n);

			for (k = 0; k < nin; k++)
				xb[k * n + i] = x[k][s];
			yb[i] = y[s];
			if (wb != NULL)
				wb[i] = opts->weights[s];
		}
		if (fit_run(m, xs, yb, n, &o, &r, &e) != 0)
			continue;
		memcpy(boot + got * np, r.p, np * sizeof *boot);
		fit_result_free(&r);
		got++;
		if (progress != NULL && progress(pctx, got, K) != 0) {
			err_set(err, "cancelled");
			goto out;
		}
	}
	lo = xmalloc(np * sizeof *lo);
	hi = xmalloc(np * sizeof *hi);
	for (j = 0; j < np; j++) {
		for (k = 0; k < K; k++)
			col[k] = boot[k * np + j];
		quantile_interval(col, K, level, &lo[j], &hi[j]);
	}
	free(res->boot);
	free(res->ci_lo);
	free(res->ci_hi);
	res->boot = boot;
	boot = NULL;
	res->nboot = K;
	res->ci_lo = lo;
	res->ci_hi = hi;
	res->ci_level = level;
	res->boot_seed = seed;
	rc = 0;
out:
	gsl_rng_free(rng);
	free(xb);
	free(yb);
	free(wb);
	free(xs);
	free(boot);
	free(col);
	return rc;
}
