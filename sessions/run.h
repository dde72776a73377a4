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

/*
 * Standard input as data for 'load -' without a here-document. main()
 * offers it (run_offer_stdin) for the commands of -c when it is not a
 * terminal; run_stdin says whether the running command may read it:
 * offered, not read yet (run_stdin_taken marks it read) and not inside a
 * script that source or replay runs, where 'load -' means the
 * here-document that follows. 1 yes, 0 no, -1 read already.
 */
void run_offer_stdin(int on);
int run_stdin(void);
void run_stdin_taken(void);

/* Read a whole file into memory (NUL-terminated); NULL with a message in
 * errbuf. Used for scripts; datasets go through scaling/csv. */
char *run_slurp(const char *path, size_t *len, char *errbuf, size_t errlen);

#endif
