/* model-define.c: model define: a law made from a formula. */
#include "config.h"

#include <math.h>
#include <stdlib.h>

#include "base/xalloc.h"
#include "commands/scaling/fit.h"
#include "commands/scaling/model.h"
#include "views/view.h"

/*
 * The names a formula may use as inputs: the canonical columns and every
 * column of every loaded dataset. Any other name is a parameter.
 */
static const char **
model_input_names(const sx_workspace *ws, size_t *n)
{
	static const char *canon[] = { "N", "D", "C", "L", "S", "t", "x" };
	size_t cap = sizeof canon / sizeof canon[0], k = 0;
	const char **names;

	for (size_t i = 0; i < ws->nds; i++)
		cap += ws->ds[i]->ncols;
	names = xcalloc(cap, sizeof *names);
	for (size_t i = 0; i < sizeof canon / sizeof canon[0]; i++)
		names[k++] = canon[i];
	for (size_t i = 0; i < ws->nds; i++)
		for (size_t c = 0; c < ws->ds[i]->ncols; c++)
			if (ws->ds[i]->cols[c].v != NULL)
				names[k++] = ws->ds[i]->cols[c].name;
	*n = k;
	return names;
}

static int
cmd_model_define_exec(sx_ctx *ctx, const sx_args *a)
{
	const char *name = arg(a, ctx->cmd, "NAME");
	const char *text = arg(a, ctx->cmd, "EXPR");
	const char **inputs;
	size_t nin;
	sx_model *m;
	sx_rec *r;
	sx_err e;

	if (model_builtin(name) != NULL)
		return cmd_fail(ctx, arg_index(a, ctx->cmd, "NAME"),
		    "'%s' is a built-in law; choose another name", name);
	inputs = model_input_names(ctx->ws, &nin);
	err_clear(&e);
	m = model_from_expr(name, text, inputs, nin, &e);
	free(inputs);
	if (m == NULL) {
		if (e.col > 0)
			return cmd_fail(ctx, arg_index(a, ctx->cmd, "EXPR"),
			    "in formula, column %d: %s", e.col, e.msg);
		return cmd_fail(ctx, arg_index(a, ctx->cmd, "EXPR"), "%s", e.msg);
	}
	if (arg(a, ctx->cmd, "--domain") != NULL) {
		double *lo = xmalloc((m->np + 1) * sizeof *lo);
		double *hi = xmalloc((m->np + 1) * sizeof *hi);
		int rc;

		for (size_t j = 0; j < m->np; j++) {
			lo[j] = -INFINITY;
			hi[j] = INFINITY;
		}
		rc = fit_parse_bounds(ctx, arg_index(a, ctx->cmd, "--domain"),
		    "--domain", m,
		    arg(a, ctx->cmd, "--domain"), lo, hi);
		m->domain = xmalloc((2 * m->np + 1) * sizeof *m->domain);
		for (size_t j = 0; j < m->np; j++) {
			m->domain[2 * j] = lo[j];
			m->domain[2 * j + 1] = hi[j];
		}
		free(lo);
		free(hi);
		if (rc != 0) {
			model_free(m);
			return -1;
		}
	}
	r = rec_new("model define");
	model_rec(r, m, 0);
	view_put(ctx->out, r);
	ws_put_model(ctx->ws, m);
	return 0;
}

static const sx_argdef define_args[] = {
	{ "NAME", ARG_NAME, 0, NULL, NULL, NULL, NULL },
	{ "EXPR", ARG_EXPR, ARG_REST, NULL, "'EXPR'", NULL, NULL },
	{ "--domain", ARG_WORD, 0, NULL, "P=lo:hi,...",
	  "where parameters are physical (either side may be empty), e.g. "
	  "rd=0: for a number of epochs: a fit that ends outside warns, "
	  "naming the parameter; fit --bounds holds it inside", NULL },
	{ NULL, 0, 0, NULL, NULL, NULL, NULL }
};
const sx_cmd cmd_model_define_entry = {
	"model define", NULL,
	"Define a law from a formula, e.g.\n"
	"  model define mine 'E + A*N^-a + B*D^-b'\n"
	"Names that are canonical columns (N D C L S t x) or columns of a\n"
	"loaded dataset are inputs; every other name is a parameter. Fits use\n"
	"exact derivatives of the formula (forward-mode dual numbers). Two\n"
	"parameters that must be equal are one name in the formula (or\n"
	"fit --tie P=Q).\n",
	define_args, CMD_STATE, cmd_model_define_exec
};
