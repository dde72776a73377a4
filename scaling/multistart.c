/* multistart.c: start grids, seeded random starts, and basin early stop. */
#include "config.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include <gsl/gsl_rng.h>

#include "base/xalloc.h"
#include "scaling/fit_impl.h"

/* Most points a grid may have. */
#define GRID_MAX 1000000.0
/* A start whose iterate comes within this relative distance of a minimum
 * already found (in the solver's variables) is stopped there. */
#define BASIN_TOL 1e-4
/* Projected starts this close (relative) are the same point. */
#define SAME_TOL 1e-7

/* Number of points of an axis. */
static size_t
axis_count(const sx_grid_axis *a)
{
	if (a->values != NULL)
		return a->nvalues;
	return (size_t)floor((a->hi - a->lo) / a->step + 1e-9) + 1;
}

/*
 * Parse "P=lo:hi:step,..." (P a free parameter of m, or logP for a
 * positive one). See fit.h.
 */
int
fit_grid_parse(const sx_model *m, const unsigned char *fixed,
    const double *lo, const char *spec, sx_grid_axis **axes, size_t *naxes, sx_err *err)
{
	char *copy = xstrdup(spec), *save = NULL, *tok;
	sx_grid_axis *ax = NULL;
	size_t na = 0;
	double total = 1.0;

	for (tok = strtok_r(copy, ",", &save); tok != NULL;
	    tok = strtok_r(NULL, ",", &save)) {
		char *eq = strchr(tok, '='), *e1, *e2, *e3;
		sx_grid_axis a;
		int k, lg = 0;

		if (eq == NULL) {
			err_set(err, "grid: expected P=lo:hi:step, not '%s'", tok);
			goto fail;
		}
		*eq = '\0';
		k = model_param_index(m, tok);
		if (k < 0 && strncmp(tok, "log", 3) == 0 &&
		    (k = model_param_index(m, tok + 3)) >= 0) {
			if (!m->positive[k] && !(lo != NULL && lo[k] >= 0.0)) {
				err_set(err, "grid: %s is not a positive scale: use %s=, "
				    "or bound it below by 0 (--bounds %s=0:)", tok + 3,
				    tok + 3, tok + 3);
				goto fail;
			}
			lg = 1;
		}
		if (k < 0) {
			err_set(err, "grid: '%s' is not a parameter of %s", tok,
			    m->name);
			goto fail;
		}
		if (fixed != NULL && fixed[k]) {
			err_set(err, "grid: %s is fixed (--fix); leave it out of the "
			    "grid", m->params[k]);
			goto fail;
		}
		memset(&a, 0, sizeof a);
		a.param = (size_t)k;
		a.logscale = lg;
		a.lo = strtod(eq + 1, &e1);
		if (e1 == eq + 1 || *e1 != ':')
			goto bad;
		a.hi = strtod(e1 + 1, &e2);
		if (e2 == e1 + 1 || *e2 != ':')
			goto bad;
		a.step = strtod(e2 + 1, &e3);
		if (e3 == e2 + 1 || *e3 != '\0')
			goto bad;
		if (!isfinite(a.lo) || !isfinite(a.hi) || !isfinite(a.step) ||
		    !(a.step > 0.0) || a.hi < a.lo) {
			err_set(err, "grid: %s=%s needs finite lo <= hi and step > 0",
			    tok, eq + 1);
			goto fail;
		}
		for (size_t i = 0; i < na; i++)
			if (ax[i].param == a.param) {
				err_set(err, "grid: %s given twice", m->params[k]);
				goto fail;
			}
		total *= (double)axis_count(&a);
		if (total > GRID_MAX) {
			err_set(err, "grid: more than %.0f points", GRID_MAX);
			goto fail;
		}
		ax = xreallocarray(ax, na + 1, sizeof *ax);
		ax[na++] = a;
		continue;
bad:
		err_set(err, "grid: '%s=%s' is not lo:hi:step", tok, eq + 1);
		goto fail;
	}
	if (na == 0) {
		err_set(err, "grid: empty spec (expected P=lo:hi:step,...)");
		goto fail;
	}
	free(copy);
	*axes = ax;
	*naxes = na;
	return 0;
fail:
	free(copy);
	free(ax);
	return -1;
}

