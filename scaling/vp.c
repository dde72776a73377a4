/* vp.c: the Chinchilla law's Huber fit: exact Newton, variable projection. */
#include "config.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "base/xalloc.h"
#include "scaling/fit_impl.h"

/*
 * Hoffmann et al. 2022 (approach 3) fit log L = LSE(e, a - alpha log N,
 * b - beta log D) with E = exp(e), A = exp(a), B = exp(b), by the sum of
 * Huber terms of log y - log L. In u = (e, a, alpha, b, beta) every term
 * of the log-sum-exp is linear, so the Hessian of log L is exact and cheap:
 * with softmax weights w and the terms' gradients tau_k,
 *   grad f = q = sum w_k tau_k,  hess f = sum w_k tau_k tau_k^T - q q^T.
 * The objective's Hessian is then sum rho''(r) q q^T - psi(r) hess f, and
 * a damped Newton method (Levenberg-style damping on the diagonal, raised
 * until the matrix is positive definite; steps accepted by the ratio of
 * actual to predicted decrease) converges in tens of iterations where
 * BFGS takes hundreds.
 *
 * Variable projection: for fixed alpha, beta the law is linear in (E, A,
 * B) in linear space, so the problem splits into an inner one over
 * (e, a, b), 3-dimensional and nearly convex (log of a positive linear
 * form), and an outer one over the exponents. vp_project solves the inner
 * problem at the start's exponents; many starts of a grid share their
 * exponents and land on the same projected point, which multistart.c
 * detects before running the full problem. This is where the method
 * applies: laws linear in some parameters for fixed others (here E, A, B
 * of the form), so it is the kernel (fit_impl.h) of the laws that
 * advertise the form's roles and sx_kernel_vp; the other laws use the
 * generic solver (huber.c). The Newton iteration is lm.c's.
 */

#define NP 5

struct vp_data {
	size_t n;
	double *lN, *lD, *t;
	double delta;
	size_t r[NP];      /* parameter index of e, a, alpha, b, beta */
};

/* Whether E, A, B of p are > 0 (the variables are their logarithms). */
static int
vp_domain(const void *kd, const double *p)
{
	const struct vp_data *v = kd;

	return p[v->r[0]] > 0.0 && p[v->r[1]] > 0.0 && p[v->r[3]] > 0.0;
}

/* Data for the kernel: log N, log D and log y, copied; NULL unless the
 * law advertises the form's roles, the loss is Huber's and the start is
 * in the domain. */
static void *
vp_new(const fit_prob *pr, const double *p0)
{
	const sx_roles *ro = pr->m->roles;
	struct vp_data *v;
	size_t i;

	if (ro == NULL || pr->m->np != NP || pr->m->nin != 2 ||
	    !isfinite(pr->delta))
		return NULL;
	v = xcalloc(1, sizeof *v);
	v->r[0] = ro->E;
	v->r[1] = ro->A;
	v->r[2] = ro->alpha;
	v->r[3] = ro->B;
	v->r[4] = ro->beta;
	if (!vp_domain(v, p0)) {
		free(v);
		return NULL;
	}

	v->n = pr->n;
	v->lN = xmalloc(3 * (pr->n + 1) * sizeof *v->lN);
	v->lD = v->lN + pr->n + 1;
	v->t = v->lD + pr->n + 1;
	v->delta = pr->delta;
	for (i = 0; i < pr->n; i++) {
		v->lN[i] = log(pr->x[0][i]);
		v->lD[i] = log(pr->x[1][i]);
		v->t[i] = pr->t[i];
	}
	return v;
}

/* Free what vp_new made. */
static void
vp_free(void *kd)
{
	struct vp_data *v = kd;

	free(v->lN);
	free(v);
}

/*
 * Objective at u; with g and H non-NULL also its gradient and Hessian
 * (NP, NP x NP, full). +Inf when not finite.
 */
static double
vp_eval(const struct vp_data *v, const double *u, double *g, double *H)
{
	double F = 0.0, dl = v->delta;
	size_t i, j, k;

	if (g != NULL) {
		memset(g, 0, NP * sizeof *g);
		memset(H, 0, NP * NP * sizeof *H);
	}
	for (i = 0; i < v->n; i++) {
		double ln = v->lN[i], ld = v->lD[i];
		double t0 = u[0], t1 = u[1] - u[2] * ln, t2 = u[3] - u[4] * ld;
		double mx = fmax(t0, fmax(t1, t2));
		double w0 = exp(t0 - mx), w1 = exp(t1 - mx), w2 = exp(t2 - mx);
		double s = w0 + w1 + w2, f = mx + log(s), r = v->t[i] - f, ar;
		double psi, h, q[NP];

		ar = fabs(r);
		if (ar <= dl) {
			F += 0.5 * r * r;
			psi = r;
			h = 1.0;
		} else {
			F += dl * (ar - 0.5 * dl);
			psi = r > 0 ? dl : -dl;
			h = 0.0;
		}
		if (g == NULL)
			continue;
		w0 /= s;
		w1 /= s;
		w2 /= s;
		q[0] = w0;
		q[1] = w1;
		q[2] = -w1 * ln;
		q[3] = w2;
		q[4] = -w2 * ld;
		for (j = 0; j < NP; j++) {
			g[j] -= psi * q[j];
			for (k = j; k < NP; k++)
				H[j * NP + k] += (h + psi) * q[j] * q[k];
		}
		/* - psi * sum_k w_k tau_k tau_k^T */
		H[0] -= psi * w0;
		H[1 * NP + 1] -= psi * w1;
		H[1 * NP + 2] += psi * w1 * ln;
		H[2 * NP + 2] -= psi * w1 * ln * ln;
		H[3 * NP + 3] -= psi * w2;
		H[3 * NP + 4] += psi * w2 * ld;
		H[4 * NP + 4] -= psi * w2 * ld * ld;
	}
	if (g != NULL)
		for (j = 0; j < NP; j++)
			for (k = 0; k < j; k++)
				H[j * NP + k] = H[k * NP + j];
	return isfinite(F) ? F : INFINITY;
}

