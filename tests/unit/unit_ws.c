/* unit_ws.c: running commands for the unit tests of sessions/ (its own
 * object, so the tests of the cores do not link the sessions library). */
#include "config.h"

#include <stdio.h>
#include <string.h>

#include <check.h>

#include "views/out.h"
#include "sessions/run.h"
#include "tests/unit/unit_ws.h"

void
unit_run(sx_workspace *ws, const char *script)
{
	sx_out o;
	FILE *devnull = fopen("/dev/null", "w");

	ck_assert_ptr_nonnull(devnull);
	out_init(&o, devnull, 0);
	ck_assert_int_eq(run_text(ws, &o, devnull, script, strlen(script),
	    "setup"), 0);
	fclose(devnull);
}
