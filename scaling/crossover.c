/* crossover.c: Kaplan et al. 2020 section 6.3, the L(C_min) / L(D) crossing. */
#include "config.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include <gsl/gsl_errno.h>
#include <gsl/gsl_roots.h>

#include "base/fmt.h"
#include "base/xalloc.h"
#include "scaling/crossover.h"
#include "scaling/units.h"

/* Points of the scan for a sign change over the search range. */
#define SCAN_POINTS 400

const char *const crossover_param_names[] = {
	"alpha_C", "C_c", "Linf_C", "alpha_D", "D_c", "Linf_D", "D_e", "p_D",
	"N_e", "p_N", NULL
};

/*
 * The field of kp called name, NULL for an unknown name.
 */
double *
crossover_param(sx_xover_params *kp, const char *name)
{
	double *f[] = { &kp->alpha_C, &kp->C_c, &kp->Linf_C, &kp->alpha_D,
	    &kp->D_c, &kp->Linf_D, &kp->D_e, &kp->p_D, &kp->N_e, &kp->p_N };

	for (size_t i = 0; name != NULL && crossover_param_names[i] != NULL; i++)
		if (strcmp(crossover_param_names[i], name) == 0)
			return f[i];
	return NULL;
}

/* Parameter `name` of law `key` of preset p into *v; -1 when absent. */
static int
law_param(const sx_preset *p, const char *key, const char *name, double *v)
{
	const sx_preset_law *l = preset_law(p, key);

	for (size_t i = 0; l != NULL && i < l->np; i++)
		if (strcmp(l->pnames[i], name) == 0) {
			*v = l->pvals[i];
			return 0;
		}
	return -1;
}

/* L = Linf + (x0/x)^alpha from a plc law of a preset. */
static int
law_plc(const sx_preset *p, const char *key, double *linf, double *x0,
    double *alpha)
{
	const sx_preset_law *l = preset_law(p, key);

	if (l == NULL || strcmp(l->model, "plc") != 0)
		return -1;
	return law_param(p, key, "Linf", linf) | law_param(p, key, "x0", x0) |
	    law_param(p, key, "alpha", alpha);
}

/*
 * Power-law parameters from kaplan2020 or henighan2020-*; -1 for
 * another preset or an unknown data line.
 */
int
crossover_params_preset(const sx_preset *p, const char *data_line,
    sx_xover_params *kp, sx_err *err)
{
	double c0, e;

	kp->alpha_C = kp->C_c = kp->Linf_C = NAN;
	kp->alpha_D = kp->D_c = kp->Linf_D = NAN;
	kp->D_e = kp->p_D = kp->N_e = kp->p_N = NAN;
	if (p == NULL)
		return err_set(err, "crossover: no preset");
	if (data_line == NULL)
		data_line = "table6";
	if (strcmp(data_line, "table6") != 0 && strcmp(data_line, "eq6.7") != 0)
		return err_set(err, "data line '%s': one of table6, eq6.7",
		    data_line);
	if (strcmp(p->name, "kaplan2020") == 0) {
		const char *de = strcmp(data_line, "eq6.7") == 0 ? "D_e_eq67" :
		    "D_e";
		const char *pd = strcmp(data_line, "eq6.7") == 0 ? "p_D_eq67" :
		    "p_D";

		if (law_plc(p, "L(Cmin)", &kp->Linf_C, &kp->C_c,
		    &kp->alpha_C) != 0 || law_plc(p, "L(D)", &kp->Linf_D,
		    &kp->D_c, &kp->alpha_D) != 0 ||
		    preset_const(p, de, &kp->D_e) != 0 ||
		    preset_const(p, pd, &kp->p_D) != 0 ||
		    preset_const(p, "N_e", &kp->N_e) != 0 ||
		    preset_const(p, "p_N", &kp->p_N) != 0)
			return err_set(err, "preset %s lacks a constant of section "
			    "6.3", p->name);
		return 0;
	}
	if (strncmp(p->name, "henighan2020-", 13) == 0) {
		if (strcmp(data_line, "table6") != 0)
			return err_set(err, "--data-line %s is Kaplan et al.'s; %s "
			    "has its own lines", data_line, p->name);
		if (law_plc(p, "L(C)", &kp->Linf_C, &kp->C_c, &kp->alpha_C) != 0)
			return err_set(err, "preset %s has no L(C)", p->name);
		/* Section 6 (16x16 images) first, else Table 1's N_opt. */
		if (preset_const(p, "Nopt_s6_coef", &kp->N_e) == 0 &&
		    preset_const(p, "Nopt_s6_exp", &kp->p_N) == 0) {
			;
		} else if (preset_const(p, "Nopt_C0", &c0) == 0 &&
		    preset_const(p, "Nopt_exp", &e) == 0) {
			/* N = (C/C0)^e = C0^-e * C^e */
			kp->N_e = exp(-e * log(c0));
			kp->p_N = e;
		}
		/* C = c*D^e gives D = c^(-1/e) * C^(1/e). */
		if (preset_const(p, "CD_coef", &c0) == 0 &&
		    preset_const(p, "CD_exp", &e) == 0 && e != 0.0) {
			kp->D_e = exp(-log(c0) / e);
			kp->p_D = 1.0 / e;
		}
		return 0;
	}
	return err_set(err, "preset %s has no compute law L(C) for a crossover "
	    "(kaplan2020 and henighan2020-* have)", p->name);
}

