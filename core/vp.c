/* vp.c: the Chinchilla law's Huber fit: exact Newton, variable projection. */
#include "config.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "core/fit_impl.h"
#include "core/xalloc.h"

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
 * of chinchilla); the other laws use the generic solver (huber.c).
 */

#define NP 5

struct vp_data {
	size_t n;
	double *lN, *lD, *t;
	double delta;
};

/* Data for the kernel: log N, log D and log y, copied. */
struct vp_data *
vp_new(const fit_prob *pr)
{
	struct vp_data *v = xcalloc(1, sizeof *v);
	size_t i;

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

/* Free what vp_new made (NULL allowed). */
void
vp_free(struct vp_data *v)
{
	if (v == NULL)
		return;
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

/* Solve A s = b (k x k, A positive definite, row-major) by Cholesky, in
 * place; -1 when A is not positive definite. */
static int
chol_solve(double *A, double *b, size_t k)
{
	size_t i, j, l;

	for (j = 0; j < k; j++) {
		double d = A[j * k + j];

		for (l = 0; l < j; l++)
			d -= A[j * k + l] * A[j * k + l];
		if (!(d > 0.0) || !isfinite(d))
			return -1;
		d = sqrt(d);
		A[j * k + j] = d;
		for (i = j + 1; i < k; i++) {
			double s = A[i * k + j];

			for (l = 0; l < j; l++)
				s -= A[i * k + l] * A[j * k + l];
			A[i * k + j] = s / d;
		}
	}
	for (i = 0; i < k; i++) {
		for (l = 0; l < i; l++)
			b[i] -= A[i * k + l] * b[l];
		b[i] /= A[i * k + i];
	}
	for (i = k; i-- > 0;) {
		for (l = i + 1; l < k; l++)
			b[i] -= A[l * k + i] * b[l];
		b[i] /= A[i * k + i];
	}
	return 0;
}

/* p (model units) to u, and back. */
static void
vp_to_u(const double *p, double *u)
{
	u[0] = log(p[0]);
	u[1] = log(p[1]);
	u[2] = p[2];
	u[3] = log(p[3]);
	u[4] = p[4];
}

static void
vp_to_p(const double *u, double *p)
{
	p[0] = exp(u[0]);
	p[1] = exp(u[1]);
	p[2] = u[2];
	p[3] = exp(u[3]);
	p[4] = u[4];
}

/*
 * Damped Newton over the parameters with free[j] set, from u (updated).
 * Converged: a step that changes no variable by more than 1e-9 (relative)
 * and the objective by less than 1e-13 (relative), or a gradient at the
 * rounding level of the objective when no step is accepted any more.
 */
static void
vp_newton(const struct vp_data *v, const unsigned char *free_, double *u,
    int maxit, fit_stop_fn stop, void *sctx, fit_local_out *out)
{
	double g[NP], H[NP * NP], A[NP * NP], s[NP], un[NP], dg[NP], p[NP];
	double F, mu = 1e-3, dmax;
	size_t idx[NP], k = 0, a, b;
	int it, fails = 0, steps = 0;

	for (a = 0; a < NP; a++)
		if (free_[a])
			idx[k++] = a;
	memset(out, 0, sizeof *out);
	F = vp_eval(v, u, g, H);
	out->obj = F;
	if (!isfinite(F) || k == 0) {
		out->converged = isfinite(F);
		return;
	}
	for (it = 0; it < maxit; it++) {
		double pred, Fn, rho, gmax = 0.0;
		int conv;

		for (a = 0; a < k; a++)
			gmax = fmax(gmax, fabs(g[idx[a]]) * fmax(1.0, fabs(u[idx[a]])));
		if (gmax <= 1e-12 * fmax(F, 1e-300)) {
			out->converged = 1;
			break;
		}
		for (a = 0, dmax = 0.0; a < k; a++) {
			dg[a] = fabs(H[idx[a] * NP + idx[a]]);
			dmax = fmax(dmax, dg[a]);
		}
		for (a = 0; a < k; a++)
			dg[a] = fmax(dg[a], 1e-10 * dmax + 1e-300);
		for (;;) {
			for (a = 0; a < k; a++) {
				for (b = 0; b < k; b++)
					A[a * k + b] = H[idx[a] * NP + idx[b]];
				A[a * k + a] += mu * dg[a];
				s[a] = -g[idx[a]];
			}
			if (chol_solve(A, s, k) == 0)
				break;
			mu = fmax(mu * 4.0, 1e-8);
			if (mu > 1e30)
				break;
		}
		if (mu > 1e30)
			break;
		memcpy(un, u, sizeof un);
		pred = 0.0;
		for (a = 0; a < k; a++) {
			double hs = 0.0;

			un[idx[a]] += s[a];
			for (b = 0; b < k; b++)
				hs += H[idx[a] * NP + idx[b]] * s[b];
			pred -= g[idx[a]] * s[a] + 0.5 * s[a] * hs;
		}
		Fn = vp_eval(v, un, NULL, NULL);
		rho = pred > 0.0 ? (F - Fn) / pred : -1.0;
		if (!(Fn < F) || !(rho > 1e-4)) {
			mu = fmax(mu * 4.0, 1e-8);
			/* No step decreases F: a minimum to rounding, or stuck. */
			if (++fails > 40 || mu > 1e30) {
				out->converged = gmax <= 1e-6 * fmax(F, 1e-300);
				break;
			}
			continue;
		}
		fails = 0;
		steps++;
		if (rho > 0.75)
			mu = fmax(mu / 3.0, 1e-12);
		else if (rho < 0.25)
			mu *= 2.0;
		conv = F - Fn <= 1e-13 * F;
		for (a = 0; a < k; a++)
			if (fabs(s[a]) > 1e-9 * (1.0 + fabs(u[idx[a]])))
				conv = 0;
		memcpy(u, un, sizeof un);
		F = vp_eval(v, u, g, H);
		if (conv) {
			out->converged = 1;
			break;
		}
		if (stop != NULL) {
			vp_to_p(u, p);
			if (stop(sctx, p, F)) {
				out->stopped = 1;
				break;
			}
		}
	}
	out->iterations = steps;
	out->obj = F;
}

/* Local run of the kernel on the free parameters, p in model units (E, A,
 * B must be > 0). */
void
vp_local(const struct vp_data *v, const unsigned char *fixed, double *p,
    int maxit, fit_stop_fn stop, void *sctx, fit_local_out *out)
{
	unsigned char fr[NP];
	double u[NP];
	size_t j;

	for (j = 0; j < NP; j++)
		fr[j] = fixed == NULL || !fixed[j];
	vp_to_u(p, u);
	vp_newton(v, fr, u, maxit, stop, sctx, out);
	vp_to_p(u, p);
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
	if (chol_solve(M, b, k) != 0)
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
int
vp_seed(const struct vp_data *v, const unsigned char *fixed, double *p)
{
	static const size_t sets[5][3] = { { 0, 1, 2 }, { 0, 2 }, { 0, 1 },
	    { 1, 2 }, { 0 } };
	static const size_t nset[5] = { 3, 2, 2, 2, 1 };
	double mn = 0.0, md = 0.0, my = 0.0, c[3], *phi, *y;
	size_t i, s, j, n = v->n;
	int ok = 0;

	if (fixed != NULL && (fixed[0] || fixed[1] || fixed[3]))
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
		phi[n + i] = exp(-p[2] * (v->lN[i] - mn));
		phi[2 * n + i] = exp(-p[4] * (v->lD[i] - md));
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
	p[0] = c[0];
	p[1] = exp(log(c[1]) + p[2] * mn);
	p[3] = exp(log(c[2]) + p[4] * md);
	return 0;
}

/* The inner problem: E, A, B (those free) at the start's alpha and beta. */
void
vp_project(const struct vp_data *v, const unsigned char *fixed, double *p,
    int maxit, fit_local_out *out)
{
	unsigned char fr[NP];
	double u[NP];
	size_t j;

	for (j = 0; j < NP; j++)
		fr[j] = (fixed == NULL || !fixed[j]) && j != 2 && j != 4;
	vp_to_u(p, u);
	vp_newton(v, fr, u, maxit, NULL, NULL, out);
	vp_to_p(u, p);
}
