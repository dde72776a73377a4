/* text-model.c: text views of models, model show and model define. */
#include "config.h"

#include "views/text.h"

/* "L(N,D)": the law's inputs. */
static void
text_inputs(sx_out *o, const sx_rec *m)
{
	const sx_rec *in = rec_get(m, "inputs");

	out_puts(o, "L(");
	for (size_t i = 0; i < rec_len(in); i++)
		out_printf(o, "%s%s", i > 0 ? "," : "", rec_at(in, i)->v.s);
	out_puts(o, ")");
}

void
text_models(sx_out *o, const sx_rec *r)
{
	const sx_rec *list = rec_get(r, "models");
	int mine = 0;

	out_puts(o, "built-in laws:\n");
	for (size_t i = 0; i < rec_len(list); i++) {
		const sx_rec *m = rec_at(list, i);

		if (!rec_get_bool(m, "builtin") && !mine++)
			out_puts(o, "defined here:\n");
		out_printf(o, "  %-11s ", rec_get_str(m, "name"));
		text_inputs(o, m);
		out_printf(o, " = %s\n", rec_get_str(m, "formula"));
	}
}

/* "  domain: rd 0..inf, rn 0..inf" when the law declares one. */
static void
text_domain(sx_out *o, const sx_rec *r)
{
	const sx_rec *dom = rec_get(r, "domain");

	if (rec_len(dom) == 0)
		return;
	out_puts(o, "  domain:");
	for (size_t i = 0; i < rec_len(dom); i++) {
		const sx_rec *d = rec_at(dom, i);

		out_printf(o, "%s %s %g..%g", i > 0 ? "," : "", d->key,
		    rec_num_of(rec_at(d, 0)), rec_num_of(rec_at(d, 1)));
	}
	out_puts(o, "\n");
}

void
text_model_show(sx_out *o, const sx_rec *r)
{
	const sx_rec *in = rec_get(r, "inputs"), *par = rec_get(r, "params");
	const sx_rec *pos = rec_get(r, "positive");
	const char *about = rec_get_str(r, "about");

	out_printf(o, "%s: L = %s\n", rec_get_str(r, "name"),
	    rec_get_str(r, "formula"));
	if (about != NULL)
		out_printf(o, "  %s\n", about);
	out_puts(o, "  inputs:");
	for (size_t i = 0; i < rec_len(in); i++)
		out_printf(o, " %s", rec_at(in, i)->v.s);
	out_puts(o, "\n  parameters:");
	for (size_t i = 0; i < rec_len(par); i++)
		out_printf(o, " %s%s", rec_at(par, i)->v.s,
		    rec_at(pos, i)->v.b ? " (>0)" : "");
	out_puts(o, "\n");
	text_domain(o, r);
}

void
text_model_define(sx_out *o, const sx_rec *r)
{
	const sx_rec *par = rec_get(r, "params");

	out_printf(o, "model %s: ", rec_get_str(r, "name"));
	text_inputs(o, r);
	out_puts(o, ", parameters");
	for (size_t i = 0; i < rec_len(par); i++)
		out_printf(o, " %s", rec_at(par, i)->v.s);
	out_puts(o, "\n");
	text_domain(o, r);
}
