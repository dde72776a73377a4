/* test_csv.c: the CSV/TSV reader: formats, numbers, every error and where. */
#include "config.h"

#include <errno.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/types.h>
#include <unistd.h>

#include "base/err.h"
#include "scaling/csv.h"
#include "scaling/dataset.h"
#include "tests/unit/unit.h"

/* Parse a NUL-terminated string; the dataset must come back. */
static sx_dataset *
parse_ok(const char *text)
{
	sx_err e;
	char buf[800];
	sx_dataset *ds;

	err_clear(&e);
	ds = csv_parse(text, strlen(text), "t.csv", "t", &e);
	err_format(&e, buf, sizeof buf);
	ck_assert_msg(ds != NULL, "unexpected error: %s", buf);
	return ds;
}

/* Parse text of length len that must fail; the formatted error goes to out. */
static void
parse_fail_n(const char *text, size_t len, char *out, size_t outlen)
{
	sx_err e;
	sx_dataset *ds;

	err_clear(&e);
	ds = csv_parse(text, len, "t.csv", "t", &e);
	ck_assert_msg(ds == NULL, "parse of '%s' should fail", text);
	err_format(&e, out, outlen);
}

/* Assert that `text` fails with exactly the formatted error `want`. */
/* What a text cell in a numeric column adds, when numbers began on line 2. */
#define FROM2 " (the column has numbers from line 2)"

#define ck_csv_error(text, want) do { \
	char got_[800]; \
	parse_fail_n((text), strlen(text), got_, sizeof got_); \
	ck_assert_str_eq(got_, (want)); \
} while (0)

START_TEST(test_basic)
{
	sx_dataset *ds = parse_ok("N,D,L\n1e9,2e10,2.5\n2e9,4e10,2.25\n");

	ck_assert_str_eq(ds->name, "t");
	ck_assert_ptr_null(ds->source);
	ck_assert_uint_eq(ds->nrows, 2);
	ck_assert_uint_eq(ds->ncols, 3);
	ck_assert_str_eq(ds->cols[0].name, "N");
	ck_assert_str_eq(ds->cols[2].name, "L");
	ck_assert_ptr_null(ds->cols[1].text);
	ck_assert(ds->cols[0].v[0] == 1e9);
	ck_assert(ds->cols[1].v[1] == 4e10);
	ck_assert(ds->cols[2].v[1] == 2.25);
	dataset_free(ds);
}
END_TEST

/* Each spelling must give the double the C compiler gives for it. */
START_TEST(test_number_forms)
{
	sx_dataset *ds = parse_ok(
	    "x\n"
	    "1e18\n1.5E+20\n+3\n-2.5\n.5\n5.\n0.1\n-0\n007\n1e-5\n"
	    "9.993852799709755e+18\n6795600349.289497\n"
	    "123456789012345678901234\n0.30000000000000004\n"
	    "2.2250738585072014e-308\n1.7976931348623157e308\n"
	    "4.9e-324\n 42 \n3.14159265358979323846264338327950288\n"
	    "9007199254740993\n9007199254740995\n25298381.201802593\n"
	    "1.2345678901234567e-25\n");
	static const double want[] = {
		1e18, 1.5E+20, +3, -2.5, .5, 5., 0.1, -0.0, 7, 1e-5,
		9.993852799709755e+18, 6795600349.289497,
		123456789012345678901234.0, 0.30000000000000004,
		2.2250738585072014e-308, 1.7976931348623157e308,
		4.9e-324, 42, 3.14159265358979323846264338327950288,
		/* halfway between doubles: ties to even */
		9007199254740993.0, 9007199254740995.0,
		25298381.201802593, 1.2345678901234567e-25
	};
	size_t i;

	ck_assert_uint_eq(ds->nrows, sizeof want / sizeof want[0]);
	for (i = 0; i < ds->nrows; i++)
		ck_assert_msg(ds->cols[0].v[i] == want[i],
		    "row %zu: %.17g != %.17g", i, ds->cols[0].v[i], want[i]);
	ck_assert(signbit(ds->cols[0].v[7]));
	dataset_free(ds);
}
END_TEST

