/* test_demo.c: the built-in demo datasets: design, determinism, noise. */
#include "config.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "scaling/dataset.h"
#include "scaling/demo.h"
#include "scaling/presets.h"
#include "tests/unit/unit.h"

/*
 * The laws below are typed from the papers (published-constants.md), so a
 * demo whose residuals against them are pure noise was generated from the
 * published law, whatever the preset and model code do.
 */

static const char *const expect_names[] = {
	"chinchilla", "kaplan", "muennighoff2023", "henighan-language",
	"henighan-image8",
	"henighan-image16", "henighan-image32", "henighan-imagevq16",
	"henighan-imagevq32", "henighan-text2image", "henighan-image2text",
	"henighan-video", "henighan-math", "henighan-infogain",
	"henighan-imagenet",
};
#define NDEMO (sizeof expect_names / sizeof expect_names[0])

/* Henighan et al. 2020, Table 1, L(C) = Linf + (C/c0)^-alpha, PF-days. */
static const struct {
	const char *name;
	double linf, c0, alpha;
} hen_lc[] = {
	{ "henighan-language", 0.0, 3.47e8, 0.048 },
	{ "henighan-image8", 3.13, 1.8e-8, 0.19 },
	{ "henighan-image16", 2.64, 1.6e-8, 0.16 },
	{ "henighan-image32", 2.21, 3.6e-9, 0.1 },
	{ "henighan-imagevq16", 4.09, 6.1e-7, 0.11 },
	{ "henighan-imagevq32", 3.17, 2.6e-6, 0.12 },
	{ "henighan-text2image", 1.93, 1.5e-6, 0.15 },
	{ "henighan-image2text", 1.97, 1.5e-6, 0.16 },
	{ "henighan-video", 0.95, 2.2e-5, 0.14 },
	{ "henighan-math", 0.14, 1.4e-5, 0.17 },
};

/* Hoffmann et al. 2022, App. D.2 (rounded) */
static double
chin_law(double N, double D)
{
	return 1.69 + 406.4 / pow(N, 0.34) + 410.7 / pow(D, 0.28);
}

/* Kaplan et al. 2020, eq. 1.6 with the Table 3 refit */
static double
kaplan_ns_law(double N, double S)
{
	return pow(6.5e13 / N, 0.077) + pow(2.1e3 / S, 0.76);
}

static sx_dataset *
gen(const char *name, unsigned long seed)
{
	sx_err err;
	sx_dataset *ds;

	err_clear(&err);
	ds = demo_generate(name, NULL, seed, &err);
	ck_assert_msg(ds != NULL, "demo %s: %s", name, err.msg);
	return ds;
}

static const double *
col(const sx_dataset *ds, const char *name, const char *unit)
{
	int i = dataset_column_exact(ds, name);

	ck_assert_msg(i >= 0, "%s: no column %s", ds->name, name);
	ck_assert_ptr_nonnull(ds->cols[i].v);
	ck_assert_str_eq(ds->cols[i].unit, unit);
	return ds->cols[i].v;
}

static int
cmp_double(const void *a, const void *b)
{
	double x = *(const double *)a, y = *(const double *)b;

	return (x > y) - (x < y);
}

/*
 * r[i] = log(L_i / law_i) should be N(0, sigma^2): its mean and median near
 * 0 (4 standard errors) and its standard deviation within `tol` of sigma.
 */
static void
check_noise(const char *what, double *r, size_t n, double sigma, double tol)
{
	double mean = 0.0, var = 0.0, med, se = sigma / sqrt((double)n);
	size_t i;

	for (i = 0; i < n; i++)
		mean += r[i] / (double)n;
	for (i = 0; i < n; i++)
		var += (r[i] - mean) * (r[i] - mean) / (double)(n - 1);
	qsort(r, n, sizeof *r, cmp_double);
	med = n % 2 ? r[n / 2] : 0.5 * (r[n / 2 - 1] + r[n / 2]);
	ck_assert_msg(fabs(mean) < 4.0 * se, "%s: mean log-ratio %g", what, mean);
	ck_assert_msg(fabs(med) < 4.0 * 1.2533 * se, "%s: median log-ratio %g",
	    what, med);
	ck_assert_msg(fabs(sqrt(var) / sigma - 1.0) < tol,
	    "%s: log-ratio sd %g, noise %g", what, sqrt(var), sigma);
}

