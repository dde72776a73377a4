/* session.h: session files: the workspace log as a script, saved atomically. */
#ifndef SX_SESSION_H
#define SX_SESSION_H

#include <stddef.h>

#include "core/err.h"
#include "sessions/workspace.h"

/*
 * The format number readers compare. A file's first line is
 * "# scalex session, format N"; readers refuse N > SX_SESSION_FORMAT and
 * read older ones. Bump it when a saved session would replay differently.
 */
#define SX_SESSION_FORMAT 1

/*
 * Write the workspace's log to `path` as a session script: the header, then
 * each logged command (files' data inlined as here-documents). Atomic: a
 * temporary file in the same directory, fsync, rename, fsync of the
 * directory; a crash at any point leaves the old file whole. Refuses to
 * replace an existing file that is not a scalex session unless `force`.
 */
int session_save(const sx_workspace *ws, const char *path, int force,
    sx_err *err);

/*
 * Check the header of session text. Returns its format number, or -1 with
 * err set (where/line 1) for a file that is not a session or is newer.
 */
int session_check(const char *text, size_t len, const char *where,
    sx_err *err);

/* Whether text starts with a session header (of any format). */
int session_has_header(const char *text, size_t len);

/* $XDG_STATE_HOME/scalex (default ~/.local/state/scalex), created if
 * needed; NULL when it cannot be made. Caller frees. */
char *session_state_dir(void);

#endif
