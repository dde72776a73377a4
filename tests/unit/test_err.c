/* test_err.c: error records and their formatting; units. */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "core/err.h"
#include "core/units.h"
#include "core/xalloc.h"
#include "tests/unit/unit.h"

START_TEST(test_format_positions)
{
	sx_err e;
	char buf[600];

	err_clear(&e);
	ck_assert_int_eq(err_at(&e, "runs.csv", 12, 3, "not a number: '%s'", "abc"), -1);
	err_format(&e, buf, sizeof buf);
	ck_assert_str_eq(buf, "runs.csv:12:3: not a number: 'abc'");
	e.col = 0;
	err_format(&e, buf, sizeof buf);
	ck_assert_str_eq(buf, "runs.csv:12: not a number: 'abc'");
	err_clear(&e);
	err_set(&e, "plain");
	err_format(&e, buf, sizeof buf);
	ck_assert_str_eq(buf, "plain");
	ck_assert_int_eq(err_set(NULL, "dropped"), -1);
}
END_TEST

START_TEST(test_units_round_trip)
{
	ck_assert_close(units_pfdays_to_flop(1.0), 8.64e19, 1e-15);
	ck_assert_close(units_flop_to_pfdays(units_pfdays_to_flop(3.1e8)), 3.1e8, 1e-15);
}
END_TEST

START_TEST(test_xasprintf)
{
	char *s = xasprintf("%s=%d", "k", 6);

	ck_assert_str_eq(s, "k=6");
	free(s);
}
END_TEST

Suite *
unit_suite(void)
{
	Suite *s = suite_create("err");
	TCase *tc = tcase_create("core");

	tcase_add_test(tc, test_format_positions);
	tcase_add_test(tc, test_units_round_trip);
	tcase_add_test(tc, test_xasprintf);
	suite_add_tcase(s, tc);
	return s;
}
