/* simulate.c: synthetic sweeps of a design drawn from a true law and
 * refitted, replicates in parallel with results independent of threads. */
#include "config.h"

#include <math.h>
#include <pthread.h>
#include <stdatomic.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include <gsl/gsl_errno.h>
#include <gsl/gsl_randist.h>
#include <gsl/gsl_rng.h>

#include "base/xalloc.h"
#include "scaling/frontier.h"
#include "scaling/quantile.h"
#include "scaling/simulate.h"

const char *const sim_derived_names[SIM_NDERIVED] = {
	"a", "N_opt", "D_opt", "L_opt"
};

unsigned long
sim_rep_seed(unsigned long seed, size_t r)
{
	uint64_t z = (uint64_t)seed * 0x9E3779B97F4A7C15ULL + (uint64_t)r + 1;

	z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ULL;
	z = (z ^ (z >> 27)) * 0x94D049BB133111EBULL;
	z ^= z >> 31;
	return (unsigned long)(z & 0xffffffffULL);
}

int
sim_derived(const sx_model *m, const double *p, double k, double C_at,
    double *q, sx_err *err)
{
	sx_frontier_pt lo, at;

	if (frontier_point(m, p, k, C_at / 100.0, &lo, NULL, err) != 0 ||
	    frontier_point(m, p, k, C_at, &at, NULL, err) != 0)
		return -1;
	if (m->roles != NULL) {
		double al = p[m->roles->alpha], be = p[m->roles->beta];

		q[0] = be / (al + be);
	} else
		q[0] = log(at.N_opt / lo.N_opt) / log(100.0);
	q[1] = at.N_opt;
	q[2] = at.D_opt;
	q[3] = at.L_opt;
	return 0;
}

int
sim_residuals(const sx_model *m, const double *const *x, const double *y,
    size_t n, const double *p, double *r, sx_err *err)
{
	double mean = 0.0;

	if (m->eval(m, x, n, p, 1, r, NULL) != 0)
		return err_set(err, "the law is not finite at some row");
	for (size_t i = 0; i < n; i++) {
		if (!(y[i] > 0.0) || !isfinite(y[i]) || !isfinite(r[i]))
			return err_set(err, "row %zu: the loss or the law is not "
			    "positive", i + 1);
		r[i] = log(y[i]) - r[i];
		mean += r[i];
	}
	mean /= (double)n;
	for (size_t i = 0; i < n; i++)
		r[i] -= mean;
	return 0;
}

/* What the workers share: the job, the next replicate, the count done. */
typedef struct sim_work {
	const sx_sim_spec *s;
	size_t n;
	const double *const *xf;   /* the design in the fitted law's inputs */
	const double *logL;        /* log L_true at each run */
	sx_sim_result *res;
	atomic_size_t next, done;
	atomic_int cancel;
} sim_work;

/* One replicate r into res->draws row r and res->status[r]. */
static void
sim_one(sim_work *w, size_t r, double *y)
{
	const sx_sim_spec *s = w->s;
	size_t np = s->fitm->np, nq = w->res->nq;
	double *row = w->res->draws + r * nq;
	gsl_rng *rng = gsl_rng_alloc(gsl_rng_mt19937);
	sx_fit_opts o = *s->fit;
	sx_starts st;
	sx_fit_result fr;
	sx_err e;

	gsl_rng_set(rng, sim_rep_seed(s->seed, r));
	for (size_t i = 0; i < w->n; i++) {
		double eps = s->resid != NULL ? s->resid[gsl_rng_uniform_int(rng,
		    s->nresid)] : s->sigma * gsl_ran_gaussian(rng, 1.0);

		y[i] = exp(w->logL[i] + eps);
	}
	gsl_rng_free(rng);
	if (o.starts != NULL) {
		st = *o.starts;
		st.seed = sim_rep_seed(s->seed ^ 0x5bd1e995UL, r);
		o.starts = &st;
	}
	o.weights = NULL;
	for (size_t j = 0; j < nq; j++)
		row[j] = NAN;
	w->res->status[r] = 1;
	err_clear(&e);
	if (fit_run(s->fitm, w->xf, y, w->n, &o, &fr, &e) != 0)
		return;
	if (fr.converged) {
		memcpy(row, fr.p, np * sizeof *row);
		if (sim_derived(s->fitm, fr.p, s->k, s->C_at, row + np, &e) != 0)
			for (size_t j = 0; j < nq; j++)
				row[j] = NAN;
		else {
			w->res->status[r] = 0;
			for (size_t j = 0; fr.bound != NULL && j < np; j++)
				if (fr.bound[j] != 0)
					w->res->status[r] = 2;
		}
	}
	fit_result_free(&fr);
}

