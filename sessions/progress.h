/* progress.h: a progress bar for long commands, and their cancellation. */
#ifndef SX_PROGRESS_H
#define SX_PROGRESS_H

#include <stddef.h>

#include "views/out.h"

/*
 * On a terminal (out->progress_fp set), a bar with the rate and an
 * estimate of the time left, redrawn at most ten times a second; nothing
 * otherwise. progress_update has the shape of core's progress callbacks
 * (int (*)(void *ctx, size_t done, size_t total)): pass it with the
 * sx_progress as ctx. It returns non-zero once the user pressed Ctrl-C
 * (out->interrupt), which tells core to stop and leave its outputs alone.
 */
typedef struct sx_progress {
	sx_out *out;
	const char *what;
	double t0;
	double last;
	int drawn;
} sx_progress;

void progress_begin(sx_progress *p, sx_out *out, const char *what);
int progress_update(void *ctx, size_t done, size_t total);
/* Seconds since progress_begin. */
double progress_elapsed(const sx_progress *p);
/* Erase the bar. */
void progress_end(sx_progress *p);

#endif
