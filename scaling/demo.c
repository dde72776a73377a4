/* demo.c: built-in demo datasets generated from presets with seeded noise. */
#include "config.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include <gsl/gsl_randist.h>
#include <gsl/gsl_rng.h>

#include "base/err.h"
#include "base/xalloc.h"
#include "scaling/dataset.h"
#include "scaling/demo.h"
#include "scaling/henighan.h"
#include "scaling/model.h"
#include "scaling/presets.h"
#include "scaling/units.h"

/*
 * Every demo is a design (which N, D, C, S the runs use) evaluated through
 * a preset's law by the built-in model, times log-normal noise:
 * L = law * exp(sigma * z), z ~ N(0, 1) from gsl_ran_gaussian on an mt19937
 * generator seeded with the caller's seed, one draw per row in row order.
 * The rows depend on nothing but the demo's name and the seed. mt19937 takes
 * 32-bit seeds, so larger seeds are refused rather than silently folded;
 * GSL maps seed 0 to its default seed 4357.
 */
enum demo_kind {
	DEMO_ISOFLOP, DEMO_CURVES, DEMO_FRONTIER, DEMO_REPEAT,
	DEMO_INFOGAIN, DEMO_IMAGENET   /* scaling/henighan.h's laws */
};

typedef struct demo_spec {
	sx_demo_info info;
	enum demo_kind kind;
	const char *preset;
	const char *law;
	double sigma;      /* sd of log L noise */
	double c_lo, c_hi; /* DEMO_FRONTIER: compute range, PF-days;
	                      DEMO_INFOGAIN, DEMO_IMAGENET: sizes */
} demo_spec;

/* Chinchilla: Hoffmann et al. 2022's nine IsoFLOP budgets (Figure 3), FLOP. */
static const double isoflop_budgets[] = {
	6e18, 1e19, 3e19, 6e19, 1e20, 3e20, 6e20, 1e21, 3e21
};
#define ISOFLOP_SIZES 9    /* per budget, N_opt * 4^(-1 .. 1) */
#define CURVE_SIZES 6      /* kaplan: N = 1e6 .. 1e9 */
#define CURVE_STEPS 20     /* kaplan: S = 1e2 .. 1e5 */
#define FRONTIER_POINTS 20 /* henighan: log-spaced C */
/* muennighoff2023: unique tokens U = 1e8, 1e9, 1e10; epochs 1, 2, 4, ...,
 * 64; sizes U_N(U) * 4^(-1 .. 2), U_N Chinchilla's compute-optimal N for
 * U tokens, so half the runs have excess parameters. */
#define REPEAT_UNIQUE 3
#define REPEAT_EPOCHS 7
#define REPEAT_SIZES 4
/* henighan-infogain and henighan-imagenet: log-spaced model sizes. */
#define HEN_SIZES 12

#define NELEM(a) (sizeof(a) / sizeof((a)[0]))

/*
 * Henighan compute ranges are chosen here, not published: four to five
 * decades of PF-days in which each domain's L(C) is well above its floor
 * at the low end; language, with the largest models, sits higher.
 */
#define HEN(dom, lo, hi) \
	{ { "henighan-" dom, "compute frontier: 20 runs, C = " #lo ".." #hi \
	    " PF-days (stored in FLOP), henighan2020-" dom " L(C), " \
	    "1% log-normal noise" }, \
	    DEMO_FRONTIER, "henighan2020-" dom, "L(C)", 0.01, lo, hi }

