/* text-frontier.c: text views of frontier, its approaches and henighan,
 * and crossover. */
#include "config.h"

#include <math.h>
#include <string.h>

#include "scaling/units.h"
#include "views/text.h"

void
text_frontier(sx_out *o, const sx_rec *r)
{
	const sx_rec *rows = rec_get(r, "rows"), *ac = rec_get(r, "a_ci");
	const sx_rec *bc = rec_get(r, "b_ci");
	double a = rec_get_num(r, "a");

	out_printf(o, "frontier of %s (%s, %s), C = %g*N*D\n",
	    rec_get_str(r, "source"), rec_get_str(r, "law"),
	    rec_get_str(r, "method"), rec_get_num(r, "k"));
	if (isfinite(a))
		out_printf(o, "  N_opt ~ C^%.4f   D_opt ~ C^%.4f\n", a,
		    rec_get_num(r, "b"));
	if (ac != NULL)
		out_printf(o, "  %g%% bootstrap intervals: a in [%.4f, %.4f], b in "
		    "[%.4f, %.4f]\n", 100 * rec_get_num(r, "ci_level"),
		    rec_at(ac, 0)->v.n, rec_at(ac, 1)->v.n, rec_at(bc, 0)->v.n,
		    rec_at(bc, 1)->v.n);
	out_printf(o, "  %11s %11s %11s %11s %9s %10s\n", "C (FLOP)",
	    "C (PF-days)", "N_opt", "D_opt", "L_opt", "tokens/N");
	for (size_t i = 0; i < rec_len(rows); i++) {
		const sx_rec *p = rec_at(rows, i);

		out_printf(o, "  %11.4g %11.4g %11.4g %11.4g %9.5g %10.4g\n",
		    rec_get_num(p, "C"), rec_get_num(p, "C_pfdays"),
		    rec_get_num(p, "N_opt"), rec_get_num(p, "D_opt"),
		    rec_get_num(p, "L_opt"), rec_get_num(p, "tokens_per_param"));
	}
}

/* frontier approach1 and approach2. */
void
text_approach(sx_out *o, const sx_rec *r)
{
	int one = strcmp(r->kind, "frontier approach1") == 0;
	const sx_rec *pts = rec_get(r, "points"), *w = rec_get(r, "warnings");
	double coef = rec_get_num(r, "coef"), a = rec_get_num(r, "a");
	double se = rec_get_num(r, "a_se");

	out_printf(o, "%s on %s: %zu points (%lld of %lld %s not used)\n",
	    one ? "approach 1 (lower envelope)" : "approach 2 (IsoFLOP parabolas)",
	    rec_get_str(r, "data"), rec_len(pts), rec_get_int(r, "skipped"),
	    rec_get_int(r, "groups"), one ? "compute bins" : "budgets");
	if (rec_get(r, "missing") != NULL) {
		out_printf(o, "  used %lld of %lld rows",
		    rec_get_int(r, "complete"), rec_get_int(r, "rows"));
		text_missing(o, rec_get(r, "missing"));
		out_puts(o, "\n");
	}
	if (isnan(se))
		out_printf(o, "  N_opt = %.4g * C^%.4f   (D_opt ~ C^%.4f)\n", coef,
		    a, 1.0 - a);
	else
		out_printf(o, "  N_opt = %.4g * C^%.4f ± %.4f   (D_opt ~ C^%.4f)\n",
		    coef, a, se, 1.0 - a);
	out_printf(o, "  %11s %11s %9s\n", "C (FLOP)", "N_opt", "L_opt");
	for (size_t i = 0; i < rec_len(pts); i++)
		out_printf(o, "  %11.4g %11.4g %9.5g\n",
		    rec_get_num(rec_at(pts, i), "C"),
		    rec_get_num(rec_at(pts, i), "N_opt"),
		    rec_get_num(rec_at(pts, i), "L_opt"));
	for (size_t i = 0; i < rec_len(w); i++)
		out_printf(o, "  warning: %s\n", rec_at(w, i)->v.s);
}

void
text_henighan(sx_out *o, const sx_rec *r)
{
	const sx_rec *doms = rec_get(r, "domains");

	out_printf(o, "Henighan et al. 2020, Table 1: N_opt = (C/C0)^a and "
	    "L(C) = Linf + (C0'/C)^alpha, at C = %g PF-days\n",
	    rec_get_num(r, "at_pfdays"));
	out_printf(o, "  %-24s %5s %10s %8s %8s %8s %7s %11s\n", "domain",
	    "a", "N_opt", "L(C)", "irreduc", "reduc", "reduc%", "C(red=irr)");
	for (size_t i = 0; i < rec_len(doms); i++) {
		const sx_rec *d = rec_at(doms, i);
		const char *name = rec_get_str(d, "preset");

		/* The domain: the preset's name less "henighan2020-". */
		out_printf(o, "  %-24s %5.2f %10.3g %8.4g %8.4g %8.4g %6.1f%% "
		    "%11.3g\n", name + strlen("henighan2020-"),
		    rec_get_num(d, "a"), rec_get_num(d, "N_opt"),
		    rec_get_num(d, "L"), rec_get_num(d, "irreducible"),
		    rec_get_num(d, "reducible"),
		    100 * rec_get_num(d, "reducible_share"),
		    rec_get_num(d, "C_reducible_equals_irreducible_pfdays"));
	}
	out_printf(o, "  N_opt exponents %.2f to %.2f (mean %.3f) over %zu "
	    "domains: nearly universal; C(red=irr) is where the reducible "
	    "loss falls to the irreducible (nan: no floor)\n",
	    rec_get_num(r, "a_min"), rec_get_num(r, "a_max"),
	    rec_get_num(r, "a_mean"), rec_len(doms));
}

