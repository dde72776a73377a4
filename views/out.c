/* out.c: text and JSON Lines output. */
#include "config.h"

#include <math.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

#include "base/xalloc.h"
#include "views/out.h"

void
out_init(sx_out *o, FILE *fp, int json)
{
	memset(o, 0, sizeof *o);
	o->fp = fp;
	o->errfp = stderr;
	o->json = json;
	o->width = 80;
	o->height = 24;
}

/*
 * Text for a terminal shows what a file or a session supplied (column
 * names, cells, paths) as it is written, but never its control bytes:
 * those are shown as \xNN so that none reaches the terminal as an escape
 * sequence (clear screen, set title, bell). Tab stays; newline stays
 * where the text is lines (keep_nl). JSON escapes its strings itself,
 * so what it writes through out_printf and out_puts (brackets, numbers,
 * escaped strings, newlines) passes unchanged: one path for every mode.
 */
int
out_unsafe_byte(unsigned char c, int keep_nl)
{
	return (c < 0x20 && c != '\t' && !(keep_nl && c == '\n')) || c == 0x7f;
}

void
out_write_safe(FILE *fp, const char *s, size_t n, int keep_nl)
{
	const unsigned char *p = (const unsigned char *)s, *end = p + n, *run;

	while (p < end) {
		for (run = p; p < end && !out_unsafe_byte(*p, keep_nl); p++)
			;
		fwrite(run, 1, (size_t)(p - run), fp);
		if (p < end)
			fprintf(fp, "\\x%02x", *p++);
	}
}

/* A colour sequence of our own (ESC [ digits and ';' m) at s, or 0. */
static size_t
out_sgr_len(const char *s)
{
	size_t i = 2;

	if (s[0] != '\033' || s[1] != '[')
		return 0;
	while ((s[i] >= '0' && s[i] <= '9') || s[i] == ';')
		i++;
	return s[i] == 'm' ? i + 1 : 0;
}

void
out_printf(sx_out *o, const char *fmt, ...)
{
	va_list ap;
	char buf[1024], *big = NULL;
	int n;

	va_start(ap, fmt);
	n = vsnprintf(buf, sizeof buf, fmt, ap);
	va_end(ap);
	if (n < 0)
		return;
	if ((size_t)n >= sizeof buf) {
		big = xmalloc((size_t)n + 1);
		va_start(ap, fmt);
		vsnprintf(big, (size_t)n + 1, fmt, ap);
		va_end(ap);
	}
	out_write_safe(o->fp, big != NULL ? big : buf, (size_t)n, 1);
	free(big);
}

void
out_puts(sx_out *o, const char *s)
{
	out_write_safe(o->fp, s, strlen(s), 1);
}

void
out_puts_sgr(sx_out *o, const char *s)
{
	size_t k;

	while (*s != '\0') {
		if ((k = out_sgr_len(s)) > 0) {
			fwrite(s, 1, k, o->fp);
			s += k;
			continue;
		}
		for (k = 0; s[k] != '\0' && s[k] != '\033'; k++)
			;
		if (k == 0)
			k = 1;
		out_write_safe(o->fp, s, k, 1);
		s += k;
	}
}

void
out_fmt_double(char *buf, size_t len, double v)
{
	if (isnan(v)) {
		snprintf(buf, len, "nan");
		return;
	}
	if (isinf(v)) {
		snprintf(buf, len, v > 0 ? "inf" : "-inf");
		return;
	}
	/* The shortest of %.15g..%.17g that reads back exactly. */
	for (int prec = 15; prec <= 17; prec++) {
		snprintf(buf, len, "%.*g", prec, v);
		if (strtod(buf, NULL) == v)
			return;
	}
}

static void
json_string(FILE *fp, const char *s)
{
	fputc('"', fp);
	for (const unsigned char *p = (const unsigned char *)s; *p != '\0'; p++) {
		switch (*p) {
		case '"':
			fputs("\\\"", fp);
			break;
		case '\\':
			fputs("\\\\", fp);
			break;
		case '\n':
			fputs("\\n", fp);
			break;
		case '\t':
			fputs("\\t", fp);
			break;
		case '\r':
			fputs("\\r", fp);
			break;
		default:
			if (*p < 0x20)
				fprintf(fp, "\\u%04x", *p);
			else
				fputc(*p, fp);
		}
	}
	fputc('"', fp);
}

/* Comma before every member but the first of its container; none for
 * the value right after its key (out_key). */
static void
json_sep(sx_out *o)
{
	if (o->keyed) {
		o->keyed = 0;
		return;
	}
	if (!o->first[o->depth])
		fputc(',', o->fp);
	o->first[o->depth] = 0;
}

static void
json_key(sx_out *o, const char *key)
{
	json_sep(o);
	json_string(o->fp, key);
	fputc(':', o->fp);
}

static void
json_open(sx_out *o, char c)
{
	fputc(c, o->fp);
	if (o->depth + 1 < (int)(sizeof o->first / sizeof o->first[0]))
		o->depth++;
	o->first[o->depth] = 1;
	o->close[o->depth] = c == '{' ? '}' : ']';
}

static void
json_number(sx_out *o, double v)
{
	char buf[40];

	if (!isfinite(v)) {
		fputs("null", o->fp);
		return;
	}
	out_fmt_double(buf, sizeof buf, v);
	fputs(buf, o->fp);
}

void
out_obj_begin(sx_out *o, const char *cmd)
{
	o->depth = 0;
	json_open(o, '{');
	out_key_str(o, "cmd", cmd);
}

void
out_obj_end(sx_out *o)
{
	while (o->depth > 1)
		out_end(o);
	fputs("}\n", o->fp);
	o->depth = 0;
}

void
out_key(sx_out *o, const char *key)
{
	json_key(o, key);
	o->keyed = 1;
}

void
out_key_str(sx_out *o, const char *key, const char *s)
{
	json_key(o, key);
	if (s == NULL)
		fputs("null", o->fp);
	else
		json_string(o->fp, s);
}

void
out_key_num(sx_out *o, const char *key, double v)
{
	json_key(o, key);
	json_number(o, v);
}

void
out_key_int(sx_out *o, const char *key, long long v)
{
	json_key(o, key);
	fprintf(o->fp, "%lld", v);
}

void
out_key_bool(sx_out *o, const char *key, int v)
{
	json_key(o, key);
	fputs(v ? "true" : "false", o->fp);
}

void
out_key_null(sx_out *o, const char *key)
{
	json_key(o, key);
	fputs("null", o->fp);
}

void
out_key_obj(sx_out *o, const char *key)
{
	json_key(o, key);
	json_open(o, '{');
}

void
out_key_arr(sx_out *o, const char *key)
{
	json_key(o, key);
	json_open(o, '[');
}

void
out_obj(sx_out *o)
{
	json_sep(o);
	json_open(o, '{');
}

void
out_arr(sx_out *o)
{
	json_sep(o);
	json_open(o, '[');
}

void
out_end(sx_out *o)
{
	if (o->depth <= 0)
		return;
	fputc(o->close[o->depth], o->fp);
	o->depth--;
}

void
out_num(sx_out *o, double v)
{
	json_sep(o);
	json_number(o, v);
}

void
out_str(sx_out *o, const char *s)
{
	json_sep(o);
	json_string(o->fp, s);
}

void
out_int(sx_out *o, long long v)
{
	json_sep(o);
	fprintf(o->fp, "%lld", v);
}

void
out_bool(sx_out *o, int v)
{
	json_sep(o);
	fputs(v ? "true" : "false", o->fp);
}

void
out_null(sx_out *o)
{
	json_sep(o);
	fputs("null", o->fp);
}
