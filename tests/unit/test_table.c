/* test_table.c: tables from records, their CSV, Markdown and LaTeX, and
 * values rounded to their standard errors. */
#include "config.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "tests/unit/unit.h"
#include "views/table.h"
#include "views/view.h"

/* What view_emit writes for r in format f (se_pm: the ± style). */
static char *
rendered(const sx_rec *r, int f, int se_pm)
{
	char *buf = NULL;
	size_t len = 0;
	FILE *fp = open_memstream(&buf, &len);
	sx_out o;

	ck_assert_ptr_nonnull(fp);
	out_init(&o, fp, 0);
	table_set_format(&o, f);
	o.se_pm = se_pm;
	view_emit(&o, r);
	fclose(fp);
	return buf;
}

static const char *
se(double v, double s, int pm, int latex)
{
	static char buf[128];

	return table_fmt_se(buf, sizeof buf, v, s, pm, latex);
}

START_TEST(test_round_to_se)
{
	ck_assert_str_eq(se(1.81734, 0.01523, 0, 0), "1.817(15)");
	ck_assert_str_eq(se(1.81734, 0.01523, 1, 0), "1.817 ± 0.015");
	ck_assert_str_eq(se(1.81734, 0.01523, 1, 1), "$1.817 \\pm 0.015$");
	/* Above the units: the value's power of ten, no fake zeros. */
	ck_assert_str_eq(se(1234.5, 120, 0, 0), "1.23(12)e3");
	ck_assert_str_eq(se(1234.5, 120, 1, 0), "(1.23 ± 0.12)e3");
	ck_assert_str_eq(se(1234.5, 120, 0, 1), "$1.23(12)\\times10^{3}$");
	/* At the units and below: plain. */
	ck_assert_str_eq(se(1234.5, 12, 0, 0), "1234(12)");
	ck_assert_str_eq(se(-0.000123, 0.0000045, 0, 0), "-0.0001230(45)");
	/* The error rounds up a digit: 0.0996 is 0.10, two digits still. */
	ck_assert_str_eq(se(1.23456, 0.0996, 0, 0), "1.23(10)");
	ck_assert_str_eq(se(1.23456, 0.0996, 1, 0), "1.23 ± 0.10");
	/* A value smaller than its error. */
	ck_assert_str_eq(se(20, 7000, 0, 0), "0.0(70)e3");
	/* No usable error: six significant digits. */
	ck_assert_str_eq(se(1.81734567, NAN, 0, 0), "1.81735");
	ck_assert_str_eq(se(1.81734567, 0, 0, 0), "1.81735");
}
END_TEST

/* A record like compare's: scalars, then a table of rows. */
static sx_rec *
sample(void)
{
	sx_rec *r = rec_new("sample"), *rows = rec_arr(r, "rows"), *e;

	rec_str(r, "data", "runs");
	e = rec_obj(rows, NULL);
	rec_str(e, "name", "a,b \"q\"");
	rec_num(e, "x", 0.1 + 0.2);
	rec_int(e, "n", 81);
	rec_bool(e, "ok", 1);
	e = rec_obj(rows, NULL);
	rec_str(e, "name", "100%_{x}|y");
	rec_num(e, "x", 1e25);
	rec_null(e, "n");
	rec_bool(e, "ok", 0);
	return r;
}

START_TEST(test_csv)
{
	sx_rec *r = sample();
	char *s = rendered(r, OUT_CSV, 0);

	ck_assert_str_eq(s, "name,x,n,ok\n"
	    "\"a,b \"\"q\"\"\",0.30000000000000004,81,true\n"
	    "100%_{x}|y,1e+25,,false\n");
	ck_assert(strtod("0.30000000000000004", NULL) == 0.1 + 0.2);
	free(s);
	rec_free(r);
}
END_TEST

/* A fit's record: one row a parameter, its error in CSV's "se". */
static sx_rec *
fit_sample(void)
{
	sx_rec *r = rec_new("fit show"), *ps = rec_obj(r, "params"), *p;

	rec_str(r, "name", "a");
	rec_null(r, "group");
	p = rec_obj(ps, "E");
	rec_num(p, "value", 1.81734);
	rec_num(p, "se", 0.01523);
	rec_bool(p, "fixed", 0);
	p = rec_obj(ps, "A");
	rec_num(p, "value", 1234.5);
	rec_num(p, "se", 120);
	rec_bool(p, "fixed", 0);
	return r;
}

START_TEST(test_fit_view)
{
	sx_rec *r = fit_sample();
	char *s = rendered(r, OUT_CSV, 0);

	ck_assert_str_eq(s, "param,value,se,fixed\n"
	    "E,1.81734,0.01523,false\nA,1234.5,120,false\n");
	free(s);
	s = rendered(r, OUT_MARKDOWN, 1);
	ck_assert_ptr_nonnull(strstr(s, "| E     |   1.817 ± 0.015 |"));
	ck_assert_ptr_nonnull(strstr(s, "| A     | (1.23 ± 0.12)e3 |"));
	free(s);
	rec_free(r);
}
END_TEST

