/* test_ticks.c: extended Wilkinson, log decades, labels that never collide. */
#include "config.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "plots/canvas.h"
#include "plots/ticks.h"
#include "tests/unit/unit.h"

/* A horizontal axis of `cells` columns (2 sub-pixels each) or a vertical
 * one of `cells` rows (4 each), as figure.c sets them up. */
static void
make_axis(px_axis *a, double lo, double hi, int log, int cells, int horizontal)
{
	if (horizontal)
		ck_assert_int_eq(axis_init(a, lo, hi, log, 0.0, cells * 2 - 1.0, NULL), 0);
	else
		ck_assert_int_eq(axis_init(a, lo, hi, log, cells * 4 - 1.0, 0.0, NULL), 0);
}

/* Labels must keep a blank cell between them (horizontal) or a blank row
 * (vertical), and stay inside 0..limit. Returns the number of majors. */
static int
check_no_collisions(const px_ticks *t, int horizontal, int limit)
{
	int i, prev_end = -100, majors = 0, prev_pos = -100;

	for (i = 0; i < t->n; i++) {
		const px_tick *k = &t->t[i];
		int w;

		if (i > 0)
			ck_assert(k->v > t->t[i - 1].v);
		ck_assert_msg(k->pos != prev_pos, "two ticks in one cell");
		prev_pos = k->pos;
		if (!k->major)
			continue;
		majors++;
		w = canvas_text_width(k->label);
		ck_assert_int_gt(w, 0);
		if (horizontal) {
			ck_assert_msg(k->lpos >= prev_end + 2,
			    "label '%s' at %d collides (previous ends at %d)",
			    k->label, k->lpos, prev_end);
			ck_assert_int_ge(k->lpos, 0);
			ck_assert_int_le(k->lpos + w - 1, limit);
			prev_end = k->lpos + w - 1;
		}
	}
	if (!horizontal) {
		int last = -100;

		/* Rows decrease as values increase. */
		for (i = t->n - 1; i >= 0; i--)
			if (t->t[i].major) {
				ck_assert_int_ge(t->t[i].pos - last, 2);
				last = t->t[i].pos;
			}
	}
	return majors;
}

START_TEST(test_extended_labeling_example)
{
	double lmin, lmax, lstep;

	/* R labeling::extended(8.1, 14.1, 4) gives 8 10 12 14. */
	ck_assert_int_eq(ticks_extended(8.1, 14.1, 4, 0, &lmin, &lmax, &lstep), 4);
	ck_assert_close(lmin, 8.0, 1e-12);
	ck_assert_close(lmax, 14.0, 1e-12);
	ck_assert_close(lstep, 2.0, 1e-12);
	/* Worked by hand from the score: -1..1 with 5 labels covers exactly
	 * with q = 5 (score 0.95; q = 1 gives 3 labels and 0.5). */
	ck_assert_int_eq(ticks_extended(-1.0, 1.0, 5, 0, &lmin, &lmax, &lstep), 5);
	ck_assert_close(lmin, -1.0, 1e-12);
	ck_assert_close(lstep, 0.5, 1e-12);
	/* 0..100 with 5: step 25 scores .25*.4+.2+.5+.05 = 0.85, above step
	 * 20 (q = 2, 6 labels: 0.775) and step 50 (3 labels: 0.45). */
	ck_assert_int_eq(ticks_extended(0.0, 100.0, 5, 0, &lmin, &lmax, &lstep), 5);
	ck_assert(fabs(lmin) < 1e-12);
	ck_assert_close(lstep, 25.0, 1e-12);
	/* only_loose covers the data. */
	ck_assert_int_gt(ticks_extended(8.1, 14.1, 4, 1, &lmin, &lmax, &lstep), 0);
	ck_assert(lmin <= 8.1 && lmax >= 14.1);
	ck_assert_int_eq(ticks_extended(NAN, 1.0, 4, 0, &lmin, &lmax, &lstep), -1);
	ck_assert_int_eq(ticks_extended(1.0, 1.0, 4, 0, &lmin, &lmax, &lstep), -1);
	ck_assert_int_eq(ticks_extended(0.0, 1.0, 1, 0, &lmin, &lmax, &lstep), -1);
}
END_TEST

START_TEST(test_extended_nice_steps)
{
	/* Over many ranges the step is j x q x 10^z with q in Q (the skip j
	 * is small) and the labels cover most of the data. */
	static const double q[] = { 1, 5, 2, 2.5, 4, 3 };
	int i, m, nq, j;

	for (i = 0; i < 200; i++) {
		double lo = -50.0 + 0.731 * i, hi = lo + pow(10.0, (i % 13) * 0.37 - 2.0);
		double lmin, lmax, lstep, mant;
		int n, ok = 0;

		for (m = 2; m <= 10; m++) {
			n = ticks_extended(lo, hi, m, 0, &lmin, &lmax, &lstep);
			ck_assert_int_ge(n, 2);
			mant = lstep / pow(10.0, floor(log10(lstep) + 1e-9));
			for (nq = 0, ok = 0; nq < 6; nq++)
				for (j = 1; j <= 4; j++)
					ok |= fabs(mant - j * q[nq]) < 1e-9 ||
					    fabs(mant - j * q[nq] / 10) < 1e-9 ||
					    fabs(mant - j * q[nq] / 100) < 1e-9;
			ck_assert_msg(ok, "step %g for %g..%g", lstep, lo, hi);
			ck_assert(lmin <= lo + 0.5 * (hi - lo));
			ck_assert(lmax >= hi - 0.5 * (hi - lo));
			ck_assert(n >= m / 2 && n <= 2 * m + 1);
		}
	}
}
END_TEST