/*
 * Names of the needed parameters still NaN, into buf; their count.
 */
int
crossover_params_missing(const sx_xover_params *kp, char *buf, size_t len)
{
	const double v[] = { kp->alpha_C, kp->C_c, kp->Linf_C, kp->alpha_D,
	    kp->D_c, kp->Linf_D, kp->D_e, kp->p_D };
	int n = 0;

	if (len > 0)
		buf[0] = '\0';
	for (size_t i = 0; i < sizeof v / sizeof v[0]; i++)
		if (isnan(v[i]))
			fmt_append(buf, len, "%s%s", n++ > 0 ? ", " : "",
			    crossover_param_names[i]);
	return n;
}

/* Law `name` with its parameters `params` (by name: their positions are
 * the law's) set to v, into p and l. */
static void
xover_law(const char *name, const char *const *params, const double *v,
    size_t n, double *p, sx_law1 *l)
{
	const sx_model *m = model_builtin(name);

	for (size_t i = 0; i < n; i++)
		p[model_param_index(m, params[i])] = v[i];
	*l = (sx_law1){ m, p, 1.0 };
}

/*
 * Bind kp to the plc law Linf + (x0/x)^alpha and the pl law A*x^-alpha
 * (a growing line D_e*C^p_D has alpha = -p_D), held in b.
 */
void
crossover_bind(const sx_xover_params *kp, sx_xover_bound *b)
{
	static const char *const plc[] = { "Linf", "x0", "alpha" };
	static const char *const pl[] = { "A", "alpha" };

	memset(b, 0, sizeof *b);
	xover_law("plc", plc, (const double[]){ kp->Linf_C, kp->C_c,
	    kp->alpha_C }, 3, b->plc_c, &b->laws.lc);
	xover_law("plc", plc, (const double[]){ kp->Linf_D, kp->D_c,
	    kp->alpha_D }, 3, b->plc_d, &b->laws.ld);
	xover_law("pl", pl, (const double[]){ kp->D_e, -kp->p_D }, 2,
	    b->pl_d, &b->laws.dline);
	xover_law("pl", pl, (const double[]){ kp->N_e, -kp->p_N }, 2,
	    b->pl_n, &b->laws.nline);
	if (isnan(kp->N_e) || isnan(kp->p_N))
		b->laws.nline.m = NULL;
}

/* Evaluate law l at n arguments xs (scaled by l->xscale), log or not. */
static void
law_eval(const sx_law1 *l, const double *xs, size_t n, int lg, double *f)
{
	double *x = xmalloc(n * sizeof *x);
	const double *cols[1] = { x };

	for (size_t i = 0; i < n; i++)
		x[i] = xs[i] * l->xscale;
	if (l->m->eval(l->m, cols, n, l->p, lg, f, NULL) != 0)
		for (size_t i = 0; i < n; i++)
			if (!isfinite(f[i]))
				f[i] = NAN;
	free(x);
}

/* h = log L(C) - log L(D(C)) at n compute values c (PF-days). */
static void
xover_h(const sx_xover_laws *l, const double *c, size_t n, double *h)
{
	double *lc = xmalloc(3 * n * sizeof *lc), *d = lc + n, *ld = d + n;

	law_eval(&l->lc, c, n, 1, lc);
	law_eval(&l->dline, c, n, 0, d);
	for (size_t i = 0; i < n; i++)
		if (!(d[i] > 0.0))
			d[i] = NAN;
	law_eval(&l->ld, d, n, 1, ld);
	for (size_t i = 0; i < n; i++)
		h[i] = lc[i] - ld[i];
	free(lc);
}

void
crossover_curves(const sx_xover_laws *laws, double c, double *lc, double *ld)
{
	double d;

	law_eval(&laws->lc, &c, 1, 0, lc);
	law_eval(&laws->dline, &c, 1, 0, &d);
	if (d > 0.0)
		law_eval(&laws->ld, &d, 1, 0, ld);
	else
		*ld = NAN;
}

