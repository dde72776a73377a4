/* text-plan.c: text views of design, simulate and suggest. */
#include "config.h"

#include <math.h>
#include <string.h>

#include "views/text.h"

void
text_design(sx_out *o, const sx_rec *r)
{
	const sx_rec *rows = rec_get(r, "rows");

	out_printf(o, "design %s (%s): %lld runs, cost %.4g FLOP (C = %g*N*D)\n",
	    rec_get_str(r, "name"), rec_get_str(r, "shape"),
	    rec_get_int(r, "runs"), rec_get_num(r, "cost"), rec_get_num(r, "k"));
	out_printf(o, "  %11s %11s %11s %10s\n", "N", "D", "C (FLOP)", "tokens/N");
	for (size_t i = 0; i < rec_len(rows); i++) {
		const sx_rec *p = rec_at(rows, i);

		out_printf(o, "  %11.4g %11.4g %11.4g %10.4g\n", rec_get_num(p, "N"),
		    rec_get_num(p, "D"), rec_get_num(p, "C"),
		    rec_get_num(p, "tokens_per_param"));
	}
}

/* Quantity `name` of a simulated design's list, or NULL. */
static const sx_rec *
sim_quantity(const sx_rec *d, const char *name)
{
	const sx_rec *qs = rec_get(d, "quantities");

	for (size_t i = 0; i < rec_len(qs); i++)
		if (strcmp(rec_get_str(rec_at(qs, i), "name"), name) == 0)
			return rec_at(qs, i);
	return NULL;
}

/* One design's quantities, a row each. */
static void
sim_detail(sx_out *o, const sx_rec *d, double level)
{
	const sx_rec *qs = rec_get(d, "quantities");

	out_printf(o, "  %-8s %11s %11s %11s %8s %10s   %g%% interval\n",
	    "", "true", "mean", "bias", "bias %", "sd", 100 * level);
	for (size_t i = 0; i < rec_len(qs); i++) {
		const sx_rec *q = rec_at(qs, i);
		double t = rec_get_num(q, "true"), b = rec_get_num(q, "bias");

		if (isfinite(t))
			out_printf(o, "  %-8s %11.5g %11.5g %+11.3g %+7.2f%%",
			    rec_get_str(q, "name"), t, rec_get_num(q, "mean"), b,
			    100 * b / t);
		else    /* another law's parameter: no truth, no bias */
			out_printf(o, "  %-8s %11s %11.5g %11s %8s", rec_get_str(q,
			    "name"), "-", rec_get_num(q, "mean"), "-", "-");
		out_printf(o, " %10.3g   [%.5g, %.5g]\n", rec_get_num(q, "sd"),
		    rec_get_num(q, "lo"), rec_get_num(q, "hi"));
	}
}

/* Several designs side by side. */
static void
sim_compare(sx_out *o, const sx_rec *ds, size_t reps)
{
	out_printf(o, "  %-10s %5s %11s %7s %9s %9s %11s %9s %9s\n", "design",
	    "runs", "cost (FLOP)", "failed", "sd(a)", "bias(a)", "N_opt hi/lo",
	    "N_opt bias", "sd(L_opt)");
	for (size_t i = 0; i < rec_len(ds); i++) {
		const sx_rec *d = rec_at(ds, i), *a = sim_quantity(d, "a");
		const sx_rec *n = sim_quantity(d, "N_opt");
		const sx_rec *l = sim_quantity(d, "L_opt");

		out_printf(o, "  %-10s %5lld %11.4g %6.1f%% %9.3g %+9.2g %11.4g "
		    "%+8.2f%% %9.3g\n", rec_get_str(d, "design"),
		    rec_get_int(d, "runs"), rec_get_num(d, "cost"),
		    100.0 * (double)rec_get_int(d, "failed") / (double)reps,
		    rec_get_num(a, "sd"), rec_get_num(a, "bias"),
		    rec_get_num(n, "hi") / rec_get_num(n, "lo"),
		    100 * rec_get_num(n, "bias") / rec_get_num(n, "true"),
		    rec_get_num(l, "sd"));
	}
}

