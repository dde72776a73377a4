/* gridscene.h: what the TUI's gridworld pane shows, from the workspace. */
#ifndef SX_GRIDSCENE_H
#define SX_GRIDSCENE_H

#include <stddef.h>

#include "rl/grid.h"
#include "sessions/workspace.h"

/*
 * The gridworld pane draws a scene: the agent where a rollout of the shown
 * base policy (seed 1, from the start) is after `steps` steps, and at each
 * free cell the policy's action or its value on its own task (psi . w at
 * the rollout's collected set). Arrows and values exist only for an exact
 * base on a tabular world; otherwise the scene is the map and the start.
 */
typedef struct gridscene {
	int policy;       /* act[] is filled: an exact base on a tabular world */
	int values;       /* value[] is filled (asked for, and the task known) */
	size_t sel;       /* the policy shown, 0-based */
	size_t npolicies; /* how many there are to cycle through (at least 1) */
	grid_run run;     /* where the rollout is */
	signed char *act; /* rows*cols: the action at a free cell, else -1 */
	double *value;    /* rows*cols: the value at a free cell, else NaN */
	double vlo, vhi;  /* value range over every non-terminal state */
} gridscene;

/*
 * Fill *sc for the workspace's world (which must be loaded), policy `sel`
 * (0 when out of range), `steps` steps into the rollout, with values when
 * `values` is set. Free with gridscene_free.
 */
void gridscene_make(const sx_workspace *ws, size_t sel, int steps,
    int values, gridscene *sc);
void gridscene_free(gridscene *sc);

/* How many policies the pane cycles through (1 when it shows none). */
size_t gridscene_npolicies(const sx_workspace *ws);

#endif
