/* fmt.h: formatting into fixed buffers without losing a cut silently. */
#ifndef SX_FMT_H
#define SX_FMT_H

#include <stdarg.h>
#include <stddef.h>

/*
 * Format into buf (size bytes, > 0) after the text already there (append)
 * or in its place (set). Text that does not fit is cut at a UTF-8
 * character boundary and ends with "…", so a reader sees that something
 * is missing. Return 1 when the text was cut, else 0.
 */
int fmt_append(char *buf, size_t size, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));
int fmt_set(char *buf, size_t size, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));
int fmt_vset(char *buf, size_t size, const char *fmt, va_list ap)
    __attribute__((format(printf, 3, 0)));

/* The width of UTF-8 text in characters (one column each). */
size_t fmt_width(const char *s);

/*
 * Text s as a cell of `width` characters into buf (size bytes): padded
 * with spaces (on the left when `right`, else on the right) when shorter,
 * cut to width - 1 characters and "…" when longer, so a cut is seen.
 */
void fmt_cell(char *buf, size_t size, const char *s, size_t width,
    int right);

#endif
