/* text-fit.c: text views of the fit family's records. */
#include "config.h"

#include <math.h>
#include <stdio.h>
#include <string.h>

#include "base/fmt.h"
#include "views/text.h"

/* One parameter's line: value ± se, its interval, or why it has none. */
static void
tf_param(sx_out *o, const char *name, const sx_rec *p, double cond)
{
	double v = rec_get_num(p, "value"), se = rec_get_num(p, "se");
	const sx_rec *ci = rec_get(p, "ci");

	if (rec_get_str(p, "tied") != NULL)
		out_printf(o, "  %-8s %14.6g   (tied to %s)\n", name, v,
		    rec_get_str(p, "tied"));
	else if (rec_get_str(p, "bound") != NULL)
		out_printf(o, "  %-8s %14.6g   (at its %s bound)\n", name, v,
		    rec_get_str(p, "bound"));
	else if (isnan(se) && ci == NULL)
		/* A NaN error: fixed, or the fit could not tell it. */
		out_printf(o, "  %-8s %14.6g   %s\n", name, v,
		    rec_get_bool(p, "fixed") ? "(fixed)" : isfinite(cond) ?
		    "(no standard error: see the warning)" :
		    "(no standard error: not identifiable here)");
	else if (ci == NULL)
		out_printf(o, "  %-8s %14.6g ± %-10.3g\n", name, v, se);
	else
		out_printf(o, "  %-8s %14.6g ± %-10.3g %g%% CI [%.6g, %.6g]\n", name,
		    v, se, 100.0 * rec_get_num(p, "ci_level"),
		    rec_num_of(rec_at(ci, 0)), rec_num_of(rec_at(ci, 1)));
}

static void
tf_corr(sx_out *o, const sx_rec *params, const sx_rec *corr)
{
	size_t np = rec_len(params);

	out_printf(o, "  correlation\n  %-8s", "");
	for (size_t j = 0; j < np; j++)
		out_printf(o, " %8.8s", rec_at(params, j)->key);
	out_puts(o, "\n");
	for (size_t i = 0; i < np; i++) {
		out_printf(o, "  %-8s", rec_at(params, i)->key);
		for (size_t j = 0; j < np; j++) {
			double c = rec_num_of(rec_at(rec_at(corr, i), j));

			if (isnan(c))
				out_printf(o, " %8s", "-");
			else
				out_printf(o, " %8.4f", c);
		}
		out_puts(o, "\n");
	}
}

/* The report of fit and fit show. */
/* "fitted 36 of 37 rows; 1 has no L", when rows had missing values. */
static void
tf_missing(sx_out *o, const sx_rec *r)
{
	const sx_rec *miss = rec_get(r, "missing"), *ho = rec_get(r, "holdout");

	if (rec_len(miss) == 0)
		return;
	out_printf(o, "  fitted %lld of %lld rows", rec_get_int(r, "n"),
	    rec_get_int(r, "rows"));
	text_missing(o, miss);
	if (ho != NULL)
		out_printf(o, "; %lld held out", rec_get_int(ho, "n"));
	out_puts(o, "\n");
}

