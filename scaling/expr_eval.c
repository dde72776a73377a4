/* expr_eval.c: evaluate compiled expressions over columns in blocks, and
 * with forward-mode derivatives. */
#include "config.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "base/xalloc.h"
#include "scaling/expr_impl.h"

/* ---- value evaluation over blocks ---- */

/* Every variable needs a column or a scalar. */
static int
expr_check_bind(const sx_expr *e, const sx_expr_bind *b, sx_err *err)
{
	size_t i;

	for (i = 0; i < e->nvars; i++)
		if (b == NULL || ((b->col == NULL || b->col[i] == NULL) &&
		    b->val == NULL && (b->text == NULL || b->text[i] == NULL)))
			return err_set(err, "no value bound to variable '%s'",
			    e->vars[i]);
	return 0;
}

/* A stack entry: numbers (a block or a scalar) or text (a block of a text
 * column or a literal), as the type check allowed. */
struct expr_slot {
	const double *p;	/* block of values, or NULL for a scalar */
	double s;		/* the scalar */
	int text;
	char *const *t;		/* text block, or NULL for the literal ts */
	const char *ts;
};

/* Equal texts; a missing cell (NULL) equals nothing. */
static int
text_eq(const char *x, const char *y)
{
	return x != NULL && y != NULL && strcmp(x, y) == 0;
}

/* == or != between two text entries, into the number block o. */
static void
eval_text_cmp(int op, struct expr_slot *a, const struct expr_slot *b,
    double *o, size_t m)
{
	double want = op == OP_EQ ? 1.0 : 0.0;

	if (a->t == NULL && b->t == NULL)
		a->s = text_eq(a->ts, b->ts) ? want : 1.0 - want;
	else
		for (size_t i = 0; i < m; i++)
			o[i] = text_eq(a->t != NULL ? a->t[i] : a->ts,
			    b->t != NULL ? b->t[i] : b->ts) ? want : 1.0 - want;
	a->p = a->t == NULL && b->t == NULL ? NULL : o;
	a->text = 0;
}

/* x in set, for a number or text entry. */
static void
eval_in(const struct expr_set *set, struct expr_slot *a, double *o, size_t m)
{
	if (a->text && a->t == NULL)
		a->s = expr_in_str(set, a->ts);
	else if (a->text)
		for (size_t i = 0; i < m; i++)
			o[i] = expr_in_str(set, a->t[i]);
	else if (a->p == NULL)
		a->s = expr_in_num(set, a->s);
	else
		for (size_t i = 0; i < m; i++)
			o[i] = expr_in_num(set, a->p[i]);
	a->p = (a->text && a->t == NULL) || (!a->text && a->p == NULL) ?
	    NULL : o;
	a->text = 0;
}

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
	switch (expr_typeof(e, b, err)) {
	case EXPR_NUMBER:
		break;
	case EXPR_TEXT:
		return err_set(err, "the expression's value is text, not a number");
	default:
		return -1;
	}
	if (n == 0)
		return 0;
	st = xcalloc(e->maxstack, sizeof *st);
	buf = xreallocarray(NULL, e->maxstack, EXPR_BLOCK * sizeof *buf);
	for (r0 = 0; r0 < n; r0 += EXPR_BLOCK) {
		size_t m = n - r0 < EXPR_BLOCK ? n - r0 : EXPR_BLOCK, sp = 0;

		for (k = 0; k < e->ncode; k++) {
			const struct expr_ins *ins = &e->code[k];

			switch (ins->op) {
			case OP_CONST:
				st[sp].p = NULL;
				st[sp].text = 0;
				st[sp++].s = ins->c;
				break;
			case OP_STR:
				st[sp].text = 1;
				st[sp].t = NULL;
				st[sp++].ts = e->strs[ins->var];
				break;
			case OP_VAR:
				st[sp].text = 0;
				if (b->text != NULL && b->text[ins->var] != NULL) {
					st[sp].text = 1;
					st[sp].t = b->text[ins->var] + r0;
				} else if (b->col != NULL && b->col[ins->var] != NULL) {
					st[sp].p = b->col[ins->var] + r0;
				} else {
					st[sp].p = NULL;
					st[sp].s = b->val[ins->var];
				}
				sp++;
				break;
			case OP_IN:
				eval_in(&e->sets[ins->var], &st[sp - 1],
				    buf + (sp - 1) * EXPR_BLOCK, m);
				break;
			default:
				if (st[sp - 1].text) {
					eval_text_cmp(ins->op, &st[sp - 2],
					    &st[sp - 1], buf + (sp - 2) *
					    EXPR_BLOCK, m);
					sp--;
				} else if (expr_is_unary(ins->op))
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
grad_unary(const struct expr_gctx *c, const sx_expr *e,
    const struct expr_ins *ins, struct expr_dual *a, double *vo, double *go)
{
	size_t i, m = c->m;
	const double *x = a->v;
	int op = ins->op;

	for (i = 0; i < m; i++) {
		double xi = x[i], v;

		switch (op) {
		case OP_IN:
			v = expr_in_num(&e->sets[ins->var], xi);
			c->ca[i] = 0;
			break;
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
	a->g = op == OP_NOT || op == OP_IN ? NULL :
	    grad_combine(c, go, a->g, NULL);
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
	if (expr_text_col(e) != 0)
		return err_set(err, "text has no derivative: this expression "
		    "must compute with numbers only");
	for (k = 0; b->text != NULL && k < e->nvars; k++)
		if (b->text[k] != NULL)
			return err_set(err, "text has no derivative: '%s' must be "
			    "a number", e->vars[k]);
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
					grad_unary(&c, e, ins, &st[sp - 1],
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
