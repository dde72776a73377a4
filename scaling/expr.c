/* expr.c: parse expressions to folded postfix code; evaluate it over columns. */
#include "config.h"

#include <locale.h>
#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/xalloc.h"
#include "scaling/expr.h"

/*
 * Design note. The parser is recursive descent and emits postfix code
 * directly (no tree), folding constants as it goes: when an operator is
 * emitted and its operands are the CONST instructions just emitted, they are
 * replaced by one CONST. Nothing else ever recurses, so only the parser's
 * nesting needs a cap (EXPR_MAXDEPTH) to keep the C stack bounded.
 *
 * Evaluation runs the whole program over a block of rows at a time, one
 * instruction per block, so the interpreter's dispatch is paid once per
 * block instead of once per row. In expr_eval a stack entry is either a
 * scalar (constants, scalar bindings, and anything computed from those only)
 * or a pointer to a block of values, which for a column binding points into
 * the caller's column itself: nothing is copied. expr_eval_grad carries
 * value blocks plus, for entries that depend on a `wrt` variable, one
 * gradient block per direction (forward-mode dual numbers).
 */

#define EXPR_MAXDEPTH	200	/* nesting levels the parser accepts */
#define EXPR_BLOCK	256	/* rows per block in expr_eval */
#define EXPR_GBLOCK	64	/* rows per block in expr_eval_grad */
#define EXPR_WHERE	"<expr>"
#define EXPR_PI		3.14159265358979323846
#define EXPR_LN10	2.30258509299404568402

enum expr_op {
	OP_CONST, OP_VAR,
	/* unary */
	OP_NEG, OP_NOT, OP_EXP, OP_LOG, OP_LOG10, OP_SQRT, OP_ABS,
	/* binary */
	OP_ADD, OP_SUB, OP_MUL, OP_DIV, OP_POW, OP_MIN, OP_MAX,
	OP_LT, OP_LE, OP_GT, OP_GE, OP_EQ, OP_NE, OP_AND, OP_OR
};

struct expr_ins {
	int op;
	size_t var;		/* OP_VAR: index into vars */
	double c;		/* OP_CONST: the value */
};

struct sx_expr {
	char *text;
	struct expr_ins *code;
	size_t ncode, capcode;
	char **vars;
	size_t nvars, capvars;
	size_t maxstack;	/* deepest evaluation stack the code needs */
};

/* ---- scalar semantics, shared by folding and both evaluators ---- */

static inline double
f_neg(double x)
{
	return -x;
}

static inline double
f_not(double x)
{
	return x == 0 ? 1.0 : 0.0;
}

static inline double
f_add(double x, double y)
{
	return x + y;
}

static inline double
f_sub(double x, double y)
{
	return x - y;
}

static inline double
f_mul(double x, double y)
{
	return x * y;
}

static inline double
f_div(double x, double y)
{
	return x / y;
}

static inline double
f_lt(double x, double y)
{
	return x < y ? 1.0 : 0.0;
}

static inline double
f_le(double x, double y)
{
	return x <= y ? 1.0 : 0.0;
}

static inline double
f_gt(double x, double y)
{
	return x > y ? 1.0 : 0.0;
}

static inline double
f_ge(double x, double y)
{
	return x >= y ? 1.0 : 0.0;
}

static inline double
f_eq(double x, double y)
{
	return x == y ? 1.0 : 0.0;
}

static inline double
f_ne(double x, double y)
{
	return x != y ? 1.0 : 0.0;
}

static inline double
f_and(double x, double y)
{
	return x != 0 && y != 0 ? 1.0 : 0.0;
}

static inline double
f_or(double x, double y)
{
	return x != 0 || y != 0 ? 1.0 : 0.0;
}

/* Squares are exact products; everything else is libm's pow. */
static inline double
f_pow(double x, double y)
{
	return y == 2.0 ? x * x : pow(x, y);
}

/* min/max pick the left operand on ties and whenever it is NaN, so a NaN on
 * either side propagates. The derivative follows the same choice. */
static inline int
sel_min(double x, double y)
{
	return x <= y || x != x;
}

static inline int
sel_max(double x, double y)
{
	return x >= y || x != x;
}

