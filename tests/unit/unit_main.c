/* unit_main.c: runs a test program's suite, reporting TAP on stdout. */
#include "config.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "tests/unit/unit.h"

const char *
unit_shared_data(const char *file)
{
	static char path[4096];
	const char *dir = getenv("SX_SHARED_DATA");

	snprintf(path, sizeof path, "%s/%s", dir != NULL ? dir : "../shared/data",
	    file);
	return path;
}

int
unit_close(double a, double b, double rel)
{
	double m = fmax(fabs(a), fabs(b));

	if (!isfinite(a) || !isfinite(b))
		return 0;
	return fabs(a - b) <= rel * m;
}

size_t
unit_epoch240(double *n, double *d, double *l, size_t max)
{
	FILE *fp = fopen(unit_shared_data("chinchilla_epoch.csv"), "r");
	char line[1024];
	size_t k = 0;

	ck_assert_msg(fp != NULL, "cannot open %s",
	    unit_shared_data("chinchilla_epoch.csv"));
	ck_assert_ptr_nonnull(fgets(line, sizeof line, fp));
	ck_assert_ptr_nonnull(strstr(line, "x,y,color,Model Size,Training FLOP,"
	    "hex_color,loss"));
	while (fgets(line, sizeof line, fp) != NULL && k < max) {
		char *f[7], *s = line;
		int c = 0;

		f[c++] = s;
		for (; *s != '\0' && c < 7; s++)
			if (*s == ',') {
				*s = '\0';
				f[c++] = s + 1;
			}
		ck_assert_int_eq(c, 7);
		if (strtod(f[6], NULL) >= 3.44)
			continue;
		n[k] = strtod(f[3], NULL);
		d[k] = strtod(f[4], NULL) / (6.0 * n[k]);
		l[k] = strtod(f[6], NULL);
		k++;
	}
	fclose(fp);
	return k;
}

int
main(void)
{
	SRunner *sr = srunner_create(unit_suite());
	int failed;

	srunner_set_tap(sr, "-");
	srunner_run_all(sr, CK_SILENT);
	failed = srunner_ntests_failed(sr);
	srunner_free(sr);
	return failed == 0 ? EXIT_SUCCESS : EXIT_FAILURE;
}