/* "Linf + (x0/X)^alpha", the constant left out when it is 0. */
static void
xover_law(sx_out *o, const char *lhs, double linf, double x0, const char *x,
    double al, const char *what)
{
	out_printf(o, "  %-9s = ", lhs);
	if (linf != 0.0)
		out_printf(o, "%.4g + ", linf);
	out_printf(o, "(%.4g/%s)^%.4g    %s\n", x0, x, al, what);
}

static void
xover_params(sx_out *o, const sx_rec *p)
{
	double ne = rec_get_num(p, "N_e"), pn = rec_get_num(p, "p_N");

	xover_law(o, "L(C_min)", rec_get_num(p, "Linf_C"), rec_get_num(p, "C_c"),
	    "C", rec_get_num(p, "alpha_C"), "compute-efficient frontier");
	xover_law(o, "L(D)", rec_get_num(p, "Linf_D"), rec_get_num(p, "D_c"),
	    "D", rec_get_num(p, "alpha_D"), "data-limited bound");
	out_printf(o, "  %-9s = %.4g*C^%.4g tokens\n", "D(C_min)",
	    rec_get_num(p, "D_e"), rec_get_num(p, "p_D"));
	if (!isnan(ne) && !isnan(pn))
		out_printf(o, "  %-9s = %.4g*C^%.4g parameters\n", "N(C_min)", ne,
		    pn);
}

static void
xover_result(sx_out *o, const sx_rec *x)
{
	double n = rec_get_num(x, "N_star");

	out_printf(o, "  C* = %.4g PF-days = %.4g FLOP\n",
	    rec_get_num(x, "C_star_pfdays"), rec_get_num(x, "C_star_flop"));
	if (!isnan(n))
		out_printf(o, "  N* = %.4g parameters\n", n);
	out_printf(o, "  D* = %.4g tokens\n", rec_get_num(x, "D_star"));
	out_printf(o, "  L* = %.4g nats/token\n", rec_get_num(x, "L_star"));
}

/* One side (-5% or +5%) of a sensitivity row. */
static void
xover_sens_side(sx_out *o, const sx_rec *row, const sx_rec *side,
    const sx_rec *r)
{
	const sx_rec *c = rec_get(side, "C_star_pfdays");

	if (c == NULL || c->type != REC_NUM)
		out_printf(o, "  %-36s", "no crossover in range");
	else if (strcmp(rec_get_str(row, "param"), "p_N") == 0)
		out_printf(o, "  N* %9.3g (x%-6.3g) %9s",
		    rec_get_num(side, "N_star"),
		    rec_get_num(side, "N_star") / rec_get_num(r, "N_star"), "");
	else
		out_printf(o, "  C* %9.3g (x%-6.3g) L* %-6.4g", c->v.n,
		    c->v.n / rec_get_num(r, "C_star_pfdays"),
		    rec_get_num(side, "L_star"));
}

void
text_crossover(sx_out *o, const sx_rec *r)
{
	const char *dline = rec_get_str(r, "data_line");
	const sx_rec *cf = rec_get(r, "closed_form"), *fits = rec_get(r, "fits");
	const sx_rec *range = rec_get(r, "range_pfdays");
	const sx_rec *sens = rec_get(r, "sensitivity");
	long long ncross = rec_get_int(r, "crossings");

	out_printf(o, "crossover of %s%s (Kaplan et al. 2020, section 6.3); C in "
	    "PF-days, 1 PF-day = %.3g FLOP\n", rec_get_str(r, "source"),
	    dline == NULL ? "" : strcmp(dline, "eq6.7") == 0 ?
	    ", data line of eq. 6.7" : ", data line of Table 6",
	    SX_FLOP_PER_PFDAY);
	if (rec_get(r, "params") != NULL)
		xover_params(o, rec_get(r, "params"));
	for (size_t i = 0; i < rec_len(fits); i++) {
		const sx_rec *f = rec_at(fits, i);

		out_printf(o, "  %-16s fit %s (%s)\n", rec_get_str(f, "role"),
		    rec_get_str(f, "fit"), rec_get_str(f, "model"));
	}
	xover_result(o, r);
	if (cf != NULL && cf->type == REC_OBJ)
		out_printf(o, "  closed form: C* = %.10g PF-days (numeric %.10g)\n",
		    rec_get_num(cf, "C_star_pfdays"),
		    rec_get_num(r, "C_star_pfdays"));
	if (ncross > 1)
		out_printf(o, "  (%lld crossings in %g..%g PF-days; the first is "
		    "shown)\n", ncross, rec_at(range, 0)->v.n,
		    rec_at(range, 1)->v.n);
	out_printf(o, "  %s C*, L(C_min) falls below the data-limited bound "
	    "L(D(C_min)): the laws cannot both hold there\n",
	    rec_get_bool(r, "inconsistent_above") ? "past" : "short of");
	/* The data line is named only for kaplan2020, the paper's own. */
	if (dline != NULL)
		out_puts(o, "  paper (eq. 6.8): C* ~ 1e4 PF-days, N* ~ 1e12, "
		    "D* ~ 1e12, L* ~ 1.7 nats/token, uncertain by 10x either way\n");
	if (sens == NULL)
		return;
	out_puts(o, "  sensitivity, each exponent -5% / +5%:\n");
	for (size_t i = 0; i < rec_len(sens); i++) {
		const sx_rec *row = rec_at(sens, i);

		out_printf(o, "    %-8s %-7.4g", rec_get_str(row, "param"),
		    rec_get_num(row, "value"));
		xover_sens_side(o, row, rec_get(row, "minus"), r);
		xover_sens_side(o, row, rec_get(row, "plus"), r);
		out_puts(o, "\n");
	}
}
