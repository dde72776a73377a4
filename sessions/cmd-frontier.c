/* cmd-frontier.c: frontier, frontier approach1/approach2/henighan, crossover. */
#include "config.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "core/crossover.h"
#include "core/frontier.h"
#include "core/presets.h"
#include "core/units.h"
#include "core/xalloc.h"
#include "sessions/cmd.h"
#include "sessions/colbind.h"
#include "sessions/figures.h"
#include "sessions/plotout.h"

/*
 * Parse "LO..HI" (two positive finite numbers, LO <= HI) from the option
 * `opt`; leaves lo/hi alone when the option is absent.
 */
static int
parse_range(sx_ctx *ctx, const sx_args *a, const char *opt, double *lo,
    double *hi)
{
	const char *s = arg(a, ctx->cmd, opt), *dots;
	int argi = arg_index(a, ctx->cmd, opt);
	char *left, *end;
	double l, h;

	if (s == NULL)
		return 0;
	dots = strstr(s, "..");
	if (dots == NULL)
		return cmd_fail(ctx, argi, "%s expects LO..HI (e.g. 1e18..1e26), "
		    "not '%s'", opt, s);
	left = xstrndup(s, (size_t)(dots - s));
	l = strtod(left, &end);
	if (end == left || *end != '\0' || !isfinite(l)) {
		free(left);
		return cmd_fail(ctx, argi, "%s: '%.*s' is not a number", opt,
		    (int)(dots - s), s);
	}
	free(left);
	h = strtod(dots + 2, &end);
	if (end == dots + 2 || *end != '\0' || !isfinite(h))
		return cmd_fail(ctx, argi, "%s: '%s' is not a number", opt, dots + 2);
	if (!(l > 0.0) || !(h > 0.0))
		return cmd_fail(ctx, argi, "%s %s: compute must be > 0", opt, s);
	if (h < l)
		return cmd_fail(ctx, argi, "%s %s runs backwards (LO > HI)", opt, s);
	*lo = l;
	*hi = h;
	return 0;
}

/* A positive finite number from option `opt`, or `def` when absent. */
static int
parse_positive(sx_ctx *ctx, const sx_args *a, const char *opt, double def,
    double *v)
{
	const char *s = arg(a, ctx->cmd, opt);

	*v = s != NULL ? strtod(s, NULL) : def;
	if (!(*v > 0.0))
		return cmd_fail(ctx, arg_index(a, ctx->cmd, opt), "%s must be > 0, "
		    "not %s", opt, s);
	return 0;
}

/* ---- frontier FIT|PRESET ------------------------------------------------- */

/* ci: a_lo, a_hi, b_lo, b_hi at level, or NULL without bootstrap. */
static void
frontier_report(sx_out *o, const char *source, const char *law,
    const sx_frontier *f, const double *ci, double level)
{
	if (o->json) {
		out_obj_begin(o, "frontier");
		out_key_str(o, "source", source);
		out_key_num(o, "k", f->k);
		out_key_num(o, "a", f->a);
		out_key_num(o, "b", f->b);
		if (ci != NULL) {
			out_key_arr(o, "a_ci");
			out_num(o, ci[0]);
			out_num(o, ci[1]);
			out_end(o);
			out_key_arr(o, "b_ci");
			out_num(o, ci[2]);
			out_num(o, ci[3]);
			out_end(o);
			out_key_num(o, "ci_level", level);
		}
		out_key_arr(o, "rows");
		for (size_t i = 0; i < f->n; i++) {
			const sx_frontier_pt *p = &f->pt[i];

			out_obj(o);
			out_key_num(o, "C", p->C);
			out_key_num(o, "N_opt", p->N_opt);
			out_key_num(o, "D_opt", p->D_opt);
			out_key_num(o, "L_opt", p->L_opt);
			out_key_num(o, "tokens_per_param", p->D_opt / p->N_opt);
			out_end(o);
		}
		out_end(o);
		out_obj_end(o);
		return;
	}
	out_printf(o, "frontier of %s (%s, %s), C = %g*N*D\n", source, law,
	    f->closed ? "closed form" : "numeric minimisation over log N",
	    f->k);
	if (isfinite(f->a))
		out_printf(o, "  N_opt ~ C^%.4f   D_opt ~ C^%.4f\n", f->a, f->b);
	if (ci != NULL)
		out_printf(o, "  %g%% bootstrap intervals: a in [%.4f, %.4f], b in "
		    "[%.4f, %.4f]\n", 100 * level, ci[0], ci[1], ci[2], ci[3]);
	out_printf(o, "  %11s %11s %11s %11s %9s %10s\n", "C (FLOP)",
	    "C (PF-days)", "N_opt", "D_opt", "L_opt", "tokens/N");
	for (size_t i = 0; i < f->n; i++) {
		const sx_frontier_pt *p = &f->pt[i];

		out_printf(o, "  %11.4g %11.4g %11.4g %11.4g %9.5g %10.4g\n", p->C,
		    units_flop_to_pfdays(p->C), p->N_opt, p->D_opt, p->L_opt,
		    p->D_opt / p->N_opt);
	}
}

