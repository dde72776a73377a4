/* test_complete.c: completion candidates from the command table. */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "sessions/complete.h"
#include "tests/unit/unit.h"
#include "tests/unit/unit_ws.h"

static sx_workspace ws;

static void
setup(void)
{
	ws_init(&ws);
	unit_run(&ws, "demo chinchilla as runs; fit chinchilla runs as ch");
}

static void
teardown(void)
{
	ws_free(&ws);
}

/* The candidates of line, joined by spaces. */
static char *
cands(const char *line)
{
	sx_completions c;
	static char buf[2048];

	complete_line(&ws, line, &c);
	buf[0] = '\0';
	for (size_t i = 0; i < c.n; i++) {
		strcat(buf, i > 0 ? " " : "");
		strcat(buf, c.words[i]);
	}
	if (c.want_paths)
		strcat(buf, "<paths>");
	complete_free(&c);
	return buf;
}

START_TEST(test_commands_and_subcommands)
{
	ck_assert_str_eq(cands("fi"), "filter fit fits");
	ck_assert_str_eq(cands("dr"), "dropna");
	ck_assert_str_eq(cands("data "), "describe drop list show");
	ck_assert_str_eq(cands("data s"), "show");
	ck_assert_str_eq(cands("demo chinchilla; pre"), "predict preset presets");
}
END_TEST

START_TEST(test_names_by_type)
{
	ck_assert_str_eq(cands("fit chin"), "chinchilla");
	ck_assert_str_eq(cands("fit chinchilla r"), "runs");
	ck_assert_str_eq(cands("fit show "), "ch");
	ck_assert_str_eq(cands("preset show hoff"),
	    "hoffmann2022 hoffmann2022-unrounded");
	ck_assert_str_eq(cands("demo henighan-im"), "henighan-image16 "
	    "henighan-image2text henighan-image32 henighan-image8 "
	    "henighan-imagenet henighan-imagevq16 henighan-imagevq32");
	ck_assert_str_eq(cands("load "), "<paths>");
	ck_assert_str_eq(cands("help da"), "data");
}
END_TEST

START_TEST(test_options_choices_columns)
{
	ck_assert_str_eq(cands("fit chinchilla runs --sp"), "--space");
	ck_assert_str_eq(cands("fit chinchilla runs --space l"), "linear log");
	ck_assert_str_eq(cands("fit chinchilla runs as ch --space  l"),
	    "linear log");
	ck_assert_str_eq(cands("fit chinchilla runs --y "), "C D L N");
	ck_assert_str_eq(cands("rename runs "), "C D L N");
	ck_assert_str_eq(cands("data show runs --"), "--help --rows");
	/* A list of columns: each name after the commas typed. */
	ck_assert_str_eq(cands("dropna runs "), "C D L N");
	ck_assert_str_eq(cands("dropna runs L,"), "L,C L,D L,L L,N");
	ck_assert_str_eq(cands("dropna runs L,N,D"), "L,N,D");
	/* compare's columns are those of the fits' data. */
	ck_assert_str_eq(cands("compare "), "ch");
	ck_assert_str_eq(cands("compare ch --holdout-by "), "C D L N");
	ck_assert_str_eq(cands("compare ch --ho"), "--holdout --holdout-by");
}
END_TEST

/* Free-form values still offer their usual words. */
START_TEST(test_word_suggestions)
{
	ck_assert_str_eq(cands("fit chinchilla runs --loss "), "huber:0.001 ls");
	ck_assert_str_eq(cands("fit chinchilla runs --loss h"), "huber:0.001");
	ck_assert_str_eq(cands("fit chinchilla runs --starts "), "grid");
	ck_assert_str_eq(cands("rollout 1,0,0 --policy "), "base:1 gpi opt");
	ck_assert_str_eq(cands("gmodel 0,0 "), "DOWN LEFT RIGHT UP");
	ck_assert_str_eq(cands("fit chinchilla runs --x "), "C D L N");
	ck_assert_str_eq(cands("set "), "");
}
END_TEST

Suite *
unit_suite(void)
{
	Suite *s = suite_create("complete");
	TCase *tc = tcase_create("complete");

	tcase_add_checked_fixture(tc, setup, teardown);
	tcase_add_test(tc, test_commands_and_subcommands);
	tcase_add_test(tc, test_names_by_type);
	tcase_add_test(tc, test_options_choices_columns);
	tcase_add_test(tc, test_word_suggestions);
	suite_add_tcase(s, tc);
	return s;
}
