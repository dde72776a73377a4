/*
 * bench_load.c: `scalex -c 'load FILE'` on 10^6 and 10^7 rows x 4 numeric
 * columns, run as a child: wall time, rows per second and peak memory
 * (wait4's ru_maxrss), against pandas.read_csv on the same file in the same
 * run (/usr/bin/python3; skipped with a message when pandas is missing).
 * The files are generated in a fresh directory under $TMPDIR and removed;
 * 10^7 rows (about 400 MB) is skipped when less than 1 GB is free there.
 * Usage: bench_load SCALEX
 */
/* wait4 (a BSD call, in glibc under _DEFAULT_SOURCE): one child's own
 * peak memory, where getrusage(RUSAGE_CHILDREN) keeps the largest of all. */
#define _DEFAULT_SOURCE 1
#include "config.h"
#include "bench/benchutil.h"

#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/statvfs.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#define PYTHON "/usr/bin/python3"

/* rows x (N, D, C, L), 6 significant digits like a training log, with a
 * pseudo-random spread so that no two rows print alike. Returns the size
 * in bytes, or -1. */
static long long
gen_csv(const char *path, long rows)
{
	FILE *fp = fopen(path, "w");
	unsigned long long x = 88172645463325252ULL;
	long long size;

	if (fp == NULL) {
		perror(path);
		return -1;
	}
	fputs("N,D,C,L\n", fp);
	for (long i = 0; i < rows; i++) {
		double u, n, d;

		x ^= x << 13, x ^= x >> 7, x ^= x << 17;
		u = (double)(x >> 11) / 9007199254740992.0;
		n = 1e7 * (1 + (double)(i % 1000)) * (1 + u);
		d = 2e9 * (1 + (double)(i % 777));
		fprintf(fp, "%.6g,%.6g,%.6g,%.6g\n", n, d, 6 * n * d,
		    1.7 + 400 / (1 + (double)(i % 991)) + u);
	}
	size = ftell(fp);
	if (fclose(fp) != 0) {
		perror(path);
		return -1;
	}
	return size;
}

/* Run argv with standard output to `out` (a file, or NULL: /dev/null):
 * wall seconds in *wall, peak resident kB in *rss. Returns the exit
 * status (-1: not run). */
static int
run_child(char *const argv[], const char *out, double *wall, long *rss)
{
	struct rusage ru;
	double t0 = bench_clock_s(CLOCK_MONOTONIC);
	int status;
	pid_t pid = fork();

	if (pid < 0)
		return -1;
	if (pid == 0) {
		int fd = open(out != NULL ? out : "/dev/null",
		    O_WRONLY | O_CREAT | O_TRUNC, 0600);

		if (fd >= 0)
			dup2(fd, STDOUT_FILENO);
		execv(argv[0], argv);
		_exit(127);
	}
	if (wait4(pid, &status, 0, &ru) < 0)
		return -1;
	*wall = bench_clock_s(CLOCK_MONOTONIC) - t0;
	*rss = ru.ru_maxrss;
	return WIFEXITED(status) ? WEXITSTATUS(status) : 128;
}

static int
have_pandas(void)
{
	char *argv[] = { PYTHON, "-c", "import pandas", NULL };
	double w;
	long r;

	return access(PYTHON, X_OK) == 0 && run_child(argv, NULL, &w, &r) == 0;
}

/* pandas.read_csv's own time (python's start and import left out, which
 * favours pandas), read back from the child's output. */
static int
run_pandas(const char *csv, const char *dir, double *t, long *rss)
{
	char out[4096], *argv[] = { PYTHON, "-c",
	    "import sys, time, pandas\n"
	    "t0 = time.perf_counter()\n"
	    "df = pandas.read_csv(sys.argv[1])\n"
	    "print(time.perf_counter() - t0, len(df))\n",
	    (char *)csv, NULL };
	double wall;
	FILE *fp;
	int ok;

	snprintf(out, sizeof out, "%s/pandas.out", dir);
	if (run_child(argv, out, &wall, rss) != 0)
		return -1;
	fp = fopen(out, "r");
	ok = fp != NULL && fscanf(fp, "%lf", t) == 1;
	if (fp != NULL)
		fclose(fp);
	unlink(out);
	return ok ? 0 : -1;
}

static int
bench_rows(const char *scalex, const char *dir, long rows, int pandas)
{
	char csv[4096], cmd[4200];
	double wall, pt, doubles = 4.0 * 8.0 * (double)rows;
	long rss, prss;
	long long size;
	int rc;
	char *argv[] = { (char *)scalex, "-c", cmd, NULL };

	snprintf(csv, sizeof csv, "%s/rows.csv", dir);
	size = gen_csv(csv, rows);
	if (size < 0)
		return -1;
	snprintf(cmd, sizeof cmd, "load '%s' as big", csv);
	rc = run_child(argv, NULL, &wall, &rss);
	if (rc != 0) {
		fprintf(stderr, "bench_load: scalex -c \"%s\" exited %d\n", cmd, rc);
		unlink(csv);
		return -1;
	}
	printf("load: %ld rows x 4 (%.0f MB): scalex %.2f s, %.2f M rows/s, "
	    "peak %.0f MB = %.2fx the %.0f MB of doubles\n", rows,
	    (double)size / 1e6, wall, (double)rows / wall / 1e6,
	    (double)rss / 1024, (double)rss * 1024 / doubles, doubles / 1e6);
	if (pandas && run_pandas(csv, dir, &pt, &prss) == 0)
		printf("load: %ld rows: pandas.read_csv %.2f s, peak %.0f MB; "
		    "scalex/pandas time %.2fx (goal <= 0.5x), memory %.2fx\n",
		    rows, pt, (double)prss / 1024, wall / pt,
		    (double)rss / (double)prss);
	else if (pandas)
		printf("load: %ld rows: pandas.read_csv failed\n", rows);
	unlink(csv);
	return 0;
}

int
main(int argc, char **argv)
{
	const char *tmp = getenv("TMPDIR") != NULL ? getenv("TMPDIR") : "/tmp";
	char dir[4096];
	struct statvfs vfs;
	int pandas = have_pandas(), rc = 0;

	if (argc != 2) {
		fprintf(stderr, "usage: bench_load SCALEX\n");
		return 2;
	}
	snprintf(dir, sizeof dir, "%s/scalex-bench-load-XXXXXX", tmp);
	if (mkdtemp(dir) == NULL) {
		perror(dir);
		return 1;
	}
	if (!pandas)
		printf("load: pandas is not importable by %s: no comparison\n",
		    PYTHON);
	if (bench_rows(argv[1], dir, 1000000, pandas) != 0)
		rc = 1;
	if (statvfs(dir, &vfs) == 0 &&
	    (double)vfs.f_bavail * (double)vfs.f_frsize < 1e9)
		printf("load: 10^7 rows skipped: less than 1 GB free in %s\n", tmp);
	else if (rc == 0 && bench_rows(argv[1], dir, 10000000, pandas) != 0)
		rc = 1;
	rmdir(dir);
	return rc;
}
