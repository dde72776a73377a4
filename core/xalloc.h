/* xalloc.h: allocation that never returns NULL (it aborts with a message). */
#ifndef SX_XALLOC_H
#define SX_XALLOC_H

#include <stddef.h>

/*
 * Running out of memory is the one failure scalex does not recover from:
 * these print "scalex: out of memory" and abort. Everything else returns an
 * error to the caller. xreallocarray checks the multiplication for overflow.
 */
void *xmalloc(size_t size);
void *xcalloc(size_t n, size_t size);
void *xreallocarray(void *p, size_t n, size_t size);
char *xstrdup(const char *s);
char *xstrndup(const char *s, size_t n);
char *xasprintf(const char *fmt, ...) __attribute__((format(printf, 1, 2)));

#endif
