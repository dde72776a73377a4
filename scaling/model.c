/* model.c: the built-in scaling laws (evaluated in log space); user laws
 * are in model_user.c, the data-constrained law in law_datacon.c, the
 * task-error law in law_taskerr.c. Longer
 * than most files on purpose: the laws here share the log-space
 * numerics and start-value helpers at its top (model_impl.h has those a
 * law file elsewhere needs), one section a law. */
#include "config.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "base/xalloc.h"
#include "scaling/model.h"
#include "scaling/model_impl.h"

/*
 * Numerics. Every power law is written as exp(t) with t a difference of
 * logarithms, e.g. (x0/x)^alpha = exp(alpha*(log x0 - log x)), so x = 1e25
 * with x0 = 1e-13 gives t of a few hundred at most instead of an overflowing
 * quotient. Where the plain sum of terms is a normal number it is formed
 * directly (fast, exact to rounding); otherwise log L comes from
 * log-sum-exp and the derivatives of log L from the softmax weights
 * exp(t_k - log L), which stay in [0, 1].
 */

/* T_DIRECT, L_DIRECT, lse2 and log_add_const are in model_impl.h, which
 * law_datacon.c shares. */

/*
 * Weighted linear least squares with k <= 3 basis columns phi (n x k,
 * column-major: phi[j*n + i]), target z and weights w: the normal
 * equations, equilibrated by their diagonal, solved by Gaussian elimination
 * with partial pivoting. Fills c[k]; returns the weighted sum of squared
 * residuals, or -1 when the system is singular. Used by the guesses.
 */
static double
wls_solve(size_t k, const double *phi, const double *z, const double *w,
    size_t n, double *c)
{
	double a[3][4], s[3], sse = 0.0;
	size_t i, j, l, r;

	for (j = 0; j < k; j++)
		for (l = 0; l <= k; l++)
			a[j][l] = 0.0;
	for (i = 0; i < n; i++)
		for (j = 0; j < k; j++) {
			double wp = w[i] * phi[j * n + i];

			for (l = j; l < k; l++)
				a[j][l] += wp * phi[l * n + i];
			a[j][k] += wp * z[i];
		}
	for (j = 0; j < k; j++) {
		for (l = 0; l < j; l++)
			a[j][l] = a[l][j];
		if (!(a[j][j] > 0.0) || !isfinite(a[j][j]))
			return -1.0;
		s[j] = 1.0 / sqrt(a[j][j]);
	}
	for (j = 0; j < k; j++)
		for (l = 0; l <= k; l++)
			a[j][l] *= s[j] * (l < k ? s[l] : 1.0);
	for (j = 0; j < k; j++) {
		size_t piv = j;

		for (r = j + 1; r < k; r++)
			if (fabs(a[r][j]) > fabs(a[piv][j]))
				piv = r;
		if (fabs(a[piv][j]) < 1e-13)
			return -1.0;
		for (l = 0; l <= k; l++) {
			double t = a[j][l];

			a[j][l] = a[piv][l];
			a[piv][l] = t;
		}
		for (r = j + 1; r < k; r++) {
			double q = a[r][j] / a[j][j];

			for (l = j; l <= k; l++)
				a[r][l] -= q * a[j][l];
		}
	}
	for (j = k; j-- > 0;) {
		double t = a[j][k];

		for (l = j + 1; l < k; l++)
			t -= a[j][l] * c[l];
		c[j] = t / a[j][j];
	}
	for (j = 0; j < k; j++)
		c[j] *= s[j];
	for (i = 0; i < n; i++) {
		double e = z[i];

		for (j = 0; j < k; j++)
			e -= c[j] * phi[j * n + i];
		sse += w[i] * e * e;
	}
	return isfinite(sse) ? sse : -1.0;
}

/* Mean of log v over n values; NaN when some value is not positive. */
static double
mean_log(const double *v, size_t n)
{
	double s = 0.0;
	size_t i;

	for (i = 0; i < n; i++) {
		if (!(v[i] > 0.0))
			return NAN;
		s += log(v[i]);
	}
	return s / (double)n;
}

/* Relative weights 1/y^2 (least squares on y then approximates least
 * squares on log y), or 1 when some y is not positive. */
static void
rel_weights(const double *y, size_t n, double *w)
{
	size_t i;
	int pos = 1;

	for (i = 0; i < n; i++)
		if (!(y[i] > 0.0))
			pos = 0;
	for (i = 0; i < n; i++)
		w[i] = pos ? 1.0 / (y[i] * y[i]) : 1.0;
}