void
text_fit(sx_out *o, const sx_rec *r)
{
	const sx_rec *x = rec_get(r, "x"), *params = rec_get(r, "params");
	const sx_rec *st = rec_get(r, "starts"), *bs = rec_get(r, "bootstrap");
	const sx_rec *ho = rec_get(r, "holdout"), *td = rec_get(r,
	    "doubling_time");
	long long iters = rec_get_int(r, "iterations");
	const char *warn = rec_get_str(r, "warnings");

	out_printf(o, "fit %s: %s to %s", rec_get_str(r, "name"),
	    rec_get_str(r, "model"), rec_get_str(r, "data"));
	if (rec_get_str(r, "group") != NULL)
		out_printf(o, " where %s is %s", rec_get_str(r, "by"),
		    rec_get_str(r, "group"));
	out_printf(o, " (%lld rows), %s = L(", rec_get_int(r, "n"),
	    rec_get_str(r, "y"));
	for (size_t i = 0; i < rec_len(x); i++)
		out_printf(o, "%s%s", i > 0 ? ", " : "", rec_at(x, i)->v.s);
	out_printf(o, "), %s-space residuals\n", rec_get_str(r, "space"));
	tf_missing(o, r);
	out_printf(o, "  L = %s\n", rec_get_str(r, "formula"));
	for (size_t i = 0; i < rec_len(params); i++)
		tf_param(o, rec_at(params, i)->key, rec_at(params, i),
		    rec_get_num(r, "cond"));
	if (td != NULL)
		out_printf(o, "  %s time %.6g ± %.3g (units of t)\n",
		    rec_get_bool(td, "halving") ? "halving" : "doubling",
		    rec_get_num(td, "value"), rec_get_num(td, "se"));
	out_printf(o, "  rmse %.4g   R² %.4f   %lld iteration%s   %s\n",
	    rec_get_num(r, "rmse"), rec_get_num(r, "r2"), iters,
	    iters == 1 ? "" : "s", rec_get_str(r, "reason"));
	out_printf(o, "  loss %s   cond(J^T J) %.3g\n", rec_get_str(r, "loss"),
	    rec_get_num(r, "cond"));
	out_printf(o, "  objective %.6g = %s\n", rec_get_num(r, "objective"),
	    rec_get_str(r, "objective_formula"));
	if (rec_get_str(r, "weights") != NULL)
		out_printf(o, "  weights from column '%s' (relative: rmse and R² "
		    "weighted, errors scaled by the residuals)\n",
		    rec_get_str(r, "weights"));
	if (rec_get_int(st, "total") > 1)
		out_printf(o, "  starts %lld, %lld converged\n",
		    rec_get_int(st, "total"), rec_get_int(st, "converged"));
	if (bs != NULL)
		out_printf(o, "  bootstrap %lld replicates (seed %lld), percentile "
		    "intervals\n", rec_get_int(bs, "replicates"),
		    rec_get_int(bs, "seed"));
	if (ho != NULL)
		out_printf(o, "  hold-out '%s': %lld rows, RMSE(log) %.4g, max "
		    "|error| %.4g\n", rec_get_str(ho, "rule"), rec_get_int(ho, "n"),
		    rec_get_num(ho, "rmse_log"), rec_get_num(ho, "max_abs_err"));
	if (warn != NULL)
		out_printf(o, "  warning: %s\n", warn);
	if (rec_get(r, "corr") != NULL)
		tf_corr(o, params, rec_get(r, "corr"));
}

void
text_fits(sx_out *o, const sx_rec *r)
{
	const sx_rec *fits = rec_get(r, "fits");
	int w = 16;

	if (rec_len(fits) == 0) {
		out_puts(o, "no fits yet (try 'fit MODEL DATA')\n");
		return;
	}
	/* Names as wide as the longest (group fits: base[group]). */
	for (size_t i = 0; i < rec_len(fits); i++)
		if ((int)strlen(rec_get_str(rec_at(fits, i), "name")) > w)
			w = (int)strlen(rec_get_str(rec_at(fits, i), "name"));
	out_printf(o, "%-*s %-12s %-16s %6s %10s\n", w, "name", "model", "data",
	    "n", "rmse");
	for (size_t i = 0; i < rec_len(fits); i++) {
		const sx_rec *f = rec_at(fits, i);

		out_printf(o, "%-*s %-12s %-16s %6lld %10.4g%s\n", w,
		    rec_get_str(f, "name"), rec_get_str(f, "model"),
		    rec_get_str(f, "data"), rec_get_int(f, "n"),
		    rec_get_num(f, "rmse"), rec_get_bool(f, "converged") ? "" :
		    "  (not converged)");
	}
}

/* "  N_opt = 5.5e+09" and its bootstrap interval when there is one. */
static void
tf_opt(sx_out *o, const char *key, const sx_rec *opt, const sx_rec *iv)
{
	char ci[16];
	const sx_rec *a;

	snprintf(ci, sizeof ci, "%s_ci", key);
	out_printf(o, "  %s = %.6g", key, rec_get_num(opt, key));
	if ((a = rec_get(opt, ci)) != NULL)
		out_printf(o, "   %g%% interval [%.6g, %.6g] (bootstrap "
		    "percentiles)", 100.0 * rec_get_num(iv, "level"),
		    rec_num_of(rec_at(a, 0)), rec_num_of(rec_at(a, 1)));
	out_puts(o, "\n");
}

/*
 * "L = 2.58" and its interval: which kind, how it was made (delta method
 * with t, or the bootstrap, with the delta method's beside), and the
 * space it was made in; at a budget, the allocation first.
 */
