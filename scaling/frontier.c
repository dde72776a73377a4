/* frontier.c: compute-optimal N_opt(C), D_opt(C) of a law, and the
 * intervals of its exponents from bootstrap replicates. */
#include "config.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include <gsl/gsl_errno.h>
#include <gsl/gsl_min.h>
#include <gsl/gsl_roots.h>

#include "base/fmt.h"
#include "base/xalloc.h"
#include "scaling/columns.h"
#include "scaling/frontier.h"
#include "scaling/quantile.h"

/* Points of the bracketing scan over log N. */
#define SCAN_POINTS 241
/* Step of the derivative used to polish the minimum, in log N. */
#define DERIV_STEP 1e-2

/*
 * Indices of the N and D inputs of m; -1 when m is not a law of N and D.
 */
int
frontier_nd_inputs(const sx_model *m, int *in_n, int *in_d, sx_err *err)
{
	int n = -1, d = -1;

	if (m == NULL)
		return err_set(err, "frontier: no law");
	for (size_t i = 0; i < m->nin; i++) {
		const char *c = column_canonical(m->inputs[i]);

		if (c == NULL)
			c = m->inputs[i];
		if (strcmp(c, "N") == 0 && n < 0)
			n = (int)i;
		else if (strcmp(c, "D") == 0 && d < 0)
			d = (int)i;
	}
	if (m->nin != 2 || n < 0 || d < 0)
		return err_set(err, "%s is not a law of N and D (its inputs: %s%s%s); "
		    "a compute-optimal frontier needs L(N, D)", m->name,
		    m->nin > 0 ? m->inputs[0] : "none", m->nin > 1 ? ", " : "",
		    m->nin > 1 ? m->inputs[1] : "");
	*in_n = n;
	*in_d = d;
	return 0;
}

/*
 * Indices of the N and D inputs of m and, for a law of N, D and U (unique
 * tokens, Muennighoff et al. 2023), of U (else -1); U > 0 says a limit on
 * unique data is given, NaN that none is. -1 with err set when m is not a
 * law of N and D, or of N, D and U, or when U and the law disagree.
 */
int
frontier_u_input(const sx_model *m)
{
	for (size_t i = 0; m != NULL && m->nin == 3 && i < 3; i++) {
		const char *c = column_canonical(m->inputs[i]);

		if (strcmp(c != NULL ? c : m->inputs[i], "U") == 0)
			return (int)i;
	}
	return -1;
}

int
frontier_ndu_inputs(const sx_model *m, double U, int *in_n, int *in_d,
    int *in_u, sx_err *err)
{
	int u = frontier_u_input(m);

	if (m != NULL && m->nin == 3) {
		if (u >= 0) {
			sx_model two = *m;
			char *in2[2];
			size_t k = 0;

			for (size_t i = 0; i < 3; i++)
				if ((int)i != u)
					in2[k++] = m->inputs[i];
			two.nin = 2;
			two.inputs = in2;
			if (frontier_nd_inputs(&two, in_n, in_d, err) != 0)
				return -1;
			*in_n += *in_n >= u;
			*in_d += *in_d >= u;
		}
	}
	if (u < 0) {
		if (frontier_nd_inputs(m, in_n, in_d, err) != 0)
			return -1;
		if (!isnan(U))
			return err_set(err, "%s has no input U: a limit on unique "
			    "tokens needs a law of N, D and U (such as datacon)",
			    m->name);
	} else if (isnan(U))
		return err_set(err, "%s is a law of N, D and U: its frontier "
		    "needs the unique tokens U available (--unique U)", m->name);
	else if (!(U > 0.0) || !isfinite(U))
		return err_set(err, "unique tokens U = %g: it must be > 0 and "
		    "finite", U);
	*in_u = u;
	return 0;
}

/* A budget and a k that give a finite positive C/k. */
static int
frontier_check_budget(double k, double C, sx_err *err)
{
	if (!(C > 0.0) || !isfinite(C))
		return err_set(err, "compute C = %g: it must be > 0 and finite", C);
	if (!(k > 0.0) || !isfinite(k))
		return err_set(err, "k = %g in C = k*N*D: it must be > 0", k);
	if (!(C / k > 0.0) || !isfinite(C / k))
		return err_set(err, "C/k = %g/%g is out of range", C, k);
	return 0;
}

