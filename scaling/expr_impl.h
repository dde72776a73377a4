/* expr_impl.h: the compiled form of an expression and the scalar semantics
 * the parser (constant folding) and both evaluators share. Internal to
 * expr.c and expr_eval.c. */
#ifndef SX_EXPR_IMPL_H
#define SX_EXPR_IMPL_H

#include <math.h>
#include <stddef.h>

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
	OP_CONST, OP_VAR, OP_STR,
	/* unary (OP_IN: membership of the list sets[ins.var]) */
	OP_NEG, OP_NOT, OP_EXP, OP_LOG, OP_LOG10, OP_SQRT, OP_ABS, OP_IN,
	/* binary */
	OP_ADD, OP_SUB, OP_MUL, OP_DIV, OP_POW, OP_MIN, OP_MAX,
	OP_LT, OP_LE, OP_GT, OP_GE, OP_EQ, OP_NE, OP_AND, OP_OR
};

struct expr_ins {
	int op;
	size_t var;		/* OP_VAR: index into vars; OP_STR: into strs;
				   OP_IN: into sets */
	double c;		/* OP_CONST: the value */
	/* Where it came from, for the type checker's messages: the operator
	 * (or the leaf's token) at byte `at`, and the whole subexpression
	 * this instruction completes in bytes [lo, hi) of the text. */
	size_t at, lo, hi;
};

/* The literals after `in`: all numbers (sorted, NaN left out: it equals
 * nothing) or all text (sorted by strcmp). */
struct expr_set {
	int text;
	size_t n;
	double *num;
	char **str;
};

struct sx_expr {
	char *text;
	struct expr_ins *code;
	size_t ncode, capcode;
	char **vars;
	size_t nvars, capvars;
	char **strs;		/* text literals, for OP_STR */
	size_t nstrs;
	struct expr_set *sets;	/* lists after `in`, for OP_IN */
	size_t nsets;
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

static inline double
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

static inline double
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

static inline int
expr_is_unary(int op)
{
	return op >= OP_NEG && op <= OP_IN;
}

static inline int
expr_is_leaf(int op)
{
	return op == OP_CONST || op == OP_VAR || op == OP_STR;
}

/* In expr_type.c: sort a list once parsed; then x in s (numbers), x in s
 * (text; a NULL text, a missing cell, is in no list): 1 or 0. */
void expr_set_sort(struct expr_set *s);
double expr_in_num(const struct expr_set *s, double x);
double expr_in_str(const struct expr_set *s, const char *x);


#endif
