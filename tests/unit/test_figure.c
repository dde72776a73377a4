/* test_figure.c: whole figures: golden text, legend corner, skipped points,
 * dense curves, errors, colours. */
#include "config.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "plots/figure.h"
#include "plots/render.h"
#include "tests/unit/unit.h"

static double
inv_sqrt_law(double x, void *ctx)
{
	(void)ctx;
	return 100.0 / sqrt(x);
}

/* The small log-log figure of the golden tests. */
static px_figure *
demo_figure(void)
{
	static const double x[] = { 10, 30, 100, 300, 1000, 3000, 10000 };
	double y[7];
	px_figure *f = figure_new();
	int i;

	for (i = 0; i < 7; i++)
		y[i] = inv_sqrt_law(x[i], NULL) * (i % 2 ? 1.15 : 0.87);
	ck_assert_int_eq(figure_set_title(f, "Demo"), 0);
	ck_assert_int_eq(figure_set_labels(f, "N", "L"), 0);
	figure_set_log(f, 1, 1);
	ck_assert_int_eq(figure_scatter(f, "data", x, y, 7, NULL), 0);
	ck_assert_int_eq(figure_function(f, "fit", inv_sqrt_law, NULL, NULL), 1);
	return f;
}

static char *
render_figure(px_figure *f, int w, int h, int mode, int colour)
{
	px_err e;
	px_canvas *c = figure_render(f, w, h, mode, &e);
	char *text;

	ck_assert_msg(c != NULL, "render failed: %s", e.msg);
	text = render_text(c, colour, &e);
	canvas_free(c);
	return text;
}

/*
 * Checked by eye: the fit falls from the top left to the bottom right as a
 * thin braille curve with the seven markers on and near it, the first at
 * x = 10 over the 10 tick and the last at 10k; the legend sits in the empty
 * top-right corner; the y labels 10 and 1 are on ┤ ticks, the x labels
 * 10 100 1k 10k under ┬ ticks, minor ticks ┴ at 2x and 5x.
 */
static const char golden_braille[] =
	    "                   Demo\n"
	    "L\n"
	    "   │⠢•⣀⡀                        • data\n"
	    "   │   ⠈⠑⠒•⢄⣀                   ─ fit\n"
	    "10 ┤         ⠉⠒•⠤⣀⡀\n"
	    "   │              ⠈⠑•⠤⢄⡀\n"
	    "   │                   ⠈⠉⠒•⠤⣀\n"
	    "   │                         ⠉•⠒⠤⢄⡀\n"
	    " 1 ┤                              ⠈⠉•⠢\n"
	    "   └─┬──┴───┴──┬──┴────┴──┬──┴───┴──┬─\n"
	    "     10       100         1k       10k\n"
	    "                    N\n";

/* The same in ASCII: the curve keeps its slope with - _ / \ ' . and the
 * markers are o. */
static const char golden_ascii[] =
	    "                   Demo\n"
	    "L\n"
	    "   |-o_                         o data\n"
	    "   |   ---o_/                   - fit\n"
	    "10 +        '-\\o\\_.\n"
	    "   |              /-o-_/\n"
	    "   |                   '-\\o\\_.\n"
	    "   |                         /o--__\n"
	    " 1 +                               -o-\n"
	    "   +-+--'---'--+--'----'--+--'---'--+-\n"
	    "     10       100         1k       10k\n"
	    "                    N\n";

START_TEST(test_golden_small)
{
	px_figure *f = demo_figure();
	char *b = render_figure(f, 40, 12, PX_BRAILLE, 0);
	char *a = render_figure(f, 40, 12, PX_ASCII, 0);
	char *b2 = render_figure(f, 40, 12, PX_BRAILLE, 0);

	ck_assert_str_eq(b, golden_braille);
	ck_assert_str_eq(a, golden_ascii);
	ck_assert_str_eq(b, b2);	/* deterministic */
	free(a);
	free(b);
	free(b2);
	figure_free(f);
}
END_TEST

