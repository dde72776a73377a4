/* test_figures.c: the TUI's frontier and crossover panes draw the figures
 * of `frontier FIT --plot` and `crossover ... --plot`, cell for cell. */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/xalloc.h"
#include <math.h>

#include "plots/figure_impl.h"
#include "plots/render.h"
#include "scaling/presets.h"
#include "sessions/builtin.h"
#include "sessions/figures.h"
#include "views/out.h"
#include "sessions/run.h"
#include "tests/unit/unit.h"
#include "tests/unit/unit_ws.h"

static sx_workspace ws;

/* Sizes a pane has: the tiled 120x40 screen's, the 80x24 tab's, wide. */
static const int sizes[][2] = { { 34, 13 }, { 78, 19 }, { 118, 30 } };

static void
setup(void)
{
	ws_init(&ws);
	unit_run(&ws, builtin_demo_session);
}

static void
teardown(void)
{
	ws_free(&ws);
}

/* What the command prints (it must succeed). */
static char *
batch(const char *cmd)
{
	char *buf = NULL;
	size_t len = 0;
	FILE *fp = open_memstream(&buf, &len);
	sx_out o;

	ck_assert_ptr_nonnull(fp);
	out_init(&o, fp, 0);
	ck_assert_msg(run_text(&ws, &o, stderr, cmd, strlen(cmd), "test") == 0,
	    "'%s' failed", cmd);
	fclose(fp);
	return buf;
}

/* The pane's figure rendered as the pane renders it, as text. */
static char *
pane(figures_fig *ff, int w, int h, int mode, int colour)
{
	px_err pe;
	px_canvas *c;
	char *text;

	ck_assert_ptr_nonnull(ff);
	c = figure_render(figures_px(ff), w, h, mode, &pe);
	ck_assert_msg(c != NULL, "%s", pe.msg);
	text = render_text(c, colour, &pe);
	ck_assert_ptr_nonnull(text);
	canvas_free(c);
	return text;
}

/* `cmd --size WxH` in both modes, with and without colour, against the
 * pane's figure from make(). */
static void
same_cells(const char *cmd, figures_fig *(*make)(void))
{
	for (size_t i = 0; i < sizeof sizes / sizeof sizes[0]; i++)
		for (int mode = 0; mode < 2; mode++)
			for (int colour = 0; colour < 2; colour++) {
				int w = sizes[i][0], h = sizes[i][1];
				char *line = xasprintf("%s --size %dx%d%s --color %s", cmd,
				    w, h, mode ? " --ascii" : "", colour ? "always" : "never");
				char *want = batch(line);
				figures_fig *ff = make();
				char *got = pane(ff, w, h, mode ? PX_ASCII : PX_BRAILLE,
				    colour);

				ck_assert_msg(strcmp(got, want) == 0, "%s: the pane "
				    "draws\n%s\nthe command\n%s", line, got, want);
				figures_free(ff);
				free(got);
				free(want);
				free(line);
			}
}

static sx_err err;

static figures_fig *
frontier_pane(void)
{
	return figures_frontier_pane(&ws, ws_fit(&ws, "ch"), &err);
}

/* The pane follows a fit of one column: it shows the last law of N, D. */
static figures_fig *
frontier_pane_lc(void)
{
	return figures_frontier_pane(&ws, ws_fit(&ws, "lc"), &err);
}

static figures_fig *
crossover_pane(void)
{
	return figures_crossover_pane(&ws, NULL, &err);
}

START_TEST(test_frontier_pane_is_the_command)
{
	same_cells("frontier ch --plot", frontier_pane);
	same_cells("frontier ch --plot", frontier_pane_lc);
}
END_TEST

/* The command with the fits the pane finds for it. */
START_TEST(test_crossover_pane_is_the_command)
{
	figures_xspec s;
	figures_fig *ff = figures_crossover_pane(&ws, &s, &err);

	ck_assert_ptr_nonnull(ff);
	figures_free(ff);
	ck_assert_str_eq(s.preset, "kaplan2020");
	ck_assert_str_eq(s.compute, "lc");
	ck_assert_ptr_null(s.data);
	ck_assert_ptr_null(s.dline);
	ck_assert_ptr_null(s.nline);
	same_cells("crossover kaplan2020 --compute lc --plot", crossover_pane);
}
END_TEST

/* A fit of D(C) joins the pane's crossover as the command's --dline. */
START_TEST(test_crossover_pane_takes_a_data_line)
{
	figures_xspec s;
	figures_fig *ff;

	unit_run(&ws, "load - as dc <<EOF\nC,D\n8.64e19,2e10\n8.64e20,3.7e10\n"
	    "8.64e21,6.8e10\n8.64e22,1.3e11\nEOF\nfit pl dc as dl --x C --y D");
	ff = figures_crossover_pane(&ws, &s, &err);
	ck_assert_msg(ff != NULL, "%s", err.msg);
	figures_free(ff);
	ck_assert_str_eq(s.dline, "dl");
	same_cells("crossover kaplan2020 --compute lc --dline dl --plot",
	    crossover_pane);
}
END_TEST