/*
 * The default grid: for a law with the roles of E + A/N^alpha + B/D^beta
 * (chinchilla), Hoffmann et al. 2022's 4,500 points (alpha, beta in
 * 0:2:0.5; log E in -1:1:0.5; log A, log B in 0:25:5); for other laws none
 * (0 axes: multistart_run then puts 3 points on each free parameter
 * around the automatic start).
 */
size_t
fit_grid_default(const sx_model *m, sx_grid_axis *axes, size_t max)
{
	const sx_roles *r = m != NULL ? m->roles : NULL;

	if (r == NULL || max < 5)
		return 0;
	axes[0] = (sx_grid_axis){ r->E, 1, -1.0, 1.0, 0.5, NULL, 0 };
	axes[1] = (sx_grid_axis){ r->A, 1, 0.0, 25.0, 5.0, NULL, 0 };
	axes[2] = (sx_grid_axis){ r->alpha, 0, 0.0, 2.0, 0.5, NULL, 0 };
	axes[3] = (sx_grid_axis){ r->B, 1, 0.0, 25.0, 5.0, NULL, 0 };
	axes[4] = (sx_grid_axis){ r->beta, 0, 0.0, 2.0, 0.5, NULL, 0 };
	return 5;
}

/* A minimum found, and whether its run converged. */
typedef struct basin {
	double *u, *p;     /* solver variables and parameters (one block) */
	double obj;
	int converged;
	fit_local_out lo;  /* the run that found it */
} basin;

typedef struct ms_state {
	const fit_prob *pr;
	basin *b;
	size_t nb;
	double *u;         /* scratch */
	size_t hit;        /* basin the last stop fell into */
} ms_state;

/* u from p: logs of positive scales, and of the form's E where > 0. */
static void
ms_u(const sx_model *m, const double *p, double *u)
{
	for (size_t j = 0; j < m->np; j++)
		u[j] = m->positive[j] || (m->roles != NULL && j == m->roles->E &&
		    p[j] > 0.0) ? log(p[j]) : p[j];
}

/* Index of a known basin within tol of u, or nb. */
static size_t
ms_near(const ms_state *s, const double *u, double tol)
{
	size_t k, j, np = s->pr->m->np;

	for (k = 0; k < s->nb; k++) {
		for (j = 0; j < np; j++)
			if (fabs(u[j] - s->b[k].u[j]) > tol * (1.0 +
			    fabs(s->b[k].u[j])))
				break;
		if (j == np)
			return k;
	}
	return s->nb;
}

/* The stop hook: the iterate is in a basin already found. */
static int
ms_stop(void *ctx, const double *p, double obj)
{
	ms_state *s = ctx;

	(void)obj;
	ms_u(s->pr->m, p, s->u);
	s->hit = ms_near(s, s->u, BASIN_TOL);
	return s->hit < s->nb;
}

/* Start number i of the grid (mixed radix over the axes); others at p0. */
static void
grid_point(const sx_grid_axis *ax, size_t na, size_t i, const double *p0,
    size_t np, double *p)
{
	memcpy(p, p0, np * sizeof *p);
	for (size_t k = na; k-- > 0;) {
		size_t c = axis_count(&ax[k]), d = i % c;
		double v = ax[k].values != NULL ? ax[k].values[d] :
		    ax[k].lo + (double)d * ax[k].step;

		i /= c;
		p[ax[k].param] = ax[k].logscale ? exp(v) : v;
	}
}

/* Fixed parameters stay at their values: axes on them are dropped (the
 * default grid collapses to the free parameters). */
