/* expr.c: lex and parse expressions to folded postfix code. */
#include "config.h"

#include <locale.h>
#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/fmt.h"
#include "base/xalloc.h"
#include "scaling/expr_impl.h"

/* ---- lexer ---- */

enum tok_kind {
	T_END, T_NUM, T_NAME, T_QNAME, T_LPAREN, T_RPAREN, T_COMMA,
	T_PLUS, T_MINUS, T_STAR, T_SLASH, T_CARET,
	T_LT, T_LE, T_GT, T_GE, T_EQ, T_NE, T_AND, T_OR, T_NOT
};

struct expr_parser {
	const char *s;		/* the whole text */
	size_t pos;		/* next unread byte */
	int kind;		/* current token */
	size_t start, len;	/* its bytes in s */
	double num;		/* T_NUM value */
	int depth;
	sx_expr *e;
	sx_err *err;
};

static int
parse_error(struct expr_parser *p, size_t at, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));

static int
parse_error(struct expr_parser *p, size_t at, const char *fmt, ...)
{
	va_list ap;
	char msg[sizeof p->err->msg];

	va_start(ap, fmt);
	fmt_vset(msg, sizeof msg, fmt, ap);
	va_end(ap);
	return err_at(p->err, EXPR_WHERE, 1, (int)(at < 1000000000 ? at + 1 :
	    1000000000), "%s", msg);
}

static int
lex_isspace(int c)
{
	return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' ||
	    c == '\v';
}

static int
lex_isdigit(int c)
{
	return c >= '0' && c <= '9';
}

static int
lex_isalpha(int c)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_';
}

/* Token text for messages: at most 40 bytes of it. */
static int
lex_show(const struct expr_parser *p)
{
	return p->len > 40 ? 40 : (int)p->len;
}

/* strtod in the C locale, whatever LC_NUMERIC the program has set. */
static double
lex_strtod(const char *buf)
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
lex_number(struct expr_parser *p)
{
	const char *s = p->s;
	size_t i = p->pos, ndig = 0;
	int ok = 1;
	char *buf;

	while (lex_isdigit((unsigned char)s[i])) {
		i++;
		ndig++;
	}
	if (s[i] == '.') {
		i++;
		while (lex_isdigit((unsigned char)s[i])) {
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
		while (lex_isdigit((unsigned char)s[i])) {
			i++;
			nexp++;
		}
		if (nexp == 0)
			ok = 0;
	}
	while (lex_isalpha((unsigned char)s[i]) ||
	    lex_isdigit((unsigned char)s[i]) || s[i] == '.') {
		i++;
		ok = 0;
	}
	p->len = i - p->pos;
	if (!ok)
		return parse_error(p, p->pos, "bad number '%.*s'", lex_show(p),
		    s + p->pos);
	buf = xstrndup(s + p->pos, p->len);
	p->num = lex_strtod(buf);
	free(buf);
	p->kind = T_NUM;
	p->pos = i;
	return 0;
}

/* Two-byte operators and their one-byte forms. */
static int
lex_operator(struct expr_parser *p)
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
			return parse_error(p, p->pos,
			    "unexpected '=' (comparison is '==')");
		p->kind = T_EQ;
		break;
	case '&':
		if (s[1] != '&')
			return parse_error(p, p->pos,
			    "unexpected '&' (logical and is 'and' or '&&')");
		p->kind = T_AND;
		break;
	case '|':
		if (s[1] != '|')
			return parse_error(p, p->pos,
			    "unexpected '|' (logical or is 'or' or '||')");
		p->kind = T_OR;
		break;
	default:
		if (c >= 0x21 && c < 0x7f)
			return parse_error(p, p->pos, "unexpected character '%c'",
			    c);
		return parse_error(p, p->pos, "unexpected byte 0x%02x", c);
	}
	if (p->kind == T_LE || p->kind == T_GE || p->kind == T_NE ||
	    p->kind == T_EQ || p->kind == T_AND || p->kind == T_OR)
		p->len = 2;
	p->pos += p->len;
	return 0;
}

