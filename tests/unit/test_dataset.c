/* test_dataset.c: datasets (columns, text, copies, row selection), units and the
 * canonical column names. */
#include "config.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "base/err.h"
#include "scaling/columns.h"
#include "scaling/dataset.h"
#include "scaling/groups.h"
#include "scaling/units.h"
#include "tests/unit/unit.h"

/* A 4-row dataset: N numeric with a unit, name text, L numeric. */
static sx_dataset *
sample(void)
{
	static const double n[] = { 1e6, 1e7, 1e8, 1e9 };
	static const double l[] = { 4.0, 3.5, 3.0, 2.5 };
	static char *const names[] = { "a", "b", "c", "d" };
	sx_dataset *ds = dataset_new("runs", 4);
	sx_err e;

	err_clear(&e);
	ck_assert_int_eq(dataset_add_column(ds, "params", "parameters", n, &e), 0);
	ck_assert_int_eq(dataset_add_text_column(ds, "name", names, &e), 0);
	ck_assert_int_eq(dataset_add_column(ds, "L", NULL, l, &e), 0);
	return ds;
}

START_TEST(test_units_round_trip)
{
	ck_assert_close(units_pfdays_to_flop(1.0), 8.64e19, 1e-15);
	ck_assert_close(units_flop_to_pfdays(units_pfdays_to_flop(3.1e8)), 3.1e8, 1e-15);
}
END_TEST

START_TEST(test_new_add)
{
	sx_dataset *ds = sample();
	double v[4] = { 1, 2, 3, 4 };
	sx_err e;

	ck_assert_str_eq(ds->name, "runs");
	ck_assert_ptr_null(ds->source);
	ck_assert_uint_eq(ds->nrows, 4);
	ck_assert_uint_eq(ds->ncols, 3);
	ck_assert_str_eq(ds->cols[0].unit, "parameters");
	ck_assert_ptr_null(ds->cols[2].unit);
	ck_assert_ptr_null(ds->cols[1].v);
	ck_assert_str_eq(ds->cols[1].text[3], "d");
	ck_assert(ds->cols[2].v[1] == 3.5);
	/* Values are copied, not borrowed. */
	ck_assert_int_eq(dataset_add_column(ds, "x", NULL, v, &e), 0);
	v[0] = 99;
	ck_assert(ds->cols[3].v[0] == 1);
	/* NULL values: zeros / empty strings. */
	ck_assert_int_eq(dataset_add_column(ds, "z", NULL, NULL, &e), 0);
	ck_assert(ds->cols[4].v[3] == 0);
	ck_assert_int_eq(dataset_add_text_column(ds, "tz", NULL, &e), 0);
	ck_assert_str_eq(ds->cols[5].text[2], "");
	/* Existing or empty names are refused and nothing is added. */
	err_clear(&e);
	ck_assert_int_eq(dataset_add_column(ds, "L", NULL, v, &e), -1);
	ck_assert_str_eq(e.msg, "column 'L' exists already");
	ck_assert_int_eq(dataset_add_text_column(ds, "name", NULL, &e), -1);
	ck_assert_str_eq(e.msg, "column 'name' exists already");
	ck_assert_int_eq(dataset_add_column(ds, "", NULL, v, &e), -1);
	ck_assert_str_eq(e.msg, "empty column name");
	ck_assert_uint_eq(ds->ncols, 6);
	dataset_free(ds);
	dataset_free(NULL);
}
END_TEST

START_TEST(test_copy)
{
	sx_dataset *ds = sample(), *cp;

	ds->source = strdup("runs.csv");
	cp = dataset_copy(ds, "copy");
	ck_assert_str_eq(cp->name, "copy");
	ck_assert_str_eq(cp->source, "runs.csv");
	ck_assert_uint_eq(cp->nrows, 4);
	ck_assert_uint_eq(cp->ncols, 3);
	ck_assert_str_eq(cp->cols[0].unit, "parameters");
	ck_assert_str_eq(cp->cols[1].text[2], "c");
	ck_assert(cp->cols[2].v[3] == 2.5);
	/* Deep: changing the copy leaves the original alone. */
	cp->cols[2].v[3] = -1;
	cp->cols[1].text[2][0] = 'X';
	ck_assert(ds->cols[2].v[3] == 2.5);
	ck_assert_str_eq(ds->cols[1].text[2], "c");
	dataset_free(cp);
	cp = dataset_copy(ds, NULL);
	ck_assert_str_eq(cp->name, "runs");
	dataset_free(cp);
	dataset_free(ds);
	/* A dataset without columns or rows copies too. */
	ds = dataset_new(NULL, 0);
	cp = dataset_copy(ds, NULL);
	ck_assert_str_eq(cp->name, "");
	ck_assert_uint_eq(cp->ncols, 0);
	dataset_free(cp);
	dataset_free(ds);
}
END_TEST

