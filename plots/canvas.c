/* canvas.c: cells with braille or ASCII sub-pixel dots, lines and text. */
#include "config.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "plots/axis.h"
#include "plots/canvas.h"

#define CANVAS_MAX 4096

struct px_canvas {
	int w, h;
	int mode;
	int sw, sh;		/* sub-pixels per cell */
	int cx0, cy0, cx1, cy1;	/* clip rectangle, sub-pixels, inclusive */
	px_cell *cells;
};

/* Braille dot bits by sub-pixel: [row][column]. */
static const uint8_t braille_bit[4][2] = {
	{ 0x01, 0x08 }, { 0x02, 0x10 }, { 0x04, 0x20 }, { 0x40, 0x80 }
};

/*
 * ASCII shapes: each glyph with the 3x3 patterns it stands for (rows top to
 * bottom, 'X' set). A cell shows the glyph whose pattern differs from its
 * dots in the fewest sub-pixels, the first listed on ties. Marker letters
 * (o x + * # @) and the band glyph ':' are left out so that lines never
 * look like data or bands.
 */
static const struct {
	char glyph;
	const char *pattern;
} ascii_shapes[] = {
	{ '-', "...XXX..." }, { '-', "XXX......" }, { '_', "......XXX" },
	{ '|', ".X..X..X." }, { '|', "X..X..X.." }, { '|', "..X..X..X" },
	{ '/', "..X.X.X.." }, { '/', ".X.X....." }, { '/', ".....X.X." },
	{ '/', "..X.X.XX." }, { '/', ".XX.X..X." }, { '/', "..X.X..X." },
	{ '/', "......XX." }, { '/', ".XX......" },
	{ '\\', "X...X...X" }, { '\\', ".X...X..." }, { '\\', "...X...X." },
	{ '\\', "XX..X..X." }, { '\\', "X...X..XX" }, { '\\', "X...X..X." },
	{ '\\', ".......XX" }, { '\\', "XX......." },
	{ '.', ".......X." }, { '.', "......X.." }, { '.', "........X" },
	{ '\'', ".X......." }, { '\'', "..X......" }, { '`', "X........" },
	{ '\'', "....X...." }, { '\'', "...X....." }, { '\'', ".....X..." },
	{ '"', "X.X......" }, { '=', "XXX...XXX" },
	{ '^', ".X.X.X..." }, { 'v', "...X.X.X." },
	{ 'L', "X..X..XXX" }, { 'J', "..X..XXXX" }, { 'r', "...XXXX.." },
	{ 'T', "XXX.X..X." }, { 'H', "X.XXXXX.X" }, { 'W', "X.XX.XXXX" },
	{ 'M', "XXXX.XX.X" }, { '8', "XXXXXXXXX" }
};

static char ascii_table[512];
static int ascii_ready;

static unsigned
ascii_pattern_bits(const char *p)
{
	unsigned bits = 0;
	int i;

	for (i = 0; i < 9; i++)
		if (p[i] == 'X')
			bits |= 1u << i;
	return bits;
}

static int
popcount9(unsigned v)
{
	int n = 0;

	for (; v != 0; v &= v - 1)
		n++;
	return n;
}

static void
ascii_init(void)
{
	size_t nshape = sizeof ascii_shapes / sizeof ascii_shapes[0];
	unsigned pat[sizeof ascii_shapes / sizeof ascii_shapes[0]];
	unsigned bits;
	size_t k;

	if (ascii_ready)
		return;
	for (k = 0; k < nshape; k++)
		pat[k] = ascii_pattern_bits(ascii_shapes[k].pattern);
	ascii_table[0] = ' ';
	for (bits = 1; bits < 512; bits++) {
		int best = 99;

		for (k = 0; k < nshape; k++) {
			int d = popcount9(bits ^ pat[k]);

			if (d < best) {
				best = d;
				ascii_table[bits] = ascii_shapes[k].glyph;
			}
		}
	}
	ascii_ready = 1;
}

char
canvas_ascii_glyph(unsigned bits)
{
	ascii_init();
	return ascii_table[bits & 511];
}