static const demo_spec demos[] = {
	{ { "chinchilla", "IsoFLOP runs: 9 budgets 6e18..3e21 FLOP x 9 sizes "
	    "(N_opt/4..4 N_opt), hoffmann2022 L(N,D), "
	    "1% log-normal noise" },
	    DEMO_ISOFLOP, "hoffmann2022", "L(N,D)", 0.01, 0.0, 0.0 },
	{ { "kaplan", "learning curves: 6 sizes N = 1e6..1e9 x 20 steps "
	    "S = 1e2..1e5, kaplan2020 L(N,S) (Table 3 refit), "
	    "0.5% log-normal noise" },
	    DEMO_CURVES, "kaplan2020", "L(N,S)", 0.005, 0.0, 0.0 },
	{ { "muennighoff2023", "repeated epochs: U = 1e8, 1e9, 1e10 unique "
	    "tokens x 1..64 epochs x 4 sizes U_N/4..16 U_N (U_N: "
	    "Chinchilla's compute-optimal N for U), muennighoff2023 "
	    "L(N,D,U), 1% log-normal noise" },
	    DEMO_REPEAT, "muennighoff2023", "L(N,D,U)", 0.01, 0.0, 0.0 },
	HEN("language", 1e-5, 1e2),
	HEN("image8", 1e-6, 1e1),
	HEN("image16", 1e-6, 1e1),
	HEN("image32", 1e-6, 1e1),
	HEN("imagevq16", 1e-6, 1e1),
	HEN("imagevq32", 1e-6, 1e1),
	HEN("text2image", 1e-6, 1e1),
	HEN("image2text", 1e-6, 1e1),
	HEN("video", 1e-6, 1e1),
	HEN("math", 1e-6, 1e1),
	{ { "henighan-infogain", "text-to-image models: 12 sizes N = 1e6..1e10, "
	    "InfoGain from henighan2020-infogain (the power law through "
	    "section 4's quoted points), 2% log-normal noise" },
	    DEMO_INFOGAIN, "henighan2020-infogain", NULL, 0.02, 1e6, 1e10 },
	{ { "henighan-imagenet", "ImageNet classifiers: 12 sizes N = 1e5..1e10, "
	    "loss fine-tuned (Lft) and from scratch (Lscratch) from "
	    "henighan2020-imagenet (ILLUSTRATIVE shapes) beside the 32x32 "
	    "generative loss (Lgen, Table 1), 1% log-normal noise" },
	    DEMO_IMAGENET, "henighan2020-imagenet", NULL, 0.01, 1e5, 1e10 },
};

/* The number of demos; demo_at(0 .. count-1) lists them in a fixed order. */
size_t
demo_count(void)
{
	return NELEM(demos);
}

/* Name and one-line description of demo i, or NULL when out of range. */
const sx_demo_info *
demo_at(size_t i)
{
	if (i >= NELEM(demos))
		return NULL;
	return &demos[i].info;
}

/* n log-spaced values from lo to hi inclusive (n >= 2). */
static void
demo_logspace(double *v, size_t n, double lo, double hi)
{
	size_t i;
	double a = log10(lo), b = log10(hi);

	for (i = 0; i < n; i++)
		v[i] = pow(10.0, a + (b - a) * (double)i / (double)(n - 1));
	v[0] = lo;
	v[n - 1] = hi;
}

/* Value of parameter `name` of a preset law; -1 when the law has none. */
static int
demo_law_param(const sx_preset_law *law, const char *name, double *v)
{
	size_t k;

	for (k = 0; k < law->np; k++)
		if (strcmp(law->pnames[k], name) == 0) {
			*v = law->pvals[k];
			return 0;
		}
	return -1;
}

/*
 * Evaluate a preset law at n rows through its built-in model. The model's
 * inputs are matched by name to `cols` (names[k] holding vals[k]); a
 * one-input model reading "x" takes the law's own x column. Parameters are
 * placed by name, so a model that orders them differently still works.
 */
static int
demo_eval(const sx_preset_law *law, const char *const *names,
    const double *const *vals, size_t ncols, size_t n, double *f, sx_err *err)
{
	const sx_model *m = model_builtin(law->model);
	const double **x = NULL;
	double *p = NULL;
	size_t i, k;
	int rc = -1;

	if (m == NULL)
		return err_set(err, "demo: built-in model '%s' is missing",
		    law->model);
	if (m->np != law->np)
		return err_set(err, "demo: model '%s' has %zu parameters, "
		    "the preset law %zu", law->model, m->np, law->np);
	x = xcalloc(m->nin > 0 ? m->nin : 1, sizeof *x);
	p = xcalloc(m->np, sizeof *p);
	for (i = 0; i < m->nin; i++) {
		const char *want = m->inputs[i];

		if (strcmp(want, "x") == 0 && law->x != NULL)
			want = law->x;
		for (k = 0; k < ncols; k++)
			if (strcmp(names[k], want) == 0)
				x[i] = vals[k];
		if (x[i] == NULL) {
			err_set(err, "demo: no column for input '%s' of model "
			    "'%s'", want, law->model);
			goto out;
		}
	}
	for (k = 0; k < law->np; k++) {
		int j = model_param_index(m, law->pnames[k]);

		if (j < 0) {
			err_set(err, "demo: model '%s' has no parameter '%s'",
			    law->model, law->pnames[k]);
			goto out;
		}
		p[j] = law->pvals[k];
	}
	if (m->eval(m, (const double *const *)x, n, p, 0, f, NULL) != 0) {
		err_set(err, "demo: law '%s' is not finite on the design",
		    law->key);
		goto out;
	}
	for (i = 0; i < n; i++)
		if (!isfinite(f[i]) || f[i] <= 0.0) {
			err_set(err, "demo: law '%s' gives %g at row %zu",
			    law->key, f[i], i + 1);
			goto out;
		}
	rc = 0;
out:
	free(x);
	free(p);
	return rc;
}

