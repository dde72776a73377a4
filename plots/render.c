/* render.c: canvas cells to UTF-8 text with or without ANSI SGR colours. */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "plots/render.h"

/* Foreground colours, in the order of enum px_colour. */
static const char *const sgr_codes[PX_NCOLOURS] = {
	"", "34", "31", "32", "35", "36", "33", "90"
};

const char *
render_sgr(int colour)
{
	if (colour <= PX_DEFAULT || colour >= PX_NCOLOURS)
		return "";
	return sgr_codes[colour];
}

/* Append n bytes at *at if they fit below len - 1; always advance. */
static void
put(char *buf, size_t len, size_t *at, const char *s, size_t n)
{
	if (*at + n < len)
		memcpy(buf + *at, s, n);
	*at += n;
}

static void
put_sgr(char *buf, size_t len, size_t *at, int colour)
{
	const char *code = render_sgr(colour);

	if (code[0] == '\0') {
		put(buf, len, at, "\x1b[0m", 4);
		return;
	}
	put(buf, len, at, "\x1b[", 2);
	put(buf, len, at, code, strlen(code));
	put(buf, len, at, "m", 1);
}

size_t
render_row(const px_canvas *c, int row, int colour, char *buf, size_t len)
{
	int w = canvas_width(c), end = 0, k, cur = PX_DEFAULT;
	size_t at = 0;
	char u[4];

	if (row >= 0 && row < canvas_height(c))
		for (end = w; end > 0 && canvas_glyph(c, row, end - 1) == ' '; end--)
			;
	for (k = 0; k < end; k++) {
		uint32_t cp = canvas_glyph(c, row, k);
		int col = cp == ' ' ? cur : canvas_colour(c, row, k);

		/* Blanks keep the current colour so runs are not split. */
		if (colour && render_sgr(col)[0] == '\0')
			col = PX_DEFAULT;
		if (colour && col != cur) {
			put_sgr(buf, len, &at, col);
			cur = col;
		}
		put(buf, len, &at, u, canvas_utf8(cp, u));
	}
	if (colour && cur != PX_DEFAULT)
		put(buf, len, &at, "\x1b[0m", 4);
	if (len > 0)
		buf[at < len ? at : len - 1] = '\0';
	return at;
}

char *
render_text(const px_canvas *c, int colour, px_err *e)
{
	int h = canvas_height(c), r;
	size_t total = 1, at = 0, n;
	char *out;

	for (r = 0; r < h; r++)
		total += render_row(c, r, colour, NULL, 0) + 1;
	if ((out = malloc(total)) == NULL) {
		perr_set(e, "out of memory rendering a plot");
		return NULL;
	}
	for (r = 0; r < h; r++) {
		n = render_row(c, r, colour, out + at, total - at);
		at += n;
		out[at++] = '\n';
	}
	out[at] = '\0';
	return out;
}