START_TEST(test_number_errors)
{
	ck_csv_error("x\n1\n0x10\n", "t.csv:3:1: not a number: '0x10'" FROM2);
	ck_csv_error("x\n1\n1e\n", "t.csv:3:1: not a number: '1e'" FROM2);
	ck_csv_error("x\n1\n1.2.3\n", "t.csv:3:1: not a number: '1.2.3'" FROM2);
	ck_csv_error("x\n1\n1,5\n", "t.csv:3:3: extra cell (header has 1 column)");
	ck_csv_error("x,y\n1,2\n3,abc\n",
	    "t.csv:3:3: not a number: 'abc'" FROM2);
	ck_csv_error("x,y\n1,2\n3,  abc  \n",
	    "t.csv:3:5: not a number: 'abc'" FROM2);
	ck_csv_error("x,y\n1,2\n3,inf\n", "t.csv:3:3: infinite value");
	ck_csv_error("x,y\n1,2\n3,-Infinity\n", "t.csv:3:3: infinite value");
	ck_csv_error("x,y\n1,2\n3,1e999\n",
	    "t.csv:3:3: number out of range: '1e999'");
	ck_csv_error("x,y\n1,2\n3,-2e308\n",
	    "t.csv:3:3: number out of range: '-2e308'");
}
END_TEST

/* Every missing spelling, in a numeric and in a text column. */
START_TEST(test_missing_values)
{
	static const char *const spell[] = { "", "NA", "NaN", "nan", "null",
	    "None", "-", "na", "NULL", "-nan", "+NaN", "  NA  ", "\"\"",
	    "\"NA\"" };
	char text[200];
	sx_dataset *ds;

	for (size_t i = 0; i < sizeof spell / sizeof spell[0]; i++) {
		/* First data row missing: the column is still numeric. */
		snprintf(text, sizeof text, "N,L,name\n1,%s,%s\n2,3.5,b\n",
		    spell[i], spell[i]);
		ds = parse_ok(text);
		ck_assert_msg(ds->cols[1].v != NULL, "'%s' made L text",
		    spell[i]);
		ck_assert_msg(isnan(ds->cols[1].v[0]), "'%s' not missing",
		    spell[i]);
		ck_assert(ds->cols[1].v[1] == 3.5);
		ck_assert_str_eq(ds->cols[2].text[0], "");
		ck_assert_str_eq(ds->cols[2].text[1], "b");
		dataset_free(ds);
		/* Later rows missing too. */
		snprintf(text, sizeof text, "N,L\n1,2\n2,%s\n3,%s\n",
		    spell[i], spell[i]);
		ds = parse_ok(text);
		ck_assert(ds->cols[1].v[0] == 2);
		ck_assert(isnan(ds->cols[1].v[1]) && isnan(ds->cols[1].v[2]));
		dataset_free(ds);
	}
	/* Not missing: other words, and signs on a short word. */
	ck_csv_error("x\n1\nN/A\n",
	    "t.csv:3:1: not a number: 'N/A'" FROM2);
	ck_csv_error("x\n1\n--\n",
	    "t.csv:3:1: not a number: '--'" FROM2);
	ck_csv_error("x\n1\n-NA\n",
	    "t.csv:3:1: not a number: '-NA'" FROM2);
	/* Infinities stay errors. */
	ck_csv_error("x\nNA\ninf\n", "t.csv:3:1: infinite value");
}
END_TEST

/* Numbers first, then text: an error at the first text cell, naming the
 * line the numbers started on (after missing cells). */
START_TEST(test_mixed_column)
{
	ck_csv_error("run,loss\na,NA\nb,\nc,2.5\nd,2.4\ne,diverged\n",
	    "t.csv:6:3: not a number: 'diverged' (the column has numbers from "
	    "line 4)");
	ck_csv_error("loss\n2.5\nNA\n2,5\n",
	    "t.csv:4:3: extra cell (header has 1 column)");
}
END_TEST