/* Exponent grid for the guesses: g points log-spaced over [lo, hi]. */
static double
grid_at(double lo, double hi, size_t g, size_t i)
{
	return lo * pow(hi / lo, (double)i / (double)(g - 1));
}

/* ---- pl: L = A * x^-alpha ------------------------------------------- */

static int
pl_eval(const sx_model *m, const double *const *x, size_t n, const double *p,
    int lg, double *f, double *J)
{
	double la = log(p[0]), ia = 1.0 / p[0], al = p[1];
	size_t i;
	int ok = p[0] > 0.0;

	for (i = 0; i < n; i++) {
		double lx = log(x[0][i]), t = la - al * lx;
		double v = lg ? t : exp(t), s = lg ? 1.0 : v;

		f[i] = v;
		ok &= isfinite(v);
		if (J != NULL) {
			J[2 * i] = s * ia;
			J[2 * i + 1] = -s * lx;
		}
	}
	return ok ? 0 : -1;
}

/* Straight line through (log x, log y): log A = intercept, alpha = -slope. */
static int
pl_guess(const sx_model *m, const double *const *x, const double *y, size_t n,
    double *p)
{
	double sx = 0, sy = 0, sxx = 0, sxy = 0, k = 0, d;
	size_t i;

	for (i = 0; i < n; i++) {
		double lx, ly;

		if (!(x[0][i] > 0.0) || !(y[i] > 0.0))
			continue;
		lx = log(x[0][i]);
		ly = log(y[i]);
		sx += lx;
		sy += ly;
		sxx += lx * lx;
		sxy += lx * ly;
		k += 1.0;
	}
	if (k < 2.0)
		return -1;
	d = k * sxx - sx * sx;
	if (!(d > 1e-12 * k * sxx))
		return -1;
	p[1] = -(k * sxy - sx * sy) / d;
	p[0] = exp((sy + p[1] * sx) / k);
	return isfinite(p[0]) && p[0] > 0.0 && isfinite(p[1]) ? 0 : -1;
}

/* ---- plc: L = Linf + (x0/x)^alpha --------------------------------------- */

static int
plc_eval(const sx_model *m, const double *const *x, size_t n, const double *p,
    int lg, double *f, double *J)
{
	double linf = p[0], lx0 = log(p[1]), ix0 = 1.0 / p[1], al = p[2];
	size_t i;
	int ok = p[1] > 0.0;

	for (i = 0; i < n; i++) {
		double d = lx0 - log(x[0][i]), t = al * d, e, L, v, s, w;

		if (!lg) {
			e = exp(t);
			v = linf + e;
			s = 1.0;
			w = e;
		} else if (t < T_DIRECT && (L = linf + (e = exp(t))) > L_DIRECT) {
			v = log(L);
			s = 1.0 / L;
			w = e * s;
		} else {
			v = log_add_const(linf, t);
			s = exp(-v);
			w = exp(t - v);
		}
		f[i] = v;
		ok &= isfinite(v);
		if (J != NULL) {
			J[3 * i] = s;
			J[3 * i + 1] = w * al * ix0;
			J[3 * i + 2] = w * d;
		}
	}
	return ok ? 0 : -1;
}

/* Weighted residual of plc's linear part (Linf, c) at exponent al; phi
 * holds the constant column, lx the centred log x. INFINITY when c <= 0. */
static double
plc_vp(double al, const double *lx, const double *y, const double *w,
    size_t n, double *phi, double *c)
{
	double sse;
	size_t i;

	for (i = 0; i < n; i++)
		phi[n + i] = exp(-al * lx[i]);
	sse = wls_solve(2, phi, y, w, n, c);
	return sse >= 0.0 && c[1] > 0.0 ? sse : INFINITY;
}

/*
 * Variable projection seed: for each alpha, L is linear in (Linf, c) with
 * c*x'^-alpha = (x0/x)^alpha (x' = x / geometric mean of x, so the basis
 * stays in range). Solve that 2-column weighted least squares (weights
 * 1/y^2, close to log-space residuals) on a grid of 24 alphas in
 * [0.005, 5], refine the best by 20 golden-section steps between its neighbours
 * (in log alpha), and map back: log x0 = mean log x + log c / alpha. A
 * near-exact seed saves solver iterations, which cost far more on big n.
 */
