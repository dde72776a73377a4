/* gridview.h: text pictures of gridworlds (maps, arrows, shading, paths). */
#ifndef SX_GRIDVIEW_H
#define SX_GRIDVIEW_H

#include <stdint.h>

#include "rl/grid.h"
#include "rl/rollout.h"
#include "views/out.h"

/*
 * Every picture is a grid of two-column cells under a header of column
 * numbers (mod 10), each row led by its row number, so a cell can be read
 * off as `r,c`. Glyphs are UTF-8 unless out->ascii is set. These functions
 * only format: whatever they draw was computed by rl/ and is passed in.
 */

/* The map `map` (rows*cols map characters: g->map, or a foraging layout). */
void gridview_map(sx_out *o, const sx_grid *g, const char *map);

/*
 * Arrows of policy pi (an action per tabular state) at every cell for the
 * collected set `collected`; objects not in the set show their type (the
 * agent would collect them on entering), terminals their letter.
 */
void gridview_policy(sx_out *o, const sx_grid *g, const unsigned char *pi,
    uint32_t collected);

/*
 * Shading of v[rows*cols] between its smallest and largest finite entries,
 * with a legend line; a NaN entry shows the map's glyph (walls as `XX`).
 */
void gridview_shade(sx_out *o, const sx_grid *g, const double *v);

/* The path of an episode drawn on `map`: the action taken at each cell
 * visited (the last one where a cell is visited twice), `@` where it
 * ended without reaching a terminal. */
void gridview_path(sx_out *o, const sx_grid *g, const char *map,
    const rl_path *p);

/* The name of action a ("LEFT" ...), or "?". */
const char *gridview_action_name(int a);

#endif
