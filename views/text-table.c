/* text-table.c: the text view of a table written to a file. */
#include "config.h"

#include "views/text.h"

void
text_table_written(sx_out *o, const sx_rec *r)
{
	out_printf(o, "wrote the %s table to %s (%s)\n", r->kind,
	    rec_get_str(r, "out"), rec_get_str(r, "format"));
}