START_TEST(test_list)
{
	size_t i, j;

	ck_assert_uint_eq(demo_count(), NDEMO);
	for (i = 0; i < NDEMO; i++) {
		const sx_demo_info *d = demo_at(i);

		ck_assert_ptr_nonnull(d);
		ck_assert_str_eq(d->name, expect_names[i]);
		ck_assert_msg(d->about != NULL && strlen(d->about) > 20,
		    "%s: no about line", d->name);
		ck_assert_ptr_null(strchr(d->about, '\n'));
		for (j = 0; j < i; j++)
			ck_assert_str_ne(demo_at(j)->name, d->name);
		if (strncmp(d->name, "henighan-", 9) == 0) {
			char pname[64];

			snprintf(pname, sizeof pname, "henighan2020-%s",
			    d->name + 9);
			ck_assert_msg(preset_find(pname) != NULL,
			    "%s: no preset %s", d->name, pname);
			ck_assert_ptr_nonnull(strstr(d->about, pname));
		}
	}
	ck_assert_ptr_null(demo_at(NDEMO));
}
END_TEST

/* Every demo: its columns and units, finite positive values, its name. */
START_TEST(test_shapes)
{
	size_t i, k, r;

	for (i = 0; i < NDEMO; i++) {
		sx_dataset *ds = gen(expect_names[i], 1);

		ck_assert_str_eq(ds->name, expect_names[i]);
		if (strcmp(expect_names[i], "chinchilla") == 0) {
			ck_assert_uint_eq(ds->ncols, 4);
			col(ds, "N", "params");
			col(ds, "D", "tokens");
			col(ds, "C", "FLOP");
			col(ds, "L", "nats/token");
		} else if (strcmp(expect_names[i], "muennighoff2023") == 0) {
			/* its law and noise: test_datacon.c */
			ck_assert_uint_eq(ds->ncols, 6);
			col(ds, "N", "params");
			col(ds, "D", "tokens");
			col(ds, "U", "tokens");
			col(ds, "C", "FLOP");
			col(ds, "epochs", "epochs");
			col(ds, "L", "nats/token");
		} else if (strcmp(expect_names[i], "kaplan") == 0) {
			ck_assert_uint_eq(ds->ncols, 3);
			col(ds, "N", "params");
			col(ds, "S", "steps");
			col(ds, "L", "nats/token");
		} else if (strcmp(expect_names[i], "henighan-infogain") == 0) {
			ck_assert_uint_eq(ds->ncols, 2);
			col(ds, "N", "params");
			col(ds, "infogain", "share");
		} else if (strcmp(expect_names[i], "henighan-imagenet") == 0) {
			ck_assert_uint_eq(ds->ncols, 4);
			col(ds, "N", "params");
			col(ds, "Lgen", "nats/token");
			col(ds, "Lft", "nats");
			col(ds, "Lscratch", "nats");
		} else {
			ck_assert_uint_eq(ds->ncols, 2);
			col(ds, "C", "FLOP");
			col(ds, "L", "nats/token");
		}
		/* The henighan size sweeps have 12 runs, the others 20 or more. */
		ck_assert_uint_ge(ds->nrows, 12);
		for (k = 0; k < ds->ncols; k++)
			for (r = 0; r < ds->nrows; r++)
				ck_assert_msg(isfinite(ds->cols[k].v[r]) &&
				    ds->cols[k].v[r] > 0.0, "%s %s row %zu: %g",
				    ds->name, ds->cols[k].name, r,
				    ds->cols[k].v[r]);
		dataset_free(ds);
	}
	{
		sx_err err;
		sx_dataset *ds;

		err_clear(&err);
		ds = demo_generate("kaplan", "runs", 3, &err);
		ck_assert_ptr_nonnull(ds);
		ck_assert_str_eq(ds->name, "runs");
		ck_assert_ptr_null(ds->source);
		dataset_free(ds);
	}
}
END_TEST

