/* test_henighan.c: Henighan et al. 2020's InfoGain and ImageNet laws. */
#include "config.h"

#include <math.h>
#include <string.h>

#include "scaling/demo.h"
#include "scaling/henighan.h"
#include "scaling/model.h"
#include "tests/unit/unit_fit.h"

/*
 * Section 4's quoted points, typed from the paper's text: about 10% of a
 * caption's information at 1e9 parameters, 20% at about 3e12.
 */
START_TEST(test_infogain_quoted)
{
	sx_infogain ig;
	sx_err e;

	err_clear(&e);
	ck_assert_int_eq(infogain_law(&ig, &e), 0);
	ck_assert_close(infogain_at(&ig, 1e9), 0.10, 1e-12);
	ck_assert_close(infogain_size(&ig, 0.20), 3e12, 1e-12);
	/* Closed form of the exponent through the two points. */
	ck_assert_close(ig.p, log(2.0) / log(3000.0), 1e-12);
	/* Doubling InfoGain multiplies N by 2^(1/p) = 3000, anywhere. */
	ck_assert_close(infogain_size(&ig, 0.4) / infogain_size(&ig, 0.2),
	    3000.0, 1e-12);
	ck_assert_close(infogain_at(&ig, infogain_size(&ig, 0.37)), 0.37,
	    1e-12);
}
END_TEST

START_TEST(test_imagenet_shapes)
{
	sx_imagenet in;
	sx_err e;
	double best, prev = INFINITY, h = 1e-4, flat;

	err_clear(&e);
	ck_assert_int_eq(imagenet_law(&in, &e), 0);
	/* The generative law is Table 1's 32x32 image L(N). */
	ck_assert_close(in.linf, 2.20, 1e-12);
	ck_assert_close(in.x0, 6.3e1, 1e-12);
	ck_assert_close(in.ag, 0.13, 1e-12);
	/* Fine-tuned falls everywhere. */
	for (double N = 1e4; N < 1e13; N *= 1.5) {
		double l = imagenet_ft(&in, N);

		ck_assert(l < prev);
		prev = l;
	}
	/* From scratch has a minimum, where the derivative in log N is 0. */
	best = imagenet_scratch_best(&in);
	ck_assert(imagenet_scratch(&in, best) < imagenet_scratch(&in, best / 10));
	ck_assert(imagenet_scratch(&in, best) < imagenet_scratch(&in, best * 10));
	ck_assert(fabs(imagenet_scratch(&in, best * exp(h)) -
	    imagenet_scratch(&in, best * exp(-h))) / (2 * h) < 1e-6);
	/* Where the generative reducible share is 5%. */
	flat = imagenet_gen_flat(&in, 0.05);
	ck_assert_close((imagenet_gen(&in, flat) - in.linf) /
	    imagenet_gen(&in, flat), 0.05, 1e-12);
	/* Past it the generative loss barely moves; classification still falls. */
	ck_assert(1 - imagenet_gen(&in, 10 * flat) / imagenet_gen(&in, flat) <
	    0.02);
	ck_assert(1 - imagenet_ft(&in, 10 * flat) / imagenet_ft(&in, flat) >
	    0.15);
}
END_TEST

/* Fitting pl to the demos recovers the laws that made them. */
START_TEST(test_demos_recover)
{
	const sx_model *m = model_builtin("pl");
	sx_infogain ig;
	sx_imagenet in;
	sx_fit_opts o;
	sx_fit_result r;
	sx_dataset *ds;
	sx_err e;
	const double *x[1];

	err_clear(&e);
	ck_assert_int_eq(infogain_law(&ig, &e), 0);
	ck_assert_int_eq(imagenet_law(&in, &e), 0);
	memset(&o, 0, sizeof o);
	o.space = SX_SPACE_LOG;
	ds = demo_generate("henighan-infogain", NULL, 1, &e);
	ck_assert_msg(ds != NULL, "%s", e.msg);
	x[0] = ds->cols[dataset_column(ds, "N")].v;
	unit_fit_ok(m, x, ds->cols[dataset_column(ds, "infogain")].v,
	    ds->nrows, &o, &r);
	/* pl's alpha is -p for a rising law: within 3 standard errors. */
	ck_assert(fabs(-r.p[1] - ig.p) < 3 * r.se[1]);
	fit_result_free(&r);
	dataset_free(ds);
	ds = demo_generate("henighan-imagenet", NULL, 1, &e);
	ck_assert_msg(ds != NULL, "%s", e.msg);
	x[0] = ds->cols[dataset_column(ds, "N")].v;
	unit_fit_ok(m, x, ds->cols[dataset_column(ds, "Lft")].v, ds->nrows,
	    &o, &r);
	ck_assert(fabs(r.p[1] - in.alpha) < 3 * r.se[1]);
	fit_result_free(&r);
	dataset_free(ds);
}
END_TEST

Suite *
unit_suite(void)
{
	Suite *s = suite_create("henighan");
	TCase *tc = tcase_create("core");

	tcase_add_test(tc, test_infogain_quoted);
	tcase_add_test(tc, test_imagenet_shapes);
	tcase_add_test(tc, test_demos_recover);
	suite_add_tcase(s, tc);
	return s;
}