START_TEST(test_long_cell_quoted)
{
	char text[200], got[800];

	snprintf(text, sizeof text, "x\n1\n%s\n",
	    "abcdefghijklmnopqrstuvwxyz0123456789ABCDEFGHIJKLMNOP");
	parse_fail_n(text, strlen(text), got, sizeof got);
	ck_assert_str_eq(got, "t.csv:3:1: not a number: "
	    "'abcdefghijklmnopqrstuvwxyz0123456789ABCD...'"
	    " (the column has numbers from line 2)");
	/* Cut on a character boundary: 39 ASCII bytes then a 2-byte 'é'. */
	snprintf(text, sizeof text, "x\n1\n%s\n",
	    "abcdefghijklmnopqrstuvwxyz0123456789ABC\xc3\xa9xyz");
	parse_fail_n(text, strlen(text), got, sizeof got);
	ck_assert_str_eq(got, "t.csv:3:1: not a number: "
	    "'abcdefghijklmnopqrstuvwxyz0123456789ABC...'"
	    " (the column has numbers from line 2)");
}
END_TEST

START_TEST(test_structure_errors)
{
	ck_csv_error("a,b,c,d,e\n1,2,3,4,5\n1,2,3\n",
	    "t.csv:3:6: missing cell (row has 3 of 5 columns)");
	ck_csv_error("a,b,c,d,e\n1,2,3\r\n",
	    "t.csv:2:6: missing cell (row has 3 of 5 columns)");
	ck_csv_error("a,b,c,d,e\n1,2,3,4,5,6\n",
	    "t.csv:2:11: extra cell (header has 5 columns)");
	ck_csv_error("a,b\n1,2,\n", "t.csv:2:5: extra cell (header has 2 columns)");
	ck_csv_error("", "t.csv: empty file");
	ck_csv_error("\xEF\xBB\xBF", "t.csv: empty file");
	ck_csv_error("# only a comment\n\n  \n",
	    "t.csv: no header row (only comments and blank lines)");
	ck_csv_error("a,b\n1,\"2\n3\n",
	    "t.csv:2:3: quote not closed");
	ck_csv_error("a,\"b\n", "t.csv:1:3: quote not closed");
	ck_csv_error("a,\"b\"c\n1,2\n", "t.csv:1:6: text after closing quote");
	ck_csv_error("N,D,N\n1,2,3\n", "t.csv:1:5: duplicate column name 'N'");
	ck_csv_error("N,x,x,N\n1,2,3,4\n", "t.csv:1:5: duplicate column name 'x'");
	ck_csv_error("\"a\"\"b\",\"a\"\"b\"\n1,2\n",
	    "t.csv:1:8: duplicate column name 'a\"b'");
	ck_csv_error("N,L\r1,2\r3,4\r", "t.csv:1:4: line ends in CR without LF "
	    "(old Mac line ends are not supported)");
	ck_csv_error("a,,c\n1,2,3\n", "t.csv:1:3: empty column name");
	ck_csv_error("a,b,\n1,2,3\n", "t.csv:1:5: empty column name");
	ck_csv_error("a, \"\" ,c\n1,2,3\n", "t.csv:1:4: empty column name");
}
END_TEST

START_TEST(test_nul_byte)
{
	static const char text[] = "a,b\n1,2\n3,4\0\n";
	char got[800];

	parse_fail_n(text, sizeof text - 1, got, sizeof got);
	ck_assert_str_eq(got, "t.csv:3:4: NUL byte in input");
}
END_TEST

START_TEST(test_quoting)
{
	sx_dataset *ds = parse_ok(
	    "\"run, name\",\"N\"\n"
	    "\"a \"\"b\"\" c\",\"1e9\"\n"
	    "\"two\nlines\", 2e9 \n"
	    "plain ,  \"3e9\"  \n"
	    "\"\",4e9\n");

	ck_assert_uint_eq(ds->nrows, 4);
	ck_assert_str_eq(ds->cols[0].name, "run, name");
	ck_assert_ptr_null(ds->cols[0].v);
	ck_assert_str_eq(ds->cols[0].text[0], "a \"b\" c");
	ck_assert_str_eq(ds->cols[0].text[1], "two\nlines");
	ck_assert_str_eq(ds->cols[0].text[2], "plain");
	ck_assert_str_eq(ds->cols[0].text[3], "");
	ck_assert(ds->cols[1].v[0] == 1e9);
	ck_assert(ds->cols[1].v[1] == 2e9);
	ck_assert(ds->cols[1].v[2] == 3e9);
	dataset_free(ds);
	/* Line numbers keep counting through a quoted newline. */
	ck_csv_error("name,N\n\"x\ny\",1\nz,q\n",
	    "t.csv:4:3: not a number: 'q' (the column has numbers from line 3)");
	/* A quote inside an unquoted cell is kept as is. */
	ds = parse_ok("name\n5\"6\n");
	ck_assert_str_eq(ds->cols[0].text[0], "5\"6");
	dataset_free(ds);
}
END_TEST