static double
xover_hx(double x, void *arg)
{
	double c = exp(x), h;

	xover_h(arg, &c, 1, &h);
	return h;
}

/* Fill r's derived values at C* (PF-days). */
static void
xover_fill(const sx_xover_laws *l, double cs, sx_xover *r)
{
	double v;

	r->C_star_pfdays = cs;
	r->C_star_flop = units_pfdays_to_flop(cs);
	law_eval(&l->dline, &cs, 1, 0, &r->D_star);
	law_eval(&l->lc, &cs, 1, 0, &r->L_star);
	r->N_star = NAN;
	if (l->nline.m != NULL) {
		law_eval(&l->nline, &cs, 1, 0, &v);
		r->N_star = v;
	}
}

static int
law_ok(const sx_law1 *l, const char *what, sx_err *err)
{
	if (l->m == NULL || l->p == NULL)
		return err_set(err, "crossover: no %s", what);
	if (l->m->nin != 1)
		return err_set(err, "crossover: the %s must be a law of one input; "
		    "%s has %zu", what, l->m->name, l->m->nin);
	if (!(l->xscale > 0.0))
		return err_set(err, "crossover: bad unit scale of the %s", what);
	return 0;
}

/*
 * C* by a scan for a sign change and gsl_root Brent; -1 when the laws
 * do not cross in the range or are not finite there.
 */
int
crossover_find(const sx_xover_laws *laws, double c_lo, double c_hi,
    sx_xover *r, sx_err *err)
{
	double x[SCAN_POINTS], c[SCAN_POINTS], h[SCAN_POINTS], lo, hi;
	size_t i, first = SCAN_POINTS, nfinite = 0;
	int ncross = 0, above = 0, below = 0;
	gsl_root_fsolver *s;
	gsl_function fn;
	gsl_error_handler_t *old;
	sx_xover res;

	if (law_ok(&laws->lc, "compute law L(C)", err) != 0 ||
	    law_ok(&laws->ld, "data law L(D)", err) != 0 ||
	    law_ok(&laws->dline, "data line D(C)", err) != 0 ||
	    (laws->nline.m != NULL && law_ok(&laws->nline, "size line N(C)",
	    err) != 0))
		return -1;
	if (!(c_lo > 0.0) || !(c_hi > c_lo) || !isfinite(c_hi))
		return err_set(err, "crossover: search range %g..%g PF-days must "
		    "be > 0 and increasing", c_lo, c_hi);
	lo = log(c_lo);
	hi = log(c_hi);
	for (i = 0; i < SCAN_POINTS; i++) {
		x[i] = lo + (hi - lo) * (double)i / (SCAN_POINTS - 1);
		c[i] = exp(x[i]);
	}
	xover_h(laws, c, SCAN_POINTS, h);
	for (i = 0; i < SCAN_POINTS; i++) {
		if (isnan(h[i]))
			continue;
		nfinite++;
		above += h[i] > 0;
		below += h[i] < 0;
		if (i > 0 && !isnan(h[i - 1]) && (h[i] == 0 ||
		    (h[i - 1] > 0) != (h[i] > 0)) && h[i - 1] != 0) {
			if (first == SCAN_POINTS)
				first = i;
			ncross++;
		}
	}
	if (nfinite < SCAN_POINTS)
		return err_set(err, "crossover: a law is not finite or not "
		    "positive at %zu of %d compute values in %g..%g PF-days",
		    SCAN_POINTS - nfinite, SCAN_POINTS, c_lo, c_hi);
	if (first == SCAN_POINTS)
		return err_set(err, "no crossover in C = %g..%g PF-days: L(C) stays "
		    "%s L(D(C)) throughout (%s)", c_lo, c_hi, above ? "above" :
		    "below", above ? "the data bound is not reached; try a "
		    "larger range" : "the laws are inconsistent already; try a "
		    "smaller range");

	memset(&res, 0, sizeof res);
	if (h[first] == 0) {
		res.C_star_pfdays = c[first];
	} else {
		double root = 0.5 * (x[first - 1] + x[first]);

		old = gsl_set_error_handler_off();
		fn.function = xover_hx;
		fn.params = (void *)laws;
		s = gsl_root_fsolver_alloc(gsl_root_fsolver_brent);
		if (gsl_root_fsolver_set(s, &fn, x[first - 1], x[first]) ==
		    GSL_SUCCESS) {
			for (int it = 0; it < 200; it++) {
				if (gsl_root_fsolver_iterate(s) != GSL_SUCCESS)
					break;
				root = gsl_root_fsolver_root(s);
				if (gsl_root_test_interval(gsl_root_fsolver_x_lower(s),
				    gsl_root_fsolver_x_upper(s), 1e-13, 0) ==
				    GSL_SUCCESS)
					break;
			}
		}
		gsl_root_fsolver_free(s);
		gsl_set_error_handler(old);
		res.C_star_pfdays = exp(root);
	}
	xover_fill(laws, res.C_star_pfdays, &res);
	res.c_lo = c_lo;
	res.c_hi = c_hi;
	res.ncross = ncross;
	/* The sign of h just past C*: negative means L(C) < L(D(C)). */
	res.inconsistent_above = (h[first] != 0 ? h[first] :
	    first + 1 < SCAN_POINTS ? h[first + 1] : -h[first - 1]) < 0;
	*r = res;
	return 0;
}

