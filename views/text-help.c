/* text-help.c: the text view of help: the overview, or one command's
 * usage, text, spec rows and sub-commands. */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "base/xalloc.h"
#include "views/text.h"

/* Where a row's help starts, and the width it is wrapped to. */
#define HELP_COL 17
#define HELP_WIDTH 72

/* "  --samples K    text wrapped at HELP_WIDTH (default 20000)"; a
 * positional argument by its meta alone ("  ACTION ..."). */
static void
help_row(sx_out *o, const sx_rec *row)
{
	const char *name = rec_get_str(row, "name"), *meta = rec_get_str(row, "meta");
	const char *help = rec_get_str(row, "help"), *dflt = rec_get_str(row, "default");
	char *head, *text, *w, *save = NULL;
	size_t col;

	if (rec_get_bool(row, "positional"))
		head = xstrdup(meta);
	else
		head = meta != NULL ? xasprintf("%s %s", name, meta) :
		    xstrdup(name);
	text = xasprintf("%s%s%s%s", help != NULL ? help : "",
	    dflt != NULL ? (help != NULL ? " (default " : "(default ") : "",
	    dflt != NULL ? dflt : "", dflt != NULL ? ")" : "");
	out_printf(o, "  %s", head);
	col = 2 + strlen(head);
	if (text[0] != '\0' && col >= HELP_COL - 1) {
		out_puts(o, "\n");
		col = 0;
	}
	for (w = strtok_r(text, " ", &save); w != NULL; w = strtok_r(NULL, " ",
	    &save)) {
		if (col < HELP_COL) {
			out_printf(o, "%*s%s", (int)(HELP_COL - col), "", w);
			col = HELP_COL + strlen(w);
		} else if (col + 1 + strlen(w) > HELP_WIDTH) {
			out_printf(o, "\n%*s%s", HELP_COL, "", w);
			col = HELP_COL + strlen(w);
		} else {
			out_printf(o, " %s", w);
			col += 1 + strlen(w);
		}
	}
	out_puts(o, "\n");
	free(head);
	free(text);
}

void
text_help(sx_out *o, const sx_rec *r)
{
	const sx_rec *cmds = rec_get(r, "commands"), *args, *subs;

	if (cmds != NULL) {
		out_puts(o, "Commands (help CMD, or CMD --help, for one):\n");
		for (size_t i = 0; i < rec_len(cmds); i++)
			if (!rec_get_bool(rec_at(cmds, i), "family"))
				out_printf(o, "  %s\n",
				    rec_get_str(rec_at(cmds, i), "synopsis"));
		return;
	}
	out_printf(o, "usage: %s\n\n%s", rec_get_str(r, "synopsis"),
	    rec_get_str(r, "help"));
	args = rec_get(r, "arguments");
	for (size_t i = 0; i < rec_len(args); i++) {
		const sx_rec *row = rec_at(args, i);
		const char *name = rec_get_str(row, "name");

		/* A positional argument without a line is in the text. */
		if (name[0] == '-' || rec_get_str(row, "help") != NULL)
			help_row(o, row);
	}
	subs = rec_get(r, "sub_commands");
	if (subs != NULL) {
		out_puts(o, "\nSub-commands:\n");
		for (size_t i = 0; i < rec_len(subs); i++)
			out_printf(o, "  %s\n", rec_at(subs, i)->v.s);
	}
}
