/*
 * bench_csv.c: median time to load a 10^6-row, 4-column CSV with
 * csv_read_file (the file is generated in $TMPDIR first, 6 significant
 * digits per cell like a training log, and removed afterwards).
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <time.h>
#include <unistd.h>

#include "scaling/csv.h"
#include "bench/benchutil.h"

int
main(void)
{
	const char *tmp = getenv("TMPDIR") != NULL ? getenv("TMPDIR") : "/tmp";
	char path[4096];
	double t[5];
	FILE *fp;
	sx_err e;

	snprintf(path, sizeof path, "%s/scalex-bench-%ld.csv", tmp, (long)getpid());
	fp = fopen(path, "w");
	if (fp == NULL) {
		perror(path);
		return 1;
	}
	fputs("N,D,C,L\n", fp);
	for (long i = 0; i < 1000000; i++) {
		double n = 1e7 * (1 + (double)(i % 1000)), d = 2e9 * (1 + (double)(i % 777));

		fprintf(fp, "%.6g,%.6g,%.6g,%.6g\n", n, d, 6 * n * d,
		    1.7 + 400 / (1 + (double)(i % 991)));
	}
	fclose(fp);
	for (int r = 0; r < 5; r++) {
		double t0 = bench_clock_s(CLOCK_MONOTONIC);
		sx_dataset *ds = csv_read_file(path, "bench", &e);

		t[r] = bench_clock_s(CLOCK_MONOTONIC) - t0;
		if (ds == NULL) {
			fprintf(stderr, "bench_csv: %s\n", e.msg);
			unlink(path);
			return 1;
		}
		dataset_free(ds);
	}
	unlink(path);
	qsort(t, 5, sizeof t[0], bench_cmp_double);
	printf("csv: load 10^6 rows x 4 columns: median %.3f s over 5 runs\n", t[2]);
	return 0;
}
