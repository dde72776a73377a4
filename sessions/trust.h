/* trust.h: what a script run by replay or source may do to the user's
 * files: writes only when allowed, inlined data only with a checksum. */
#ifndef SX_TRUST_H
#define SX_TRUST_H

#include "sessions/cmd.h"

/*
 * Enter a script run by replay or source (`path` names it in warnings):
 * its commands may write files when `allow_writes`, and must carry the
 * SHA-256 of inlined data when `is_session` (a session file) unless
 * `no_verify`. A nested script never gets more than the one around it:
 * a session cannot allow itself what its replayer did not.
 */
void trust_push(const char *path, int allow_writes, int no_verify,
    int is_session);
void trust_pop(void);

/* Whether a replay or source is running (any depth). */
int trust_nested(void);

/* Whether here-documents of data must carry --sha256 now. */
int trust_sums_required(void);

/* Whether a write now may be asked about on the terminal (on by default
 * when standard input and error are terminals; the TUI turns it off). */
void trust_set_ask(int on);

/*
 * Before a command writes `path`: 0 to go ahead; 1 when the write is not
 * allowed (a replayed or sourced script without --allow-writes, and no
 * "y" on the terminal): a warning naming the file, the command and how to
 * allow it was printed, and the command should do nothing else.
 */
int trust_write(sx_ctx *ctx, const char *path);

/*
 * For a here-document of data without --sha256 (`from`: its --from, or
 * NULL): 0 to go on; -1 after cmd_fail at argi. In a session file being
 * replayed or sourced without --no-verify, data noted as from a file
 * (--from) must carry its checksum, as every save writes it: the line was
 * edited. Data typed as a here-document, which sessions saved before
 * checksums were added to it hold, gets a warning and is loaded.
 */
int trust_unverified(sx_ctx *ctx, int argi, const char *from);

#endif
