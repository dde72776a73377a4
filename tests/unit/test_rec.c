/* test_rec.c: result records, their JSON and the text views' dispatch. */
#include "config.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "views/out.h"
#include "tests/unit/unit.h"
#include "views/view.h"

/* What view_emit writes for r, in JSON (json) or text. */
static char *
emitted(const sx_rec *r, int json)
{
	char *buf = NULL;
	size_t len = 0;
	FILE *fp = open_memstream(&buf, &len);
	sx_out o;

	ck_assert_ptr_nonnull(fp);
	out_init(&o, fp, json);
	view_emit(&o, r);
	fclose(fp);
	return buf;
}

START_TEST(test_build_and_read)
{
	sx_rec *r = rec_new("thing"), *a = rec_arr(r, "xs"), *o = rec_obj(r, "p");

	rec_str(r, "name", "ch");
	rec_str(r, "none", NULL);
	rec_int(r, "rows", 240);
	rec_num(o, "E", 1.8);
	rec_bool(r, "ok", 1);
	for (int i = 0; i < 10; i++)
		rec_num(a, NULL, i * 0.5);
	ck_assert_str_eq(r->kind, "thing");
	ck_assert_str_eq(rec_get_str(r, "name"), "ch");
	ck_assert_ptr_null(rec_get_str(r, "none"));
	ck_assert_int_eq(rec_get(r, "none")->type, REC_NULL);
	ck_assert_int_eq(rec_get_int(r, "rows"), 240);
	ck_assert(rec_get_num(r, "rows") == 240.0);  /* integers read as numbers */
	ck_assert(rec_get_num(rec_get(r, "p"), "E") == 1.8);
	ck_assert(rec_get_bool(r, "ok"));
	ck_assert_uint_eq(rec_len(a), 10);
	ck_assert(rec_at(a, 9)->v.n == 4.5);
	ck_assert_ptr_null(rec_at(a, 10));
	/* Absent members and wrong types read as nothing. */
	ck_assert_ptr_null(rec_get(r, "missing"));
	ck_assert(isnan(rec_get_num(r, "name")));
	ck_assert_ptr_null(rec_get_str(r, "rows"));
	ck_assert_ptr_null(rec_get(a, "xs"));
	ck_assert_uint_eq(rec_len(rec_get(r, "name")), 0);
	rec_free(r);
}
END_TEST

START_TEST(test_json)
{
	sx_rec *r = rec_new("k"), *a = rec_arr(r, "a"), *o;
	char *s;

	rec_num(r, "third", 1.0 / 3.0);
	rec_num(r, "nan", NAN);
	rec_str(r, "q", "a \"b\"\n");
	rec_int(a, NULL, -3);
	rec_bool(a, NULL, 0);
	rec_null(a, NULL);
	o = rec_obj(a, NULL);
	rec_str(o, "x", NULL);
	rec_arr(o, "empty");
	s = emitted(r, 1);
	/* Members in the order they were added ("a" first). */
	ck_assert_str_eq(s, "{\"cmd\":\"k\",\"a\":[-3,false,null,"
	    "{\"x\":null,\"empty\":[]}],\"third\":0.3333333333333333,"
	    "\"nan\":null,\"q\":\"a \\\"b\\\"\\n\"}\n");
	free(s);
	rec_free(r);
}
END_TEST

/* A kind without a text view still shows every member. */
START_TEST(test_text_fallback)
{
	sx_rec *r = rec_new("no such kind"), *a;
	char *s;

	rec_str(r, "name", "x");
	rec_num(r, "v", 0.1);
	a = rec_arr(r, "list");
	rec_int(a, NULL, 1);
	rec_bool(a, NULL, 1);
	ck_assert_ptr_null(view_text_of("no such kind"));
	s = emitted(r, 0);
	ck_assert_str_eq(s, "no such kind:\n  name x\n  v 0.1\n  list \n"
	    "    1\n    yes\n");
	free(s);
	rec_free(r);
}
END_TEST

/* The converted commands' kinds each have a text view. */
START_TEST(test_text_views_registered)
{
	static const char *kinds[] = { "presets", "preset show", "demo", "models",
	    "model show", "model define", "frontier", "frontier approach1",
	    "frontier approach2", "frontier henighan", "crossover", "load",
	    "data list", "data show", "data describe", "data drop", "rename",
	    "derive", "filter" };

	for (size_t i = 0; i < sizeof kinds / sizeof kinds[0]; i++)
		ck_assert_msg(view_text_of(kinds[i]) != NULL, "%s", kinds[i]);
}
END_TEST

Suite *
unit_suite(void)
{
	Suite *s = suite_create("rec");
	TCase *tc = tcase_create("rec");

	tcase_add_test(tc, test_build_and_read);
	tcase_add_test(tc, test_json);
	tcase_add_test(tc, test_text_fallback);
	tcase_add_test(tc, test_text_views_registered);
	suite_add_tcase(s, tc);
	return s;
}
