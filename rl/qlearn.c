/* qlearn.c: epsilon-greedy tabular Q-learning on any grid. */
#include "config.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "base/xalloc.h"
#include "rl/qlearn.h"

ql_agent *
ql_new(const sx_grid *g, const double *wfull, const ql_opts *o, sx_err *err)
{
	ql_agent *q;
	int k;

	if (o != NULL && o->tie != NULL && !grid_tie_valid(o->tie))
		return (err_set(err, "tie order is not a permutation of 0..3"),
		    NULL);
	if (o != NULL && (!(o->alpha >= 0 && o->alpha <= 1) ||
	    !(o->epsilon <= 1) || isnan(o->epsilon)))
		return (err_set(err, "Q-learning needs 0 < alpha <= 1 and "
		    "epsilon <= 1"), NULL);
	for (k = 0; k < g->nphi; k++)
		if (!isfinite(wfull[k]))
			return (err_set(err, "weight %d is not finite", k + 1),
			    NULL);
	q = xcalloc(1, sizeof *q);
	q->g = g;
	memcpy(q->w, wfull, (size_t)g->nphi * sizeof *q->w);
	q->Q = xcalloc(g->nobs * GRID_NACT, sizeof *q->Q);
	q->alpha = o != NULL && o->alpha > 0 ? o->alpha : QL_DEFAULT_ALPHA;
	q->epsilon = o == NULL || o->epsilon == 0 ? QL_DEFAULT_EPSILON :
	    o->epsilon < 0 ? 0 : o->epsilon;
	for (k = 0; k < GRID_NACT; k++)
		q->tie[k] = o != NULL && o->tie != NULL ? o->tie[k] : k;
	q->tie_random = o == NULL || o->tie == NULL;
	q->seed = o != NULL ? o->seed : 0;
	q->rng = grid_rng(q->seed);
	grid_reset(g, &q->run, GRID_TERMINAL, q->rng);
	return q;
}

void
ql_train(ql_agent *q, size_t n)
{
	const sx_grid *g = q->g;
	double phi[GRID_MAX_PHI];
	size_t i;

	for (i = 0; i < n; i++) {
		size_t o = grid_obs(g, &q->run), o2;
		double *qo = q->Q + o * GRID_NACT, r = 0, target;
		int a, k, term, done;

		if (gsl_rng_uniform(q->rng) < q->epsilon)
			a = (int)gsl_rng_uniform_int(q->rng, GRID_NACT);
		else if (q->tie_random)
			a = grid_argmax_random(qo, q->rng);
		else
			a = grid_argmax(qo, q->tie);
		done = grid_step(g, &q->run, a, q->rng, phi, &term);
		for (k = 0; k < g->nphi; k++)
			r += q->w[k] * phi[k];
		target = r;
		if (!term) {
			double *qn;

			o2 = grid_obs(g, &q->run);
			qn = q->Q + o2 * GRID_NACT;
			target += g->gamma * fmax(fmax(qn[0], qn[1]),
			    fmax(qn[2], qn[3]));
		}
		qo[a] += q->alpha * (target - qo[a]);
		q->samples++;
		if (done)
			grid_reset(g, &q->run, GRID_TERMINAL, q->rng);
	}
}

void
ql_policy(const ql_agent *q, unsigned char *pi)
{
	gsl_rng *rng = q->tie_random ? grid_rng(q->seed) : NULL;
	size_t o;

	for (o = 0; o < q->g->nobs; o++)
		pi[o] = (unsigned char)(rng != NULL ?
		    grid_argmax_random(q->Q + o * GRID_NACT, rng) :
		    grid_argmax(q->Q + o * GRID_NACT, q->tie));
	if (rng != NULL)
		gsl_rng_free(rng);
}

void
ql_free(ql_agent *q)
{
	if (q == NULL)
		return;
	free(q->Q);
	gsl_rng_free(q->rng);
	free(q);
}

int
ql_learn(const sx_grid *g, const double *wfull, const ql_opts *o,
    double **Q, unsigned char *pi, sx_err *err)
{
	size_t total = o != NULL && o->samples > 0 ? o->samples :
	    QL_DEFAULT_SAMPLES, done;
	ql_agent *q = ql_new(g, wfull, o, err);

	if (q == NULL)
		return -1;
	for (done = 0; done < total;) {
		size_t n = total - done < 1000 ? total - done : 1000;

		ql_train(q, n);
		done += n;
		if (o != NULL && o->progress != NULL &&
		    o->progress(o->ctx, done, total) != 0) {
			ql_free(q);
			return err_set(err, "cancelled");
		}
	}
	if (pi != NULL)
		ql_policy(q, pi);
	if (Q != NULL) {
		*Q = q->Q;
		q->Q = NULL;
	}
	ql_free(q);
	return 0;
}