static int
plc_guess(const sx_model *m, const double *const *x, const double *y, size_t n,
    double *p)
{
	const size_t g = 24, ns = n < 256 ? n : 256;
	const double lo = 0.005, hi = 5.0, gr = 0.6180339887498949;
	double *phi = xmalloc(4 * n * sizeof *phi), *w = phi + 2 * n;
	double *lx = phi + 3 * n, lref = mean_log(x[0], n), best = INFINITY;
	double *sub = xmalloc(5 * ns * sizeof *sub), c[2], a, b, u, v, fu, fv;
	size_t i, k, kb = 0;
	int it;

	if (isnan(lref)) {
		free(phi);
		free(sub);
		return -1;
	}
	rel_weights(y, n, w);
	for (i = 0; i < n; i++) {
		phi[i] = 1.0;
		lx[i] = log(x[0][i]) - lref;
	}
	/* The grid runs on at most 256 evenly spread rows; the golden-section
	 * refinement on all of them. */
	for (i = 0; i < ns; i++) {
		size_t r = i * n / ns;

		sub[i] = 1.0;
		sub[2 * ns + i] = lx[r];
		sub[3 * ns + i] = y[r];
		sub[4 * ns + i] = w[r];
	}
	for (k = 0; k < g; k++) {
		double sse = plc_vp(grid_at(lo, hi, g, k), sub + 2 * ns,
		    sub + 3 * ns, sub + 4 * ns, ns, sub, c);

		if (sse < best) {
			best = sse;
			kb = k;
		}
	}
	free(sub);
	if (best == INFINITY) {
		free(phi);
		/* No grid cell has c > 0: seed with a pure power law. */
		if (pl_guess(m, x, y, n, p + 1) != 0 || p[2] == 0.0)
			return -1;
		p[0] = 0.0;
		p[1] = exp(log(p[1]) / p[2]);
		return isfinite(p[1]) && p[1] > 0.0 ? 0 : -1;
	}
	best = plc_vp(grid_at(lo, hi, g, kb), lx, y, w, n, phi, c);
	a = log(grid_at(lo, hi, g, kb > 0 ? kb - 1 : 0));
	b = log(grid_at(lo, hi, g, kb + 1 < g ? kb + 1 : kb));
	u = b - gr * (b - a);
	v = a + gr * (b - a);
	fu = plc_vp(exp(u), lx, y, w, n, phi, c);
	fv = plc_vp(exp(v), lx, y, w, n, phi, c);
	for (it = 0; it < 20; it++) {
		if (fu < fv) {
			b = v;
			v = u;
			fv = fu;
			u = b - gr * (b - a);
			fu = plc_vp(exp(u), lx, y, w, n, phi, c);
		} else {
			a = u;
			u = v;
			fu = fv;
			v = a + gr * (b - a);
			fv = plc_vp(exp(v), lx, y, w, n, phi, c);
		}
	}
	u = fu < fv ? u : v;
	if (!(fmin(fu, fv) <= best))
		u = log(grid_at(lo, hi, g, kb));
	if (plc_vp(exp(u), lx, y, w, n, phi, c) == INFINITY) {
		free(phi);
		return -1;
	}
	free(phi);
	p[0] = c[0];
	p[2] = exp(u);
	p[1] = exp(lref + log(c[1]) / p[2]);
	return isfinite(p[1]) && p[1] > 0.0 ? 0 : -1;
}

/* ---- kaplan_nd: L = [(Nc/N)^(aN/aD) + Dc/D]^aD -------------------------- */

static int
knd_eval(const sx_model *m, const double *const *x, size_t n, const double *p,
    int lg, double *f, double *J)
{
	double lnc = log(p[0]), ldc = log(p[1]), an = p[2], ad = p[3];
	double inc = 1.0 / p[0], idc = 1.0 / p[1], r = an / ad;
	size_t i;
	int ok = p[0] > 0.0 && p[1] > 0.0 && ad != 0.0;

	for (i = 0; i < n; i++) {
		double dn = lnc - log(x[0][i]), u = r * dn;
		double vv = ldc - log(x[1][i]), s = lse2(u, vv);
		double wu = exp(u - s), wv = exp(vv - s), lL = ad * s;
		double v = lg ? lL : exp(lL), sc = lg ? 1.0 : v;

		f[i] = v;
		ok &= isfinite(v);
		if (J != NULL) {
			J[4 * i] = sc * an * wu * inc;
			J[4 * i + 1] = sc * ad * wv * idc;
			J[4 * i + 2] = sc * wu * dn;
			J[4 * i + 3] = sc * (s - wu * u);
		}
	}
	return ok ? 0 : -1;
}