/* Read the next token into p. Returns -1 on a lexical error. */
static int
lex_next(struct expr_parser *p)
{
	const char *s = p->s;
	int c;

	while (lex_isspace((unsigned char)s[p->pos]))
		p->pos++;
	p->start = p->pos;
	c = (unsigned char)s[p->pos];
	if (c == '\0') {
		p->kind = T_END;
		p->len = 0;
		return 0;
	}
	if (lex_isdigit(c) || (c == '.' && lex_isdigit((unsigned char)s[p->pos + 1])))
		return lex_number(p);
	if (lex_isalpha(c)) {
		size_t i = p->pos + 1;

		while (lex_isalpha((unsigned char)s[i]) ||
		    lex_isdigit((unsigned char)s[i]) || s[i] == '.')
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
		return 0;
	}
	if (c == '`') {
		const char *close = strchr(s + p->pos + 1, '`');

		if (close == NULL) {
			p->len = strlen(s + p->pos);
			return parse_error(p, p->pos, "unterminated `name`");
		}
		p->len = (size_t)(close - (s + p->pos)) + 1;
		if (p->len == 2)
			return parse_error(p, p->pos, "empty name ``");
		p->pos += p->len;
		p->kind = T_QNAME;
		return 0;
	}
	return lex_operator(p);
}

/* ---- code emission with constant folding ---- */

static void
emit(sx_expr *e, int op, size_t var, double c)
{
	if (e->ncode == e->capcode) {
		e->capcode = e->capcode != 0 ? 2 * e->capcode : 16;
		e->code = xreallocarray(e->code, e->capcode, sizeof *e->code);
	}
	e->code[e->ncode].op = op;
	e->code[e->ncode].var = var;
	e->code[e->ncode].c = c;
	e->ncode++;
}

static void
emit_const(sx_expr *e, double c)
{
	emit(e, OP_CONST, 0, c);
}

/* An operator whose operands are all constants becomes one constant. The
 * last instruction is the right operand; if it and the one before are both
 * CONST, each is a whole operand (a CONST ends a subexpression only when it
 * is the whole subexpression). */
static void
emit_op(sx_expr *e, int op)
{
	struct expr_ins *c = e->code;
	size_t n = e->ncode;

	if (expr_is_unary(op)) {
		if (n >= 1 && c[n - 1].op == OP_CONST) {
			c[n - 1].c = expr_apply1(op, c[n - 1].c);
			return;
		}
	} else if (n >= 2 && c[n - 1].op == OP_CONST &&
	    c[n - 2].op == OP_CONST) {
		c[n - 2].c = expr_apply2(op, c[n - 2].c, c[n - 1].c);
		e->ncode--;
		return;
	}
	emit(e, op, 0, 0);
}

/* Index of a variable, adding it on first use. */
static size_t
expr_intern(sx_expr *e, const char *name, size_t len)
{
	size_t i;

	for (i = 0; i < e->nvars; i++)
		if (strlen(e->vars[i]) == len && memcmp(e->vars[i], name, len) == 0)
			return i;
	if (e->nvars == e->capvars) {
		e->capvars = e->capvars != 0 ? 2 * e->capvars : 8;
		e->vars = xreallocarray(e->vars, e->capvars, sizeof *e->vars);
	}
	e->vars[e->nvars] = xstrndup(name, len);
	return e->nvars++;
}

/* ---- parser: one function per precedence level, lowest first ---- */

static const struct expr_func {
	const char *name;
	int op;
	int nargs;	/* exact count; 0 means "2 or more" */
} expr_funcs[] = {
	{ "exp", OP_EXP, 1 },
	{ "log", OP_LOG, 1 },
	{ "log10", OP_LOG10, 1 },
	{ "sqrt", OP_SQRT, 1 },
	{ "abs", OP_ABS, 1 },
	{ "min", OP_MIN, 0 },
	{ "max", OP_MAX, 0 },
};

static int parse_or(struct expr_parser *);
static int parse_unary(struct expr_parser *);

/* Every construct that can nest (parentheses, arguments, prefix operators,
 * the right side of ^) goes one level deeper; the cap keeps the recursion,
 * and so the C stack, bounded whatever the input. */
static int
parse_enter(struct expr_parser *p)
{
	if (++p->depth > EXPR_MAXDEPTH)
		return parse_error(p, p->start, "expression nested too deeply "
		    "(more than %d levels)", EXPR_MAXDEPTH);
	return 0;
}

static int
parse_unexpected(struct expr_parser *p)
{
	if (p->kind == T_END)
		return parse_error(p, p->start, "unexpected end of expression");
	return parse_error(p, p->start, "unexpected '%.*s'", lex_show(p),
	    p->s + p->start);
}

/* `(` already consumed at column `open`; require `)`. */
static int
parse_close(struct expr_parser *p, size_t open)
{
	if (p->kind != T_RPAREN)
		return parse_error(p, p->start, "expected ')' to close '(' at "
		    "column %zu", open + 1);
	return lex_next(p);
}

