/* expr_lex.c: the expression language's tokens: numbers, names, text
 * literals, operators. */
#include "config.h"

#include <locale.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/fmt.h"
#include "base/xalloc.h"
#include "scaling/expr_lex.h"

int
expr_lex_error(struct expr_parser *p, size_t at, const char *fmt, ...)
{
	va_list ap;
	char msg[sizeof p->err->msg];

	va_start(ap, fmt);
	fmt_vset(msg, sizeof msg, fmt, ap);
	va_end(ap);
	return err_at(p->err, EXPR_WHERE, 1, (int)(at < 1000000000 ? at + 1 :
	    1000000000), "%s", msg);
}

int
expr_lex_isspace(int c)
{
	return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' ||
	    c == '\v';
}

int
expr_lex_isdigit(int c)
{
	return c >= '0' && c <= '9';
}

int
expr_lex_isalpha(int c)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_';
}

/* Token text for messages: at most 40 bytes of it. */
int
expr_lex_show(const struct expr_parser *p)
{
	return p->len > 40 ? 40 : (int)p->len;
}

/* strtod in the C locale, whatever LC_NUMERIC the program has set. */
static double
expr_lex_strtod(const char *buf)
{
	locale_t c = newlocale(LC_NUMERIC_MASK, "C", (locale_t)0);
	locale_t old;
	double v;

	if (c == (locale_t)0)
		return strtod(buf, NULL);
	old = uselocale(c);
	v = strtod(buf, NULL);
	uselocale(old);
	freelocale(c);
	return v;
}

/* Scan a number at p->pos: digits [. digits] [e [+-] digits] or . digits. A
 * number running straight into letters, digits or dots is a bad number. */
static int
expr_lex_number(struct expr_parser *p)
{
	const char *s = p->s;
	size_t i = p->pos, ndig = 0;
	int ok = 1;
	char *buf;

	while (expr_lex_isdigit((unsigned char)s[i])) {
		i++;
		ndig++;
	}
	if (s[i] == '.') {
		i++;
		while (expr_lex_isdigit((unsigned char)s[i])) {
			i++;
			ndig++;
		}
	}
	if (ndig == 0)
		ok = 0;
	if (ok && (s[i] == 'e' || s[i] == 'E')) {
		size_t nexp = 0;

		i++;
		if (s[i] == '+' || s[i] == '-')
			i++;
		while (expr_lex_isdigit((unsigned char)s[i])) {
			i++;
			nexp++;
		}
		if (nexp == 0)
			ok = 0;
	}
	while (expr_lex_isalpha((unsigned char)s[i]) ||
	    expr_lex_isdigit((unsigned char)s[i]) || s[i] == '.') {
		i++;
		ok = 0;
	}
	p->len = i - p->pos;
	if (!ok)
		return expr_lex_error(p, p->pos, "bad number '%.*s'", expr_lex_show(p),
		    s + p->pos);
	buf = xstrndup(s + p->pos, p->len);
	p->num = expr_lex_strtod(buf);
	free(buf);
	p->kind = T_NUM;
	p->pos = i;
	return 0;
}

/* Two-byte operators and their one-byte forms. */
static int
expr_lex_operator(struct expr_parser *p)
{
	const char *s = p->s + p->pos;
	int c = (unsigned char)s[0];

	p->len = 1;
	switch (c) {
	case '(': p->kind = T_LPAREN; break;
	case ')': p->kind = T_RPAREN; break;
	case ',': p->kind = T_COMMA; break;
	case '+': p->kind = T_PLUS; break;
	case '-': p->kind = T_MINUS; break;
	case '*': p->kind = T_STAR; break;
	case '/': p->kind = T_SLASH; break;
	case '^': p->kind = T_CARET; break;
	case '<':
		p->kind = s[1] == '=' ? T_LE : T_LT;
		break;
	case '>':
		p->kind = s[1] == '=' ? T_GE : T_GT;
		break;
	case '!':
		p->kind = s[1] == '=' ? T_NE : T_NOT;
		break;
	case '=':
		if (s[1] != '=')
			return expr_lex_error(p, p->pos,
			    "unexpected '=' (comparison is '==')");
		p->kind = T_EQ;
		break;
	case '&':
		if (s[1] != '&')
			return expr_lex_error(p, p->pos,
			    "unexpected '&' (logical and is 'and' or '&&')");
		p->kind = T_AND;
		break;
	case '|':
		if (s[1] != '|')
			return expr_lex_error(p, p->pos,
			    "unexpected '|' (logical or is 'or' or '||')");
		p->kind = T_OR;
		break;
	default:
		if (c >= 0x21 && c < 0x7f)
			return expr_lex_error(p, p->pos, "unexpected character '%c'",
			    c);
		return expr_lex_error(p, p->pos, "unexpected byte 0x%02x", c);
	}
	if (p->kind == T_LE || p->kind == T_GE || p->kind == T_NE ||
	    p->kind == T_EQ || p->kind == T_AND || p->kind == T_OR)
		p->len = 2;
	p->pos += p->len;
	return 0;
}

