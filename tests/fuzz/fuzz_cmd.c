/* fuzz_cmd.c: fuzz target for the command tokenizer and argument parsing. */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "core/xalloc.h"
#include "sessions/cmd.h"
#include "sessions/lex.h"
#include "tests/fuzz/fuzz.h"

/*
 * The log writes each command back with cmd_text and a session reads it
 * again with lex_script: the words (and the here-document) must survive
 * the trip unchanged, or a saved session would replay something else.
 */
static void
fuzz_roundtrip(const sx_cmdline *cl)
{
	char *text = cmd_text(cl, NULL);
	sx_script s;
	sx_err err;

	err_clear(&err);
	if (lex_script(text, strlen(text), "roundtrip", &s, &err) != 0)
		abort();
	if (s.n != 1 || s.cmds[0].argc != cl->argc)
		abort();
	for (int i = 0; i < cl->argc; i++)
		if (strcmp(s.cmds[0].argv[i], cl->argv[i]) != 0)
			abort();
	if ((s.cmds[0].heredoc == NULL) != (cl->heredoc == NULL))
		abort();
	lex_script_free(&s);
	free(text);
}

/*
 * Split the input into commands, then resolve and check each command's
 * arguments against the table without running it. An error must carry a
 * message; a command that lexes must round-trip through its logged form.
 */
int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	sx_script s;
	sx_ctx ctx;
	sx_err err;

	err_clear(&err);
	if (lex_script((const char *)data, size, "fuzz", &s, &err) != 0) {
		if (err.msg[0] == '\0' || s.n != 0)
			abort();
		return 0;
	}
	for (size_t i = 0; i < s.n; i++) {
		const sx_cmdline *cl = &s.cmds[i];

		if (cl->argc < 1 || cl->line < 1)
			abort();
		if (cmd_check(cl, &ctx) != 0 && ctx.err.msg[0] == '\0')
			abort();
		cmd_ctx_free(&ctx);
		fuzz_roundtrip(cl);
	}
	lex_script_free(&s);
	return 0;
}