static inline double
f_min(double x, double y)
{
	return sel_min(x, y) ? x : y;
}

static inline double
f_max(double x, double y)
{
	return sel_max(x, y) ? x : y;
}

static double
expr_apply1(int op, double x)
{
	switch (op) {
	case OP_NEG:	return f_neg(x);
	case OP_NOT:	return f_not(x);
	case OP_EXP:	return exp(x);
	case OP_LOG:	return log(x);
	case OP_LOG10:	return log10(x);
	case OP_SQRT:	return sqrt(x);
	default:	return fabs(x);
	}
}

static double
expr_apply2(int op, double x, double y)
{
	switch (op) {
	case OP_ADD:	return f_add(x, y);
	case OP_SUB:	return f_sub(x, y);
	case OP_MUL:	return f_mul(x, y);
	case OP_DIV:	return f_div(x, y);
	case OP_POW:	return f_pow(x, y);
	case OP_MIN:	return f_min(x, y);
	case OP_MAX:	return f_max(x, y);
	case OP_LT:	return f_lt(x, y);
	case OP_LE:	return f_le(x, y);
	case OP_GT:	return f_gt(x, y);
	case OP_GE:	return f_ge(x, y);
	case OP_EQ:	return f_eq(x, y);
	case OP_NE:	return f_ne(x, y);
	case OP_AND:	return f_and(x, y);
	default:	return f_or(x, y);
	}
}

static int
expr_is_unary(int op)
{
	return op >= OP_NEG && op <= OP_ABS;
}

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
	vsnprintf(msg, sizeof msg, fmt, ap);
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

/* Every variable needs a column or a scalar. */
static int
expr_check_bind(const sx_expr *e, const sx_expr_bind *b, sx_err *err)
{
	size_t i;

	for (i = 0; i < e->nvars; i++)
		if (b == NULL || ((b->col == NULL || b->col[i] == NULL) &&
		    b->val == NULL))
			return err_set(err, "no value bound to variable '%s'",
			    e->vars[i]);
	return 0;
}

/* ---- value evaluation over blocks ---- */

struct expr_slot {
	const double *p;	/* block of values, or NULL for a scalar */
	double s;		/* the scalar */
};

/* One binary operator over a block, in the three shapes an operand pair can
 * take; two scalars give a scalar. */
#define EXPR_BIN(F) do {						\
	if (a->p != NULL && b->p != NULL)				\
		for (i = 0; i < m; i++)					\
			o[i] = F(a->p[i], b->p[i]);			\
	else if (a->p != NULL) {					\
		double y = b->s;					\
		for (i = 0; i < m; i++)					\
			o[i] = F(a->p[i], y);				\
	} else if (b->p != NULL) {					\
		double x = a->s;					\
		for (i = 0; i < m; i++)					\
			o[i] = F(x, b->p[i]);				\
	} else {							\
		a->s = F(a->s, b->s);					\
		return;							\
	}								\
	a->p = o;							\
} while (0)

#define EXPR_UN(F) do {							\
	if (a->p == NULL) {						\
		a->s = F(a->s);						\
		return;							\
	}								\
	for (i = 0; i < m; i++)						\
		o[i] = F(a->p[i]);					\
	a->p = o;							\
} while (0)

static void
eval_binary(int op, struct expr_slot *a, const struct expr_slot *b, double *o,
    size_t m)
{
	size_t i;

	switch (op) {
	case OP_ADD:	EXPR_BIN(f_add); break;
	case OP_SUB:	EXPR_BIN(f_sub); break;
	case OP_MUL:	EXPR_BIN(f_mul); break;
	case OP_DIV:	EXPR_BIN(f_div); break;
	case OP_POW:	EXPR_BIN(f_pow); break;
	case OP_MIN:	EXPR_BIN(f_min); break;
	case OP_MAX:	EXPR_BIN(f_max); break;
	case OP_LT:	EXPR_BIN(f_lt); break;
	case OP_LE:	EXPR_BIN(f_le); break;
	case OP_GT:	EXPR_BIN(f_gt); break;
	case OP_GE:	EXPR_BIN(f_ge); break;
	case OP_EQ:	EXPR_BIN(f_eq); break;
	case OP_NE:	EXPR_BIN(f_ne); break;
	case OP_AND:	EXPR_BIN(f_and); break;
	default:	EXPR_BIN(f_or); break;
	}
}