px_canvas *
canvas_new(int w, int h, int mode, px_err *e)
{
	px_canvas *c;

	if (w < 1 || h < 1 || w > CANVAS_MAX || h > CANVAS_MAX) {
		perr_set(e, "canvas size %dx%d out of range (1..%d)", w, h,
		    CANVAS_MAX);
		return NULL;
	}
	if ((c = calloc(1, sizeof *c)) == NULL ||
	    (c->cells = calloc((size_t)w * (size_t)h, sizeof *c->cells)) == NULL) {
		free(c);
		perr_set(e, "out of memory for a %dx%d canvas", w, h);
		return NULL;
	}
	c->w = w;
	c->h = h;
	c->mode = mode == PX_ASCII ? PX_ASCII : PX_BRAILLE;
	c->sw = c->mode == PX_ASCII ? 3 : 2;
	c->sh = c->mode == PX_ASCII ? 3 : 4;
	canvas_clip(c, 0, 0, INT32_MAX, INT32_MAX);
	ascii_init();
	return c;
}

void
canvas_free(px_canvas *c)
{
	if (c == NULL)
		return;
	free(c->cells);
	free(c);
}

int
canvas_width(const px_canvas *c)
{
	return c->w;
}

int
canvas_height(const px_canvas *c)
{
	return c->h;
}

int
canvas_subw(const px_canvas *c)
{
	return c->sw;
}

int
canvas_subh(const px_canvas *c)
{
	return c->sh;
}

void
canvas_clip(px_canvas *c, int x0, int y0, int x1, int y1)
{
	int xmax = c->w * c->sw - 1, ymax = c->h * c->sh - 1;

	c->cx0 = x0 < 0 ? 0 : x0 > xmax ? xmax : x0;
	c->cy0 = y0 < 0 ? 0 : y0 > ymax ? ymax : y0;
	c->cx1 = x1 < c->cx0 ? c->cx0 : x1 > xmax ? xmax : x1;
	c->cy1 = y1 < c->cy0 ? c->cy0 : y1 > ymax ? ymax : y1;
}

/* Raise the cell's layer and colour by the colour rule. */
static void
cell_touch(px_cell *cell, int colour, int layer)
{
	if (layer >= cell->layer) {
		cell->layer = (uint8_t)layer;
		cell->colour = (uint8_t)colour;
	}
}

/* Set one sub-pixel. A dot of a higher layer than the cell's glyph
 * removes the glyph, so the dots show; a lower one only adds its bit. */
void
canvas_dot(px_canvas *c, int x, int y, int colour, int layer)
{
	px_cell *cell;
	int sx, sy;

	if (x < c->cx0 || x > c->cx1 || y < c->cy0 || y > c->cy1)
		return;
	cell = &c->cells[(size_t)(y / c->sh) * (size_t)c->w + (size_t)(x / c->sw)];
	sx = x % c->sw;
	sy = y % c->sh;
	if (c->mode == PX_ASCII)
		cell->dots |= (uint16_t)(1u << (sy * 3 + sx));
	else
		cell->dots |= braille_bit[sy][sx];
	if (cell->glyph != 0 && layer > cell->glayer)
		cell->glyph = 0;
	cell_touch(cell, colour, layer);
}

/* Clip the segment to the clip rectangle; 0 if nothing is left. */
static int
clip_segment(const px_canvas *c, double *x0, double *y0, double *x1,
    double *y1)
{
	return axis_clip_segment(c->cx0, c->cy0, c->cx1, c->cy1, x0, y0, x1, y1);
}