/* The frontier's figure (sessions/figures.h), to the sink or --out. */
static int
frontier_plot(sx_ctx *ctx, const sx_args *a, const figures_fspec *s, int argi)
{
	figures_fig *ff;
	sx_err e;
	int rc;

	err_clear(&e);
	if ((ff = figures_frontier(ctx->ws, s, NULL, &e)) == NULL)
		return cmd_fail(ctx, argi, "%s", e.msg);
	rc = plotout_emit(ctx, a, figures_px(ff), "frontier");
	figures_free(ff);
	return rc;
}

static int
cmd_frontier_exec(sx_ctx *ctx, const sx_args *a)
{
	const char *src = arg(a, ctx->cmd, "SOURCE");
	int argi = arg_index(a, ctx->cmd, "SOURCE");
	figures_fspec fs = FIGURES_FSPEC_DEFAULT;
	const sx_fitrec *fr;
	const sx_model *m;
	const double *p;
	long npts = (long)fs.points;
	sx_frontier f;
	sx_err e;
	int have_ci = 0;
	double ci[4];

	if (parse_range(ctx, a, "--C", &fs.c_lo, &fs.c_hi) != 0 ||
	    parse_positive(ctx, a, "--k", fs.k, &fs.k) != 0)
		return -1;
	if (arg(a, ctx->cmd, "--points") != NULL) {
		npts = strtol(arg(a, ctx->cmd, "--points"), NULL, 10);
		if (npts < 1 || npts > 100000)
			return cmd_fail(ctx, arg_index(a, ctx->cmd, "--points"),
			    "--points must be 1 to 100000");
	}
	if (fs.c_lo == fs.c_hi)
		npts = 1;
	else if (npts == 1)
		return cmd_fail(ctx, arg_index(a, ctx->cmd, "--points"),
		    "one point needs a single budget (--C X..X)");
	fs.source = src;
	fs.points = (size_t)npts;
	err_clear(&e);
	if (figures_nd_source(ctx->ws, src, &m, &p, &fr, &e) != 0)
		return cmd_fail(ctx, argi, "%s", e.msg);
	if (arg(a, ctx->cmd, "--plot") != NULL)
		return frontier_plot(ctx, a, &fs, argi);
	if (frontier_run(m, p, fs.k, fs.c_lo, fs.c_hi, fs.points, &f, &e) != 0)
		return cmd_fail(ctx, argi, "%s", e.msg);
	/* With bootstrap replicates, each one's exponents give intervals. */
	if (fr != NULL && fr->res.nboot > 1 &&
	    frontier_boot_ci(m, fr->res.boot, fr->res.nboot, fs.k, fs.c_lo,
	    fs.c_hi, fs.points, fr->res.ci_level, ci, &e) == 0)
		have_ci = 1;
	frontier_report(ctx->out, src, m->name, &f, have_ci ? ci : NULL,
	    have_ci ? fr->res.ci_level : NAN);
	frontier_free(&f);
	return 0;
}

/* ---- frontier approach1 / approach2 ------------------------------------- */

/*
 * The N, C, L columns of a dataset for the approaches: C directly, or
 * k*N*D when there is no C column. *owned is malloc'ed when C is derived.
 */
static int
runs_columns(sx_ctx *ctx, const sx_args *a, double k, const sx_dataset **ds,
    const double **N, const double **C, const double **L, double **owned)
{
	int argi = arg_index(a, ctx->cmd, "DATA"), cn, cc, cl, cd;

	*owned = NULL;
	*ds = colbind_dataset(ctx, argi, arg(a, ctx->cmd, "DATA"));
	if (*ds == NULL)
		return -1;
	if ((cn = colbind_column(ctx, argi, *ds, "N")) < 0 ||
	    (cl = colbind_column(ctx, argi, *ds, "L")) < 0)
		return -1;
	*N = (*ds)->cols[cn].v;
	*L = (*ds)->cols[cl].v;
	cc = dataset_column(*ds, "C");
	if (cc >= 0 && (*ds)->cols[cc].v != NULL) {
		const char *u = (*ds)->cols[cc].unit;

		*C = (*ds)->cols[cc].v;
		if (u != NULL && (strcasecmp(u, "PF-days") == 0 ||
		    strcasecmp(u, "pfdays") == 0)) {
			*owned = xmalloc((*ds)->nrows * sizeof **owned);
			for (size_t i = 0; i < (*ds)->nrows; i++)
				(*owned)[i] = units_pfdays_to_flop((*C)[i]);
			*C = *owned;
		}
		return 0;
	}
	cd = dataset_column(*ds, "D");
	if (cd < 0 || (*ds)->cols[cd].v == NULL)
		return cmd_fail(ctx, argi, "'%s' has no compute column C and no "
		    "token column D to make C = k*N*D from", (*ds)->name);
	*owned = xmalloc((*ds)->nrows * sizeof **owned);
	for (size_t i = 0; i < (*ds)->nrows; i++)
		(*owned)[i] = k * (*N)[i] * (*ds)->cols[cd].v[i];
	*C = *owned;
	return 0;
}

