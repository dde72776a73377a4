/* holdout.c: fit on some rows, score the law on the rows held out. */
#include "config.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "core/fit.h"
#include "core/xalloc.h"

/*
 * See fit.h. The scores: RMSE over held rows of log y - log L (NaN when
 * some y or L there is not positive) and max |y - L|.
 */
int
fit_holdout(const sx_model *m, const double *const *x, const double *y,
    size_t n, const unsigned char *held, const char *rule,
    const sx_fit_opts *opts, sx_fit_result *res, sx_err *err)
{
	size_t nin, nh = 0, nk, i, k, a = 0, b = 0, nf = 0;
	double *xk, *yk, *xh, *yh, *f, s2 = 0.0, mx = 0.0;
	const double **xsk, **xsh;
	sx_fit_result r;
	int rc = -1;

	if (m == NULL || held == NULL)
		return err_set(err, "hold-out: missing model or rule");
	for (i = 0; i < n; i++)
		nh += held[i] != 0;
	nk = n - nh;
	for (k = 0; k < m->np; k++)
		if (opts == NULL || opts->fixed == NULL || !opts->fixed[k])
			nf++;
	if (nh == 0)
		return err_set(err, "hold-out '%s' holds out no row", rule);
	if (nk < nf + 1)
		return err_set(err, "hold-out '%s' leaves %zu row%s to fit %zu "
		    "free parameter%s (need at least %zu)", rule, nk,
		    nk == 1 ? "" : "s", nf, nf == 1 ? "" : "s", nf + 1);
	nin = m->nin;
	xk = xmalloc((nin * nk + 1) * sizeof *xk);
	xh = xmalloc((nin * nh + 1) * sizeof *xh);
	yk = xmalloc((nk + 1) * sizeof *yk);
	yh = xmalloc((nh + 1) * sizeof *yh);
	f = xmalloc((nh + 1) * sizeof *f);
	xsk = xmalloc((nin + 1) * sizeof *xsk);
	xsh = xmalloc((nin + 1) * sizeof *xsh);
	for (i = 0; i < n; i++) {
		if (held[i]) {
			for (k = 0; k < nin; k++)
				xh[k * nh + a] = x[k][i];
			yh[a++] = y[i];
		} else {
			for (k = 0; k < nin; k++)
				xk[k * nk + b] = x[k][i];
			yk[b++] = y[i];
		}
	}
	for (k = 0; k < nin; k++) {
		xsk[k] = xk + k * nk;
		xsh[k] = xh + k * nh;
	}
	if (fit_run(m, xsk, yk, nk, opts, &r, err) != 0)
		goto out;
	if (m->eval(m, xsh, nh, r.p, 0, f, NULL) != 0) {
		/* Some prediction is not finite: report it as such. */
		for (i = 0; i < nh; i++)
			if (!isfinite(f[i]))
				f[i] = INFINITY;
	}
	for (i = 0; i < nh; i++) {
		double e = yh[i] > 0.0 && f[i] > 0.0 ? log(yh[i]) - log(f[i]) : NAN;

		s2 += e * e;
		mx = fmax(mx, fabs(yh[i] - f[i]));
		if (isnan(yh[i] - f[i]))
			mx = NAN;
	}
	r.ho_n = nh;
	r.ho_rmse_log = sqrt(s2 / (double)nh);
	r.ho_maxabs = mx;
	r.holdout = xstrdup(rule);
	*res = r;
	rc = 0;
out:
	free(xk);
	free(xh);
	free(yk);
	free(yh);
	free(f);
	free(xsk);
	free(xsh);
	return rc;
}
