/* expr.c: parse expressions to folded postfix code. */
#include "config.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/xalloc.h"
#include "scaling/expr_lex.h"

/* ---- code emission with constant folding ---- */

/* An instruction; at, lo and hi are where it came from (expr_impl.h). */
static void
emit(sx_expr *e, int op, size_t var, double c, size_t at, size_t lo,
    size_t hi)
{
	if (e->ncode == e->capcode) {
		e->capcode = e->capcode != 0 ? 2 * e->capcode : 16;
		e->code = xreallocarray(e->code, e->capcode, sizeof *e->code);
	}
	e->code[e->ncode].op = op;
	e->code[e->ncode].var = var;
	e->code[e->ncode].c = c;
	e->code[e->ncode].at = at;
	e->code[e->ncode].lo = lo;
	e->code[e->ncode].hi = hi;
	e->ncode++;
}

/* A leaf for the current token. */
static void
emit_leaf(struct expr_parser *p, int op, size_t var, double c)
{
	emit(p->e, op, var, c, p->start, p->start, p->start + p->len);
}

/* An operator whose operands are all constants becomes one constant. The
 * last instruction is the right operand; if it and the one before are both
 * CONST, each is a whole operand (a CONST ends a subexpression only when it
 * is the whole subexpression). */
static void
emit_fold(sx_expr *e, int op, size_t at, size_t lo, size_t hi)
{
	struct expr_ins *c = e->code;
	size_t n = e->ncode;

	if (expr_is_unary(op)) {
		if (n >= 1 && c[n - 1].op == OP_CONST && op != OP_IN) {
			c[n - 1].c = expr_apply1(op, c[n - 1].c);
			c[n - 1].lo = c[n - 1].at = lo;
			c[n - 1].hi = hi;
			return;
		}
	} else if (n >= 2 && c[n - 1].op == OP_CONST &&
	    c[n - 2].op == OP_CONST) {
		c[n - 2].c = expr_apply2(op, c[n - 2].c, c[n - 1].c);
		c[n - 2].lo = c[n - 2].at = lo;
		c[n - 2].hi = hi;
		e->ncode--;
		return;
	}
	emit(e, op, 0, 0, at, lo, hi);
}

/* Operator `op`, written at byte `at`, completing the subexpression that
 * began at byte `lo` and ends with the token just consumed. */
