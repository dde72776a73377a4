/* unit_main.c: runs a test program's suite, reporting TAP on stdout. */
#include "config.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>

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
