/* sf.c: base policies with exact successor features; TD-learned psi. */
#include "config.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "base/xalloc.h"
#include "rl/rollout.h"
#include "rl/sf.h"
#include "rl/vi.h"

void
sf_base_free(sf_base *b)
{
	if (b == NULL)
		return;
	free(b->w);
	free(b->pi);
	free(b->psi);
	free(b->check.td);
	free(b->check.mc);
	free(b->check.se);
	free(b->check.along);
	free(b);
}

static sf_base *
sf_base_new(const sx_grid *g, const double *ws, size_t n, const int *tie,
    int learned)
{
	sf_base *b = xcalloc(1, sizeof *b);
	size_t per = learned ? g->nobs * GRID_NACT : g->nobs;
	int k;

	b->n = n;
	b->nw = g->nw;
	b->nphi = g->nphi;
	b->learned = learned;
	b->nobs = g->nobs;
	b->w = xreallocarray(NULL, n * (size_t)g->nw, sizeof *b->w);
	memcpy(b->w, ws, n * (size_t)g->nw * sizeof *b->w);
	b->pi = xreallocarray(NULL, n, g->nobs);
	b->psi = xreallocarray(NULL, n * per, (size_t)g->nphi * sizeof *b->psi);
	for (k = 0; k < GRID_NACT; k++)
		b->tie[k] = tie != NULL ? tie[k] : k;
	return b;
}

/* Validate a list of n tasks of nw user weights. */
static int
sf_check_tasks(const sx_grid *g, const double *ws, size_t n, const int *tie,
    sx_err *err)
{
	double wfull[GRID_MAX_PHI];
	size_t i;

	if (n == 0)
		return err_set(err, "no base tasks given");
	if (!grid_tie_valid(tie))
		return err_set(err, "tie order is not a permutation of 0..3");
	for (i = 0; i < n; i++)
		if (grid_task(g, ws + i * (size_t)g->nw, (size_t)g->nw, wfull,
		    err) != 0)
			return -1;
	return 0;
}

int
sf_base_exact(const sx_grid *g, const double *ws, size_t n, const int *tie,
    sf_base **out, sx_err *err)
{
	double wfull[GRID_MAX_PHI], *V;
	sf_base *b;
	size_t i;

	if (g->kind != GRID_TABULAR)
		return err_set(err, "%s has no exact model: learn base policies "
		    "by TD instead", g->name);
	if (sf_check_tasks(g, ws, n, tie, err) != 0)
		return -1;
	b = sf_base_new(g, ws, n, tie, 0);
	V = xmalloc(g->nstates * sizeof *V);
	for (i = 0; i < n; i++) {
		unsigned char *pi = b->pi + i * g->nstates;

		grid_task(g, ws + i * (size_t)g->nw, (size_t)g->nw, wfull, NULL);
		if (vi_optimal(g, wfull, tie, V, pi, err) != 0 ||
		    vi_psi(g, pi, b->psi + i * g->nstates * (size_t)g->nphi,
		    err) != 0) {
			free(V);
			sf_base_free(b);
			return -1;
		}
	}
	free(V);
	*out = b;
	return 0;
}

void
sf_base_psi(const sx_grid *g, const sf_base *b, size_t i, size_t s, int a,
    double *out)
{
	size_t K = (size_t)b->nphi;

	if (b->learned) {
		memcpy(out, b->psi + ((i * b->nobs + s) * GRID_NACT + (size_t)a) * K,
		    K * sizeof *out);
		return;
	}
	vi_psi_sa(g, b->psi + i * b->nobs * K, s, a, out);
}

/* The behaviour's action: pi(o), or a random one with probability eps. */
static int
sf_behave(const unsigned char *pi, size_t o, double eps, gsl_rng *rng)
{
	if (eps > 0 && gsl_rng_uniform(rng) < eps)
		return (int)gsl_rng_uniform_int(rng, GRID_NACT);
	return pi[o];
}