START_TEST(test_select_rows)
{
	sx_dataset *ds = sample(), *sel;
	static const unsigned char keep[] = { 0, 1, 0, 7 };
	static const unsigned char none[] = { 0, 0, 0, 0 };

	sel = dataset_select_rows(ds, keep, "sel");
	ck_assert_str_eq(sel->name, "sel");
	ck_assert_uint_eq(sel->nrows, 2);
	ck_assert(sel->cols[0].v[0] == 1e7);
	ck_assert(sel->cols[0].v[1] == 1e9);
	ck_assert_str_eq(sel->cols[1].text[0], "b");
	ck_assert_str_eq(sel->cols[1].text[1], "d");
	ck_assert(sel->cols[2].v[1] == 2.5);
	ck_assert_str_eq(sel->cols[0].unit, "parameters");
	dataset_free(sel);
	sel = dataset_select_rows(ds, none, NULL);
	ck_assert_str_eq(sel->name, "runs");
	ck_assert_uint_eq(sel->nrows, 0);
	ck_assert_uint_eq(sel->ncols, 3);
	ck_assert_ptr_nonnull(sel->cols[0].v);
	ck_assert_ptr_nonnull(sel->cols[1].text);
	dataset_free(sel);
	dataset_free(ds);
}
END_TEST

/* Missing cells: NaN and ""; the rows complete in some columns. */
START_TEST(test_complete_rows)
{
	const double n[] = { 1, NAN, 3, 4, 5 }, l[] = { NAN, NAN, 2, 2, 2 };
	char *tag[] = { "a", "b", "", "d", "e" };
	sx_dataset *ds = dataset_new("t", 5);
	unsigned char keep[5];
	size_t miss[3];
	int cols[3] = { 0, 1, 2 };
	sx_err e;

	ck_assert_int_eq(dataset_add_column(ds, "N", NULL, n, &e), 0);
	ck_assert_int_eq(dataset_add_column(ds, "L", NULL, l, &e), 0);
	ck_assert_int_eq(dataset_add_text_column(ds, "tag", tag, &e), 0);
	ck_assert_uint_eq(dataset_count_missing(ds, 0), 1);
	ck_assert_uint_eq(dataset_count_missing(ds, 1), 2);
	ck_assert_uint_eq(dataset_count_missing(ds, 2), 1);
	ck_assert(dataset_missing(&ds->cols[2], 2));
	ck_assert(!dataset_missing(&ds->cols[2], 3));
	/* Row 1 misses N and L: it counts in both. */
	ck_assert_uint_eq(dataset_complete_rows(ds, cols, 2, keep, miss), 3);
	ck_assert_uint_eq(miss[0], 1);
	ck_assert_uint_eq(miss[1], 2);
	ck_assert(!keep[0] && !keep[1] && keep[2] && keep[3] && keep[4]);
	ck_assert_uint_eq(dataset_complete_rows(ds, cols, 3, keep, miss), 2);
	ck_assert_uint_eq(miss[2], 1);
	ck_assert(!keep[2] && keep[3] && keep[4]);
	/* No columns: every row is complete. */
	ck_assert_uint_eq(dataset_complete_rows(ds, cols, 0, keep, NULL), 5);
	dataset_free(ds);
}
END_TEST