void
canvas_line(px_canvas *c, double x0, double y0, double x1, double y1,
    int colour, int layer, int dash)
{
	long ix0, iy0, ix1, iy1, dx, dy, err, step;
	int sx, sy;

	if (!isfinite(x0) || !isfinite(y0) || !isfinite(x1) || !isfinite(y1))
		return;
	if (!clip_segment(c, &x0, &y0, &x1, &y1))
		return;
	/* After clipping both ends lie inside the clip rectangle, so the
	 * rounded integer walk never leaves it. */
	ix0 = lround(x0);
	iy0 = lround(y0);
	ix1 = lround(x1);
	iy1 = lround(y1);
	dx = labs(ix1 - ix0);
	dy = -labs(iy1 - iy0);
	sx = ix0 < ix1 ? 1 : -1;
	sy = iy0 < iy1 ? 1 : -1;
	err = dx + dy;
	for (step = 0;; step++) {
		if (dash <= 0 || (step / dash) % 2 == 0)
			canvas_dot(c, (int)ix0, (int)iy0, colour, layer);
		if (ix0 == ix1 && iy0 == iy1)
			break;
		long e2 = 2 * err;

		if (e2 >= dy) {
			err += dy;
			ix0 += sx;
		}
		if (e2 <= dx) {
			err += dx;
			iy0 += sy;
		}
	}
}

void
canvas_mark(px_canvas *c, double x, double y, uint32_t glyph, int colour,
    int layer)
{
	long ix, iy;
	px_cell *cell;

	if (!isfinite(x) || !isfinite(y))
		return;
	if (!(x >= c->cx0 - 0.5 && x < c->cx1 + 0.5 && y >= c->cy0 - 0.5 &&
	    y < c->cy1 + 0.5))
		return;
	ix = (long)floor(x + 0.5);
	iy = (long)floor(y + 0.5);
	if (glyph == 0) {
		canvas_dot(c, (int)ix, (int)iy, colour, layer);
	} else {
		canvas_put(c, (int)(iy / c->sh), (int)(ix / c->sw), glyph,
		    colour, layer);
	}
	cell = &c->cells[(size_t)(iy / c->sh) * (size_t)c->w + (size_t)(ix / c->sw)];
	if (cell->points < UINT16_MAX)
		cell->points++;
}

void
canvas_band(px_canvas *c, int row, int col, int colour)
{
	px_cell *cell;

	if (col < c->cx0 / c->sw || col > c->cx1 / c->sw ||
	    row < c->cy0 / c->sh || row > c->cy1 / c->sh)
		return;
	cell = &c->cells[(size_t)row * (size_t)c->w + (size_t)col];
	cell->band = 1;
	cell_touch(cell, colour, PX_LAYER_BAND);
}

void
canvas_put(px_canvas *c, int row, int col, uint32_t cp, int colour, int layer)
{
	px_cell *cell;

	if (row < 0 || row >= c->h || col < 0 || col >= c->w)
		return;
	cell = &c->cells[(size_t)row * (size_t)c->w + (size_t)col];
	if (cell->glyph == 0 || layer >= cell->glayer) {
		cell->glyph = cp;
		cell->glayer = (uint8_t)layer;
	}
	cell_touch(cell, colour, layer);
}

/* Decode one UTF-8 sequence at *s into *cp; returns bytes used (>= 1).
 * Invalid, overlong or surrogate sequences give '?' for one byte. */
static size_t
utf8_decode(const unsigned char *s, uint32_t *cp)
{
	uint32_t v;
	size_t n, i;

	if (s[0] < 0x80) {
		*cp = s[0];
		return 1;
	}
	if (s[0] >= 0xc2 && s[0] <= 0xdf) {
		n = 2;
		v = s[0] & 0x1f;
	} else if (s[0] >= 0xe0 && s[0] <= 0xef) {
		n = 3;
		v = s[0] & 0x0f;
	} else if (s[0] >= 0xf0 && s[0] <= 0xf4) {
		n = 4;
		v = s[0] & 0x07;
	} else {
		*cp = '?';
		return 1;
	}
	for (i = 1; i < n; i++) {
		if ((s[i] & 0xc0) != 0x80) {
			*cp = '?';
			return 1;
		}
		v = (v << 6) | (s[i] & 0x3f);
	}
	if ((n == 3 && v < 0x800) || (n == 4 && (v < 0x10000 || v > 0x10ffff)) ||
	    (v >= 0xd800 && v <= 0xdfff)) {
		*cp = '?';
		return 1;
	}
	*cp = v;
	return n;
}

