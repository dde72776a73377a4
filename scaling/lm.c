/* lm.c: the damped Newton / Levenberg-Marquardt iteration huber.c and vp.c
 * share; see lm.h. */
#include "config.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "base/xalloc.h"
#include "scaling/lm.h"

/* Variables up to which the work arrays live on the stack. */
#define LM_SMALL 8

int
lm_solve_lu(double *A, double *b, size_t k)
{
	size_t i, j, l;

	for (j = 0; j < k; j++) {
		size_t piv = j;

		for (i = j + 1; i < k; i++)
			if (fabs(A[i * k + j]) > fabs(A[piv * k + j]))
				piv = i;
		if (!(fabs(A[piv * k + j]) > 0.0) || !isfinite(A[piv * k + j]))
			return -1;
		if (piv != j) {
			for (l = 0; l < k; l++) {
				double t = A[j * k + l];

				A[j * k + l] = A[piv * k + l];
				A[piv * k + l] = t;
			}
			double t = b[j];

			b[j] = b[piv];
			b[piv] = t;
		}
		for (i = j + 1; i < k; i++) {
			double q = A[i * k + j] / A[j * k + j];

			for (l = j; l < k; l++)
				A[i * k + l] -= q * A[j * k + l];
			b[i] -= q * b[j];
		}
	}
	for (i = k; i-- > 0;) {
		for (l = i + 1; l < k; l++)
			b[i] -= A[i * k + l] * b[l];
		b[i] /= A[i * k + i];
		if (!isfinite(b[i]))
			return -1;
	}
	return 0;
}

int
lm_solve_chol(double *A, double *b, size_t k)
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

/* A = H + mu diag(dg), s = -g, solved by the driver's solver. */
static int
lm_damped(const lm_ops *ops, const double *H, const double *g,
    const double *dg, double mu, double *A, double *s)
{
	size_t k = ops->k, a;

	memcpy(A, H, k * k * sizeof *A);
	for (a = 0; a < k; a++) {
		A[a * k + a] += mu * dg[a];
		s[a] = -g[a];
	}
	return ops->solver == LM_CHOLESKY ? lm_solve_chol(A, s, k) :
	    lm_solve_lu(A, s, k);
}

void
lm_run(const lm_ops *ops, void *ctx, double F, int maxit, lm_out *out)
{
	size_t k = ops->k, a, b;
	double sbuf[LM_SMALL * (2 * LM_SMALL + 3)];
	double *w = k <= LM_SMALL ? sbuf : xmalloc(k * (2 * k + 3) * sizeof *w);
	double *g = w, *H = g + k, *A = H + k * k, *s = A + k * k, *dg = s + k;
	double mu = 1e-3;
	int it, fails = 0, steps = 0, need = 1;

	memset(out, 0, sizeof *out);
	out->obj = F;
	if (!isfinite(F) || k == 0) {
		out->converged = isfinite(F);
		goto done;
	}
	for (it = 0; it < maxit; it++) {
		double pred, Fn, rho, gmax = 0.0, dmax = 0.0;
		int conv, solved;

		if (need) {
			ops->derive(ctx, g, H);
			need = 0;
		}
		for (a = 0; a < k; a++) {
			gmax = fmax(gmax, fabs(g[a]) * fmax(1.0, fabs(ops->var(ctx,
			    a))));
			dg[a] = fabs(H[a * k + a]);
			dmax = fmax(dmax, dg[a]);
		}
		if (gmax <= 1e-12 * fmax(F, 1e-300)) {
			out->converged = 1;
			break;
		}
		for (a = 0; a < k; a++)
			dg[a] = fmax(dg[a], 1e-10 * dmax + 1e-300);
		if (ops->solver == LM_CHOLESKY) {
			/* An indefinite Hessian: damp until positive definite. */
			while (lm_damped(ops, H, g, dg, mu, A, s) != 0) {
				mu = fmax(mu * 4.0, 1e-8);
				if (mu > 1e30)
					break;
			}
			if (mu > 1e30)
				break;
			solved = 1;
		} else
			solved = lm_damped(ops, H, g, dg, mu, A, s) == 0;
		pred = -1.0;
		if (solved) {
			pred = 0.0;
			for (a = 0; a < k; a++) {
				double hs = 0.0;

				for (b = 0; b < k; b++)
					hs += H[a * k + b] * s[b];
				pred -= g[a] * s[a] + 0.5 * s[a] * hs;
			}
		}
		Fn = pred > 0.0 ? ops->trial(ctx, s) : INFINITY;
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
			if (fabs(s[a]) > 1e-9 * (1.0 + fabs(ops->var(ctx, a))))
				conv = 0;
		ops->accept(ctx);
		F = Fn;
		need = 1;
		if (conv) {
			out->converged = 1;
			break;
		}
		if (ops->stop != NULL && ops->stop(ctx, F)) {
			out->stopped = 1;
			break;
		}
	}
	out->iterations = steps;
	out->obj = F;
done:
	if (w != sbuf)
		free(w);
}
