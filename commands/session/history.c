/* history.c: history: the log of state-changing commands. */
#include "config.h"

#include "commands/session/session.h"
#include "views/view.h"

static int
cmd_history_exec(sx_ctx *ctx, const sx_args *a)
{
	sx_rec *r = rec_new("history"), *cmds = rec_arr(r, "commands");

	(void)a;
	for (size_t i = 0; i < ctx->ws->nlog; i++)
		rec_str(cmds, NULL, ctx->ws->log[i]);
	view_put(ctx->out, r);
	return 0;
}

const sx_cmd cmd_history_entry = {
	"history", NULL,
	  "The log: every state-changing command so far, as 'save' writes it.\n",
	  cmd_no_args, 0, cmd_history_exec
};