/* p (model units) to u, and back. */
static void
vp_to_u(const struct vp_data *v, const double *p, double *u)
{
	u[0] = log(p[v->r[0]]);
	u[1] = log(p[v->r[1]]);
	u[2] = p[v->r[2]];
	u[3] = log(p[v->r[3]]);
	u[4] = p[v->r[4]];
}

static void
vp_to_p(const struct vp_data *v, const double *u, double *p)
{
	p[v->r[0]] = exp(u[0]);
	p[v->r[1]] = exp(u[1]);
	p[v->r[2]] = u[2];
	p[v->r[3]] = exp(u[3]);
	p[v->r[4]] = u[4];
}

/* Which of u's variables are free: those whose parameter is not fixed,
 * and with proj set not alpha, beta either. */
static void
vp_free_vars(const struct vp_data *v, const unsigned char *fixed, int proj,
    unsigned char *fr)
{
	for (size_t j = 0; j < NP; j++)
		fr[j] = (fixed == NULL || !fixed[v->r[j]]) && !(proj && (j == 2 ||
		    j == 4));
}

/* A Newton run's state: u and the trial point, the full gradient and
 * Hessian at u (valid when have is set), the free variables. */
typedef struct vp_run {
	const struct vp_data *v;
	double *u, un[NP], g[NP], H[NP * NP];
	size_t idx[NP], k;
	int have;
	fit_stop_fn stop;
	void *sctx;
} vp_run;

static void
vp_derive(void *ctx, double *g, double *H)
{
	vp_run *c = ctx;
	size_t a, b;

	if (!c->have)
		vp_eval(c->v, c->u, c->g, c->H);
	c->have = 0;
	for (a = 0; a < c->k; a++) {
		g[a] = c->g[c->idx[a]];
		for (b = 0; b < c->k; b++)
			H[a * c->k + b] = c->H[c->idx[a] * NP + c->idx[b]];
	}
}

static double
vp_trial(void *ctx, const double *s)
{
	vp_run *c = ctx;

	memcpy(c->un, c->u, sizeof c->un);
	for (size_t a = 0; a < c->k; a++)
		c->un[c->idx[a]] += s[a];
	return vp_eval(c->v, c->un, NULL, NULL);
}

static void
vp_accept(void *ctx)
{
	vp_run *c = ctx;

	memcpy(c->u, c->un, sizeof c->un);
}

static double
vp_var(void *ctx, size_t a)
{
	vp_run *c = ctx;

	return c->u[c->idx[a]];
}

static int
vp_stop(void *ctx, double F)
{
	vp_run *c = ctx;
	double p[NP];

	vp_to_p(c->v, c->u, p);
	return c->stop(c->sctx, p, F);
}

/*
 * Damped Newton (lm.c, Cholesky: the exact Hessian may be indefinite)
 * over the variables with free_[j] set, from u (updated).
 */
static void
vp_newton(const struct vp_data *v, const unsigned char *free_, double *u,
    int maxit, fit_stop_fn stop, void *sctx, fit_local_out *out)
{
	vp_run c;
	lm_ops ops = { 0, LM_CHOLESKY, vp_derive, vp_trial, vp_accept, vp_var,
	    stop != NULL ? vp_stop : NULL };
	double F;

	memset(&c, 0, sizeof c);
	c.v = v;
	c.u = u;
	c.stop = stop;
	c.sctx = sctx;
	for (size_t a = 0; a < NP; a++)
		if (free_[a])
			c.idx[c.k++] = a;
	ops.k = c.k;
	F = vp_eval(v, u, c.g, c.H);
	c.have = 1;
	lm_run(&ops, &c, F, maxit, out);
}

/* Local run of the kernel on the free parameters, p in model units (E, A,
 * B must be > 0). */
static void
vp_local(const void *kd, const unsigned char *fixed, double *p, int maxit,
    fit_stop_fn stop, void *sctx, fit_local_out *out)
{
	const struct vp_data *v = kd;
	unsigned char fr[NP];
	double u[NP];

	vp_free_vars(v, fixed, 0, fr);
	vp_to_u(v, p, u);
	vp_newton(v, fr, u, maxit, stop, sctx, out);
	vp_to_p(v, u, p);
}

