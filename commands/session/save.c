/* save.c: save: the session as a script that replays it. */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "base/xalloc.h"
#include "commands/session/session.h"
#include "sessions/session.h"
#include "sessions/trust.h"
#include "views/view.h"

static int
cmd_save_exec(sx_ctx *ctx, const sx_args *a)
{
	const char *path = arg(a, ctx->cmd, "PATH");
	sx_rec *r;
	sx_err e;

	err_clear(&e);
	if (trust_write(ctx, path) != 0)
		return 0;
	if (session_save(ctx->ws, path, arg(a, ctx->cmd, "--force") != NULL,
	    &e) != 0)
		return cmd_fail(ctx, arg_index(a, ctx->cmd, "PATH"), "%s: %s", path,
		    e.msg);
	ctx->ws->saved_nlog = ctx->ws->nlog;
	session_own(ctx->ws, path);
	r = rec_new("save");
	rec_str(r, "path", path);
	rec_int(r, "commands", (long long)ctx->ws->nlog);
	view_put(ctx->out, r);
	return 0;
}

static const sx_argdef save_args[] = {
	{ "PATH", ARG_PATH, 0, NULL, NULL, NULL, NULL },
	{ "--force", ARG_FLAG, 0, NULL, NULL,
	  "replace a file this session did not write", NULL },
	{ NULL, 0, 0, NULL, NULL, NULL, NULL }
};

const sx_cmd cmd_save_entry = {
	"save", NULL,
	  "Save the session as a script: a header with the format number, then\n"
	  "every command that changed the workspace, as executed (seeds and\n"
	  "automatic choices written out), with the data of loaded files inlined\n"
	  "as here-documents (path and SHA-256 noted), so that replaying needs\n"
	  "nothing but the file. The write is atomic: the old file stays whole\n"
	  "until the new one is on disk. An existing file is replaced only when\n"
	  "this session wrote it (an earlier save or plot --out in this\n"
	  "process) or was replayed from it; any other (another session's\n"
	  "file, your notes) only with --force. A refused save writes nothing\n"
	  "and says so.\n", save_args, 0, cmd_save_exec
};