static void
emit_op(struct expr_parser *p, int op, size_t at, size_t lo)
{
	emit_fold(p->e, op, at, lo, p->prev_end);
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

/* Index of a new text literal whose source is s (len bytes, quotes
 * included). */
static size_t
expr_string(sx_expr *e, const char *s, size_t len)
{
	e->strs = xreallocarray(e->strs, e->nstrs + 1, sizeof *e->strs);
	e->strs[e->nstrs] = expr_lex_string_value(s, len);
	return e->nstrs++;
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
static int parse_enter(struct expr_parser *);

/* Every construct that can nest (parentheses, arguments, prefix operators,
 * the right side of ^) goes one level deeper; the cap keeps the recursion,
 * and so the C stack, bounded whatever the input. */
static int
parse_enter(struct expr_parser *p)
{
	if (++p->depth > EXPR_MAXDEPTH)
		return expr_lex_error(p, p->start, "expression nested too deeply "
		    "(more than %d levels)", EXPR_MAXDEPTH);
	return 0;
}

static int
parse_unexpected(struct expr_parser *p)
{
	if (p->kind == T_END)
		return expr_lex_error(p, p->start, "unexpected end of expression");
	return expr_lex_error(p, p->start, "unexpected '%.*s'", expr_lex_show(p),
	    p->s + p->start);
}

/* `(` already consumed at column `open`; require `)`. */
static int
parse_close(struct expr_parser *p, size_t open)
{
	if (p->kind != T_RPAREN)
		return expr_lex_error(p, p->start, "expected ')' to close '(' at "
		    "column %zu", open + 1);
	return expr_lex_next(p);
}

/* After an item of a list: 1 past a comma (another item follows), 0 at
 * anything else, -1 on a lexical error. */
static int
parse_comma(struct expr_parser *p)
{
	if (p->kind != T_COMMA)
		return 0;
	return expr_lex_next(p) != 0 ? -1 : 1;
}

/* NAME ( args ): the name is the current token and '(' follows it. */
static int
parse_call(struct expr_parser *p)
{
	const struct expr_func *f = NULL;
	size_t name = p->start, namelen = p->len, open, i;
	int nargs = 0, more = 0;

	for (i = 0; i < sizeof expr_funcs / sizeof expr_funcs[0]; i++)
		if (strlen(expr_funcs[i].name) == namelen &&
		    memcmp(expr_funcs[i].name, p->s + name, namelen) == 0)
			f = &expr_funcs[i];
	if (f == NULL)
		return expr_lex_error(p, name, "unknown function '%.*s'", expr_lex_show(p),
		    p->s + name);
	if (expr_lex_next(p) != 0)
		return -1;
	open = p->start;
	if (expr_lex_next(p) != 0)
		return -1;
	if (p->kind != T_RPAREN) {
		for (;;) {
			if (parse_or(p) != 0)
				return -1;
			if (++nargs >= 2 && f->nargs == 0)
				emit_op(p, f->op, name, name);
			if ((more = parse_comma(p)) <= 0)
				break;
		}
		if (more < 0)
			return -1;
	}
	if (parse_close(p, open) != 0)
		return -1;
	if (f->nargs == 0 && nargs < 2)
		return expr_lex_error(p, name, "%s needs at least 2 arguments",
		    f->name);
	if (f->nargs != 0 && nargs != f->nargs)
		return expr_lex_error(p, name, "%s takes 1 argument", f->name);
	if (f->nargs != 0)
		emit_op(p, f->op, name, name);
	else
		p->e->code[p->e->ncode - 1].hi = p->prev_end;
	return 0;
}

static int
parse_primary(struct expr_parser *p)
{
	size_t open;

	switch (p->kind) {
	case T_NUM:
		emit_leaf(p, OP_CONST, 0, p->num);
		return expr_lex_next(p);
	case T_STR:
		emit_leaf(p, OP_STR, expr_string(p->e, p->s + p->start, p->len),
		    0);
		return expr_lex_next(p);
	case T_QNAME:
		emit_leaf(p, OP_VAR, expr_intern(p->e, p->s + p->start + 1,
		    p->len - 2), 0);
		return expr_lex_next(p);
	case T_NAME: {
		size_t i = p->pos;

		while (expr_lex_isspace((unsigned char)p->s[i]))
			i++;
		if (p->s[i] == '(') {
			if (parse_enter(p) != 0 || parse_call(p) != 0)
				return -1;
			p->depth--;
			return 0;
		}
		if (p->len == 2 && memcmp(p->s + p->start, "pi", 2) == 0)
			emit_leaf(p, OP_CONST, 0, EXPR_PI);
		else {
			for (i = 0; i < sizeof expr_funcs / sizeof expr_funcs[0]; i++)
				if (strlen(expr_funcs[i].name) == p->len &&
				    memcmp(expr_funcs[i].name, p->s + p->start,
				    p->len) == 0)
					return expr_lex_error(p, p->start,
					    "function '%s' needs arguments: "
					    "%s(...); a variable of that name "
					    "is written `%s`", expr_funcs[i].name,
					    expr_funcs[i].name, expr_funcs[i].name);
			emit_leaf(p, OP_VAR, expr_intern(p->e, p->s + p->start,
			    p->len), 0);
		}
		return expr_lex_next(p);
	}
	case T_LPAREN:
		open = p->start;
		if (parse_enter(p) != 0 || expr_lex_next(p) != 0 || parse_or(p) != 0 ||
		    parse_close(p, open) != 0)
			return -1;
		p->depth--;
		/* The parentheses belong to what they enclose. */
		p->e->code[p->e->ncode - 1].lo = open;
		p->e->code[p->e->ncode - 1].hi = p->prev_end;
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
	size_t lo = p->start, at;

	if (parse_primary(p) != 0)
		return -1;
	if (p->kind != T_CARET)
		return 0;
	at = p->start;
	if (expr_lex_next(p) != 0 || parse_enter(p) != 0 || parse_unary(p) != 0)
		return -1;
	p->depth--;
	emit_op(p, OP_POW, at, lo);
	return 0;
}

static int
parse_unary(struct expr_parser *p)
{
	size_t at = p->start;
	int neg;

	if (p->kind != T_MINUS && p->kind != T_PLUS)
		return parse_pow(p);
	neg = p->kind == T_MINUS;
	if (parse_enter(p) != 0 || expr_lex_next(p) != 0 || parse_unary(p) != 0)
		return -1;
	p->depth--;
	if (neg)
		emit_op(p, OP_NEG, at, at);
	return 0;
}

static int
parse_mul(struct expr_parser *p)
{
	size_t lo = p->start;

	if (parse_unary(p) != 0)
		return -1;
	while (p->kind == T_STAR || p->kind == T_SLASH) {
		int op = p->kind == T_STAR ? OP_MUL : OP_DIV;
		size_t at = p->start;

		if (expr_lex_next(p) != 0 || parse_unary(p) != 0)
			return -1;
		emit_op(p, op, at, lo);
	}
	return 0;
}

static int
parse_add(struct expr_parser *p)
{
	size_t lo = p->start;

	if (parse_mul(p) != 0)
		return -1;
	while (p->kind == T_PLUS || p->kind == T_MINUS) {
		int op = p->kind == T_PLUS ? OP_ADD : OP_SUB;
		size_t at = p->start;

		if (expr_lex_next(p) != 0 || parse_mul(p) != 0)
			return -1;
		emit_op(p, op, at, lo);
	}
	return 0;
}

/* Whether the token after the current one is the word `in`. */
static int
lex_in_follows(const struct expr_parser *p)
{
	size_t i = p->pos;

	while (expr_lex_isspace((unsigned char)p->s[i]))
		i++;
	return p->s[i] == 'i' && p->s[i + 1] == 'n' &&
	    !expr_lex_isalpha((unsigned char)p->s[i + 2]) &&
	    !expr_lex_isdigit((unsigned char)p->s[i + 2]) && p->s[i + 2] != '.';
}

/* The element of the list after `in` just parsed: code[k], the only
 * instruction since it began, must be a literal of the list's type; it
 * moves from the code into set `si`. `count` is the elements so far. */
static int
parse_in_item(struct expr_parser *p, size_t si, size_t k, size_t count)
{
	sx_expr *e = p->e;
	struct expr_set *s = &e->sets[si];
	const struct expr_ins *c = &e->code[k];
	int text = c->op == OP_STR;

	if (e->ncode != k + 1 || (c->op != OP_CONST && c->op != OP_STR)) {
		if (e->ncode == k + 1 && c->op == OP_VAR)
			return expr_lex_error(p, c->lo, "the list after 'in' holds "
			    "literals, not the name %s (text is written in "
			    "quotes: \"%s\")", e->vars[c->var], e->vars[c->var]);
		c = &e->code[e->ncode - 1];
		return expr_lex_error(p, c->lo, "the list after 'in' holds literals "
		    "(\"text\" or numbers), not '%.*s'", (int)(c->hi - c->lo >
		    40 ? 40 : c->hi - c->lo), p->s + c->lo);
	}
	if (count > 0 && text != s->text)
		return expr_lex_error(p, c->lo, "the list after 'in' mixes text "
		    "and numbers");
	s->text = text;
	if (text) {
		s->str = xreallocarray(s->str, s->n + 1, sizeof *s->str);
		s->str[s->n++] = e->strs[--e->nstrs];
	} else if (!isnan(c->c)) {
		s->num = xreallocarray(s->num, s->n + 1, sizeof *s->num);
		s->num[s->n++] = c->c;
	}
	e->ncode = k;
	return 0;
}

/* `in ( literal, ... )` after the operand that began at byte lo; the
 * current token is `in` (`not` at byte at for `not in`). */
static int
parse_in(struct expr_parser *p, size_t at, size_t lo, int neg)
{
	sx_expr *e = p->e;
	size_t si = e->nsets, count = 0, open;
	struct expr_set *s;
	int more;

	if (expr_lex_next(p) != 0)
		return -1;
	if (p->kind != T_LPAREN)
		return expr_lex_error(p, p->start, "expected '(' after 'in': a list "
		    "such as in (\"c4\", \"rpj\")");
	open = p->start;
	e->sets = xreallocarray(e->sets, e->nsets + 1, sizeof *e->sets);
	memset(&e->sets[e->nsets++], 0, sizeof *e->sets);
	if (parse_enter(p) != 0 || expr_lex_next(p) != 0)
		return -1;
	if (p->kind == T_RPAREN)
		return expr_lex_error(p, p->start, "empty list after 'in'");
	for (;;) {
		size_t k = e->ncode;

		if (parse_or(p) != 0 || parse_in_item(p, si, k, count++) != 0 ||
		    (more = parse_comma(p)) < 0)
			return -1;
		if (more == 0)
			break;
	}
	if (parse_close(p, open) != 0)
		return -1;
	p->depth--;
	s = &e->sets[si];
	expr_set_sort(s);
	if (e->ncode > 0 && e->code[e->ncode - 1].op == OP_CONST && !s->text) {
		struct expr_ins *c = &e->code[e->ncode - 1];

		c->c = expr_in_num(s, c->c);
		c->lo = c->at = lo;
		c->hi = p->prev_end;
	} else
		emit(e, OP_IN, si, 0, at, lo, p->prev_end);
	if (neg)
		emit_op(p, OP_NOT, at, lo);
	return 0;
}

/* Comparisons associate to the left like C's: a < b < c is (a < b) < c.
 * `x in (...)` and `x not in (...)` sit at the same level. */
static int
parse_cmp(struct expr_parser *p)
{
	size_t lo = p->start;

	if (parse_add(p) != 0)
		return -1;
	for (;;) {
		size_t at = p->start;
		int op;

		switch (p->kind) {
		case T_LT: op = OP_LT; break;
		case T_LE: op = OP_LE; break;
		case T_GT: op = OP_GT; break;
		case T_GE: op = OP_GE; break;
		case T_EQ: op = OP_EQ; break;
		case T_NE: op = OP_NE; break;
		case T_IN:
			if (parse_in(p, at, lo, 0) != 0)
				return -1;
			continue;
		case T_NOT:
			if (!lex_in_follows(p))
				return 0;
			if (expr_lex_next(p) != 0 || parse_in(p, at, lo, 1) != 0)
				return -1;
			continue;
		default: return 0;
		}
		if (expr_lex_next(p) != 0 || parse_add(p) != 0)
			return -1;
		emit_op(p, op, at, lo);
	}
}

static int
parse_not(struct expr_parser *p)
{
	size_t at = p->start;

	if (p->kind != T_NOT)
		return parse_cmp(p);
	if (parse_enter(p) != 0 || expr_lex_next(p) != 0 || parse_not(p) != 0)
		return -1;
	p->depth--;
	emit_op(p, OP_NOT, at, at);
	return 0;
}

static int
parse_and(struct expr_parser *p)
{
	size_t lo = p->start;

	if (parse_not(p) != 0)
		return -1;
	while (p->kind == T_AND) {
		size_t at = p->start;

		if (expr_lex_next(p) != 0 || parse_not(p) != 0)
			return -1;
		emit_op(p, OP_AND, at, lo);
	}
	return 0;
}

static int
parse_or(struct expr_parser *p)
{
	size_t lo = p->start;

	if (parse_and(p) != 0)
		return -1;
	while (p->kind == T_OR) {
		size_t at = p->start;

		if (expr_lex_next(p) != 0 || parse_and(p) != 0)
			return -1;
		emit_op(p, OP_OR, at, lo);
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

		if (expr_is_leaf(op))
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
	if (expr_lex_next(&p) != 0)
		goto fail;
	if (p.kind == T_END) {
		expr_lex_error(&p, 0, "empty expression");
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
	for (i = 0; i < e->nstrs; i++)
		free(e->strs[i]);
	free(e->strs);
	for (i = 0; i < e->nsets; i++) {
		for (size_t k = 0; k < e->sets[i].n && e->sets[i].text; k++)
			free(e->sets[i].str[k]);
		free(e->sets[i].str);
		free(e->sets[i].num);
	}
	free(e->sets);
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
