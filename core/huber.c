/* huber.c: the Huber loss and a robust Levenberg-Marquardt for any law. */
#include "config.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "core/fit_impl.h"
#include "core/xalloc.h"

/*
 * Huber's rho: r^2/2 for |r| <= delta, delta*(|r| - delta/2) beyond (so
 * the loss is continuous with a continuous derivative). With delta =
 * INFINITY it is r^2/2.
 */
double
fit_huber_rho(double r, double delta)
{
	double a = fabs(r);

	return a <= delta ? 0.5 * r * r : delta * (a - 0.5 * delta);
}

/* What sx_fit_result.objective is the value of, for this loss. */
const char *
fit_objective_formula(enum sx_loss loss)
{
	return loss == SX_LOSS_HUBER ? "Σρ(r), ρ = r²/2 for |r| ≤ δ, else "
	    "δ(|r| − δ/2)" : "½Σr²";
}

/* Sum of rho over the residuals at p; +Inf where the law is not finite. */
static double
huber_sum(const fit_prob *pr, const double *p, double *g, double *J)
{
	const sx_model *m = pr->m;
	double F = 0.0;
	size_t i;

	if (m->eval(m, pr->x, pr->n, p, 1, g, J) != 0)
		return INFINITY;
	for (i = 0; i < pr->n; i++)
		F += fit_huber_rho(pr->t[i] - g[i], pr->delta);
	return isfinite(F) ? F : INFINITY;
}

/* The objective at p, by the kernel that fits this problem. */
double
huber_objective(const fit_prob *pr, const double *p)
{
	double *g = xmalloc((pr->n + 1) * sizeof *g), F;

	F = huber_sum(pr, p, g, NULL);
	free(g);
	return F;
}

/* Solve the k x k system (A + mu D) s = b by Gaussian elimination with
 * partial pivoting (A symmetric positive semidefinite); -1 if singular. */
static int
lm_solve(double *A, double *b, size_t k)
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

/*
 * Iteratively reweighted Levenberg-Marquardt. In u (log of positive
 * scales, the others as they are) with the residual Jacobian J, each step
 * solves (J^T W J + mu diag) s = J^T psi(r), W = psi(r)/r: the weights of
 * Huber's quadratic majoriser (1 inside delta, delta/|r| outside), so the
 * model never overestimates the decrease by much; least squares has W = 1
 * and this is plain LM. Steps are accepted on the true objective.
 */
