/* fuzz_util.c: helpers shared by the fuzz targets (copies, a null sink). */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/xalloc.h"
#include "tests/fuzz/fuzz.h"

char *
fuzz_cstr(const uint8_t *data, size_t size)
{
	char *s = xmalloc(size + 1);

	if (size > 0)
		memcpy(s, data, size);
	s[size] = '\0';
	return s;
}

void *
fuzz_sink(void)
{
	static FILE *sink;

	if (sink == NULL) {
		sink = fopen("/dev/null", "w");
		if (sink == NULL)
			abort();
	}
	return sink;
}
