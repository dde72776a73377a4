/* frontier.c: frontier: the compute-optimal N, D and L of a law by budget. */
#include "config.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "base/xalloc.h"
#include "commands/scaling/frontier.h"
#include "scaling/frontier.h"
#include "scaling/presets.h"
#include "scaling/units.h"
#include "sessions/figures.h"
#include "sessions/plotout.h"
#include "sessions/tableout.h"
#include "views/view.h"

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
	if (!isnan(f->U))
		rec_num(r, "unique", f->U);
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
		if (!isnan(f->U))
			rec_num(row, "epochs", p->D_opt / f->U);
		if (p->flat)
			rec_bool(row, "flat", 1);
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

/* The frontier table of fs.source (a fit or a preset), or NULL after
 * cmd_fail. */
static sx_rec *
frontier_table(sx_ctx *ctx, const figures_fspec *fs, int argi)
{
	const sx_fitrec *fr;
	const sx_model *m;
	const double *p;
	sx_frontier f;
	sx_rec *r;
	sx_err e;
	int have_ci = 0;
	double ci[4];

	err_clear(&e);
	if (figures_nd_source(ctx->ws, fs->source, fs->unique, &m, &p, &fr,
	    &e) != 0 || frontier_run_u(m, p, fs->k, fs->c_lo, fs->c_hi,
	    fs->points, fs->unique, &f, &e) != 0) {
		cmd_fail(ctx, argi, "%s", e.msg);
		return NULL;
	}
	/* With bootstrap replicates, each one's exponents give intervals. */
	if (fr != NULL && fr->res.nboot > 1 &&
	    frontier_boot_ci(m, fr->res.boot, fr->res.nboot, fs->k, fs->c_lo,
	    fs->c_hi, fs->points, fs->unique, fr->res.ci_level, ci, &e) == 0)
		have_ci = 1;
	r = frontier_rec(fs->source, m->name, &f, have_ci ? ci : NULL,
	    have_ci ? fr->res.ci_level : NAN);
	frontier_free(&f);
	return r;
}

/* frontier BASE for a group fit's name: a table a group, all or none. */
static int
frontier_groups(sx_ctx *ctx, const sx_args *a, const figures_fspec *fs,
    int argi, size_t n)
{
	sx_fitrec **fits = xcalloc(n, sizeof *fits);
	sx_rec **recs = xcalloc(n, sizeof *recs);
	figures_fspec one = *fs;
	size_t k;
	int rc;

	if (arg(a, ctx->cmd, "--plot") != NULL) {
		free(fits);
		free(recs);
		return cmd_fail(ctx, argi, "--plot draws one fit's frontier: name "
		    "a group, e.g. '%s[...]' (see 'fits')", fs->source);
	}
	ws_group_fits(ctx->ws, fs->source, fits, n);
	for (k = 0; k < n; k++) {
		one.source = fits[k]->name;
		if ((recs[k] = frontier_table(ctx, &one, argi)) == NULL)
			break;
	}
	rc = tableout_put_all(ctx, a, recs, n, k);
	free(recs);
	free(fits);
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
	unsigned long npts;
	size_t nfits;
	sx_rec *r;
	sx_err e;

	if (arg(a, ctx->cmd, "--plot") != NULL &&
	    (arg(a, ctx->cmd, "--format") != NULL ||
	    arg(a, ctx->cmd, "--se") != NULL))
		return cmd_fail(ctx, arg_index(a, ctx->cmd,
		    arg(a, ctx->cmd, "--format") != NULL ? "--format" : "--se"),
		    "%s is for the table, and --plot draws instead (its --out "
		    "FILE takes the plot)", arg(a, ctx->cmd, "--format") != NULL ?
		    "--format" : "--se");
	if (parse_range(ctx, a, "--C", &fs.c_lo, &fs.c_hi) != 0 ||
	    parse_positive(ctx, a, "--k", &fs.k) != 0 ||
	    (arg(a, ctx->cmd, "--unique") != NULL &&
	    parse_positive(ctx, a, "--unique", &fs.unique) != 0))
		return -1;
	npts = arg_int(a, ctx->cmd, "--points");
	if (npts < 1 || npts > 100000)
		return cmd_fail(ctx, arg_index(a, ctx->cmd, "--points"),
		    "--points must be 1 to 100000");
	if (fs.c_lo == fs.c_hi)
		npts = 1;
	else if (npts == 1)
		return cmd_fail(ctx, arg_index(a, ctx->cmd, "--points"),
		    "one point needs a single budget (--C X..X)");
	fs.source = src;
	fs.points = (size_t)npts;
	nfits = ws_fit(ctx->ws, src) == NULL ? ws_group_fits(ctx->ws, src, NULL,
	    0) : 0;
	if (nfits > 0)
		return frontier_groups(ctx, a, &fs, argi, nfits);
	err_clear(&e);
	if (figures_nd_source(ctx->ws, src, fs.unique, &m, &p, &fr, &e) != 0) {
		sx_err e2;

		/* A law of N and D given --unique: the caret under --unique. */
		err_clear(&e2);
		if (!isnan(fs.unique) && figures_nd_source(ctx->ws, src, NAN, &m,
		    &p, &fr, &e2) == 0)
			argi = arg_index(a, ctx->cmd, "--unique");
		return cmd_fail(ctx, argi, "%s", e.msg);
	}
	if (arg(a, ctx->cmd, "--plot") != NULL)
		return frontier_plot(ctx, a, &fs, argi);
	if ((r = frontier_table(ctx, &fs, argi)) == NULL)
		return -1;
	return tableout_put(ctx, a, r);
}

