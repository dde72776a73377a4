/* session.h: session files: the workspace log as a script, saved atomically. */
#ifndef SX_SESSION_H
#define SX_SESSION_H

#include <stddef.h>

#include "base/err.h"
#include "sessions/workspace.h"

/*
 * The format number readers compare. A file's first line is
 * "# scalex session, format N"; readers refuse N > SX_SESSION_FORMAT and
 * read older ones. Bump it when a saved session would replay differently.
 */
#define SX_SESSION_FORMAT 1

/*
 * Write the workspace's log to `path` as a session script: the header, then
 * each logged command (files' data inlined as here-documents), with
 * session_write_file. Refuses (session_may_replace) to replace an existing
 * file this workspace did not write or replay unless `force`.
 */
int session_save(const sx_workspace *ws, const char *path, int force,
    sx_err *err);

/*
 * Whether a command may write `path` without --force: 0 when no file is
 * there or it is one of ws->own (written by this process's save or plot
 * --out for this workspace, or replayed into it); else -1 with err set.
 */
int session_may_replace(const sx_workspace *ws, const char *path,
    sx_err *err);

/* Remember the file now at path as this workspace's own. */
void session_own(sx_workspace *ws, const char *path);

/*
 * Write a file atomically: fill(fd, arg) writes a temporary file in the
 * same directory, then fsync, rename over path, fsync of the directory; a
 * crash or a failing fill at any point leaves the old file whole. 0, or -1
 * with err set (fill returns -1 with errno set).
 */
int session_write_file(const char *path, int (*fill)(int fd, void *arg),
    void *arg, sx_err *err);

/* Write all of buf to fd, retrying short writes; 0 or -1 (errno). */
int session_write_all(int fd, const char *buf, size_t len);

/*
 * Check the header of session text. Returns its format number, or -1 with
 * err set (where/line 1) for a file that is not a session or is newer.
 */
int session_check(const char *text, size_t len, const char *where,
    sx_err *err);

/* Whether text starts with a session header (of any format). */
int session_has_header(const char *text, size_t len);

/*
 * $XDG_STATE_HOME/scalex (default ~/.local/state/scalex), created (0700)
 * if needed; caller frees. NULL, with err saying why, when there is none
 * ($XDG_STATE_HOME and $HOME unset), it cannot be made (a read-only file
 * system says so), or it may not be trusted: a symbolic link, not a
 * directory, owned by another user, or writable by group or others. A
 * read-only directory is returned: reading it works, writes say why not.
 */
char *session_state_dir_err(sx_err *err);

/* session_state_dir_err without the reason. */
char *session_state_dir(void);

/*
 * Whether the file `name` in the state directory `dir` may be read and
 * written: 0 when absent or a regular file of the user's; -1 with err
 * set for anything else (a symbolic link planted there is not followed).
 */
int session_state_file_ok(const char *path, sx_err *err);

#endif
