/* test_canvas.c: braille and ASCII dots, lines, clipping, colours, text. */
#include "config.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "plots/canvas.h"
#include "plots/render.h"
#include "tests/unit/unit.h"

/* Is sub-pixel (x, y) of a braille canvas set? Bits from the Unicode
 * braille table: dots 1 2 3 7 down the left, 4 5 6 8 down the right. */
static int
braille_dot(const px_canvas *c, int x, int y)
{
	static const unsigned bit[4][2] = {
		{ 0x01, 0x08 }, { 0x02, 0x10 }, { 0x04, 0x20 }, { 0x40, 0x80 }
	};
	uint32_t g = canvas_glyph(c, y / 4, x / 2);

	if (g < 0x2800 || g > 0x28ff)
		return 0;
	return ((g - 0x2800) & bit[y % 4][x % 2]) != 0;
}

static int
count_dots(const px_canvas *c)
{
	int x, y, n = 0;

	for (y = 0; y < canvas_height(c) * 4; y++)
		for (x = 0; x < canvas_width(c) * 2; x++)
			n += braille_dot(c, x, y);
	return n;
}

START_TEST(test_braille_bits)
{
	/* Expected code points written out from the Unicode chart. */
	static const uint32_t expect[4][2] = {
		{ 0x2801, 0x2808 }, { 0x2802, 0x2810 }, { 0x2804, 0x2820 },
		{ 0x2840, 0x2880 }
	};
	int x, y;

	for (y = 0; y < 4; y++)
		for (x = 0; x < 2; x++) {
			px_canvas *c = canvas_new(1, 1, PX_BRAILLE, NULL);

			canvas_dot(c, x, y, PX_DEFAULT, PX_LAYER_LINE);
			ck_assert_uint_eq(canvas_glyph(c, 0, 0), expect[y][x]);
			canvas_free(c);
		}
	{
		px_canvas *c = canvas_new(1, 1, PX_BRAILLE, NULL);

		for (y = 0; y < 4; y++)
			for (x = 0; x < 2; x++)
				canvas_dot(c, x, y, PX_DEFAULT, PX_LAYER_LINE);
		ck_assert_uint_eq(canvas_glyph(c, 0, 0), 0x28ff);
		canvas_free(c);
	}
}
END_TEST

START_TEST(test_ascii_shapes)
{
	px_canvas *c = canvas_new(3, 1, PX_ASCII, NULL);
	unsigned bits;
	int x;

	ck_assert_int_eq(canvas_subw(c), 3);
	ck_assert_int_eq(canvas_subh(c), 3);
	/* A horizontal line through the middle row, a vertical one through
	 * the middle column, a rising diagonal. */
	canvas_line(c, 0, 1, 2, 1, 0, PX_LAYER_LINE, 0);
	canvas_line(c, 4, 0, 4, 2, 0, PX_LAYER_LINE, 0);
	canvas_line(c, 6, 2, 8, 0, 0, PX_LAYER_LINE, 0);
	ck_assert_uint_eq(canvas_glyph(c, 0, 0), '-');
	ck_assert_uint_eq(canvas_glyph(c, 0, 1), '|');
	ck_assert_uint_eq(canvas_glyph(c, 0, 2), '/');
	canvas_free(c);
	ck_assert_int_eq(canvas_ascii_glyph(0x1c0), '_');	/* bottom row */
	ck_assert_int_eq(canvas_ascii_glyph(0x111), '\\');	/* falling */
	ck_assert_int_eq(canvas_ascii_glyph(0x080), '.');	/* bottom middle */
	/* No non-empty pattern is blank or looks like a marker or a band. */
	for (bits = 1; bits < 512; bits++) {
		char g = canvas_ascii_glyph(bits);

		ck_assert(g != ' ' && strchr("ox+*#@%:", g) == NULL);
	}
	for (x = 0; x < 9; x++) {
		c = canvas_new(1, 1, PX_ASCII, NULL);
		canvas_dot(c, x % 3, x / 3, 0, PX_LAYER_LINE);
		ck_assert_uint_eq(canvas_cells(c)[0].dots, 1u << x);
		canvas_free(c);
	}
}
END_TEST