/*
 * Seed: for aD on a grid of 12 values in [0.02, 1] and r = aN/aD on 12
 * values in [0.1, 4], z = y^(1/aD) = c1*N'^-r + c2/D' is linear in
 * (c1, c2) (N', D' divided by their geometric means): weighted least
 * squares with weights 1/z^2. Each cell with c1, c2 > 0 is scored by the
 * log-space sum of squares of the law it implies (the z-space residual
 * saturates for poor cells and would favour tiny aD). The grid runs on at
 * most 400 evenly spread rows.
 */
static int
knd_guess(const sx_model *m, const double *const *x, const double *y, size_t n,
    double *p)
{
	const size_t g = 12, ns = n < 400 ? n : 400;
	double *phi = xmalloc(7 * ns * sizeof *phi), *w = phi + 2 * ns;
	double *z = w + ns, *ln = z + ns, *ld = ln + ns, *ly = ld + ns;
	double mn = mean_log(x[0], n), md = mean_log(x[1], n), best = INFINITY;
	double c[2];
	size_t i, a, b;

	if (isnan(mn) || isnan(md) || isnan(mean_log(y, n))) {
		free(phi);
		return -1;
	}
	for (i = 0; i < ns; i++) {
		size_t r = i * n / ns;

		ln[i] = log(x[0][r]) - mn;
		ld[i] = log(x[1][r]) - md;
		ly[i] = log(y[r]);
		phi[ns + i] = exp(-ld[i]);
	}
	for (a = 0; a < g; a++) {
		double ad = grid_at(0.02, 1.0, g, a);

		for (i = 0; i < ns; i++) {
			z[i] = exp(ly[i] / ad);
			w[i] = 1.0 / (z[i] * z[i]);
		}
		for (b = 0; b < g; b++) {
			double r = grid_at(0.1, 4.0, g, b), sse = 0.0;

			for (i = 0; i < ns; i++)
				phi[i] = exp(-r * ln[i]);
			if (wls_solve(2, phi, z, w, ns, c) < 0.0 || !(c[0] > 0.0) ||
			    !(c[1] > 0.0))
				continue;
			for (i = 0; i < ns; i++) {
				double e = ly[i] - ad * log(c[0] * phi[i] +
				    c[1] * phi[ns + i]);

				sse += e * e;
			}
			if (!(sse < best))
				continue;
			best = sse;
			p[0] = exp(mn + log(c[0]) / r);
			p[1] = exp(md + log(c[1]));
			p[2] = r * ad;
			p[3] = ad;
		}
	}
	free(phi);
	return best < INFINITY && isfinite(p[0]) && isfinite(p[1]) ? 0 : -1;
}

/* ---- kaplan_ns: L = (Nc/N)^aN + (Sc/S)^aS ------------------------------- */

static int
kns_eval(const sx_model *m, const double *const *x, size_t n, const double *p,
    int lg, double *f, double *J)
{
	double lnc = log(p[0]), an = p[1], lsc = log(p[2]), as = p[3];
	double inc = 1.0 / p[0], isc = 1.0 / p[2];
	size_t i;
	int ok = p[0] > 0.0 && p[2] > 0.0;

	for (i = 0; i < n; i++) {
		double dn = lnc - log(x[0][i]), ds = lsc - log(x[1][i]);
		double t1 = an * dn, t2 = as * ds, e1, e2, v;

		if (lg) {
			v = lse2(t1, t2);
			e1 = exp(t1 - v);
			e2 = exp(t2 - v);
		} else {
			e1 = exp(t1);
			e2 = exp(t2);
			v = e1 + e2;
		}
		f[i] = v;
		ok &= isfinite(v);
		if (J != NULL) {
			J[4 * i] = e1 * an * inc;
			J[4 * i + 1] = e1 * dn;
			J[4 * i + 2] = e2 * as * isc;
			J[4 * i + 3] = e2 * ds;
		}
	}
	return ok ? 0 : -1;
}

/*
 * Seed: for (aN, aS) on a 14 x 14 grid in [0.01, 3]^2, L = c1*N'^-aN +
 * c2*S'^-aS is linear in (c1, c2); weighted least squares (1/y^2), best
 * cell with c1, c2 > 0, then log Nc = mean log N + log c1 / aN (same for S).
 */