/*
 * IsoFLOP design: for each budget C, sizes N_opt(C) * 4^t, t = -1 .. 1 in
 * ISOFLOP_SIZES steps, where N_opt = G (C/6)^a is the closed-form optimum of
 * E + A/N^alpha + B/D^beta under C = 6ND (Hoffmann et al. 2022, App. D.2),
 * G = (alpha A / (beta B))^(1/(alpha+beta)), a = beta/(alpha+beta).
 */
static int
demo_isoflop(const sx_preset_law *law, double *N, double *D, double *C,
    sx_err *err)
{
	double A, alpha, B, beta, G, a;
	size_t b, j, r = 0;

	if (demo_law_param(law, "A", &A) != 0 ||
	    demo_law_param(law, "alpha", &alpha) != 0 ||
	    demo_law_param(law, "B", &B) != 0 ||
	    demo_law_param(law, "beta", &beta) != 0)
		return err_set(err, "demo: law '%s' is not a Chinchilla law",
		    law->key);
	G = pow(alpha * A / (beta * B), 1.0 / (alpha + beta));
	a = beta / (alpha + beta);
	for (b = 0; b < NELEM(isoflop_budgets); b++) {
		double c = isoflop_budgets[b];
		double nopt = G * pow(c / 6.0, a);

		for (j = 0; j < ISOFLOP_SIZES; j++, r++) {
			double t = -1.0 + 2.0 * (double)j /
			    (double)(ISOFLOP_SIZES - 1);

			N[r] = nopt * pow(4.0, t);
			C[r] = c;
			D[r] = c / (6.0 * N[r]);
		}
	}
	return 0;
}

/*
 * Repeated-epochs design (Muennighoff et al. 2023's data-constrained runs):
 * for each U, every size at every epoch count, D = U * epochs, C = 6ND.
 * U_N = G (G U)^(beta/alpha), G as in demo_isoflop: the size that is
 * compute-optimal for U tokens, beyond which parameters are "excess".
 */
static int
demo_repeat(const sx_preset_law *law, double *N, double *D, double *U,
    double *C, double *ep, sx_err *err)
{
	double A, alpha, B, beta, G;
	size_t u, e, k, r = 0;

	if (demo_law_param(law, "A", &A) != 0 ||
	    demo_law_param(law, "alpha", &alpha) != 0 ||
	    demo_law_param(law, "B", &B) != 0 ||
	    demo_law_param(law, "beta", &beta) != 0)
		return err_set(err, "demo: law '%s' is not a data-constrained law",
		    law->key);
	G = pow(alpha * A / (beta * B), 1.0 / (alpha + beta));
	for (u = 0; u < REPEAT_UNIQUE; u++) {
		double uu = pow(10.0, 8.0 + (double)u);
		double un = G * pow(G * uu, beta / alpha);

		for (k = 0; k < REPEAT_SIZES; k++)
			for (e = 0; e < REPEAT_EPOCHS; e++, r++) {
				N[r] = un * pow(4.0, (double)k - 1.0);
				ep[r] = pow(2.0, (double)e);
				U[r] = uu;
				D[r] = uu * ep[r];
				C[r] = 6.0 * N[r] * D[r];
			}
	}
	return 0;
}

/* Learning-curve design: every size at every step, sizes in the outer loop. */
static void
demo_curves(double *N, double *S)
{
	double sizes[CURVE_SIZES], steps[CURVE_STEPS];
	size_t i, j, r = 0;

	demo_logspace(sizes, CURVE_SIZES, 1e6, 1e9);
	demo_logspace(steps, CURVE_STEPS, 1e2, 1e5);
	for (i = 0; i < CURVE_SIZES; i++)
		for (j = 0; j < CURVE_STEPS; j++, r++) {
			N[r] = sizes[i];
			S[r] = steps[j];
		}
}

