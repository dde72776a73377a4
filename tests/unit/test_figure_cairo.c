/* test_figure_cairo.c: figure files: a PNG decoded back by cairo (size,
 * ink in the plot, each series' colour), SVG and PDF bytes that repeat,
 * errors. (xmllint and pdfinfo check the files in
 * tests/figures/check-files.sh.) */
#include "config.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include <cairo.h>

#include "plots/figure.h"
#include "plots/figure_cairo.h"
#include "tests/unit/unit.h"

static double
power_law(double x, void *ctx)
{
	(void)ctx;
	return 2.0 + 40.0 / pow(x, 0.3);
}

/* Points of the law, scattered; the law; a reference line; residuals. */
static px_figure *
demo_figure(int residuals)
{
	double x[12], y[12], r[12];
	px_figure *f = figure_new();
	int i;

	for (i = 0; i < 12; i++) {
		x[i] = pow(10.0, 1.0 + 0.4 * i);
		r[i] = (i % 3 - 1) * 0.05;
		y[i] = power_law(x[i], NULL) + r[i];
	}
	ck_assert_ptr_nonnull(f);
	ck_assert_int_eq(figure_set_labels(f, "C (FLOP)", "L (nats)"), 0);
	figure_set_log(f, 1, 1);
	ck_assert_int_eq(figure_scatter(f, "runs", x, y, 12, NULL), 0);
	ck_assert_int_eq(figure_function(f, "fit", power_law, NULL, NULL), 1);
	ck_assert_int_eq(figure_hline(f, NULL, 2.0, NULL), 2);
	if (residuals)
		ck_assert_int_eq(figure_residuals(f, "resid", x, r, 12, NULL), 3);
	return f;
}

struct reader {
	const unsigned char *d;
	size_t n, at;
};

static cairo_status_t
read_mem(void *closure, unsigned char *data, unsigned int len)
{
	struct reader *rd = closure;

	if (rd->at + len > rd->n)
		return CAIRO_STATUS_READ_ERROR;
	memcpy(data, rd->d + rd->at, len);
	rd->at += len;
	return CAIRO_STATUS_SUCCESS;
}

/* Pixels of the decoded image: non-white ones, and those of a colour
 * much bluer (or redder) than it is anything else. */
static void
count_ink(cairo_surface_t *img, long *ink, long *blue, long *red)
{
	int w = cairo_image_surface_get_width(img);
	int h = cairo_image_surface_get_height(img);
	int stride = cairo_image_surface_get_stride(img), x, y;
	const unsigned char *p = cairo_image_surface_get_data(img);

	*ink = *blue = *red = 0;
	for (y = 0; y < h; y++)
		for (x = 0; x < w; x++) {
			uint32_t v = *(const uint32_t *)(p + (size_t)y * stride +
			    (size_t)x * 4);
			int R = (v >> 16) & 0xff, G = (v >> 8) & 0xff, B = v & 0xff;

			*ink += R < 250 || G < 250 || B < 250;
			*blue += B > R + 60 && B > G + 30;
			*red += R > G + 80 && R > B + 80;
		}
}

START_TEST(test_png_decoded)
{
	px_figure *f = demo_figure(0);
	size_t n = 0;
	px_err e;
	unsigned char *d = figure_cairo(f, PX_FILE_PNG, 234.0, 160.0, 144.0, &n,
	    &e);
	struct reader rd = { d, n, 0 };
	cairo_surface_t *img;
	long ink, blue, red, total = 468L * 320L;

	ck_assert_ptr_nonnull(d);
	img = cairo_image_surface_create_from_png_stream(read_mem, &rd);
	ck_assert_int_eq(cairo_surface_status(img), CAIRO_STATUS_SUCCESS);
	/* 234 x 160 pt at 144 dpi: twice as many pixels as points. */
	ck_assert_int_eq(cairo_image_surface_get_width(img), 468);
	ck_assert_int_eq(cairo_image_surface_get_height(img), 320);
	count_ink(img, &ink, &blue, &red);
	/* Axes, labels, 12 markers and a curve: some ink, mostly paper. */
	ck_assert_msg(ink > total / 50 && ink < total / 4, "ink %ld of %ld", ink,
	    total);
	/* 12 markers of radius 1.8 pt = 3.6 px: ~40 px each (and the legend's). */
	ck_assert_msg(blue > 12 * 20 && blue < 13 * 80, "blue %ld", blue);
	/* The curve across ~200 pt at 1 pt = 2 px wide: ~400 px at least. */
	ck_assert_msg(red > 300 && red < 3000, "red %ld", red);
	cairo_surface_destroy(img);
	free(d);
	figure_free(f);
}
END_TEST

