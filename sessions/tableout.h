/* tableout.h: a tabular result in the format and file the user asks. */
#ifndef SX_TABLEOUT_H
#define SX_TABLEOUT_H

#include "sessions/cmd.h"
#include "views/table.h"

/*
 * The options of every command whose result is a table (fit, fit show,
 * fits, frontier, predict, compare, presets, gpi): --format F, --se
 * paren|pm, and (TABLEOUT_ARGS, for a command without a figure's --out)
 * --out FILE [--force]. frontier lists TABLEOUT_FORMAT_ARGS: its --out
 * and --force (of --plot) write the table when it does not draw.
 */
#define TABLEOUT_FORMAT_ARGS \
	{ "--format", ARG_CHOICE, 0, OUT_FORMAT_WORDS, "F", \
	  "the result as text, json, or a table in csv (full precision, " \
	  "standard errors in columns of their own), markdown or latex " \
	  "(booktabs; values rounded to their standard errors); default: " \
	  "scalex --format, else the --out FILE's extension (.csv, .md, " \
	  ".tex, .json), else text", NULL }, \
	{ "--se", ARG_CHOICE, 0, "paren|pm", "paren|pm", \
	  "markdown and latex values with a standard error as 1.817(15) " \
	  "or 1.817 ± 0.015; above the units with the value's power of " \
	  "ten, 1.23(12)e3 (default: scalex --se, else paren)", NULL }
#define TABLEOUT_ARGS \
	TABLEOUT_FORMAT_ARGS, \
	{ "--out", ARG_PATH, 0, NULL, "FILE", \
	  "write the result to FILE instead (atomically); an existing FILE " \
	  "this session did not write is replaced only with --force", NULL }, \
	{ "--force", ARG_FLAG, 0, NULL, NULL, "replace FILE even so", NULL }

/*
 * Put the n records of a command's result (made of them were built, as
 * view_put_all) in the format of --format (else --out's extension, else
 * the sink's), as one table in a table format, to --out FILE or the
 * sink; then free them. Writing FILE reports it (a "table written"
 * record: path, format, rows). Returns 0, or -1 after cmd_fail (nothing
 * written) or when made < n.
 */
int tableout_put_all(sx_ctx *ctx, const sx_args *a, sx_rec **recs,
    size_t n, size_t made);
/* Before a command that changes the workspace: 0, or -1 after cmd_fail
 * when --out names an existing file it may not replace (no --force). */
int tableout_check(sx_ctx *ctx, const sx_args *a);
/*
 * A command that changes the workspace is logged, and replay must not
 * rewrite its table: *out becomes ctx->cl without the words of --format,
 * --se, --out and --force (its argv allocated, the words shared; free
 * out->argv) and 1 is returned when there were any, else 0 and *out is
 * untouched. A handler logs out instead (cmd_text).
 */
int tableout_strip(const sx_ctx *ctx, const sx_args *a, sx_cmdline *out);
/* The same for one record. */
int tableout_put(sx_ctx *ctx, const sx_args *a, sx_rec *r);

#endif