static void
eval_unary(int op, struct expr_slot *a, double *o, size_t m)
{
	size_t i;

	switch (op) {
	case OP_NEG:	EXPR_UN(f_neg); break;
	case OP_NOT:	EXPR_UN(f_not); break;
	case OP_EXP:	EXPR_UN(exp); break;
	case OP_LOG:	EXPR_UN(log); break;
	case OP_LOG10:	EXPR_UN(log10); break;
	case OP_SQRT:	EXPR_UN(sqrt); break;
	default:	EXPR_UN(fabs); break;
	}
}

/*
 * Evaluate over n rows into out[0..n-1]. Returns 0; -1 only when a variable
 * has neither a column nor a scalar in `b` (the message names it). Domain
 * errors are not failures: they give NaN or Inf in out.
 */
int
expr_eval(const sx_expr *e, const sx_expr_bind *b, size_t n, double *out,
    sx_err *err)
{
	struct expr_slot *st;
	double *buf;
	size_t r0, k;

	if (expr_check_bind(e, b, err) != 0)
		return -1;
	if (n == 0)
		return 0;
	st = xreallocarray(NULL, e->maxstack, sizeof *st);
	buf = xreallocarray(NULL, e->maxstack, EXPR_BLOCK * sizeof *buf);
	for (r0 = 0; r0 < n; r0 += EXPR_BLOCK) {
		size_t m = n - r0 < EXPR_BLOCK ? n - r0 : EXPR_BLOCK, sp = 0;

		for (k = 0; k < e->ncode; k++) {
			const struct expr_ins *ins = &e->code[k];

			switch (ins->op) {
			case OP_CONST:
				st[sp].p = NULL;
				st[sp++].s = ins->c;
				break;
			case OP_VAR:
				if (b->col != NULL && b->col[ins->var] != NULL) {
					st[sp].p = b->col[ins->var] + r0;
				} else {
					st[sp].p = NULL;
					st[sp].s = b->val[ins->var];
				}
				sp++;
				break;
			default:
				if (expr_is_unary(ins->op))
					eval_unary(ins->op, &st[sp - 1],
					    buf + (sp - 1) * EXPR_BLOCK, m);
				else {
					eval_binary(ins->op, &st[sp - 2], &st[sp - 1],
					    buf + (sp - 2) * EXPR_BLOCK, m);
					sp--;
				}
				break;
			}
		}
		if (st[0].p == NULL)
			for (k = 0; k < m; k++)
				out[r0 + k] = st[0].s;
		else
			memcpy(out + r0, st[0].p, m * sizeof *out);
	}
	free(buf);
	free(st);
	return 0;
}

/* ---- values with gradients (forward mode) ---- */

struct expr_dual {
	const double *v;	/* block of values (always a block here) */
	double *g;		/* nwrt blocks of derivatives, or NULL if all 0 */
};

struct expr_gctx {
	size_t m, nwrt;
	double *ca, *cb;	/* d result / d a and d result / d b per row */
};

/* g_out = ca * ga + cb * gb for every direction, where a missing gradient
 * counts as zero; `out` may be ga itself (rows are independent). */
static double *
grad_combine(const struct expr_gctx *c, double *out, const double *ga,
    const double *gb)
{
	size_t d, i, m = c->m;

	if (ga == NULL && gb == NULL)
		return NULL;
	for (d = 0; d < c->nwrt; d++) {
		double *o = out + d * EXPR_GBLOCK;
		const double *x = ga != NULL ? ga + d * EXPR_GBLOCK : NULL;
		const double *y = gb != NULL ? gb + d * EXPR_GBLOCK : NULL;

		if (x != NULL && y != NULL)
			for (i = 0; i < m; i++)
				o[i] = c->ca[i] * x[i] + c->cb[i] * y[i];
		else if (x != NULL)
			for (i = 0; i < m; i++)
				o[i] = c->ca[i] * x[i];
		else
			for (i = 0; i < m; i++)
				o[i] = c->cb[i] * y[i];
	}
	return out;
}

/* min/max: the derivative is the chosen operand's, copied rather than
 * multiplied by 0/1 so an infinite slope on the other side cannot leak. */
