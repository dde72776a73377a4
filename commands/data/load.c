/* load.c: load: a CSV or TSV file, or a here-document, read into a dataset. */
#include "config.h"

#include <ctype.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "base/sha256.h"
#include "sessions/trust.h"
#include "base/xalloc.h"
#include "commands/data/data.h"
#include "scaling/columns.h"
#include "scaling/csv.h"
#include "sessions/lex.h"
#include "sessions/logref.h"
#include "sessions/progress.h"
#include "sessions/run.h"
#include "views/view.h"

/* Default dataset name from a path: the file's base name up to its first
 * '.', with characters outside [A-Za-z0-9_] made '_'. */
char *
data_default_name(const char *path)
{
	const char *base = strrchr(path, '/');
	char *name;

	base = base != NULL ? base + 1 : path;
	name = xstrndup(base, strcspn(base, "."));
	for (char *p = name; *p != '\0'; p++)
		if (!isalnum((unsigned char)*p) && *p != '_')
			*p = '_';
	if (name[0] == '\0') {
		free(name);
		name = xstrdup("data");
	}
	return name;
}

/* The record of a loaded dataset: its size, its columns' types and the
 * quantities they stand for. */
static void
data_report_loaded(sx_out *o, const sx_dataset *ds)
{
	sx_rec *r = rec_new("load"), *cols;

	rec_str(r, "name", ds->name);
	rec_int(r, "rows", (long long)ds->nrows);
	cols = rec_arr(r, "columns");
	for (size_t i = 0; i < ds->ncols; i++) {
		sx_rec *c = rec_obj(cols, NULL);

		rec_str(c, "name", ds->cols[i].name);
		rec_str(c, "type", ds->cols[i].v != NULL ? "number" : "text");
		rec_str(c, "canonical", column_canonical(ds->cols[i].name));
	}
	if (ds->notes != NULL) {
		sx_rec *w = rec_arr(r, "warnings");
		const char *s = ds->notes, *nl;

		for (; (nl = strchr(s, '\n')) != NULL; s = nl + 1) {
			char *line = xstrndup(s, (size_t)(nl - s));

			rec_str(w, NULL, line);
			free(line);
		}
	}
	view_put(o, r);
}

/*
 * The log entry of a load: the data inlined as a here-document with where
 * it came from and its SHA-256, so a saved session replays without the file.
 */
static char *
data_load_logtext(const char *name, const char *from, const char *text,
    size_t len)
{
	char hex[65], *cmd, *s;

	sha256_hex(text, len, hex);
	cmd = logref_load_cmd(name, from, hex);
	s = lex_with_heredoc(cmd, text, len);
	free(cmd);
	return s;
}

/* A load's progress bar, drawn once the load has taken a second (a quick
 * load shows none); Ctrl-C cancels it at any time. */
static int
load_progress(void *ctx, size_t done, size_t total)
{
	sx_progress *bar = ctx;
	sx_out *o = bar->out;

	if (progress_elapsed(bar) < 1.0)
		return o->interrupt != NULL && *o->interrupt;
	return progress_update(bar, done, total);
}

/*
 * Load a file. A regular file is logged as a reference to it, inlined
 * only when a session is saved (sessions/logref.h): a run that never
 * saves neither hashes nor copies the text. Anything else (a pipe) cannot
 * be read again and is inlined now.
 */
static sx_dataset *
data_load_file(sx_ctx *ctx, const char *path, const char *name, sx_err *e)
{
	csv_source src;
	sx_progress bar;
	sx_dataset *ds;
	char *qn, *qp;

	progress_begin(&bar, ctx->out, "load");
	ds = csv_read_file_progress(path, name, &src, load_progress, &bar, e);
	progress_end(&bar);
	if (ds == NULL)
		return NULL;
	if (!src.regular) {
		ctx->logtext = data_load_logtext(name, path, src.text, src.len);
		free(src.text);
		return ds;
	}
	qp = lex_quote(path);
	qn = lex_quote(name);
	ctx->logtext = xasprintf("load %s as %s", qp, qn);
	ctx->logref = logref_new(name, path, src.size, src.hash);
	free(qp);
	free(qn);
	return ds;
}

/*
 * 'load -' in scalex -c without a here-document: standard input, read
 * once, and logged with its data inlined as a file's would be. -1 after
 * cmd_fail.
 */
static int
data_load_stdin(sx_ctx *ctx, int argi, const char *name, sx_dataset **ds)
{
	char *text;
	size_t len;
	sx_err e;

	if (run_stdin() < 0)
		return cmd_fail(ctx, argi, "standard input was read already (by an "
		    "earlier 'load -')");
	err_clear(&e);
	run_stdin_taken();
	if (csv_read_fd_text(STDIN_FILENO, "<stdin>", &text, &len, &e) != 0)
		return cmd_fail_err(ctx, argi, &e);
	*ds = csv_parse(text, len, "<stdin>", name, &e);
	if (*ds == NULL) {
		free(text);
		return cmd_fail_err(ctx, argi, &e);
	}
	(*ds)->source = xstrdup("<stdin>");
	ctx->logtext = data_load_logtext(name, "<stdin>", text, len);
	free(text);
	return 0;
}