int
sf_td(const sx_grid *g, const unsigned char *pi, const sf_td_opts *o,
    double **out, sx_err *err)
{
	size_t episodes = o != NULL && o->episodes > 0 ? o->episodes :
	    SF_TD_DEFAULT_EPISODES;
	double alpha = o != NULL && o->alpha > 0 ? o->alpha : 0.1;
	double eps = o == NULL || o->epsilon == 0 ? 0.1 :
	    o->epsilon < 0 ? 0 : o->epsilon;
	size_t K = (size_t)g->nphi, ep, s;
	int explore = o != NULL && o->explore_starts && g->kind == GRID_TABULAR;
	double *psi, phi[GRID_MAX_PHI];
	gsl_rng *rng;

	if (o != NULL && (!(o->alpha >= 0 && o->alpha <= 1) ||
	    !(o->epsilon <= 1) || isnan(o->epsilon)))
		return err_set(err, "TD needs 0 < alpha <= 1 and epsilon <= 1");
	for (s = 0; s < g->nobs; s++)
		if (pi[s] >= GRID_NACT)
			return err_set(err, "policy has action %d at %zu", pi[s],
			    s);
	psi = xcalloc(g->nobs * GRID_NACT * K, sizeof *psi);
	rng = grid_rng(o != NULL ? o->seed : 0);
	for (ep = 0; ep < episodes; ep++) {
		grid_run run;
		size_t start = GRID_TERMINAL;
		int first = 1, done = 0;

		if (explore)
			start = gsl_rng_uniform_int(rng, g->nstates);
		grid_reset(g, &run, start, rng);
		while (!done) {
			size_t ob = grid_obs(g, &run), k;
			int a, term;
			double *p;

			a = explore && first ?
			    (int)gsl_rng_uniform_int(rng, GRID_NACT) :
			    sf_behave(pi, ob, eps, rng);
			first = 0;
			done = grid_step(g, &run, a, rng, phi, &term);
			p = psi + (ob * GRID_NACT + (size_t)a) * K;
			if (term) {
				for (k = 0; k < K; k++)
					p[k] += alpha * (phi[k] - p[k]);
			} else {
				size_t o2 = grid_obs(g, &run);
				const double *pn = psi + (o2 * GRID_NACT +
				    pi[o2]) * K;

				for (k = 0; k < K; k++)
					p[k] += alpha * (phi[k] + g->gamma * pn[k] -
					    p[k]);
			}
		}
		if (o != NULL && o->progress != NULL &&
		    o->progress(o->ctx, ep + 1, episodes) != 0) {
			gsl_rng_free(rng);
			free(psi);
			return err_set(err, "cancelled");
		}
	}
	gsl_rng_free(rng);
	*out = psi;
	return 0;
}

/* Progress over the whole learned base: forwards with an offset. */
typedef struct sf_prog {
	rl_progress fn;
	void *ctx;
	size_t offset, total;
} sf_prog;

static int
sf_prog_fwd(void *ctx, size_t done, size_t total)
{
	sf_prog *p = ctx;

	(void)total;
	return p->fn(p->ctx, p->offset + done, p->total);
}

int
sf_base_learn(const sx_grid *g, const double *ws, size_t n,
    const ql_opts *qo, const sf_td_opts *to, const int *tie, sf_base **out,
    sx_err *err)
{
	ql_opts q = { 0 };
	sf_td_opts t = { 0 };
	size_t qs, te, i, K = (size_t)g->nphi;
	sf_prog prog = { 0 };
	double wfull[GRID_MAX_PHI];
	sf_base *b;

	if (sf_check_tasks(g, ws, n, tie, err) != 0)
		return -1;
	if (qo != NULL)
		q = *qo;
	if (to != NULL)
		t = *to;
	qs = q.samples > 0 ? q.samples : QL_DEFAULT_SAMPLES;
	te = t.episodes > 0 ? t.episodes : SF_TD_DEFAULT_EPISODES;
	q.tie = tie;
	prog.fn = q.progress != NULL ? q.progress : t.progress;
	prog.ctx = q.progress != NULL ? q.ctx : t.ctx;
	prog.total = n * (qs + te);
	q.progress = t.progress = prog.fn != NULL ? sf_prog_fwd : NULL;
	q.ctx = t.ctx = &prog;
	b = sf_base_new(g, ws, n, tie, 1);
	b->q_samples = qs;
	b->td_episodes = te;
	b->q_alpha = q.alpha > 0 ? q.alpha : QL_DEFAULT_ALPHA;
	b->q_epsilon = q.epsilon == 0 ? QL_DEFAULT_EPSILON : fmax(q.epsilon, 0);
	b->td_alpha = t.alpha > 0 ? t.alpha : 0.1;
	b->td_epsilon = t.epsilon == 0 ? 0.1 : fmax(t.epsilon, 0);
	for (i = 0; i < n; i++) {
		unsigned char *pi = b->pi + i * g->nobs;
		double *psi;

		grid_task(g, ws + i * (size_t)g->nw, (size_t)g->nw, wfull, NULL);
		prog.offset = i * (qs + te);
		q.seed = (qo != NULL ? qo->seed : 0) + i;
		if (ql_learn(g, wfull, &q, NULL, pi, err) != 0)
			goto fail;
		prog.offset += qs;
		t.seed = (to != NULL ? to->seed : 0) + i;
		if (sf_td(g, pi, &t, &psi, err) != 0)
			goto fail;
		memcpy(b->psi + i * g->nobs * GRID_NACT * K, psi,
		    g->nobs * GRID_NACT * K * sizeof *psi);
		free(psi);
	}
	b->check_episodes = SF_CHECK_EPISODES;
	b->check.td = xreallocarray(NULL, n * K, sizeof *b->check.td);
	b->check.mc = xreallocarray(NULL, n * K, sizeof *b->check.mc);
	b->check.se = xreallocarray(NULL, n * K, sizeof *b->check.se);
	b->check.along = xreallocarray(NULL, n * K, sizeof *b->check.along);
	if (sf_base_check(g, b, SF_CHECK_EPISODES, to != NULL ? to->seed : 0,
	    &b->check, err) != 0)
		goto fail;
	*out = b;
	return 0;
fail:
	sf_base_free(b);
	return -1;
}

