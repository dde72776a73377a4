/* perr.h: the error record of the plots/ layer (libc only, nor the cores). */
#ifndef SX_PERR_H
#define SX_PERR_H

#include <stddef.h>

/*
 * plots/ never prints and never exits. A function that can fail returns -1
 * (or NULL) and writes a one-line message here. NULL is accepted wherever a
 * px_err * is taken; the message is then dropped.
 */
typedef struct px_err {
	char msg[256];
} px_err;

/* Set the message. Returns -1 so callers can `return perr_set(e, ...)`. */
int perr_set(px_err *e, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));

#endif
