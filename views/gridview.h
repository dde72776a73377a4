/* gridview.h: text pictures of gridworlds, drawn from records. */
#ifndef SX_GRIDVIEW_H
#define SX_GRIDVIEW_H

#include "views/out.h"
#include "views/rec.h"

/*
 * Every picture is a grid of two-column cells under a header of column
 * numbers (mod 10), each row led by its row number, so a cell can be read
 * off as `r,c`. Glyphs are UTF-8 unless out->ascii is set.
 *
 * The pictures read record members, so a command's JSON holds everything
 * its text shows: `map` is an array of row strings of map characters (as
 * in a grid file: X wall, . free, digits objects, letters terminals); a
 * layer over it is an array of rows of the same shape. These functions
 * only draw; what they draw was computed by rl/ and put in the record.
 */

/* The map alone. */
void gridview_map(sx_out *o, const sx_rec *map);

/* An arrow where `actions` has an action name ("LEFT" ...), the map's
 * glyph where it has null. */
void gridview_policy(sx_out *o, const sx_rec *map, const sx_rec *actions);

/* The base policy GPI follows: `follows` has base numbers I (1-9, then
 * a, b, ...) or null; where it has null, the map's glyph, with an
 * object's type digit shown as `*T` so it does not read as a base. */
void gridview_follows(sx_out *o, const sx_rec *map, const sx_rec *follows);

/*
 * Shading of `values` between its smallest and largest finite entries,
 * with a legend line; a wall, or a null or NaN entry, shows the map's
 * glyph (walls as `XX`, so they do not read as a dark shade).
 */
void gridview_shade(sx_out *o, const sx_rec *map, const sx_rec *values);

/* The path of an episode: `path` the [row, col] cells visited, `actions`
 * the action names taken, one fewer; at each cell the action taken there
 * (the last one where a cell is visited twice), `@` at the last cell when
 * the episode did not end at a terminal. */
void gridview_path(sx_out *o, const sx_rec *map, const sx_rec *path,
    const sx_rec *actions, int terminal);

#endif