START_TEST(test_rename_remove)
{
	sx_dataset *ds = sample();
	sx_err e;

	err_clear(&e);
	ck_assert_int_eq(dataset_rename_column(ds, "params", "N", &e), 0);
	ck_assert_str_eq(ds->cols[0].name, "N");
	ck_assert_int_eq(dataset_column_exact(ds, "params"), -1);
	/* Collisions and missing names fail and change nothing. */
	ck_assert_int_eq(dataset_rename_column(ds, "N", "L", &e), -1);
	ck_assert_str_eq(e.msg, "column 'L' exists already");
	ck_assert_str_eq(ds->cols[0].name, "N");
	ck_assert_int_eq(dataset_rename_column(ds, "nope", "x", &e), -1);
	ck_assert_str_eq(e.msg, "no column 'nope'");
	ck_assert_int_eq(dataset_rename_column(ds, "N", "", &e), -1);
	ck_assert_str_eq(e.msg, "empty column name");
	/* Case matters: "l" is a different name from "L". */
	ck_assert_int_eq(dataset_rename_column(ds, "N", "l", &e), 0);
	ck_assert_int_eq(dataset_rename_column(ds, "l", "l", &e), 0);
	ck_assert_str_eq(ds->cols[0].name, "l");

	dataset_remove_column(ds, 1);
	ck_assert_uint_eq(ds->ncols, 2);
	ck_assert_str_eq(ds->cols[0].name, "l");
	ck_assert_str_eq(ds->cols[1].name, "L");
	ck_assert(ds->cols[1].v[0] == 4.0);
	dataset_remove_column(ds, 5);
	ck_assert_uint_eq(ds->ncols, 2);
	dataset_remove_column(ds, 1);
	dataset_remove_column(ds, 0);
	ck_assert_uint_eq(ds->ncols, 0);
	/* The freed name can be used again. */
	ck_assert_int_eq(dataset_add_column(ds, "L", NULL, NULL, &e), 0);
	dataset_free(ds);
}
END_TEST

START_TEST(test_lookup)
{
	sx_dataset *ds = sample();
	static char *const t[] = { "x", "y", "z", "w" };
	sx_err e;

	ck_assert_int_eq(dataset_column_exact(ds, "L"), 2);
	ck_assert_int_eq(dataset_column_exact(ds, "l"), -1);
	ck_assert_int_eq(dataset_column(ds, "N"), 0);
	ck_assert_int_eq(dataset_column(ds, "n"), 0);
	ck_assert_int_eq(dataset_column(ds, "parameters"), 0);
	ck_assert_int_eq(dataset_column(ds, "L"), 2);
	ck_assert_int_eq(dataset_column(ds, "loss"), 2);
	ck_assert_int_eq(dataset_column(ds, "D"), -1);
	ck_assert_int_eq(dataset_column(ds, "name"), 1);
	ck_assert_int_eq(dataset_column(ds, "nothing"), -1);
	ck_assert_int_eq(dataset_column(ds, NULL), -1);
	/* A text alias column ranks after a numeric one, but is found alone. */
	err_clear(&e);
	ck_assert_int_eq(dataset_add_text_column(ds, "data", t, &e), 0);
	ck_assert_int_eq(dataset_column(ds, "D"), 3);
	ck_assert_int_eq(dataset_add_column(ds, "tokens", NULL, NULL, &e), 0);
	ck_assert_int_eq(dataset_column(ds, "D"), 4);
	/* An exact name wins over an alias. */
	ck_assert_int_eq(dataset_add_column(ds, "D", NULL, NULL, &e), 0);
	ck_assert_int_eq(dataset_column(ds, "D"), 5);
	dataset_free(ds);
}
END_TEST

START_TEST(test_canonical)
{
	static const struct { const char *alias, *canon; } cases[] = {
		{ "N", "N" }, { "n", "N" }, { "params", "N" },
		{ "Parameters", "N" }, { "num_params", "N" }, { "nparams", "N" },
		{ "model_size", "N" }, { "Model Size", "N" },
		{ "non_embedding_params", "N" }, { "non-embedding params", "N" },
		{ "D", "D" }, { "tokens", "D" }, { "num_tokens", "D" },
		{ "NTOKENS", "D" }, { "data", "D" }, { "dataset_size", "D" },
		{ "C", "C" }, { "compute", "C" }, { "FLOPs", "C" },
		{ "flop", "C" }, { "Training FLOP", "C" }, { "training_flops", "C" },
		{ "L", "L" }, { "loss", "L" }, { "val_loss", "L" },
		{ "eval_loss", "L" }, { "train_loss", "L" }, { "loss_c4_val", "L" },
		{ "S", "S" }, { "step", "S" }, { "Steps", "S" },
		{ "iterations", "S" }, { "t", "t" }, { "T", "t" }, { "time", "t" },
		{ "date", "t" }, { "Year", "t" },
	};
	static const char *const none[] = {
		"", "x", "lr", "size", "batch_size", "loss_openlm",
		"loss_paloma_ptb", "loss_val_de-en_100", "params x",
		"chinchilla_multiplier", "dataset_name", "tokens2",
		"a_very_long_column_name_that_is_longer_than_any_alias_at_all_"
		"by_a_long_way",
	};
	size_t i;

	for (i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		const char *c = column_canonical(cases[i].alias);

		ck_assert_msg(c != NULL && strcmp(c, cases[i].canon) == 0,
		    "'%s' -> %s, want %s", cases[i].alias, c ? c : "NULL",
		    cases[i].canon);
	}
	for (i = 0; i < sizeof none / sizeof none[0]; i++)
		ck_assert_msg(column_canonical(none[i]) == NULL,
		    "'%s' should not be an alias", none[i]);
	ck_assert_ptr_null(column_canonical(NULL));
	ck_assert_ptr_null(column_canonical(" _-"));
}
END_TEST

