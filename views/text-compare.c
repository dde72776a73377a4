/* text-compare.c: the text view of compare's record: the fits' table,
 * the likelihood it assumes, and the hold-out scores. */
#include "config.h"

#include <math.h>
#include <stdio.h>
#include <string.h>

#include "views/text.h"

/* The index of the fit with the lowest `key` (of `sub` when not NULL). */
static size_t
tc_best(const sx_rec *fits, const char *sub, const char *key)
{
	size_t best = 0;
	double v = INFINITY;

	for (size_t i = 0; i < rec_len(fits); i++) {
		const sx_rec *o = sub != NULL ? rec_get(rec_at(fits, i), sub) :
		    rec_at(fits, i);
		double x = rec_get_num(o, key);

		if (x < v) {
			v = x;
			best = i;
		}
	}
	return best;
}

/* The table of fits: law, k, n, objective, rmse, AIC, BIC, differences
 * (the Akaike weights are in the record, and the best's on the last
 * line). */
static void
tc_table(sx_out *o, const sx_rec *fits)
{
	out_printf(o, "  %-10s %-10s %2s %4s %9s %8s %8s %8s %6s %6s\n", "fit",
	    "law", "k", "n", "objective", "rmse", "AIC", "BIC", "ΔAIC", "ΔBIC");
	for (size_t i = 0; i < rec_len(fits); i++) {
		const sx_rec *f = rec_at(fits, i);

		out_printf(o, "  %-10s %-10s %2lld %4lld %9.4g %8.3g %8.1f %8.1f "
		    "%6.1f %6.1f%s%s\n", rec_get_str(f, "name"),
		    rec_get_str(f, "model"), rec_get_int(f, "k"), rec_get_int(f, "n"),
		    rec_get_num(f, "objective"), rec_get_num(f, "rmse"),
		    rec_get_num(f, "aic"), rec_get_num(f, "bic"),
		    rec_get_num(f, "delta_aic"), rec_get_num(f, "delta_bic"),
		    strcmp(rec_get_str(f, "loss"), "huber") == 0 ? "  huber" : "",
		    rec_get_bool(f, "converged") ? "" : "  (not converged)");
	}
}

/* The single hold-out: each law's scores on the rows held out. */
static void
tc_holdout(sx_out *o, const sx_rec *r, const sx_rec *fits)
{
	const sx_rec *h = rec_get(r, "holdout");
	size_t best = tc_best(fits, "holdout", "rmse_log");

	out_printf(o, "hold-out '%s': each law refitted on %lld rows, scored on "
	    "the %lld held out\n", rec_get_str(h, "rule"),
	    rec_get_int(h, "fitted"), rec_get_int(h, "held"));
	out_printf(o, "  %-12s %12s %12s\n", "fit", "RMSE(log)", "max |y - L|");
	for (size_t i = 0; i < rec_len(fits); i++) {
		const sx_rec *f = rec_at(fits, i), *s = rec_get(f, "holdout");

		out_printf(o, "  %-12s %12.4g %12.4g%s%s\n", rec_get_str(f, "name"),
		    rec_get_num(s, "rmse_log"), rec_get_num(s, "max_abs_err"),
		    i == best ? "  *" : "", rec_get_bool(s, "converged") ? "" :
		    "  (refit not converged)");
	}
	out_puts(o, "  * the lowest RMSE(log) held out\n");
}

