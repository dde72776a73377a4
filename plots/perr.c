/* perr.c: filling the plots/ error record. */
#include "config.h"

#include <stdarg.h>
#include <stdio.h>

#include "plots/perr.h"

int
perr_set(px_err *e, const char *fmt, ...)
{
	va_list ap;

	if (e == NULL)
		return -1;
	va_start(ap, fmt);
	vsnprintf(e->msg, sizeof e->msg, fmt, ap);
	va_end(ap);
	return -1;
}