static void
approach_report(sx_out *o, const char *cmd, const char *what,
    const char *data, const sx_approach *r)
{
	if (o->json) {
		out_obj_begin(o, cmd);
		out_key_str(o, "data", data);
		out_key_num(o, "a", r->a);
		out_key_num(o, "a_se", r->a_se);
		out_key_num(o, "b", 1.0 - r->a);
		out_key_num(o, "coef", r->coef);
		out_key_int(o, "groups", (long long)r->ngroups);
		out_key_int(o, "skipped", (long long)r->nskipped);
		out_key_arr(o, "warnings");
		for (size_t i = 0; i < r->nwarn; i++)
			out_str(o, r->warn[i]);
		out_end(o);
		out_key_arr(o, "points");
		for (size_t i = 0; i < r->n; i++) {
			out_obj(o);
			out_key_num(o, "C", r->C[i]);
			out_key_num(o, "N_opt", r->N_opt[i]);
			out_key_num(o, "L_opt", r->L_opt[i]);
			out_end(o);
		}
		out_end(o);
		out_obj_end(o);
		return;
	}
	out_printf(o, "%s on %s: %zu points (%zu of %zu %s not used)\n", what,
	    data, r->n, r->nskipped, r->ngroups, strcmp(cmd,
	    "frontier approach1") == 0 ? "compute bins" : "budgets");
	if (isnan(r->a_se))
		out_printf(o, "  N_opt = %.4g * C^%.4f   (D_opt ~ C^%.4f)\n",
		    r->coef, r->a, 1.0 - r->a);
	else
		out_printf(o, "  N_opt = %.4g * C^%.4f ± %.4f   (D_opt ~ C^%.4f)\n",
		    r->coef, r->a, r->a_se, 1.0 - r->a);
	out_printf(o, "  %11s %11s %9s\n", "C (FLOP)", "N_opt", "L_opt");
	for (size_t i = 0; i < r->n; i++)
		out_printf(o, "  %11.4g %11.4g %9.5g\n", r->C[i], r->N_opt[i],
		    r->L_opt[i]);
	for (size_t i = 0; i < r->nwarn; i++)
		out_printf(o, "  warning: %s\n", r->warn[i]);
}

static int
cmd_approach1_exec(sx_ctx *ctx, const sx_args *a)
{
	const sx_dataset *ds;
	const double *N, *C, *L;
	double *owned, k, lo = 0, hi = 0;
	long bins = 20;
	sx_approach r;
	sx_err e;
	int rc;

	if (parse_positive(ctx, a, "--k", SX_FRONTIER_K, &k) != 0 ||
	    parse_range(ctx, a, "--C", &lo, &hi) != 0)
		return -1;
	if (arg(a, ctx->cmd, "--bins") != NULL) {
		bins = strtol(arg(a, ctx->cmd, "--bins"), NULL, 10);
		if (bins < 3 || bins > 100000)
			return cmd_fail(ctx, arg_index(a, ctx->cmd, "--bins"),
			    "--bins must be 3 to 100000");
	}
	if (lo == hi && lo > 0)
		return cmd_fail(ctx, arg_index(a, ctx->cmd, "--C"), "--C needs a "
		    "range (LO < HI)");
	if (runs_columns(ctx, a, k, &ds, &N, &C, &L, &owned) != 0)
		return -1;
	err_clear(&e);
	rc = frontier_approach1(N, C, L, ds->nrows, (size_t)bins, lo, hi, &r, &e);
	free(owned);
	if (rc != 0)
		return cmd_fail(ctx, arg_index(a, ctx->cmd, "DATA"), "%s", e.msg);
	approach_report(ctx->out, "frontier approach1",
	    "approach 1 (lower envelope)", ds->name, &r);
	approach_free(&r);
	return 0;
}

static int
cmd_approach2_exec(sx_ctx *ctx, const sx_args *a)
{
	const sx_dataset *ds;
	const double *N, *C, *L;
	double *owned, k, gap;
	long window = SX_APPROACH2_WINDOW;
	sx_approach r;
	sx_err e;
	int rc;

	if (parse_positive(ctx, a, "--k", SX_FRONTIER_K, &k) != 0 ||
	    parse_positive(ctx, a, "--gap", 0.1, &gap) != 0)
		return -1;
	if (arg(a, ctx->cmd, "--window") != NULL) {
		window = strtol(arg(a, ctx->cmd, "--window"), NULL, 10);
		if (window != 0 && (window < 3 || window > 100000))
			return cmd_fail(ctx, arg_index(a, ctx->cmd, "--window"),
			    "--window must be 3 to 100000 sizes, or 0 for all");
	}
	if (runs_columns(ctx, a, k, &ds, &N, &C, &L, &owned) != 0)
		return -1;
	err_clear(&e);
	rc = frontier_approach2(N, C, L, ds->nrows, gap, (size_t)window, &r,
	    &e);
	free(owned);
	if (rc != 0)
		return cmd_fail(ctx, arg_index(a, ctx->cmd, "DATA"), "%s", e.msg);
	approach_report(ctx->out, "frontier approach2",
	    "approach 2 (IsoFLOP parabolas)", ds->name, &r);
	approach_free(&r);
	return 0;
}