/*
 * Chinchilla's closed-form optimum at C; -1 for non-positive scales or C.
 */
int
frontier_closed(const double *p, double k, double C, sx_frontier_pt *pt,
    sx_err *err)
{
	double A = p[1], al = p[2], B = p[3], be = p[4], s = al + be, lg, lck;

	if (frontier_check_budget(k, C, err) != 0)
		return -1;
	if (!(A > 0.0) || !(B > 0.0) || !(al > 0.0) || !(be > 0.0) ||
	    !isfinite(A + B + al + be + p[0]))
		return err_set(err, "the closed form needs A, B, alpha, beta > 0 "
		    "(A=%g alpha=%g B=%g beta=%g): otherwise L has no minimum "
		    "along C = k*N*D", A, al, B, be);
	/* In logs: log G = (log(alpha*A) - log(beta*B)) / (alpha + beta). */
	lg = (log(al) + log(A) - log(be) - log(B)) / s;
	lck = log(C / k);
	pt->C = C;
	pt->flat = 0;
	pt->N_opt = exp(lg + be / s * lck);
	pt->D_opt = exp(-lg + al / s * lck);
	pt->L_opt = p[0] + exp(log(A) - al * log(pt->N_opt)) +
	    exp(log(B) - be * log(pt->D_opt));
	if (!isfinite(pt->N_opt) || !isfinite(pt->D_opt) || !isfinite(pt->L_opt))
		return err_set(err, "N_opt or D_opt overflows at C = %g", C);
	return 0;
}

/* What the 1-D objective needs: the law and the budget in logs. */
typedef struct nd_ctx {
	const sx_model *m;
	const double *p;
	int in_n, in_d, in_u;  /* in_u: -1 for a law of N and D only */
	double lck;        /* log(C/k) */
	double U;          /* unique tokens, held fixed (in_u >= 0) */
} nd_ctx;

/* L at N = exp(u), D = exp(lck - u) for n values of u; f[i] = +inf where
 * it is not finite. */
static void
nd_eval(const nd_ctx *c, const double *u, size_t n, double *f)
{
	double *nv = xmalloc(3 * n * sizeof *nv), *dv = nv + n, *uv = dv + n;
	const double *x[3];

	for (size_t i = 0; i < n; i++) {
		nv[i] = exp(u[i]);
		dv[i] = exp(c->lck - u[i]);
		uv[i] = c->U;
	}
	x[c->in_n] = nv;
	x[c->in_d] = dv;
	if (c->in_u >= 0)
		x[c->in_u] = uv;
	(void)c->m->eval(c->m, x, n, c->p, 0, f, NULL);
	for (size_t i = 0; i < n; i++)
		if (!isfinite(f[i]))
			f[i] = INFINITY;
	free(nv);
}

static double
nd_f(double u, void *arg)
{
	double f;

	nd_eval(arg, &u, 1, &f);
	return f;
}

/*
 * dL/du by central differences with one Richardson step: O(h^4) error,
 * rounding error ~ eps*L/h. The minimum found by comparing values of L is
 * only good to ~sqrt(eps*L/L'') in u (1e-7 for Chinchilla at 1e26 FLOP);
 * the root of the derivative is good to ~eps*L/(h*L'').
 */
static double
nd_df(double u, void *arg)
{
	const double h = DERIV_STEP;
	double uu[4] = { u - h, u + h, u - h / 2, u + h / 2 }, f[4];
	double d1, d2;

	nd_eval(arg, uu, 4, f);
	d1 = (f[1] - f[0]) / (2 * h);
	d2 = (f[3] - f[2]) / h;
	return (4 * d2 - d1) / 3;
}

/* Polish u to the root of dL/du near it; keeps u when no sign change is
 * found within a few steps of it. */