static void *
sim_worker(void *arg)
{
	sim_work *w = arg;
	double *y = xmalloc((w->n + 1) * sizeof *y);
	size_t r;

	while (!atomic_load(&w->cancel) &&
	    (r = atomic_fetch_add(&w->next, 1)) < w->s->reps) {
		sim_one(w, r, y);
		atomic_fetch_add(&w->done, 1);
	}
	free(y);
	return NULL;
}

/* The statistics of each quantity over the finite replicates, in
 * replicate order (so independent of which thread ran which). */
static void
sim_summarise(const sx_sim_spec *s, sx_sim_result *res)
{
	size_t np = s->fitm->np;
	double *col = xmalloc((res->reps + 1) * sizeof *col);
	double truth[SIM_NDERIVED];
	int same = s->fitm == s->truth || strcmp(s->fitm->name,
	    s->truth->name) == 0;
	sx_err e;

	if (sim_derived(s->truth, s->ptrue, s->k, s->C_at, truth, &e) != 0)
		for (size_t j = 0; j < SIM_NDERIVED; j++)
			truth[j] = NAN;
	for (size_t j = 0; j < res->nq; j++) {
		sx_sim_stat *q = &res->q[j];
		double sum = 0.0, ss = 0.0;
		size_t m = 0;

		q->truth = j < np ? (same ? s->ptrue[j] : NAN) : truth[j - np];
		for (size_t r = 0; r < res->reps; r++)
			if (isfinite(res->draws[r * res->nq + j])) {
				col[m++] = res->draws[r * res->nq + j];
				sum += col[m - 1];
			}
		q->n = m;
		q->mean = m > 0 ? sum / (double)m : NAN;
		for (size_t i = 0; i < m; i++)
			ss += (col[i] - q->mean) * (col[i] - q->mean);
		q->sd = m > 1 ? sqrt(ss / (double)(m - 1)) : NAN;
		q->bias = q->mean - q->truth;
		q->lo = q->hi = NAN;
		if (m > 0)
			quantile_interval(col, m, s->level, &q->lo, &q->hi);
	}
	free(col);
}

/* Check the spec and lay the design out in both laws' inputs; -1 with
 * err set when something does not fit. */
static int
sim_prepare(const sx_sim_spec *s, const double *N, const double *D, size_t n,
    const double **xt, const double **xf, double *logL, sx_err *err)
{
	int tn, td, fn, fd;

	if (n == 0)
		return err_set(err, "the design has no runs");
	if (s->reps == 0)
		return err_set(err, "need at least 1 replicate");
	if (s->threads < 1 || s->threads > 64)
		return err_set(err, "threads must be 1 to 64, not %u", s->threads);
	if (!(s->level > 0.0 && s->level < 1.0))
		return err_set(err, "the level must be in (0, 1), not %g", s->level);
	if (s->resid == NULL ? !(s->sigma >= 0.0 && isfinite(s->sigma)) :
	    s->nresid == 0)
		return err_set(err, "the noise must be finite and >= 0");
	if (!(s->C_at > 0.0 && isfinite(s->C_at)) || !(s->k > 0.0))
		return err_set(err, "the target budget must be > 0, not %g",
		    s->C_at);
	if (frontier_nd_inputs(s->truth, &tn, &td, err) != 0 ||
	    frontier_nd_inputs(s->fitm, &fn, &fd, err) != 0)
		return -1;
	for (size_t i = 0; i < n; i++)
		if (!(N[i] > 0.0 && D[i] > 0.0 && isfinite(N[i]) && isfinite(D[i])))
			return err_set(err, "run %zu: N and D must be > 0 and finite",
			    i + 1);
	xt[tn] = N;
	xt[td] = D;
	xf[fn] = N;
	xf[fd] = D;
	if (s->truth->eval(s->truth, xt, n, s->ptrue, 1, logL, NULL) != 0)
		return err_set(err, "the true law is not finite at every run");
	if (sim_derived(s->truth, s->ptrue, s->k, s->C_at, logL + n, err) != 0)
		return -1;
	return 0;
}