static const sx_argdef frontier_args[] = {
	{ "SOURCE", ARG_WORD, 0, NULL, "FIT|PRESET", NULL, NULL },
	{ "--C", ARG_WORD, 0, NULL, "LO..HI", "budgets in FLOP, log-spaced",
	  SX_STR(FIGURES_FRONTIER_C_LO) ".." SX_STR(FIGURES_FRONTIER_C_HI) },
	{ "--points", ARG_INT, 0, NULL, "K", "rows",
	  SX_STR(FIGURES_FRONTIER_POINTS) },
	{ "--k", ARG_NUMBER, 0, NULL, "K", "FLOP per parameter per token",
	  SX_STR(SX_FRONTIER_K) },
	{ "--unique", ARG_NUMBER, 0, NULL, "U",
	  "unique tokens available, for a law of N, D and U such as datacon "
	  "(muennighoff2023): N and D = C/(k*N) minimise L(N, D, U), and each "
	  "row gives the epochs D_opt/U", NULL },
	{ "--plot", ARG_FLAG, 0, NULL, NULL,
	  "draw N_opt(C) and D_opt(C) instead of the table, the rows' budgets "
	  "marked and a fit's runs as (C, N) points (the TUI's Frontier pane "
	  "draws this with the defaults), with the plot options:", NULL },
	PLOTOUT_ARGS,
	TABLEOUT_FORMAT_ARGS,
	{ NULL, 0, 0, NULL, NULL, NULL, NULL }
};

const sx_cmd cmd_frontier_entry = {
	"frontier", NULL,
	"The compute-optimal frontier of a law L(N, D) (a fit, or a preset\n"
	"with an L(N,D) law such as hoffmann2022-unrounded): at each budget\n"
	"C = k*N*D the N minimising L, with D_opt = C/(k*N_opt), L_opt and\n"
	"tokens per parameter, and the exponents of N_opt ~ C^a, D_opt ~ C^b\n"
	"by log-log regression over the rows (with percentile intervals when\n"
	"the fit has bootstrap replicates: fit ... --bootstrap K). Chinchilla's\n"
	"law uses its closed form N_opt = G*(C/k)^(beta/(alpha+beta)); any\n"
	"other law, user-defined ones included, a Brent minimisation over\n"
	"log N. A law of N, D and unique tokens U (datacon, preset\n"
	"muennighoff2023) takes the limit on unique data with --unique U:\n"
	"the data-constrained optimum, repeating data for D_opt/U epochs\n"
	"(a row where L is flat to rounding along C, the unique data long\n"
	"exhausted, is marked flat: more compute buys nothing there).\n"
	"See also 'frontier approach1', 'frontier approach2' (from\n"
	"runs) and 'frontier henighan'.\n",
	  frontier_args, 0, cmd_frontier_exec
};
