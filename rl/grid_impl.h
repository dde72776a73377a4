/* grid_impl.h: the moves both the map loader (grid.c, building the
 * transition tables) and the dynamics (grid_dynamics.c) take. */
#ifndef SX_GRID_IMPL_H
#define SX_GRID_IMPL_H

#include "rl/grid.h"

/* Row and column steps of each action (enum grid_action). */
extern const int grid_dr[GRID_NACT];
extern const int grid_dc[GRID_NACT];

#endif