int
sf_base_check(const sx_grid *g, const sf_base *b, size_t episodes,
    unsigned long seed, sf_check *out, sx_err *err)
{
	size_t K = (size_t)b->nphi, i, k, ep, H = (size_t)g->horizon;
	double psi[GRID_MAX_PHI], *f;
	size_t *obs;
	sx_grid h;

	if (!b->learned || b->nphi != g->nphi || b->nobs != g->nobs)
		return err_set(err, "the check needs a learned base of grid %s",
		    g->name);
	if (episodes < 2)
		return err_set(err, "the check needs at least 2 episodes");
	h = *g;
	h.horizon = 2 * g->horizon;
	f = xreallocarray(NULL, 2 * H * K, sizeof *f);
	obs = xreallocarray(NULL, 2 * H, sizeof *obs);
	for (i = 0; i < b->n; i++) {
		const unsigned char *pi = b->pi + i * b->nobs;
		double sum[GRID_MAX_PHI] = { 0 }, sq[GRID_MAX_PHI] = { 0 };
		double vis[GRID_MAX_PHI] = { 0 }, nvis = 0;

		for (k = 0; k < K; k++)
			out->td[i * K + k] = 0;
		for (ep = 0; ep < episodes; ep++) {
			gsl_rng *rng = grid_rng(seed + ep);
			double G[GRID_MAX_PHI] = { 0 };
			grid_run run;
			size_t T = 0, t;
			int term;

			grid_reset(&h, &run, GRID_TERMINAL, rng);
			while (!run.done) {
				obs[T] = grid_obs(&h, &run);
				grid_step(&h, &run, pi[obs[T]], rng, f + T * K, &term);
				T++;
			}
			gsl_rng_free(rng);
			/* G: discounted feature sum from t on, back to front */
			for (t = T; t-- > 0;) {
				for (k = 0; k < K; k++)
					G[k] = f[t * K + k] + g->gamma * G[k];
				if (t >= H)
					continue;
				sf_base_psi(g, b, i, obs[t], pi[obs[t]], psi);
				for (k = 0; k < K; k++)
					vis[k] += psi[k] - G[k];
				nvis++;
			}
			sf_base_psi(g, b, i, obs[0], pi[obs[0]], psi);
			for (k = 0; k < K; k++) {
				out->td[i * K + k] += psi[k] / (double)episodes;
				sum[k] += G[k];
				sq[k] += G[k] * G[k];
			}
		}
		for (k = 0; k < K; k++) {
			double m = sum[k] / (double)episodes;
			double var = (sq[k] - (double)episodes * m * m) /
			    (double)(episodes - 1);

			out->mc[i * K + k] = m;
			out->se[i * K + k] = sqrt(fmax(var, 0) / (double)episodes);
			out->along[i * K + k] = vis[k] / nvis;
		}
	}
	free(f);
	free(obs);
	return 0;
}

double
sf_base_error(const sf_base *b, size_t i)
{
	double worst = 0;
	size_t k, K = (size_t)b->nphi;

	if (!b->learned || b->check.td == NULL)
		return 0;
	for (k = 0; k < K; k++)
		worst = fmax(worst, fabs(b->check.td[i * K + k] -
		    b->check.mc[i * K + k]));
	return worst;
}

void
sf_base_learn_opts(ql_opts *q, sf_td_opts *t, unsigned long seed)
{
	memset(q, 0, sizeof *q);
	memset(t, 0, sizeof *t);
	q->samples = 1000000;
	q->alpha = 0.02;
	q->seed = seed;
	t->episodes = 10000;
	t->alpha = 0.03;
	t->epsilon = -1;
	t->seed = seed;
}
