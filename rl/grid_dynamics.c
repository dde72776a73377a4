/* grid_dynamics.c: a loaded world's dynamics: actions, states, outcomes
 * and rewards, greedy choice, and running episodes. */
#include "config.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "rl/grid.h"
#include "rl/grid_impl.h"

const int grid_dr[GRID_NACT] = { 0, -1, 0, 1 };
const int grid_dc[GRID_NACT] = { -1, 0, 1, 0 };
static const int grid_tie_default[GRID_NACT] = { 0, 1, 2, 3 };
static const char *const grid_action_names[GRID_NACT] = {
	"LEFT", "UP", "RIGHT", "DOWN"
};

const char *
grid_action_name(int a)
{
	return a >= 0 && a < GRID_NACT ? grid_action_names[a] : "?";
}

int
grid_action_of(const char *name)
{
	for (int a = 0; name != NULL && a < GRID_NACT; a++)
		if (strcmp(name, grid_action_names[a]) == 0)
			return a;
	return -1;
}

int
grid_task(const sx_grid *g, const double *w, size_t nw, double *wfull,
    sx_err *err)
{
	size_t k;

	if (nw != (size_t)g->nw)
		return err_set(err, "task needs %d weights for %s, got %zu",
		    g->nw, g->name, nw);
	for (k = 0; k < nw; k++) {
		if (!isfinite(w[k]))
			return err_set(err, "weight %zu is not finite", k + 1);
		wfull[k] = w[k];
	}
	for (k = nw; k < (size_t)g->nphi; k++)
		wfull[k] = 1;
	return 0;
}

size_t
grid_state(const sx_grid *g, int r, int c, uint32_t collected, sx_err *err)
{
	int cell;

	if (g->kind != GRID_TABULAR) {
		err_set(err, "%s has no tabular states", g->name);
		return GRID_TERMINAL;
	}
	if (r < 0 || r >= g->rows || c < 0 || c >= g->cols) {
		err_set(err, "cell (%d,%d) is outside the %dx%d grid", r, c,
		    g->rows, g->cols);
		return GRID_TERMINAL;
	}
	cell = g->pos_cell[r * g->cols + c];
	if (cell < 0) {
		err_set(err, "cell (%d,%d) is a %s, not a state", r, c,
		    cell == -1 ? "wall" : "goal");
		return GRID_TERMINAL;
	}
	if (g->nobj < 32 && (collected >> g->nobj) != 0) {
		err_set(err, "collected set 0x%x names objects beyond the %d "
		    "of this grid", (unsigned)collected, g->nobj);
		return GRID_TERMINAL;
	}
	return (size_t)collected * (size_t)g->ncell + (size_t)cell;
}

void
grid_state_decode(const sx_grid *g, size_t s, int *r, int *c,
    uint32_t *collected)
{
	int p = g->cell_pos[s % (size_t)g->ncell];

	if (r != NULL)
		*r = p / g->cols;
	if (c != NULL)
		*c = p % g->cols;
	if (collected != NULL)
		*collected = (uint32_t)(s / (size_t)g->ncell);
}

/* The outcome of actually moving with action b from state s. */
static void
grid_move(const sx_grid *g, size_t s, int b, grid_outcome *o)
{
	size_t cell = s % (size_t)g->ncell;
	uint32_t m = (uint32_t)(s / (size_t)g->ncell);
	int d = g->dest[cell * GRID_NACT + (size_t)b];
	int k = g->dest_obj[cell * GRID_NACT + (size_t)b];

	o->type = -1;
	o->term = -1;
	if (d < 0) {
		o->next = GRID_TERMINAL;
		o->term = -1 - d;
		return;
	}
	if (k >= 0 && !((m >> k) & 1u)) {
		m |= 1u << k;
		o->type = g->obj_type[k];
	}
	o->next = (size_t)m * (size_t)g->ncell + (size_t)d;
}

int
grid_outcomes(const sx_grid *g, size_t s, int a, grid_outcome *out)
{
	int b;

	if (g->slip <= 0) {
		out[0].p = 1;
		grid_move(g, s, a, &out[0]);
		return 1;
	}
	for (b = 0; b < GRID_NACT; b++) {
		out[b].p = g->slip / GRID_NACT + (b == a ? 1 - g->slip : 0);
		grid_move(g, s, b, &out[b]);
	}
	return GRID_NACT;
}

void
grid_outcome_phi(const sx_grid *g, const grid_outcome *o, double *phi)
{
	int k;

	for (k = 0; k < g->nphi; k++)
		phi[k] = 0;
	if (o->type >= 0)
		phi[o->type] = 1;
	else if (o->term >= 0)
		memcpy(phi, g->term_phi + (size_t)o->term * (size_t)g->nphi,
		    (size_t)g->nphi * sizeof *phi);
}

double
grid_outcome_reward(const sx_grid *g, const grid_outcome *o,
    const double *wfull)
{
	const double *phi;
	double r = 0;
	int k;

	if (o->type >= 0)
		return wfull[o->type];
	if (o->term < 0)
		return 0;
	phi = g->term_phi + (size_t)o->term * (size_t)g->nphi;
	for (k = 0; k < g->nphi; k++)
		r += wfull[k] * phi[k];
	return r;
}