/* NAME ( args ): the name is the current token and '(' follows it. */
static int
parse_call(struct expr_parser *p)
{
	const struct expr_func *f = NULL;
	size_t name = p->start, namelen = p->len, open, i;
	int nargs = 0;

	for (i = 0; i < sizeof expr_funcs / sizeof expr_funcs[0]; i++)
		if (strlen(expr_funcs[i].name) == namelen &&
		    memcmp(expr_funcs[i].name, p->s + name, namelen) == 0)
			f = &expr_funcs[i];
	if (f == NULL)
		return parse_error(p, name, "unknown function '%.*s'", lex_show(p),
		    p->s + name);
	if (lex_next(p) != 0)
		return -1;
	open = p->start;
	if (lex_next(p) != 0)
		return -1;
	if (p->kind != T_RPAREN) {
		for (;;) {
			if (parse_or(p) != 0)
				return -1;
			if (++nargs >= 2 && f->nargs == 0)
				emit_op(p->e, f->op);
			if (p->kind != T_COMMA)
				break;
			if (lex_next(p) != 0)
				return -1;
		}
	}
	if (parse_close(p, open) != 0)
		return -1;
	if (f->nargs == 0 && nargs < 2)
		return parse_error(p, name, "%s needs at least 2 arguments",
		    f->name);
	if (f->nargs != 0 && nargs != f->nargs)
		return parse_error(p, name, "%s takes 1 argument", f->name);
	if (f->nargs != 0)
		emit_op(p->e, f->op);
	return 0;
}

static int
parse_primary(struct expr_parser *p)
{
	size_t open;

	switch (p->kind) {
	case T_NUM:
		emit_const(p->e, p->num);
		return lex_next(p);
	case T_QNAME:
		emit(p->e, OP_VAR, expr_intern(p->e, p->s + p->start + 1,
		    p->len - 2), 0);
		return lex_next(p);
	case T_NAME: {
		size_t i = p->pos;

		while (lex_isspace((unsigned char)p->s[i]))
			i++;
		if (p->s[i] == '(') {
			if (parse_enter(p) != 0 || parse_call(p) != 0)
				return -1;
			p->depth--;
			return 0;
		}
		if (p->len == 2 && memcmp(p->s + p->start, "pi", 2) == 0)
			emit_const(p->e, EXPR_PI);
		else {
			for (i = 0; i < sizeof expr_funcs / sizeof expr_funcs[0]; i++)
				if (strlen(expr_funcs[i].name) == p->len &&
				    memcmp(expr_funcs[i].name, p->s + p->start,
				    p->len) == 0)
					return parse_error(p, p->start,
					    "function '%s' needs arguments: "
					    "%s(...); a variable of that name "
					    "is written `%s`", expr_funcs[i].name,
					    expr_funcs[i].name, expr_funcs[i].name);
			emit(p->e, OP_VAR, expr_intern(p->e, p->s + p->start,
			    p->len), 0);
		}
		return lex_next(p);
	}
	case T_LPAREN:
		open = p->start;
		if (parse_enter(p) != 0 || lex_next(p) != 0 || parse_or(p) != 0 ||
		    parse_close(p, open) != 0)
			return -1;
		p->depth--;
		return 0;
	default:
		return parse_unexpected(p);
	}
}

/* primary [ ^ unary ]: right-associative, and the exponent may carry its
 * own sign (N^-a), while -2^2 is -(2^2) because unary minus sits above. */
static int
parse_pow(struct expr_parser *p)
{
	if (parse_primary(p) != 0)
		return -1;
	if (p->kind != T_CARET)
		return 0;
	if (lex_next(p) != 0 || parse_enter(p) != 0 || parse_unary(p) != 0)
		return -1;
	p->depth--;
	emit_op(p->e, OP_POW);
	return 0;
}

static int
parse_unary(struct expr_parser *p)
{
	int neg;

	if (p->kind != T_MINUS && p->kind != T_PLUS)
		return parse_pow(p);
	neg = p->kind == T_MINUS;
	if (parse_enter(p) != 0 || lex_next(p) != 0 || parse_unary(p) != 0)
		return -1;
	p->depth--;
	if (neg)
		emit_op(p->e, OP_NEG);
	return 0;
}

static int
parse_mul(struct expr_parser *p)
{
	if (parse_unary(p) != 0)
		return -1;
	while (p->kind == T_STAR || p->kind == T_SLASH) {
		int op = p->kind == T_STAR ? OP_MUL : OP_DIV;

		if (lex_next(p) != 0 || parse_unary(p) != 0)
			return -1;
		emit_op(p->e, op);
	}
	return 0;
}

