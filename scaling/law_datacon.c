/* law_datacon.c: the data-constrained law of Muennighoff et al. 2023. */
#include "config.h"

#include <math.h>
#include <stdlib.h>

#include "base/xalloc.h"
#include "scaling/model_impl.h"

/*
 * L(N, D, U) = E + A/N'^alpha + B/D'^beta (Muennighoff et al. 2023, eq. 5),
 * parameters E, A, alpha, B, beta, rd_star, rn_star (the last two R_D*,
 * R_N*). With U_D = min(U, D) the unique tokens seen:
 *
 *   R_D = D/U_D - 1 (repetitions beyond the first epoch; 0 when D <= U),
 *   D'  = U_D + U_D*R_D*(1 - exp(-R_D/R_D*)),
 *   U_N = min(N, N0), N0 = G*(G*U_D)^(beta/alpha), G = (alpha*A/(beta*B))^
 *         (1/(alpha+beta)): Chinchilla's compute-optimal N for U_D tokens
 *         (Hoffmann's frontier N_opt = G*(C/6)^(beta/(alpha+beta)), D_opt =
 *         (C/6)/N_opt solved for N given D), with the law's own constants,
 *   R_N = N/U_N - 1 (excess parameters; 0 when N <= N0),
 *   N'  = U_N + U_N*R_N*(1 - exp(-R_N/R_N*)).
 *
 * U_N and R_N are exactly as the authors' code computes them
 * (github.com/huggingface/datablations, README "Parametric Fit": D_to_N,
 * UN = min(N, D_to_N(U)), RN = max(N/UN - 1, 0)); U_D = min(U, D) is how
 * their optimal_allocation sets U when D < U. In logs, log N0 = (log(alpha*
 * A/(beta*B)) + beta*log U_D)/alpha, so U_N moves with A, B, alpha and
 * beta and the Jacobian carries that too. Both kinks (D = U, N = N0) have
 * continuous first derivatives: dD'/dD = 1 and dN'/dN0 = 0 there.
 */

/* 1 - (1 + x) e^-x, accurate for small x (series below 0.05). */
static double
decay_g(double x)
{
	if (x < 0.05)
		return x * x * (0.5 + x * (-1.0 / 3 + x * (1.0 / 8 + x * (-1.0 / 30 +
		    x * (1.0 / 144 - x / 840)))));
	return 1.0 - (1.0 + x) * exp(-x);
}

/*
 * Effective count x' = u*(1 + r*(1 - exp(-R/r))) for R = x/u - 1 > 0, in
 * logs (lx, lu), with r the half-life. Returns log x'; *dr gets
 * d log x'/d r and *du d log x'/d log u (at fixed x).
 */
static double
effective(double lx, double lu, double r, double *dr, double *du)
{
	double R = expm1(lx - lu), y = R / r, h = 1.0 - r * expm1(-y);

	*dr = decay_g(y) / h;
	*du = 1.0 - exp(-y) * (R + 1.0) / h;
	return lu + log(h);
}

int
datacon_eval(const sx_model *m, const double *const *x, size_t n,
    const double *p, int lg, double *f, double *J)
{
	double e0 = p[0], A = p[1], al = p[2], B = p[3], be = p[4];
	double rd = p[5], rn = p[6], la = log(A), lb = log(B);
	double lq = log(al) + la - log(be) - lb;
	size_t i;
	int ok = A > 0.0 && B > 0.0 && al > 0.0 && be > 0.0 && rd > 0.0 &&
	    rn > 0.0;

	(void)m;
	for (i = 0; i < n; i++) {
		double ln = log(x[0][i]), ld = log(x[1][i]), lu = log(x[2][i]);
		double lud = ld < lu ? ld : lu, ldp = ld, lnp = ln, lN0;
		double ddr = 0.0, dnr = 0.0, kn = 0.0, dud, t1, t2, e1, e2, v, s;

		if (ld > lud)
			ldp = effective(ld, lud, rd, &ddr, &dud);
		lN0 = (lq + be * lud) / al;
		if (ln > lN0)
			lnp = effective(ln, lN0, rn, &dnr, &kn);
		t1 = la - al * lnp;
		t2 = lb - be * ldp;
		v = sum3_eval(e0, t1, t2, lg, &s, &e1, &e2);
		f[i] = v;
		ok &= isfinite(v);
		if (J != NULL) {
			/* d log N'/d theta = kn * d log N0/d theta. */
			double *ji = J + 7 * i, c = -e1 * al * kn;

			ji[0] = s;
			ji[1] = e1 / A + c / (al * A);
			ji[2] = -e1 * lnp + c * (1.0 / al - lN0) / al;
			ji[3] = e2 / B - c / (al * B);
			ji[4] = -e2 * ldp + c * (lud - 1.0 / be) / al;
			ji[5] = -e2 * be * ddr;
			ji[6] = -e1 * al * dnr;
		}
	}
	return ok ? 0 : -1;
}

/*
 * Seed: half-lives at R_D* = 15, R_N* = 5 (the order of the paper's fit;
 * fits refine them), then Chinchilla's grid start (model_chin_guess) on
 * (N, D') with D' at that R_D*, and once more on (N', D') with N' from the
 * constants just found.
 */
int
datacon_guess(const sx_model *m, const double *const *x, const double *y,
    size_t n, double *p)
{
	double *np_ = xmalloc(2 * n * sizeof *np_), *dp = np_ + n, q[7];
	size_t i;
	int pass, rc = -1;

	(void)m;
	for (i = 0; i < n; i++) {
		double ld = log(x[1][i]), lu = log(x[2][i]), a, b;

		if (!(x[0][i] > 0.0) || !(x[1][i] > 0.0) || !(x[2][i] > 0.0))
			goto out;
		np_[i] = x[0][i];
		dp[i] = ld > lu ? exp(effective(ld, lu, 15.0, &a, &b)) : x[1][i];
	}
	for (pass = 0; pass < 2; pass++) {
		if (model_chin_guess(np_, dp, y, n, q) != 0 || !(q[2] > 0.0) ||
		    !(q[4] > 0.0))
			goto out;
		q[5] = 15.0;
		q[6] = 5.0;
		for (i = 0; i < n && pass == 0; i++) {
			double lq = log(q[2] * q[1] / (q[4] * q[3]));
			double lud = fmin(log(x[1][i]), log(x[2][i]));
			double l0 = (lq + q[4] * lud) / q[2], ln = log(x[0][i]), a, b;

			if (ln > l0)
				np_[i] = exp(effective(ln, l0, q[6], &a, &b));
		}
	}
	for (i = 0; i < 7; i++)
		p[i] = q[i];
	rc = 0;
out:
	free(np_);
	return rc;
}