/* Multiply f[0..n-1] by exp(sigma z), one gaussian z per row in order. */
static int
demo_noise(double *f, size_t n, double sigma, unsigned long seed, sx_err *err)
{
	gsl_rng *rng = gsl_rng_alloc(gsl_rng_mt19937);
	size_t i;

	if (rng == NULL)
		return err_set(err, "demo: cannot allocate a random generator");
	gsl_rng_set(rng, seed);
	for (i = 0; i < n; i++)
		f[i] *= exp(sigma * gsl_ran_gaussian(rng, 1.0));
	gsl_rng_free(rng);
	return 0;
}

/* Add the columns names[k] (units[k], values vals[k]) to a new dataset. */
static sx_dataset *
demo_dataset(const char *dsname, size_t nrows, size_t ncols,
    const char *const *names, const char *const *units,
    const double *const *vals, sx_err *err)
{
	sx_dataset *ds = dataset_new(dsname, nrows);
	size_t k;

	for (k = 0; k < ncols; k++)
		if (dataset_add_column(ds, names[k], units[k], vals[k],
		    err) != 0) {
			dataset_free(ds);
			return NULL;
		}
	return ds;
}

/*
 * Sizes N log-spaced over [c_lo, c_hi], then InfoGain(N), or the ImageNet
 * losses Lgen, Lft, Lscratch, each times its noise (columns in that
 * order, rows in order within a column).
 */
static sx_dataset *
demo_henighan(const demo_spec *spec, const char *dsname, unsigned long seed,
    sx_err *err)
{
	static const char *const nm[] = { "N", "infogain", "Lgen", "Lft",
	    "Lscratch" };
	static const char *const un[] = { "params", "share", "nats/token",
	    "nats", "nats" };
	const size_t n = HEN_SIZES;
	double buf[4 * HEN_SIZES], *N = buf, *y = buf + n;
	const double *cols[4] = { N, y, y + n, y + 2 * n };
	sx_infogain ig;
	sx_imagenet in;
	size_t ny;

	demo_logspace(N, n, spec->c_lo, spec->c_hi);
	if (spec->kind == DEMO_INFOGAIN) {
		if (infogain_law(&ig, err) != 0)
			return NULL;
		for (size_t i = 0; i < n; i++)
			y[i] = infogain_at(&ig, N[i]);
		ny = 1;
	} else {
		if (imagenet_law(&in, err) != 0)
			return NULL;
		for (size_t i = 0; i < n; i++) {
			y[i] = imagenet_gen(&in, N[i]);
			y[n + i] = imagenet_ft(&in, N[i]);
			y[2 * n + i] = imagenet_scratch(&in, N[i]);
		}
		ny = 3;
	}
	if (demo_noise(y, ny * n, spec->sigma, seed, err) != 0)
		return NULL;
	if (spec->kind == DEMO_INFOGAIN)
		return demo_dataset(dsname, n, 2, nm, un, cols, err);
	return demo_dataset(dsname, n, 4, (const char *const[]){ nm[0], nm[2],
	    nm[3], nm[4] }, (const char *const[]){ un[0], un[2], un[3], un[4] },
	    cols, err);
}

/* Find the spec, its preset and law; NULL with err set when one is missing. */
static const demo_spec *
demo_lookup(const char *name, const sx_preset_law **law, sx_err *err)
{
	const sx_preset *pr;
	size_t i;

	for (i = 0; i < NELEM(demos); i++)
		if (strcmp(demos[i].info.name, name) == 0)
			break;
	if (i == NELEM(demos)) {
		err_set(err, "unknown demo '%s' (%zu demos, e.g. '%s', '%s')",
		    name, NELEM(demos), demos[0].info.name, demos[1].info.name);
		return NULL;
	}
	pr = preset_find(demos[i].preset);
	/* The henighan demos' laws are scaling/henighan.h's, not one law. */
	if (demos[i].law == NULL && pr != NULL)
		return &demos[i];
	*law = pr != NULL ? preset_law(pr, demos[i].law) : NULL;
	if (*law == NULL) {
		err_set(err, "demo '%s': preset law %s %s is missing", name,
		    demos[i].preset, demos[i].law);
		return NULL;
	}
	return &demos[i];
}

/*
 * Generate demo `name` as dataset `dsname` (the demo's name when NULL).
 * Fails (NULL, err set) for a NULL or unknown name, a seed above 2^32 - 1,
 * or a built-in model that is missing or not finite on the design.
 */
