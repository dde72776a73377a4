/* script.c: replay and source: running a script's commands, in a fresh
 * workspace or in this one, nested at most NEST_MAX files deep. */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "base/xalloc.h"
#include "commands/session/session.h"
#include "sessions/run.h"
#include "sessions/session.h"
#include "sessions/trust.h"

/*
 * Scripts being sourced or replayed, outermost first: the one
 * interpreter's nesting, bounded so that a file that sources or replays
 * itself stops with a message instead of exhausting the stack. The
 * refusal is reported once, by the outermost source or replay.
 */
#define NEST_MAX 16
static const char *nest_path[NEST_MAX];
static int nest_depth;
static char *nest_refused;

/* The chain of files up to `path`: to the first file met again, or its
 * two ends. */
static char *
nest_chain(const char *path)
{
	const char *c[NEST_MAX + 1];
	int n = NEST_MAX + 1, end = n - 1, i, j;
	char *s, *t;

	memcpy(c, nest_path, sizeof nest_path);
	c[NEST_MAX] = path;
	for (j = 1; j < n && end == n - 1; j++)
		for (i = 0; i < j; i++)
			if (strcmp(c[i], c[j]) == 0) {
				end = j;
				break;
			}
	if (end == n - 1)
		return xasprintf("%s -> %s -> ... -> %s -> %s", c[0], c[1],
		    c[n - 2], c[n - 1]);
	s = xstrdup(c[0]);
	for (i = 1; i <= end; i++) {
		t = xasprintf("%s -> %s", s, c[i]);
		free(s);
		s = t;
	}
	t = xasprintf("%s -> ...", s);
	free(s);
	return t;
}

/*
 * run_text for a source or replay of path: 0; -1 when the script failed
 * (the caller says so); -2 when the nesting went too deep (reported, or
 * left to the outermost with ctx->silent).
 */
static int
nest_run(sx_ctx *ctx, const sx_args *a, int argi, sx_workspace *ws,
    const char *text, size_t len, const char *path)
{
	int rc;

	if (nest_depth == NEST_MAX) {
		char *chain = nest_chain(path);

		nest_refused = xasprintf("%s:%d: %s nested too deep (more than %d "
		    "files): %s", nest_path[NEST_MAX - 1], ctx->cl->line,
		    ctx->cmd->name, NEST_MAX, chain);
		free(chain);
		ctx->silent = 1;
		return -2;
	}
	nest_path[nest_depth++] = path;
	trust_push(path, arg(a, ctx->cmd, "--allow-writes") != NULL,
	    arg(a, ctx->cmd, "--no-verify") != NULL, session_has_header(text,
	    len));
	rc = run_text(ws, ctx->out, ctx->out->errfp, text, len, path);
	trust_pop();
	nest_depth--;
	if (rc == 0)
		return 0;
	if (nest_refused == NULL)
		return -1;
	if (nest_depth > 0)
		ctx->silent = 1;
	else {
		cmd_fail(ctx, argi, "%s", nest_refused);
		free(nest_refused);
		nest_refused = NULL;
	}
	return -2;
}

/* Read a script for replay or source; NULL after cmd_fail. */
static char *
session_read(sx_ctx *ctx, int argi, const char *path, size_t *len)
{
	char msg[512];
	char *text = run_slurp(path, len, msg, sizeof msg);

	if (text == NULL)
		cmd_fail(ctx, argi, "%s", msg);
	return text;
}