static int
cmd_load_exec(sx_ctx *ctx, const sx_args *a)
{
	const char *path = arg(a, ctx->cmd, "PATH");
	const char *as = arg(a, ctx->cmd, "as");
	const char *from = arg(a, ctx->cmd, "--from");
	const char *sum = arg(a, ctx->cmd, "--sha256");
	int argi = arg_index(a, ctx->cmd, "PATH");
	char *name = as != NULL ? xstrdup(as) : data_default_name(path);
	char hex[65];
	sx_dataset *ds = NULL;
	sx_err e;

	err_clear(&e);
	if (strcmp(path, "-") == 0 && ctx->cl->heredoc == NULL && from == NULL &&
	    sum == NULL && run_stdin() != 0) {
		if (data_load_stdin(ctx, argi, name, &ds) != 0)
			goto out;
	} else if (strcmp(path, "-") == 0) {
		if (ctx->cl->heredoc == NULL) {
			cmd_fail(ctx, argi, "'load -' reads a here-document: "
			    "load - as NAME <<END");
			goto out;
		}
		if (sum == NULL && trust_unverified(ctx, argi, from) != 0)
			goto out;
		if (sum != NULL) {
			sha256_hex(ctx->cl->heredoc, ctx->cl->heredoc_len, hex);
			if (strcmp(hex, sum) != 0) {
				cmd_fail(ctx, arg_index(a, ctx->cmd, "--sha256"), "the "
				    "inlined data does not match its SHA-256: the session "
				    "file was changed or damaged");
				goto out;
			}
		}
		ds = csv_parse(ctx->cl->heredoc, ctx->cl->heredoc_len,
		    "<here-document>", name, &e);
		if (ds == NULL && e.line > 0)
			e.line += ctx->cl->heredoc_line - 1;
		if (ds != NULL && from != NULL)
			ds->source = xstrdup(from);
		/* Typed data is logged with its checksum too, so that a saved
		 * session's every inlined data can be checked on replay. */
		if (ds != NULL && sum == NULL) {
			char *x;

			sha256_hex(ctx->cl->heredoc, ctx->cl->heredoc_len, hex);
			x = xasprintf("--sha256 %s", hex);
			ctx->logtext = cmd_text(ctx->cl, x);
			free(x);
		}
	} else {
		if (ctx->cl->heredoc != NULL || from != NULL || sum != NULL) {
			cmd_fail(ctx, argi, "a here-document, --from and --sha256 go "
			    "with 'load -', not a path");
			goto out;
		}
		ds = data_load_file(ctx, path, name, &e);
	}
	if (ds == NULL) {
		cmd_fail_err(ctx, argi, &e);
		goto out;
	}
	ws_put_dataset(ctx->ws, ds);
	ws_set_current(&ctx->ws->cur_data, ds->name);
	data_report_loaded(ctx->out, ds);
out:
	free(name);
	return ds != NULL ? 0 : -1;
}

static const sx_argdef load_args[] = {
	{ "PATH", ARG_PATH, 0, NULL, NULL, NULL, NULL },
	{ "as", ARG_NAME, ARG_KEY, NULL, "NAME",
	  "the dataset's name (default: the file's base name)", NULL },
	{ "--from", ARG_PATH, ARG_HIDDEN, NULL, "PATH", NULL, NULL },
	{ "--sha256", ARG_WORD, ARG_HIDDEN, NULL, "HEX", NULL, NULL },
	{ NULL, 0, 0, NULL, NULL, NULL, NULL }
};
const sx_cmd cmd_load_entry = {
	"load", NULL,
	"Read a CSV or TSV file into a dataset. The first line that is not a\n"
	"'#' comment is the header; the delimiter (comma, tab or semicolon) is\n"
	"taken from it. An empty cell, NA, NaN, nan, null, None or - is a\n"
	"missing value (see dropna; fits leave such rows out and say so). A\n"
	"column whose first value is not a number is kept as text; in every\n"
	"other column each cell must be a finite number or missing, or the\n"
	"load fails with file:line:column and nothing changes. A first value\n"
	"that looks like a number but is not one (0x10, 1,000) makes a text\n"
	"column, and the load warns, naming its cell; a number too small for\n"
	"a double (1e-400) reads as 0, or as a subnormal, with a warning (one\n"
	"too large, 1e309, is an error). A file that changes while it loads\n"
	"fails to load. A load that takes over a second shows its progress on\n"
	"a terminal; Ctrl-C cancels it, and nothing is loaded. Columns are\n"
	"recognised as N (parameters), D (tokens), C (compute, FLOP), L\n"
	"(loss), S (steps) and t (time) from common names (params, tokens,\n"
	"flops, loss, ...).\n"
	"'load - as NAME <<END' reads the lines up to END (a here-document)\n"
	"instead of a file; in scalex -c, 'load - as NAME' without one reads\n"
	"standard input (cat runs.csv | scalex -c 'load - as runs'). Saved\n"
	"sessions inline what was read that way, with --from naming the\n"
	"original file (or <stdin>) and --sha256 its checksum (checked on\n"
	"replay).\n",
	load_args, CMD_STATE, cmd_load_exec
};
