/* history.c: history: the log of state-changing commands. */
#include "config.h"

#include <stdlib.h>

#include "commands/session/session.h"
#include "sessions/logref.h"
#include "views/view.h"

static int
cmd_history_exec(sx_ctx *ctx, const sx_args *a)
{
	sx_rec *r = rec_new("history"), *cmds = rec_arr(r, "commands");

	(void)a;
	for (size_t i = 0; i < ctx->ws->nlog; i++) {
		sx_err e;
		char *t = NULL;

		/* A load's data inlined as save writes it; the command as
		 * typed when its file changed (save then says so). */
		err_clear(&e);
		if (ctx->ws->logref[i] != NULL)
			t = logref_text(ctx->ws->logref[i], &e);
		rec_str(cmds, NULL, t != NULL ? t : ctx->ws->log[i]);
		free(t);
	}
	view_put(ctx->out, r);
	return 0;
}

const sx_cmd cmd_history_entry = {
	"history", NULL,
	  "The log: every state-changing command so far, as 'save' writes it.\n",
	  cmd_no_args, 0, cmd_history_exec
};
