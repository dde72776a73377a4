/* signals.h: SIGINT, SIGTERM and SIGHUP as flags the main loops poll. */
#ifndef SX_SIGNALS_H
#define SX_SIGNALS_H

#include <signal.h>

extern volatile sig_atomic_t sig_interrupted;  /* Ctrl-C since last reset */
extern volatile sig_atomic_t sig_terminate;    /* SIGTERM or SIGHUP */

/* Install the handlers (no SA_RESTART, so blocking reads return EINTR). */
void signals_install(void);

/* Autosave the workspace to the state directory; 0 or -1 (message on
 * stderr). Used on quit and on SIGTERM/SIGHUP. */
struct sx_workspace;
int signals_autosave(const struct sx_workspace *ws);

/* At start: say so when an autosave exists, and how to replay it. */
void signals_mention_autosave(void);

#endif
