/* test_err.c: base/: error records and their formatting, marked cuts,
 * xasprintf, SHA-256. */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "base/err.h"
#include "base/fmt.h"
#include "base/sha256.h"
#include "base/xalloc.h"
#include "tests/unit/unit.h"

/* Text that fits is written whole; text that does not ends with the
 * ellipsis, cut at a character boundary, never in the middle of one. */
/* A table cell: padded to its width in characters, or cut with "…". */
START_TEST(test_fmt_cell)
{
	char b[32];

	ck_assert_uint_eq(fmt_width("d\xc3\xa9j\xc3\xa0"), 4);
	fmt_cell(b, sizeof b, "abc", 5, 0);
	ck_assert_str_eq(b, "abc  ");
	fmt_cell(b, sizeof b, "abc", 5, 1);
	ck_assert_str_eq(b, "  abc");
	fmt_cell(b, sizeof b, "abcdef", 4, 1);
	ck_assert_str_eq(b, "abc\xe2\x80\xa6");
	/* Widths count characters: "é" pads like one. */
	fmt_cell(b, sizeof b, "\xc3\xa9t\xc3\xa9", 4, 0);
	ck_assert_str_eq(b, "\xc3\xa9t\xc3\xa9 ");
	fmt_cell(b, sizeof b, "\xc3\xa9t\xc3\xa9s", 3, 0);
	ck_assert_str_eq(b, "\xc3\xa9t\xe2\x80\xa6");
	fmt_cell(b, sizeof b, "abc", 3, 0);
	ck_assert_str_eq(b, "abc");
	fmt_cell(b, sizeof b, "ab", 1, 0);
	ck_assert_str_eq(b, "\xe2\x80\xa6");
}
END_TEST

START_TEST(test_fmt_cut_marked)
{
	char b[8], w[16];
	sx_err e;

	ck_assert_int_eq(fmt_set(b, sizeof b, "%s", "1234567"), 0);
	ck_assert_str_eq(b, "1234567");
	ck_assert_int_eq(fmt_set(b, sizeof b, "%s", "12345678"), 1);
	ck_assert_str_eq(b, "1234\xe2\x80\xa6");
	/* "é" is 2 bytes: the cut backs over a character, not into it. */
	ck_assert_int_eq(fmt_set(b, sizeof b, "%s", "123\xc3\xa9xyz"), 1);
	ck_assert_str_eq(b, "123\xe2\x80\xa6");
	ck_assert_int_eq(fmt_set(b, 3, "%s", "abc"), 1);
	ck_assert_str_eq(b, "ab");   /* no room for the mark */

	w[0] = '\0';
	ck_assert_int_eq(fmt_append(w, sizeof w, "%s", "warn one"), 0);
	ck_assert_int_eq(fmt_append(w, sizeof w, "; %s", "two"), 0);
	ck_assert_str_eq(w, "warn one; two");
	ck_assert_int_eq(fmt_append(w, sizeof w, "; %s", "three"), 1);
	ck_assert_uint_eq(strlen(w), sizeof w - 1);
	ck_assert_str_eq(w + strlen(w) - 3, "\xe2\x80\xa6");
	ck_assert_int_eq(fmt_append(w, sizeof w, "%s", "more"), 1);
	ck_assert_str_eq(w + strlen(w) - 3, "\xe2\x80\xa6");

	/* An error message too long for the record says it was cut. */
	err_clear(&e);
	err_set(&e, "%0600d", 7);
	ck_assert_uint_eq(strlen(e.msg), sizeof e.msg - 1);
	ck_assert_str_eq(e.msg + strlen(e.msg) - 3, "\xe2\x80\xa6");
}
END_TEST

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

START_TEST(test_xasprintf)
{
	char *s = xasprintf("%s=%d", "k", 6);

	ck_assert_str_eq(s, "k=6");
	free(s);
}
END_TEST

/* FIPS 180-2 appendix B vectors, and a 1,000,000-byte one. */
START_TEST(test_sha256_vectors)
{
	char hex[65];
	static char big[1000000];

	sha256_hex("abc", 3, hex);
	ck_assert_str_eq(hex,
	    "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
	sha256_hex("", 0, hex);
	ck_assert_str_eq(hex,
	    "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
	sha256_hex("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq", 56,
	    hex);
	ck_assert_str_eq(hex,
	    "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1");
	memset(big, 'a', sizeof big);
	sha256_hex(big, sizeof big, hex);
	ck_assert_str_eq(hex,
	    "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0");
}
END_TEST

Suite *
unit_suite(void)
{
	Suite *s = suite_create("err");
	TCase *tc = tcase_create("core");

	tcase_add_test(tc, test_format_positions);
	tcase_add_test(tc, test_fmt_cut_marked);
	tcase_add_test(tc, test_fmt_cell);
	tcase_add_test(tc, test_xasprintf);
	tcase_add_test(tc, test_sha256_vectors);
	suite_add_tcase(s, tc);
	return s;
}