static double
nd_polish(nd_ctx *c, double u)
{
	gsl_root_fsolver *s;
	gsl_function fn = { nd_df, c };
	double d = 1e-4, lo = 0, hi = 0, glo = 0, ghi = 0;
	int k, found = 0;

	for (k = 0; k < 10 && !found; k++, d *= 4) {
		lo = u - d;
		hi = u + d;
		glo = nd_df(lo, c);
		ghi = nd_df(hi, c);
		found = isfinite(glo) && isfinite(ghi) && glo < 0 && ghi > 0;
	}
	if (!found)
		return u;
	s = gsl_root_fsolver_alloc(gsl_root_fsolver_brent);
	if (gsl_root_fsolver_set(s, &fn, lo, hi) == GSL_SUCCESS) {
		for (k = 0; k < 200; k++) {
			if (gsl_root_fsolver_iterate(s) != GSL_SUCCESS)
				break;
			u = gsl_root_fsolver_root(s);
			if (gsl_root_test_interval(gsl_root_fsolver_x_lower(s),
			    gsl_root_fsolver_x_upper(s), 1e-13, 0) == GSL_SUCCESS)
				break;
		}
	}
	gsl_root_fsolver_free(s);
	return u;
}

/*
 * Numeric optimum at C (scan, gsl_min Brent, derivative polish); -1
 * when L has no interior minimum along C = k*N*D or is not finite.
 */
int
frontier_numeric(const sx_model *m, const double *p, double k, double C,
    sx_frontier_pt *pt, sx_err *err)
{
	return frontier_numeric_u(m, p, k, C, NAN, pt, err);
}

/* frontier_numeric with the U input (if any) held at U. */
int
frontier_numeric_u(const sx_model *m, const double *p, double k, double C,
    double U, sx_frontier_pt *pt, sx_err *err)
{
	nd_ctx c;
	double u[SCAN_POINTS], f[SCAN_POINTS], uc, w, um, fm;
	size_t i, best = 0;
	gsl_min_fminimizer *s;
	gsl_function fn;
	gsl_error_handler_t *old;
	int it;

	if (frontier_ndu_inputs(m, U, &c.in_n, &c.in_d, &c.in_u, err) != 0 ||
	    frontier_check_budget(k, C, err) != 0)
		return -1;
	c.U = U;
	c.m = m;
	c.p = p;
	c.lck = log(C / k);
	/* Centred on N = D = sqrt(C/k), reaching 1e-11 of it on either side
	 * (and at least 25 e-folds past N = 1 and D = 1). */
	uc = 0.5 * c.lck;
	w = 0.5 * fabs(c.lck) + 25.0;
	for (i = 0; i < SCAN_POINTS; i++)
		u[i] = uc - w + 2 * w * (double)i / (SCAN_POINTS - 1);
	nd_eval(&c, u, SCAN_POINTS, f);
	for (i = 1; i < SCAN_POINTS; i++)
		if (f[i] < f[best])
			best = i;
	if (f[best] == INFINITY)
		return err_set(err, "%s is not finite anywhere along C = %g "
		    "(N from %.3g to %.3g)", m->name, C, exp(u[0]),
		    exp(u[SCAN_POINTS - 1]));
	/* Flat to rounding around the lowest value but bounded by higher ones
	 * (a data-constrained law far past its unique data: more compute buys
	 * nothing there): the middle of the flat stretch, flagged. */
	if (best > 0 && best < SCAN_POINTS - 1 && !(f[best + 1] > f[best])) {
		size_t hi = best;

		while (hi + 1 < SCAN_POINTS && !(f[hi + 1] > f[best]))
			hi++;
		if (hi + 1 < SCAN_POINTS && f[best - 1] > f[best]) {
			um = 0.5 * (u[best] + u[hi]);
			pt->C = C;
			pt->N_opt = exp(um);
			pt->D_opt = exp(c.lck - um);
			pt->L_opt = nd_f(um, &c);
			pt->flat = 1;
			return 0;
		}
	}
	if (best == 0 || best == SCAN_POINTS - 1 || !(f[best - 1] > f[best]) ||
	    !(f[best + 1] > f[best]))
		return err_set(err, "%s has no minimum in N along C = %g: it %s "
		    "(a law must fall with both N and D for a compute-optimal "
		    "allocation)", m->name, C, best == 0 ?
		    "keeps falling as N shrinks" : best == SCAN_POINTS - 1 ?
		    "keeps falling as N grows" : "is flat there");

	old = gsl_set_error_handler_off();
	fn.function = nd_f;
	fn.params = &c;
	s = gsl_min_fminimizer_alloc(gsl_min_fminimizer_brent);
	um = u[best];
	if (gsl_min_fminimizer_set_with_values(s, &fn, u[best], f[best],
	    u[best - 1], f[best - 1], u[best + 1], f[best + 1]) == GSL_SUCCESS) {
		for (it = 0; it < 200; it++) {
			if (gsl_min_fminimizer_iterate(s) != GSL_SUCCESS)
				break;
			um = gsl_min_fminimizer_x_minimum(s);
			if (gsl_min_test_interval(gsl_min_fminimizer_x_lower(s),
			    gsl_min_fminimizer_x_upper(s), 1e-9, 0) == GSL_SUCCESS)
				break;
		}
	}
	gsl_min_fminimizer_free(s);
	/* The polish assumes L is smooth; at a kink of its curvature (the
	 * data-constrained law's N = U_N) the difference quotient is biased,
	 * so the polished point is kept only when L is no higher there (to
	 * rounding: 1e-13 relative, where the two differ only in the last
	 * digits for a smooth law). */
	fm = nd_f(um, &c);
	{
		double up = nd_polish(&c, um), fp = nd_f(up, &c);

		if (fp <= fm + 1e-13 * fabs(fm)) {
			um = up;
			fm = fp;
		}
	}
	gsl_set_error_handler(old);

	if (!isfinite(fm))
		return err_set(err, "%s: the minimum along C = %g is not finite",
		    m->name, C);
	pt->C = C;
	pt->N_opt = exp(um);
	pt->D_opt = exp(c.lck - um);
	pt->L_opt = fm;
	pt->flat = 0;
	return 0;
}