static double *
grad_select(const struct expr_gctx *c, double *out, const double *ga,
    const double *gb)
{
	size_t d, i;

	if (ga == NULL && gb == NULL)
		return NULL;
	for (d = 0; d < c->nwrt; d++) {
		double *o = out + d * EXPR_GBLOCK;

		for (i = 0; i < c->m; i++) {
			const double *src = c->ca[i] != 0 ? ga : gb;

			o[i] = src != NULL ? src[d * EXPR_GBLOCK + i] : 0.0;
		}
	}
	return out;
}

static void
grad_unary(const struct expr_gctx *c, int op, struct expr_dual *a, double *vo,
    double *go)
{
	size_t i, m = c->m;
	const double *x = a->v;

	for (i = 0; i < m; i++) {
		double xi = x[i], v;

		switch (op) {
		case OP_NEG:	v = -xi; c->ca[i] = -1; break;
		case OP_NOT:	v = f_not(xi); c->ca[i] = 0; break;
		case OP_EXP:	v = exp(xi); c->ca[i] = v; break;
		case OP_LOG:	v = log(xi); c->ca[i] = 1 / xi; break;
		case OP_LOG10:	v = log10(xi); c->ca[i] = 1 / (xi * EXPR_LN10); break;
		case OP_SQRT:	v = sqrt(xi); c->ca[i] = 0.5 / v; break;
		default:	v = fabs(xi); c->ca[i] = xi < 0 ? -1 : 1; break;
		}
		vo[i] = v;
	}
	a->v = vo;
	a->g = op == OP_NOT ? NULL : grad_combine(c, go, a->g, NULL);
}

static void
grad_binary(const struct expr_gctx *c, int op, struct expr_dual *a,
    const struct expr_dual *b, double *vo, double *go)
{
	size_t i, m = c->m;
	const double *x = a->v, *y = b->v;
	int hasa = a->g != NULL, hasb = b->g != NULL;

	switch (op) {
	case OP_ADD:
	case OP_SUB:
		for (i = 0; i < m; i++) {
			vo[i] = op == OP_ADD ? x[i] + y[i] : x[i] - y[i];
			c->ca[i] = 1;
			c->cb[i] = op == OP_ADD ? 1 : -1;
		}
		break;
	case OP_MUL:
		for (i = 0; i < m; i++) {
			double xi = x[i], yi = y[i];

			c->ca[i] = yi;
			c->cb[i] = xi;
			vo[i] = xi * yi;
		}
		break;
	case OP_DIV:
		for (i = 0; i < m; i++) {
			double yi = y[i], v = x[i] / yi;

			c->ca[i] = 1 / yi;
			c->cb[i] = -v / yi;
			vo[i] = v;
		}
		break;
	case OP_POW:
		/* d(a^b) = b a^(b-1) da + a^b log(a) db. Each term is formed
		 * only when its operand carries a gradient, so a^3 with a < 0
		 * never meets log(a); 0^b has slope 0 in b. */
		for (i = 0; i < m; i++) {
			double xi = x[i], yi = y[i], v = f_pow(xi, yi);

			c->ca[i] = hasa && yi != 0 ? yi * f_pow(xi, yi - 1) : 0;
			c->cb[i] = hasb && v != 0 ? v * log(xi) : 0;
			vo[i] = v;
		}
		break;
	case OP_MIN:
	case OP_MAX:
		for (i = 0; i < m; i++) {
			double xi = x[i], yi = y[i];
			int s = op == OP_MIN ? sel_min(xi, yi) : sel_max(xi, yi);

			c->ca[i] = s;
			vo[i] = s ? xi : yi;
		}
		a->v = vo;
		a->g = grad_select(c, go, a->g, b->g);
		return;
	default:
		/* comparisons and logic: steps, derivative zero */
		for (i = 0; i < m; i++)
			vo[i] = expr_apply2(op, x[i], y[i]);
		a->v = vo;
		a->g = NULL;
		return;
	}
	a->v = vo;
	a->g = grad_combine(c, go, a->g, b->g);
}

/* Push a variable: its values, and a unit seed in each direction that
 * differentiates with respect to it. */
