/* fuzz_cmd.c: fuzz target for the command tokenizer and argument parsing. */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "base/xalloc.h"
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
 * The consoles feed typed lines to lex_pending_add, which does not lex
 * the lines of an open here-document: after each line, whether the text
 * is ready to run must be what lexing all of it says (a fresh sx_pending
 * given the whole text as one line lexes it whole). Quadratic in the
 * number of lines, so only short inputs come here.
 */
static void
fuzz_pending(const char *text)
{
	sx_pending inc = { NULL, 0, 0, NULL };

	for (const char *p = text; *p != '\0';) {
		const char *nl = strchr(p, '\n');
		size_t n = nl != NULL ? (size_t)(nl - p) : strlen(p);
		char *line = xstrndup(p, n), *all;
		sx_pending whole = { NULL, 0, 0, NULL };
		int ready = lex_pending_add(&inc, line);

		all = xstrndup(inc.text, inc.len - 1);
		if (lex_pending_add(&whole, all) != ready ||
		    strcmp(whole.text, inc.text) != 0)
			abort();
		lex_pending_clear(&whole);
		free(all);
		free(line);
		if (ready)
			lex_pending_clear(&inc);
		p += n + (nl != NULL);
	}
	lex_pending_clear(&inc);
}

/*
 * Split the input into commands, then resolve and check each command's
 * arguments against the table without running it (short inputs also go
 * through the consoles' line-by-line path, fuzz_pending). An error must carry a
 * message; a command that lexes must round-trip through its logged form.
 */
int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	sx_script s;
	sx_ctx ctx;
	sx_err err;

	if (size <= 512 && memchr(data, '\0', size) == NULL) {
		char *text = fuzz_cstr(data, size);

		fuzz_pending(text);
		free(text);
	}
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