START_TEST(test_colours_on_off)
{
	px_figure *f = demo_figure();
	char *plain = render_figure(f, 40, 12, PX_BRAILLE, 0);
	char *colour = render_figure(f, 40, 12, PX_BRAILLE, 1);

	ck_assert_ptr_null(strchr(plain, '\x1b'));
	/* Data blue, fit red, every line back to default at its end. */
	ck_assert_ptr_nonnull(strstr(colour, "\x1b[34m\xe2\x80\xa2"));
	ck_assert_ptr_nonnull(strstr(colour, "\x1b[31m"));
	ck_assert_ptr_nonnull(strstr(colour, "\x1b[0m\n"));
	ck_assert_ptr_null(strstr(colour, "\x1b[34m\n"));
	free(plain);
	free(colour);
	figure_free(f);
}
END_TEST

START_TEST(test_ranges_padded)
{
	px_figure *f = demo_figure();
	double xlo, xhi, ylo, yhi;
	char *t = render_figure(f, 40, 12, PX_BRAILLE, 0);

	/* x data 10..1e4: 3 decades, padded by 5% of them (0.15 decade). */
	figure_ranges(f, &xlo, &xhi, &ylo, &yhi);
	ck_assert_close(xlo, pow(10.0, 0.85), 1e-12);
	ck_assert_close(xhi, pow(10.0, 4.15), 1e-12);
	ck_assert(ylo > 0.0 && ylo < 0.84 && yhi > 100.0 / sqrt(pow(10.0, 0.85)));
	free(t);
	figure_set_range(f, 1.0, 1e5, NAN, NAN);
	t = render_figure(f, 40, 12, PX_BRAILLE, 0);
	figure_ranges(f, &xlo, &xhi, &ylo, &yhi);
	ck_assert(xlo == 1.0 && xhi == 1e5);
	free(t);
	figure_free(f);
}
END_TEST

static int
total_points(const px_canvas *c)
{
	int r, k, n = 0;

	for (r = 0; r < canvas_height(c); r++)
		for (k = 0; k < canvas_width(c); k++)
			n += canvas_points(c, r, k);
	return n;
}

START_TEST(test_nonfinite_skipped)
{
	static const double x[] = { 1, 2, 3, 4, 5, NAN, INFINITY, -INFINITY, 6 };
	static const double y[] = { 1, 2, NAN, 4, INFINITY, 6, 7, 8, -INFINITY };
	static const double ly[] = { 1, 0, -1, 10, 5, 1, 1, 1, 1 };
	px_figure *f = figure_new();
	px_canvas *c;
	px_err e;
	double xlo, xhi, ylo, yhi;

	figure_scatter(f, NULL, x, y, 9, NULL);
	figure_line(f, NULL, x, y, 9, NULL);
	c = figure_render(f, 40, 12, PX_BRAILLE, &e);
	ck_assert_ptr_nonnull(c);
	/* Only (1,1) (2,2) (4,4) are drawn; the range ignores the rest. */
	ck_assert_int_eq(total_points(c), 3);
	figure_ranges(f, &xlo, &xhi, &ylo, &yhi);
	ck_assert(xlo > 0.8 && xhi < 4.3 && ylo > 0.8 && yhi < 4.3);
	canvas_free(c);
	figure_free(f);

	/* On a log y axis, 0 and -1 are skipped too. */
	f = figure_new();
	figure_set_log(f, 0, 1);
	figure_scatter(f, NULL, x, ly, 5, NULL);
	c = figure_render(f, 40, 12, PX_ASCII, &e);
	ck_assert_ptr_nonnull(c);
	ck_assert_int_eq(total_points(c), 3);
	canvas_free(c);
	figure_free(f);
}
END_TEST

/* Row and column of the first occurrence of ASCII text s, or -1. */
static int
find_text(const px_canvas *c, const char *s, int *col)
{
	int r, k, i, n = (int)strlen(s);

	for (r = 0; r < canvas_height(c); r++)
		for (k = 0; k + n <= canvas_width(c); k++) {
			for (i = 0; i < n && canvas_glyph(c, r, k + i) == (uint32_t)s[i]; i++)
				;
			if (i == n) {
				*col = k;
				return r;
			}
		}
	return -1;
}

