/* plotout.c: rendering a figure with the user's plot options. */
#include "config.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "plots/render.h"
#include "sessions/plotout.h"
#include "sessions/session.h"
#include "views/view.h"

/* Parse "WxH" into w, h (each 1..1000). */
static int
plotout_size(const char *s, int *w, int *h)
{
	char *end;
	long x = strtol(s, &end, 10), y;

	if (end == s || (*end != 'x' && *end != 'X'))
		return -1;
	s = end + 1;
	y = strtol(s, &end, 10);
	if (end == s || *end != '\0' || x < 1 || y < 1 || x > 1000 || y > 1000)
		return -1;
	*w = (int)x;
	*h = (int)y;
	return 0;
}

/* Colours for this output: always, never, or auto (a terminal, no NO_COLOR). */
static int
plotout_colour(const sx_ctx *ctx, const char *when, int to_file)
{
	const char *nc = getenv("NO_COLOR");

	if (when != NULL && strcmp(when, "always") == 0)
		return 1;
	if ((when != NULL && strcmp(when, "never") == 0) || to_file)
		return 0;
	if (nc != NULL && nc[0] != '\0')
		return 0;
	return ctx->out->color > 0;
}

static void
plotout_axis(sx_rec *r, const char *key, double lo, double hi)
{
	sx_rec *ax = rec_obj(r, key);

	rec_num(ax, "lo", lo);
	rec_num(ax, "hi", hi);
}

/* The plot's text into the --out file. */
static int
plotout_fill(int fd, void *text)
{
	return session_write_all(fd, text, strlen(text));
}

int
plotout_emit(sx_ctx *ctx, const sx_args *a, px_figure *f, const char *cmd)
{
	const char *size = arg(a, ctx->cmd, "--size");
	const char *path = arg(a, ctx->cmd, "--out");
	const char *title = arg(a, ctx->cmd, "--title");
	int w = ctx->out->width, h = ctx->out->height, colour, rc = -1;
	int mode = ctx->out->ascii || arg(a, ctx->cmd, "--ascii") != NULL ?
	    PX_ASCII : PX_BRAILLE;
	px_canvas *c = NULL;
	char *text = NULL;
	px_err e;
	double xlo, xhi, ylo, yhi;
	sx_rec *r, *lines;

	if (size != NULL && plotout_size(size, &w, &h) != 0)
		return cmd_fail(ctx, arg_index(a, ctx->cmd, "--size"),
		    "--size expects WxH such as 100x30, not '%s'", size);
	if (title != NULL)
		figure_set_title(f, title);
	colour = plotout_colour(ctx, arg(a, ctx->cmd, "--color"), path != NULL);
	c = figure_render(f, w, h, mode, &e);
	if (c == NULL)
		return cmd_fail(ctx, size != NULL ? arg_index(a, ctx->cmd, "--size") :
		    -1, "%s", e.msg);
	text = render_text(c, colour, &e);
	if (text == NULL) {
		cmd_fail(ctx, -1, "%s", e.msg);
		goto out;
	}
	if (path != NULL) {
		sx_err fe;

		err_clear(&fe);
		if ((arg(a, ctx->cmd, "--force") == NULL &&
		    session_may_replace(ctx->ws, path, &fe) != 0) ||
		    session_write_file(path, plotout_fill, text, &fe) != 0) {
			cmd_fail(ctx, arg_index(a, ctx->cmd, "--out"), "%s: %s", path,
			    fe.msg);
			goto out;
		}
		session_own(ctx->ws, path);
		r = rec_new(cmd);
		rec_set_view(r, "plot written");
		rec_str(r, "out", path);
		rec_int(r, "width", w);
		rec_int(r, "height", h);
		view_put(ctx->out, r);
		rc = 0;
		goto out;
	}
	/* The figure as its lines of text, which the text view prints. */
	figure_ranges(f, &xlo, &xhi, &ylo, &yhi);
	r = rec_new(cmd);
	rec_set_view(r, "plot");
	rec_int(r, "width", w);
	rec_int(r, "height", h);
	plotout_axis(r, "x", xlo, xhi);
	plotout_axis(r, "y", ylo, yhi);
	lines = rec_arr(r, "lines");
	for (char *line = text, *nl; *line != '\0'; line = nl + 1) {
		if ((nl = strchr(line, '\n')) == NULL) {
			rec_str(lines, NULL, line);
			break;
		}
		*nl = '\0';
		rec_str(lines, NULL, line);
	}
	view_put(ctx->out, r);
	rc = 0;
out:
	free(text);
	canvas_free(c);
	return rc;
}
