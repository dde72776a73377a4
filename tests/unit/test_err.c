/* test_err.c: base/: error records and their formatting, marked cuts,
 * xasprintf, SHA-256, fasthash. */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "base/err.h"
#include "base/fasthash.h"
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

/*
 * fasthash64 as the one-shot function computed it before the streaming
 * API existed (values printed by that version), and the streaming API
 * giving the same over every split into two pieces and over byte-by-byte
 * and odd-sized pieces.
 */
START_TEST(test_fasthash_pieces)
{
	static const struct {
		size_t len;
		uint64_t h;
	} pinned[] = {
		{ 0, 0xa3799c1f4f99762au }, { 1, 0x5b906ebd82ce041fu },
		{ 7, 0x61d23ad0cda0014eu }, { 8, 0x72fbb45503fdf92au },
		{ 31, 0xa095435817751445u }, { 32, 0xc53dab857d2bf1f0u },
		{ 33, 0x646bb8081bb4d0c4u }, { 63, 0x8605f1da2601a935u },
		{ 64, 0x4337b6b275766464u }, { 65, 0x5aef630b505db38bu },
		{ 100, 0xfb15c59ef9264798u }, { 999, 0xaa2048cfdfd858edu },
		{ 1000, 0x3716142bb76d8e35u },
	};
	unsigned char b[1000];
	fasthash_state st;
	size_t i, k, cut;

	for (i = 0; i < sizeof b; i++)
		b[i] = (unsigned char)(i * 37 + 11);
	for (k = 0; k < sizeof pinned / sizeof pinned[0]; k++)
		ck_assert_uint_eq(fasthash64(b, pinned[k].len), pinned[k].h);
	for (cut = 0; cut <= 200; cut++) {
		fasthash_init(&st);
		fasthash_update(&st, b, cut);
		fasthash_update(&st, b + cut, 200 - cut);
		ck_assert_uint_eq(fasthash_final(&st), fasthash64(b, 200));
	}
	for (size_t step = 1; step <= 37; step += 6) {
		fasthash_init(&st);
		for (i = 0; i < sizeof b; i += step)
			fasthash_update(&st, b + i,
			    i + step <= sizeof b ? step : sizeof b - i);
		ck_assert_uint_eq(fasthash_final(&st), fasthash64(b, sizeof b));
	}
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
	tcase_add_test(tc, test_fasthash_pieces);
	suite_add_tcase(s, tc);
	return s;
}