/* ---- frontier henighan --------------------------------------------------- */

static int
cmd_henighan_exec(sx_ctx *ctx, const sx_args *a)
{
	sx_out *o = ctx->out;
	double at, amin = INFINITY, amax = -INFINITY, asum = 0;
	size_t nd = 0;

	if (parse_positive(ctx, a, "--at", 1.0, &at) != 0)
		return -1;
	if (o->json) {
		out_obj_begin(o, "frontier henighan");
		out_key_num(o, "at_pfdays", at);
		out_key_arr(o, "domains");
	} else {
		out_printf(o, "Henighan et al. 2020, Table 1: N_opt = (C/C0)^a and "
		    "L(C) = Linf + (C0'/C)^alpha, at C = %g PF-days\n", at);
		out_printf(o, "  %-24s %5s %10s %8s %8s %8s %7s %11s\n", "domain",
		    "a", "N_opt", "L(C)", "irreduc", "reduc", "reduc%",
		    "C(red=irr)");
	}
	for (size_t i = 0; i < preset_count(); i++) {
		const sx_preset *p = preset_at(i);
		const sx_preset_law *l = preset_law(p, "L(C)");
		double c0, ex, linf, x0, al, red, nopt, ceq;

		if (strncmp(p->name, "henighan2020-", 13) != 0 || l == NULL ||
		    l->np != 3 || preset_const(p, "Nopt_C0", &c0) != 0 ||
		    preset_const(p, "Nopt_exp", &ex) != 0)
			continue;
		linf = l->pvals[0];
		x0 = l->pvals[1];
		al = l->pvals[2];
		red = exp(al * (log(x0) - log(at)));
		nopt = exp(ex * (log(at) - log(c0)));
		/* Reducible = irreducible where (x0/C)^alpha = Linf. */
		ceq = linf > 0 ? x0 * exp(-log(linf) / al) : NAN;
		amin = fmin(amin, ex);
		amax = fmax(amax, ex);
		asum += ex;
		nd++;
		if (o->json) {
			out_obj(o);
			out_key_str(o, "preset", p->name);
			out_key_num(o, "a", ex);
			out_key_num(o, "N_opt", nopt);
			out_key_num(o, "L", linf + red);
			out_key_num(o, "irreducible", linf);
			out_key_num(o, "reducible", red);
			out_key_num(o, "reducible_share", red / (linf + red));
			out_key_num(o, "C_reducible_equals_irreducible_pfdays", ceq);
			out_end(o);
		} else
			out_printf(o, "  %-24s %5.2f %10.3g %8.4g %8.4g %8.4g %6.1f%% "
			    "%11.3g\n", p->name + 13, ex, nopt, linf + red, linf, red,
			    100 * red / (linf + red), ceq);
	}
	if (nd == 0)
		return cmd_fail(ctx, -1, "no Henighan et al. presets found");
	if (o->json) {
		out_end(o);
		out_key_num(o, "a_min", amin);
		out_key_num(o, "a_max", amax);
		out_key_num(o, "a_mean", asum / (double)nd);
		out_obj_end(o);
	} else
		out_printf(o, "  N_opt exponents %.2f to %.2f (mean %.3f) over %zu "
		    "domains: nearly universal; C(red=irr) is where the reducible "
		    "loss falls to the irreducible (nan: no floor)\n", amin, amax,
		    asum / (double)nd, nd);
	return 0;
}

/* ---- crossover ----------------------------------------------------------- */

/* The options of the crossover command, in the order of enum figures_xarg. */
static const char *const xover_opt[] = { "SOURCE", "--data-line", "--set",
	"--compute", "--data", "--dline", "--nline", "--sensitivity", "--C" };

/* Where a caret goes for part `xarg` of the spec: the range's errors at
 * --C when it was given, else at the preset. */
static int
xover_argi(const sx_ctx *ctx, const sx_args *a, int xarg)
{
	int i;

	if (xarg == FIGURES_XARG_NONE)
		return -1;
	i = arg_index(a, ctx->cmd, xover_opt[xarg]);
	return i >= 0 || xarg != FIGURES_XARG_RANGE ? i :
	    arg_index(a, ctx->cmd, "SOURCE");
}