void
text_simulate(sx_out *o, const sx_rec *r)
{
	const sx_rec *ds = rec_get(r, "designs");
	size_t reps = (size_t)rec_get_int(r, "reps");
	double level = rec_get_num(r, "level");

	out_printf(o, "simulate: truth %s (%s), refit %s by %s in %s space; "
	    "target C = %g FLOP\n", rec_get_str(r, "law"),
	    rec_get_str(r, "truth"), rec_get_str(r, "refit"),
	    rec_get_str(r, "loss"), rec_get_str(r, "space"),
	    rec_get_num(r, "at"));
	if (rec_get(r, "sigma") != NULL)
		out_printf(o, "  log-normal noise, sd of log L %g; %zu sweeps, "
		    "seed %lld\n", rec_get_num(r, "sigma"), reps,
		    rec_get_int(r, "seed"));
	else
		out_printf(o, "  noise: residuals of fit %s, resampled; %zu sweeps, "
		    "seed %lld\n", rec_get_str(r, "residuals_of"), reps,
		    rec_get_int(r, "seed"));
	for (size_t i = 0; i < rec_len(ds); i++) {
		const sx_rec *d = rec_at(ds, i);

		out_printf(o, "design %s: %lld runs, cost %.4g FLOP; failed %lld, on "
		    "a bound %lld (of %zu)\n", rec_get_str(d, "design"),
		    rec_get_int(d, "runs"), rec_get_num(d, "cost"),
		    rec_get_int(d, "failed"), rec_get_int(d, "on_bound"), reps);
		if (rec_len(ds) == 1)
			sim_detail(o, d, level);
	}
	if (rec_len(ds) > 1) {
		out_printf(o, "side by side (N_opt and L_opt at the target, %g%% "
		    "interval):\n", 100 * level);
		sim_compare(o, ds, reps);
	}
}

/* value's interval [lo, hi] and its width hi/lo. */
static void
put_interval(sx_out *o, const sx_rec *ci)
{
	double lo = rec_at(ci, 0)->v.n, hi = rec_at(ci, 1)->v.n;

	out_printf(o, "[%.4g, %.4g] (hi/lo %.4g)", lo, hi, hi / lo);
}

void
text_suggest(sx_out *o, const sx_rec *r)
{
	const sx_rec *runs = rec_get(r, "runs"), *s = rec_get(r, "simulated");
	const char *t = rec_get_str(r, "target");

	out_printf(o, "suggest for fit %s (%s): %s at C = %g FLOP is %.5g\n",
	    rec_get_str(r, "fit"), rec_get_str(r, "law"), t,
	    rec_get_num(r, "at"), rec_get_num(r, "value"));
	out_printf(o, "  c-optimal for log %s, greedy over %lld candidates; "
	    "noise sd %.3g (the fit's); budget %.4g FLOP\n", t,
	    rec_get_int(r, "candidates"), rec_get_num(r, "sigma"),
	    rec_get_num(r, "budget"));
	out_printf(o, "  now: 90%% interval ");
	put_interval(o, rec_get(r, "before"));
	out_printf(o, "\n  %3s %11s %11s %11s %9s   interval after\n", "run", "N",
	    "D", "C (FLOP)", "tokens/N");
	for (size_t i = 0; i < rec_len(runs); i++) {
		const sx_rec *p = rec_at(runs, i);

		out_printf(o, "  %3zu %11.4g %11.4g %11.4g %9.4g   ", i + 1,
		    rec_get_num(p, "N"), rec_get_num(p, "D"), rec_get_num(p, "C"),
		    rec_get_num(p, "tokens_per_param"));
		put_interval(o, rec_get(p, "interval"));
		out_printf(o, "\n");
	}
	if (rec_len(runs) == 0)
		out_printf(o, "  no affordable run lowers the variance\n");
	out_printf(o, "  spent %.4g of %.4g FLOP\n", rec_get_num(r, "spent"),
	    rec_get_num(r, "budget"));
	out_printf(o, "  check by simulation (%lld sweeps, seed %lld): var of log "
	    "%s before %.3g (predicted %.3g), after %.3g (predicted %.3g)\n",
	    rec_get_int(s, "reps"), rec_get_int(s, "seed"), t,
	    rec_get_num(s, "var_before"), rec_get_num(r, "var_before"),
	    rec_get_num(s, "var_after"), rec_get_num(r, "var_after"));
}