START_TEST(test_tsv_semicolon)
{
	sx_dataset *ds = parse_ok("Model Size\tTraining FLOP\tname\n"
	    "1e9\t6e18\ta b\n 2e9 \t1.2e19\t c,d \n");

	ck_assert_uint_eq(ds->ncols, 3);
	ck_assert_str_eq(ds->cols[1].name, "Training FLOP");
	ck_assert(ds->cols[1].v[1] == 1.2e19);
	ck_assert(ds->cols[0].v[1] == 2e9);
	ck_assert_str_eq(ds->cols[2].text[1], "c,d");
	dataset_free(ds);
	/* Empty TSV cell: tabs are delimiters there, not blanks. */
	ds = parse_ok("a\tb\n1\t2\n1\t\n");
	ck_assert(isnan(ds->cols[1].v[1]));
	dataset_free(ds);

	ds = parse_ok("N;L\n1e9;2.5\n2e9;3\n");
	ck_assert_uint_eq(ds->ncols, 2);
	ck_assert(ds->cols[1].v[1] == 3);
	dataset_free(ds);
	/* With ';' as delimiter a decimal comma is not a number. */
	ck_csv_error("N;L\n1e9;2.5\n2e9;2,5\n",
	    "t.csv:3:5: not a number: '2,5'" FROM2);
	/* The delimiter is sniffed outside quotes: "a;b;c" is one name. */
	ds = parse_ok("\"a;b;c\",d\n1,2\n");
	ck_assert_uint_eq(ds->ncols, 2);
	ck_assert_str_eq(ds->cols[0].name, "a;b;c");
	dataset_free(ds);
	/* One column, no delimiter at all. */
	ds = parse_ok("loss\n2.5\n2.0\n");
	ck_assert_uint_eq(ds->ncols, 1);
	ck_assert_uint_eq(ds->nrows, 2);
	dataset_free(ds);
}
END_TEST

START_TEST(test_crlf_bom_comments)
{
	sx_dataset *ds = parse_ok("\xEF\xBB\xBF# generated\r\n\r\nN,L\r\n"
	    "# a comment between rows, with, commas\r\n"
	    "1e9,2.5\r\n\r\n   \r\n2e9,2.25\r\n# trailing\r\n");

	ck_assert_uint_eq(ds->nrows, 2);
	ck_assert_str_eq(ds->cols[0].name, "N");
	ck_assert(ds->cols[1].v[0] == 2.5);
	ck_assert(ds->cols[1].v[1] == 2.25);
	dataset_free(ds);
	/* The BOM is not counted in line 1's columns; CRLF lines still count. */
	ck_csv_error("\xEF\xBB\xBFN,N\r\n", "t.csv:1:3: duplicate column name 'N'");
	ck_csv_error("\xEF\xBB\xBFN,L\r\n1,2\r\n3,x\r\n",
	    "t.csv:3:3: not a number: 'x'" FROM2);
	/* Last line without a newline; quoted cell before CRLF. */
	ds = parse_ok("N,name\r\n1,\"a\"\r\n2,\"b\"");
	ck_assert_uint_eq(ds->nrows, 2);
	ck_assert_str_eq(ds->cols[1].text[1], "b");
	dataset_free(ds);
}
END_TEST

START_TEST(test_utf8_columns)
{
	/* "é" is one character: the bad cell starts at character column 5. */
	ck_csv_error("name,N\nx,1\n\xc3\xa9t\xc3\xa9,q\n",
	    "t.csv:3:5: not a number: 'q'" FROM2);
}
END_TEST