/* Unescaped pipes in a Markdown line. */
static int
md_pipes(const char *line, size_t len)
{
	int n = 0;

	for (size_t i = 0; i < len; i++)
		if (line[i] == '\\')
			i++;
		else if (line[i] == '|')
			n++;
	return n;
}

START_TEST(test_markdown)
{
	sx_rec *r = sample();
	char *s = rendered(r, OUT_MARKDOWN, 0), *p = s;
	int lines = 0, pipes = -1;

	while (*p != '\0' && *p != '\n') {
		char *nl = strchr(p, '\n');
		size_t len = (size_t)(nl - p);

		ck_assert(p[0] == '|' && p[len - 1] == '|');
		if (pipes < 0)
			pipes = md_pipes(p, len);
		ck_assert_int_eq(md_pipes(p, len), pipes);
		if (lines == 1)  /* the header separator */
			for (size_t i = 0; i < len; i++)
				ck_assert(strchr("|-: ", p[i]) != NULL);
		lines++;
		p = nl + 1;
	}
	ck_assert_int_eq(lines, 4);
	ck_assert_int_eq(pipes, 5);
	ck_assert_ptr_nonnull(strstr(s, "| --: |"));     /* n: numbers */
	ck_assert_ptr_nonnull(strstr(s, "100%_{x}\\|y"));
	free(s);
	rec_free(r);
}
END_TEST

START_TEST(test_latex)
{
	sx_rec *r = rec_new("t"), *rows = rec_arr(r, "rows"), *e;
	char *s;
	int depth = 0;

	e = rec_obj(rows, NULL);
	rec_str(e, "name", "a_b%c&d#e$f{g}h~i^j\\k");
	rec_num(e, "x", 1e25);
	rec_num(e, "y", -747.449);
	s = rendered(r, OUT_LATEX, 0);
	ck_assert_str_eq(s, "\\begin{tabular}{lrr}\n\\toprule\n"
	    "name & x & y \\\\\n\\midrule\n"
	    "a\\_b\\%c\\&d\\#e\\$f\\{g\\}h\\textasciitilde{}i"
	    "\\textasciicircum{}j\\textbackslash{}k & $1\\times10^{25}$ & "
	    "$-747.449$ \\\\\n"
	    "\\bottomrule\n\\end{tabular}\n");
	for (const char *p = s; *p != '\0'; p++)
		if (*p == '\\' && strchr("{}", p[1]) != NULL)
			p++;
		else if (*p == '{')
			depth++;
		else if (*p == '}')
			ck_assert_int_ge(--depth, 0);
	ck_assert_int_eq(depth, 0);
	free(s);
	rec_free(r);
}
END_TEST

/* Without a table view or an array of rows, the record is one row,
 * nested objects as dotted columns; a multi-record put is one table. */
START_TEST(test_one_row_and_put_all)
{
	sx_rec *recs[2];
	char *buf = NULL;
	size_t len = 0;
	FILE *fp;
	sx_out o;

	for (int i = 0; i < 2; i++) {
		sx_rec *at;

		recs[i] = rec_new("point");
		rec_str(recs[i], "fit", i ? "b" : "a");
		at = rec_obj(recs[i], "at");
		rec_num(at, "N", 1e9 * (i + 1));
		rec_num(recs[i], "L", 2.5);
	}
	fp = open_memstream(&buf, &len);
	out_init(&o, fp, 0);
	table_set_format(&o, OUT_CSV);
	ck_assert_int_eq(view_put_all(&o, recs, 2, 2), 0);
	fclose(fp);
	ck_assert_str_eq(buf, "fit,at.N,L\na,1000000000,2.5\nb,2000000000,2.5\n");
	free(buf);
	ck_assert_int_eq(table_format_of("markdown"), OUT_MARKDOWN);
	ck_assert_int_eq(table_format_of("md"), -1);  /* one name each */
	ck_assert_int_eq(table_format_of("latex"), OUT_LATEX);
	ck_assert_int_eq(table_format_of("xls"), -1);
}
END_TEST

Suite *
unit_suite(void)
{
	Suite *s = suite_create("table");
	TCase *tc = tcase_create("table");

	tcase_add_test(tc, test_round_to_se);
	tcase_add_test(tc, test_csv);
	tcase_add_test(tc, test_fit_view);
	tcase_add_test(tc, test_markdown);
	tcase_add_test(tc, test_latex);
	tcase_add_test(tc, test_one_row_and_put_all);
	suite_add_tcase(s, tc);
	return s;
}
