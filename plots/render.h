/* render.h: a canvas as UTF-8 text lines, optionally with ANSI colours. */
#ifndef SX_RENDER_H
#define SX_RENDER_H

#include <stddef.h>

#include "plots/canvas.h"
#include "plots/perr.h"

/* The SGR parameters of a colour index ("34" for PX_BLUE), "" for
 * PX_DEFAULT and out-of-range indices. */
const char *render_sgr(int colour);

/*
 * Row `row` of the canvas as UTF-8 without a newline, trailing blanks
 * trimmed. With colour != 0 each run of same-coloured cells is wrapped in
 * ESC [ sgr m ... ESC [ 0 m (nothing for default-coloured runs). Writes at
 * most len bytes including the NUL (like snprintf) and returns the length
 * the whole row needs.
 */
size_t render_row(const px_canvas *c, int row, int colour, char *buf,
    size_t len);

/* All rows, each ending in '\n', in one NUL-terminated malloc'd string
 * (the caller frees it). NULL with a message when memory runs out. */
char *render_text(const px_canvas *c, int colour, px_err *e);

#endif