static int
kns_guess(const sx_model *m, const double *const *x, const double *y, size_t n,
    double *p)
{
	const size_t g = 14;
	double *phi = xmalloc(3 * n * sizeof *phi), *w = phi + 2 * n;
	double ln = mean_log(x[0], n), ls = mean_log(x[1], n), best = INFINITY;
	double c[2];
	size_t i, a, b;

	if (isnan(ln) || isnan(ls)) {
		free(phi);
		return -1;
	}
	rel_weights(y, n, w);
	for (a = 0; a < g; a++) {
		double an = grid_at(0.01, 3.0, g, a);

		for (i = 0; i < n; i++)
			phi[i] = exp(-an * (log(x[0][i]) - ln));
		for (b = 0; b < g; b++) {
			double as = grid_at(0.01, 3.0, g, b), sse;

			for (i = 0; i < n; i++)
				phi[n + i] = exp(-as * (log(x[1][i]) - ls));
			sse = wls_solve(2, phi, y, w, n, c);
			if (sse < 0.0 || !(c[0] > 0.0) || !(c[1] > 0.0) ||
			    !(sse < best))
				continue;
			best = sse;
			p[0] = exp(ln + log(c[0]) / an);
			p[1] = an;
			p[2] = exp(ls + log(c[1]) / as);
			p[3] = as;
		}
	}
	free(phi);
	return best < INFINITY && isfinite(p[0]) && isfinite(p[2]) ? 0 : -1;
}

/* ---- chinchilla: L = E + A/N^alpha + B/D^beta ---------------------------- */

static int
chin_eval(const sx_model *m, const double *const *x, size_t n, const double *p,
    int lg, double *f, double *J)
{
	double e0 = p[0], la = log(p[1]), al = p[2], lb = log(p[3]), be = p[4];
	double ia = 1.0 / p[1], ib = 1.0 / p[3];
	size_t i;
	int ok = p[1] > 0.0 && p[3] > 0.0;

	for (i = 0; i < n; i++) {
		double ln = log(x[0][i]), ld = log(x[1][i]);
		double t1 = la - al * ln, t2 = lb - be * ld, e1, e2, v, s;

		v = sum3_eval(e0, t1, t2, lg, &s, &e1, &e2);
		f[i] = v;
		ok &= isfinite(v);
		if (J != NULL) {
			J[5 * i] = s;
			J[5 * i + 1] = e1 * ia;
			J[5 * i + 2] = -e1 * ln;
			J[5 * i + 3] = e2 * ib;
			J[5 * i + 4] = -e2 * ld;
		}
	}
	return ok ? 0 : -1;
}

/*
 * Variable projection seed: for (alpha, beta) on a 16 x 16 grid in
 * [0.05, 2]^2, L = E + a*N'^-alpha + b*D'^-beta is linear in (E, a, b)
 * (N', D' divided by their geometric means). Weighted least squares with
 * weights 1/y^2 (close to log-space residuals); when E comes out negative
 * the cell is solved again with E = 0. The best cell with a, b > 0 gives
 * A = a * exp(alpha * mean log N) and likewise B. fit_run refines it.
 */
static int
chin_guess(const sx_model *m, const double *const *x, const double *y,
    size_t n, double *p)
{
	const size_t g = 16;
	double *phi = xmalloc(4 * n * sizeof *phi), *w = phi + 3 * n;
	double ln = mean_log(x[0], n), ld = mean_log(x[1], n), best = INFINITY;
	double c[3];
	size_t i, a, b;

	if (isnan(ln) || isnan(ld)) {
		free(phi);
		return -1;
	}
	rel_weights(y, n, w);
	for (i = 0; i < n; i++)
		phi[i] = 1.0;
	for (a = 0; a < g; a++) {
		double al = grid_at(0.05, 2.0, g, a);

		for (i = 0; i < n; i++)
			phi[n + i] = exp(-al * (log(x[0][i]) - ln));
		for (b = 0; b < g; b++) {
			double be = grid_at(0.05, 2.0, g, b), sse;

			for (i = 0; i < n; i++)
				phi[2 * n + i] = exp(-be * (log(x[1][i]) - ld));
			sse = wls_solve(3, phi, y, w, n, c);
			if (sse >= 0.0 && c[0] < 0.0) {
				sse = wls_solve(2, phi + n, y, w, n, c + 1);
				c[0] = 0.0;
			}
			if (sse < 0.0 || !(c[1] > 0.0) || !(c[2] > 0.0) ||
			    !(sse < best))
				continue;
			best = sse;
			p[0] = c[0];
			p[1] = exp(log(c[1]) + al * ln);
			p[2] = al;
			p[3] = exp(log(c[2]) + be * ld);
			p[4] = be;
		}
	}
	free(phi);
	return best < INFINITY && isfinite(p[1]) && isfinite(p[3]) ? 0 : -1;
}