START_TEST(test_linear_axis_labels)
{
	px_axis a;
	px_ticks t;
	int i, majors;

	make_axis(&a, 8.1, 14.1, 0, 60, 1);
	ck_assert_int_gt(ticks_make(&t, &a, 2, 1, 0, 0, 59), 0);
	majors = check_no_collisions(&t, 1, 59);
	ck_assert_int_ge(majors, 3);
	for (i = 0; i < t.n; i++) {
		ck_assert(t.t[i].v >= 8.1 && t.t[i].v <= 14.1);
		ck_assert_close(t.t[i].v, floor(t.t[i].v + 0.5), 1e-12);
	}
	/* Short SI labels. */
	make_axis(&a, 0.0, 2e6, 0, 60, 1);
	ticks_make(&t, &a, 2, 1, 0, 0, 59);
	ck_assert_str_eq(t.t[t.n - 1].label, "2M");
	check_no_collisions(&t, 1, 59);
	/* Tiny axes still get a label, never a collision. */
	for (i = 3; i < 40; i++) {
		make_axis(&a, -0.37, 1.93, 0, i, 0);
		ticks_make(&t, &a, 4, 0, 0, 0, 99);
		ck_assert_int_ge(check_no_collisions(&t, 0, 99), i >= 3 ? 1 : 0);
		make_axis(&a, 1234.5, 98765.4, 0, i + 6, 1);
		ticks_make(&t, &a, 2, 1, 1, 0, i + 5);
		check_no_collisions(&t, 1, i + 5);
	}
}
END_TEST

START_TEST(test_format)
{
	char buf[64];

	ck_assert_int_eq(ticks_format(buf, sizeof buf, 1500.0, 500.0, 0), 4);
	ck_assert_str_eq(buf, "1.5k");
	ticks_format(buf, sizeof buf, 2e6, 1e6, 0);
	ck_assert_str_eq(buf, "2M");
	ticks_format(buf, sizeof buf, 0.25, 0.05, 0);
	ck_assert_str_eq(buf, "0.25");
	ticks_format(buf, sizeof buf, 2.5e18, 5e17, 1);
	ck_assert_str_eq(buf, "2.5e18");
	ticks_format(buf, sizeof buf, 2.5e18, 5e17, 0);
	ck_assert_str_eq(buf, "2.5\xc3\x97" "10\xc2\xb9\xe2\x81\xb8");
	ticks_format(buf, sizeof buf, -2e-5, 1e-5, 1);
	ck_assert_str_eq(buf, "-2e-5");
	ticks_format(buf, sizeof buf, 0.0, 0.5, 0);
	ck_assert_str_eq(buf, "0");
	ticks_format(buf, sizeof buf, 1010.0, 2.0, 0);
	ck_assert_str_eq(buf, "1010");
	ck_assert_int_eq(ticks_decade(buf, sizeof buf, 18, 0), 4);
	ck_assert_str_eq(buf, "10\xc2\xb9\xe2\x81\xb8");
	ticks_decade(buf, sizeof buf, -3, 0);
	ck_assert_str_eq(buf, "10\xe2\x81\xbb\xc2\xb3");
	ticks_decade(buf, sizeof buf, 18, 1);
	ck_assert_str_eq(buf, "1e18");
}
END_TEST

/* The label a decade must carry: built from a digit table here. */
static void
expected_decade(char *buf, size_t len, int k, int ascii)
{
	static const char *const sup[] = { "\xe2\x81\xb0", "\xc2\xb9", "\xc2\xb2",
	    "\xc2\xb3", "\xe2\x81\xb4", "\xe2\x81\xb5", "\xe2\x81\xb6",
	    "\xe2\x81\xb7", "\xe2\x81\xb8", "\xe2\x81\xb9" };
	char d[16];
	int i;

	if (ascii) {
		snprintf(buf, len, "1e%d", k);
		return;
	}
	snprintf(buf, len, "10%s", k < 0 ? "\xe2\x81\xbb" : "");
	snprintf(d, sizeof d, "%d", abs(k));
	for (i = 0; d[i] != '\0'; i++)
		strncat(buf, sup[d[i] - '0'], len - strlen(buf) - 1);
}

