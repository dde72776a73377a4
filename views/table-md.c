/* table-md.c: a table as a Markdown (GFM) pipe table, numbers rounded to
 * their standard errors, numeric columns right-aligned. */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "base/xalloc.h"
#include "views/table.h"

/* s with its pipes escaped and line ends as spaces (a cell is one line). */
static char *
md_escape(const char *s)
{
	char *e = xmalloc(2 * strlen(s) + 1), *p = e;

	for (; *s != '\0'; s++) {
		if (*s == '|' || *s == '\\')
			*p++ = '\\';
		*p++ = *s == '\n' || *s == '\r' ? ' ' : *s;
	}
	*p = '\0';
	return e;
}

/* Width on a terminal: UTF-8 code points. */
static size_t
md_width(const char *s)
{
	size_t w = 0;

	for (; *s != '\0'; s++)
		if (((unsigned char)*s & 0xc0) != 0x80)
			w++;
	return w;
}

static void
md_cell(sx_out *o, const char *s, size_t width, int right)
{
	size_t pad = width - md_width(s);

	out_printf(o, " %*s%s%*s |", right ? (int)pad : 0, "", s,
	    right ? 0 : (int)pad, "");
}

void
table_markdown(sx_out *o, const sx_table *t)
{
	size_t n = (t->nrows + 1) * t->ncols;
	char **text = xcalloc(n ? n : 1, sizeof *text);
	size_t *width = xcalloc(t->ncols ? t->ncols : 1, sizeof *width);
	int *right = xcalloc(t->ncols ? t->ncols : 1, sizeof *right);

	if (o->tables++ > 0)
		out_puts(o, "\n");  /* this table is another one */
	for (size_t c = 0; c < t->ncols; c++) {
		right[c] = table_col_numeric(t, c);
		text[c] = md_escape(t->cols[c]);
		width[c] = md_width(text[c]) > 3 ? md_width(text[c]) : 3;
		for (size_t r = 0; r < t->nrows; r++) {
			char buf[128];
			char **x = &text[(r + 1) * t->ncols + c];

			*x = md_escape(table_cell_text(o, table_cell(t, r, c),
			    0, buf, sizeof buf));
			if (md_width(*x) > width[c])
				width[c] = md_width(*x);
		}
	}
	for (size_t r = 0; r <= t->nrows; r++) {
		out_puts(o, "|");
		for (size_t c = 0; c < t->ncols; c++)
			md_cell(o, text[r * t->ncols + c], width[c], right[c]);
		out_puts(o, "\n");
		if (r > 0)
			continue;
		out_puts(o, "|");
		for (size_t c = 0; c < t->ncols; c++) {
			out_puts(o, " ");
			for (size_t k = 0; k + 1 < width[c]; k++)
				out_puts(o, "-");
			out_puts(o, right[c] ? ": |" : "- |");
		}
		out_puts(o, "\n");
	}
	for (size_t i = 0; i < n; i++)
		free(text[i]);
	free(text);
	free(width);
	free(right);
}
