/* crossover.h: where the compute frontier meets the data-limited bound. */
#ifndef SX_CROSSOVER_H
#define SX_CROSSOVER_H

#include <stddef.h>

#include "base/err.h"
#include "scaling/model.h"
#include "scaling/presets.h"

/*
 * Kaplan et al. 2020, section 6.3. Along compute-efficient training the
 * loss follows L(C_min), while the data processed, D(C_min), bounds the
 * loss from below by the data-limited law L(D). The two meet at C*: past
 * it L(C_min) would fall below L(D(C_min)), which cannot be, so the laws
 * must break down before C*. Compute is in PF-days throughout.
 */

/* A law of one input: y = m(xscale * x; p). xscale converts PF-days into
 * the unit the law was fitted in (1, or SX_FLOP_PER_PFDAY for FLOP). */
typedef struct sx_law1 {
	const sx_model *m;
	const double *p;
	double xscale;
} sx_law1;

typedef struct sx_xover_laws {
	sx_law1 lc;      /* L(C_min), C in PF-days */
	sx_law1 ld;      /* L(D), D tokens */
	sx_law1 dline;   /* D(C_min), tokens */
	sx_law1 nline;   /* N(C_min), parameters; m == NULL when unknown */
} sx_xover_laws;

/*
 * The laws in power-law form, every one optionally with a constant:
 *   L(C) = Linf_C + (C_c/C)^alpha_C     L(D) = Linf_D + (D_c/D)^alpha_D
 *   D(C) = D_e*C^p_D                    N(C) = N_e*C^p_N
 * NaN marks a value not known (N_e, p_N may stay NaN).
 */
typedef struct sx_xover_params {
	double alpha_C, C_c, Linf_C;
	double alpha_D, D_c, Linf_D;
	double D_e, p_D;
	double N_e, p_N;
} sx_xover_params;

/* The built-in models bound to a params record (see crossover_bind). */
typedef struct sx_xover_bound {
	sx_xover_laws laws;
	double plc_c[3], plc_d[3], pl_d[2], pl_n[2];
} sx_xover_bound;

typedef struct sx_xover {
	double C_star_pfdays;
	double C_star_flop;
	double N_star;       /* NaN without an N line */
	double D_star;
	double L_star;
	double c_lo, c_hi;   /* the range searched, PF-days */
	int ncross;          /* crossings found in the range (1 reported) */
	int inconsistent_above; /* 1: L(C) < L(D(C)) just past C* */
} sx_xover;

/* The names of the parameters, in sx_xover_params order (10, then NULL). */
extern const char *const crossover_param_names[];
/* Pointer to the field called `name`, or NULL. */
double *crossover_param(sx_xover_params *kp, const char *name);

/*
 * Parameters from a preset. kaplan2020: Table 5's L(C_min) and L(D), Table
 * 6's N and D lines (data_line "table6" or NULL) or eq. 6.7's D line
 * ("eq6.7"). henighan2020-*: L(C) of Table 1 and N_opt(C) (16x16 images:
 * section 6's N_opt = 2.8e8*C^0.74 and the D line inverted from C(D) =
 * 5e-42*D^3.9); their L(D) is not published and stays NaN. Fails for other
 * presets and unknown data lines.
 */
int crossover_params_preset(const sx_preset *p, const char *data_line,
    sx_xover_params *kp, sx_err *err);

/*
 * The names of the parameters needed for a crossover that are NaN, joined
 * by ", " into buf (empty when none). Returns how many are missing.
 */
int crossover_params_missing(const sx_xover_params *kp, char *buf,
    size_t len);

/* Bind kp to the built-in pl and plc models (b must outlive its use). */
void crossover_bind(const sx_xover_params *kp, sx_xover_bound *b);

/*
 * C* by a scan of h(x) = log L(C) - log L(D(C)), x = log C, over 400
 * points of [c_lo, c_hi] (PF-days) for a sign change, then gsl_root's
 * Brent method on the first one (to 1e-13 in x). Fills r and returns 0;
 * returns -1 with err set (r untouched) when the range is bad, a law is
 * not finite or not positive there, or the laws do not cross inside the
 * range (the message says which one stays above).
 */
int crossover_find(const sx_xover_laws *laws, double c_lo, double c_hi,
    sx_xover *r, sx_err *err);

/* crossover_find on the bound params. */
int crossover_find_params(const sx_xover_params *kp, double c_lo,
    double c_hi, sx_xover *r, sx_err *err);

/*
 * The closed form for pure power laws (Linf_C = Linf_D = 0):
 * log C* = (alpha_D*log(D_c/D_e) - alpha_C*log C_c) / (alpha_D*p_D -
 * alpha_C). Fails when a constant is not zero, a scale is not positive, or
 * alpha_D*p_D == alpha_C (parallel lines).
 */
/*
 * The two sides at compute c (PF-days): *lc = L(C_min) and *ld = the
 * data-limited bound L(D(C_min)); NaN where a law is not finite. For
 * drawing the laws around C*.
 */
void crossover_curves(const sx_xover_laws *laws, double c, double *lc,
    double *ld);

int crossover_closed(const sx_xover_params *kp, sx_xover *r, sx_err *err);

/* How C* and L* move when one exponent is scaled by (1 - rel), (1 + rel). */
typedef struct sx_xover_sens {
	const char *param;        /* "alpha_C", "alpha_D", "p_D", "p_N" */
	double value;
	int ok[2];                /* a crossing was found at -rel / +rel */
	sx_xover r[2];            /* at -rel and at +rel */
} sx_xover_sens;

/*
 * Sensitivity of the crossover to each exponent (alpha_C, alpha_D, p_D,
 * p_N when known): out[] gets up to 4 entries; returns how many. A shifted
 * exponent for which the laws do not cross in the range has ok = 0.
 */
size_t crossover_sensitivity(const sx_xover_params *kp, double c_lo,
    double c_hi, double rel, sx_xover_sens *out);

#endif