START_TEST(test_log_decades)
{
	int span, ascii, horizontal;

	/* 1 to 30 decades from 1e18, on wide and narrow axes both ways. */
	for (span = 2; span <= 30; span++)
		for (ascii = 0; ascii < 2; ascii++)
			for (horizontal = 0; horizontal < 2; horizontal++) {
				int cells = horizontal ? (span % 2 ? 70 : 36) : 18;
				int limit = horizontal ? cells - 1 : 99;
				int i, majors, step = 0, prev = 0, nprev = 0;
				px_axis a;
				px_ticks t;
				char want[64];

				make_axis(&a, 1e18, pow(10.0, 18 + span), 1, cells,
				    horizontal);
				ticks_make(&t, &a, horizontal ? 2 : 4, horizontal, ascii, 0,
				    limit);
				majors = check_no_collisions(&t, horizontal, limit);
				ck_assert_msg(majors >= 2, "%d decades: %d labels", span,
				    majors);
				for (i = 0; i < t.n; i++) {
					int k = (int)floor(log10(t.t[i].v) + 0.5);

					if (!t.t[i].major)
						continue;
					/* Majors are decades, evenly thinned. */
					ck_assert_close(t.t[i].v, pow(10.0, k), 1e-12);
					expected_decade(want, sizeof want, k, ascii);
					ck_assert_str_eq(t.t[i].label, want);
					if (nprev > 0 && step == 0)
						step = k - prev;
					else if (nprev > 0)
						ck_assert_int_eq(k - prev, step);
					prev = k;
					nprev++;
				}
			}
}
END_TEST

START_TEST(test_log_minor_ticks)
{
	px_axis a;
	px_ticks t;
	int i, minors = 0, k;

	make_axis(&a, 1e8, 1e10, 1, 160, 1);
	ticks_make(&t, &a, 2, 1, 0, 0, 159);
	check_no_collisions(&t, 1, 159);
	for (i = 0; i < t.n; i++)
		if (!t.t[i].major) {
			double m = t.t[i].v / pow(10.0, floor(log10(t.t[i].v) + 1e-9));

			minors++;
			k = (int)floor(m + 0.5);
			ck_assert(k >= 2 && k <= 9);
			ck_assert_close(m, k, 1e-9);
		}
	ck_assert_int_eq(minors, 16);
	/* Thinned decades: the unlabelled ones become minor ticks. */
	make_axis(&a, 1e-15, 1e15, 1, 70, 1);
	ticks_make(&t, &a, 2, 1, 0, 0, 69);
	for (i = 0, minors = 0; i < t.n; i++)
		minors += !t.t[i].major;
	ck_assert_int_gt(minors, 0);
	ck_assert_int_le(check_no_collisions(&t, 1, 69), 16);
}
END_TEST

START_TEST(test_log_under_a_decade)
{
	px_axis a;
	px_ticks t;
	int i, majors;

	/* 2e18..8e18: no decade inside, labels at nice non-decade values. */
	make_axis(&a, 2e18, 8e18, 1, 70, 1);
	ticks_make(&t, &a, 2, 1, 1, 0, 69);
	majors = check_no_collisions(&t, 1, 69);
	ck_assert_int_ge(majors, 3);
	for (i = 0; i < t.n; i++) {
		double m = t.t[i].v / 1e18;

		ck_assert(t.t[i].v >= 2e18 && t.t[i].v <= 8e18);
		ck_assert_close(m, floor(m + 0.5), 1e-9);
	}
	ck_assert_str_eq(t.t[0].label, "2e18");
	/* A loss axis 1.5..4.2 over 18 rows: 2 3 4. */
	make_axis(&a, 1.5, 4.2, 1, 18, 0);
	ticks_make(&t, &a, 4, 0, 0, 0, 99);
	majors = check_no_collisions(&t, 0, 99);
	ck_assert_int_eq(majors, 3);
	ck_assert_str_eq(t.t[0].label, "2");
	ck_assert_str_eq(t.t[1].label, "3");
	ck_assert_str_eq(t.t[2].label, "4");
	/* About one decade of parameters: SI labels. */
	make_axis(&a, 3e5, 2e7, 1, 70, 1);
	ticks_make(&t, &a, 2, 1, 0, 0, 69);
	check_no_collisions(&t, 1, 69);
	for (i = 0; i < t.n; i++)
		if (t.t[i].major && t.t[i].v == 1e6)
			ck_assert_str_eq(t.t[i].label, "1M");
}
END_TEST

Suite *
unit_suite(void)
{
	Suite *s = suite_create("ticks");
	TCase *tc = tcase_create("ticks");

	tcase_add_test(tc, test_extended_labeling_example);
	tcase_add_test(tc, test_extended_nice_steps);
	tcase_add_test(tc, test_linear_axis_labels);
	tcase_add_test(tc, test_format);
	tcase_add_test(tc, test_log_decades);
	tcase_add_test(tc, test_log_minor_ticks);
	tcase_add_test(tc, test_log_under_a_decade);
	suite_add_tcase(s, tc);
	return s;
}
