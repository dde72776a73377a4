/* design.c: designs of planned runs as datasets (design.h). */
#include "config.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "base/xalloc.h"
#include "scaling/design.h"

/* v[i] log-spaced over [lo, hi], n >= 1 (n == 1: lo). */
static void
design_logspace(double lo, double hi, size_t n, double *v)
{
	for (size_t i = 0; i < n; i++)
		v[i] = n == 1 ? lo : exp(log(lo) + (log(hi) - log(lo)) *
		    (double)i / (double)(n - 1));
	v[0] = lo;
	if (n > 1)
		v[n - 1] = hi;
}

static int
design_positive(double v)
{
	return v > 0.0 && isfinite(v);
}

/* A dataset of the n runs N, D, C (+ budget when b is not NULL). */
static sx_dataset *
design_dataset(const char *name, const double *N, const double *D,
    const double *C, const double *b, size_t n)
{
	sx_dataset *ds = dataset_new(name, n);
	sx_err e;

	dataset_add_column(ds, "N", NULL, N, &e);
	dataset_add_column(ds, "D", NULL, D, &e);
	dataset_add_column(ds, "C", "FLOP", C, &e);
	if (b != NULL)
		dataset_add_column(ds, "budget", NULL, b, &e);
	return ds;
}

sx_dataset *
design_isoflop(const char *name, double c_lo, double c_hi, size_t nb,
    size_t ns, double r_lo, double r_hi, double k, sx_err *err)
{
	double *cb, *rr, *N, *D, *C, *B;
	sx_dataset *ds;
	size_t n = nb * ns, i = 0;

	if (!design_positive(c_lo) || !design_positive(c_hi) || c_hi < c_lo) {
		err_set(err, "the budgets must be > 0 and LO <= HI");
		return NULL;
	}
	if (nb == 0 || ns == 0 || nb > DESIGN_MAX_RUNS || ns > DESIGN_MAX_RUNS ||
	    n > DESIGN_MAX_RUNS) {
		err_set(err, "a design needs 1 to %d runs, not %zu x %zu",
		    DESIGN_MAX_RUNS, nb, ns);
		return NULL;
	}
	if (nb > 1 && c_lo == c_hi) {
		err_set(err, "%zu budgets need a range LO..HI with LO < HI", nb);
		return NULL;
	}
	if (!design_positive(r_lo) || !design_positive(r_hi) || r_hi < r_lo ||
	    (ns > 1 && r_lo == r_hi) || !design_positive(k)) {
		err_set(err, "the tokens per parameter must be > 0 and LO < HI");
		return NULL;
	}
	cb = xmalloc(nb * sizeof *cb);
	rr = xmalloc(ns * sizeof *rr);
	N = xmalloc(4 * n * sizeof *N);
	D = N + n;
	C = D + n;
	B = C + n;
	design_logspace(c_lo, c_hi, nb, cb);
	/* Largest model first: D/N grows along a budget's row. */
	design_logspace(r_lo, r_hi, ns, rr);
	for (size_t b = 0; b < nb; b++)
		for (size_t s = 0; s < ns; s++, i++) {
			N[i] = sqrt(cb[b] / (k * rr[s]));
			D[i] = cb[b] / (k * N[i]);
			C[i] = cb[b];
			B[i] = (double)(b + 1);
		}
	ds = design_dataset(name, N, D, C, B, n);
	free(cb);
	free(rr);
	free(N);
	return ds;
}

sx_dataset *
design_grid(const char *name, const double *Nv, size_t nN, const double *Dv,
    size_t nD, double k, sx_err *err)
{
	size_t n = nN * nD, i = 0;
	double *N, *D, *C;
	sx_dataset *ds;

	if (nN == 0 || nD == 0 || nN > DESIGN_MAX_RUNS || nD > DESIGN_MAX_RUNS ||
	    n > DESIGN_MAX_RUNS) {
		err_set(err, "a design needs 1 to %d runs", DESIGN_MAX_RUNS);
		return NULL;
	}
	if (!design_positive(k)) {
		err_set(err, "k must be > 0");
		return NULL;
	}
	N = xmalloc(3 * n * sizeof *N);
	D = N + n;
	C = D + n;
	for (size_t a = 0; a < nN; a++)
		for (size_t b = 0; b < nD; b++, i++) {
			N[i] = Nv[a];
			D[i] = Dv[b];
			C[i] = k * Nv[a] * Dv[b];
		}
	ds = design_dataset(name, N, D, C, NULL, n);
	free(N);
	return ds;
}

int
design_parse_values(const char *text, size_t max, double **v, size_t *n,
    sx_err *err)
{
	const char *dots = strstr(text, "..");
	double *out;
	char *end;
	size_t m = 0;

	*v = NULL;
	*n = 0;
	if (dots != NULL) {
		double lo = strtod(text, &end), hi;
		unsigned long cnt;

		if (end != dots)
			return err_set(err, "'%s': expected LO..HI:COUNT", text);
		hi = strtod(dots + 2, &end);
		if (end == dots + 2 || *end != ':')
			return err_set(err, "'%s': expected LO..HI:COUNT, e.g. "
			    "1e8..1e10:5", text);
		cnt = strtoul(end + 1, &end, 10);
		if (*end != '\0' || cnt == 0 || cnt > max)
			return err_set(err, "'%s': COUNT must be 1 to %zu", text, max);
		if (!design_positive(lo) || !design_positive(hi) || hi < lo ||
		    (cnt > 1 && hi == lo))
			return err_set(err, "'%s': need 0 < LO < HI", text);
		out = xmalloc(cnt * sizeof *out);
		design_logspace(lo, hi, cnt, out);
		*v = out;
		*n = cnt;
		return 0;
	}
	out = xmalloc((strlen(text) / 2 + 2) * sizeof *out);
	for (const char *p = text;;) {
		double x = strtod(p, &end);

		if (end == p || !design_positive(x) || (*end != ',' && *end != '\0')) {
			free(out);
			return err_set(err, "'%s': value %zu is not a number > 0",
			    text, m + 1);
		}
		if (m >= max) {
			free(out);
			return err_set(err, "'%s': more than %zu values", text, max);
		}
		out[m++] = x;
		if (*end == '\0')
			break;
		p = end + 1;
	}
	*v = out;
	*n = m;
	return 0;
}

double
design_cost(const double *c, size_t n)
{
	double s = 0.0;

	for (size_t i = 0; i < n; i++)
		s += c[i];
	return s;
}
