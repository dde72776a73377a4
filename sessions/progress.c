/* progress.c: progress bars on a terminal, and the Ctrl-C check. */
#include "config.h"

#include <stdio.h>
#include <time.h>

#include "sessions/progress.h"

static double
progress_now(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + 1e-9 * (double)ts.tv_nsec;
}

void
progress_begin(sx_progress *p, sx_out *out, const char *what)
{
	p->out = out;
	p->what = what;
	p->t0 = progress_now();
	p->last = 0;
	p->drawn = 0;
}

int
progress_update(void *ctx, size_t done, size_t total)
{
	sx_progress *p = ctx;
	FILE *fp = p->out->progress_fp;
	double now, rate, left;
	int width = 30, fill;

	if (p->out->interrupt != NULL && *p->out->interrupt)
		return 1;
	if (fp == NULL || total == 0)
		return 0;
	now = progress_now();
	if (now - p->last < 0.1 && done < total)
		return 0;
	p->last = now;
	rate = (double)done / (now - p->t0 + 1e-9);
	left = rate > 0 ? (double)(total - done) / rate : 0;
	fill = (int)((double)width * (double)done / (double)total);
	fprintf(fp, "\r%s [", p->what);
	for (int i = 0; i < width; i++)
		fputc(i < fill ? '#' : '.', fp);
	fprintf(fp, "] %zu/%zu  %.0f/s  %.0fs left ", done, total, rate, left);
	fflush(fp);
	p->drawn = 1;
	return 0;
}

double
progress_elapsed(const sx_progress *p)
{
	return progress_now() - p->t0;
}

void
progress_end(sx_progress *p)
{
	if (p->drawn && p->out->progress_fp != NULL) {
		fputs("\r\033[K", p->out->progress_fp);
		fflush(p->out->progress_fp);
	}
}
