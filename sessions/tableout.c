/* tableout.c: a tabular result in the format and file the user asks. */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/xalloc.h"
#include "sessions/session.h"
#include "sessions/trust.h"
#include "sessions/tableout.h"
#include "views/view.h"

/* The format a FILE's extension names, or -1. */
static int
tableout_ext(const char *path)
{
	static const struct {
		const char *ext;
		int format;
	} exts[] = {
		{ ".csv", OUT_CSV }, { ".md", OUT_MARKDOWN },
		{ ".tex", OUT_LATEX }, { ".json", OUT_JSON },
		{ ".jsonl", OUT_JSON }, { ".txt", OUT_TEXT },
	};
	size_t n = strlen(path);

	for (size_t i = 0; i < sizeof exts / sizeof exts[0]; i++) {
		size_t k = strlen(exts[i].ext);

		if (n > k && strcmp(path + n - k, exts[i].ext) == 0)
			return exts[i].format;
	}
	return -1;
}

/* The records in sink o: one table in a table format, else each. */
static void
tableout_emit(sx_out *o, sx_rec **recs, size_t n)
{
	if (o->format >= OUT_CSV)
		view_table(o, (const sx_rec *const *)recs, n);
	else
		for (size_t i = 0; i < n; i++)
			view_emit(o, recs[i]);
}

static int
tableout_fill(int fd, void *text)
{
	return session_write_all(fd, text, strlen(text));
}

static void
tableout_free(sx_rec **recs, size_t n)
{
	for (size_t i = 0; i < n; i++)
		rec_free(recs[i]);
}

int
tableout_put_all(sx_ctx *ctx, const sx_args *a, sx_rec **recs, size_t n,
    size_t made)
{
	const char *fmt = arg(a, ctx->cmd, "--format");
	const char *se = arg(a, ctx->cmd, "--se");
	const char *path = arg(a, ctx->cmd, "--out");
	sx_out o = *ctx->out;
	char *text = NULL;
	size_t len = 0;
	FILE *fp;
	sx_err fe;
	sx_rec *r;
	int format = ctx->out->format;

	if (made < n) {
		tableout_free(recs, n);
		return -1;
	}
	if (fmt != NULL)
		format = table_format_of(fmt);
	else if (path != NULL && tableout_ext(path) >= 0)
		format = tableout_ext(path);
	else if (path != NULL && format == OUT_JSON)
		format = OUT_TEXT;  /* a file of --json is its own choice */
	table_set_format(&o, format);
	if (se != NULL)
		o.se_pm = strcmp(se, "pm") == 0;
	if (path == NULL) {
		tableout_emit(&o, recs, n);
		ctx->out->tables = o.tables;
		tableout_free(recs, n);
		return 0;
	}
	if ((fp = open_memstream(&text, &len)) == NULL) {
		tableout_free(recs, n);
		return cmd_fail(ctx, arg_index(a, ctx->cmd, "--out"),
		    "%s: out of memory", path);
	}
	o.fp = fp;
	o.color = 0;
	o.tables = 0;
	tableout_emit(&o, recs, n);
	fclose(fp);
	err_clear(&fe);
	if (trust_write(ctx, path) != 0) {
		free(text);
		tableout_free(recs, n);
		return 0;
	}
	if ((arg(a, ctx->cmd, "--force") == NULL &&
	    session_may_replace(ctx->ws, path, &fe) != 0) ||
	    session_write_file(path, tableout_fill, text, &fe) != 0) {
		free(text);
		tableout_free(recs, n);
		return cmd_fail(ctx, arg_index(a, ctx->cmd, "--out"), "%s: %s",
		    path, fe.msg);
	}
	session_own(ctx->ws, path);
	free(text);
	r = rec_new(recs[0]->kind);
	rec_set_view(r, "table written");
	rec_str(r, "out", path);
	rec_str(r, "format", format == OUT_CSV ? "csv" : format ==
	    OUT_MARKDOWN ? "markdown" : format == OUT_LATEX ? "latex" :
	    format == OUT_JSON ? "json" : "text");
	tableout_free(recs, n);
	view_put(ctx->out, r);
	return 0;
}

int
tableout_check(sx_ctx *ctx, const sx_args *a)
{
	const char *path = arg(a, ctx->cmd, "--out");
	sx_err fe;

	err_clear(&fe);
	if (path == NULL || arg(a, ctx->cmd, "--force") != NULL ||
	    session_may_replace(ctx->ws, path, &fe) == 0)
		return 0;
	return cmd_fail(ctx, arg_index(a, ctx->cmd, "--out"), "%s: %s", path,
	    fe.msg);
}

int
tableout_strip(const sx_ctx *ctx, const sx_args *a, sx_cmdline *out)
{
	static const char *const opts[] = { "--format", "--se", "--out",
	    "--force" };
	const sx_cmdline *cl = ctx->cl;
	char *drop = xcalloc((size_t)cl->argc + 1, 1);
	int any = 0, n = 0;

	for (size_t k = 0; k < sizeof opts / sizeof opts[0]; k++) {
		int i = arg_index(a, ctx->cmd, opts[k]);

		if (i < 0)
			continue;
		any = 1;
		drop[i] = 1;
		/* "--out FILE": the option's word before its value; "--out=FILE"
		 * and "--force" are one word. */
		if (strncmp(cl->argv[i], opts[k], strlen(opts[k])) != 0)
			drop[i - 1] = 1;
	}
	if (any) {
		*out = *cl;
		out->argv = xcalloc((size_t)cl->argc + 1, sizeof *out->argv);
		for (int i = 0; i < cl->argc; i++)
			if (!drop[i])
				out->argv[n++] = cl->argv[i];
		out->argc = n;
	}
	free(drop);
	return any;
}

int
tableout_put(sx_ctx *ctx, const sx_args *a, sx_rec *r)
{
	return tableout_put_all(ctx, a, &r, 1, 1);
}
