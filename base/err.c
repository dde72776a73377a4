/* err.c: filling and formatting sx_err records. */
#include "config.h"

#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include "base/err.h"
#include "base/fmt.h"

void
err_clear(sx_err *e)
{
	if (e != NULL)
		memset(e, 0, sizeof *e);
}

int
err_set(sx_err *e, const char *fmt, ...)
{
	va_list ap;

	if (e == NULL)
		return -1;
	va_start(ap, fmt);
	fmt_vset(e->msg, sizeof e->msg, fmt, ap);
	va_end(ap);
	return -1;
}

int
err_at(sx_err *e, const char *where, int line, int col, const char *fmt, ...)
{
	va_list ap;

	if (e == NULL)
		return -1;
	fmt_set(e->where, sizeof e->where, "%s", where != NULL ? where : "");
	e->line = line;
	e->col = col;
	va_start(ap, fmt);
	fmt_vset(e->msg, sizeof e->msg, fmt, ap);
	va_end(ap);
	return -1;
}

void
err_format(const sx_err *e, char *buf, size_t len)
{
	if (e->where[0] != '\0' && e->line > 0 && e->col > 0)
		fmt_set(buf, len, "%s:%d:%d: %s", e->where, e->line, e->col, e->msg);
	else if (e->where[0] != '\0' && e->line > 0)
		fmt_set(buf, len, "%s:%d: %s", e->where, e->line, e->msg);
	else if (e->where[0] != '\0')
		fmt_set(buf, len, "%s: %s", e->where, e->msg);
	else
		fmt_set(buf, len, "%s", e->msg);
}