void
huber_local(const fit_prob *pr, double *p, fit_stop_fn stop, void *sctx,
    fit_local_out *out)
{
	const sx_model *m = pr->m;
	size_t n = pr->n, np = m->np, nf = 0, i, j, k, l;
	size_t *idx = xmalloc((np + 1) * sizeof *idx);
	double *g = xmalloc((n + 1) * sizeof *g), *J = xmalloc((n * np + 1) *
	    sizeof *J), *pn = xmalloc((np + 1) * sizeof *pn);
	double *A = xmalloc((np * np + 1) * sizeof *A), *H = xmalloc((np * np +
	    1) * sizeof *H), *gr = xmalloc((np + 1) * sizeof *gr);
	double *s = xmalloc((np + 1) * sizeof *s), *dg = xmalloc((np + 1) *
	    sizeof *dg), *jb = xmalloc((np + 1) * sizeof *jb);
	double F, mu = 1e-3;
	int it, fails = 0, recompute = 1, steps = 0;

	memset(out, 0, sizeof *out);
	for (j = 0; j < np; j++)
		if (pr->fixed == NULL || !pr->fixed[j])
			idx[nf++] = j;
	F = huber_sum(pr, p, g, J);
	out->obj = F;
	if (!isfinite(F) || nf == 0) {
		out->converged = isfinite(F);
		goto done;
	}
	for (it = 0; it < pr->maxit; it++) {
		double Fn, pred, rho, gmax = 0.0, dmax = 0.0;
		int conv;

		if (recompute) {
			/* gradient gr = -J_u^T psi, H = J_u^T W J_u */
			memset(gr, 0, nf * sizeof *gr);
			memset(H, 0, nf * nf * sizeof *H);
			for (i = 0; i < n; i++) {
				double r = pr->t[i] - g[i], ar = fabs(r), psi, w;
				double *ju = jb;
				size_t kk = nf;

				psi = ar <= pr->delta ? r : (r > 0 ? pr->delta : -pr->delta);
				w = ar <= pr->delta ? 1.0 : pr->delta / ar;
				for (k = 0; k < kk; k++) {
					size_t jj = idx[k];

					ju[k] = J[i * np + jj] * (m->positive[jj] ? p[jj] : 1.0);
					gr[k] -= psi * ju[k];
				}
				for (k = 0; k < kk; k++)
					for (l = k; l < kk; l++)
						H[k * nf + l] += w * ju[k] * ju[l];
			}
			for (k = 0; k < nf; k++)
				for (l = 0; l < k; l++)
					H[k * nf + l] = H[l * nf + k];
			recompute = 0;
		}
		for (k = 0; k < nf; k++) {
			double u = m->positive[idx[k]] ? log(p[idx[k]]) : p[idx[k]];

			gmax = fmax(gmax, fabs(gr[k]) * fmax(1.0, fabs(u)));
			dmax = fmax(dmax, H[k * nf + k]);
		}
		if (gmax <= 1e-12 * fmax(F, 1e-300)) {
			out->converged = 1;
			break;
		}
		for (k = 0; k < nf; k++)
			dg[k] = fmax(H[k * nf + k], 1e-10 * dmax + 1e-300);
		memcpy(A, H, nf * nf * sizeof *A);
		for (k = 0; k < nf; k++) {
			A[k * nf + k] += mu * dg[k];
			s[k] = -gr[k];
		}
		memcpy(pn, p, np * sizeof *pn);
		pred = -1.0;
		if (lm_solve(A, s, nf) == 0) {
			pred = 0.0;
			for (k = 0; k < nf; k++) {
				double hs = 0.0;
				size_t jj = idx[k];

				for (l = 0; l < nf; l++)
					hs += H[k * nf + l] * s[l];
				pred -= gr[k] * s[k] + 0.5 * s[k] * hs;
				if (m->positive[jj])
					pn[jj] = p[jj] * exp(s[k]);
				else
					pn[jj] = p[jj] + s[k];
			}
		}
		Fn = pred > 0.0 ? huber_sum(pr, pn, g, J) : INFINITY;
		rho = pred > 0.0 ? (F - Fn) / pred : -1.0;
		if (!(Fn < F) || !(rho > 1e-4)) {
			mu = fmax(mu * 4.0, 1e-8);
			if (++fails > 40 || mu > 1e30) {
				out->converged = gmax <= 1e-6 * fmax(F, 1e-300);
				huber_sum(pr, p, g, J);
				break;
			}
			/* g and J now hold the rejected point: restore them. */
			huber_sum(pr, p, g, J);
			continue;
		}
		fails = 0;
		steps++;
		if (rho > 0.75)
			mu = fmax(mu / 3.0, 1e-12);
		else if (rho < 0.25)
			mu *= 2.0;
		conv = F - Fn <= 1e-13 * F;
		for (k = 0; k < nf; k++) {
			double u = m->positive[idx[k]] ? log(p[idx[k]]) : p[idx[k]];

			if (fabs(s[k]) > 1e-9 * (1.0 + fabs(u)))
				conv = 0;
		}
		memcpy(p, pn, np * sizeof *p);
		F = Fn;
		recompute = 1;
		if (conv) {
			out->converged = 1;
			break;
		}
		if (stop != NULL && stop(sctx, p, F)) {
			out->stopped = 1;
			break;
		}
	}
	out->iterations = steps;
	out->obj = F;
done:
	free(idx);
	free(g);
	free(J);
	free(pn);
	free(A);
	free(H);
	free(gr);
	free(s);
	free(dg);
	free(jb);
}

/* Local run: the Chinchilla kernel where it applies, else the generic. */
void
fit_local(const fit_prob *pr, double *p, fit_stop_fn stop, void *sctx,
    fit_local_out *out)
{
	if (pr->vp != NULL && p[0] > 0.0 && p[1] > 0.0 && p[3] > 0.0)
		vp_local(pr->vp, pr->fixed, p, pr->maxit, stop, sctx, out);
	else
		huber_local(pr, p, stop, sctx, out);
}
