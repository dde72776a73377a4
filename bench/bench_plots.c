/*
 * bench_plots.c: median time to build and render a 200x60 figure of three
 * series of 2,000 points each (scatter, line, scatter) to coloured UTF-8
 * text, in braille and ASCII modes, and the same with a dense fitted curve
 * and a band; thread CPU time. Build by hand from a configured build dir:
 *   gcc -O2 -std=c11 -D_POSIX_C_SOURCE=200809L -I/work/main -I. \
 *       /work/main/bench/bench_plots.c libsxplots.a -lm
 * (or link it as a `make bench` program with libsxplots.a -lm).
 */
#include "config.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <time.h>

#include "plots/figure.h"
#include "plots/render.h"
#include "bench/benchutil.h"

#define NPTS 2000
#define REPS 301

static double
law(double c, void *ctx)
{
	(void)ctx;
	return 1.69 + 1070.0 * pow(c, -0.154);
}

/* One figure: built, rendered to text with colours, freed. Returns the
 * text's length so the work cannot be optimised away. */
static size_t
one(const double *x, const double *y1, const double *y2, const double *y3,
    int mode, int dense)
{
	px_figure *f = figure_new();
	px_canvas *c;
	px_err e;
	char *text;
	size_t len = 0;

	figure_set_title(f, "bench");
	figure_set_labels(f, "C (FLOP)", "L (nats)");
	figure_set_log(f, 1, 1);
	figure_scatter(f, "a", x, y1, NPTS, &e);
	figure_line(f, "b", x, y2, NPTS, &e);
	figure_scatter(f, "c", x, y3, NPTS, &e);
	if (dense) {
		figure_function(f, "fit", law, NULL, &e);
		figure_band(f, "band", x, y2, y3, NPTS, &e);
	}
	if ((c = figure_render(f, 200, 60, mode, &e)) == NULL) {
		fprintf(stderr, "bench_plots: %s\n", e.msg);
		exit(1);
	}
	if ((text = render_text(c, 1, &e)) != NULL)
		for (; text[len] != '\0'; len++)
			;
	free(text);
	canvas_free(c);
	figure_free(f);
	return len;
}

static double
median_ms(const double *x, const double *y1, const double *y2,
    const double *y3, int mode, int dense)
{
	double t[REPS], t0;
	size_t sink = 0;
	int k;

	for (k = 0; k < REPS; k++) {
		t0 = bench_thread_ms();
		sink += one(x, y1, y2, y3, mode, dense);
		t[k] = bench_thread_ms() - t0;
	}
	if (sink == 0)
		fprintf(stderr, "bench_plots: nothing rendered\n");
	qsort(t, REPS, sizeof t[0], bench_cmp_double);
	return t[REPS / 2];
}

int
main(void)
{
	static double x[NPTS], y1[NPTS], y2[NPTS], y3[NPTS];
	int i;

	for (i = 0; i < NPTS; i++) {
		/* 1e18..1e26 FLOP, three loss curves with a deterministic wiggle. */
		x[i] = pow(10.0, 18.0 + 8.0 * i / (NPTS - 1));
		y1[i] = law(x[i], NULL) * (1.0 + 0.03 * sin(i * 0.7));
		y2[i] = law(x[i], NULL) * 0.97;
		y3[i] = law(x[i], NULL) * (1.03 + 0.02 * cos(i * 1.3));
	}
	printf("plots: 200x60, 3 series x %d points, braille:        median %.3f ms\n",
	    NPTS, median_ms(x, y1, y2, y3, PX_BRAILLE, 0));
	printf("plots: 200x60, 3 series x %d points, ascii:          median %.3f ms\n",
	    NPTS, median_ms(x, y1, y2, y3, PX_ASCII, 0));
	printf("plots: 200x60, + dense fit + 2000-point band, braille: median %.3f ms\n",
	    median_ms(x, y1, y2, y3, PX_BRAILLE, 1));
	return 0;
}