int
grid_tie_valid(const int *tie)
{
	int seen = 0, k;

	if (tie == NULL)
		return 1;
	for (k = 0; k < GRID_NACT; k++) {
		if (tie[k] < 0 || tie[k] >= GRID_NACT || (seen >> tie[k]) & 1)
			return 0;
		seen |= 1 << tie[k];
	}
	return 1;
}

int
grid_argmax(const double *q, const int *tie)
{
	double best = q[0];
	int k;

	if (tie == NULL)
		tie = grid_tie_default;
	for (k = 1; k < GRID_NACT; k++)
		if (q[k] > best)
			best = q[k];
	for (k = 0; k < GRID_NACT; k++)
		if (q[tie[k]] >= best - 1e-9)
			return tie[k];
	return tie[0];
}

int
grid_argmax_random(const double *q, gsl_rng *rng)
{
	double best = fmax(fmax(q[0], q[1]), fmax(q[2], q[3]));
	int top[GRID_NACT], n = 0, k;

	for (k = 0; k < GRID_NACT; k++)
		if (q[k] >= best - 1e-9)
			top[n++] = k;
	if (n <= 1)
		return n == 1 ? top[0] : 0;
	return top[gsl_rng_uniform_int(rng, (unsigned long)n)];
}

/* Foraging: a random free cell (not the agent's, not holding an object). */
static int
grid_forage_free(const grid_run *run, gsl_rng *rng)
{
	for (;;) {
		int p = (int)gsl_rng_uniform_int(rng, GRID_FORAGE_CELLS);

		if (p != run->pos && run->layout[p] == 0)
			return p;
	}
}

void
grid_reset(const sx_grid *g, grid_run *run, size_t state, gsl_rng *rng)
{
	int k, type;

	memset(run, 0, sizeof *run);
	if (g->kind == GRID_FORAGING) {
		run->pos = g->start;
		for (type = 1; type <= 2; type++)
			for (k = 0; k < g->forage_per_type; k++)
				run->layout[grid_forage_free(run, rng)] =
				    (unsigned char)type;
		return;
	}
	run->state = state != GRID_TERMINAL && state < g->nstates ? state :
	    g->start_state;
	run->pos = g->cell_pos[run->state % (size_t)g->ncell];
	run->collected = (uint32_t)(run->state / (size_t)g->ncell);
}

/* Sample the action actually taken under slip. */
static int
grid_slip(const sx_grid *g, int a, gsl_rng *rng)
{
	if (g->slip > 0 && rng != NULL && gsl_rng_uniform(rng) < g->slip)
		return (int)gsl_rng_uniform_int(rng, GRID_NACT);
	return a;
}

int
grid_step(const sx_grid *g, grid_run *run, int a, gsl_rng *rng,
    double *phi, int *terminal)
{
	int k, b = grid_slip(g, a, rng), term = 0;

	for (k = 0; k < g->nphi; k++)
		phi[k] = 0;
	if (run->done) {
		if (terminal != NULL)
			*terminal = 0;
		return 1;
	}
	if (g->kind == GRID_FORAGING) {
		int r = run->pos / GRID_FORAGE_SIDE, c = run->pos % GRID_FORAGE_SIDE;
		int type;

		r = (r + grid_dr[b] + GRID_FORAGE_SIDE) % GRID_FORAGE_SIDE;
		c = (c + grid_dc[b] + GRID_FORAGE_SIDE) % GRID_FORAGE_SIDE;
		run->pos = r * GRID_FORAGE_SIDE + c;
		type = run->layout[run->pos];
		if (type != 0) {
			phi[type - 1] = 1;
			run->layout[run->pos] = 0;
			run->layout[grid_forage_free(run, rng)] =
			    (unsigned char)type;
		}
	} else {
		grid_outcome o;

		grid_move(g, run->state, b, &o);
		grid_outcome_phi(g, &o, phi);
		if (o.next == GRID_TERMINAL) {
			term = 1;
			run->pos = g->term_pos[o.term];
		} else {
			run->state = o.next;
			run->pos = g->cell_pos[o.next % (size_t)g->ncell];
			run->collected = (uint32_t)(o.next / (size_t)g->ncell);
		}
	}
	run->t++;
	run->done = term || run->t >= g->horizon;
	if (terminal != NULL)
		*terminal = term;
	return run->done;
}

size_t
grid_obs(const sx_grid *g, const grid_run *run)
{
	size_t code = 0;
	int a;

	if (g->kind == GRID_TABULAR)
		return run->state;
	for (a = GRID_NACT - 1; a >= 0; a--) {
		int r = run->pos / GRID_FORAGE_SIDE, c = run->pos % GRID_FORAGE_SIDE;

		r = (r + grid_dr[a] + GRID_FORAGE_SIDE) % GRID_FORAGE_SIDE;
		c = (c + grid_dc[a] + GRID_FORAGE_SIDE) % GRID_FORAGE_SIDE;
		code = code * 3 + run->layout[r * GRID_FORAGE_SIDE + c];
	}
	return code;
}
