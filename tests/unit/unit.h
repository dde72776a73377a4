/* unit.h: shared helpers for the Check unit tests. */
#ifndef SX_UNIT_H
#define SX_UNIT_H

#include <stddef.h>

#include <check.h>

/* Each test program defines its suite; unit_main.c runs it with TAP output
 * so automake counts every test case. */
Suite *unit_suite(void);

/* Path of a file in ../shared/data (from $SX_SHARED_DATA); static buffer. */
const char *unit_shared_data(const char *file);

/*
 * The Epoch data (../shared/data/chinchilla_epoch.csv) as the fits use it:
 * rows with loss < 3.44 (240 of them), N = `Model Size`, D = `Training
 * FLOP` / (6 N), L = `loss`, at most max rows. Returns the row count;
 * fails the test when the file cannot be read.
 */
size_t unit_epoch240(double *n, double *d, double *l, size_t max);

/* |a - b| <= rel * max(|a|, |b|) (and both finite). */
int unit_close(double a, double b, double rel);

#define ck_assert_close(a, b, rel) \
	ck_assert_msg(unit_close((a), (b), (rel)), \
	    "%s = %.17g, %s = %.17g, not within %g relative", \
	    #a, (double)(a), #b, (double)(b), (double)(rel))

#endif
