/* gcompose.h: what a gamma-model is for: values, longer horizons, MVE. */
#ifndef SX_GCOMPOSE_H
#define SX_GCOMPOSE_H

#include <stddef.h>

#include "rl/gchain.h"

/*
 * Janner et al. (2020) in the tabular case, over the arrival chain of
 * gchain.h, with any model given as an operator (exact or learned).
 *
 * Value: Q(x, a) = E_{x_e ~ mu_gamma(. | x, a)}[r(x_e)] / (1 - gamma).
 *
 * Rollouts: mu_1 = mu(. | x, a), mu_{n+1} = mu_n . mu (state-conditioned,
 * following pi). For a longer horizon gamma~ in (gamma, 1),
 *   mu_gamma~ = sum_{n >= 1} alpha_n mu_n,
 *   alpha_n = (1 - gamma~) / (1 - gamma) * beta^(n-1),
 *   beta = (gamma~ - gamma) / (1 - gamma):
 * each gamma-model step lasts Geometric(1 - gamma) steps, and the weights
 * make the total time Geometric(1 - gamma~). (Exact: with
 * mu = (1 - gamma) P (I - gamma P)^-1, sum_n beta^(n-1) mu^n =
 * mu (I - beta mu)^-1 = (1 - gamma) P (I - gamma~ P)^-1.)
 *
 * gamma-MVE: the value at discount gamma~ from H model steps and a tail
 * value V~ (the value of arriving at a chain state, at gamma~):
 *   V_H = sum_{n=1..H} alpha_n E_{mu_n}[r] / (1 - gamma~)
 *         + beta^H E_{mu_H}[V~],
 * exact for every H when the model and V~ are; with V~ = 0 its error
 * falls as beta^H.
 */

/* Q(x, a) read from the model (a < 0: the policy's action). */
double gcompose_value(const gmodel_op *op, const gchain *ch, size_t x, int a,
    const double *wfull);

/* The weight alpha_n (n >= 1) and beta for horizons gamma < gamma~. */
double gcompose_alpha(double gamma, double gamma_t, size_t n);
double gcompose_beta(double gamma, double gamma_t);

/*
 * mu_gamma~(. | x, a) from `steps` rollout steps into out (n); when ref is
 * not NULL, tv[k] = TV(partial sum of k + 1 steps, ref). Needs
 * op->gamma < gamma_t < 1 (else -1 with err).
 */
int gcompose_horizon(const gmodel_op *op, const gchain *ch, size_t x, int a,
    double gamma_t, size_t steps, const double *ref, double *out, double *tv,
    sx_err *err);

/*
 * gamma-MVE estimates est[h - 1] for h = 1..H at discount gamma_t from
 * state x, action a, with tail vtail (n values, or NULL for 0). Needs
 * op->gamma < gamma_t < 1.
 */
int gcompose_mve(const gmodel_op *op, const gchain *ch, size_t x, int a,
    double gamma_t, size_t H, const double *vtail, const double *wfull,
    double *est, sx_err *err);

#endif