/* chin_guess on two columns, for laws built on Chinchilla's form. */
int
model_chin_guess(const double *N, const double *D, const double *y, size_t n,
    double *p)
{
	const double *x[2] = { N, D };

	return chin_guess(NULL, x, y, n, p);
}

/* ---- bnsl: broken neural scaling law (Caballero et al. 2022) ----------- */

/*
 * y = a + b x^-c0 prod_i (1 + (x/d_i)^(1/f_i))^(-c_i f_i), i = 1..k, with
 * parameters a, b, c0, then c_i, d_i, f_i per break. With T = log b - c0
 * log x + sum_i -c_i f_i softplus(z_i), z_i = (log x - log d_i)/f_i, y =
 * a + exp(T); softplus and the logistic sigma keep it finite for any x.
 */
static int
bnsl_eval(const sx_model *m, const double *const *x, size_t n, const double *p,
    int lg, double *f, double *J)
{
	size_t k = (m->np - 3) / 3, np = m->np, i, j;
	int ok = p[1] > 0.0;

	for (j = 0; j < k; j++)
		ok &= p[4 + 3 * j] > 0.0 && p[5 + 3 * j] > 0.0;
	for (i = 0; i < n; i++) {
		double lx = log(x[0][i]), T = log(p[1]) - p[2] * lx, L, v, sc, e;
		double *ji = J != NULL ? J + i * np : NULL;

		if (ji != NULL) {
			ji[1] = 1.0 / p[1];
			ji[2] = -lx;
		}
		for (j = 0; j < k; j++) {
			double c = p[3 + 3 * j], d = p[4 + 3 * j], fb = p[5 + 3 * j];
			double z = (lx - log(d)) / fb;
			double sp = z > 30.0 ? z : log1p(exp(z));
			double sg = 1.0 / (1.0 + exp(-z));

			T -= c * fb * sp;
			if (ji != NULL) {
				ji[3 + 3 * j] = -fb * sp;
				ji[4 + 3 * j] = c * sg / d;
				ji[5 + 3 * j] = -c * sp + c * sg * z;
			}
		}
		e = exp(T);
		L = p[0] + e;
		v = lg ? log(L) : L;
		sc = lg ? 1.0 / L : 1.0;
		f[i] = v;
		ok &= isfinite(v);
		if (ji != NULL) {
			ji[0] = sc;
			for (j = 1; j < np; j++)
				ji[j] *= e * sc;
		}
	}
	return ok ? 0 : -1;
}

/* Seed: a = 0 and a pure power law through the data for b, c0; each break
 * at a quantile of log x (the middle for one; thirds for two), c_i = 0.1,
 * f_i = 1. Give start values or use --starts for harder data. */
static int
bnsl_guess(const sx_model *m, const double *const *x, const double *y,
    size_t n, double *p)
{
	size_t k = (m->np - 3) / 3, i, j;
	double lo = INFINITY, hi = -INFINITY;

	if (pl_guess(m, x, y, n, p + 1) != 0)
		return -1;
	p[0] = 0.0;
	for (i = 0; i < n; i++) {
		if (!(x[0][i] > 0.0))
			return -1;
		lo = fmin(lo, log(x[0][i]));
		hi = fmax(hi, log(x[0][i]));
	}
	for (j = 0; j < k; j++) {
		p[3 + 3 * j] = 0.1;
		p[4 + 3 * j] = exp(lo + (hi - lo) * (double)(j + 1) /
		    (double)(k + 1));
		p[5 + 3 * j] = 1.0;
	}
	return 0;
}

/* ---- exptrend: y = y0 * 2^((t - t0)/T) ----------------------------------- */

/*
 * An exponential trend with doubling time T (halving when T < 0). y0 and
 * t0 are not separately identifiable (only y0 2^(-t0/T) is), so t0 is a
 * reference, not fitted: fit_run holds it at the smallest t of the data
 * unless the caller fixes or starts it. y0 is then the trend's value at t0.
 */
static int
exptrend_eval(const sx_model *m, const double *const *x, size_t n,
    const double *p, int lg, double *f, double *J)
{
	double ly0 = log(p[0]), T = p[1], t0 = p[2], l2 = log(2.0);
	size_t i;
	int ok = p[0] > 0.0 && T != 0.0;

	for (i = 0; i < n; i++) {
		double dt = x[0][i] - t0, lv = ly0 + l2 * dt / T;
		double v = lg ? lv : exp(lv), sc = lg ? 1.0 : v;

		f[i] = v;
		ok &= isfinite(v);
		if (J != NULL) {
			J[3 * i] = sc / p[0];
			J[3 * i + 1] = -sc * l2 * dt / (T * T);
			J[3 * i + 2] = -sc * l2 / T;
		}
	}
	return ok ? 0 : -1;
}