void
text_predict(sx_out *o, const sx_rec *r)
{
	const sx_rec *iv = rec_get(r, "interval"), *d = rec_get(r, "delta");
	const sx_rec *bs = rec_get(r, "bootstrap"), *opt = rec_get(r, "optimum");
	const char *y = rec_get_str(r, "y");
	int pred = strcmp(rec_get_str(iv, "kind"), "prediction") == 0;
	double lo = rec_get_num(iv, "lo"), hi = rec_get_num(iv, "hi");

	/* Through an upstream fit: its prediction first. */
	if (rec_get(r, "through") != NULL) {
		text_predict(o, rec_get(r, "through"));
		out_printf(o, "then %s, a law of %s:\n", rec_get_str(r, "fit"),
		    rec_get_str(rec_get(r, "through"), "y"));
	}
	/* One of a group fit's predictions: say whose. */
	if (rec_get_str(r, "group") != NULL)
		out_printf(o, "%s (%s %s):\n", rec_get_str(r, "fit"),
		    rec_get_str(r, "by"), rec_get_str(r, "group"));
	if (opt != NULL) {
		out_printf(o, "at C = %.6g (C = %g N D, %s): %.4g tokens per "
		    "parameter\n", rec_get_num(rec_get(r, "at"), "C"),
		    rec_get_num(opt, "k"), rec_get_str(opt, "method"),
		    rec_get_num(opt, "tokens_per_param"));
		tf_opt(o, "N_opt", opt, iv);
		tf_opt(o, "D_opt", opt, iv);
	}
	out_printf(o, "%s = %.6g\n", y, rec_get_num(r, y));
	out_printf(o, "  %g%% %s interval", 100.0 * rec_get_num(iv, "level"),
	    pred ? "prediction" : "confidence");
	if (isnan(lo)) {
		out_puts(o, ": none (the covariance is not available: see the "
		    "fit's warning)\n");
		return;
	}
	out_printf(o, "%s [%.6g, %.6g]\n", pred ? " for a new run" : "", lo, hi);
	if (bs != NULL && pred)
		out_printf(o, "    by %lld bootstrap replicates mixed with the "
		    "residual noise (scale %.4g, t with %g df)",
		    rec_get_int(bs, "replicates"), rec_get_num(r, "residual_scale"),
		    rec_get_num(d, "dof"));
	else if (bs != NULL)
		out_printf(o, "    by the percentiles of %lld bootstrap replicates",
		    rec_get_int(bs, "replicates"));
	else
		out_printf(o, "    by the delta method (t quantile %.4g, %g df)%s",
		    rec_get_num(d, "q"), rec_get_num(d, "dof"), pred ?
		    " with the residual scale" : "");
	if (bs == NULL && pred)
		out_printf(o, " %.4g", rec_get_num(r, "residual_scale"));
	out_puts(o, strcmp(rec_get_str(iv, "space"), "log") == 0 ?
	    ", made in log space and mapped back by exp\n" :
	    ", made in linear space\n");
	if (bs != NULL && !isnan(rec_get_num(d, "lo")))
		out_printf(o, "    delta method: [%.6g, %.6g] (t quantile %.4g, %g "
		    "df)\n", rec_get_num(d, "lo"), rec_get_num(d, "hi"),
		    rec_get_num(d, "q"), rec_get_num(d, "dof"));
}

void
text_set(sx_out *o, const sx_rec *r)
{
	out_printf(o, "%s.%s = %.6g (was %.6g)\n", rec_get_str(r, "fit"),
	    rec_get_str(r, "param"), rec_get_num(r, "value"),
	    rec_get_num(r, "was"));
}

/* Columns of the group table: the row's name, then a group each. */
#define TFB_HEAD 12
#define TFB_CELL 22
#define TFB_PER_BLOCK 3

/* s padded to `width` characters (UTF-8: continuation bytes take no
 * room), cut with "…" when longer; width 0: as it is, unpadded. */
static void
tfb_cell(sx_out *o, const char *s, int width)
{
	char buf[4 * TFB_CELL];
	int chars = 0;

	if (width == 0) {
		/* The last column: as it is. */
		out_puts(o, s);
		return;
	}
	fmt_set(buf, (size_t)width + 1, "%s", s);
	for (const char *p = buf; *p != '\0'; p++)
		chars += ((unsigned char)*p & 0xC0) != 0x80;
	out_printf(o, "%s%*s", buf, width > chars ? width - chars : 0, "");
}

