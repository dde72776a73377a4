/* test_load.c: the load command cancelled by Ctrl-C mid-load. */
#include "config.h"

#include <fcntl.h>
#include <pthread.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "sessions/run.h"
#include "sessions/workspace.h"
#include "tests/unit/unit.h"
#include "views/out.h"

/* The rows of a big enough file (over 65536 data rows: the parse asks
 * its progress callback at least once). */
static void
put_rows(FILE *f, size_t rows)
{
	fputs("N,D,L,C\n", f);
	for (size_t i = 0; i < rows; i++)
		fprintf(f, "%zu,%zu,%.3f,%zu\n", i + 1, 2 * i, 2.0 + (double)i / 1e6,
		    i % 5);
}

/* Ctrl-C pressed while the load reads: a thread writes the rows into a
 * FIFO that the load reads, sets the interrupt flag, and only then closes
 * the FIFO, so the flag is set (after the command began, which clears it)
 * before the parse starts: no race. */
struct feeder {
	const char *fifo;
	volatile sig_atomic_t *intr;
};

static void *
feed(void *arg)
{
	struct feeder *fd = arg;
	FILE *f = fopen(fd->fifo, "w");

	if (f == NULL)
		return NULL;
	put_rows(f, 100000);
	fflush(f);
	*fd->intr = 1;
	fclose(f);
	return NULL;
}

/* Run `script` in ws with the interrupt flag `intr`; the error text goes
 * to err. Returns run_text's result. */
static int
run_with(sx_workspace *ws, const char *script, volatile sig_atomic_t *intr,
    char *err, size_t errlen)
{
	FILE *devnull = fopen("/dev/null", "w"), *ef = tmpfile();
	sx_out o;
	size_t n;
	int rc;

	ck_assert_ptr_nonnull(devnull);
	ck_assert_ptr_nonnull(ef);
	out_init(&o, devnull, 0);
	o.interrupt = intr;
	rc = run_text(ws, &o, ef, script, strlen(script), "test");
	rewind(ef);
	n = fread(err, 1, errlen - 1, ef);
	err[n] = '\0';
	fclose(ef);
	fclose(devnull);
	return rc;
}

START_TEST(test_load_cancelled)
{
	char dir[64], fifo[96], path[96], script[160], err[2048];
	volatile sig_atomic_t intr = 0;
	struct feeder fd;
	pthread_t th;
	sx_workspace ws;
	sx_dataset *ds;
	FILE *f;

	snprintf(dir, sizeof dir, "/tmp/sx-test-load-XXXXXX");
	ck_assert_ptr_nonnull(mkdtemp(dir));
	snprintf(fifo, sizeof fifo, "%s/big.fifo", dir);
	ck_assert_int_eq(mkfifo(fifo, 0600), 0);
	fd.fifo = fifo;
	fd.intr = &intr;
	ck_assert_int_eq(pthread_create(&th, NULL, feed, &fd), 0);
	snprintf(script, sizeof script, "load %s as big", fifo);
	ws_init(&ws);
	ck_assert_int_ne(run_with(&ws, script, &intr, err, sizeof err), 0);
	pthread_join(th, NULL);
	ck_assert_ptr_nonnull(strstr(err, "load cancelled: nothing was loaded"));
	ck_assert_ptr_null(ws_dataset(&ws, "big"));
	ck_assert_ptr_null(ws.cur_data);

	/* Not pressed: the same rows, from a regular file, load. */
	snprintf(path, sizeof path, "%s/big.csv", dir);
	f = fopen(path, "w");
	ck_assert_ptr_nonnull(f);
	put_rows(f, 100000);
	ck_assert_int_eq(fclose(f), 0);
	snprintf(script, sizeof script, "load %s as big", path);
	intr = 0;
	ck_assert_int_eq(run_with(&ws, script, &intr, err, sizeof err), 0);
	ds = ws_dataset(&ws, "big");
	ck_assert_ptr_nonnull(ds);
	ck_assert_uint_eq(ds->nrows, 100000);
	ws_free(&ws);
	unlink(path);
	unlink(fifo);
	rmdir(dir);
}
END_TEST

Suite *
unit_suite(void)
{
	Suite *s = suite_create("load");
	TCase *tc = tcase_create("cancel");

	tcase_add_test(tc, test_load_cancelled);
	suite_add_tcase(s, tc);
	return s;
}