/* A text literal at p->pos: "..." (where \" and \\ stand for " and \)
 * or '...' (verbatim), the quoting of the command language. */
static int
expr_lex_string(struct expr_parser *p)
{
	const char *s = p->s;
	char q = s[p->pos];
	size_t i = p->pos + 1;

	while (s[i] != '\0' && s[i] != q) {
		if (q == '"' && s[i] == '\\' && (s[i + 1] == '"' ||
		    s[i + 1] == '\\'))
			i++;
		i++;
	}
	p->len = i - p->pos + (s[i] == q);
	if (s[i] != q)
		return expr_lex_error(p, p->pos, "unterminated text %.*s (no "
		    "closing %c)", expr_lex_show(p), s + p->pos, q);
	p->pos += p->len;
	p->kind = T_STR;
	return 0;
}

/* The value of the text literal at s (len bytes with both quotes). */
char *
expr_lex_string_value(const char *s, size_t len)
{
	char *v = xmalloc(len), *o = v;

	for (size_t i = 1; i + 1 < len; i++) {
		if (s[0] == '"' && s[i] == '\\' && (s[i + 1] == '"' ||
		    s[i + 1] == '\\') && i + 2 < len)
			i++;
		*o++ = s[i];
	}
	*o = '\0';
	return v;
}

/* Read the next token into p. Returns -1 on a lexical error. */
int
expr_lex_next(struct expr_parser *p)
{
	const char *s = p->s;
	int c;

	p->prev_end = p->start + p->len;
	while (expr_lex_isspace((unsigned char)s[p->pos]))
		p->pos++;
	p->start = p->pos;
	c = (unsigned char)s[p->pos];
	if (c == '\0') {
		p->kind = T_END;
		p->len = 0;
		return 0;
	}
	if (expr_lex_isdigit(c) || (c == '.' && expr_lex_isdigit((unsigned char)s[p->pos + 1])))
		return expr_lex_number(p);
	if (expr_lex_isalpha(c)) {
		size_t i = p->pos + 1;

		while (expr_lex_isalpha((unsigned char)s[i]) ||
		    expr_lex_isdigit((unsigned char)s[i]) || s[i] == '.')
			i++;
		p->len = i - p->pos;
		p->pos = i;
		p->kind = T_NAME;
		if (p->len == 3 && memcmp(s + p->start, "and", 3) == 0)
			p->kind = T_AND;
		else if (p->len == 2 && memcmp(s + p->start, "or", 2) == 0)
			p->kind = T_OR;
		else if (p->len == 3 && memcmp(s + p->start, "not", 3) == 0)
			p->kind = T_NOT;
		else if (p->len == 2 && memcmp(s + p->start, "in", 2) == 0)
			p->kind = T_IN;
		return 0;
	}
	if (c == '"' || c == '\'')
		return expr_lex_string(p);
	if (c == '`') {
		const char *close = strchr(s + p->pos + 1, '`');

		if (close == NULL) {
			p->len = strlen(s + p->pos);
			return expr_lex_error(p, p->pos, "unterminated `name`");
		}
		p->len = (size_t)(close - (s + p->pos)) + 1;
		if (p->len == 2)
			return expr_lex_error(p, p->pos, "empty name ``");
		p->pos += p->len;
		p->kind = T_QNAME;
		return 0;
	}
	return expr_lex_operator(p);
}