START_TEST(test_text_columns)
{
	sx_dataset *ds = parse_ok("id,tag,N,empty\n1,a,10,\n2,,20,\n3,c,30,\n");

	ck_assert_uint_eq(ds->nrows, 3);
	ck_assert_ptr_nonnull(ds->cols[0].v);
	ck_assert_ptr_nonnull(ds->cols[1].text);
	ck_assert_ptr_null(ds->cols[1].v);
	ck_assert_str_eq(ds->cols[1].text[1], "");
	/* A column that is empty in every row is numeric, all missing. */
	ck_assert_ptr_nonnull(ds->cols[3].v);
	ck_assert(isnan(ds->cols[3].v[2]));
	dataset_free(ds);
	/* Empty first cells, then text: the column is text. */
	ds = parse_ok("N,tag\n1,\n2,\n3,x\n");
	ck_assert_ptr_nonnull(ds->cols[1].text);
	ck_assert_str_eq(ds->cols[1].text[0], "");
	ck_assert_str_eq(ds->cols[1].text[2], "x");
	dataset_free(ds);
	/* A text column keeps numbers that come later as text. */
	ds = parse_ok("name\nrun-a\n12\n");
	ck_assert_str_eq(ds->cols[0].text[1], "12");
	dataset_free(ds);
	/* Header only: zero rows, numeric columns. */
	ds = parse_ok("N,D\n");
	ck_assert_uint_eq(ds->nrows, 0);
	ck_assert_ptr_nonnull(ds->cols[0].v);
	dataset_free(ds);
}
END_TEST

/* Write `text` to a fresh temporary file; the path goes to `path`. */
static void
write_temp(char *path, size_t len, const char *text)
{
	int fd;
	FILE *f;

	snprintf(path, len, "/tmp/sx-test-csv-XXXXXX");
	fd = mkstemp(path);
	ck_assert_int_ge(fd, 0);
	f = fdopen(fd, "w");
	ck_assert_ptr_nonnull(f);
	fputs(text, f);
	ck_assert_int_eq(fclose(f), 0);
}

START_TEST(test_read_file)
{
	char path[64], got[800], want[800];
	sx_err e;
	sx_dataset *ds;

	write_temp(path, sizeof path, "N,L\n1e9,2.5\n2e9,x\n");
	err_clear(&e);
	ck_assert_ptr_null(csv_read_file(path, "runs", &e));
	err_format(&e, got, sizeof got);
	snprintf(want, sizeof want, "%s:3:5: not a number: 'x'" FROM2, path);
	ck_assert_str_eq(got, want);
	unlink(path);

	write_temp(path, sizeof path, "N,L\n1e9,2.5\n2e9,2.25\n");
	ds = csv_read_file(path, "runs", &e);
	ck_assert_ptr_nonnull(ds);
	ck_assert_str_eq(ds->name, "runs");
	ck_assert_str_eq(ds->source, path);
	ck_assert(ds->cols[1].v[1] == 2.25);
	dataset_free(ds);
	/* Without a name the base name is used, without its extension. */
	ds = csv_read_file(path, NULL, &e);
	ck_assert_ptr_nonnull(ds);
	ck_assert_str_eq(ds->name, path + strlen("/tmp/"));
	dataset_free(ds);
	unlink(path);

	err_clear(&e);
	ck_assert_ptr_null(csv_read_file("/nonexistent/runs.csv", NULL, &e));
	snprintf(want, sizeof want, "cannot open '/nonexistent/runs.csv': %s",
	    strerror(ENOENT));
	err_format(&e, got, sizeof got);
	ck_assert_str_eq(got, want);

	err_clear(&e);
	ck_assert_ptr_null(csv_read_file("/tmp", NULL, &e));
	snprintf(want, sizeof want, "cannot read '/tmp': %s", strerror(EISDIR));
	err_format(&e, got, sizeof got);
	ck_assert_str_eq(got, want);

	/* A sparse file just over the limit is refused before reading. */
	write_temp(path, sizeof path, "");
	ck_assert_int_eq(truncate(path, ((off_t)1 << 30) + 1), 0);
	err_clear(&e);
	ck_assert_ptr_null(csv_read_file(path, NULL, &e));
	snprintf(want, sizeof want, "'%s' is larger than the 1 GiB limit for "
	    "data files (1073741825 bytes)", path);
	err_format(&e, got, sizeof got);
	ck_assert_str_eq(got, want);
	unlink(path);

	write_temp(path, sizeof path, "");
	err_clear(&e);
	ck_assert_ptr_null(csv_read_file(path, NULL, &e));
	snprintf(want, sizeof want, "%s: empty file", path);
	err_format(&e, got, sizeof got);
	ck_assert_str_eq(got, want);
	unlink(path);
}
END_TEST

