/* plotout.c: rendering a figure with the user's plot options. */
#include "config.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "base/xalloc.h"
#include "base/sha256.h"
#include "plots/figure_cairo.h"
#include "plots/render.h"
#include "sessions/plotout.h"
#include "sessions/session.h"
#include "sessions/trust.h"
#include "views/view.h"

/* Parse "WxH" into w, h (each 1..max). */
static int
plotout_size(const char *s, int *w, int *h, long max)
{
	char *end;
	long x = strtol(s, &end, 10), y;

	if (end == s || (*end != 'x' && *end != 'X'))
		return -1;
	s = end + 1;
	y = strtol(s, &end, 10);
	if (end == s || *end != '\0' || x < 1 || y < 1 || x > max || y > max)
		return -1;
	*w = (int)x;
	*h = (int)y;
	return 0;
}

/* Colours for this output: always, never, or auto: what the program's
 * --color said (its auto already asked for a terminal and no NO_COLOR, and
 * an explicit --color always wins over NO_COLOR, as no-color.org asks). */
static int
plotout_colour(const sx_ctx *ctx, const char *when, int to_file)
{
	if (when != NULL && strcmp(when, "always") == 0)
		return 1;
	if ((when != NULL && strcmp(when, "never") == 0) || to_file)
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

/* What --out FILE's extension asks for: PX_FILE_PNG, _SVG, _PDF,
 * OUT_TEXT for .txt, -1 for anything else. */
#define OUT_TEXT (-2)
static int
plotout_format(const char *path)
{
	const char *base = strrchr(path, '/'), *dot;

	base = base != NULL ? base + 1 : path;
	if ((dot = strrchr(base, '.')) == NULL || dot == base)
		return -1;
	if (strcasecmp(dot + 1, "txt") == 0)
		return OUT_TEXT;
	return figure_file_format(dot + 1);
}

struct bytes {
	const void *d;
	size_t n;
};

/* The file's bytes into the --out file. */
static int
plotout_fill(int fd, void *arg)
{
	const struct bytes *b = arg;

	return session_write_all(fd, b->d, b->n);
}

/* Whether the file at path holds exactly the bytes of SHA-256 hex. */
static int
plotout_same_sum(const char *path, const char *hex)
{
	FILE *fp = fopen(path, "rb");
	char *buf = NULL, sum[65];
	size_t n = 0, cap = 0, got;
	int same = 0;

	if (fp == NULL)
		return 0;
	do {
		if (n == cap) {
			char *nb;

			if (cap >= ((size_t)1 << 30) ||
			    (nb = realloc(buf, cap = cap ? 2 * cap : 65536)) == NULL)
				goto out;
			buf = nb;
		}
		got = fread(buf + n, 1, cap - n, fp);
		n += got;
	} while (got > 0);
	if (!ferror(fp)) {
		sha256_hex(buf, n, sum);
		same = strcmp(sum, hex) == 0;
	}
out:
	free(buf);
	fclose(fp);
	return same;
}

/* The command as logged: as written, without any --sha256 it had, with
 * --sha256 hex of the file it wrote. */
static char *
plotout_logtext(const sx_cmdline *cl, const char *hex)
{
	sx_cmdline c = *cl;
	char *extra = xasprintf("--sha256 %s", hex), *s;
	int i, j = 0;

	c.argv = xcalloc((size_t)cl->argc + 1, sizeof *c.argv);
	for (i = 0; i < cl->argc; i++) {
		if (strcmp(cl->argv[i], "--sha256") == 0) {
			i++;
			continue;
		}
		if (strncmp(cl->argv[i], "--sha256=", 9) != 0)
			c.argv[j++] = cl->argv[i];
	}
	c.argc = j;
	s = cmd_text(&c, extra);
	free(c.argv);
	free(extra);
	return s;
}

/* Write n bytes at d to --out FILE as this session's own: the file is
 * replaced whole or not at all. Logs the command with their checksum.
 * 1 when the write was not allowed (trust_write warned). */
static int
plotout_write(sx_ctx *ctx, const sx_args *a, const char *path, const void *d,
    size_t n)
{
	const char *sum = arg(a, ctx->cmd, "--sha256");
	struct bytes b = { d, n };
	char hex[65];
	sx_err fe;

	err_clear(&fe);
	/* A write not allowed is skipped; the command is logged as if it
	 * had written, so that a saved replay stays the session it was. */
	int skip = trust_write(ctx, path);

	if (skip)
		goto logged;
	if ((arg(a, ctx->cmd, "--force") == NULL &&
	    session_may_replace(ctx->ws, path, &fe) != 0 &&
	    (sum == NULL || !plotout_same_sum(path, sum))) ||
	    session_write_file(path, plotout_fill, &b, &fe) != 0)
		return cmd_fail(ctx, arg_index(a, ctx->cmd, "--out"), "%s: %s", path,
		    fe.msg);
	session_own(ctx->ws, path);
logged:
	sha256_hex(d, n, hex);
	free(ctx->logtext);
	ctx->logtext = plotout_logtext(ctx->cl, hex);
	ctx->logfile = 1;
	return skip;
}

/* f drawn by cairo into a .svg, .pdf or .png --out FILE. */
static int
plotout_file(sx_ctx *ctx, const sx_args *a, px_figure *f, const char *cmd,
    int fmt)
{
	static const char *const names[] = { "png", "svg", "pdf" };
	const char *size = arg(a, ctx->cmd, "--size");
	const char *path = arg(a, ctx->cmd, "--out");
	int w = (int)PX_FILE_WIDTH, h = (int)PX_FILE_HEIGHT, rc;
	unsigned long dpi = arg_int(a, ctx->cmd, "--dpi");
	unsigned char *d;
	size_t n = 0;
	px_err e;
	sx_rec *r;

	/* Two panels (IsoFLOP profiles): the width of a whole page's text. */
	if (size == NULL && figure_right(f) != NULL)
		w = 2 * (int)PX_FILE_WIDTH;
	if (size != NULL && (plotout_size(size, &w, &h, 7200) != 0 || w < 72 ||
	    h < 72))
		return cmd_fail(ctx, arg_index(a, ctx->cmd, "--size"),
		    "--size of a figure file expects WxH in points, 72 to 7200 "
		    "each, such as 234x160 (3.25 x 2.2 in), not '%s'", size);
	if (dpi < 30 || dpi > 2400 || w * (double)dpi / 72.0 > 20000.0 ||
	    h * (double)dpi / 72.0 > 20000.0)
		return cmd_fail(ctx, arg_index(a, ctx->cmd, "--dpi"),
		    "--dpi expects 30 to 2400, and at most 20000 pixels a side "
		    "(%dx%d pt at %lu dpi is %.0fx%.0f pixels)", w, h, dpi,
		    w * (double)dpi / 72.0, h * (double)dpi / 72.0);
	d = figure_cairo(f, fmt, w, h, (double)dpi, &n, &e);
	if (d == NULL)
		return cmd_fail(ctx, size != NULL ? arg_index(a, ctx->cmd, "--size") :
		    -1, "%s", e.msg);
	rc = plotout_write(ctx, a, path, d, n);
	free(d);
	if (rc != 0)
		return rc > 0 ? 0 : -1;
	r = rec_new(cmd);
	rec_set_view(r, "plot written");
	rec_str(r, "out", path);
	rec_str(r, "format", names[fmt]);
	rec_int(r, "width", w);
	rec_int(r, "height", h);
	if (fmt == PX_FILE_PNG)
		rec_int(r, "dpi", (long long)dpi);
	view_put(ctx->out, r);
	return 0;
}

int
plotout_emit(sx_ctx *ctx, const sx_args *a, px_figure *f, const char *cmd)
{
	const char *size = arg(a, ctx->cmd, "--size");
	const char *path = arg(a, ctx->cmd, "--out");
	const char *title = arg(a, ctx->cmd, "--title");
	int w = ctx->out->width, h = ctx->out->height, colour, rc = -1, fmt = 0;
	int mode = ctx->out->ascii || arg(a, ctx->cmd, "--ascii") != NULL ?
	    PX_ASCII : PX_BRAILLE;
	px_canvas *c = NULL;
	char *text = NULL;
	px_err e;
	double xlo, xhi, ylo, yhi;
	sx_rec *r, *lines;

	if (path != NULL && (fmt = plotout_format(path)) == -1)
		return cmd_fail(ctx, arg_index(a, ctx->cmd, "--out"),
		    "%s: unknown figure format; name the file .svg, .pdf or .png "
		    "(drawn with cairo) or .txt (the text drawing)", path);
	if (arg(a, ctx->cmd, "--dpi") != NULL && fmt != PX_FILE_PNG)
		return cmd_fail(ctx, arg_index(a, ctx->cmd, "--dpi"),
		    "--dpi is for a .png --out only");
	if (title != NULL)
		figure_set_title(f, title);
	if (path != NULL && fmt != OUT_TEXT)
		return plotout_file(ctx, a, f, cmd, fmt);
	if (size != NULL && plotout_size(size, &w, &h, 1000) != 0)
		return cmd_fail(ctx, arg_index(a, ctx->cmd, "--size"),
		    "--size expects WxH such as 100x30, not '%s'", size);
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
		if ((rc = plotout_write(ctx, a, path, text, strlen(text))) != 0) {
			rc = rc > 0 ? 0 : -1;
			goto out;
		}
		r = rec_new(cmd);
		rec_set_view(r, "plot written");
		rec_str(r, "out", path);
		rec_str(r, "format", "text");
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
