/* grid.h: gridworlds for RL transfer: object worlds, text maps, foraging. */
#ifndef SX_GRID_H
#define SX_GRID_H

#include <stddef.h>
#include <stdint.h>

#include <gsl/gsl_rng.h>

#include "base/err.h"

/*
 * Two kinds of world share one struct.
 *
 * Tabular worlds (fourroom, corners, any text map): a grid of cells, walls,
 * collectable objects of types 1-9 (each collected once, on entry) and
 * terminal cells (G, or lettered goals A-H). The state is (cell, set of
 * collected objects); states are numbered s = collected * ncell + cell, so the
 * collected set only grows with s's high part: solvers go level by level
 * from the full set down (see vi.h). Features phi(s, a, s') are one-hot of
 * the collected object's type, or the terminal's vector on entering one;
 * moving into a wall or off the grid leaves the agent in place with phi = 0.
 *
 * Feature layout: types 1..ntypes first, then letters A..; nw counts these
 * and is the length of a task vector W the user writes. Goal `G` under the
 * `unit` convention adds one last feature whose weight is always 1 (so
 * nphi = nw + 1); under `sum` phi(G) = (1, ..., 1) and nphi = nw.
 *
 * Foraging: a 10x10 torus with objects of two types that respawn in a
 * random free cell when collected; no exact model (nstates == 0). Sampling
 * learners see an observation index in [0, nobs): the contents of the four
 * neighbouring cells (empty, type 1, type 2 in base 3, LEFT UP RIGHT DOWN).
 *
 * A sx_grid is immutable after loading and may be shared between threads;
 * all randomness comes from a caller's gsl_rng or seed.
 */

#define GRID_NACT 4
enum grid_action { GRID_LEFT = 0, GRID_UP = 1, GRID_RIGHT = 2, GRID_DOWN = 3 };

/* The name of action a ("LEFT" ...), or "?"; and back: the action of a
 * name, or -1. */
const char *grid_action_name(int a);
int grid_action_of(const char *name);

#define GRID_MAX_SIDE 64
#define GRID_MAX_OBJECTS 16
#define GRID_MAX_TYPES 9
#define GRID_MAX_LETTERS 8
#define GRID_MAX_W (GRID_MAX_TYPES + GRID_MAX_LETTERS)
#define GRID_MAX_PHI (GRID_MAX_W + 1)
/* nstates * nphi above this is "too big" (64 MB per stored psi). */
#define GRID_MAX_STATE_FEATURES ((size_t)1 << 23)
#define GRID_TERMINAL SIZE_MAX
#define GRID_FORAGE_SIDE 10
#define GRID_FORAGE_CELLS (GRID_FORAGE_SIDE * GRID_FORAGE_SIDE)

typedef enum grid_goal { GRID_GOAL_UNIT = 0, GRID_GOAL_SUM = 1 } grid_goal;
typedef enum grid_kind { GRID_TABULAR = 0, GRID_FORAGING = 1 } grid_kind;

/*
 * Progress report for long learners: called with (done, total) now and then;
 * a non-zero return cancels (the learner then fails with "cancelled" and
 * leaves every output untouched).
 */
typedef int (*rl_progress)(void *ctx, size_t done, size_t total);

/* Options for loading; zero-initialised means unit goal, no slip, seed 0.
 * A map file's own `slip` header wins when `slip_set` is 0. */
typedef struct grid_opts {
	grid_goal goal;
	double slip;
	int slip_set;
	unsigned long seed;
} grid_opts;

typedef struct sx_grid {
	char *name;
	grid_kind kind;
	int rows, cols;
	char *map;          /* rows*cols characters as in the text map */
	int start;          /* start position r*cols + c */
	double gamma;
	double slip;        /* probability the action is replaced at random */
	int horizon;        /* episode length for rollouts and learners */
	grid_goal goal;
	unsigned long seed; /* the --seed given at load (recorded for replay) */
	int ntypes, nletters;
	int nw;             /* weights in a task vector W */
	int nphi;           /* features (nw, or nw + 1 with a unit goal) */
	int has_goal;       /* a `G` cell exists */

	/* Tabular worlds. */
	int ncell;          /* non-terminal free cells */
	int *cell_pos;      /* ncell positions */
	int *pos_cell;      /* rows*cols: cell index, -1 wall, -2 - t terminal t */
	int nobj;
	int *obj_pos;       /* nobj positions, row-major order */
	int *obj_type;      /* nobj feature indices (type 1 -> 0) */
	int nterm;
	int *term_pos;      /* nterm positions */
	double *term_phi;   /* nterm * nphi */
	size_t nstates;     /* ncell << nobj; 0 for foraging */
	size_t start_state;
	int *dest;          /* ncell*4: next cell, or -1 - t for terminal t */
	int *dest_obj;      /* ncell*4: object entered, -1 none (or blocked) */

	/* Sampling. */
	size_t nobs;        /* tabular: nstates; foraging: 81 */
	int forage_per_type;
} sx_grid;

