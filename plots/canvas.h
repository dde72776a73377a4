/* canvas.h: a grid of character cells with sub-cell dots (braille or ASCII). */
#ifndef SX_CANVAS_H
#define SX_CANVAS_H

#include <stddef.h>
#include <stdint.h>

#include "plots/perr.h"

/*
 * A canvas is W x H cells. Each cell holds sub-pixel dots: 2 x 4 in braille
 * mode (U+2800 plus bits 0x01 0x02 0x04 0x40 down the left column and 0x08
 * 0x10 0x20 0x80 down the right one) or 3 x 3 in ASCII mode (bit row*3+col,
 * shown as the ASCII glyph of closest shape). Sub-pixel (0,0) is the top
 * left; x grows right, y grows down.
 *
 * A cell may also hold an explicit glyph (a marker, a letter, an axis line),
 * which is shown instead of its dots, and a band flag (inside a filled
 * band), shown only when the cell has neither glyph nor dots.
 *
 * Colour rule for a cell that several things touch: every drawing call
 * names a layer; the cell takes the colour of the highest layer that touched
 * it, and among equal layers the last drawn wins. Layers rise from bands to
 * reference lines to lines to points to the highlighted point to text, so
 * points beat lines beat bands. Dots of all layers are kept (a line crossing
 * a reference line shows both); a glyph hides the dots of lower layers.
 */

enum px_mode {
	PX_BRAILLE = 0,
	PX_ASCII = 1
};

enum px_layer {
	PX_LAYER_NONE = 0,
	PX_LAYER_BAND,
	PX_LAYER_REF,
	PX_LAYER_LINE,
	PX_LAYER_POINT,
	PX_LAYER_HILITE,
	PX_LAYER_TEXT
};

/* Colour indices; render.h maps them to ANSI SGR codes, the TUI to pairs. */
enum px_colour {
	PX_DEFAULT = 0,
	PX_BLUE,
	PX_RED,
	PX_GREEN,
	PX_MAGENTA,
	PX_CYAN,
	PX_YELLOW,
	PX_GREY,
	PX_NCOLOURS
};

typedef struct px_cell {
	uint32_t glyph;		/* explicit glyph, 0 = none */
	uint16_t dots;		/* sub-pixel bits */
	uint16_t points;	/* markers drawn here (for legend placement) */
	uint8_t colour;		/* enum px_colour */
	uint8_t layer;		/* highest layer that touched the cell */
	uint8_t glayer;		/* layer of the glyph */
	uint8_t band;		/* inside a filled band */
} px_cell;

typedef struct px_canvas px_canvas;

/* A blank canvas of w x h cells. NULL (and a message) when w or h is not
 * in 1..4096 or memory runs out. */
px_canvas *canvas_new(int w, int h, int mode, px_err *e);
void canvas_free(px_canvas *c);

int canvas_width(const px_canvas *c);
int canvas_height(const px_canvas *c);
/* Sub-pixels per cell across (2 braille, 3 ASCII) and down (4, 3). */
int canvas_subw(const px_canvas *c);
int canvas_subh(const px_canvas *c);

/* Restrict dots, lines, marks and bands to the sub-pixel rectangle
 * x0..x1, y0..y1 (inclusive, clamped to the canvas). The default is the
 * whole canvas. Text and canvas_put ignore the clip. */
void canvas_clip(px_canvas *c, int x0, int y0, int x1, int y1);

/* One dot at sub-pixel (x, y); ignored outside the clip. */
void canvas_dot(px_canvas *c, int x, int y, int colour, int layer);

/* A straight line between two sub-pixel positions (any finite doubles),
 * clipped to the clip rectangle (Liang-Barsky), drawn with Bresenham.
 * dash > 0 draws `dash` sub-pixels on, `dash` off along the major axis.
 * Non-finite end points draw nothing. */
void canvas_line(px_canvas *c, double x0, double y0, double x1, double y1,
    int colour, int layer, int dash);

/* A marker glyph (or, for glyph 0, a dot) in the cell holding sub-pixel
 * (x, y); counts as a data point for canvas_points. Ignored outside the
 * clip or when not finite. */
void canvas_mark(px_canvas *c, double x, double y, uint32_t glyph, int colour,
    int layer);

/* Flag the cell (row, col) as inside a band (only inside the clip). */
void canvas_band(px_canvas *c, int row, int col, int colour);

/* Put glyph cp in cell (row, col); ignored outside the canvas. */
void canvas_put(px_canvas *c, int row, int col, uint32_t cp, int colour,
    int layer);

/* Write UTF-8 text from (row, col) rightwards, one cell per code point,
 * clipped to the canvas. Control characters and invalid UTF-8 become '?',
 * and so does anything outside ASCII on an ASCII canvas. Returns the number
 * of cells the text takes (written or not). */
int canvas_text(px_canvas *c, int row, int col, const char *s, int colour,
    int layer);

/* Copy all of src's cells into dst from (row, col), clipped to dst (the
 * modes should agree). */
void canvas_blit(px_canvas *dst, const px_canvas *src, int row, int col);

/* Reset the w x h cells from (row, col) to blank. */
void canvas_clear(px_canvas *c, int row, int col, int w, int h);

/* The cell grid, row-major (h rows of w cells), for copying into ncurses. */
const px_cell *canvas_cells(const px_canvas *c);

/* What cell (row, col) shows: a code point (' ' when blank or outside). */
uint32_t canvas_glyph(const px_canvas *c, int row, int col);
/* Its colour (PX_DEFAULT when blank or outside). */
int canvas_colour(const px_canvas *c, int row, int col);
/* Markers drawn into it. */
int canvas_points(const px_canvas *c, int row, int col);

/* The glyph an ASCII cell with 3x3 dot bits `bits` shows (never ' ' for
 * non-zero bits). */
char canvas_ascii_glyph(unsigned bits);

/* Encode cp as UTF-8 into out (at least 4 bytes); returns the length. */
size_t canvas_utf8(uint32_t cp, char *out);

/* Number of cells UTF-8 text takes: one per code point. */
int canvas_text_width(const char *s);

#endif
