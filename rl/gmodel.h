/* gmodel.h: the tabular gamma-model, a distribution over future cells. */
#ifndef SX_GMODEL_H
#define SX_GMODEL_H

#include <stddef.h>

#include "base/err.h"
#include "rl/grid.h"

/*
 * The gamma-model of Janner et al. (2020) in the tabular case:
 * mu(. | s, a) = (1 - gamma) P_pi (I - gamma P_pi)^-1 restricted to row
 * (s, a), i.e. the distribution of the state reached after 1 + K steps,
 * K ~ Geometric(1 - gamma): take a, then follow pi. It is Dayan's (1993)
 * successor representation M = (I - gamma P_pi)^-1, one step on, scaled by
 * (1 - gamma) so that it sums to 1. Terminal cells are absorbing (the
 * episode's end keeps its mass where it ended), and states are summed over
 * the collected set to give a map over positions.
 */

/*
 * mu over positions into mu[rows*cols] (walls 0; sums to 1 within 1e-12)
 * for tabular state s, action a, policy pi (nstates). Fails on a foraging
 * grid, a bad state or action.
 */
int gmodel_compute(const sx_grid *g, const unsigned char *pi, size_t s, int a,
    double *mu, sx_err *err);

#endif
