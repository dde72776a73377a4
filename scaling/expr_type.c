/* expr_type.c: the types of an expression's values (numbers or text),
 * checked before evaluating, and membership of the lists after `in`. */
#include "config.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "base/fmt.h"
#include "base/xalloc.h"
#include "scaling/expr_impl.h"

/* Orders for sorting a list and finding in it (NaN never enters one). */
static int
in_cmp_num(const void *key, const void *elt)
{
	double x = *(const double *)key, y = *(const double *)elt;

	return x < y ? -1 : x > y;
}

static int
in_cmp_str(const void *key, const void *elt)
{
	return strcmp(*(const char *const *)key, *(char *const *)elt);
}

void
expr_set_sort(struct expr_set *s)
{
	if (s->text && s->n > 0)
		qsort(s->str, s->n, sizeof *s->str, in_cmp_str);
	else if (s->n > 0)
		qsort(s->num, s->n, sizeof *s->num, in_cmp_num);
}

double
expr_in_num(const struct expr_set *s, double x)
{
	if (isnan(x) || s->n == 0)
		return 0.0;
	return bsearch(&x, s->num, s->n, sizeof *s->num, in_cmp_num) != NULL;
}

double
expr_in_str(const struct expr_set *s, const char *x)
{
	if (x == NULL || s->n == 0)
		return 0.0;
	return bsearch(&x, s->str, s->n, sizeof *s->str, in_cmp_str) != NULL;
}

/* A value on the checker's stack: its type and the instruction that made
 * it (for its name and source in messages). */
struct tslot {
	int type;
	size_t ins;
};

static const char *
type_opname(int op)
{
	static const char *const names[] = {
		[OP_NEG] = "'-'", [OP_NOT] = "'not'", [OP_EXP] = "exp",
		[OP_LOG] = "log", [OP_LOG10] = "log10", [OP_SQRT] = "sqrt",
		[OP_ABS] = "abs", [OP_IN] = "'in'", [OP_ADD] = "'+'",
		[OP_SUB] = "'-'", [OP_MUL] = "'*'", [OP_DIV] = "'/'",
		[OP_POW] = "'^'", [OP_MIN] = "min", [OP_MAX] = "max",
		[OP_LT] = "'<'", [OP_LE] = "'<='", [OP_GT] = "'>'",
		[OP_GE] = "'>='", [OP_EQ] = "'=='", [OP_NE] = "'!='",
		[OP_AND] = "'and'", [OP_OR] = "'or'",
	};

	return op >= 0 && op < (int)(sizeof names / sizeof names[0]) &&
	    names[op] != NULL ? names[op] : "this operator";
}

/* "column 'N' (numbers)", "\"c4\" (text)", "'log(N)' (a number)". */
static void
type_describe(const sx_expr *e, const sx_expr_bind *b, const struct tslot *t,
    char *buf, size_t size)
{
	const struct expr_ins *c = &e->code[t->ins];
	size_t len = c->hi - c->lo;
	const char *q;

	if (c->op == OP_VAR) {
		int col = t->type == EXPR_TEXT || (b != NULL && b->col != NULL &&
		    b->col[c->var] != NULL);

		fmt_set(buf, size, col ? "column '%s' (%s)" : "%s (%s)",
		    e->vars[c->var], t->type == EXPR_TEXT ? "text" :
		    col ? "numbers" : "a number");
		return;
	}
	q = expr_is_leaf(c->op) ? "" : "'";
	fmt_set(buf, size, "%s%.*s%s%s (%s)", q, (int)(len > 40 ? 40 : len),
	    e->text + c->lo, len > 40 ? "…" : "", q, t->type == EXPR_TEXT ?
	    "text" : "a number");
}

/* The message for operator c meeting operands x (and y, for a binary
 * operator; NULL otherwise) of types it does not take. */