/* Seed: t0 = smallest t; log2 y on (t - t0) by least squares gives
 * log2 y0 (intercept) and 1/T (slope). */
static int
exptrend_guess(const sx_model *m, const double *const *x, const double *y,
    size_t n, double *p)
{
	double t0 = INFINITY, sx = 0, sy = 0, sxx = 0, sxy = 0, k = 0, d, b;
	size_t i;

	for (i = 0; i < n; i++)
		t0 = fmin(t0, x[0][i]);
	for (i = 0; i < n; i++) {
		double u = x[0][i] - t0, v;

		if (!(y[i] > 0.0))
			return -1;
		v = log2(y[i]);
		sx += u;
		sy += v;
		sxx += u * u;
		sxy += u * v;
		k += 1.0;
	}
	d = k * sxx - sx * sx;
	if (k < 2.0 || !(d > 0.0))
		return -1;
	b = (k * sxy - sx * sy) / d;
	if (b == 0.0)
		return -1;
	p[0] = exp2((sy - b * sx) / k);
	p[1] = 1.0 / b;
	p[2] = t0;
	return isfinite(p[0]) && isfinite(p[1]) ? 0 : -1;
}

/* ---- the table ----------------------------------------------------------- */

static char *in_x[] = { "x" };
static char *in_nd[] = { "N", "D" };
static char *in_ns[] = { "N", "S" };
static char *pr_pl[] = { "A", "alpha" };
static char *pr_plc[] = { "Linf", "x0", "alpha" };
static char *pr_knd[] = { "Nc", "Dc", "alphaN", "alphaD" };
static char *pr_kns[] = { "Nc", "alphaN", "Sc", "alphaS" };
static char *pr_chin[] = { "E", "A", "alpha", "B", "beta" };
static char *in_t[] = { "t" };
static char *pr_bnsl1[] = { "a", "b", "c0", "c1", "d1", "f1" };
static char *pr_bnsl2[] = { "a", "b", "c0", "c1", "d1", "f1", "c2", "d2",
    "f2" };
static char *pr_exp[] = { "y0", "T", "t0" };
static unsigned char pos_bnsl[] = { 0, 1, 0, 0, 1, 1, 0, 1, 1 };
static unsigned char pos_exp[] = { 1, 0, 0 };
static unsigned char pos_pl[] = { 1, 0 };
static unsigned char pos_plc[] = { 0, 1, 0 };
static unsigned char pos_knd[] = { 1, 1, 0, 0 };
static unsigned char pos_kns[] = { 1, 0, 1, 0 };
static unsigned char pos_chin[] = { 0, 1, 0, 1, 0 };
static const sx_roles roles_chin = { 0, 1, 2, 3, 4 };
static const unsigned char ref_exp[] = { 0, 0, 1 };
static char *in_ndu[] = { "N", "D", "U" };
static char *pr_datacon[] = { "E", "A", "alpha", "B", "beta", "rd_star",
    "rn_star" };
static unsigned char pos_datacon[] = { 0, 1, 0, 1, 0, 1, 1 };
static char *in_l[] = { "L" };
static char *pr_taskerr[] = { "eps", "k", "gamma" };
static unsigned char pos_taskerr[] = { 0, 1, 1 };