/* Same seed: identical bytes, even with other demos generated in between;
 * another seed: the same design, other noise. */
static int
demo_design_column(const char *name)
{
	static const char *const design[] = { "N", "D", "C", "S", "U",
	    "epochs" };

	for (size_t i = 0; i < sizeof design / sizeof design[0]; i++)
		if (strcmp(name, design[i]) == 0)
			return 1;
	return 0;
}

START_TEST(test_deterministic)
{
	size_t i, k;

	for (i = 0; i < NDEMO; i++) {
		sx_dataset *a = gen(expect_names[i], 7);
		sx_dataset *other = gen(expect_names[(i + 1) % NDEMO], 99);
		sx_dataset *b = gen(expect_names[i], 7);
		sx_dataset *c = gen(expect_names[i], 8);
		ck_assert_uint_eq(a->nrows, b->nrows);
		ck_assert_uint_eq(a->ncols, b->ncols);
		for (k = 0; k < a->ncols; k++) {
			size_t r, ndiff = 0;

			ck_assert_str_eq(a->cols[k].name, b->cols[k].name);
			ck_assert_int_eq(memcmp(a->cols[k].v, b->cols[k].v,
			    a->nrows * sizeof(double)), 0);
			/* The design is the same for every seed; every
			 * measured value (the noisy columns) differs. */
			if (demo_design_column(a->cols[k].name)) {
				ck_assert_int_eq(memcmp(a->cols[k].v,
				    c->cols[k].v, a->nrows * sizeof(double)), 0);
				continue;
			}
			for (r = 0; r < a->nrows; r++)
				ndiff += a->cols[k].v[r] != c->cols[k].v[r];
			ck_assert_uint_eq(ndiff, a->nrows);
		}
		dataset_free(a);
		dataset_free(b);
		dataset_free(c);
		dataset_free(other);
	}
}
END_TEST

START_TEST(test_chinchilla)
{
	static const double budgets[] = {
		6e18, 1e19, 3e19, 6e19, 1e20, 3e20, 6e20, 1e21, 3e21
	};
	/* App. D.2 closed-form optimum for the rounded constants */
	double G = pow(0.34 * 406.4 / (0.28 * 410.7), 1.0 / 0.62);
	double a = 0.28 / 0.62;
	unsigned long seed;

	for (seed = 1; seed <= 4; seed++) {
		sx_dataset *ds = gen("chinchilla", seed);
		const double *N = col(ds, "N", "params");
		const double *D = col(ds, "D", "tokens");
		const double *C = col(ds, "C", "FLOP");
		const double *L = col(ds, "L", "nats/token");
		double r[81];
		size_t b, j, i = 0;

		ck_assert_uint_eq(ds->nrows, 81);
		for (b = 0; b < 9; b++) {
			double nopt = G * pow(budgets[b] / 6.0, a);
			size_t best = 0;
			double lbest = INFINITY;

			for (j = 0; j < 9; j++, i++) {
				double law = chin_law(N[i], D[i]);

				ck_assert_close(C[i], budgets[b], 1e-15);
				ck_assert_close(6.0 * N[i] * D[i], C[i], 1e-12);
				ck_assert_close(N[i], nopt * pow(4.0,
				    (double)j / 4.0 - 1.0), 1e-12);
				if (law < lbest) {
					lbest = law;
					best = j;
				}
				r[i] = log(L[i] / law);
			}
			/* the noise-free IsoFLOP curve bottoms out mid-grid */
			ck_assert_uint_eq(best, 4);
		}
		check_noise("chinchilla", r, 81, 0.01, 0.25);
		dataset_free(ds);
	}
}
END_TEST

