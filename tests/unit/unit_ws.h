/* unit_ws.h: a helper for the unit tests of sessions/: running commands. */
#ifndef SX_UNIT_WS_H
#define SX_UNIT_WS_H

#include "sessions/workspace.h"

/* Run `script` (commands, as in a session file) in ws, its output
 * discarded; fails the test when a command fails. */
void unit_run(sx_workspace *ws, const char *script);

#endif
