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

/*
 * Keep freed memory in the process for the next allocation instead of
 * handing it back to the system at once (glibc's mallopt; elsewhere a
 * no-op). Fits on tall data allocate and free megabytes each time; freed
 * and refetched, every page faults in afresh, which costs more than the
 * fit's arithmetic (n = 20,000: 11 ms a fit, 5 ms with this). The
 * program calls it once at start.
 */
void xalloc_keep_freed(void);

#endif