static sx_model builtins[] = {
	{ "pl", "A * x^-alpha",
	  "pure power law (Kaplan et al. 2020, Table 5 form)",
	  1, in_x, 2, pr_pl, pos_pl, pl_eval, pl_guess, NULL, NULL,
	  NULL, NULL, NULL, NULL, NULL },
	{ "plc", "Linf + (x0/x)^alpha",
	  "power law plus constant (Henighan et al. 2020, eq. 1.1)",
	  1, in_x, 3, pr_plc, pos_plc, plc_eval, plc_guess, NULL, NULL,
	  NULL, NULL, NULL, NULL, NULL },
	{ "kaplan_nd", "[(Nc/N)^(alphaN/alphaD) + Dc/D]^alphaD",
	  "loss vs parameters and tokens (Kaplan et al. 2020, eq. 1.5)",
	  2, in_nd, 4, pr_knd, pos_knd, knd_eval, knd_guess, NULL, NULL,
	  NULL, NULL, NULL, NULL, NULL },
	{ "kaplan_ns", "(Nc/N)^alphaN + (Sc/S)^alphaS",
	  "loss vs parameters and steps (Kaplan et al. 2020, eq. 1.6)",
	  2, in_ns, 4, pr_kns, pos_kns, kns_eval, kns_guess, NULL, NULL,
	  NULL, NULL, NULL, NULL, NULL },
	{ "chinchilla", "E + A/N^alpha + B/D^beta",
	  "loss vs parameters and tokens (Hoffmann et al. 2022, eq. 10)",
	  2, in_nd, 5, pr_chin, pos_chin, chin_eval, chin_guess, NULL, NULL,
	  &roles_chin, &sx_kernel_vp, NULL, NULL, NULL },
	{ "datacon", "E + A/N'^alpha + B/D'^beta, D' = U_D + U_D*rd_star*"
	  "(1 - exp(-R_D/rd_star)), N' = U_N + U_N*rn_star*"
	  "(1 - exp(-R_N/rn_star))",
	  "data-constrained (Muennighoff et al. 2023, eq. 5): U_D = min(U, D) "
	  "unique tokens, R_D = D/U_D - 1, U_N = min(N, Chinchilla's N_opt for "
	  "U_D tokens), R_N = N/U_N - 1",
	  3, in_ndu, 7, pr_datacon, pos_datacon, datacon_eval, datacon_guess,
	  NULL, NULL, NULL, NULL, NULL, NULL, NULL },
	{ "taskerr", "eps - k*exp(-gamma*L)",
	  "a task's error as a law of the loss (Gadre et al. 2024); fit "
	  "it with --y ERR, chain it with predict --through",
	  1, in_l, 3, pr_taskerr, pos_taskerr, taskerr_eval, taskerr_guess,
	  NULL, NULL, NULL, NULL, NULL, NULL, NULL },
	{ "bnsl1", "a + b*x^-c0 * (1 + (x/d1)^(1/f1))^(-c1*f1)",
	  "broken neural scaling law, 1 break (Caballero et al. 2022)",
	  1, in_x, 6, pr_bnsl1, pos_bnsl, bnsl_eval, bnsl_guess, NULL, NULL,
	  NULL, NULL, NULL, NULL, NULL },
	{ "bnsl2", "a + b*x^-c0 * prod_i (1 + (x/d_i)^(1/f_i))^(-c_i*f_i), i=1,2",
	  "broken neural scaling law, 2 breaks (Caballero et al. 2022)",
	  1, in_x, 9, pr_bnsl2, pos_bnsl, bnsl_eval, bnsl_guess, NULL, NULL,
	  NULL, NULL, NULL, NULL, NULL },
	{ "exptrend", "y0 * 2^((t - t0)/T)",
	  "exponential trend, doubling time T (t0 held at the first t)",
	  1, in_t, 3, pr_exp, pos_exp, exptrend_eval, exptrend_guess, NULL,
	  NULL, NULL, NULL, ref_exp, "T", NULL },
};

#define NBUILTIN (sizeof builtins / sizeof builtins[0])

/* Number of built-in laws. */
size_t
model_builtin_count(void)
{
	return NBUILTIN;
}

/* The i-th built-in law, NULL past the end. */
const sx_model *
model_builtin_at(size_t i)
{
	return i < NBUILTIN ? &builtins[i] : NULL;
}

/* The built-in law called `name`, NULL when there is none. */
const sx_model *
model_builtin(const char *name)
{
	size_t i;

	for (i = 0; name != NULL && i < NBUILTIN; i++)
		if (strcmp(builtins[i].name, name) == 0)
			return &builtins[i];
	return NULL;
}

/* Index of parameter `name` in m, or -1. */
int
model_param_index(const sx_model *m, const char *name)
{
	size_t i;

	for (i = 0; m != NULL && name != NULL && i < m->np; i++)
		if (strcmp(m->params[i], name) == 0)
			return (int)i;
	return -1;
}

/*
 * Free a model made by model_from_expr. The built-ins are static: passing
 * one (or NULL) does nothing.
 */
void
model_free(sx_model *m)
{
	size_t i;

	if (m == NULL || (m >= builtins && m < builtins + NBUILTIN))
		return;
	if (m->priv_free != NULL)
		m->priv_free(m->priv);
	for (i = 0; i < m->nin; i++)
		free(m->inputs[i]);
	for (i = 0; i < m->np; i++)
		free(m->params[i]);
	free(m->inputs);
	free(m->params);
	free(m->positive);
	free(m->domain);
	free(m->name);
	free(m->formula);
	free(m->about);
	free(m);
}