static void
xover_json_result(sx_out *o, const sx_xover *r)
{
	out_key_num(o, "C_star_pfdays", r->C_star_pfdays);
	out_key_num(o, "C_star_flop", r->C_star_flop);
	out_key_num(o, "N_star", r->N_star);
	out_key_num(o, "D_star", r->D_star);
	out_key_num(o, "L_star", r->L_star);
}

/* "Linf + (x0/X)^alpha", the constant left out when it is 0. */
static void
xover_text_law(sx_out *o, const char *lhs, double linf, double x0,
    const char *x, double al, const char *what)
{
	out_printf(o, "  %-9s = ", lhs);
	if (linf != 0.0)
		out_printf(o, "%.4g + ", linf);
	out_printf(o, "(%.4g/%s)^%.4g    %s\n", x0, x, al, what);
}

static void
xover_text_params(sx_out *o, const sx_xover_params *kp)
{
	xover_text_law(o, "L(C_min)", kp->Linf_C, kp->C_c, "C", kp->alpha_C,
	    "compute-efficient frontier");
	xover_text_law(o, "L(D)", kp->Linf_D, kp->D_c, "D", kp->alpha_D,
	    "data-limited bound");
	out_printf(o, "  %-9s = %.4g*C^%.4g tokens\n", "D(C_min)", kp->D_e,
	    kp->p_D);
	if (!isnan(kp->N_e) && !isnan(kp->p_N))
		out_printf(o, "  %-9s = %.4g*C^%.4g parameters\n", "N(C_min)",
		    kp->N_e, kp->p_N);
}

static void
xover_text_result(sx_out *o, const sx_xover *r)
{
	out_printf(o, "  C* = %.4g PF-days = %.4g FLOP\n", r->C_star_pfdays,
	    r->C_star_flop);
	if (!isnan(r->N_star))
		out_printf(o, "  N* = %.4g parameters\n", r->N_star);
	out_printf(o, "  D* = %.4g tokens\n", r->D_star);
	out_printf(o, "  L* = %.4g nats/token\n", r->L_star);
}

/* The crossover's figure (sessions/figures.h), to the sink or --out. */
static int
xover_plot(sx_ctx *ctx, const sx_args *a, const figures_xspec *spec)
{
	figures_fig *ff;
	sx_err e;
	int rc, xarg;

	err_clear(&e);
	if ((ff = figures_crossover(ctx->ws, spec, NULL, &e, &xarg)) == NULL)
		return cmd_fail(ctx, xover_argi(ctx, a, xarg), "%s", e.msg);
	rc = plotout_emit(ctx, a, figures_px(ff), "crossover");
	figures_free(ff);
	return rc;
}