/*
 * Weighted least squares on the columns of phi (3 x n, row j a column)
 * listed in use[0..k-1]: the normal equations, equilibrated, by Cholesky.
 * Fills c[use[j]]; -1 when singular (collinear columns).
 */
static int
vp_wls(const double *phi, const double *y, size_t n, const size_t *use,
    size_t k, double *c)
{
	double M[9] = { 0 }, b[3] = { 0 }, sc[3];
	size_t i, j, l;

	for (i = 0; i < n; i++) {
		double w = 1.0 / (y[i] * y[i]);

		for (j = 0; j < k; j++) {
			b[j] += w * phi[use[j] * n + i] * y[i];
			for (l = 0; l < k; l++)
				M[j * k + l] += w * phi[use[j] * n + i] *
				    phi[use[l] * n + i];
		}
	}
	for (j = 0; j < k; j++)
		sc[j] = 1.0 / sqrt(M[j * k + j]);
	for (j = 0; j < k; j++) {
		b[j] *= sc[j];
		for (l = 0; l < k; l++)
			M[j * k + l] *= sc[j] * sc[l];
	}
	for (j = 0; j < k; j++) {
		double d = M[j * k + j];

		for (l = 0; l < j; l++)
			d -= M[j * k + l] * M[j * k + l];
		if (!(d > 1e-10))
			return -1;
	}
	if (lm_solve_chol(M, b, k) != 0)
		return -1;
	for (j = 0; j < k; j++)
		c[use[j]] = b[j] * sc[j];
	return 0;
}

/*
 * The projection's seed: at the start's alpha and beta, least squares of
 * y on (1, N'^-alpha, D'^-beta) with weights 1/y^2 (N', D' divided by
 * their geometric means; the weights make it close to log-space least
 * squares). When a coefficient comes out <= 0 or the columns are
 * collinear (alpha or beta = 0 makes a column constant), the subsets
 * {E, B}, {E, A}, {A, B}, {E} are tried in turn, the terms left out set to
 * 1 % of the geometric mean of y. Overwrites E, A, B and returns 0; -1 (p
 * untouched) when any of E, A, B is fixed or nothing fits.
 */
static int
vp_seed(const void *kd, const unsigned char *fixed, double *p)
{
	const struct vp_data *v = kd;
	static const size_t sets[5][3] = { { 0, 1, 2 }, { 0, 2 }, { 0, 1 },
	    { 1, 2 }, { 0 } };
	static const size_t nset[5] = { 3, 2, 2, 2, 1 };
	double mn = 0.0, md = 0.0, my = 0.0, c[3], *phi, *y;
	size_t i, s, j, n = v->n;
	int ok = 0;

	if (fixed != NULL && (fixed[v->r[0]] || fixed[v->r[1]] ||
	    fixed[v->r[3]]))
		return -1;
	for (i = 0; i < n; i++) {
		mn += v->lN[i];
		md += v->lD[i];
		my += v->t[i];
	}
	mn /= (double)n;
	md /= (double)n;
	my = exp(my / (double)n);
	phi = xmalloc(4 * n * sizeof *phi);
	y = phi + 3 * n;
	for (i = 0; i < n; i++) {
		y[i] = exp(v->t[i]);
		phi[i] = 1.0;
		phi[n + i] = exp(-p[v->r[2]] * (v->lN[i] - mn));
		phi[2 * n + i] = exp(-p[v->r[4]] * (v->lD[i] - md));
	}
	for (s = 0; s < 5 && !ok; s++) {
		for (j = 0; j < 3; j++)
			c[j] = 0.01 * my;
		if (vp_wls(phi, y, n, sets[s], nset[s], c) != 0)
			continue;
		ok = c[0] > 0.0 && c[1] > 0.0 && c[2] > 0.0;
	}
	free(phi);
	if (!ok)
		return -1;
	p[v->r[0]] = c[0];
	p[v->r[1]] = exp(log(c[1]) + p[v->r[2]] * mn);
	p[v->r[3]] = exp(log(c[2]) + p[v->r[4]] * md);
	return 0;
}

/* The inner problem: E, A, B (those free) at the start's alpha and beta. */
static void
vp_project(const void *kd, const unsigned char *fixed, double *p, int maxit,
    fit_local_out *out)
{
	const struct vp_data *v = kd;
	unsigned char fr[NP];
	double u[NP];

	vp_free_vars(v, fixed, 1, fr);
	vp_to_u(v, p, u);
	vp_newton(v, fr, u, maxit, NULL, NULL, out);
	vp_to_p(v, u, p);
}

/* Hoffmann et al.'s box for random starts: log E in [-1, 1], log A and
 * log B in [0, 25], alpha and beta in [0, 2]. */
static double
vp_box(const void *kd, size_t j, double r)
{
	const struct vp_data *v = kd;

	return j == v->r[0] ? exp(-1.0 + 2.0 * r) : j == v->r[2] ||
	    j == v->r[4] ? 2.0 * r : exp(25.0 * r);
}

const sx_kernel sx_kernel_vp = { vp_new, vp_free, vp_domain, vp_local,
	vp_seed, vp_project, vp_box };
