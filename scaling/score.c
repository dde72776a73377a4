/* score.c: the statistics of a law at given parameters, without fitting. */
#include "config.h"

#include <math.h>
#include <stdlib.h>

#include "base/xalloc.h"
#include "scaling/fit.h"

/* See fit.h. */
int
fit_score(const sx_model *m, const double *const *x, const double *y,
    const double *w, size_t n, const unsigned char *held, enum sx_space space,
    sx_fit_result *res, sx_err *err)
{
	int lg = space == SX_SPACE_LOG, huber = res->loss == SX_LOSS_HUBER;
	double *g = xmalloc((n + 1) * sizeof *g), tm = 0.0, tss = 0.0;
	double chisq = 0.0, rho = 0.0, wsum = 0.0;
	size_t i, used = 0, inside = 0;

	m->eval(m, x, n, res->p, lg, g, NULL);
	for (i = 0; i < n; i++) {
		if (held != NULL && held[i])
			continue;
		if (lg && !(y[i] > 0.0)) {
			free(g);
			return err_set(err, "y is not positive at row %zu", i + 1);
		}
		if (!isfinite(g[i])) {
			free(g);
			return err_set(err, lg ? "the law is not positive at row %zu "
			    "at these values (a log-space fit needs L > 0)" : "the law "
			    "is not finite at row %zu at these values", i + 1);
		}
		tm += (w != NULL ? w[i] : 1.0) * (lg ? log(y[i]) : y[i]);
		wsum += w != NULL ? w[i] : 1.0;
		used++;
	}
	if (used == 0) {
		free(g);
		return err_set(err, "no row to score");
	}
	tm /= wsum;
	for (i = 0; i < n; i++) {
		double t = lg ? log(y[i]) : y[i], e = t - g[i];
		double wi = w != NULL ? w[i] : 1.0;

		if (held != NULL && held[i])
			continue;
		chisq += wi * e * e;
		tss += wi * (t - tm) * (t - tm);
		if (huber) {
			rho += wi * fit_huber_rho(e, res->delta);
			inside += fabs(e) <= res->delta;
		}
	}
	free(g);
	res->chisq = chisq;
	res->rmse = sqrt(chisq / wsum);
	res->r2 = tss > 0.0 ? 1.0 - chisq / tss : NAN;
	res->objective = huber ? rho : 0.5 * chisq;
	res->inside = inside;
	if (held != NULL && res->holdout != NULL)
		fit_score_holdout(m, x, y, n, held, res);
	return 0;
}

/* See fit.h. */
void
fit_score_holdout(const sx_model *m, const double *const *x,
    const double *y, size_t n, const unsigned char *held, sx_fit_result *res)
{
	double *f = xmalloc((n + 1) * sizeof *f), s2 = 0.0, mx = 0.0;
	size_t i, nh = 0;

	if (m->eval(m, x, n, res->p, 0, f, NULL) != 0) {
		/* Some prediction is not finite: report it as such. */
		for (i = 0; i < n; i++)
			if (!isfinite(f[i]))
				f[i] = INFINITY;
	}
	for (i = 0; i < n; i++) {
		double e;

		if (!held[i])
			continue;
		e = y[i] > 0.0 && f[i] > 0.0 ? log(y[i]) - log(f[i]) : NAN;
		s2 += e * e;
		mx = fmax(mx, fabs(y[i] - f[i]));
		if (isnan(y[i] - f[i]))
			mx = NAN;
		nh++;
	}
	free(f);
	res->ho_n = nh;
	res->ho_rmse_log = sqrt(s2 / (double)nh);
	res->ho_maxabs = mx;
}