static int
cmd_crossover_exec(sx_ctx *ctx, const sx_args *a)
{
	const char *src = arg(a, ctx->cmd, "SOURCE");
	const char *dline = arg(a, ctx->cmd, "--data-line");
	int sens = arg(a, ctx->cmd, "--sensitivity") != NULL;
	sx_out *o = ctx->out;
	figures_xspec spec = FIGURES_XSPEC_DEFAULT;
	figures_xlaws b;
	const sx_xover_params *kp = &b.kp;
	sx_xover r, cf;
	sx_xover_sens sv[4];
	size_t nsens = 0;
	char label[200];
	int have_cf, xarg;
	sx_err e;

	err_clear(&e);
	if (parse_range(ctx, a, "--C", &spec.c_lo, &spec.c_hi) != 0)
		return -1;
	if (spec.c_lo == spec.c_hi)
		return cmd_fail(ctx, arg_index(a, ctx->cmd, "--C"), "--C needs a "
		    "range (LO < HI)");
	spec.preset = src;
	spec.data_line = dline;
	spec.set = arg(a, ctx->cmd, "--set");
	spec.compute = arg(a, ctx->cmd, "--compute");
	spec.data = arg(a, ctx->cmd, "--data");
	spec.dline = arg(a, ctx->cmd, "--dline");
	spec.nline = arg(a, ctx->cmd, "--nline");
	spec.power = sens;
	if (figures_xover_bind(ctx->ws, &spec, &b, &e, &xarg) != 0 ||
	    (xarg = FIGURES_XARG_RANGE, crossover_find(&b.laws, spec.c_lo,
	    spec.c_hi, &r, &e)) != 0)
		return cmd_fail(ctx, xover_argi(ctx, a, xarg), "%s", e.msg);
	if (arg(a, ctx->cmd, "--plot") != NULL)
		return xover_plot(ctx, a, &spec);
	have_cf = !b.generic && crossover_closed(kp, &cf, &e) == 0;
	if (sens && !b.generic)
		nsens = crossover_sensitivity(kp, spec.c_lo, spec.c_hi, 0.05, sv);
	snprintf(label, sizeof label, "%s", src != NULL ? src : "fits");

	if (o->json) {
		out_obj_begin(o, "crossover");
		out_key_str(o, "source", label);
		xover_json_result(o, &r);
		if (src != NULL && strcmp(src, "kaplan2020") == 0)
			out_key_str(o, "data_line", dline != NULL ? dline : "table6");
		out_key_arr(o, "range_pfdays");
		out_num(o, spec.c_lo);
		out_num(o, spec.c_hi);
		out_end(o);
		out_key_int(o, "crossings", r.ncross);
		out_key_bool(o, "inconsistent_above", r.inconsistent_above);
		if (!b.generic) {
			out_key_obj(o, "params");
			for (size_t i = 0; crossover_param_names[i] != NULL; i++) {
				double *v = crossover_param(&b.kp, crossover_param_names[i]);

				out_key_num(o, crossover_param_names[i], *v);
			}
			out_end(o);
		}
		if (have_cf) {
			out_key_obj(o, "closed_form");
			xover_json_result(o, &cf);
			out_end(o);
		} else
			out_key_null(o, "closed_form");
		if (sens) {
			out_key_arr(o, "sensitivity");
			for (size_t i = 0; i < nsens; i++) {
				out_obj(o);
				out_key_str(o, "param", sv[i].param);
				out_key_num(o, "value", sv[i].value);
				out_key_num(o, "rel", 0.05);
				for (int s = 0; s < 2; s++) {
					out_key_obj(o, s == 0 ? "minus" : "plus");
					if (sv[i].ok[s])
						xover_json_result(o, &sv[i].r[s]);
					else
						out_key_null(o, "C_star_pfdays");
					out_end(o);
				}
				out_end(o);
			}
			out_end(o);
		}
		out_obj_end(o);
		return 0;
	}
	out_printf(o, "crossover of %s%s (Kaplan et al. 2020, section 6.3); C in "
	    "PF-days, 1 PF-day = %.3g FLOP\n", label, src != NULL &&
	    strcmp(src, "kaplan2020") == 0 ? (dline != NULL &&
	    strcmp(dline, "eq6.7") == 0 ? ", data line of eq. 6.7" :
	    ", data line of Table 6") : "", SX_FLOP_PER_PFDAY);
	if (!b.generic)
		xover_text_params(o, kp);
	else
		for (int w = 0; w < FIGURES_NLAWS; w++)
			if (b.from_fit[w])
				out_printf(o, "  %-16s fit %s (%s)\n", figures_law_what[w],
				    arg(a, ctx->cmd, xover_opt[FIGURES_XARG_COMPUTE + w]),
				    b.fitlaw[w].m->name);
	xover_text_result(o, &r);
	if (have_cf)
		out_printf(o, "  closed form: C* = %.10g PF-days (numeric %.10g)\n",
		    cf.C_star_pfdays, r.C_star_pfdays);
	if (r.ncross > 1)
		out_printf(o, "  (%d crossings in %g..%g PF-days; the first is "
		    "shown)\n", r.ncross, spec.c_lo, spec.c_hi);
	out_printf(o, "  %s C*, L(C_min) falls below the data-limited bound "
	    "L(D(C_min)): the laws cannot both hold there\n",
	    r.inconsistent_above ? "past" : "short of");
	if (src != NULL && strcmp(src, "kaplan2020") == 0)
		out_puts(o, "  paper (eq. 6.8): C* ~ 1e4 PF-days, N* ~ 1e12, "
		    "D* ~ 1e12, L* ~ 1.7 nats/token, uncertain by 10x either way\n");
	if (sens) {
		out_puts(o, "  sensitivity, each exponent -5% / +5%:\n");
		for (size_t i = 0; i < nsens; i++) {
			out_printf(o, "    %-8s %-7.4g", sv[i].param, sv[i].value);
			for (int s = 0; s < 2; s++) {
				if (sv[i].ok[s] && strcmp(sv[i].param, "p_N") == 0)
					out_printf(o, "  N* %9.3g (x%-6.3g) %9s",
					    sv[i].r[s].N_star, sv[i].r[s].N_star / r.N_star,
					    "");
				else if (sv[i].ok[s])
					out_printf(o, "  C* %9.3g (x%-6.3g) L* %-6.4g",
					    sv[i].r[s].C_star_pfdays,
					    sv[i].r[s].C_star_pfdays / r.C_star_pfdays,
					    sv[i].r[s].L_star);
				else
					out_printf(o, "  %-36s", "no crossover in range");
			}
			out_puts(o, "\n");
		}
	}
	return 0;
}

/* ---- the table ----------------------------------------------------------- */

