/* gpi.c: GPE and GPI over a set of base policies' successor features. */
#include "config.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "base/xalloc.h"
#include "rl/gpi.h"
#include "rl/vi.h"

static double
gpi_dot(const double *a, const double *b, int n)
{
	double s = 0;
	int k;

	for (k = 0; k < n; k++)
		s += a[k] * b[k];
	return s;
}

void
gpe_q(const sx_grid *g, const sf_base *b, const double *wfull, size_t s,
    double *q)
{
	double psi[GRID_MAX_PHI];
	size_t i;
	int a;

	for (i = 0; i < b->n; i++)
		for (a = 0; a < GRID_NACT; a++) {
			sf_base_psi(g, b, i, s, a, psi);
			q[i * GRID_NACT + (size_t)a] = gpi_dot(wfull, psi, b->nphi);
		}
}

int
gpi_act(const sx_grid *g, const sf_base *b, const double *wfull, size_t s,
    const int *tie, double *qmax)
{
	double best[GRID_NACT], psi[GRID_MAX_PHI];
	size_t i;
	int a;

	for (a = 0; a < GRID_NACT; a++) {
		best[a] = -HUGE_VAL;
		for (i = 0; i < b->n; i++) {
			double v;

			sf_base_psi(g, b, i, s, a, psi);
			v = gpi_dot(wfull, psi, b->nphi);
			if (v > best[a])
				best[a] = v;
		}
	}
	if (qmax != NULL)
		memcpy(qmax, best, sizeof best);
	return grid_argmax(best, tie);
}

/* Per-state values w . psi_i(s) of every base policy (n * nstates). */
static void
gpi_base_values(const sf_base *b, const double *wfull,
    double *Vb)
{
	size_t i, s, K = (size_t)b->nphi;

	for (i = 0; i < b->n; i++) {
		const double *psi = b->psi + i * b->nobs * K;

		for (s = 0; s < b->nobs; s++)
			Vb[i * b->nobs + s] = gpi_dot(wfull, psi + s * K, b->nphi);
	}
}

/* Q_i(s, a) = r(s, a) + gamma E V_i(s') of an exact set, from the
 * outcomes o[0..n) of a at s and their expected reward r. */
static double
gpi_q_exact(const sx_grid *g, const double *V, const grid_outcome *o, int n,
    double r)
{
	double v = r;
	int j;

	for (j = 0; j < n; j++)
		if (o[j].next != GRID_TERMINAL)
			v += o[j].p * g->gamma * V[o[j].next];
	return v;
}

/*
 * The base policy GPI follows at s when it takes act: of the i whose
 * q[i * GRID_NACT + act] is within 1e-9 of the best, the lowest that
 * itself takes act at s, else the lowest. (A step into a terminal has the
 * same Q for every base policy; the first rule gives it to the one that
 * heads there.)
 */
static size_t
gpi_winner(const sf_base *b, size_t s, const double *q, int act, double best)
{
	size_t i, first = b->n;

	for (i = 0; i < b->n; i++)
		if (q[i * GRID_NACT + (size_t)act] >= best - 1e-9) {
			if (b->pi[i * b->nobs + s] == act)
				return i;
			if (first == b->n)
				first = i;
		}
	return first < b->n ? first : 0;
}

/* GPI policy of an exact set from its per-state values Vb; who (optional)
 * gets the base policy GPI follows at each state. */
static void
gpi_from_values(const sx_grid *g, const sf_base *b, const double *wfull,
    const double *Vb, const int *tie, unsigned char *pi, size_t *who)
{
	grid_outcome o[GRID_NACT];
	double best[GRID_NACT], *q;
	size_t s, i;
	int a, n, j;

	q = xreallocarray(NULL, b->n * GRID_NACT, sizeof *q);
	for (s = 0; s < g->nstates; s++) {
		for (a = 0; a < GRID_NACT; a++) {
			double r = 0;

			n = grid_outcomes(g, s, a, o);
			for (j = 0; j < n; j++)
				r += o[j].p * grid_outcome_reward(g, &o[j], wfull);
			best[a] = -HUGE_VAL;
			for (i = 0; i < b->n; i++) {
				double v = gpi_q_exact(g, Vb + i * g->nstates, o, n,
				    r);

				q[i * GRID_NACT + (size_t)a] = v;
				if (v > best[a])
					best[a] = v;
			}
		}
		a = grid_argmax(best, tie);
		pi[s] = (unsigned char)a;
		if (who != NULL)
			who[s] = gpi_winner(b, s, q, a, best[a]);
	}
	free(q);
}

