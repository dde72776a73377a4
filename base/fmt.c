/* fmt.c: formatting into fixed buffers, cuts marked with an ellipsis. */
#include "config.h"

#include <stdio.h>
#include <string.h>

#include "base/fmt.h"

#define FMT_ELLIPSIS "\xe2\x80\xa6"   /* U+2026, 3 bytes */

/* buf holds size - 1 bytes of a longer text: end it with the ellipsis at
 * a character boundary (or as much of the text as fits when size < 4). */
static void
fmt_mark_cut(char *buf, size_t size)
{
	size_t at;

	if (size < sizeof FMT_ELLIPSIS)
		return;
	at = size - sizeof FMT_ELLIPSIS;
	/* Back over continuation bytes to the start of a character. */
	while (at > 0 && ((unsigned char)buf[at] & 0xc0) == 0x80)
		at--;
	memcpy(buf + at, FMT_ELLIPSIS, sizeof FMT_ELLIPSIS);
}

int
fmt_vset(char *buf, size_t size, const char *fmt, va_list ap)
{
	int n = vsnprintf(buf, size, fmt, ap);

	if (n < 0) {
		buf[0] = '\0';
		return 0;
	}
	if ((size_t)n < size)
		return 0;
	fmt_mark_cut(buf, size);
	return 1;
}

int
fmt_set(char *buf, size_t size, const char *fmt, ...)
{
	va_list ap;
	int cut;

	va_start(ap, fmt);
	cut = fmt_vset(buf, size, fmt, ap);
	va_end(ap);
	return cut;
}

int
fmt_append(char *buf, size_t size, const char *fmt, ...)
{
	size_t len = strnlen(buf, size);
	va_list ap;
	int cut;

	/* A buffer already full was cut before: it stays as it is. */
	if (len + 1 >= size)
		return 1;
	va_start(ap, fmt);
	cut = fmt_vset(buf + len, size - len, fmt, ap);
	va_end(ap);
	if (cut && size - len < sizeof FMT_ELLIPSIS)
		fmt_mark_cut(buf, size);   /* no room after the old text */
	return cut;
}

size_t
fmt_width(const char *s)
{
	size_t w = 0;

	for (; *s != '\0'; s++)
		w += ((unsigned char)*s & 0xc0) != 0x80;
	return w;
}

void
fmt_cell(char *buf, size_t size, const char *s, size_t width, int right)
{
	size_t w = fmt_width(s), n, pad, i = 0;

	if (w > width) {
		/* width - 1 characters, then the ellipsis. */
		size_t k = 0;

		for (n = 0; s[n] != '\0'; n++) {
			if (((unsigned char)s[n] & 0xc0) != 0x80 && k++ == width - 1)
				break;
		}
		if (width == 0)
			n = 0;
		fmt_set(buf, size, "%.*s%s", (int)n, s, width > 0 ?
		    FMT_ELLIPSIS : "");
		return;
	}
	pad = width - w;
	if (right)
		for (; i < pad && i + 1 < size; i++)
			buf[i] = ' ';
	fmt_set(buf + i, size - i, "%s", s);
	if (!right) {
		i = strlen(buf);
		for (; pad > 0 && i + 1 < size; pad--)
			buf[i++] = ' ';
		buf[i] = '\0';
	}
}
