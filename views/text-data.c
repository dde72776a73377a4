/* text-data.c: text views of load, data list/show/describe/drop, rename,
 * derive and filter. */
#include "config.h"

#include <string.h>

#include "views/text.h"

void
text_load(sx_out *o, const sx_rec *r)
{
	const sx_rec *cols = rec_get(r, "columns");
	long long rows = rec_get_int(r, "rows");
	size_t n = rec_len(cols);

	out_printf(o, "%s: %lld row%s, %zu column%s:", rec_get_str(r, "name"),
	    rows, rows == 1 ? "" : "s", n, n == 1 ? "" : "s");
	for (size_t i = 0; i < n; i++) {
		const char *name = rec_get_str(rec_at(cols, i), "name");
		const char *type = rec_get_str(rec_at(cols, i), "type");
		const char *canon = rec_get_str(rec_at(cols, i), "canonical");

		out_printf(o, "%s %s", i > 0 ? "," : "", name);
		if (strcmp(type, "text") == 0)
			out_puts(o, " (text)");
		else if (canon != NULL && strcmp(canon, name) != 0)
			out_printf(o, " (%s)", canon);
	}
	out_puts(o, "\n");
}

void
text_data_list(sx_out *o, const sx_rec *r)
{
	const sx_rec *list = rec_get(r, "datasets");

	if (rec_len(list) == 0) {
		out_puts(o, "no datasets (try 'load FILE' or 'demo chinchilla')\n");
		return;
	}
	out_printf(o, "%-16s %8s %5s  %s\n", "name", "rows", "cols", "source");
	for (size_t i = 0; i < rec_len(list); i++) {
		const sx_rec *d = rec_at(list, i);
		const char *source = rec_get_str(d, "source");

		out_printf(o, "%-16s %8lld %5lld  %s\n", rec_get_str(d, "name"),
		    rec_get_int(d, "rows"), rec_get_int(d, "columns"),
		    source != NULL ? source : "(built in)");
	}
}
