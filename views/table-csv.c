/* table-csv.c: a table as CSV (RFC 4180 quoting), numbers at full
 * precision and standard errors in columns of their own. */
#include "config.h"

#include <math.h>
#include <string.h>

#include "views/table.h"

/* A field, in double quotes when it holds a comma, a quote, a line end or
 * starts or ends with a space; quotes doubled. */
static void
csv_field(sx_out *o, const char *s)
{
	size_t n = strlen(s);

	if (strpbrk(s, ",\"\r\n") == NULL && (n == 0 || (s[0] != ' ' &&
	    s[n - 1] != ' '))) {
		out_puts(o, s);
		return;
	}
	out_puts(o, "\"");
	for (const char *p = s; *p != '\0'; p++)
		out_puts(o, *p == '"' ? "\"\"" : (char[]){ *p, '\0' });
	out_puts(o, "\"");
}

/* A number as JSON writes it; nothing for NaN and infinities. */
static void
csv_num(sx_out *o, double v)
{
	char buf[40];

	if (!isfinite(v))
		return;
	out_fmt_double(buf, sizeof buf, v);
	out_puts(o, buf);
}

void
table_csv(sx_out *o, const sx_table *t)
{
	for (size_t c = 0; c < t->ncols; c++) {
		if (c > 0)
			out_puts(o, ",");
		csv_field(o, t->cols[c]);
		if (t->col_se[c]) {
			char se[300];

			snprintf(se, sizeof se, "%s%s",
			    strcmp(t->cols[c], "value") == 0 ? "" : t->cols[c],
			    strcmp(t->cols[c], "value") == 0 ? "se" : "_se");
			out_puts(o, ",");
			csv_field(o, se);
		}
	}
	out_puts(o, "\n");
	for (size_t r = 0; r < t->nrows; r++) {
		for (size_t c = 0; c < t->ncols; c++) {
			const sx_tcell *x = table_cell(t, r, c);

			if (c > 0)
				out_puts(o, ",");
			switch (x->type) {
			case REC_NUM:
				csv_num(o, x->v);
				break;
			case REC_INT:
				out_printf(o, "%lld", x->i);
				break;
			case REC_BOOL:
				out_puts(o, x->i ? "true" : "false");
				break;
			case REC_STR:
				csv_field(o, x->s);
				break;
			default:
				break;
			}
			if (t->col_se[c]) {
				out_puts(o, ",");
				if (x->type == REC_NUM)
					csv_num(o, x->se);
			}
		}
		out_puts(o, "\n");
	}
}