/*
 * crossover_find on power-law parameters; -1 when one is missing.
 */
int
crossover_find_params(const sx_xover_params *kp, double c_lo, double c_hi,
    sx_xover *r, sx_err *err)
{
	sx_xover_bound b;
	char miss[160];

	if (crossover_params_missing(kp, miss, sizeof miss) > 0)
		return err_set(err, "crossover: unknown %s (set with --set)", miss);
	if (!(kp->C_c > 0.0) || !(kp->D_c > 0.0) || !(kp->D_e > 0.0))
		return err_set(err, "crossover: C_c, D_c and D_e must be > 0");
	if (!isnan(kp->N_e) && !(kp->N_e > 0.0))
		return err_set(err, "crossover: N_e must be > 0");
	crossover_bind(kp, &b);
	return crossover_find(&b.laws, c_lo, c_hi, r, err);
}

/*
 * The closed form for pure power laws; -1 with constants or parallel
 * lines.
 */
int
crossover_closed(const sx_xover_params *kp, sx_xover *r, sx_err *err)
{
	double den, x;

	if (kp->Linf_C != 0.0 || kp->Linf_D != 0.0)
		return err_set(err, "the closed form needs pure power laws "
		    "(Linf_C = Linf_D = 0)");
	if (!(kp->C_c > 0.0) || !(kp->D_c > 0.0) || !(kp->D_e > 0.0) ||
	    !isfinite(kp->alpha_C + kp->alpha_D + kp->p_D))
		return err_set(err, "the closed form needs C_c, D_c, D_e > 0 and "
		    "finite exponents");
	den = kp->alpha_D * kp->p_D - kp->alpha_C;
	if (den == 0.0)
		return err_set(err, "alpha_D*p_D = alpha_C: L(C) and L(D(C)) are "
		    "parallel and never cross");
	x = (kp->alpha_D * (log(kp->D_c) - log(kp->D_e)) -
	    kp->alpha_C * log(kp->C_c)) / den;
	memset(r, 0, sizeof *r);
	r->C_star_pfdays = exp(x);
	r->C_star_flop = units_pfdays_to_flop(r->C_star_pfdays);
	r->D_star = kp->D_e * exp(kp->p_D * x);
	r->L_star = exp(kp->alpha_C * (log(kp->C_c) - x));
	r->N_star = isnan(kp->N_e) || isnan(kp->p_N) ? NAN :
	    kp->N_e * exp(kp->p_N * x);
	r->ncross = 1;
	/* Past C*, h' = alpha_D*p_D - alpha_C < 0 means L(C) < L(D(C)). */
	r->inconsistent_above = den < 0;
	if (!isfinite(r->C_star_pfdays) || !isfinite(r->D_star))
		return err_set(err, "the crossover overflows (C* = exp(%g))", x);
	return 0;
}

/*
 * C*, L*, N* with each exponent moved by -rel and +rel; the count.
 */
size_t
crossover_sensitivity(const sx_xover_params *kp, double c_lo, double c_hi,
    double rel, sx_xover_sens *out)
{
	static const char *const ex[] = { "alpha_C", "alpha_D", "p_D", "p_N" };
	size_t n = 0;

	for (size_t i = 0; i < sizeof ex / sizeof ex[0]; i++) {
		sx_xover_params q = *kp;
		double *v = crossover_param(&q, ex[i]), v0 = *v;

		if (isnan(v0) || (strcmp(ex[i], "p_N") == 0 && isnan(kp->N_e)))
			continue;
		out[n].param = ex[i];
		out[n].value = v0;
		for (int s = 0; s < 2; s++) {
			sx_err e;

			*v = v0 * (s == 0 ? 1.0 - rel : 1.0 + rel);
			err_clear(&e);
			out[n].ok[s] = crossover_find_params(&q, c_lo, c_hi,
			    &out[n].r[s], &e) == 0;
		}
		n++;
	}
	return n;
}