/* Index of column `name`, asserting it exists. */
static size_t
col(const sx_dataset *ds, const char *name)
{
	int i = dataset_column(ds, name);

	ck_assert_msg(i >= 0, "no column for '%s'", name);
	return (size_t)i;
}

START_TEST(test_chinchilla_file)
{
	sx_err e;
	sx_dataset *ds;

	err_clear(&e);
	ds = csv_read_file(unit_shared_data("chinchilla_epoch.csv"), NULL, &e);
	ck_assert_msg(ds != NULL, "%s", e.msg);
	ck_assert_str_eq(ds->name, "chinchilla_epoch");
	ck_assert_uint_eq(ds->nrows, 245);
	ck_assert_uint_eq(ds->ncols, 7);
	ck_assert_str_eq(ds->cols[col(ds, "N")].name, "Model Size");
	ck_assert_str_eq(ds->cols[col(ds, "C")].name, "Training FLOP");
	ck_assert_str_eq(ds->cols[col(ds, "L")].name, "loss");
	ck_assert_int_eq(dataset_column(ds, "D"), -1);
	ck_assert_ptr_nonnull(ds->cols[2].text);
	ck_assert_ptr_nonnull(ds->cols[5].text);
	ck_assert_str_eq(ds->cols[2].text[0], "#faebdd");
	ck_assert_str_eq(ds->cols[5].text[244], "#34193d");
	/* First and last data rows of the file. */
	ck_assert(ds->cols[col(ds, "N")].v[0] == 6795600349.289497);
	ck_assert(ds->cols[col(ds, "C")].v[0] == 9.993852799709755e+18);
	ck_assert(ds->cols[col(ds, "L")].v[0] == 5.005581996196243);
	ck_assert(ds->cols[col(ds, "N")].v[244] == 6795614805.310381);
	ck_assert(ds->cols[col(ds, "C")].v[244] == 1.2956022673438285e+22);
	ck_assert(ds->cols[col(ds, "L")].v[244] == 2.0773942450664395);
	ck_assert(ds->cols[0].v[1] == 151.60375);
	dataset_free(ds);
}
END_TEST

START_TEST(test_gadre_file)
{
	sx_err e;
	sx_dataset *ds;

	err_clear(&e);
	ds = csv_read_file(unit_shared_data("gadre2024_overtraining_scaling.csv"),
	    "gadre", &e);
	ck_assert_msg(ds != NULL, "%s", e.msg);
	ck_assert_uint_eq(ds->nrows, 104);
	ck_assert_uint_eq(ds->ncols, 19);
	ck_assert_str_eq(ds->cols[col(ds, "N")].name, "params");
	ck_assert_str_eq(ds->cols[col(ds, "D")].name, "tokens");
	/* The C4 validation loss, not the first loss_* column. */
	ck_assert_str_eq(ds->cols[col(ds, "L")].name, "loss_c4_val");
	ck_assert_int_eq(dataset_column(ds, "C"), -1);
	ck_assert_ptr_nonnull(ds->cols[0].text);
	ck_assert_ptr_nonnull(ds->cols[1].text);
	ck_assert_ptr_nonnull(ds->cols[2].text);
	ck_assert_str_eq(ds->cols[0].text[0], "c4_original-d=96_l=8_h=4-0.25");
	ck_assert_str_eq(ds->cols[2].text[103], "open_lm_7b");
	ck_assert(ds->cols[col(ds, "N")].v[0] == 10569312);
	ck_assert(ds->cols[col(ds, "D")].v[0] == 52846560);
	ck_assert(ds->cols[col(ds, "N")].v[103] == 6889410560.0);
	ck_assert(ds->cols[col(ds, "D")].v[103] == 137788211200.0);
	ck_assert(ds->cols[col(ds, "L")].v[103] == 2.454721561962622);
	ck_assert(ds->cols[col(ds, "lr")].v[103] == 0.0003);
	dataset_free(ds);
}
END_TEST