START_TEST(test_describe)
{
	ck_assert_str_eq(column_describe("N"), "parameters");
	ck_assert_str_eq(column_describe("D"), "tokens");
	ck_assert_str_eq(column_describe("C"), "compute (FLOP)");
	ck_assert_str_eq(column_describe("L"), "loss (nats/token)");
	ck_assert_str_eq(column_describe("S"), "steps");
	ck_assert_str_eq(column_describe("t"), "time");
	ck_assert_ptr_null(column_describe("params"));
	ck_assert_ptr_null(column_describe("n"));
	ck_assert_ptr_null(column_describe(NULL));
}
END_TEST

/* Groups of a text column (empty: no group), of whole numbers (NaN: no
 * group), and the refusal of a measured column. */
START_TEST(test_groups)
{
	char *mix[] = { "c4", "rpj", "", "c4", "rw" };
	double id[] = { 3, 1, NAN, 3, 1 }, lr[] = { 1, 2, 3, 0.5, 4 };
	sx_dataset *ds = dataset_new("g", 5);
	unsigned char keep[5];
	sx_groups g;
	sx_err e;

	err_clear(&e);
	ck_assert_int_eq(dataset_add_text_column(ds, "mix", mix, &e), 0);
	ck_assert_int_eq(dataset_add_column(ds, "id", NULL, id, &e), 0);
	ck_assert_int_eq(dataset_add_column(ds, "lr", NULL, lr, &e), 0);
	ck_assert_int_eq(groups_of_column(ds, 0, &g, &e), 0);
	ck_assert_uint_eq(g.n, 3);
	ck_assert_str_eq(g.names[0], "c4");
	ck_assert_str_eq(g.names[2], "rw");
	ck_assert_uint_eq(g.rows[0], 2);
	ck_assert_uint_eq(g.of_row[2], GROUP_NONE);
	ck_assert_uint_eq(groups_find(&g, "rpj"), 1);
	ck_assert_uint_eq(groups_find(&g, "x"), GROUP_NONE);
	groups_mask(&g, 0, keep);
	ck_assert(keep[0] && !keep[1] && !keep[2] && keep[3] && !keep[4]);
	groups_free(&g);
	ck_assert_int_eq(groups_of_column(ds, 1, &g, &e), 0);
	ck_assert_uint_eq(g.n, 2);
	ck_assert_str_eq(g.names[0], "3");
	ck_assert_str_eq(g.names[1], "1");
	ck_assert_uint_eq(g.of_row[2], GROUP_NONE);
	groups_free(&g);
	ck_assert_int_eq(groups_of_column(ds, 2, &g, &e), -1);
	ck_assert_str_eq(e.msg, "column 'lr' holds 0.5 at row 4: groups are the "
	    "values of a text or whole-number column");
	dataset_free(ds);
}
END_TEST

Suite *
unit_suite(void)
{
	Suite *s = suite_create("dataset");
	TCase *tc = tcase_create("dataset");
	TCase *tn = tcase_create("columns");

	tcase_add_test(tc, test_new_add);
	tcase_add_test(tc, test_units_round_trip);
	tcase_add_test(tc, test_copy);
	tcase_add_test(tc, test_select_rows);
	tcase_add_test(tc, test_rename_remove);
	tcase_add_test(tc, test_complete_rows);
	tcase_add_test(tc, test_lookup);
	tcase_add_test(tc, test_groups);
	suite_add_tcase(s, tc);
	tcase_add_test(tn, test_canonical);
	tcase_add_test(tn, test_describe);
	suite_add_tcase(s, tn);
	return s;
}
