/* test_approach_curves.c: approach 1 from learning curves against the
 * law that made them: the envelope is the lowest loss over the sizes at
 * each budget, and its exponent approaches Chinchilla's closed form. */
#include "config.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "scaling/frontier.h"
#include "tests/unit/unit.h"

#define NSIZE 30
#define NSTEP 60

/* Hoffmann et al.'s fitted law. */
static double
law(double n, double d)
{
	return 1.69 + 406.4 / pow(n, 0.34) + 410.7 / pow(d, 0.28);
}

START_TEST(test_envelope_of_curves)
{
	static double N[NSIZE * NSTEP], C[NSIZE * NSTEP], L[NSIZE * NSTEP];
	size_t k = 0;
	sx_approach r;
	sx_err e;

	/* Sizes 1e7..1e10; each curve logs 60 points, 1e8 to 1e12 tokens. */
	for (size_t s = 0; s < NSIZE; s++)
		for (size_t t = 0; t < NSTEP; t++) {
			double n = 1e7 * pow(1e3, (double)s / (NSIZE - 1));
			double d = 1e8 * pow(1e4, (double)t / (NSTEP - 1));

			N[k] = n;
			C[k] = 6.0 * n * d;
			L[k++] = law(n, d);
		}
	err_clear(&e);
	ck_assert_msg(frontier_approach1_curves(N, C, L, k, 12, 1e19, 1e22, &r,
	    &e) == 0, "%s", e.msg);
	ck_assert_uint_eq(r.n, 12);
	for (size_t i = 0; i < r.n; i++) {
		double best = INFINITY, bestn = 0;

		/* The lowest loss at this budget over the sizes, directly. */
		for (size_t s = 0; s < NSIZE; s++) {
			double n = 1e7 * pow(1e3, (double)s / (NSIZE - 1));
			double d = r.C[i] / (6.0 * n);

			if (d >= 1e8 && d <= 1e12 && law(n, d) < best) {
				best = law(n, d);
				bestn = n;
			}
		}
		ck_assert_close(r.L_opt[i], best, 1e-3);
		ck_assert_close(r.N_opt[i], bestn, 1e-9);
	}
	/* beta/(alpha + beta) = 0.4516; a grid of sizes 1.27x apart. */
	ck_assert_msg(fabs(r.a - 0.28 / 0.62) < 0.03, "a = %g", r.a);
	approach_free(&r);
	/* One curve is no envelope. */
	ck_assert_int_eq(frontier_approach1_curves(N, C, L, NSTEP, 12, 0, 0, &r,
	    &e), -1);
}
END_TEST

Suite *
unit_suite(void)
{
	Suite *s = suite_create("approach_curves");
	TCase *tc = tcase_create("curves");

	tcase_add_test(tc, test_envelope_of_curves);
	suite_add_tcase(s, tc);
	return s;
}