/* One random decimal: 1-24 digits, a point somewhere or none, an exponent
 * or none, kept within 1e-290..1e290 so strtod's value is a normal
 * double; every few a printed double (%.17g) or a near-halfway form. */
static void
random_number(unsigned *seed, char *buf, size_t len)
{
	int kind = rand_r(seed) % 4, nd = 1 + rand_r(seed) % 24, k = 0;
	int dot = rand_r(seed) % (nd + 1);

	if (kind == 0) {
		double x = ldexp((double)rand_r(seed) / RAND_MAX + 0.5,
		    rand_r(seed) % 1800 - 900);

		snprintf(buf, len, "%.*g", 15 + rand_r(seed) % 3, x);
		return;
	}
	if (rand_r(seed) % 5 == 0)
		buf[k++] = '-';
	for (int i = 0; i < nd; i++) {
		buf[k++] = (char)('0' + (i == 0 ? 1 + rand_r(seed) % 9 :
		    (kind == 1 ? (i == nd - 1 ? 5 : 0) : rand_r(seed) % 10)));
		if (i + 1 == dot)
			buf[k++] = '.';
	}
	buf[k] = '\0';
	if (rand_r(seed) % 3 != 0)
		snprintf(buf + k, len - (size_t)k, "e%d", rand_r(seed) % 560 - 280);
}

/* Every number the reader converts is bit for bit strtod's (correctly
 * rounded) value: edge cases of the fast paths, then random decimals. */
START_TEST(test_numbers_match_strtod)
{
	static const char *edge[] = {
		"9007199254740992", "9007199254740993", "9007199254740995",
		"1e22", "1e23", "8.98846567431158e307", "1.7976931348623157e308",
		"2.2250738585072014e-308", "0.1", "0.3", "123456789012345678",
		"18446744073709551615", "18446744073709551616", "1e-22", "1e-27",
		"3.0000000000000004", "2.0000000000000001110223024625156540",
		"4.35679e-10", "1.00000000000000011102230246251565404",
		"7.2057594037927933e16", "5e-324e0", "89255.0e-22", "1448997445238699",
	};
	enum { NRAND = 40000 };
	size_t n = sizeof edge / sizeof edge[0], cap = (n + NRAND) * 48 + 16,
	    k = 0, bad = 0;
	char **cells = malloc((n + NRAND) * sizeof *cells), *text = malloc(cap);
	unsigned seed = 12345;
	sx_err e;
	sx_dataset *ds;

	k += (size_t)snprintf(text, cap, "x\n");
	for (size_t i = 0; i < n + NRAND; i++) {
		char buf[64];

		if (i < n)
			snprintf(buf, sizeof buf, "%s", edge[i]);
		else
			random_number(&seed, buf, sizeof buf);
		if (strcmp(buf, "5e-324e0") == 0)
			snprintf(buf, sizeof buf, "4.9406564584124654e-324");
		cells[i] = strdup(buf);
		k += (size_t)snprintf(text + k, cap - k, "%s\n", buf);
	}
	err_clear(&e);
	ds = csv_parse(text, k, "numbers", "n", &e);
	ck_assert_msg(ds != NULL, "%s", e.msg);
	ck_assert_uint_eq(ds->nrows, n + NRAND);
	for (size_t i = 0; i < n + NRAND; i++) {
		double want = strtod(cells[i], NULL), got = ds->cols[0].v[i];

		if (memcmp(&want, &got, sizeof want) != 0 && bad++ < 5)
			fprintf(stderr, "%s: strtod %.17g, csv %.17g\n", cells[i],
			    want, got);
		free(cells[i]);
	}
	ck_assert_uint_eq(bad, 0);
	dataset_free(ds);
	free(cells);
	free(text);
}
END_TEST

/* A progress callback that counts its calls and stops at the `stop`th. */
struct cancel_at {
	int calls, stop;
	size_t last, total;
	int monotone;
};

