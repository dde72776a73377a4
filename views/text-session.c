/* text-session.c: text views of the session commands and of figures. */
#include "config.h"

#include <string.h>

#include "views/text.h"

void
text_save(sx_out *o, const sx_rec *r)
{
	long long n = rec_get_int(r, "commands");

	out_printf(o, "saved %lld command%s to %s\n", n, n == 1 ? "" : "s",
	    rec_get_str(r, "path"));
}

void
text_history(sx_out *o, const sx_rec *r)
{
	const sx_rec *cmds = rec_get(r, "commands");

	for (size_t i = 0; i < rec_len(cmds); i++)
		out_printf(o, "%4zu  %s\n", i + 1, rec_at(cmds, i)->v.s);
}

/* A figure of any command (frontier --plot, plot ...), as its lines. */
void
text_plot(sx_out *o, const sx_rec *r)
{
	const sx_rec *lines = rec_get(r, "lines");

	for (size_t i = 0; i < rec_len(lines); i++) {
		out_puts_sgr(o, rec_at(lines, i)->v.s);
		out_puts(o, "\n");
	}
}

void
text_plot_written(sx_out *o, const sx_rec *r)
{
	const char *fmt = rec_get_str(r, "format");

	if (fmt != NULL && strcmp(fmt, "png") == 0)
		out_printf(o, "wrote a %lldx%lld pt PNG figure (%lld dpi) to %s\n",
		    rec_get_int(r, "width"), rec_get_int(r, "height"),
		    rec_get_int(r, "dpi"), rec_get_str(r, "out"));
	else if (fmt != NULL && strcmp(fmt, "text") != 0)
		out_printf(o, "wrote a %lldx%lld pt %s figure to %s\n",
		    rec_get_int(r, "width"), rec_get_int(r, "height"),
		    strcmp(fmt, "svg") == 0 ? "SVG" : "PDF", rec_get_str(r, "out"));
	else
		out_printf(o, "wrote a %lldx%lld plot to %s\n",
		    rec_get_int(r, "width"), rec_get_int(r, "height"),
		    rec_get_str(r, "out"));
}
