/* expr_lex.h: the tokens of the expression language, and the parser's
 * state the lexer advances. Internal to expr.c and expr_lex.c. */
#ifndef SX_EXPR_LEX_H
#define SX_EXPR_LEX_H

#include <stddef.h>

#include "scaling/expr_impl.h"

enum tok_kind {
	T_END, T_NUM, T_NAME, T_QNAME, T_STR, T_LPAREN, T_RPAREN, T_COMMA,
	T_PLUS, T_MINUS, T_STAR, T_SLASH, T_CARET,
	T_LT, T_LE, T_GT, T_GE, T_EQ, T_NE, T_AND, T_OR, T_NOT, T_IN
};

struct expr_parser {
	const char *s;		/* the whole text */
	size_t pos;		/* next unread byte */
	int kind;		/* current token */
	size_t start, len;	/* its bytes in s */
	size_t prev_end;	/* end of the token before it */
	double num;		/* T_NUM value */
	int depth;
	sx_expr *e;
	sx_err *err;
};

/* Fail at byte `at` of the text: err->col is at + 1. Returns -1. */
int expr_lex_error(struct expr_parser *p, size_t at, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));
int expr_lex_isspace(int c);
int expr_lex_isdigit(int c);
int expr_lex_isalpha(int c);
/* Bytes of the current token to show in a message: at most 40. */
int expr_lex_show(const struct expr_parser *p);
/* The value of the text literal at s (len bytes with both quotes). */
char *expr_lex_string_value(const char *s, size_t len);
/* Read the next token into p. Returns -1 on a lexical error. */
int expr_lex_next(struct expr_parser *p);

#endif