static void
grid_drop_fixed(const unsigned char *fixed, sx_grid_axis *ax, size_t *na)
{
	size_t k, kept = 0;

	for (k = 0; k < *na; k++)
		if (fixed == NULL || !fixed[ax[k].param])
			ax[kept++] = ax[k];
	*na = kept;
}

/*
 * Run every start; see fit_impl.h. Starts of a kernel with a projection
 * are first projected (E, A, B solved at the start's exponents); a
 * projected point equal to an earlier one shares that start's outcome
 * without a second run. Every other run stops as soon as it comes within
 * BASIN_TOL of a minimum already found, and takes that minimum's outcome.
 */
int
multistart_run(const fit_prob *pr, const double *p0, const sx_starts *st,
    double *best, fit_local_out *bout, size_t *total, size_t *nconv,
    sx_err *err)
{
	const sx_model *m = pr->m;
	size_t np = m->np, na = 0, ntot, i, j, nproj = 0, kbest = 0;
	sx_grid_axis *ax = NULL;
	double *p = xmalloc(np * sizeof *p), *proj = NULL, *seeds = NULL;
	size_t *projb = NULL, *seedb = NULL, nseed = 0;
	gsl_rng *rng = NULL;
	ms_state s;
	int rc = -1;

	memset(&s, 0, sizeof s);
	s.pr = pr;
	s.u = xmalloc(np * sizeof *s.u);
	*nconv = 0;
	if (st->kind == SX_STARTS_GRID) {
		ax = xcalloc(np + 5, sizeof *ax);
		if (st->naxes > 0) {
			memcpy(ax, st->axes, st->naxes * sizeof *ax);
			na = st->naxes;
		} else if ((na = fit_grid_default(m, ax, np + 5)) == 0) {
			/* 3 points per free parameter (up to 6) around p0. */
			for (j = 0; j < np && na < 6; j++) {
				if (pr->fixed != NULL && pr->fixed[j])
					continue;
				ax[na].param = j;
				if (m->positive[j]) {
					ax[na].logscale = 1;
					ax[na].lo = log(p0[j]) - log(10.0);
					ax[na].step = log(10.0);
				} else {
					double w = fmax(0.5 * fabs(p0[j]), 0.1);

					ax[na].lo = p0[j] - w;
					ax[na].step = w;
				}
				ax[na].hi = ax[na].lo + 2.0 * ax[na].step;
				na++;
			}
		}
		grid_drop_fixed(pr->fixed, ax, &na);
		for (j = 0, ntot = 1; j < na; j++)
			ntot *= axis_count(&ax[j]);
	} else {
		ntot = st->count;
		rng = gsl_rng_alloc(gsl_rng_mt19937);
		gsl_rng_set(rng, st->seed);
	}
	if (ntot == 0) {
		err_set(err, "no starts");
		goto out;
	}
	if (pr->kern != NULL && pr->kern->project != NULL) {
		proj = xmalloc(ntot * np * sizeof *proj);
		projb = xmalloc(ntot * sizeof *projb);
		seeds = xmalloc(ntot * np * sizeof *seeds);
		seedb = xmalloc(ntot * sizeof *seedb);
	}
	for (i = 0; i < ntot; i++) {
		fit_local_out lo;
		size_t k;
		int newproj = 0, fresh = 0, newseed = 0;

		if (pr->progress != NULL && pr->progress(pr->pctx, i, ntot)) {
			err_set(err, "cancelled");
			goto out;
		}
		if (ax != NULL)
			grid_point(ax, na, i, p0, np, p);
		else
			for (j = 0; j < np; j++) {
				double r = gsl_rng_uniform(rng);

				p[j] = p0[j];
				if (pr->fixed != NULL && pr->fixed[j])
					continue;
				if (pr->kern != NULL && pr->kern->box != NULL)
					p[j] = pr->kern->box(pr->kd, j, r);
				else if (m->positive[j])
					p[j] = p0[j] * exp(log(10.0) * (2.0 * r - 1.0));
				else
					p[j] = p0[j] + (2.0 * r - 1.0) * fmax(fabs(p0[j]),
					    0.5);
			}
		if (proj != NULL && pr->kern->domain(pr->kd, p)) {
			/* A seed shared with an earlier start gives the same
			 * projected point: the same outcome. */
			if (pr->kern->seed != NULL &&
			    pr->kern->seed(pr->kd, pr->fixed, p) == 0) {
				for (k = 0; k < nseed; k++)
					if (memcmp(seeds + k * np, p, np * sizeof *p) == 0)
						break;
				if (k < nseed) {
					*nconv += (size_t)s.b[seedb[k]].converged;
					continue;
				}
				memcpy(seeds + nseed * np, p, np * sizeof *p);
				seedb[nseed++] = 0;
				newseed = 1;
			}
			pr->kern->project(pr->kd, pr->fixed, p, pr->maxit, &lo);
			for (k = 0; k < nproj; k++) {
				for (j = 0; j < np; j++)
					if (fabs(p[j] - proj[k * np + j]) > SAME_TOL *
					    (1e-300 + fabs(proj[k * np + j])))
						break;
				if (j == np)
					break;
			}
			if (k < nproj) {
				if (newseed)
					seedb[nseed - 1] = projb[k];
				*nconv += (size_t)s.b[projb[k]].converged;
				continue;
			}
			memcpy(proj + nproj * np, p, np * sizeof *p);
			projb[nproj++] = 0;
			newproj = 1;
		}
		fit_local(pr, p, ms_stop, &s, &lo);
		ms_u(m, p, s.u);
		k = lo.stopped ? s.hit : isfinite(lo.obj) ? ms_near(&s, s.u,
		    BASIN_TOL) : s.nb;
		if (k == s.nb) {
			s.b = xreallocarray(s.b, s.nb + 1, sizeof *s.b);
			s.b[k].u = xmalloc(2 * np * sizeof *s.b[k].u);
			s.b[k].p = s.b[k].u + np;
			s.b[k].obj = lo.obj;
			s.b[k].lo = lo;
			s.b[k].converged = lo.converged && isfinite(lo.obj);
			s.nb++;
			fresh = 1;
		}
		if (fresh) {
			memcpy(s.b[k].u, s.u, np * sizeof *s.u);
			memcpy(s.b[k].p, p, np * sizeof *p);
		} else if (lo.converged && !lo.stopped && lo.obj < s.b[k].obj) {
			/* A lower point of the same basin. */
			memcpy(s.b[k].u, s.u, np * sizeof *s.u);
			memcpy(s.b[k].p, p, np * sizeof *p);
			s.b[k].obj = lo.obj;
			s.b[k].lo = lo;
			s.b[k].converged = 1;
		}
		if (newproj)
			projb[nproj - 1] = k;
		if (newseed)
			seedb[nseed - 1] = k;
		*nconv += (size_t)s.b[k].converged;
	}
	for (i = 0; i < s.nb; i++)
		if (s.b[i].obj < s.b[kbest].obj)
			kbest = i;
	if (s.nb > 0) {
		memcpy(best, s.b[kbest].p, np * sizeof *best);
		*bout = s.b[kbest].lo;
	}
	if (s.nb == 0 || !isfinite(s.b[kbest].obj)) {
		err_set(err, "no start reached a finite objective");
		goto out;
	}
	*total = ntot;
	rc = 0;
out:
	for (i = 0; i < s.nb; i++)
		free(s.b[i].u);
	free(s.b);
	free(s.u);
	free(p);
	free(ax);
	free(proj);
	free(projb);
	free(seeds);
	free(seedb);
	if (rng != NULL)
		gsl_rng_free(rng);
	return rc;
}