int
gpi_policy(const sx_grid *g, const sf_base *b, const double *wfull,
    const int *tie, unsigned char *pi, sx_err *err)
{
	double *Vb;
	size_t s;

	if (!grid_tie_valid(tie))
		return err_set(err, "tie order is not a permutation of 0..3");
	if (b->nphi != g->nphi || b->nobs != g->nobs)
		return err_set(err, "base set does not belong to grid %s",
		    g->name);
	if (b->learned) {
		for (s = 0; s < b->nobs; s++)
			pi[s] = (unsigned char)gpi_act(g, b, wfull, s, tie, NULL);
		return 0;
	}
	Vb = xreallocarray(NULL, b->n * g->nstates, sizeof *Vb);
	gpi_base_values(b, wfull, Vb);
	gpi_from_values(g, b, wfull, Vb, tie, pi, NULL);
	free(Vb);
	return 0;
}

void
gpi_values_free(gpi_values *v)
{
	if (v == NULL)
		return;
	free(v->base);
	free(v->gpi);
	free(v->opt);
	free(v->pi_gpi);
	free(v->pi_opt);
	free(v->which);
	free(v);
}

int
gpi_values_compute(const sx_grid *g, const sf_base *b, const double *wfull,
    const int *tie, gpi_values **out, sx_err *err)
{
	gpi_values *v;

	if (g->kind != GRID_TABULAR || b->learned)
		return err_set(err, "exact GPI values need an exact base on a "
		    "tabular grid");
	if (!grid_tie_valid(tie))
		return err_set(err, "tie order is not a permutation of 0..3");
	if (b->nphi != g->nphi || b->nobs != g->nstates)
		return err_set(err, "base set does not belong to grid %s",
		    g->name);
	v = xcalloc(1, sizeof *v);
	v->n = b->n;
	v->nstates = g->nstates;
	v->base = xreallocarray(NULL, b->n * g->nstates, sizeof *v->base);
	v->gpi = xmalloc(g->nstates * sizeof *v->gpi);
	v->opt = xmalloc(g->nstates * sizeof *v->opt);
	v->pi_gpi = xmalloc(g->nstates);
	v->pi_opt = xmalloc(g->nstates);
	v->which = xreallocarray(NULL, g->nstates, sizeof *v->which);
	gpi_base_values(b, wfull, v->base);
	gpi_from_values(g, b, wfull, v->base, tie, v->pi_gpi, v->which);
	if (vi_evaluate(g, v->pi_gpi, wfull, v->gpi, err) != 0 ||
	    vi_optimal(g, wfull, tie, v->opt, v->pi_opt, err) != 0) {
		gpi_values_free(v);
		return -1;
	}
	*out = v;
	return 0;
}

int
gpi_which(const sx_grid *g, const sf_base *b, const double *wfull,
    const int *tie, size_t *who, double *share, sx_err *err)
{
	size_t s, i, nobs = b->nobs;

	if (!grid_tie_valid(tie))
		return err_set(err, "tie order is not a permutation of 0..3");
	if (b->nphi != g->nphi || b->nobs != g->nobs)
		return err_set(err, "base set does not belong to grid %s",
		    g->name);
	if (b->learned || g->kind != GRID_TABULAR) {
		double *q = xreallocarray(NULL, b->n * GRID_NACT, sizeof *q);
		double best[GRID_NACT];

		for (s = 0; s < nobs; s++) {
			int a;

			gpe_q(g, b, wfull, s, q);
			for (a = 0; a < GRID_NACT; a++) {
				best[a] = -HUGE_VAL;
				for (i = 0; i < b->n; i++)
					best[a] = fmax(best[a],
					    q[i * GRID_NACT + (size_t)a]);
			}
			a = grid_argmax(best, tie);
			who[s] = gpi_winner(b, s, q, a, best[a]);
		}
		free(q);
	} else {
		double *Vb = xreallocarray(NULL, b->n * g->nstates, sizeof *Vb);
		unsigned char *pi = xmalloc(g->nstates);

		gpi_base_values(b, wfull, Vb);
		gpi_from_values(g, b, wfull, Vb, tie, pi, who);
		free(pi);
		free(Vb);
	}
	if (share != NULL)
		gpi_which_shares(who, nobs, b->n, share);
	return 0;
}

void
gpi_which_shares(const size_t *who, size_t nobs, size_t n, double *share)
{
	size_t s, i;

	for (i = 0; i < n; i++)
		share[i] = 0;
	for (s = 0; s < nobs; s++)
		share[who[s]] += 1;
	for (i = 0; i < n && nobs > 0; i++)
		share[i] /= (double)nobs;
}