/*
 * The closed form for a law with the roles of E + A/N^alpha + B/D^beta,
 * numeric otherwise.
 */
int
frontier_point(const sx_model *m, const double *p, double k, double C,
    sx_frontier_pt *pt, int *closed, sx_err *err)
{
	return frontier_point_u(m, p, k, C, NAN, pt, closed, err);
}

/* frontier_point under a limit U on unique tokens (NaN: none). */
int
frontier_point_u(const sx_model *m, const double *p, double k, double C,
    double U, sx_frontier_pt *pt, int *closed, sx_err *err)
{
	const sx_roles *r = m != NULL && isnan(U) ? m->roles : NULL;

	if (closed != NULL)
		*closed = r != NULL;
	if (r != NULL) {
		const double q[5] = { p[r->E], p[r->A], p[r->alpha], p[r->B],
		    p[r->beta] };

		return frontier_closed(q, k, C, pt, err);
	}
	return frontier_numeric_u(m, p, k, C, U, pt, err);
}

/*
 * Least squares of log y on log x; -1 for fewer than 2 points,
 * non-positive values or a single x.
 */
int
frontier_loglog_fit(const double *x, const double *y, size_t n,
    double *slope, double *coef, double *se, sx_err *err)
{
	double mx = 0, my = 0, sxx = 0, sxy = 0, sse = 0, b, c0;

	if (n < 2)
		return err_set(err, "a power-law fit needs at least 2 points, "
		    "not %zu", n);
	for (size_t i = 0; i < n; i++) {
		if (!(x[i] > 0.0) || !(y[i] > 0.0) || !isfinite(x[i]) ||
		    !isfinite(y[i]))
			return err_set(err, "a power-law fit needs positive values "
			    "(point %zu: %g, %g)", i + 1, x[i], y[i]);
		mx += log(x[i]);
		my += log(y[i]);
	}
	mx /= (double)n;
	my /= (double)n;
	for (size_t i = 0; i < n; i++) {
		double dx = log(x[i]) - mx;

		sxx += dx * dx;
		sxy += dx * (log(y[i]) - my);
	}
	if (!(sxx > 0.0))
		return err_set(err, "a power-law fit needs at least 2 distinct "
		    "budgets");
	b = sxy / sxx;
	c0 = my - b * mx;
	for (size_t i = 0; i < n; i++) {
		double r = log(y[i]) - c0 - b * log(x[i]);

		sse += r * r;
	}
	*slope = b;
	*coef = exp(c0);
	if (se != NULL)
		*se = n > 2 ? sqrt(sse / (double)(n - 2) / sxx) : NAN;
	return 0;
}

