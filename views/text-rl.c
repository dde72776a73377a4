/* text-rl.c: text views of the RL commands' records. */
#include "config.h"

#include "views/text.h"

void
text_grid_list(sx_out *o, const sx_rec *r)
{
	const sx_rec *grids = rec_get(r, "grids");

	for (size_t i = 0; i < rec_len(grids); i++)
		out_printf(o, "%-10s %s\n", rec_get_str(rec_at(grids, i), "name"),
		    rec_get_str(rec_at(grids, i), "help"));
	out_puts(o, "(or 'grid load FILE' for a map of your own: see "
	    "'help grid load')\n");
}
