/* replay_main.c: corpus replay for builds without libFuzzer, as TAP. */
#include "config.h"

#include <dirent.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "base/xalloc.h"
#include "tests/fuzz/fuzz.h"

/*
 * Each fuzz target is linked twice: with libFuzzer's main (fuzz_NAME, built
 * by --enable-fuzzing) and with this main (replay_NAME, a check program).
 * Replay runs every file of tests/fuzz/corpus/NAME -- the seeds and each
 * crash input kept as a regression -- through the target once, one TAP
 * line per file, so an ordinary GCC `make check` (and the sanitizer and
 * valgrind builds) still exercises what the fuzzer found.
 *   replay_NAME              the checked-in corpus (under $SX_SRCDIR)
 *   replay_NAME PATH ...     these files, or every file of these directories
 */
#ifndef FUZZ_NAME
#error "FUZZ_NAME must name the target's corpus directory"
#endif

/* Read a whole file; NULL (with a message printed) when it cannot. */
static uint8_t *
replay_read(const char *path, size_t *len)
{
	FILE *fp = fopen(path, "rb");
	uint8_t *buf = NULL;
	size_t cap = 0, n = 0, got;

	if (fp == NULL) {
		printf("# %s: %s\n", path, strerror(errno));
		return NULL;
	}
	do {
		if (cap - n < 4096) {
			cap = cap * 2 + 4096;
			buf = xreallocarray(buf, cap, 1);
		}
		got = fread(buf + n, 1, cap - n, fp);
		n += got;
	} while (got > 0);
	fclose(fp);
	*len = n;
	return buf;
}

/* Append path to the list, or each regular file under it for a directory
 * (sorted by name, so the TAP numbering is stable). */
static void
replay_collect(const char *path, char ***list, size_t *n)
{
	struct dirent **ent;
	struct stat st;
	int k;

	if (stat(path, &st) == 0 && S_ISDIR(st.st_mode)) {
		k = scandir(path, &ent, NULL, alphasort);
		for (int i = 0; i < k; i++) {
			if (ent[i]->d_name[0] != '.') {
				*list = xreallocarray(*list, *n + 1, sizeof **list);
				(*list)[(*n)++] = xasprintf("%s/%s", path,
				    ent[i]->d_name);
			}
			free(ent[i]);
		}
		if (k >= 0)
			free(ent);
		return;
	}
	*list = xreallocarray(*list, *n + 1, sizeof **list);
	(*list)[(*n)++] = xstrdup(path);
}

int
main(int argc, char **argv)
{
	const char *src = getenv("SX_SRCDIR");
	char **list = NULL, *dir;
	size_t n = 0, len;
	uint8_t *data;
	int bad = 0;

	if (argc > 1) {
		for (int i = 1; i < argc; i++)
			replay_collect(argv[i], &list, &n);
	} else {
		dir = xasprintf("%s/tests/fuzz/corpus/%s",
		    src != NULL ? src : ".", FUZZ_NAME);
		replay_collect(dir, &list, &n);
		free(dir);
	}
	printf("1..%zu\n", n);
	for (size_t i = 0; i < n; i++) {
		data = replay_read(list[i], &len);
		if (data == NULL) {
			printf("not ok %zu - %s\n", i + 1, list[i]);
			bad = 1;
		} else {
			fflush(stdout);
			LLVMFuzzerTestOneInput(data, len);
			printf("ok %zu - %s\n", i + 1, strrchr(list[i], '/') != NULL ?
			    strrchr(list[i], '/') + 1 : list[i]);
			free(data);
		}
		free(list[i]);
	}
	free(list);
	return bad;
}