static int
parse_add(struct expr_parser *p)
{
	if (parse_mul(p) != 0)
		return -1;
	while (p->kind == T_PLUS || p->kind == T_MINUS) {
		int op = p->kind == T_PLUS ? OP_ADD : OP_SUB;

		if (lex_next(p) != 0 || parse_mul(p) != 0)
			return -1;
		emit_op(p->e, op);
	}
	return 0;
}

/* Comparisons associate to the left like C's: a < b < c is (a < b) < c. */
static int
parse_cmp(struct expr_parser *p)
{
	if (parse_add(p) != 0)
		return -1;
	for (;;) {
		int op;

		switch (p->kind) {
		case T_LT: op = OP_LT; break;
		case T_LE: op = OP_LE; break;
		case T_GT: op = OP_GT; break;
		case T_GE: op = OP_GE; break;
		case T_EQ: op = OP_EQ; break;
		case T_NE: op = OP_NE; break;
		default: return 0;
		}
		if (lex_next(p) != 0 || parse_add(p) != 0)
			return -1;
		emit_op(p->e, op);
	}
}

static int
parse_not(struct expr_parser *p)
{
	if (p->kind != T_NOT)
		return parse_cmp(p);
	if (parse_enter(p) != 0 || lex_next(p) != 0 || parse_not(p) != 0)
		return -1;
	p->depth--;
	emit_op(p->e, OP_NOT);
	return 0;
}

static int
parse_and(struct expr_parser *p)
{
	if (parse_not(p) != 0)
		return -1;
	while (p->kind == T_AND) {
		if (lex_next(p) != 0 || parse_not(p) != 0)
			return -1;
		emit_op(p->e, OP_AND);
	}
	return 0;
}

static int
parse_or(struct expr_parser *p)
{
	if (parse_and(p) != 0)
		return -1;
	while (p->kind == T_OR) {
		if (lex_next(p) != 0 || parse_and(p) != 0)
			return -1;
		emit_op(p->e, OP_OR);
	}
	return 0;
}

/* Deepest stack the code reaches (at least 1 for a valid program). */
static size_t
expr_stack_depth(const sx_expr *e)
{
	size_t i, sp = 0, max = 0;

	for (i = 0; i < e->ncode; i++) {
		int op = e->code[i].op;

		if (op == OP_CONST || op == OP_VAR)
			sp++;
		else if (!expr_is_unary(op))
			sp--;
		if (sp > max)
			max = sp;
	}
	return max;
}

/*
 * Parse `text` into folded postfix code. Returns NULL on a syntax error,
 * with err->where "<expr>", err->line 1 and err->col the 1-based byte column
 * of the offending token (one past the end for "unexpected end").
 */
sx_expr *
expr_parse(const char *text, sx_err *err)
{
	struct expr_parser p;
	sx_expr *e;

	if (text == NULL)
		text = "";
	memset(&p, 0, sizeof p);
	p.s = text;
	p.err = err;
	e = xcalloc(1, sizeof *e);
	e->text = xstrdup(text);
	p.e = e;
	if (lex_next(&p) != 0)
		goto fail;
	if (p.kind == T_END) {
		parse_error(&p, 0, "empty expression");
		goto fail;
	}
	if (parse_or(&p) != 0)
		goto fail;
	if (p.kind != T_END) {
		parse_unexpected(&p);
		goto fail;
	}
	e->maxstack = expr_stack_depth(e);
	return e;
fail:
	expr_free(e);
	return NULL;
}

/* Free an expression; NULL is allowed. */
void
expr_free(sx_expr *e)
{
	size_t i;

	if (e == NULL)
		return;
	for (i = 0; i < e->nvars; i++)
		free(e->vars[i]);
	free(e->vars);
	free(e->code);
	free(e->text);
	free(e);
}

/* The text the expression was parsed from. */
const char *
expr_text(const sx_expr *e)
{
	return e->text;
}

/* Number of distinct variables. */
size_t
expr_nvars(const sx_expr *e)
{
	return e->nvars;
}

/* Name of variable i (i < expr_nvars), NULL if out of range. */
const char *
expr_var(const sx_expr *e, size_t i)
{
	return i < e->nvars ? e->vars[i] : NULL;
}

/* Index of variable `name`, -1 when the expression does not use it. */
int
expr_var_index(const sx_expr *e, const char *name)
{
	size_t i;

	for (i = 0; i < e->nvars; i++)
		if (strcmp(e->vars[i], name) == 0)
			return (int)i;
	return -1;
}
