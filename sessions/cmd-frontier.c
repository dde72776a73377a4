/* cmd-frontier.c: frontier, frontier approach1/approach2/henighan, crossover. */
#include "config.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "base/xalloc.h"
#include "scaling/crossover.h"
#include "scaling/frontier.h"
#include "scaling/presets.h"
#include "scaling/units.h"
#include "sessions/cmd.h"
#include "sessions/colbind.h"
#include "sessions/figures.h"
#include "sessions/plotout.h"
#include "views/view.h"

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
static sx_rec *
frontier_rec(const char *source, const char *law, const sx_frontier *f,
    const double *ci, double level)
{
	sx_rec *r = rec_new("frontier"), *rows;

	rec_str(r, "source", source);
	rec_str(r, "law", law);
	rec_str(r, "method", f->closed ? "closed form" :
	    "numeric minimisation over log N");
	rec_num(r, "k", f->k);
	rec_num(r, "a", f->a);
	rec_num(r, "b", f->b);
	if (ci != NULL) {
		sx_rec *ac = rec_arr(r, "a_ci"), *bc = rec_arr(r, "b_ci");

		rec_num(ac, NULL, ci[0]);
		rec_num(ac, NULL, ci[1]);
		rec_num(bc, NULL, ci[2]);
		rec_num(bc, NULL, ci[3]);
		rec_num(r, "ci_level", level);
	}
	rows = rec_arr(r, "rows");
	for (size_t i = 0; i < f->n; i++) {
		const sx_frontier_pt *p = &f->pt[i];
		sx_rec *row = rec_obj(rows, NULL);

		rec_num(row, "C", p->C);
		rec_num(row, "N_opt", p->N_opt);
		rec_num(row, "D_opt", p->D_opt);
		rec_num(row, "L_opt", p->L_opt);
		rec_num(row, "tokens_per_param", p->D_opt / p->N_opt);
		rec_num(row, "C_pfdays", units_flop_to_pfdays(p->C));
	}
	return r;
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
	view_put(ctx->out, frontier_rec(src, m->name, &f, have_ci ? ci : NULL,
	    have_ci ? fr->res.ci_level : NAN));
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

static sx_rec *
approach_rec(const char *cmd, const char *data, const sx_approach *a)
{
	sx_rec *r = rec_new(cmd), *w, *pts;

	rec_str(r, "data", data);
	rec_num(r, "a", a->a);
	rec_num(r, "a_se", a->a_se);
	rec_num(r, "b", 1.0 - a->a);
	rec_num(r, "coef", a->coef);
	rec_int(r, "groups", (long long)a->ngroups);
	rec_int(r, "skipped", (long long)a->nskipped);
	w = rec_arr(r, "warnings");
	for (size_t i = 0; i < a->nwarn; i++)
		rec_str(w, NULL, a->warn[i]);
	pts = rec_arr(r, "points");
	for (size_t i = 0; i < a->n; i++) {
		sx_rec *p = rec_obj(pts, NULL);

		rec_num(p, "C", a->C[i]);
		rec_num(p, "N_opt", a->N_opt[i]);
		rec_num(p, "L_opt", a->L_opt[i]);
	}
	return r;
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
	view_put(ctx->out, approach_rec("frontier approach1", ds->name, &r));
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
	view_put(ctx->out, approach_rec("frontier approach2", ds->name, &r));
	approach_free(&r);
	return 0;
}

/* ---- frontier henighan --------------------------------------------------- */

static int
cmd_henighan_exec(sx_ctx *ctx, const sx_args *a)
{
	double at, amin = INFINITY, amax = -INFINITY, asum = 0;
	size_t nd = 0;
	sx_rec *r, *doms;

	if (parse_positive(ctx, a, "--at", 1.0, &at) != 0)
		return -1;
	r = rec_new("frontier henighan");
	rec_num(r, "at_pfdays", at);
	doms = rec_arr(r, "domains");
	for (size_t i = 0; i < preset_count(); i++) {
		const sx_preset *p = preset_at(i);
		const sx_preset_law *l = preset_law(p, "L(C)");
		double c0, ex, linf, x0, al, red, ceq;
		sx_rec *d;

		if (strncmp(p->name, "henighan2020-", 13) != 0 || l == NULL ||
		    l->np != 3 || preset_const(p, "Nopt_C0", &c0) != 0 ||
		    preset_const(p, "Nopt_exp", &ex) != 0)
			continue;
		linf = l->pvals[0];
		x0 = l->pvals[1];
		al = l->pvals[2];
		red = exp(al * (log(x0) - log(at)));
		/* Reducible = irreducible where (x0/C)^alpha = Linf. */
		ceq = linf > 0 ? x0 * exp(-log(linf) / al) : NAN;
		amin = fmin(amin, ex);
		amax = fmax(amax, ex);
		asum += ex;
		nd++;
		d = rec_obj(doms, NULL);
		rec_str(d, "preset", p->name);
		rec_num(d, "a", ex);
		rec_num(d, "N_opt", exp(ex * (log(at) - log(c0))));
		rec_num(d, "L", linf + red);
		rec_num(d, "irreducible", linf);
		rec_num(d, "reducible", red);
		rec_num(d, "reducible_share", red / (linf + red));
		rec_num(d, "C_reducible_equals_irreducible_pfdays", ceq);
	}
	if (nd == 0) {
		rec_free(r);
		return cmd_fail(ctx, -1, "no Henighan et al. presets found");
	}
	rec_num(r, "a_min", amin);
	rec_num(r, "a_max", amax);
	rec_num(r, "a_mean", asum / (double)nd);
	view_put(ctx->out, r);
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

/* C*, N*, D*, L* of one crossing, as members of `to`. */
static void
xover_rec_result(sx_rec *to, const sx_xover *x)
{
	rec_num(to, "C_star_pfdays", x->C_star_pfdays);
	rec_num(to, "C_star_flop", x->C_star_flop);
	rec_num(to, "N_star", x->N_star);
	rec_num(to, "D_star", x->D_star);
	rec_num(to, "L_star", x->L_star);
}

/* The -5% / +5% rows of --sensitivity. */
static void
xover_rec_sens(sx_rec *to, const sx_xover_sens *sv, size_t n)
{
	sx_rec *arr = rec_arr(to, "sensitivity");

	for (size_t i = 0; i < n; i++) {
		sx_rec *row = rec_obj(arr, NULL);

		rec_str(row, "param", sv[i].param);
		rec_num(row, "value", sv[i].value);
		rec_num(row, "rel", 0.05);
		for (int s = 0; s < 2; s++) {
			sx_rec *side = rec_obj(row, s == 0 ? "minus" : "plus");

			if (sv[i].ok[s])
				xover_rec_result(side, &sv[i].r[s]);
			else
				rec_null(side, "C_star_pfdays");
		}
	}
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
	figures_xspec spec = FIGURES_XSPEC_DEFAULT;
	figures_xlaws b;
	const sx_xover_params *kp = &b.kp;
	sx_xover r, cf;
	sx_xover_sens sv[4];
	size_t nsens = 0;
	sx_rec *rec, *range;
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
	rec = rec_new("crossover");
	rec_str(rec, "source", src != NULL ? src : "fits");
	xover_rec_result(rec, &r);
	if (src != NULL && strcmp(src, "kaplan2020") == 0)
		rec_str(rec, "data_line", dline != NULL ? dline : "table6");
	range = rec_arr(rec, "range_pfdays");
	rec_num(range, NULL, spec.c_lo);
	rec_num(range, NULL, spec.c_hi);
	rec_int(rec, "crossings", r.ncross);
	rec_bool(rec, "inconsistent_above", r.inconsistent_above);
	if (!b.generic) {
		sx_rec *par = rec_obj(rec, "params");

		for (size_t i = 0; crossover_param_names[i] != NULL; i++)
			rec_num(par, crossover_param_names[i],
			    *crossover_param(&b.kp, crossover_param_names[i]));
	} else {
		sx_rec *fits = rec_arr(rec, "fits");

		for (int w = 0; w < FIGURES_NLAWS; w++)
			if (b.from_fit[w]) {
				sx_rec *f = rec_obj(fits, NULL);

				rec_str(f, "role", figures_law_what[w]);
				rec_str(f, "fit", arg(a, ctx->cmd,
				    xover_opt[FIGURES_XARG_COMPUTE + w]));
				rec_str(f, "model", b.fitlaw[w].m->name);
			}
	}
	if (have_cf)
		xover_rec_result(rec_obj(rec, "closed_form"), &cf);
	else
		rec_null(rec, "closed_form");
	if (sens)
		xover_rec_sens(rec, sv, nsens);
	view_put(ctx->out, rec);
	return 0;
}

/* ---- the table ----------------------------------------------------------- */

static const sx_argdef frontier_args[] = {
	{ "SOURCE", ARG_WORD, 0, NULL, NULL, NULL, NULL },
	{ "--C", ARG_WORD, 0, NULL, "LO..HI", NULL, NULL },
	{ "--points", ARG_INT, 0, NULL, "K", NULL, NULL },
	{ "--k", ARG_NUMBER, 0, NULL, "K", NULL, NULL },
	{ "--plot", ARG_FLAG, 0, NULL, NULL, NULL, NULL },
	PLOTOUT_ARGS,
	{ NULL, 0, 0, NULL, NULL, NULL, NULL }
};
static const sx_argdef approach1_args[] = {
	{ "DATA", ARG_DATASET, 0, NULL, NULL, NULL, NULL },
	{ "--bins", ARG_INT, 0, NULL, "B", NULL, NULL },
	{ "--C", ARG_WORD, 0, NULL, "LO..HI", NULL, NULL },
	{ "--k", ARG_NUMBER, 0, NULL, "K", NULL, NULL },
	{ NULL, 0, 0, NULL, NULL, NULL, NULL }
};
static const sx_argdef approach2_args[] = {
	{ "DATA", ARG_DATASET, 0, NULL, NULL, NULL, NULL },
	{ "--gap", ARG_NUMBER, 0, NULL, "DECADES", NULL, NULL },
	{ "--window", ARG_INT, 0, NULL, "K", NULL, NULL },
	{ "--k", ARG_NUMBER, 0, NULL, "K", NULL, NULL },
	{ NULL, 0, 0, NULL, NULL, NULL, NULL }
};
static const sx_argdef henighan_args[] = {
	{ "--at", ARG_NUMBER, 0, NULL, "C", NULL, NULL },
	{ NULL, 0, 0, NULL, NULL, NULL, NULL }
};
static const sx_argdef crossover_args[] = {
	{ "SOURCE", ARG_PRESET, ARG_OPT, NULL, NULL, NULL, NULL },
	{ "--data-line", ARG_CHOICE, 0, "table6|eq6.7", "table6|eq6.7", NULL, NULL },
	{ "--set", ARG_ASSIGNS, 0, NULL, "P=V,...", NULL, NULL },
	{ "--compute", ARG_FIT, 0, NULL, "FIT", NULL, NULL },
	{ "--data", ARG_FIT, 0, NULL, "FIT", NULL, NULL },
	{ "--dline", ARG_FIT, 0, NULL, "FIT", NULL, NULL },
	{ "--nline", ARG_FIT, 0, NULL, "FIT", NULL, NULL },
	{ "--C", ARG_WORD, 0, NULL, "LO..HI", NULL, NULL },
	{ "--sensitivity", ARG_FLAG, 0, NULL, NULL, NULL, NULL },
	{ "--plot", ARG_FLAG, 0, NULL, NULL, NULL, NULL },
	PLOTOUT_ARGS,
	{ NULL, 0, 0, NULL, NULL, NULL, NULL }
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