/* One row of a block: its name, then each group's value. */
static void
tfb_row(sx_out *o, const char *name, const sx_rec *groups, size_t from,
    size_t to, const char *param, const char *member)
{
	out_puts(o, "  ");
	tfb_cell(o, name, TFB_HEAD);
	for (size_t k = from; k < to; k++) {
		const sx_rec *f = rec_at(groups, k);
		char cell[4 * TFB_CELL];

		if (param != NULL) {
			const sx_rec *p = rec_get(rec_get(f, "params"), param);
			double se = rec_get_num(p, "se");

			if (isnan(se))
				snprintf(cell, sizeof cell, "%.6g%s", rec_get_num(p, "value"),
				    rec_get_bool(p, "fixed") ? " (fixed)" : "");
			else
				snprintf(cell, sizeof cell, "%.6g ± %.3g",
				    rec_get_num(p, "value"), se);
		} else if (strcmp(member, "n") == 0)
			snprintf(cell, sizeof cell, "%lld", rec_get_int(f, "n"));
		else if (strcmp(member, "holdout") == 0)
			snprintf(cell, sizeof cell, "%lld: RMSE(log) %.4g",
			    rec_get_int(rec_get(f, "holdout"), "n"),
			    rec_get_num(rec_get(f, "holdout"), "rmse_log"));
		else if (strcmp(member, "converged") == 0)
			snprintf(cell, sizeof cell, "%s", rec_get_bool(f, "converged") ?
			    "converged" : "NOT CONVERGED");
		else
			snprintf(cell, sizeof cell, "%.6g", rec_get_num(f, member));
		out_puts(o, " ");
		tfb_cell(o, cell, k + 1 < to ? TFB_CELL : 0);
	}
	out_puts(o, "\n");
}

/* fit --by: one column a group, one row a parameter, rows and scores;
 * groups in blocks of three; then each group's warnings. */
void
text_fit_by(sx_out *o, const sx_rec *r)
{
	const sx_rec *groups = rec_get(r, "groups"), *first = rec_at(groups, 0);
	const sx_rec *params = rec_get(first, "params"), *x = rec_get(first, "x");
	size_t n = rec_len(groups);

	out_printf(o, "fit %s: %s to %s by %s (%zu groups), %s = L(",
	    rec_get_str(r, "name"), rec_get_str(r, "model"),
	    rec_get_str(r, "data"), rec_get_str(r, "by"), n,
	    rec_get_str(first, "y"));
	for (size_t i = 0; i < rec_len(x); i++)
		out_printf(o, "%s%s", i > 0 ? ", " : "", rec_at(x, i)->v.s);
	out_printf(o, "), %s-space residuals, loss %s%s%s\n",
	    rec_get_str(first, "space"), rec_get_str(first, "loss"),
	    rec_get_str(first, "weights") != NULL ? ", weights " : "",
	    rec_get_str(first, "weights") != NULL ?
	    rec_get_str(first, "weights") : "");
	out_printf(o, "  L = %s; fits %s[GROUP]\n", rec_get_str(first, "formula"),
	    rec_get_str(r, "name"));
	for (size_t from = 0; from < n; from += TFB_PER_BLOCK) {
		size_t to = from + TFB_PER_BLOCK < n ? from + TFB_PER_BLOCK : n;

		out_printf(o, "  %-*s", TFB_HEAD, "");
		for (size_t k = from; k < to; k++) {
			out_puts(o, " ");
			tfb_cell(o, rec_get_str(rec_at(groups, k), "group"),
			    k + 1 < to ? TFB_CELL : 0);
		}
		out_puts(o, "\n");
		tfb_row(o, "rows", groups, from, to, NULL, "n");
		for (size_t j = 0; j < rec_len(params); j++)
			tfb_row(o, rec_at(params, j)->key, groups, from, to,
			    rec_at(params, j)->key, NULL);
		tfb_row(o, "rmse", groups, from, to, NULL, "rmse");
		tfb_row(o, "R²", groups, from, to, NULL, "r2");
		tfb_row(o, "objective", groups, from, to, NULL, "objective");
		if (rec_get(first, "holdout") != NULL)
			tfb_row(o, "held out", groups, from, to, NULL, "holdout");
		tfb_row(o, "status", groups, from, to, NULL, "converged");
	}
	if (rec_get(first, "holdout") != NULL)
		out_printf(o, "  held out in each group: the rows where %s\n",
		    rec_get_str(rec_get(first, "holdout"), "rule"));
	if (rec_get(first, "bootstrap") != NULL)
		out_printf(o, "  bootstrap %lld replicates a group (seed %lld): "
		    "the intervals are in 'fit show %s'\n",
		    rec_get_int(rec_get(first, "bootstrap"), "replicates"),
		    rec_get_int(rec_get(first, "bootstrap"), "seed"),
		    rec_get_str(r, "name"));
	for (size_t k = 0; k < n; k++) {
		const sx_rec *f = rec_at(groups, k);
		const char *warn = rec_get_str(f, "warnings");

		if (!rec_get_bool(f, "converged"))
			out_printf(o, "  %s: %s\n", rec_get_str(f, "name"),
			    rec_get_str(f, "reason"));
		if (warn != NULL)
			out_printf(o, "  %s: warning: %s\n", rec_get_str(f, "name"), warn);
	}
}
