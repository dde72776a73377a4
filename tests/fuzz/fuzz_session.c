/* fuzz_session.c: fuzz target for the session file loader (check + run). */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "sessions/lex.h"
#include "views/out.h"
#include "sessions/run.h"
#include "sessions/session.h"
#include "sessions/workspace.h"
#include "tests/fuzz/fuzz.h"

/*
 * Once per process: work in an empty scratch directory and read standard
 * input from /dev/null, so a command naming a file or `-` finds nothing
 * and cannot block.
 */
static void
fuzz_setup(void)
{
	static int done;
	char dir[] = "/tmp/scalex-fuzz-session.XXXXXX";

	if (done)
		return;
	done = 1;
	if (mkdtemp(dir) == NULL || chdir(dir) != 0)
		abort();
	if (freopen("/dev/null", "r", stdin) == NULL)
		abort();
}

/*
 * Whether a script may run here: nothing that writes a file (save, plot
 * --out) and no path leaving the scratch directory (a '/' in any word),
 * so a run can neither litter the disk nor read /dev/zero forever.
 */
static int
fuzz_safe(const char *text, size_t len)
{
	sx_script s;
	sx_err err;
	int ok = 1;

	err_clear(&err);
	if (lex_script(text, len, "fuzz.sx", &s, &err) != 0)
		return 1;  /* run_text reports the syntax error and runs nothing */
	for (size_t i = 0; i < s.n && ok; i++) {
		const sx_cmdline *cl = &s.cmds[i];

		for (int w = 0; w < cl->argc && ok; w++)
			if (strchr(cl->argv[w], '/') != NULL ||
			    strncmp(cl->argv[w], "--out", 5) == 0 ||
			    strcmp(cl->argv[w], "save") == 0)
				ok = 0;
	}
	lex_script_free(&s);
	return ok;
}

/*
 * Load the input as a session file the way `replay` does: check the
 * header, then run the script in a fresh workspace, output discarded.
 * A refused header must say why.
 */
int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	const char *text = (const char *)data;
	sx_workspace ws;
	sx_out out;
	sx_err err;

	fuzz_setup();
	err_clear(&err);
	if (session_check(text, size, "fuzz.sx", &err) < 0) {
		if (err.msg[0] == '\0')
			abort();
		return 0;
	}
	if (!fuzz_safe(text, size))
		return 0;
	ws_init(&ws);
	out_init(&out, fuzz_sink(), 0);
	out.errfp = fuzz_sink();
	(void)run_text(&ws, &out, fuzz_sink(), text, size, "fuzz.sx");
	ws_free(&ws);
	return 0;
}
