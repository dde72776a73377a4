/* plotout.h: a figure to the output sink, with the plot options all share. */
#ifndef SX_PLOTOUT_H
#define SX_PLOTOUT_H

#include "plots/figure.h"
#include "sessions/cmd.h"

/*
 * The options of every command that draws (plot, frontier --plot,
 * crossover --plot, transfer --plot): --size WxH, --ascii,
 * --color auto|always|never, --title T, --out FILE [--dpi N] [--force].
 * Commands list PLOTOUT_ARGS in their argdefs, after their --plot flag
 * (ARG_SUB: options of that flag); plot, which always draws, lists
 * PLOTOUT_ARGS_OF(0).
 *
 * A command that writes --out FILE is logged (so a saved session's replay
 * writes it again) with --sha256 HEX, the checksum of the bytes written:
 * the replay may then replace a FILE that still holds exactly those bytes
 * (nothing would be lost) even when another process wrote it.
 */
#define PLOTOUT_ARGS PLOTOUT_ARGS_OF(ARG_SUB)
#define PLOTOUT_ARGS_OF(flags) \
	{ "--size", ARG_WORD, flags, NULL, "WxH", \
	  "size: in character cells on the terminal and for a .txt --out " \
	  "(default: the terminal's, 80x24 when not a terminal); in points " \
	  "for a .svg, .pdf or .png --out (default 234x160, a column of a " \
	  "two-column paper, 3.25 in wide)", NULL }, \
	{ "--ascii", ARG_FLAG, flags, NULL, NULL, \
	  "ASCII instead of Unicode braille in the text drawing (also when " \
	  "the locale is not UTF-8, or with scalex --ascii)", NULL }, \
	{ "--color", ARG_CHOICE, flags, "auto|always|never", \
	  "auto|always|never", \
	  "ANSI colours of the text drawing: auto (a terminal without " \
	  "NO_COLOR), always, never (figure files are always in colour)", \
	  NULL }, \
	{ "--title", ARG_WORD, flags, NULL, "T", "a title over the plot", \
	  NULL }, \
	{ "--out", ARG_PATH, flags, NULL, "FILE", \
	  "write the plot to FILE instead, in the format its extension names: " \
	  ".svg, .pdf or .png drawn with cairo, .txt the terminal drawing " \
	  "(colours only with --color always); an existing FILE this " \
	  "session did not write is replaced only with --force", NULL }, \
	{ "--dpi", ARG_INT, flags, NULL, "N", \
	  "pixels per inch of a .png --out", "300" }, \
	{ "--force", ARG_FLAG, flags, NULL, NULL, "replace FILE even so", \
	  NULL }, \
	{ "--sha256", ARG_WORD, (flags) | ARG_HIDDEN, NULL, "HEX", NULL, NULL }

/*
 * Render f with the options in a and write it: to --out FILE (a figure
 * file through plots/figure_cairo.h, or the text drawing), or to the sink (text lines; in JSON mode an object {"cmd":cmd,"lines":[...],
 * "x":{...},"y":{...}}). Returns 0, or -1 after cmd_fail.
 */
int plotout_emit(sx_ctx *ctx, const sx_args *a, px_figure *f,
    const char *cmd);

#endif