START_TEST(test_kaplan)
{
	unsigned long seed;

	for (seed = 1; seed <= 4; seed++) {
		sx_dataset *ds = gen("kaplan", seed);
		const double *N = col(ds, "N", "params");
		const double *S = col(ds, "S", "steps");
		const double *L = col(ds, "L", "nats/token");
		double r[120];
		size_t i, j, k = 0;

		ck_assert_uint_eq(ds->nrows, 120);
		for (i = 0; i < 6; i++)
			for (j = 0; j < 20; j++, k++) {
				ck_assert_close(N[k], pow(10.0, 6.0 +
				    0.6 * (double)i), 1e-12);
				ck_assert_close(S[k], pow(10.0, 2.0 +
				    3.0 * (double)j / 19.0), 1e-12);
				r[k] = log(L[k] / kaplan_ns_law(N[k], S[k]));
			}
		check_noise("kaplan", r, 120, 0.005, 0.2);
		dataset_free(ds);
	}
}
END_TEST

START_TEST(test_henighan)
{
	double pooled[10 * 20];
	size_t i, np = 0;

	for (i = 0; i < sizeof hen_lc / sizeof hen_lc[0]; i++) {
		sx_dataset *ds = gen(hen_lc[i].name, 11);
		const double *C = col(ds, "C", "FLOP");
		const double *L = col(ds, "L", "nats/token");
		double r[20];
		size_t k;

		ck_assert_uint_eq(ds->nrows, 20);
		for (k = 0; k < 20; k++) {
			double pfd = C[k] / 8.64e19;
			double law = hen_lc[i].linf +
			    pow(pfd / hen_lc[i].c0, -hen_lc[i].alpha);

			/* a few decades of PF-days, log-spaced upwards */
			ck_assert(pfd >= 1e-7 && pfd <= 1e3);
			if (k > 0)
				ck_assert_close(C[k] / C[k - 1], C[1] / C[0],
				    1e-9);
			r[k] = log(L[k] / law);
			pooled[np++] = r[k];
		}
		ck_assert(C[19] / C[0] >= 1e4);
		check_noise(hen_lc[i].name, r, 20, 0.01, 0.6);
		dataset_free(ds);
	}
	check_noise("henighan pooled", pooled, np, 0.01, 0.12);
}
END_TEST

START_TEST(test_errors)
{
	sx_err err;

	err_clear(&err);
	ck_assert_ptr_null(demo_generate("nope", NULL, 1, &err));
	ck_assert_ptr_nonnull(strstr(err.msg, "unknown demo 'nope'"));
	err_clear(&err);
	ck_assert_ptr_null(demo_generate(NULL, NULL, 1, &err));
	ck_assert(err.msg[0] != '\0');
	ck_assert_ptr_null(demo_generate("Chinchilla", NULL, 1, NULL));
	ck_assert_ptr_null(demo_generate("", "x", 1, NULL));
	if (sizeof(unsigned long) > 4) {
		err_clear(&err);
		ck_assert_ptr_null(demo_generate("kaplan", NULL,
		    (unsigned long)0xffffffffUL + 1, &err));
		ck_assert_ptr_nonnull(strstr(err.msg, "seed"));
	}
	/* the extreme seeds that are allowed work */
	dataset_free(gen("kaplan", 0));
	dataset_free(gen("kaplan", 0xffffffffUL));
}
END_TEST

Suite *
unit_suite(void)
{
	Suite *s = suite_create("demo");
	TCase *tc = tcase_create("core");

	tcase_add_test(tc, test_list);
	tcase_add_test(tc, test_shapes);
	tcase_add_test(tc, test_deterministic);
	tcase_add_test(tc, test_chinchilla);
	tcase_add_test(tc, test_kaplan);
	tcase_add_test(tc, test_henighan);
	tcase_add_test(tc, test_errors);
	suite_add_tcase(s, tc);
	return s;
}
