/* text-gamma.c: text views of gmodel value / compose / mve. */
#include "config.h"

#include "views/text.h"
#include "views/view.h"


/* "... of POLICY on GRID from R,C (collected: ...)" */
static void
tg_heading(sx_out *o, const char *what, const sx_rec *r)
{
	const sx_rec *cell = rec_get(r, "cell");

	out_printf(o, "%s of %s on %s from %.0f,%.0f (collected: ", what,
	    rec_get_str(r, "policy"), rec_get_str(r, "grid"),
	    rec_num_of(rec_at(cell, 0)), rec_num_of(rec_at(cell, 1)));
	text_rl_set(o, rec_get(r, "collected"));
	out_printf(o, ", gamma %g)", rec_get_num(r, "gamma"));
}

void
text_gmodel_value(sx_out *o, const sx_rec *r)
{
	const sx_rec *rows = rec_get(r, "rows");

	tg_heading(o, "value read from the gamma-model", r);
	out_puts(o, ":\nQ = E_mu[r] / (1 - gamma) beside Q^pi by policy "
	    "evaluation\n  action         gamma-model               exact     "
	    "error\n");
	for (size_t k = 0; k < rec_len(rows); k++) {
		const sx_rec *e = rec_at(rows, k);

		out_printf(o, "  %-6s %19.12f %19.12f  %8.1e\n",
		    rec_get_str(e, "action"), rec_get_num(e, "model"),
		    rec_get_num(e, "exact"), rec_get_num(e, "error"));
	}
	out_printf(o, "largest error %.1e\n", rec_get_num(r, "max_error"));
}

void
text_gmodel_compose(sx_out *o, const sx_rec *r)
{
	const sx_rec *rows = rec_get(r, "rows");

	tg_heading(o, "gamma-model composed", r);
	out_printf(o, ", first action %s:\nrollouts of mu at gamma %g "
	    "reweighted to gamma~ %g (beta %g)\n  steps   weight left   "
	    "TV from exact mu at gamma~\n", rec_get_str(r, "action"),
	    rec_get_num(r, "gamma"), rec_get_num(r, "to"),
	    rec_get_num(r, "beta"));
	for (size_t k = 0; k < rec_len(rows); k++) {
		const sx_rec *e = rec_at(rows, k);

		out_printf(o, "  %5lld   %11.3e   %11.3e\n",
		    rec_get_int(e, "steps"), rec_get_num(e, "weight_left"),
		    rec_get_num(e, "tv"));
	}
}

void
text_gmodel_mve(sx_out *o, const sx_rec *r)
{
	const sx_rec *rows = rec_get(r, "rows");

	tg_heading(o, "gamma-MVE value", r);
	out_printf(o, ":\nmodel at gamma %g (beta %g), tail %s; exact V^pi "
	    "%.12f\n  steps            estimate     error\n",
	    rec_get_num(r, "model_gamma"), rec_get_num(r, "beta"),
	    rec_get_str(r, "tail"), rec_get_num(r, "exact"));
	for (size_t k = 0; k < rec_len(rows); k++) {
		const sx_rec *e = rec_at(rows, k);

		out_printf(o, "  %5lld %19.12f  %8.1e\n", rec_get_int(e, "steps"),
		    rec_get_num(e, "estimate"), rec_get_num(e, "error"));
	}
}