/* Where the legend goes for y = shape(x) on 0..1. */
static void
legend_at(int shape, int *row, int *col)
{
	double x[60], y[60];
	px_figure *f = figure_new();
	px_canvas *c;
	int i;

	for (i = 0; i < 60; i++) {
		x[i] = i / 59.0;
		y[i] = shape == 0 ? x[i] : shape == 1 ? 1.0 - x[i] : i > 0;
	}
	figure_scatter(f, "points", x, y, 60, NULL);
	c = figure_render(f, 60, 20, PX_BRAILLE, NULL);
	ck_assert_ptr_nonnull(c);
	*row = find_text(c, "points", col);
	ck_assert_int_ge(*row, 0);
	canvas_free(c);
	figure_free(f);
}

START_TEST(test_legend_corner)
{
	int row, col;

	/* Rising data: top right is taken, top left is empty. */
	legend_at(0, &row, &col);
	ck_assert_int_lt(row, 6);
	ck_assert_int_lt(col, 20);
	/* Falling data: top right is empty. */
	legend_at(1, &row, &col);
	ck_assert_int_lt(row, 6);
	ck_assert_int_gt(col, 40);
	/* Points along the top and one at the bottom left: bottom right. */
	legend_at(2, &row, &col);
	ck_assert_int_gt(row, 12);
	ck_assert_int_gt(col, 40);
}
END_TEST

static double
chinchilla_c(double c, void *ctx)
{
	(void)ctx;
	return 1.69 + 1070.0 * pow(c, -0.154);
}

START_TEST(test_fit_across_screen)
{
	/* Data only between 1e20 and 1e21; the fit drawn over 1e18..1e26. */
	double x[] = { 1e20, 3e20, 1e21 }, y[3];
	px_figure *f = figure_new();
	px_canvas *c;
	int i, r, k, axis_row = -1, first = -1, last = -1;
	char *text, *line;

	for (i = 0; i < 3; i++)
		y[i] = chinchilla_c(x[i], NULL);
	figure_set_log(f, 1, 1);
	figure_set_range(f, 1e18, 1e26, NAN, NAN);
	figure_scatter(f, "runs", x, y, 3, NULL);
	figure_function(f, "fit", chinchilla_c, NULL, NULL);
	c = figure_render(f, 80, 24, PX_BRAILLE, NULL);
	ck_assert_ptr_nonnull(c);
	for (r = 0; r < canvas_height(c); r++)
		if (canvas_glyph(c, r, 0) == ' ' && axis_row < 0)
			for (k = 0; k < canvas_width(c); k++)
				if (canvas_glyph(c, r, k) == 0x2514)
					axis_row = r;
	ck_assert_int_ge(axis_row, 0);
	for (k = 0; k < canvas_width(c); k++) {
		uint32_t g = canvas_glyph(c, axis_row, k);

		if (g == 0x2500 || g == 0x252c || g == 0x2534) {
			int drawn = 0;

			if (first < 0)
				first = k;
			last = k;
			for (r = 0; r < axis_row; r++) {
				uint32_t d = canvas_glyph(c, r, k);

				drawn |= (d >= 0x2801 && d <= 0x28ff) || d == 0x2022;
			}
			ck_assert_msg(drawn, "column %d has no curve", k);
		}
	}
	ck_assert_int_gt(last - first, 60);
	/* Every decade labelled (the ticks test checks they never collide). */
	text = render_text(c, 0, NULL);
	line = text;
	for (r = 0; r <= axis_row; r++)
		line = strchr(line, '\n') + 1;
	*strchr(line, '\n') = '\0';
	for (i = 18; i <= 26; i++) {
		static const char *const sup[] = { "\xe2\x81\xb0", "\xc2\xb9",
		    "\xc2\xb2", "\xc2\xb3", "\xe2\x81\xb4", "\xe2\x81\xb5",
		    "\xe2\x81\xb6", "\xe2\x81\xb7", "\xe2\x81\xb8",
		    "\xe2\x81\xb9" };
		char want[32];

		snprintf(want, sizeof want, "10%s%s", sup[i / 10], sup[i % 10]);
		ck_assert_msg(strstr(line, want) != NULL, "no 10^%d in '%s'", i, line);
	}
	free(text);
	canvas_free(c);
	figure_free(f);
}
END_TEST

