/* help.c: help [CMD]: the command overview, or one command's usage. */
#include "config.h"

#include <stdio.h>
#include <string.h>

#include "commands/session/session.h"

static int
cmd_help_exec(sx_ctx *ctx, const sx_args *a)
{
	const char *topic = arg(a, ctx->cmd, "CMD");
	const sx_cmd *c;
	char *words[3] = { NULL, NULL, NULL };
	char buf[128];
	int n = 0, k;

	if (topic == NULL) {
		cmd_print_help(ctx->out, NULL);
		return 0;
	}
	/* "help data show" and "help 'data show'" both work. */
	snprintf(buf, sizeof buf, "%s", topic);
	for (char *tok = strtok(buf, " "); tok != NULL && n < 2;
	    tok = strtok(NULL, " "))
		words[n++] = tok;
	c = cmd_lookup(n, words, &k);
	if (c == NULL || k < n) {
		const char *near = cmd_suggest(words[0] != NULL ? words[0] : "");

		if (near != NULL)
			return cmd_fail(ctx, arg_index(a, ctx->cmd, "CMD"),
			    "no command '%s' (did you mean '%s'?)", topic, near);
		return cmd_fail(ctx, arg_index(a, ctx->cmd, "CMD"),
		    "no command '%s' (try 'help')", topic);
	}
	cmd_print_help(ctx->out, c);
	return 0;
}

static const sx_argdef help_args[] = {
	{ "CMD", ARG_COMMAND, ARG_OPT | ARG_REST, NULL, NULL, NULL, NULL },
	{ NULL, 0, 0, NULL, NULL, NULL, NULL }
};
const sx_cmd cmd_help_entry = {
	"help", NULL,
	"Without CMD, list every command with its synopsis. With CMD (one or\n"
	"two words, e.g. 'help data show'), print its usage and every option.\n"
	"'CMD --help' prints the same text.\n",
	help_args, 0, cmd_help_exec
};
