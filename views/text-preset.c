/* text-preset.c: text views of presets, preset show and demo. */
#include "config.h"

#include <string.h>

#include "views/text.h"

void
text_presets(sx_out *o, const sx_rec *r)
{
	const sx_rec *list = rec_get(r, "presets");
	size_t w = 0;

	for (size_t i = 0; i < rec_len(list); i++) {
		const char *name = rec_get_str(rec_at(list, i), "name");

		if (strlen(name) > w)
			w = strlen(name);
	}
	for (size_t i = 0; i < rec_len(list); i++)
		out_printf(o, "  %-*s  %s\n", (int)w,
		    rec_get_str(rec_at(list, i), "name"),
		    rec_get_str(rec_at(list, i), "title"));
}

void
text_preset_show(sx_out *o, const sx_rec *r)
{
	const sx_rec *laws = rec_get(r, "laws"), *consts = rec_get(r, "constants");
	const sx_rec *notes = rec_get(r, "constant_notes");

	out_printf(o, "%s: %s\n  %s\n", rec_get_str(r, "name"),
	    rec_get_str(r, "title"), rec_get_str(r, "citation"));
	for (size_t i = 0; i < rec_len(laws); i++) {
		const sx_rec *l = rec_at(laws, i), *p = rec_get(l, "params");
		const char *x = rec_get_str(l, "x"), *note = rec_get_str(l, "note");

		out_printf(o, "  %-10s %s", rec_get_str(l, "key"),
		    rec_get_str(l, "model"));
		if (x != NULL)
			out_printf(o, " of %s", x);
		out_puts(o, ":");
		for (size_t k = 0; k < rec_len(p); k++)
			out_printf(o, " %s=%.6g", rec_at(p, k)->key,
			    rec_at(p, k)->v.n);
		if (note != NULL)
			out_printf(o, "\n             %s", note);
		out_puts(o, "\n");
	}
	for (size_t i = 0; i < rec_len(consts); i++) {
		const char *name = rec_at(consts, i)->key;
		const char *note = rec_get_str(notes, name);

		out_printf(o, "  %-16s %-12.6g %s\n", name, rec_at(consts, i)->v.n,
		    note != NULL ? note : "");
	}
}

void
text_demo(sx_out *o, const sx_rec *r)
{
	const sx_rec *demos = rec_get(r, "demos");

	if (demos != NULL) {
		const sx_rec *about = rec_get(r, "about");

		out_puts(o, "demos (demo NAME [as NAME] [--seed S]):\n");
		for (size_t i = 0; i < rec_len(demos); i++) {
			const char *name = rec_at(demos, i)->v.s;

			out_printf(o, "  %-20s %s\n", name, rec_get_str(about, name));
		}
		return;
	}
	out_printf(o, "%s: %lld rows of demo '%s' (seed %lld)\n",
	    rec_get_str(r, "name"), rec_get_int(r, "rows"),
	    rec_get_str(r, "demo"), rec_get_int(r, "seed"));
}
