/* wlearn.c: least-squares regression of task weights from rewards. */
#include "config.h"

#include <math.h>
#include <string.h>

#include <gsl/gsl_linalg.h>
#include <gsl/gsl_randist.h>

#include "rl/wlearn.h"

void
wl_init(wl_stats *st, int d)
{
	memset(st, 0, sizeof *st);
	st->d = d < 1 ? 1 : d > GRID_MAX_PHI ? GRID_MAX_PHI : d;
}

void
wl_add(wl_stats *st, const double *x, double y)
{
	int i, j, d = st->d;

	for (i = 0; i < d; i++) {
		for (j = 0; j < d; j++)
			st->xtx[i * d + j] += x[i] * x[j];
		st->xty[i] += x[i] * y;
	}
	st->yy += y * y;
	st->m++;
}

int
wl_solve(const wl_stats *st, double *w, int *rank, sx_err *err)
{
	int d = st->d, i, j, r = 0;
	gsl_matrix *A, *V;
	gsl_vector *S, *work;
	double smax;

	if (st->m == 0)
		return err_set(err, "no observations to regress w on");
	A = gsl_matrix_alloc((size_t)d, (size_t)d);
	V = gsl_matrix_alloc((size_t)d, (size_t)d);
	S = gsl_vector_alloc((size_t)d);
	work = gsl_vector_alloc((size_t)d);
	for (i = 0; i < d; i++)
		for (j = 0; j < d; j++)
			gsl_matrix_set(A, (size_t)i, (size_t)j, st->xtx[i * d + j]);
	gsl_linalg_SV_decomp(A, V, S, work);
	smax = gsl_vector_get(S, 0);
	/* w = V S^+ U' X'y, U = A after decomposition (A symmetric PSD). */
	for (i = 0; i < d; i++)
		w[i] = 0;
	for (j = 0; j < d; j++) {
		double sj = gsl_vector_get(S, (size_t)j), c = 0;

		if (!(sj > 1e-10 * smax) || sj == 0)
			continue;
		r++;
		for (i = 0; i < d; i++)
			c += gsl_matrix_get(A, (size_t)i, (size_t)j) * st->xty[i];
		c /= sj;
		for (i = 0; i < d; i++)
			w[i] += gsl_matrix_get(V, (size_t)i, (size_t)j) * c;
	}
	gsl_matrix_free(A);
	gsl_matrix_free(V);
	gsl_vector_free(S);
	gsl_vector_free(work);
	if (rank != NULL)
		*rank = r;
	return 0;
}

int
wl_row(const sx_grid *g, const double *phi, double r, double *x, double *y)
{
	int k;

	*y = r;
	for (k = 0; k < g->nw; k++)
		x[k] = phi[k];
	for (k = g->nw; k < g->nphi; k++)
		*y -= phi[k];
	return g->nw;
}

int
wl_learn(const sx_grid *g, const double *wtrue, size_t samples, double noise,
    unsigned long seed, wl_result *out, sx_err *err)
{
	double wfull[GRID_MAX_PHI], phi[GRID_MAX_PHI], x[GRID_MAX_PHI], y;
	double sse = 0;
	wl_stats st;
	grid_run run;
	gsl_rng *rng;
	size_t i;
	int k;

	if (grid_task(g, wtrue, (size_t)g->nw, wfull, err) != 0)
		return -1;
	if (samples == 0 || samples > 100000000)
		return err_set(err, "samples must be in 1..100000000");
	if (!(noise >= 0) || !isfinite(noise))
		return err_set(err, "noise must be a finite sd >= 0");
	memset(out, 0, sizeof *out);
	out->nw = g->nw;
	wl_init(&st, g->nw);
	rng = grid_rng(seed);
	grid_reset(g, &run, GRID_TERMINAL, rng);
	for (i = 0; i < samples; i++) {
		int a = (int)gsl_rng_uniform_int(rng, GRID_NACT), term;
		double r = 0;

		if (grid_step(g, &run, a, rng, phi, &term))
			grid_reset(g, &run, GRID_TERMINAL, rng);
		for (k = 0; k < g->nphi; k++)
			r += wfull[k] * phi[k];
		if (noise > 0)
			r += gsl_ran_gaussian(rng, noise);
		wl_row(g, phi, r, x, &y);
		for (k = 0; k < g->nw; k++)
			if (x[k] != 0)
				out->seen[k]++;
		wl_add(&st, x, y);
	}
	gsl_rng_free(rng);
	out->samples = samples;
	if (wl_solve(&st, out->w, &out->rank, err) != 0)
		return -1;
	/* residual sum of squares from the statistics: y'y - 2 w'X'y + w'X'Xw */
	sse = st.yy;
	for (k = 0; k < g->nw; k++) {
		int j;

		sse -= 2 * out->w[k] * st.xty[k];
		for (j = 0; j < g->nw; j++)
			sse += out->w[k] * st.xtx[k * st.d + j] * out->w[j];
	}
	out->rmse = sqrt(fmax(sse, 0) / (double)samples);
	return 0;
}
