/* model_user.c: user laws, made from a formula of the expression
 * language (model_from_expr) with exact derivatives. */
#include "config.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "base/xalloc.h"
#include "scaling/expr.h"
#include "scaling/model.h"

/* What a user law keeps: the parsed expression, and for each of its
 * variables the input column it stands for (or -1 for a parameter). */
typedef struct expr_law {
	sx_expr *e;
	size_t nvars;
	int *input_of;          /* nvars: input index, or -1 */
	size_t *param_var;      /* np: variable index of parameter j */
} expr_law;

static void
expr_law_free(void *priv)
{
	expr_law *l = priv;

	if (l == NULL)
		return;
	expr_free(l->e);
	free(l->input_of);
	free(l->param_var);
	free(l);
}

/* Values (and exact derivatives, forward mode) of a user law; in log mode
 * log L and dL/L. */
static int
expr_law_eval(const sx_model *m, const double *const *x, size_t n,
    const double *p, int lg, double *f, double *J)
{
	const expr_law *l = m->priv;
	const double **col = xcalloc(l->nvars, sizeof *col);
	double *val = xcalloc(l->nvars, sizeof *val);
	sx_expr_bind b;
	size_t i, j, v;
	int rc, ok = 1;

	for (v = 0; v < l->nvars; v++)
		if (l->input_of[v] >= 0)
			col[v] = x[l->input_of[v]];
	for (j = 0; j < m->np; j++)
		val[l->param_var[j]] = p[j];
	b.col = col;
	b.val = val;
	b.text = NULL;
	if (J != NULL)
		rc = expr_eval_grad(l->e, &b, n, l->param_var, m->np, f, J, NULL);
	else
		rc = expr_eval(l->e, &b, n, f, NULL);
	free(col);
	free(val);
	if (rc != 0)
		return -1;
	for (i = 0; i < n; i++) {
		if (lg) {
			double L = f[i];

			f[i] = log(L);
			for (j = 0; J != NULL && j < m->np; j++)
				J[i * m->np + j] /= L;
		}
		ok &= isfinite(f[i]);
	}
	return ok ? 0 : -1;
}

/*
 * Automatic start for a user law, which has no structure to exploit: every
 * parameter at the same value c, c in {1, 0.5, 0.1, 2, 10, 0.01, 100}, the
 * one with the smallest sum of squares (in log space when y > 0) wins.
 * Give start values for anything harder.
 */
static int
expr_law_guess(const sx_model *m, const double *const *x, const double *y,
    size_t n, double *p)
{
	static const double cand[] = { 1, 0.5, 0.1, 2, 10, 0.01, 100 };
	double *f = xmalloc(n * sizeof *f), *q = xmalloc(m->np * sizeof *q);
	double best = INFINITY;
	size_t i, j, k;
	int lg = 1;

	for (i = 0; i < n; i++)
		if (!(y[i] > 0.0))
			lg = 0;
	for (k = 0; k < sizeof cand / sizeof cand[0]; k++) {
		double sse = 0.0;

		for (j = 0; j < m->np; j++)
			q[j] = cand[k];
		if (m->eval(m, x, n, q, lg, f, NULL) != 0)
			continue;
		for (i = 0; i < n; i++) {
			double r = (lg ? log(y[i]) : y[i]) - f[i];

			sse += r * r;
		}
		if (sse < best) {
			best = sse;
			memcpy(p, q, m->np * sizeof *p);
		}
	}
	free(f);
	free(q);
	return best < INFINITY ? 0 : -1;
}

/*
 * A user law from `text`. Identifiers named in inputs[] are input columns;
 * the model's inputs are those the formula uses, in order of first use
 * (x[k] is m->inputs[k] when evaluating). Every other identifier is a
 * parameter, in order of first use. No parameter is flagged positive.
 * Returns NULL with err set on a parse error, when the formula has no
 * parameter, or when it uses none of the inputs.
 */
sx_model *
model_from_expr(const char *name, const char *text,
    const char *const *inputs, size_t ninputs, sx_err *err)
{
	sx_expr *e;
	expr_law *l;
	sx_model *m;
	size_t v, k, np = 0, nused = 0;

	if (text == NULL || name == NULL) {
		err_set(err, "model: missing name or formula");
		return NULL;
	}
	if ((e = expr_parse(text, err)) == NULL)
		return NULL;
	if (expr_text_col(e) != 0 || expr_typeof(e, NULL, err) < 0) {
		if (expr_text_col(e) != 0)
			err_at(err, "<expr>", 1, expr_text_col(e), "a law computes "
			    "with numbers: text has no place in its formula");
		expr_free(e);
		return NULL;
	}
	l = xcalloc(1, sizeof *l);
	l->e = e;
	l->nvars = expr_nvars(e);
	l->input_of = xcalloc(l->nvars + 1, sizeof *l->input_of);
	l->param_var = xcalloc(l->nvars + 1, sizeof *l->param_var);
	/* The model's inputs are the listed names the formula uses, in order
	 * of first use; input_of maps each variable to its input index. */
	for (v = 0; v < l->nvars; v++) {
		l->input_of[v] = -1;
		for (k = 0; k < ninputs; k++)
			if (inputs[k] != NULL && strcmp(inputs[k], expr_var(e, v)) == 0)
				l->input_of[v] = (int)nused;
		if (l->input_of[v] >= 0)
			nused++;
		else
			l->param_var[np++] = v;
	}
	if (np == 0 || nused == 0) {
		err_set(err, np == 0 ? "formula '%s' has no parameter to fit" :
		    "formula '%s' uses none of the input columns", text);
		expr_law_free(l);
		return NULL;
	}
	m = xcalloc(1, sizeof *m);
	m->name = xstrdup(name);
	m->formula = xstrdup(text);
	m->about = xasprintf("user law %s", text);
	m->nin = nused;
	m->inputs = xcalloc(nused + 1, sizeof *m->inputs);
	for (v = 0; v < l->nvars; v++)
		if (l->input_of[v] >= 0)
			m->inputs[l->input_of[v]] = xstrdup(expr_var(e, v));
	m->np = np;
	m->params = xcalloc(np, sizeof *m->params);
	m->positive = xcalloc(np, sizeof *m->positive);
	for (k = 0; k < np; k++)
		m->params[k] = xstrdup(expr_var(e, l->param_var[k]));
	m->eval = expr_law_eval;
	m->guess = expr_law_guess;
	m->priv = l;
	m->priv_free = expr_law_free;
	return m;
}

