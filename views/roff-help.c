/* roff-help.c: a command's help record as an entry of the man page: the
 * synopsis in man's fonts (words bold, metavariables italic), the help
 * text, and the spec's rows as a tagged list. */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "base/xalloc.h"
#include "views/roff.h"

/* Text as roff reads it literally: backslashes and hyphens escaped, and a
 * line that would start with a control character guarded. */
static void
roff_text(sx_out *o, const char *s, size_t n, int at_line_start)
{
	for (size_t i = 0; i < n; i++) {
		if (at_line_start && (s[i] == '.' || s[i] == '\''))
			out_puts(o, "\\&");
		at_line_start = 0;
		if (s[i] == '\\')
			out_puts(o, "\\e");
		else if (s[i] == '-')
			out_puts(o, "\\-");
		else {
			out_printf(o, "%c", s[i]);
			at_line_start = s[i] == '\n';
		}
	}
}

/* Is w the name of one of the rows (an option, keyword or literal)? */
static int
is_row_name(const sx_rec *args, const char *w, size_t n)
{
	for (size_t i = 0; i < rec_len(args); i++) {
		const sx_rec *row = rec_at(args, i);
		const char *name = rec_get_str(row, "name");

		if (!rec_get_bool(row, "positional") && strlen(name) == n &&
		    strncmp(name, w, n) == 0)
			return 1;
	}
	return 0;
}

/* One word of the synopsis: brackets and "..." in roman, the words one
 * types in bold, what stands for a value in italic. */
static void
roff_synopsis_word(sx_out *o, const sx_rec *args, const char *w, size_t n)
{
	size_t a = 0, b = n;

	while (a < b && w[a] == '[')
		a++;
	while (b > a && w[b - 1] == ']')
		b--;
	roff_text(o, w, a, 0);
	if (b - a == 3 && strncmp(w + a, "...", 3) == 0)
		roff_text(o, w + a, 3, 0);
	else if (b > a) {
		int bold = is_row_name(args, w + a, b - a) ||
		    (b - a == 1 && w[a] == '=');

		out_puts(o, bold ? "\\fB" : "\\fI");
		roff_text(o, w + a, b - a, 0);
		out_puts(o, "\\fR");
	}
	roff_text(o, w + b, n - b, 0);
}

/* The help text: its lines as they are (roff fills them), a blank line a
 * new paragraph, and indented lines (examples, lists) kept as written. */
static void
roff_help_text(sx_out *o, const char *text)
{
	int verbatim = 0;

	for (const char *p = text; *p != '\0';) {
		const char *nl = strchr(p, '\n');
		size_t n = nl != NULL ? (size_t)(nl - p) : strlen(p);
		int indented = n > 2 && p[0] == ' ' && p[1] == ' ';

		if (indented && !verbatim)
			out_puts(o, ".nf\n.in +4n\n");
		else if (!indented && verbatim)
			out_puts(o, ".in\n.fi\n");
		verbatim = indented;
		if (n == 0)
			out_puts(o, ".IP\n");
		else {
			roff_text(o, indented ? p + 2 : p, indented ? n - 2 : n, 1);
			out_puts(o, "\n");
		}
		p += n + (nl != NULL);
	}
	if (verbatim)
		out_puts(o, ".in\n.fi\n");
}

/* A row of the spec as a tag: ".B --rows \fIK\fR", or ".I ACTION". */
static void
roff_row(sx_out *o, const sx_rec *row)
{
	const char *name = rec_get_str(row, "name"), *meta = rec_get_str(row, "meta");
	const char *help = rec_get_str(row, "help"), *dflt = rec_get_str(row, "default");

	out_puts(o, ".TP\n");
	if (rec_get_bool(row, "positional")) {
		out_puts(o, ".I ");
		roff_text(o, meta, strlen(meta), 0);
	} else {
		out_puts(o, ".B ");
		roff_text(o, name, strlen(name), 0);
		if (meta != NULL) {
			out_puts(o, " \\fI");
			roff_text(o, meta, strlen(meta), 0);
			out_puts(o, "\\fR");
		}
	}
	out_puts(o, "\n");
	if (help != NULL)
		roff_text(o, help, strlen(help), 1);
	if (dflt != NULL) {
		out_puts(o, help != NULL ? " (default " : "(default ");
		roff_text(o, dflt, strlen(dflt), help == NULL);
		out_puts(o, ")");
	}
	out_puts(o, "\n");
}

void
roff_help_entry(sx_out *o, const sx_rec *r)
{
	const char *name = rec_get_str(r, "name"), *syn = rec_get_str(r, "synopsis");
	const sx_rec *args = rec_get(r, "arguments");
	int listed = 0;

	out_puts(o, ".TP\n.B ");
	roff_text(o, name, strlen(name), 0);
	for (const char *w = syn + strlen(name); *w != '\0';) {
		size_t n;

		while (*w == ' ')
			w++;
		n = strcspn(w, " ");
		out_puts(o, " ");
		roff_synopsis_word(o, args, w, n);
		w += n;
	}
	out_puts(o, "\n");
	roff_help_text(o, rec_get_str(r, "help"));
	for (size_t i = 0; i < rec_len(args); i++) {
		const sx_rec *row = rec_at(args, i);

		/* As in help: a positional argument without a line is in the
		 * text. */
		if (rec_get_bool(row, "positional") && rec_get_str(row, "help") == NULL)
			continue;
		if (!listed++)
			out_puts(o, ".RS\n");
		roff_row(o, row);
	}
	if (listed)
		out_puts(o, ".RE\n");
}
