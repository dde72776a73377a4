/* vi.h: exact solvers on tabular grids: value iteration, policy evaluation,
 * successor features, by levels of the collected set. */
#ifndef SX_VI_H
#define SX_VI_H

#include <stddef.h>

#include "base/err.h"
#include "rl/grid.h"

/*
 * Design note. A transition either stays within its collected set m or
 * moves to a strict superset (an object collected) or ends the episode. So
 * the sets are solved from the full set down to the empty one (numerically
 * decreasing m: a superset of m is a larger number); within one set every
 * transition that leaves it reads values already final, and Gauss-Seidel
 * sweeps (alternating direction, self-loops solved in closed form) run on
 * the ncell cells only. In a deterministic world all rewards inside one
 * set are zero, so the sweeps reach the exact fixed point in a handful of
 * passes; with slip they converge geometrically to 1e-14 relative.
 *
 * Policies are arrays of one action (0..3) per state. Values are arrays of
 * nstates doubles; successor features psi^pi(s) = psi^pi(s, pi(s)) are
 * nstates * nphi doubles (state-major), and psi(s, a) is one lookahead away
 * (vi_psi_sa): this keeps a stored policy at 8 * nphi bytes per state.
 * All functions fail (-1, err) on a foraging grid, which has no model.
 */

/* Optimal values V* for the full task wfull (nphi) into V (nstates), and
 * when pi != NULL the greedy policy with the tie rule (`tie` as in
 * grid_argmax). Fails only on a non-tabular grid or non-convergence. */
int vi_optimal(const sx_grid *g, const double *wfull, const int *tie,
    double *V, unsigned char *pi, sx_err *err);

/* Exact value V^pi of policy pi on task wfull. Fails on a bad action. */
int vi_evaluate(const sx_grid *g, const unsigned char *pi, const double *wfull,
    double *V, sx_err *err);

/* Exact successor features psi^pi = (I - gamma P_pi)^-1 phi_pi into psi
 * (nstates * nphi). */
int vi_psi(const sx_grid *g, const unsigned char *pi, double *psi,
    sx_err *err);

/* Q(s, a) for the 4 actions by one lookahead on V: sum_o p (r + gamma V). */
void vi_q(const sx_grid *g, const double *V, const double *wfull, size_t s,
    double *q);

/* psi(s, a) (nphi) by one lookahead on a state psi array. */
void vi_psi_sa(const sx_grid *g, const double *psi, size_t s, int a,
    double *out);

/* The greedy policy of V on wfull with the tie rule. */
void vi_greedy(const sx_grid *g, const double *V, const double *wfull,
    const int *tie, unsigned char *pi);

/* Largest Bellman residual at any state, computed directly from
 * grid_outcomes: optimality |V - max_a Q|, evaluation |V - Q(s, pi(s))|, and
 * successor features max_k |psi - phi - gamma E psi'|. */
double vi_residual_optimal(const sx_grid *g, const double *V,
    const double *wfull);
double vi_residual_eval(const sx_grid *g, const unsigned char *pi,
    const double *V, const double *wfull);
double vi_residual_psi(const sx_grid *g, const unsigned char *pi,
    const double *psi);

#endif