static int
cmd_replay_exec(sx_ctx *ctx, const sx_args *a)
{
	const char *path = arg(a, ctx->cmd, "PATH");
	int argi = arg_index(a, ctx->cmd, "PATH");
	sx_workspace fresh;
	size_t len;
	char *text = session_read(ctx, argi, path, &len);
	sx_err e;
	int rc;

	if (text == NULL)
		return -1;
	err_clear(&e);
	if (session_check(text, len, path, &e) < 0) {
		free(text);
		return cmd_fail_err(ctx, argi, &e);
	}
	/* Replay into a fresh workspace; it replaces this one only whole. */
	ws_init(&fresh);
	rc = nest_run(ctx, a, argi, &fresh, text, len, path);
	if (rc != 0) {
		free(text);
		ws_free(&fresh);
		return rc == -2 ? -1 : cmd_fail(ctx, argi, "replay of %s stopped; "
		    "the workspace is as it was", path);
	}
	free(text);
	fresh.saved_nlog = fresh.nlog;
	/* The files this workspace may replace stay its own, with those the
	 * replay wrote and the replayed file. */
	ctx->ws->own = xreallocarray(ctx->ws->own, ctx->ws->nown + fresh.nown,
	    sizeof *ctx->ws->own);
	if (fresh.nown > 0)
		memcpy(ctx->ws->own + ctx->ws->nown, fresh.own, fresh.nown *
		    sizeof *fresh.own);
	free(fresh.own);
	fresh.own = ctx->ws->own;
	fresh.nown += ctx->ws->nown;
	ctx->ws->own = NULL;
	session_own(&fresh, path);
	ws_free(ctx->ws);
	*ctx->ws = fresh;
	ctx->nolog = 1;
	return 0;
}

static int
cmd_source_exec(sx_ctx *ctx, const sx_args *a)
{
	const char *path = arg(a, ctx->cmd, "PATH");
	int argi = arg_index(a, ctx->cmd, "PATH");
	size_t len;
	char *text = session_read(ctx, argi, path, &len);
	int rc;

	if (text == NULL)
		return -1;
	/* A session of a newer format would not mean what it says. */
	if (session_has_header(text, len)) {
		sx_err e;

		err_clear(&e);
		if (session_check(text, len, path, &e) < 0) {
			free(text);
			return cmd_fail_err(ctx, argi, &e);
		}
	}
	/* The commands it runs are logged themselves, not 'source'. */
	rc = nest_run(ctx, a, argi, ctx->ws, text, len, path);
	free(text);
	ctx->nolog = 1;
	if (rc == -2)
		return -1;
	if (rc != 0)
		return cmd_fail(ctx, argi, "%s stopped at its first failing command "
		    "(the commands before it ran)", path);
	return 0;
}

static const sx_argdef path_args[] = {
	{ "PATH", ARG_PATH, 0, NULL, NULL, NULL, NULL },
	{ "--allow-writes", ARG_FLAG, 0, NULL, NULL,
	  "let the file's commands write files (save, --out) without asking",
	  NULL },
	{ "--no-verify", ARG_FLAG, 0, NULL, NULL,
	  "run a session whose inlined data has no --sha256", NULL },
	{ NULL, 0, 0, NULL, NULL, NULL, NULL }
};

const sx_cmd cmd_replay_entry = {
	"replay", NULL,
	  "Replay a saved session into a fresh workspace, which replaces this\n"
	  "one if every command succeeds. The whole file is read and checked\n"
	  "first: a syntax error or unknown command anywhere runs nothing. A\n"
	  "session of a newer format is refused. Scripts may source and replay\n"
	  "others up to 16 files deep; deeper (a file that replays itself) is\n"
	  "refused, naming the chain of files. Without --allow-writes its\n"
	  "commands write no file: each write is asked about on a terminal,\n"
	  "else skipped with a warning, and the replay goes on. Data inlined\n"
	  "without its SHA-256 is refused unless --no-verify.\n",
	  path_args, CMD_STATE, cmd_replay_exec
};

const sx_cmd cmd_source_entry = {
	"source", NULL,
	  "Run a script's commands in this workspace, stopping at the first\n"
	  "that fails. Each command is logged as itself. Nesting stops at 16\n"
	  "files: a script that sources itself fails, naming the chain. Its\n"
	  "writes are allowed, asked about or skipped as replay's are; a\n"
	  "session file sourced is checked as replay checks it.\n",
	  path_args, CMD_STATE, cmd_source_exec
};