START_TEST(test_line_end_points)
{
	px_canvas *c = canvas_new(10, 5, PX_BRAILLE, NULL);
	int x;

	/* Bresenham visits max(|dx|, |dy|) + 1 sub-pixels, ends included. */
	canvas_line(c, 1, 2, 15, 17, 0, PX_LAYER_LINE, 0);
	ck_assert(braille_dot(c, 1, 2));
	ck_assert(braille_dot(c, 15, 17));
	ck_assert_int_eq(count_dots(c), 16);
	canvas_free(c);

	c = canvas_new(10, 5, PX_BRAILLE, NULL);
	canvas_line(c, 18, 3, 2, 3, 0, PX_LAYER_LINE, 0);
	for (x = 2; x <= 18; x++)
		ck_assert(braille_dot(c, x, 3));
	ck_assert_int_eq(count_dots(c), 17);
	canvas_free(c);

	/* A single point. */
	c = canvas_new(10, 5, PX_BRAILLE, NULL);
	canvas_line(c, 7, 7, 7, 7, 0, PX_LAYER_LINE, 0);
	ck_assert_int_eq(count_dots(c), 1);
	ck_assert(braille_dot(c, 7, 7));
	canvas_free(c);
}
END_TEST

START_TEST(test_clipping)
{
	px_canvas *c = canvas_new(10, 5, PX_BRAILLE, NULL);
	int x, y;

	/* Far outside on both sides: the visible part only, edge to edge. */
	canvas_line(c, -1000.0, 9.0, 1e6, 9.0, 0, PX_LAYER_LINE, 0);
	for (x = 0; x < 20; x++)
		ck_assert(braille_dot(c, x, 9));
	ck_assert_int_eq(count_dots(c), 20);
	canvas_line(c, -1e300, -1e300, 1e300, 1e300, 0, PX_LAYER_LINE, 0);
	canvas_line(c, 50, 50, 80, 90, 0, PX_LAYER_LINE, 0);	/* all outside */
	canvas_line(c, NAN, 1, 5, 5, 0, PX_LAYER_LINE, 0);
	canvas_line(c, 1, 1, INFINITY, 5, 0, PX_LAYER_LINE, 0);
	canvas_free(c);

	/* A clip rectangle: nothing outside it. */
	c = canvas_new(10, 5, PX_BRAILLE, NULL);
	canvas_clip(c, 4, 4, 11, 11);
	canvas_line(c, 0, 0, 19, 19, 0, PX_LAYER_LINE, 0);
	canvas_line(c, 0, 15, 15, 0, 0, PX_LAYER_LINE, 0);
	canvas_mark(c, 1, 1, 'o', 0, PX_LAYER_POINT);
	canvas_mark(c, 15, 15, 0, 0, PX_LAYER_POINT);
	for (y = 0; y < 20; y++)
		for (x = 0; x < 20; x++)
			if (braille_dot(c, x, y))
				ck_assert(x >= 4 && x <= 11 && y >= 4 && y <= 11);
	ck_assert(braille_dot(c, 4, 4));
	ck_assert(braille_dot(c, 11, 11));
	ck_assert(braille_dot(c, 4, 11));
	ck_assert(braille_dot(c, 11, 4));
	ck_assert_uint_eq(canvas_glyph(c, 0, 0), ' ');
	canvas_free(c);
}
END_TEST

START_TEST(test_marks_skip_nonfinite)
{
	px_canvas *c = canvas_new(4, 2, PX_BRAILLE, NULL);
	int r, k, total = 0;

	canvas_mark(c, NAN, 0, 'o', 1, PX_LAYER_POINT);
	canvas_mark(c, 0, INFINITY, 'o', 1, PX_LAYER_POINT);
	canvas_mark(c, -INFINITY, 0, 0, 1, PX_LAYER_POINT);
	canvas_mark(c, -0.6, 0, 'o', 1, PX_LAYER_POINT);	/* off the left */
	for (r = 0; r < 2; r++)
		for (k = 0; k < 4; k++) {
			ck_assert_uint_eq(canvas_glyph(c, r, k), ' ');
			total += canvas_points(c, r, k);
		}
	ck_assert_int_eq(total, 0);
	canvas_mark(c, 7.4, 7.4, 'o', 1, PX_LAYER_POINT);	/* last cell */
	ck_assert_uint_eq(canvas_glyph(c, 1, 3), 'o');
	ck_assert_int_eq(canvas_points(c, 1, 3), 1);
	canvas_free(c);
}
END_TEST

