/* signals.h: SIGINT, SIGTERM and SIGHUP as flags the main loops poll. */
#ifndef SX_SIGNALS_H
#define SX_SIGNALS_H

#include <signal.h>

extern volatile sig_atomic_t sig_interrupted;  /* Ctrl-C since last reset */
extern volatile sig_atomic_t sig_terminate;    /* SIGTERM or SIGHUP */

/* Install the handlers (no SA_RESTART, so blocking reads return EINTR). */
void signals_install(void);

/* Autosave the workspace to a file of this instance's own in the state
 * directory (autosave-DATE-TIME-PID.sx), keeping the newest 5 autosaves;
 * 0 or -1 (message on stderr). Used on quit and on SIGTERM/SIGHUP. */
struct sx_workspace;
int signals_autosave(const struct sx_workspace *ws);

/* At start: list the autosaves there are, newest first, and how to
 * replay one. */
void signals_mention_autosave(void);

#endif