int
sim_run(const sx_sim_spec *s, const double *N, const double *D, size_t n,
    sx_sim_result *res, sx_progress_fn progress, void *pctx, sx_err *err)
{
	const double *xt[2], *xf[2];
	double *logL = xmalloc((n + SIM_NDERIVED + 1) * sizeof *logL);
	pthread_t th[64];
	unsigned started = 0;
	gsl_error_handler_t *old;
	sim_work w;
	int rc = -1;

	memset(res, 0, sizeof *res);
	if (sim_prepare(s, N, D, n, xt, xf, logL, err) != 0) {
		free(logL);
		return -1;
	}
	res->reps = s->reps;
	res->nq = s->fitm->np + SIM_NDERIVED;
	res->level = s->level;
	res->draws = xmalloc(res->reps * res->nq * sizeof *res->draws);
	res->status = xcalloc(res->reps, 1);
	res->q = xcalloc(res->nq, sizeof *res->q);
	w.s = s;
	w.n = n;
	w.xf = xf;
	w.logL = logL;
	w.res = res;
	atomic_init(&w.next, 0);
	atomic_init(&w.done, 0);
	atomic_init(&w.cancel, 0);
	/* The fits switch GSL's handler off and back; off throughout, every
	 * thread restores the same value. */
	old = gsl_set_error_handler_off();
	for (unsigned t = 0; t < s->threads; t++)
		if (pthread_create(&th[t], NULL, sim_worker, &w) == 0)
			started++;
	if (started == 0)
		sim_worker(&w);
	for (;;) {
		size_t d = atomic_load(&w.done);
		struct timespec ts = { 0, 20 * 1000 * 1000 };

		if (progress != NULL && !atomic_load(&w.cancel) &&
		    progress(pctx, d, s->reps) != 0)
			atomic_store(&w.cancel, 1);
		if (d >= s->reps || atomic_load(&w.cancel) || started == 0)
			break;
		nanosleep(&ts, NULL);
	}
	for (unsigned t = 0; t < started; t++)
		pthread_join(th[t], NULL);
	gsl_set_error_handler(old);
	if (atomic_load(&w.cancel)) {
		err_set(err, "cancelled");
		goto out;
	}
	for (size_t r = 0; r < res->reps; r++) {
		res->nfail += res->status[r] == 1;
		res->nbound += res->status[r] == 2;
	}
	sim_summarise(s, res);
	rc = 0;
out:
	free(logL);
	if (rc != 0)
		sim_result_free(res);
	return rc;
}

void
sim_result_free(sx_sim_result *res)
{
	free(res->draws);
	free(res->status);
	free(res->q);
	memset(res, 0, sizeof *res);
}

double
sim_log_var(const sx_sim_result *res, size_t j)
{
	double s = 0.0, ss = 0.0;
	size_t m = 0;

	for (int pass = 0; pass < 2; pass++)
		for (size_t r = 0; r < res->reps; r++) {
			double v = res->draws[r * res->nq + j];

			if (!(v > 0.0 && isfinite(v)))
				continue;
			if (pass == 0) {
				s += log(v);
				m++;
			} else
				ss += (log(v) - s / (double)m) * (log(v) - s / (double)m);
		}
	return m < 2 ? NAN : ss / (double)(m - 1);
}