int
canvas_text(px_canvas *c, int row, int col, const char *s, int colour,
    int layer)
{
	const unsigned char *p = (const unsigned char *)s;
	int n = 0;
	uint32_t cp;

	if (s == NULL)
		return 0;
	while (*p != '\0') {
		p += utf8_decode(p, &cp);
		if (cp < 0x20 || (cp >= 0x7f && cp < 0xa0) ||
		    (c != NULL && c->mode == PX_ASCII && cp > 0x7e))
			cp = '?';
		if (c != NULL)
			canvas_put(c, row, col + n, cp, colour, layer);
		n++;
	}
	return n;
}

int
canvas_text_width(const char *s)
{
	return canvas_text(NULL, 0, 0, s, 0, 0);
}

void
canvas_clear(px_canvas *c, int row, int col, int w, int h)
{
	int r, k;

	for (r = row; r < row + h; r++) {
		if (r < 0 || r >= c->h)
			continue;
		for (k = col; k < col + w; k++)
			if (k >= 0 && k < c->w)
				memset(&c->cells[(size_t)r * (size_t)c->w + (size_t)k],
				    0, sizeof(px_cell));
	}
}

const px_cell *
canvas_cells(const px_canvas *c)
{
	return c->cells;
}

/* Resolution order: explicit glyph, then dots, then the band shade. */
uint32_t
canvas_glyph(const px_canvas *c, int row, int col)
{
	const px_cell *cell;

	if (row < 0 || row >= c->h || col < 0 || col >= c->w)
		return ' ';
	cell = &c->cells[(size_t)row * (size_t)c->w + (size_t)col];
	if (cell->glyph != 0)
		return cell->glyph;
	if (cell->dots != 0)
		return c->mode == PX_ASCII ? (uint32_t)ascii_table[cell->dots & 511] :
		    0x2800u + cell->dots;
	if (cell->band)
		return c->mode == PX_ASCII ? ':' : 0x2591;
	return ' ';
}

int
canvas_colour(const px_canvas *c, int row, int col)
{
	if (row < 0 || row >= c->h || col < 0 || col >= c->w)
		return PX_DEFAULT;
	return c->cells[(size_t)row * (size_t)c->w + (size_t)col].colour;
}

int
canvas_points(const px_canvas *c, int row, int col)
{
	if (row < 0 || row >= c->h || col < 0 || col >= c->w)
		return 0;
	return c->cells[(size_t)row * (size_t)c->w + (size_t)col].points;
}

size_t
canvas_utf8(uint32_t cp, char *out)
{
	if (cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff))
		cp = '?';
	if (cp < 0x80) {
		out[0] = (char)cp;
		return 1;
	}
	if (cp < 0x800) {
		out[0] = (char)(0xc0 | (cp >> 6));
		out[1] = (char)(0x80 | (cp & 0x3f));
		return 2;
	}
	if (cp < 0x10000) {
		out[0] = (char)(0xe0 | (cp >> 12));
		out[1] = (char)(0x80 | ((cp >> 6) & 0x3f));
		out[2] = (char)(0x80 | (cp & 0x3f));
		return 3;
	}
	out[0] = (char)(0xf0 | (cp >> 18));
	out[1] = (char)(0x80 | ((cp >> 12) & 0x3f));
	out[2] = (char)(0x80 | ((cp >> 6) & 0x3f));
	out[3] = (char)(0x80 | (cp & 0x3f));
	return 4;
}

void
canvas_blit(px_canvas *dst, const px_canvas *src, int row, int col)
{
	for (int r = 0; r < src->h; r++)
		for (int c = 0; c < src->w; c++)
			if (row + r >= 0 && row + r < dst->h && col + c >= 0 &&
			    col + c < dst->w)
				dst->cells[(size_t)(row + r) * (size_t)dst->w +
				    (size_t)(col + c)] = src->cells[(size_t)r *
				    (size_t)src->w + (size_t)c];
}
