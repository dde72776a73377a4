/* interval_chain.c: a downstream law predicted through an upstream one
 * (Gadre et al. 2024: a task's error as a law of the loss, the loss a law
 * of N and D), the interval carried through both fits. */
#include "config.h"

#include <math.h>

#include <gsl/gsl_cdf.h>

#include "scaling/interval.h"

/* What the fit's space holds at input v: L or log L; NaN when not finite. */
static double
chain_f(const sx_model *m, const double *p, enum sx_space space, double v)
{
	const double *xs[1] = { &v };
	double f;

	if (m->eval(m, xs, 1, p, space == SX_SPACE_LOG, &f, NULL) != 0)
		return NAN;
	return f;
}

int
interval_chain(const sx_model *m, const sx_fit_result *r, enum sx_space space,
    const sx_prediction *up, double level, enum sx_interval_kind kind,
    sx_prediction *out, sx_err *err)
{
	double v = up->y, var_up, h, fp, fm, f, d, var, half;
	/* The upstream spread in its own units: a new run's noise with it
	 * when the prediction is for a new run. */
	double s_up = kind == SX_INTERVAL_PREDICTION ? up->scale : 0.0;

	if (m->nin != 1)
		return err_set(err, "the downstream law must have one input (the "
		    "upstream fit's y), not %zu", m->nin);
	if (interval_predict(m, r, space, &v, level, kind, out, err) != 0)
		return -1;
	var_up = up->se * up->se + s_up * s_up;
	if (up->space == SX_SPACE_LOG)
		var_up *= v * v;    /* var of log y to var of y: (dy/dlog y)^2 */
	/* d f / d v by central differences, h relative to v. */
	h = 1e-5 * fmax(fabs(v), 1e-300);
	fp = chain_f(m, r->p, space, v + h);
	fm = chain_f(m, r->p, space, v - h);
	f = chain_f(m, r->p, space, v);
	if (!isfinite(fp) || !isfinite(fm) || !isfinite(f))
		return err_set(err, "the downstream law is not finite around %g",
		    v);
	d = (fp - fm) / (2.0 * h);
	/* Independent fits: the two variances add. */
	var = out->se * out->se + d * d * var_up;
	out->se = sqrt(var);
	/* The fewer residual degrees of freedom of the two set the quantile. */
	out->dof = fmin(out->dof, up->dof);
	out->q = gsl_cdf_tdist_Pinv(0.5 * (1.0 + level), out->dof);
	half = out->q * sqrt(var + (kind == SX_INTERVAL_PREDICTION ?
	    out->scale * out->scale : 0.0));
	out->lo = space == SX_SPACE_LOG ? exp(f - half) : f - half;
	out->hi = space == SX_SPACE_LOG ? exp(f + half) : f + half;
	/* The replicates know only the downstream fit's spread. */
	out->nboot = 0;
	out->boot_lo = out->boot_hi = NAN;
	return 0;
}