START_TEST(test_colour_rule)
{
	px_canvas *c = canvas_new(3, 1, PX_BRAILLE, NULL);

	/* Points beat lines beat bands, whatever the order. */
	canvas_band(c, 0, 0, PX_GREEN);
	canvas_line(c, 0, 0, 1, 0, PX_RED, PX_LAYER_LINE, 0);
	canvas_mark(c, 0, 2, 'o', PX_BLUE, PX_LAYER_POINT);
	canvas_line(c, 0, 3, 1, 3, PX_MAGENTA, PX_LAYER_LINE, 0);
	canvas_band(c, 0, 0, PX_CYAN);
	ck_assert_int_eq(canvas_colour(c, 0, 0), PX_BLUE);
	ck_assert_uint_eq(canvas_glyph(c, 0, 0), 'o');
	/* Equal layers: the last drawn wins; dots of both are kept. */
	canvas_line(c, 2, 0, 3, 0, PX_RED, PX_LAYER_LINE, 0);
	canvas_line(c, 2, 3, 3, 3, PX_GREEN, PX_LAYER_LINE, 0);
	ck_assert_int_eq(canvas_colour(c, 0, 1), PX_GREEN);
	ck_assert_uint_eq(canvas_glyph(c, 0, 1), 0x2800 + 0x01 + 0x08 + 0x40 + 0x80);
	/* A band alone shows the band glyph in its colour. */
	canvas_band(c, 0, 2, PX_YELLOW);
	ck_assert_uint_eq(canvas_glyph(c, 0, 2), 0x2591);
	ck_assert_int_eq(canvas_colour(c, 0, 2), PX_YELLOW);
	canvas_free(c);
}
END_TEST

START_TEST(test_text_and_errors)
{
	px_err e;
	px_canvas *c;
	char u[4];

	ck_assert_ptr_null(canvas_new(0, 5, PX_BRAILLE, &e));
	ck_assert_str_eq(e.msg, "canvas size 0x5 out of range (1..4096)");
	c = canvas_new(6, 1, PX_BRAILLE, NULL);
	/* A control character and a stray continuation byte become '?';
	 * text past the edge is dropped but counted. */
	ck_assert_int_eq(canvas_text(c, 0, 1, "a\x1b\x80\xc3\x97xyz", 0,
	    PX_LAYER_TEXT), 7);
	ck_assert_uint_eq(canvas_glyph(c, 0, 1), 'a');
	ck_assert_uint_eq(canvas_glyph(c, 0, 2), '?');
	ck_assert_uint_eq(canvas_glyph(c, 0, 3), '?');
	ck_assert_uint_eq(canvas_glyph(c, 0, 4), 0xd7);
	ck_assert_uint_eq(canvas_glyph(c, 0, 5), 'x');
	canvas_text(c, 0, -3, "abcd", 0, PX_LAYER_TEXT);
	ck_assert_uint_eq(canvas_glyph(c, 0, 0), 'd');
	canvas_free(c);
	c = canvas_new(2, 1, PX_ASCII, NULL);
	canvas_text(c, 0, 0, "\xc3\x97!", 0, PX_LAYER_TEXT);
	ck_assert_uint_eq(canvas_glyph(c, 0, 0), '?');
	canvas_free(c);
	ck_assert_int_eq(canvas_text_width("10\xc2\xb9\xe2\x81\xb8"), 4);
	ck_assert_uint_eq(canvas_utf8(0x2800 + 0xff, u), 3);
	ck_assert(memcmp(u, "\xe2\xa3\xbf", 3) == 0);
}
END_TEST

START_TEST(test_render_colours)
{
	px_canvas *c = canvas_new(8, 2, PX_BRAILLE, NULL);
	char *plain, *colour;

	canvas_text(c, 0, 0, "ab", PX_RED, PX_LAYER_TEXT);
	canvas_text(c, 0, 3, "c", PX_DEFAULT, PX_LAYER_TEXT);
	canvas_dot(c, 0, 0, PX_BLUE, PX_LAYER_LINE);
	canvas_dot(c, 0, 4, PX_BLUE, PX_LAYER_LINE);
	plain = render_text(c, 0, NULL);
	colour = render_text(c, 1, NULL);
	/* Trailing blanks trimmed; no escape codes without colour. */
	ck_assert_str_eq(plain, "ab c\n\xe2\xa0\x81\n");
	ck_assert_str_eq(colour,
	    "\x1b[31mab \x1b[0mc\n\x1b[34m\xe2\xa0\x81\x1b[0m\n");
	ck_assert_str_eq(render_sgr(PX_GREY), "90");
	ck_assert_str_eq(render_sgr(99), "");
	free(plain);
	free(colour);
	canvas_free(c);
}
END_TEST

Suite *
unit_suite(void)
{
	Suite *s = suite_create("canvas");
	TCase *tc = tcase_create("canvas");

	tcase_add_test(tc, test_braille_bits);
	tcase_add_test(tc, test_ascii_shapes);
	tcase_add_test(tc, test_line_end_points);
	tcase_add_test(tc, test_clipping);
	tcase_add_test(tc, test_marks_skip_nonfinite);
	tcase_add_test(tc, test_colour_rule);
	tcase_add_test(tc, test_text_and_errors);
	tcase_add_test(tc, test_render_colours);
	suite_add_tcase(s, tc);
	return s;
}
