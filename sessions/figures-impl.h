/* figures-impl.h: the figure handle and the curves it samples, shared by
 * figures.c (plots of datasets and fits), figures-frontier.c and
 * figures-crossover.c. */
#ifndef SX_FIGURES_IMPL_H
#define SX_FIGURES_IMPL_H

#include <stddef.h>

#include "plots/figure.h"
#include "scaling/model.h"
#include "sessions/figures.h"

#define FIG_MAXITEMS 16

/* A one-input law as a curve over its input column (also: a frontier). */
struct law_curve {
	const sx_model *m;
	const double *p;
	int what;            /* frontier curves: 0 L_opt, 1 N_opt, 2 D_opt */
	double k;            /* frontier curves: C = k*N*D */
	double U;            /* frontier curves: unique tokens (NaN: none) */
};

struct figures_fig {
	px_figure *f;
	struct law_curve curves[FIG_MAXITEMS];
	size_t ncurves;
	figures_xlaws x;     /* crossover: the laws its curves evaluate */
};

/* An empty figure (NULL when memory runs out). */
figures_fig *figures_new(void);

/* A px_fn: the compute-optimal L_opt(C), N_opt(C) or D_opt(C) of a law of
 * N, D (ctx a struct law_curve). */
double figures_frontier_eval(double C, void *vctx);

#endif