/* Titles and axes of the one figure each kind has. */
START_TEST(test_titles)
{
	char *f = batch("frontier ch --plot --size 80x24 --color never");
	char *x = batch("crossover kaplan2020 --compute lc --plot --size 80x24 "
	    "--color never");

	ck_assert_ptr_nonnull(strstr(f, "N_opt ~ C^"));
	ck_assert_ptr_nonnull(strstr(f, "C = 6ND (FLOP)"));
	ck_assert_ptr_nonnull(strstr(x, "C* = "));
	ck_assert_ptr_nonnull(strstr(x, "C_min (PF-days)"));
	free(f);
	free(x);
}
END_TEST

/* A parameter of the preset's L(N,D) by name. */
static double
law_param(const sx_preset_law *l, const char *name)
{
	for (size_t i = 0; l->pnames[i] != NULL; i++)
		if (strcmp(l->pnames[i], name) == 0)
			return l->pvals[i];
	ck_abort_msg("no parameter %s", name);
	return NAN;
}

/*
 * plot hoffmann2022 --contour: the frontier drawn is the closed form
 * N_opt = G (C/6)^(beta/(alpha+beta)), G = (alpha A/(beta B))^(1/(alpha+
 * beta)), computed here from the preset's constants; each contour's label
 * sits on it where L equals the label, and the contour lines' points are
 * on their level to the grid's interpolation.
 */
START_TEST(test_contour_frontier_closed_form)
{
	const sx_preset_law *l = preset_law(preset_find("hoffmann2022"),
	    "L(N,D)");
	double E, A, B, al, be, G, ex;
	sx_err e;
	figures_fig *ff;
	px_figure *f;
	int nfront = 0, nlab = 0, nlines = 0;

	ck_assert_ptr_nonnull(l);
	E = law_param(l, "E");
	A = law_param(l, "A");
	B = law_param(l, "B");
	al = law_param(l, "alpha");
	be = law_param(l, "beta");
	G = pow(al * A / (be * B), 1.0 / (al + be));
	ex = be / (al + be);
	err_clear(&e);
	ff = figures_contour(&ws, "hoffmann2022", &e);
	ck_assert_msg(ff != NULL, "%s", e.msg);
	f = figures_px(ff);
	for (int i = 0; i < f->ns; i++) {
		struct series *sr = &f->s[i];

		if (sr->kind == K_FUNC) {
			nfront++;
			for (double lc = 18.0; lc <= 26.0; lc += 0.5) {
				double C = pow(10.0, lc), want = G * pow(C / 6.0, ex);

				ck_assert_double_eq_tol(sr->fn(C, sr->ctx) / want, 1.0,
				    1e-9);
			}
		} else if (sr->kind == K_HILITE) {
			double C = sr->x[0], N = sr->y[0], D = C / (6.0 * N);
			double L = E + A / pow(N, al) + B / pow(D, be);

			nlab++;
			ck_assert_double_eq_tol(N / (G * pow(C / 6.0, ex)), 1.0, 1e-9);
			ck_assert_double_eq_tol(L, strtod(sr->label, NULL), 1e-9);
		} else if (sr->kind == K_LINE) {
			double lev = NAN, worst = 0.0;

			/* The level is that of the next labelled point. */
			for (int j = i + 1; j < f->ns && isnan(lev); j++)
				if (f->s[j].kind == K_HILITE)
					lev = strtod(f->s[j].label, NULL);
			nlines++;
			for (size_t k = 0; k < sr->n; k++) {
				double N = sr->y[k], D = sr->x[k] / (6.0 * N);

				if (!isnan(N))
					worst = fmax(worst, fabs(E + A / pow(N, al) +
					    B / pow(D, be) - lev) / lev);
			}
			ck_assert_msg(sr->n > 0 && worst < 2e-3,
			    "contour %g: %zu points, off by %g", lev, sr->n, worst);
		}
	}
	ck_assert_int_eq(nfront, 1);
	ck_assert_int_ge(nlab, 5);
	ck_assert_int_eq(nlines, nlab);
	figures_free(ff);
}
END_TEST

Suite *
unit_suite(void)
{
	Suite *s = suite_create("figures");
	TCase *tc = tcase_create("panes");

	tcase_add_checked_fixture(tc, setup, teardown);
	tcase_set_timeout(tc, 120);
	tcase_add_test(tc, test_frontier_pane_is_the_command);
	tcase_add_test(tc, test_crossover_pane_is_the_command);
	tcase_add_test(tc, test_crossover_pane_takes_a_data_line);
	tcase_add_test(tc, test_titles);
	tcase_add_test(tc, test_contour_frontier_closed_form);
	suite_add_tcase(s, tc);
	return s;
}
