/* crossover.c: crossover: where Kaplan et al.'s compute frontier meets
 * the data bound (C*, N*, D*, L*). */
#include "config.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include <strings.h>

#include "base/xalloc.h"
#include "commands/scaling/frontier.h"
#include "scaling/crossover.h"
#include "scaling/presets.h"
#include "scaling/units.h"
#include "sessions/figures.h"
#include "sessions/plotout.h"
#include "views/view.h"

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

static const sx_argdef crossover_args[] = {
	{ "SOURCE", ARG_PRESET, ARG_OPT, NULL, "PRESET", NULL, NULL },
	{ "--data-line", ARG_CHOICE, 0, "table6|eq6.7", "table6|eq6.7",
	  "kaplan2020's data line: table6 (D = 2e10*C^0.27) or eq6.7 "
	  "(D = 4e10*C^0.26); the two differ by about 2x", "table6" },
	{ "--set", ARG_ASSIGNS, 0, NULL, "P=V,...",
	  "override alpha_C, C_c, Linf_C, alpha_D, D_c, Linf_D, D_e, p_D, N_e, "
	  "p_N", NULL },
	{ "--compute", ARG_FIT, 0, NULL, "FIT",
	  "a fitted L(C) (one column; C in FLOP unless its column's unit is "
	  "PF-days)", NULL },
	{ "--data", ARG_FIT, 0, NULL, "FIT", "a fitted L(D)", NULL },
	{ "--dline", ARG_FIT, 0, NULL, "FIT", "a fitted D(C) (a pl law)", NULL },
	{ "--nline", ARG_FIT, 0, NULL, "FIT", "a fitted N(C) (a pl law)", NULL },
	{ "--C", ARG_WORD, 0, NULL, "LO..HI", "search range in PF-days",
	  SX_STR(FIGURES_XOVER_C_LO) ".." SX_STR(FIGURES_XOVER_C_HI) },
	{ "--sensitivity", ARG_FLAG, 0, NULL, NULL,
	  "C* and L* with each exponent 5% lower and higher (the paper: "
	  "uncertain by an order of magnitude)", NULL },
	{ "--plot", ARG_FLAG, 0, NULL, NULL,
	  "draw both laws over compute, C* marked and the region where they "
	  "disagree shaded, instead of the report (the TUI's Crossover pane "
	  "draws this for kaplan2020 and the fits whose columns fit the "
	  "roles), with the plot options:", NULL },
	PLOTOUT_ARGS,
	{ NULL, 0, 0, NULL, NULL, NULL, NULL }
};

const sx_cmd cmd_crossover_entry = {
	"crossover", NULL,
	"Kaplan et al. 2020, section 6.3: the compute-efficient frontier\n"
	"L(C_min) = Linf_C + (C_c/C)^alpha_C against the data-limited bound\n"
	"L(D) = Linf_D + (D_c/D)^alpha_D along the data of compute-efficient\n"
	"training, D = D_e*C^p_D. They cross at C* (bracketed root finding on\n"
	"log C); there N* = N_e*C*^p_N, D* and L*. Past C* the frontier would\n"
	"beat the data bound, so the laws must break down before it. C is in\n"
	"PF-days (1 PF-day = 8.64e19 FLOP). For pure power laws the closed form\n"
	"is shown beside the numeric root. With no crossing inside the range\n"
	"it says so and gives no number.\n"
	"PRESET is kaplan2020 (Tables 5 and 6, the default), or\n"
	"henighan2020-* (L(C) and N_opt; image16 also section 6's\n"
	"N = 2.8e8*C^0.74 and D from C = 5e-42*D^3.9; their L(D) is not\n"
	"published: give it with --set or --data). Fitted laws replace the\n"
	"preset's; without a preset, --compute, --data and --dline are needed.\n",
	crossover_args, 0, cmd_crossover_exec
};