static const sx_argdef frontier_args[] = {
	{ "SOURCE", ARG_WORD, 0, NULL, NULL },
	{ "--C", ARG_WORD, 0, NULL, "LO..HI" },
	{ "--points", ARG_INT, 0, NULL, "K" },
	{ "--k", ARG_NUMBER, 0, NULL, "K" },
	{ "--plot", ARG_FLAG, 0, NULL, NULL },
	PLOTOUT_ARGS,
	{ NULL, 0, 0, NULL, NULL }
};
static const sx_argdef approach1_args[] = {
	{ "DATA", ARG_DATASET, 0, NULL, NULL },
	{ "--bins", ARG_INT, 0, NULL, "B" },
	{ "--C", ARG_WORD, 0, NULL, "LO..HI" },
	{ "--k", ARG_NUMBER, 0, NULL, "K" },
	{ NULL, 0, 0, NULL, NULL }
};
static const sx_argdef approach2_args[] = {
	{ "DATA", ARG_DATASET, 0, NULL, NULL },
	{ "--gap", ARG_NUMBER, 0, NULL, "DECADES" },
	{ "--window", ARG_INT, 0, NULL, "K" },
	{ "--k", ARG_NUMBER, 0, NULL, "K" },
	{ NULL, 0, 0, NULL, NULL }
};
static const sx_argdef henighan_args[] = {
	{ "--at", ARG_NUMBER, 0, NULL, "C" },
	{ NULL, 0, 0, NULL, NULL }
};
static const sx_argdef crossover_args[] = {
	{ "SOURCE", ARG_PRESET, ARG_OPT, NULL, NULL },
	{ "--data-line", ARG_CHOICE, 0, "table6|eq6.7", "table6|eq6.7" },
	{ "--set", ARG_ASSIGNS, 0, NULL, "P=V,..." },
	{ "--compute", ARG_FIT, 0, NULL, "FIT" },
	{ "--data", ARG_FIT, 0, NULL, "FIT" },
	{ "--dline", ARG_FIT, 0, NULL, "FIT" },
	{ "--nline", ARG_FIT, 0, NULL, "FIT" },
	{ "--C", ARG_WORD, 0, NULL, "LO..HI" },
	{ "--sensitivity", ARG_FLAG, 0, NULL, NULL },
	{ "--plot", ARG_FLAG, 0, NULL, NULL },
	PLOTOUT_ARGS,
	{ NULL, 0, 0, NULL, NULL }
};

