/* signals.h: SIGINT, SIGTERM and SIGHUP as flags the main loops poll. */
#ifndef SX_SIGNALS_H
#define SX_SIGNALS_H

#include <signal.h>

extern volatile sig_atomic_t sig_interrupted;  /* any of the three since
                                                  the last reset: stop the
                                                  command running */
extern volatile sig_atomic_t sig_terminate;    /* SIGTERM or SIGHUP (and
                                                  SIGINT in batch mode): its
                                                  number; the run ends */

/* Install the handlers (no SA_RESTART, so blocking reads return EINTR). */
void signals_install(void);
/* Batch mode (on): Ctrl-C ends the run as SIGTERM does, there being no
 * prompt to go back to. */
void signals_batch_mode(int on);
/* The exit status: 128 + the signal that ended the run, else rc. */
int signals_status(int rc);

/* Autosave the workspace to a file of this instance's own in the state
 * directory (autosave-DATE-TIME-PID.sx), keeping the newest 5 autosaves;
 * 0 or -1 (message on stderr). Used on quit and on SIGTERM/SIGHUP. */
struct sx_workspace;
int signals_autosave(const struct sx_workspace *ws);

/* At start: list the autosaves there are, newest first, and how to
 * replay one. */
void signals_mention_autosave(void);

#endif
