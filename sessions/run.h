/* run.h: running script text through the interpreter, reporting errors. */
#ifndef SX_RUN_H
#define SX_RUN_H

#include <stddef.h>
#include <stdio.h>

#include "views/out.h"
#include "sessions/workspace.h"

/*
 * Lex all of `text` first (a syntax error anywhere runs nothing), then run
 * its commands in order. The first failing command stops the run; its
 * error goes to `errfp` as "scalex: WHERE:LINE: message", the source line,
 * and a caret under the offending word. Returns 0 when every command
 * succeeded, -1 otherwise.
 */
int run_text(sx_workspace *ws, sx_out *out, FILE *errfp, const char *text,
    size_t len, const char *where);

/* Read a whole file into memory (NUL-terminated); NULL with a message in
 * errbuf. Used for scripts; datasets go through scaling/csv. */
char *run_slurp(const char *path, size_t *len, char *errbuf, size_t errlen);

#endif