START_TEST(test_errors)
{
	px_figure *f = demo_figure();
	px_err e;

	ck_assert_ptr_null(figure_render(f, 10, 4, PX_BRAILLE, &e));
	ck_assert_msg(strncmp(e.msg, "plot area too small: need at least ", 35) == 0,
	    "%s", e.msg);
	ck_assert_ptr_null(figure_render(f, 80, 5, PX_ASCII, &e));
	ck_assert_ptr_nonnull(strstr(e.msg, "got 80x5"));
	ck_assert_ptr_null(figure_render(f, 5000, 24, PX_ASCII, &e));
	figure_set_range(f, 0.0, 10.0, NAN, NAN);
	ck_assert_ptr_null(figure_render(f, 80, 24, PX_ASCII, &e));
	ck_assert_str_eq(e.msg, "x axis range 0..10 is not positive on a log scale");
	figure_free(f);

	f = figure_new();
	ck_assert_ptr_null(figure_render(f, 80, 24, PX_BRAILLE, &e));
	ck_assert_str_eq(e.msg, "nothing to plot: no usable x values (give an x range)");
	ck_assert_int_eq(figure_scatter(f, "a", NULL, NULL, 3, &e), -1);
	ck_assert_int_eq(figure_style(f, 7, PX_RED, 0), -1);
	figure_free(f);
}
END_TEST

START_TEST(test_residuals_band_hilite)
{
	double x[20], y[20], r[20], lo[20], hi[20];
	px_figure *f = figure_new();
	px_canvas *c;
	int i, col, row;
	char *text;

	for (i = 0; i < 20; i++) {
		x[i] = 1.0 + i;
		y[i] = 2.0 * x[i] + (i % 3 - 1) * 0.5;
		r[i] = y[i] - 2.0 * x[i];
		lo[i] = 2.0 * x[i] - 1.0;
		hi[i] = 2.0 * x[i] + 1.0;
	}
	figure_set_labels(f, "x (s)", "y (m)");
	figure_band(f, "band", x, lo, hi, 20, NULL);
	figure_scatter(f, "data", x, y, 20, NULL);
	figure_hline(f, NULL, 20.0, NULL);
	figure_vline(f, NULL, 10.0, NULL);
	figure_highlight(f, "X*", 15.0, 30.0, NULL);
	figure_residuals(f, "residual", x, r, 20, NULL);
	c = figure_render(f, 60, 24, PX_BRAILLE, NULL);
	ck_assert_ptr_nonnull(c);
	/* Residual panel label, highlight marker and its label, axis titles. */
	ck_assert_int_ge(find_text(c, "residual", &col), 0);
	row = find_text(c, "X*", &col);
	ck_assert_int_ge(row, 0);
	ck_assert_uint_eq(canvas_glyph(c, row, col - 2), 0x25c6);
	ck_assert_int_eq(find_text(c, "y (m)", &col), 0);
	ck_assert_int_eq(find_text(c, "x (s)", &col), 23);
	/* Two x axes: one under each panel. */
	for (i = 0, row = 0; i < canvas_height(c); i++)
		for (col = 0; col < 8; col++)
			row += canvas_glyph(c, i, col) == 0x2514 ||
			    canvas_glyph(c, i, col) == 0x251c;
	ck_assert_int_eq(row, 2);
	/* Residual labels keep their sign and decimals. */
	ck_assert_int_ge(find_text(c, "-0.5", &col), 0);
	text = render_text(c, 0, NULL);
	ck_assert_ptr_nonnull(strstr(text, "\xe2\x96\x91"));	/* band cells */
	free(text);
	canvas_free(c);
	figure_free(f);
}
END_TEST

Suite *
unit_suite(void)
{
	Suite *s = suite_create("figure");
	TCase *tc = tcase_create("figure");

	tcase_add_test(tc, test_golden_small);
	tcase_add_test(tc, test_colours_on_off);
	tcase_add_test(tc, test_ranges_padded);
	tcase_add_test(tc, test_nonfinite_skipped);
	tcase_add_test(tc, test_legend_corner);
	tcase_add_test(tc, test_fit_across_screen);
	tcase_add_test(tc, test_errors);
	tcase_add_test(tc, test_residuals_band_hilite);
	suite_add_tcase(s, tc);
	return s;
}
