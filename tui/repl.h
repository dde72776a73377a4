/* repl.h: the readline console (scalex --repl). */
#ifndef SX_REPL_H
#define SX_REPL_H

#include "views/out.h"
#include "sessions/workspace.h"

/*
 * Run the console until Ctrl-D or 'quit': one command line at a time
 * through the interpreter, history kept in the state directory, completion
 * from the command table. Ctrl-C abandons the line being typed; SIGTERM and
 * SIGHUP end the console. The workspace is autosaved on the way out.
 * Returns the process exit status.
 */
int repl_run(sx_workspace *ws, sx_out *out);

#endif
