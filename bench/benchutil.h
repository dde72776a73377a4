/* Shared by the bench/ programs: a clock and the comparator their medians
 * sort with. Header-only, so each bench stays one source file. */
#ifndef SX_BENCH_BENCHUTIL_H
#define SX_BENCH_BENCHUTIL_H

#include <time.h>

/* Seconds on clock `id`: CLOCK_MONOTONIC for wall time, the thread's CPU
 * clock where other agents on the machine would otherwise skew a median. */
static inline double
bench_clock_s(clockid_t id)
{
	struct timespec ts;

	clock_gettime(id, &ts);
	return (double)ts.tv_sec + 1e-9 * (double)ts.tv_nsec;
}

/* Milliseconds of this thread's CPU time: what the per-fit medians use. */
static inline double
bench_thread_ms(void)
{
	return 1e3 * bench_clock_s(CLOCK_THREAD_CPUTIME_ID);
}

static inline int
bench_cmp_double(const void *a, const void *b)
{
	double x = *(const double *)a, y = *(const double *)b;

	return (x > y) - (x < y);
}

#endif