/* One score of leave-one-group-out: a row per group, a column per fit. */
static void
tc_groups_metric(sx_out *o, const sx_rec *groups, const sx_rec *fits,
    const char *title, const char *key, const char *mean)
{
	size_t best = tc_best(fits, "holdout_by", mean);

	out_printf(o, "  %s\n  %-14s %5s", title, "group held out", "rows");
	for (size_t i = 0; i < rec_len(fits); i++)
		out_printf(o, " %12.12s", rec_get_str(rec_at(fits, i), "name"));
	out_puts(o, "\n");
	for (size_t j = 0; j < rec_len(groups); j++) {
		const sx_rec *g = rec_at(groups, j);
		int nc = 0;

		out_printf(o, "  %-14s %5lld", rec_get_str(g, "label"),
		    rec_get_int(g, "n"));
		for (size_t i = 0; i < rec_len(fits); i++) {
			const sx_rec *q = rec_at(rec_get(rec_get(rec_at(fits, i),
			    "holdout_by"), "groups"), j);

			out_printf(o, " %12.4g", rec_get_num(q, key));
			nc += !rec_get_bool(q, "converged");
		}
		out_puts(o, nc > 0 ? "  (a refit did not converge)\n" : "\n");
	}
	out_printf(o, "  %-14s %5s", "mean", "");
	for (size_t i = 0; i < rec_len(fits); i++)
		out_printf(o, " %11.4g%s", rec_get_num(rec_get(rec_at(fits, i),
		    "holdout_by"), mean), i == best ? "*" : " ");
	out_puts(o, "\n");
}

/* Leave one group out: both scores, per group and their means. */
static void
tc_holdout_by(sx_out *o, const sx_rec *r, const sx_rec *fits)
{
	const sx_rec *h = rec_get(r, "holdout_by");
	const sx_rec *groups = rec_get(h, "groups");

	out_printf(o, "leave one group out by '%s': each of its %zu groups held "
	    "out in turn,\n  each law refitted on the rest and scored on it\n",
	    rec_get_str(h, "column"), rec_len(groups));
	tc_groups_metric(o, groups, fits, "RMSE of log y - log L on the group",
	    "rmse_log", "mean_rmse_log");
	tc_groups_metric(o, groups, fits, "max |y - L| on the group",
	    "max_abs_err", "mean_max_abs_err");
	out_puts(o, "  * the lowest mean\n");
}

void
text_compare(sx_out *o, const sx_rec *r)
{
	const sx_rec *fits = rec_get(r, "fits");
	const char *w = rec_get_str(r, "weights");
	const char *ho = rec_get_str(r, "holdout_of_fits");
	const char *mixed = rec_get_str(r, "mixed_losses");
	size_t ba = tc_best(fits, NULL, "aic"), bb = tc_best(fits, NULL, "bic");

	out_printf(o, "compare %zu fit%s of %s in '%s' (%lld rows%s%s%s), "
	    "%s-space residuals\n", rec_len(fits), rec_len(fits) == 1 ? "" : "s",
	    rec_get_str(r, "y"), rec_get_str(r, "data"), rec_get_int(r, "n"),
	    ho != NULL ? ", hold-out '" : "", ho != NULL ? ho : "",
	    ho != NULL ? "'" : "", rec_get_str(r, "space"));
	tc_table(o, fits);
	out_printf(o, "  likelihood: %s\n  AIC = %s, BIC = %s (shared constants "
	    "dropped)\n  RSS = %s", rec_get_str(r, "likelihood"),
	    rec_get_str(r, "aic"), rec_get_str(r, "bic"), rec_get_str(r, "rss"));
	if (w != NULL)
		out_printf(o, " (w from column '%s')", w);
	out_puts(o, ", k = the law's free parameters\n");
	if (rec_get_bool(r, "huber"))
		out_puts(o, "  huber fits: RSS at their estimate, not the Gaussian "
		    "maximum\n  (their AIC and BIC are no lower than least squares "
		    "would give the law)\n");
	if (mixed != NULL)
		out_printf(o, "  the losses differ (%s): compare objectives only\n"
		    "  between fits of the same loss\n", mixed);
	if (ba == bb)
		out_printf(o, "  best by AIC and BIC: %s (Akaike weight %.3f)\n",
		    rec_get_str(rec_at(fits, ba), "name"),
		    rec_get_num(rec_at(fits, ba), "akaike_weight"));
	else
		out_printf(o, "  best by AIC: %s (Akaike weight %.3f); by BIC: %s\n",
		    rec_get_str(rec_at(fits, ba), "name"),
		    rec_get_num(rec_at(fits, ba), "akaike_weight"),
		    rec_get_str(rec_at(fits, bb), "name"));
	if (rec_get(r, "holdout") != NULL)
		tc_holdout(o, r, fits);
	if (rec_get(r, "holdout_by") != NULL)
		tc_holdout_by(o, r, fits);
}