/*
 * The frontier over a log-spaced range with exponents a, b; -1 on a bad
 * range or when a point fails.
 */
int
frontier_run(const sx_model *m, const double *p, double k, double c_lo,
    double c_hi, size_t npoints, sx_frontier *f, sx_err *err)
{
	return frontier_run_u(m, p, k, c_lo, c_hi, npoints, NAN, f, err);
}

/* frontier_run under a limit U on unique tokens (NaN: none). */
int
frontier_run_u(const sx_model *m, const double *p, double k, double c_lo,
    double c_hi, size_t npoints, double U, sx_frontier *f, sx_err *err)
{
	double *cv, *nv, *dv, coef;
	sx_frontier r;
	size_t i;

	if (!(c_lo > 0.0) || !isfinite(c_lo) || !isfinite(c_hi))
		return err_set(err, "compute range %g..%g: C must be > 0 and "
		    "finite", c_lo, c_hi);
	if (c_hi < c_lo)
		return err_set(err, "compute range %g..%g runs backwards", c_lo,
		    c_hi);
	if (npoints == 0 || npoints > 100000)
		return err_set(err, "points: %zu (1 to 100000)", npoints);
	if (npoints == 1 && c_hi != c_lo)
		return err_set(err, "one point needs a single budget (LO = HI)");
	memset(&r, 0, sizeof r);
	r.k = k;
	r.U = U;
	r.n = npoints;
	r.pt = xcalloc(npoints, sizeof *r.pt);
	for (i = 0; i < npoints; i++) {
		double t = npoints > 1 ? (double)i / (double)(npoints - 1) : 0.0;
		double c = pow(10.0, log10(c_lo) + t * (log10(c_hi) -
		    log10(c_lo)));

		if (i == 0)
			c = c_lo;
		else if (i == npoints - 1)
			c = c_hi;
		if (frontier_point_u(m, p, k, c, U, &r.pt[i], &r.closed,
		    err) != 0) {
			free(r.pt);
			return -1;
		}
	}
	r.a = r.b = NAN;
	if (npoints > 1 && c_hi > c_lo) {
		cv = xmalloc(3 * npoints * sizeof *cv);
		nv = cv + npoints;
		dv = nv + npoints;
		for (i = 0; i < npoints; i++) {
			cv[i] = r.pt[i].C;
			nv[i] = r.pt[i].N_opt;
			dv[i] = r.pt[i].D_opt;
		}
		if (frontier_loglog_fit(cv, nv, npoints, &r.a, &coef, NULL,
		    err) != 0 || frontier_loglog_fit(cv, dv, npoints, &r.b,
		    &coef, NULL, err) != 0) {
			free(cv);
			free(r.pt);
			return -1;
		}
		free(cv);
	}
	*f = r;
	return 0;
}

/*
 * Release a frontier filled by frontier_run (NULL is allowed).
 */
void
frontier_free(sx_frontier *f)
{
	if (f == NULL)
		return;
	free(f->pt);
	f->pt = NULL;
	f->n = 0;
}

int
frontier_boot_ci(const sx_model *m, const double *boot, size_t nboot,
    double k, double c_lo, double c_hi, size_t npoints, double U,
    double level, double ci[4], sx_err *err)
{
	double *a = xmalloc(2 * (nboot + 1) * sizeof *a), *b = a + nboot + 1;
	size_t n = 0;

	for (size_t r = 0; r < nboot; r++) {
		sx_frontier f;

		if (frontier_run_u(m, boot + r * m->np, k, c_lo, c_hi, npoints,
		    U, &f, NULL) != 0)
			continue;
		if (isfinite(f.a) && isfinite(f.b)) {
			a[n] = f.a;
			b[n] = f.b;
			n++;
		}
		frontier_free(&f);
	}
	if (n < 2) {
		free(a);
		return err_set(err, "frontier: too few bootstrap replicates with a "
		    "frontier (%zu of %zu)", n, nboot);
	}
	quantile_interval(a, n, level, &ci[0], &ci[1]);
	quantile_interval(b, n, level, &ci[2], &ci[3]);
	free(a);
	return 0;
}
