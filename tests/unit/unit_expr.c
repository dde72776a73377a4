/* unit_expr.c: what the expression tests share. */
#include "config.h"

#include "tests/unit/unit.h"
#include "tests/unit/unit_expr.h"

sx_expr *
unit_parse(const char *text)
{
	sx_err err;
	sx_expr *e;

	err_clear(&err);
	e = expr_parse(text, &err);
	ck_assert_msg(e != NULL, "parse '%s': col %d: %s", text, err.col, err.msg);
	return e;
}