/* Fewer points, fewer marker pixels: the markers are the data's. */
START_TEST(test_png_ink_follows_data)
{
	static const double x[] = { 1, 10, 100, 1000 }, y[] = { 5, 4, 3, 2 };
	px_figure *f1 = figure_new(), *f4 = figure_new();
	long i1, b1, r1, i4, b4, r4;
	size_t n1, n4;
	px_err e;
	unsigned char *d1, *d4;
	struct reader rd1, rd4;
	cairo_surface_t *a, *b;

	figure_set_log(f1, 1, 0);
	figure_set_log(f4, 1, 0);
	figure_set_range(f1, 0.5, 2000, 1, 6);
	figure_set_range(f4, 0.5, 2000, 1, 6);
	ck_assert_int_eq(figure_scatter(f1, NULL, x, y, 1, NULL), 0);
	ck_assert_int_eq(figure_scatter(f4, NULL, x, y, 4, NULL), 0);
	d1 = figure_cairo(f1, PX_FILE_PNG, 234.0, 160.0, 300.0, &n1, &e);
	d4 = figure_cairo(f4, PX_FILE_PNG, 234.0, 160.0, 300.0, &n4, &e);
	ck_assert_ptr_nonnull(d1);
	ck_assert_ptr_nonnull(d4);
	rd1 = (struct reader){ d1, n1, 0 };
	rd4 = (struct reader){ d4, n4, 0 };
	a = cairo_image_surface_create_from_png_stream(read_mem, &rd1);
	b = cairo_image_surface_create_from_png_stream(read_mem, &rd4);
	ck_assert_int_eq(cairo_image_surface_get_width(a), 975);
	ck_assert_int_eq(cairo_image_surface_get_height(a), 667);
	count_ink(a, &i1, &b1, &r1);
	count_ink(b, &i4, &b4, &r4);
	ck_assert_int_gt(b1, 50);
	/* Four equal markers, none clipped or overlapping: four times one. */
	ck_assert_msg(labs(b4 - 4 * b1) <= 8, "1 marker %ld px, 4 markers %ld px",
	    b1, b4);
	cairo_surface_destroy(a);
	cairo_surface_destroy(b);
	free(d1);
	free(d4);
	figure_free(f1);
	figure_free(f4);
}
END_TEST

/* The same figure makes the same bytes, whatever was drawn before. */
START_TEST(test_bytes_repeat)
{
	int fmt;

	for (fmt = PX_FILE_PNG; fmt <= PX_FILE_PDF; fmt++) {
		px_figure *f = demo_figure(1), *g = demo_figure(0);
		size_t n1, n2, n3;
		px_err e;
		unsigned char *a = figure_cairo(f, fmt, 234.0, 160.0, 100.0, &n1, &e);
		unsigned char *b = figure_cairo(g, fmt, 300.0, 200.0, 100.0, &n2, &e);
		unsigned char *c = figure_cairo(f, fmt, 234.0, 160.0, 100.0, &n3, &e);

		ck_assert_ptr_nonnull(a);
		ck_assert_ptr_nonnull(b);
		ck_assert_ptr_nonnull(c);
		ck_assert_uint_eq(n1, n3);
		ck_assert_msg(memcmp(a, c, n1) == 0, "format %d differs", fmt);
		ck_assert(n1 != n2 || memcmp(a, b, n1) != 0);
		free(a);
		free(b);
		free(c);
		figure_free(f);
		figure_free(g);
	}
}
END_TEST

START_TEST(test_errors)
{
	px_figure *f = demo_figure(0), *empty = figure_new();
	size_t n;
	px_err e;

	ck_assert_ptr_null(figure_cairo(f, PX_FILE_SVG, 72.0, 72.0, 300.0, &n,
	    &e));
	ck_assert_msg(strstr(e.msg, "plot area too small") != NULL, "%s", e.msg);
	ck_assert_ptr_null(figure_cairo(f, PX_FILE_PDF, 10.0, 160.0, 300.0, &n,
	    &e));
	ck_assert_msg(strstr(e.msg, "out of range") != NULL, "%s", e.msg);
	ck_assert_ptr_null(figure_cairo(f, PX_FILE_PNG, 234.0, 160.0, 5000.0, &n,
	    &e));
	ck_assert_ptr_null(figure_cairo(empty, PX_FILE_PNG, 234.0, 160.0, 300.0,
	    &n, &e));
	ck_assert_msg(strstr(e.msg, "nothing to plot") != NULL, "%s", e.msg);
	ck_assert_int_eq(figure_file_format("PNG"), PX_FILE_PNG);
	ck_assert_int_eq(figure_file_format("svg"), PX_FILE_SVG);
	ck_assert_int_eq(figure_file_format("pdf"), PX_FILE_PDF);
	ck_assert_int_eq(figure_file_format("jpg"), -1);
	figure_free(f);
	figure_free(empty);
}
END_TEST

Suite *
unit_suite(void)
{
	Suite *s = suite_create("figure_cairo");
	TCase *tc = tcase_create("figure_cairo");

	tcase_set_timeout(tc, 60);
	tcase_add_test(tc, test_png_decoded);
	tcase_add_test(tc, test_png_ink_follows_data);
	tcase_add_test(tc, test_bytes_repeat);
	tcase_add_test(tc, test_errors);
	suite_add_tcase(s, tc);
	return s;
}
