/*
 * bench_fit.c: medians of fit_run for the 3-parameter `plc` law at n = 200
 * and n = 20,000 (seeded synthetic data, 1 % multiplicative noise), linear
 * and log residuals, in thread CPU time (robust to other load on the
 * machine; wall time on an idle machine is the same). Then Hoffmann et
 * al.'s approach 3 on the Epoch data (240 rows, Huber delta 1e-3, the
 * 4,500-start grid) and a 4,000-replicate bootstrap of it, when the data
 * are found ($SX_SHARED_DATA/chinchilla_epoch.csv). Build by hand from
 * a configured build directory:
 *   gcc -O2 -std=c11 -D_POSIX_C_SOURCE=200809L -I/work/main -I. \
 *       /work/main/bench/bench_fit.c libsxscaling.a libsxbase.a -lgsl -lgslcblas -lm
 * (or link it as a `make bench` program with $(SCALING_LIBS)).
 */
#include "config.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include <gsl/gsl_randist.h>
#include <gsl/gsl_rng.h>

#include "base/xalloc.h"
#include "scaling/fit.h"
#include "bench/benchutil.h"

/* Median wall time (ms) of `reps` fits of plc to n synthetic points. */
static double
bench_plc(size_t n, enum sx_space space, int reps, int *iters)
{
	const sx_model *m = model_builtin("plc");
	gsl_rng *rng = gsl_rng_alloc(gsl_rng_mt19937);
	double *xs = malloc(n * sizeof *xs), *y = malloc(n * sizeof *y);
	double *t = malloc((size_t)reps * sizeof *t), med;
	const double *x[1] = { xs };
	sx_fit_opts o;
	sx_fit_result r;
	sx_err e;
	size_t i;
	int k;

	gsl_rng_set(rng, 42);
	for (i = 0; i < n; i++) {
		/* N from 1e6 to 1e10, Henighan's 16x16 image law. */
		xs[i] = exp(log(1e6) + log(1e4) * (double)i / (double)(n - 1));
		y[i] = (2.64 + pow(2.8e2 / xs[i], 0.22)) *
		    exp(0.01 * gsl_ran_gaussian(rng, 1.0));
	}
	memset(&o, 0, sizeof o);
	o.space = space;
	for (k = 0; k < reps; k++) {
		double t0 = bench_thread_ms();

		if (fit_run(m, x, y, n, &o, &r, &e) != 0) {
			fprintf(stderr, "bench_fit: %s\n", e.msg);
			exit(1);
		}
		t[k] = bench_thread_ms() - t0;
		*iters = r.iterations;
		fit_result_free(&r);
	}
	qsort(t, (size_t)reps, sizeof *t, bench_cmp_double);
	med = t[reps / 2];
	free(t);
	free(xs);
	free(y);
	gsl_rng_free(rng);
	return med;
}

/* The Epoch rows with loss < 3.44 (D = C / 6N); the count, 0 if absent. */
static size_t
epoch_load(double *n, double *d, double *l, size_t max)
{
	const char *dir = getenv("SX_SHARED_DATA");
	char path[4096], line[1024];
	FILE *fp;
	size_t k = 0;

	snprintf(path, sizeof path, "%s/chinchilla_epoch.csv",
	    dir != NULL ? dir : "../shared/data");
	if ((fp = fopen(path, "r")) == NULL || fgets(line, sizeof line, fp) ==
	    NULL) {
		if (fp != NULL)
			fclose(fp);
		return 0;
	}
	while (fgets(line, sizeof line, fp) != NULL && k < max) {
		char *f[7], *s = line;
		int c = 0;

		f[c++] = s;
		for (; *s != '\0' && c < 7; s++)
			if (*s == ',') {
				*s = '\0';
				f[c++] = s + 1;
			}
		if (c < 7 || strtod(f[6], NULL) >= 3.44)
			continue;
		n[k] = strtod(f[3], NULL);
		d[k] = strtod(f[4], NULL) / (6.0 * n[k]);
		l[k] = strtod(f[6], NULL);
		k++;
	}
	fclose(fp);
	return k;
}

/* Hoffmann's grid (median of 5) and a 4,000-replicate bootstrap (once). */
static void
bench_epoch(void)
{
	static double n[300], d[300], l[300];
	size_t k = epoch_load(n, d, l, 300);
	const double *x[2] = { n, d };
	sx_starts st;
	sx_fit_opts o;
	sx_fit_result r;
	sx_err e;
	double t[5], t0;
	int i;

	if (k == 0) {
		printf("fit chinchilla huber grid: Epoch data not found (set "
		    "SX_SHARED_DATA)\n");
		return;
	}
	memset(&st, 0, sizeof st);
	st.kind = SX_STARTS_GRID;
	memset(&o, 0, sizeof o);
	o.space = SX_SPACE_LOG;
	o.loss = SX_LOSS_HUBER;
	o.delta = 1e-3;
	o.starts = &st;
	for (i = 0; i < 5; i++) {
		t0 = bench_thread_ms();
		if (fit_run(model_builtin("chinchilla"), x, l, k, &o, &r, &e) != 0) {
			fprintf(stderr, "bench_fit: %s\n", e.msg);
			exit(1);
		}
		t[i] = bench_thread_ms() - t0;
		if (i < 4)
			fit_result_free(&r);
	}
	qsort(t, 5, sizeof *t, bench_cmp_double);
	printf("fit chinchilla n=%zu huber:1e-3 grid %zu starts (%zu converged) "
	    "median %.1f ms, objective %.10g\n", k, r.starts_total,
	    r.starts_converged, t[2], r.objective);
	t0 = bench_thread_ms();
	if (fit_bootstrap(model_builtin("chinchilla"), x, l, k, &o, 4000, 1,
	    0.95, &r, NULL, NULL, &e) != 0) {
		fprintf(stderr, "bench_fit: %s\n", e.msg);
		exit(1);
	}
	printf("bootstrap 4000 replicates of it: %.2f s\n",
	    (bench_thread_ms() - t0) / 1e3);
	fit_result_free(&r);
}

int
main(void)
{
	static const size_t ns[] = { 200, 20000 };
	size_t i;
	int s, it = 0;

	/* The allocator as scalex's main() sets it (a median of repeated fits
	 * measures the arithmetic, not the kernel refaulting freed pages). */
	xalloc_keep_freed();
	for (i = 0; i < 2; i++)
		for (s = 0; s < 2; s++) {
			double ms = bench_plc(ns[i], (enum sx_space)s,
			    ns[i] > 1000 ? 51 : 501, &it);

			printf("fit plc n=%-6zu %-6s median %.4f ms (%d iterations)\n",
			    ns[i], s ? "log" : "linear", ms, it);
		}
	bench_epoch();
	return 0;
}
