/* table-latex.c: a table as a LaTeX tabular with booktabs rules
 * (\toprule, \midrule, \bottomrule: \usepackage{booktabs}), numbers in
 * math mode rounded to their standard errors, text escaped. */
#include "config.h"

#include <string.h>

#include "views/table.h"

/* The few non-ASCII characters scalex itself writes, as LaTeX. */
static const struct {
	const char *utf8, *tex;
} latex_chars[] = {
	{ "±", "$\\pm$" },
	{ "²", "\\textsuperscript{2}" },
	{ "½", "\\textonehalf{}" },
	{ "Σ", "$\\Sigma$" },
	{ "×", "$\\times$" },
	{ "≤", "$\\le$" },
	{ "≥", "$\\ge$" },
	{ "−", "$-$" },
};

/* Text in a cell: the ten special characters escaped. */
static void
latex_text(sx_out *o, const char *s)
{
	for (; *s != '\0'; s++) {
		size_t k;

		for (k = 0; k < sizeof latex_chars / sizeof latex_chars[0];
		    k++) {
			size_t n = strlen(latex_chars[k].utf8);

			if (strncmp(s, latex_chars[k].utf8, n) == 0) {
				out_puts(o, latex_chars[k].tex);
				s += n - 1;
				break;
			}
		}
		if (k < sizeof latex_chars / sizeof latex_chars[0])
			continue;
		switch (*s) {
		case '\\':
			out_puts(o, "\\textbackslash{}");
			break;
		case '~':
			out_puts(o, "\\textasciitilde{}");
			break;
		case '^':
			out_puts(o, "\\textasciicircum{}");
			break;
		case '_': case '%': case '&': case '#': case '$': case '{':
		case '}':
			out_printf(o, "\\%c", *s);
			break;
		case '\n': case '\r':
			out_puts(o, " ");
			break;
		default:
			out_printf(o, "%c", *s);
		}
	}
}

void
table_latex(sx_out *o, const sx_table *t)
{
	out_puts(o, "\\begin{tabular}{");
	for (size_t c = 0; c < t->ncols; c++)
		out_puts(o, table_col_numeric(t, c) ? "r" : "l");
	out_puts(o, "}\n\\toprule\n");
	for (size_t c = 0; c < t->ncols; c++) {
		out_puts(o, c > 0 ? " & " : "");
		latex_text(o, t->cols[c]);
	}
	out_puts(o, " \\\\\n\\midrule\n");
	for (size_t r = 0; r < t->nrows; r++) {
		for (size_t c = 0; c < t->ncols; c++) {
			const sx_tcell *x = table_cell(t, r, c);
			char buf[128];
			const char *s = table_cell_text(o, x, 1, buf,
			    sizeof buf);

			out_puts(o, c > 0 ? " & " : "");
			if (x->type == REC_NUM || x->type == REC_INT)
				out_puts(o, s);  /* math mode, made here */
			else
				latex_text(o, s);
		}
		out_puts(o, " \\\\\n");
	}
	out_puts(o, "\\bottomrule\n\\end{tabular}\n");
}