sx_dataset *
demo_generate(const char *name, const char *dsname, unsigned long seed,
    sx_err *err)
{
	const demo_spec *spec;
	const sx_preset_law *law = NULL;
	sx_dataset *ds = NULL;
	double *buf = NULL, *c1, *c2, *c3, *L;
	size_t n, i;

	if (name == NULL) {
		err_set(err, "demo: no name given");
		return NULL;
	}
	if (seed > 0xffffffffUL) {
		err_set(err, "demo: seed %lu is above 4294967295 (mt19937 "
		    "takes 32-bit seeds)", seed);
		return NULL;
	}
	if ((spec = demo_lookup(name, &law, err)) == NULL)
		return NULL;
	if (dsname == NULL)
		dsname = spec->info.name;

	switch (spec->kind) {
	case DEMO_ISOFLOP: {
		static const char *const nm[] = { "N", "D", "C", "L" };
		static const char *const un[] = { "params", "tokens", "FLOP",
		    "nats/token" };

		n = NELEM(isoflop_budgets) * ISOFLOP_SIZES;
		buf = xcalloc(4 * n, sizeof *buf);
		c1 = buf, c2 = buf + n, c3 = buf + 2 * n, L = buf + 3 * n;
		if (demo_isoflop(law, c1, c2, c3, err) != 0 ||
		    demo_eval(law, nm, (const double *const[]){ c1, c2 }, 2,
		    n, L, err) != 0 ||
		    demo_noise(L, n, spec->sigma, seed, err) != 0)
			break;
		ds = demo_dataset(dsname, n, 4, nm, un,
		    (const double *const[]){ c1, c2, c3, L }, err);
		break;
	}
	case DEMO_CURVES: {
		static const char *const nm[] = { "N", "S", "L" };
		static const char *const un[] = { "params", "steps",
		    "nats/token" };

		n = CURVE_SIZES * CURVE_STEPS;
		buf = xcalloc(3 * n, sizeof *buf);
		c1 = buf, c2 = buf + n, L = buf + 2 * n;
		demo_curves(c1, c2);
		if (demo_eval(law, nm, (const double *const[]){ c1, c2 }, 2,
		    n, L, err) != 0 ||
		    demo_noise(L, n, spec->sigma, seed, err) != 0)
			break;
		ds = demo_dataset(dsname, n, 3, nm, un,
		    (const double *const[]){ c1, c2, L }, err);
		break;
	}
	case DEMO_REPEAT: {
		static const char *const nm[] = { "N", "D", "U", "C", "epochs",
		    "L" };
		static const char *const un[] = { "params", "tokens", "tokens",
		    "FLOP", "epochs", "nats/token" };
		double *c4, *c5;

		n = REPEAT_UNIQUE * REPEAT_EPOCHS * REPEAT_SIZES;
		buf = xcalloc(6 * n, sizeof *buf);
		c1 = buf, c2 = buf + n, c3 = buf + 2 * n, c4 = buf + 3 * n;
		c5 = buf + 4 * n, L = buf + 5 * n;
		if (demo_repeat(law, c1, c2, c3, c4, c5, err) != 0 ||
		    demo_eval(law, nm, (const double *const[]){ c1, c2, c3 }, 3,
		    n, L, err) != 0 ||
		    demo_noise(L, n, spec->sigma, seed, err) != 0)
			break;
		ds = demo_dataset(dsname, n, 6, nm, un,
		    (const double *const[]){ c1, c2, c3, c4, c5, L }, err);
		break;
	}
	case DEMO_FRONTIER: {
		/* The law reads PF-days; the dataset stores canonical FLOP. */
		static const char *const nm[] = { "C", "L" };
		static const char *const un[] = { "FLOP", "nats/token" };

		n = FRONTIER_POINTS;
		buf = xcalloc(3 * n, sizeof *buf);
		c1 = buf, c2 = buf + n, L = buf + 2 * n;
		demo_logspace(c1, n, spec->c_lo, spec->c_hi);
		if (demo_eval(law, nm, (const double *const[]){ c1 }, 1, n, L,
		    err) != 0 ||
		    demo_noise(L, n, spec->sigma, seed, err) != 0)
			break;
		for (i = 0; i < n; i++)
			c2[i] = units_pfdays_to_flop(c1[i]);
		ds = demo_dataset(dsname, n, 2, nm, un,
		    (const double *const[]){ c2, L }, err);
		break;
	}
	case DEMO_INFOGAIN:
	case DEMO_IMAGENET:
		ds = demo_henighan(spec, dsname, seed, err);
		break;
	}
	free(buf);
	return ds;
}
