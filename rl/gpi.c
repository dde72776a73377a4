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

/* GPI policy of an exact set from its per-state values Vb. */
static void
gpi_from_values(const sx_grid *g, const sf_base *b, const double *wfull,
    const double *Vb, const int *tie, unsigned char *pi)
{
	grid_outcome o[GRID_NACT];
	double best[GRID_NACT];
	size_t s, i;
	int a, n, j;

	for (s = 0; s < g->nstates; s++) {
		for (a = 0; a < GRID_NACT; a++) {
			double r = 0;

			n = grid_outcomes(g, s, a, o);
			for (j = 0; j < n; j++)
				r += o[j].p * grid_outcome_reward(g, &o[j], wfull);
			best[a] = -HUGE_VAL;
			for (i = 0; i < b->n; i++) {
				const double *V = Vb + i * g->nstates;
				double v = r;

				for (j = 0; j < n; j++)
					if (o[j].next != GRID_TERMINAL)
						v += o[j].p * g->gamma * V[o[j].next];
				if (v > best[a])
					best[a] = v;
			}
		}
		pi[s] = (unsigned char)grid_argmax(best, tie);
	}
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
	gpi_from_values(g, b, wfull, Vb, tie, pi);
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
	gpi_base_values(b, wfull, v->base);
	gpi_from_values(g, b, wfull, v->base, tie, v->pi_gpi);
	if (vi_evaluate(g, v->pi_gpi, wfull, v->gpi, err) != 0 ||
	    vi_optimal(g, wfull, tie, v->opt, v->pi_opt, err) != 0) {
		gpi_values_free(v);
		return -1;
	}
	*out = v;
	return 0;
}
