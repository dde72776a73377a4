/* holdout.c: fit on some rows, score the law on the rows held out. */
#include "config.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "base/xalloc.h"
#include "scaling/fit.h"

/* See fit.h; the scores are fit_score_holdout's. */
int
fit_holdout(const sx_model *m, const double *const *x, const double *y,
    size_t n, const unsigned char *held, const char *rule,
    const sx_fit_opts *opts, sx_fit_result *res, sx_err *err)
{
	size_t nin, nh = 0, nk, i, k, b = 0, nf = 0;
	double *xk, *yk, *wk = NULL;
	sx_fit_opts o;
	const double **xsk;
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
	yk = xmalloc((nk + 1) * sizeof *yk);
	xsk = xmalloc((nin + 1) * sizeof *xsk);
	if (opts != NULL)
		o = *opts;
	else
		memset(&o, 0, sizeof o);
	if (o.weights != NULL)
		wk = xmalloc(nk * sizeof *wk);
	for (i = 0; i < n; i++)
		if (!held[i]) {
			for (k = 0; k < nin; k++)
				xk[k * nk + b] = x[k][i];
			if (wk != NULL)
				wk[b] = o.weights[i];
			yk[b++] = y[i];
		}
	o.weights = wk;
	for (k = 0; k < nin; k++)
		xsk[k] = xk + k * nk;
	if (fit_run(m, xsk, yk, nk, &o, &r, err) != 0)
		goto out;
	fit_score_holdout(m, x, y, n, held, &r);
	r.holdout = xstrdup(rule);
	*res = r;
	rc = 0;
out:
	free(xk);
	free(yk);
	free(xsk);
	free(wk);
	return rc;
}