static void
grad_push_var(const struct expr_gctx *c, const sx_expr_bind *b, size_t var,
    size_t r0, const size_t *wrt, struct expr_dual *d, double *vo, double *go)
{
	size_t i, k;
	int seeded = 0;

	if (b->col != NULL && b->col[var] != NULL)
		d->v = b->col[var] + r0;
	else {
		for (i = 0; i < c->m; i++)
			vo[i] = b->val[var];
		d->v = vo;
	}
	d->g = NULL;
	for (k = 0; k < c->nwrt; k++)
		if (wrt[k] == var) {
			if (!seeded) {
				memset(go, 0, c->nwrt * EXPR_GBLOCK * sizeof *go);
				seeded = 1;
			}
			for (i = 0; i < c->m; i++)
				go[k * EXPR_GBLOCK + i] = 1.0;
		}
	if (seeded)
		d->g = go;
}

/*
 * Values and exact derivatives with respect to variables wrt[0..nwrt-1]:
 * out[r] as expr_eval, jac[r*nwrt + k] = d out[r] / d var[wrt[k]]. A `wrt`
 * variable bound to a column is differentiated row by row. Returns 0; -1 for
 * a missing binding or a wrt index that is not a variable. jac may be NULL
 * when nwrt is 0.
 */
int
expr_eval_grad(const sx_expr *e, const sx_expr_bind *b, size_t n,
    const size_t *wrt, size_t nwrt, double *out, double *jac, sx_err *err)
{
	struct expr_gctx c;
	struct expr_dual *st;
	double *vbuf, *gbuf;
	size_t r0, k, gsz;

	if (expr_check_bind(e, b, err) != 0)
		return -1;
	for (k = 0; k < nwrt; k++)
		if (wrt[k] >= e->nvars)
			return err_set(err, "derivative requested with respect to "
			    "variable %zu, but the expression has %zu", wrt[k],
			    e->nvars);
	if (n == 0)
		return 0;
	gsz = nwrt != 0 ? nwrt : 1;
	st = xreallocarray(NULL, e->maxstack, sizeof *st);
	vbuf = xreallocarray(NULL, e->maxstack, EXPR_GBLOCK * sizeof *vbuf);
	gbuf = xreallocarray(NULL, e->maxstack * EXPR_GBLOCK, gsz * sizeof *gbuf);
	c.ca = xreallocarray(NULL, 2 * EXPR_GBLOCK, sizeof *c.ca);
	c.cb = c.ca + EXPR_GBLOCK;
	c.nwrt = nwrt;
	for (r0 = 0; r0 < n; r0 += EXPR_GBLOCK) {
		size_t sp = 0, i;

		c.m = n - r0 < EXPR_GBLOCK ? n - r0 : EXPR_GBLOCK;
		for (k = 0; k < e->ncode; k++) {
			const struct expr_ins *ins = &e->code[k];
			double *vo = vbuf + sp * EXPR_GBLOCK;
			double *go = gbuf + sp * EXPR_GBLOCK * gsz;

			switch (ins->op) {
			case OP_CONST:
				for (i = 0; i < c.m; i++)
					vo[i] = ins->c;
				st[sp].v = vo;
				st[sp++].g = NULL;
				break;
			case OP_VAR:
				grad_push_var(&c, b, ins->var, r0, wrt, &st[sp++],
				    vo, go);
				break;
			default:
				if (expr_is_unary(ins->op))
					grad_unary(&c, ins->op, &st[sp - 1],
					    vo - EXPR_GBLOCK,
					    go - EXPR_GBLOCK * gsz);
				else {
					grad_binary(&c, ins->op, &st[sp - 2],
					    &st[sp - 1], vo - 2 * EXPR_GBLOCK,
					    go - 2 * EXPR_GBLOCK * gsz);
					sp--;
				}
				break;
			}
		}
		memcpy(out + r0, st[0].v, c.m * sizeof *out);
		for (i = 0; i < c.m; i++)
			for (k = 0; k < nwrt; k++)
				jac[(r0 + i) * nwrt + k] = st[0].g != NULL ?
				    st[0].g[k * EXPR_GBLOCK + i] : 0.0;
	}
	free(c.ca);
	free(gbuf);
	free(vbuf);
	free(st);
	return 0;
}
