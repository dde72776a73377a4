/* plotout.h: a figure to the output sink, with the plot options all share. */
#ifndef SX_PLOTOUT_H
#define SX_PLOTOUT_H

#include "plots/figure.h"
#include "sessions/cmd.h"

/*
 * The options of every command that draws (plot, frontier --plot,
 * crossover --plot): --size WxH, --ascii, --color auto|always|never,
 * --title T, --out FILE [--force]. Commands list PLOTOUT_ARGS in their
 * argdefs, after their --plot flag (ARG_SUB: options of that flag).
 */
#define PLOTOUT_ARGS \
	{ "--size", ARG_WORD, ARG_SUB, NULL, "WxH", \
	  "size in character cells (default: the terminal's, 80x24 when " \
	  "not a terminal)", NULL }, \
	{ "--ascii", ARG_FLAG, ARG_SUB, NULL, NULL, \
	  "ASCII instead of Unicode braille (also when the locale is not " \
	  "UTF-8, or with scalex --ascii)", NULL }, \
	{ "--color", ARG_CHOICE, ARG_SUB, "auto|always|never", \
	  "auto|always|never", \
	  "ANSI colours: auto (a terminal without NO_COLOR), always, never", \
	  NULL }, \
	{ "--title", ARG_WORD, ARG_SUB, NULL, "T", "a title over the plot", \
	  NULL }, \
	{ "--out", ARG_PATH, ARG_SUB, NULL, "FILE", \
	  "write the plot to FILE instead (colours only with --color " \
	  "always); an existing FILE this session did not write is " \
	  "replaced only with --force", NULL }, \
	{ "--force", ARG_FLAG, ARG_SUB, NULL, NULL, "replace FILE even so", \
	  NULL }

/* The same options described in a command's text, for the commands
 * whose help is still written by hand. */
#define PLOTOUT_HELP \
	"  --size WxH     size in character cells (default: the terminal's,\n" \
	"                 80x24 when not a terminal)\n" \
	"  --ascii        ASCII instead of Unicode braille (also when the\n" \
	"                 locale is not UTF-8, or with scalex --ascii)\n" \
	"  --color WHEN   ANSI colours: auto (a terminal without NO_COLOR),\n" \
	"                 always, never\n" \
	"  --title T      a title over the plot\n" \
	"  --out FILE     write the plot to FILE instead (colours only with\n" \
	"                 --color always); an existing FILE this session did\n" \
	"                 not write is replaced only with --force\n" \
	"  --force        replace FILE even so\n"

/*
 * Render f with the options in a and write it: to --out FILE, or to the
 * sink (text lines; in JSON mode an object {"cmd":cmd,"lines":[...],
 * "x":{...},"y":{...}}). Returns 0, or -1 after cmd_fail.
 */
int plotout_emit(sx_ctx *ctx, const sx_args *a, px_figure *f,
    const char *cmd);

#endif