/* One outcome of (state, action): probability, next state (GRID_TERMINAL
 * when the episode ends), and what phi is: `type` >= 0 one-hot of that
 * feature, `term` >= 0 that terminal's vector, both -1 for phi = 0. */
typedef struct grid_outcome {
	double p;
	size_t next;
	int type;
	int term;
} grid_outcome;

/* A running episode. */
typedef struct grid_run {
	size_t state;       /* tabular state (unused for foraging) */
	int pos;            /* agent position r*cols + c */
	uint32_t collected; /* tabular: collected set */
	int t;              /* steps taken */
	int done;           /* terminal reached or horizon hit */
	unsigned char layout[GRID_FORAGE_CELLS]; /* foraging: 0 or type 1-2 */
} grid_run;

/* Built-in worlds: count, and name / one-line description of entry i
 * (NULL past the end). */
size_t grid_builtin_count(void);
const char *grid_builtin_name(size_t i);
const char *grid_builtin_help(size_t i);

/*
 * Load a built-in world by name, or else a map file. Returns NULL and fills
 * err for an unknown name that is not a readable file, or a bad map.
 */
sx_grid *grid_load(const char *name_or_path, const grid_opts *o, sx_err *err);

/* A built-in world; NULL with "unknown grid" when there is none. */
sx_grid *grid_builtin(const char *name, const grid_opts *o, sx_err *err);

/*
 * Parse a text map. Format: `#` comment lines; optional header lines
 * `name N`, `gamma G` (0 < G < 1), `slip P` (0 <= P <= 1), `horizon H`
 * before the map; then equal-length rows of `.` empty, `X` wall, `S` start
 * (exactly one), `G` goal, `A`-`H` lettered goals (terminal, one-hot), `1`-`9`
 * objects; blank lines are ignored. Errors carry `where`:line:col: unknown
 * header, bad value, wrong character, ragged row, two starts, no start, no
 * goal, unreachable goal, no features, too big (side > 64, more than 16
 * objects, or states * features > 2^23).
 */
sx_grid *grid_parse(const char *text, const char *where, const grid_opts *o,
    sx_err *err);

/* Read and parse a map file; errors name the path. */
sx_grid *grid_load_file(const char *path, const grid_opts *o, sx_err *err);

void grid_free(sx_grid *g);

/*
 * Full weight vector (nphi) for a task W of nw weights: W, plus 1 for the
 * unit goal. Fails when nw is wrong or a weight is not finite.
 */
int grid_task(const sx_grid *g, const double *w, size_t nw, double *wfull,
    sx_err *err);

/* Tabular state of position (r, c) with collected set `collected`;
 * GRID_TERMINAL (with err) for a wall, terminal, outside, or bad set. */
size_t grid_state(const sx_grid *g, int r, int c, uint32_t collected,
    sx_err *err);
/* Position and collected set of a tabular state. */
void grid_state_decode(const sx_grid *g, size_t s, int *r, int *c,
    uint32_t *collected);

/* Outcomes of action a in tabular state s (at most 4, summing to 1);
 * returns their number. */
int grid_outcomes(const sx_grid *g, size_t s, int a, grid_outcome *out);
/* phi of an outcome into phi[nphi]; its reward w . phi for a full w. */
void grid_outcome_phi(const sx_grid *g, const grid_outcome *o, double *phi);
double grid_outcome_reward(const sx_grid *g, const grid_outcome *o,
    const double *wfull);

/* Greedy action with the tie rule: the first action in `tie` (a priority
 * order of the 4 actions; NULL = LEFT UP RIGHT DOWN) among those within
 * 1e-9 of the maximum of q[4]. */
int grid_argmax(const double *q, const int *tie);

/* Greedy action with ties broken uniformly at random: one of the actions
 * within 1e-9 of the maximum of q[4], drawn from rng (no draw when the
 * maximum is unique). */
int grid_argmax_random(const double *q, gsl_rng *rng);

/* Is `tie` a permutation of 0..3 (NULL counts as valid)? */
int grid_tie_valid(const int *tie);

/*
 * Episodes: grid_reset starts one (tabular: at the start state, or when
 * `state` != GRID_TERMINAL at that state; foraging: a fresh random layout
 * from rng). grid_step takes action a, writes phi[nphi], and returns 1 when
 * the episode has ended (terminal or horizon), else 0. grid_obs is the
 * observation index for sampling learners.
 */
void grid_reset(const sx_grid *g, grid_run *run, size_t state, gsl_rng *rng);
int grid_step(const sx_grid *g, grid_run *run, int a, gsl_rng *rng,
    double *phi, int *terminal);
size_t grid_obs(const sx_grid *g, const grid_run *run);

/* A seeded mt19937 generator (never NULL); free with gsl_rng_free. */
gsl_rng *grid_rng(unsigned long seed);

#endif