const sx_cmd cmd_frontier_table[] = {
	{ "frontier", "frontier FIT|PRESET [--C LO..HI] [--points K] [--k K] "
	  "[--plot ...]",
	  "The compute-optimal frontier of a law L(N, D) (a fit, or a preset\n"
	  "with an L(N,D) law such as hoffmann2022-unrounded): at each budget\n"
	  "C = k*N*D the N minimising L, with D_opt = C/(k*N_opt), L_opt and\n"
	  "tokens per parameter, and the exponents of N_opt ~ C^a, D_opt ~ C^b\n"
	  "by log-log regression over the rows (with percentile intervals when\n"
	  "the fit has bootstrap replicates: fit ... --bootstrap K). Chinchilla's law uses its closed\n"
	  "form N_opt = G*(C/k)^(beta/(alpha+beta)); any other law, user-defined\n"
	  "ones included, a Brent minimisation over log N.\n"
	  "  --C LO..HI     budgets in FLOP (default 1e18..1e26), log-spaced\n"
	  "  --points K     rows (default 9)\n"
	  "  --k K          FLOP per parameter per token (default 6)\n"
	  "  --plot         draw N_opt(C) and D_opt(C) instead of the table, the\n"
	  "                 rows' budgets marked and a fit's runs as (C, N)\n"
	  "                 points (the TUI's Frontier pane draws this with the\n"
	  "                 defaults), with the plot options:\n"
	  PLOTOUT_HELP
	  "See also 'frontier approach1', 'frontier approach2' (from runs) and\n"
	  "'frontier henighan'.\n",
	  frontier_args, 0, cmd_frontier_exec },
	{ "frontier approach1", "frontier approach1 DATA [--bins B] [--C LO..HI] "
	  "[--k K]",
	  "Hoffmann et al.'s approach 1 on runs (columns N, L, and C or D):\n"
	  "the lower envelope of the learning curves. Runs are binned by log C;\n"
	  "in each bin the lowest-loss run gives N_opt, and N_opt = coef*C^a is\n"
	  "fitted through them (with the slope's standard error).\n"
	  "  --bins B       compute bins (default 20)\n"
	  "  --C LO..HI     bin only this range of C in FLOP (default: the\n"
	  "                 runs' range); keep it where the sizes run bracket\n"
	  "                 the optimum, or the envelope sticks to the edge\n"
	  "  --k K          C = k*N*D when DATA has no C column (default 6)\n",
	  approach1_args, 0, cmd_approach1_exec },
	{ "frontier approach2", "frontier approach2 DATA [--gap DECADES] "
	  "[--window K] [--k K]",
	  "Hoffmann et al.'s approach 2 (IsoFLOP profiles) on runs (columns N, L,\n"
	  "and C or D): runs are grouped by budget, a parabola of L in log N is\n"
	  "fitted per budget to the K sizes around its lowest loss, and its\n"
	  "vertex is that budget's N_opt; then N_opt = coef*C^a. Budgets with\n"
	  "fewer than 3 sizes or a parabola opening downwards are skipped; so is\n"
	  "a budget whose vertex lies outside the sizes fitted, with a warning.\n"
	  "A vertex below every loss run at its budget by more than 1/8 of the\n"
	  "spread of the losses fitted (the most a parabola through evenly\n"
	  "spaced sizes dips between two of them) plus the runs' scatter about\n"
	  "it is an extrapolation: it is kept, with a warning.\n"
	  "Approach 2 is biased when alpha != beta: L is not symmetric in log N\n"
	  "about its minimum, so the parabola's vertex misses it by a factor that\n"
	  "depends on the window of sizes; N_opt is off, and so is the exponent\n"
	  "when the windows are not placed alike around every budget's optimum.\n"
	  "  --gap DECADES  a new budget starts where sorted log10 C jumps by\n"
	  "                 more than this (default 0.1)\n"
	  "  --window K     fit the K runs nearest in size to the lowest loss of\n"
	  "                 each budget (default 9; 0: all). Hoffmann et al. fit\n"
	  "                 each IsoFLOP profile whole, its sizes placed around\n"
	  "                 the minimum: a profile of up to 9 sizes is fitted\n"
	  "                 whole, a wider sweep only near its minimum, where L\n"
	  "                 is close to a parabola in log N\n"
	  "  --k K          C = k*N*D when DATA has no C column (default 6)\n",
	  approach2_args, 0, cmd_approach2_exec },
	{ "frontier henighan", "frontier henighan [--at C]",
	  "Henighan et al. 2020, every domain of Table 1: the exponent a of\n"
	  "N_opt = (C/C0)^a (nearly universal, 0.64 to 0.75), N_opt at C, and the\n"
	  "split of L(C) = Linf + (C0'/C)^alpha into the irreducible Linf and the\n"
	  "reducible rest at C, with the compute where the two are equal.\n"
	  "  --at C         compute in PF-days (default 1)\n",
	  henighan_args, 0, cmd_henighan_exec },
	{ "crossover", "crossover [PRESET] [--data-line table6|eq6.7] "
	  "[--set P=V,...] [--compute FIT] [--data FIT] [--dline FIT] "
	  "[--nline FIT] [--C LO..HI] [--sensitivity] [--plot ...]",
	  "Kaplan et al. 2020, section 6.3: the compute-efficient frontier\n"
	  "L(C_min) = Linf_C + (C_c/C)^alpha_C against the data-limited bound\n"
	  "L(D) = Linf_D + (D_c/D)^alpha_D along the data of compute-efficient\n"
	  "training, D = D_e*C^p_D. They cross at C* (bracketed root finding on\n"
	  "log C); there N* = N_e*C*^p_N, D* and L*. Past C* the frontier would\n"
	  "beat the data bound, so the laws must break down before it. C is in\n"
	  "PF-days (1 PF-day = 8.64e19 FLOP). For pure power laws the closed form\n"
	  "is shown beside the numeric root.\n"
	  "  PRESET         kaplan2020 (Tables 5 and 6), or henighan2020-* (L(C)\n"
	  "                 and N_opt; image16 also section 6's N = 2.8e8*C^0.74\n"
	  "                 and D from C = 5e-42*D^3.9; their L(D) is not\n"
	  "                 published: give it with --set or --data)\n"
	  "  --data-line L  table6 (D = 2e10*C^0.27, default) or eq6.7\n"
	  "                 (D = 4e10*C^0.26); the two differ by about 2x\n"
	  "  --set P=V,...  override alpha_C, C_c, Linf_C, alpha_D, D_c, Linf_D,\n"
	  "                 D_e, p_D, N_e, p_N\n"
	  "  --compute FIT  a fitted L(C) (one column; C in FLOP unless its\n"
	  "                 column's unit is PF-days); --data FIT a fitted L(D);\n"
	  "                 --dline FIT, --nline FIT fitted D(C), N(C) (pl laws)\n"
	  "                 Without PRESET, --compute, --data and --dline are\n"
	  "                 needed.\n"
	  "  --C LO..HI     search range in PF-days (default 1e-10..1e15)\n"
	  "  --sensitivity  C* and L* with each exponent 5% lower and higher\n"
	  "                 (the paper: uncertain by an order of magnitude)\n"
	  "  --plot         draw both laws over compute, C* marked and the\n"
	  "                 region where they disagree shaded, instead of the\n"
	  "                 report (the TUI's Crossover pane draws this for\n"
	  "                 kaplan2020 and the fits whose columns fit the\n"
	  "                 roles), with the plot options:\n"
	  PLOTOUT_HELP
	  "With no crossing inside the range it says so and gives no number.\n",
	  crossover_args, 0, cmd_crossover_exec },
	{ NULL, NULL, NULL, NULL, 0, NULL }
};