static int
cancel_cb(void *ctx, size_t done, size_t total)
{
	struct cancel_at *c = ctx;

	c->calls++;
	if (done < c->last || done > total)
		c->monotone = 0;
	c->last = done;
	c->total = total;
	return c->stop > 0 && c->calls >= c->stop;
}

/* 200000 rows: progress is reported (every 65536 rows, in bytes of the
 * input); a callback that says stop fails the load and makes nothing. */
START_TEST(test_progress_cancel)
{
	size_t rows = 200000, cap = rows * 32 + 16, n = 0, len;
	char *text = malloc(cap), path[64], got[800], want[800];
	struct cancel_at c = { 0, 0, 0, 0, 1 };
	FILE *f;
	sx_err e;
	sx_dataset *ds;

	ck_assert_ptr_nonnull(text);
	n += (size_t)snprintf(text + n, cap - n, "N,D,L,C\n");
	for (size_t i = 0; i < rows; i++)
		n += (size_t)snprintf(text + n, cap - n, "%zu,%zu,%.3f,%zu\n",
		    i + 1, 2 * i, 1.0 + (double)(i % 1000) / 1000, i % 7);
	len = n;
	err_clear(&e);
	ds = csv_parse_progress(text, len, "big.csv", "big", cancel_cb, &c, &e);
	ck_assert_ptr_nonnull(ds);
	ck_assert_uint_eq(ds->nrows, rows);
	ck_assert_int_eq(c.calls, (int)(rows / 65536));
	ck_assert_int_eq(c.monotone, 1);
	ck_assert_uint_eq(c.total, len);
	ck_assert_uint_gt(c.last, 0);
	dataset_free(ds);

	c = (struct cancel_at){ 0, 2, 0, 0, 1 };
	err_clear(&e);
	ck_assert_ptr_null(csv_parse_progress(text, len, "big.csv", "big",
	    cancel_cb, &c, &e));
	ck_assert_int_eq(c.calls, 2);
	err_format(&e, got, sizeof got);
	ck_assert_str_eq(got, "big.csv: load cancelled: nothing was loaded");

	/* The same through a file. */
	snprintf(path, sizeof path, "/tmp/sx-test-csv-XXXXXX");
	f = fdopen(mkstemp(path), "w");
	ck_assert_ptr_nonnull(f);
	ck_assert_uint_eq(fwrite(text, 1, len, f), len);
	ck_assert_int_eq(fclose(f), 0);
	c = (struct cancel_at){ 0, 1, 0, 0, 1 };
	err_clear(&e);
	ck_assert_ptr_null(csv_read_file_progress(path, NULL, NULL, cancel_cb,
	    &c, &e));
	ck_assert_int_eq(c.calls, 1);
	err_format(&e, got, sizeof got);
	snprintf(want, sizeof want, "%s: load cancelled: nothing was loaded",
	    path);
	ck_assert_str_eq(got, want);
	unlink(path);
	free(text);
}
END_TEST

Suite *
unit_suite(void)
{
	Suite *s = suite_create("csv");
	TCase *tc = tcase_create("parse");
	TCase *tf = tcase_create("files");

	tcase_add_test(tc, test_basic);
	tcase_add_test(tc, test_number_forms);
	tcase_add_test(tc, test_number_errors);
	tcase_add_test(tc, test_long_cell_quoted);
	tcase_add_test(tc, test_structure_errors);
	tcase_add_test(tc, test_nul_byte);
	tcase_add_test(tc, test_quoting);
	tcase_add_test(tc, test_tsv_semicolon);
	tcase_add_test(tc, test_crlf_bom_comments);
	tcase_add_test(tc, test_utf8_columns);
	tcase_add_test(tc, test_text_columns);
	tcase_add_test(tc, test_missing_values);
	tcase_add_test(tc, test_mixed_column);
	tcase_add_test(tc, test_numbers_match_strtod);
	suite_add_tcase(s, tc);
	tcase_add_test(tf, test_read_file);
	tcase_add_test(tf, test_progress_cancel);
	tcase_add_test(tf, test_chinchilla_file);
	tcase_add_test(tf, test_gadre_file);
	suite_add_tcase(s, tf);
	return s;
}