static int
type_fail(const sx_expr *e, const sx_expr_bind *b, const struct expr_ins *c,
    const struct tslot *x, const struct tslot *y, sx_err *err)
{
	const struct tslot *bad = y != NULL && x->type != EXPR_TEXT ? y : x;
	const struct expr_ins *bi = &e->code[bad->ins];
	int col = (int)(c->at < 1000000000 ? c->at + 1 : 1000000000);
	char dx[120], dy[120];

	type_describe(e, b, x, dx, sizeof dx);
	if (y != NULL)
		type_describe(e, b, y, dy, sizeof dy);
	switch (c->op) {
	case OP_EQ:
	case OP_NE:
		return err_at(err, EXPR_WHERE, 1, col, "cannot compare %s with %s",
		    dx, dy);
	case OP_IN:
		return err_at(err, EXPR_WHERE, 1, col, "cannot look for %s in a "
		    "list of %s", dx, e->sets[c->var].text ? "text" : "numbers");
	default:
		break;
	}
	if (bad != x)
		memcpy(dx, dy, sizeof dx);
	switch (c->op) {
	case OP_LT:
	case OP_LE:
	case OP_GT:
	case OP_GE:
		return err_at(err, EXPR_WHERE, 1, col, "%s does not order text: "
		    "%s; text compares with == != in only", type_opname(c->op),
		    dx);
	case OP_AND:
	case OP_OR:
	case OP_NOT:
		return err_at(err, EXPR_WHERE, 1, col, "%s needs conditions "
		    "(numbers), not %s: compare it first, as in %s == \"...\"",
		    type_opname(c->op), dx, bi->op == OP_VAR ? e->vars[bi->var] :
		    "x");
	default:
		return err_at(err, EXPR_WHERE, 1, col, "%s needs %s, not %s",
		    type_opname(c->op), y == NULL ? "a number" : "numbers", dx);
	}
}

/* Whether the expression can hold text at all under b. */
static int
type_has_text(const sx_expr *e, const sx_expr_bind *b)
{
	if (e->nstrs > 0)
		return 1;
	for (size_t i = 0; i < e->nsets; i++)
		if (e->sets[i].text)
			return 1;
	for (size_t i = 0; b != NULL && b->text != NULL && i < e->nvars; i++)
		if (b->text[i] != NULL)
			return 1;
	return 0;
}

int
expr_typeof(const sx_expr *e, const sx_expr_bind *b, sx_err *err)
{
	struct tslot *st;
	size_t sp = 0;
	int rc = -1;

	if (!type_has_text(e, b))
		return EXPR_NUMBER;
	st = xreallocarray(NULL, e->maxstack + 1, sizeof *st);
	for (size_t k = 0; k < e->ncode; k++) {
		const struct expr_ins *c = &e->code[k];
		struct tslot *x, *y;

		if (expr_is_leaf(c->op)) {
			st[sp].ins = k;
			st[sp++].type = c->op == OP_STR || (c->op == OP_VAR &&
			    b != NULL && b->text != NULL &&
			    b->text[c->var] != NULL) ? EXPR_TEXT : EXPR_NUMBER;
			continue;
		}
		if (expr_is_unary(c->op)) {
			x = &st[sp - 1];
			if (c->op == OP_IN ? x->type != e->sets[c->var].text :
			    x->type != EXPR_NUMBER) {
				type_fail(e, b, c, x, NULL, err);
				goto out;
			}
		} else {
			x = &st[sp - 2];
			y = &st[--sp];
			if (c->op == OP_EQ || c->op == OP_NE ? x->type != y->type :
			    x->type != EXPR_NUMBER || y->type != EXPR_NUMBER) {
				type_fail(e, b, c, x, y, err);
				goto out;
			}
		}
		x->type = EXPR_NUMBER;
		x->ins = k;
	}
	rc = st[0].type;
out:
	free(st);
	return rc;
}

int
expr_text_col(const sx_expr *e)
{
	size_t at = (size_t)-1;

	for (size_t k = 0; k < e->ncode; k++)
		if (e->code[k].op == OP_STR && e->code[k].at < at)
			at = e->code[k].at;
	for (size_t k = 0; k < e->ncode; k++)
		if (e->code[k].op == OP_IN && e->sets[e->code[k].var].text &&
		    e->code[k].at < at)
			at = e->code[k].at;
	return at == (size_t)-1 ? 0 : (int)(at < 1000000000 ? at + 1 :
	    1000000000);
}

int
expr_compared_with(const sx_expr *e, size_t v)
{
	for (size_t k = 2; k < e->ncode; k++) {
		const struct expr_ins *c = e->code;

		if ((c[k].op != OP_EQ && c[k].op != OP_NE) ||
		    c[k - 1].op != OP_VAR || c[k - 2].op != OP_VAR)
			continue;
		if (c[k - 1].var == v && c[k - 2].var != v)
			return (int)c[k - 2].var;
		if (c[k - 2].var == v && c[k - 1].var != v)
			return (int)c[k - 1].var;
	}
	return -1;
}
