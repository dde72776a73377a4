/* cmd-model.c: models, model show, model define. */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "core/xalloc.h"
#include "sessions/cmd.h"

static void
model_json(sx_out *o, const sx_model *m, int builtin)
{
	out_key_str(o, "name", m->name);
	out_key_str(o, "formula", m->formula);
	out_key_bool(o, "builtin", builtin);
	out_key_arr(o, "inputs");
	for (size_t i = 0; i < m->nin; i++)
		out_str(o, m->inputs[i]);
	out_end(o);
	out_key_arr(o, "params");
	for (size_t i = 0; i < m->np; i++)
		out_str(o, m->params[i]);
	out_end(o);
}

static void
model_line(sx_out *o, const sx_model *m)
{
	out_printf(o, "  %-11s L(", m->name);
	for (size_t i = 0; i < m->nin; i++)
		out_printf(o, "%s%s", i > 0 ? "," : "", m->inputs[i]);
	out_printf(o, ") = %s\n", m->formula);
}

static int
cmd_models_exec(sx_ctx *ctx, const sx_args *a)
{
	sx_out *o = ctx->out;
	size_t nb = model_builtin_count();

	(void)a;
	if (o->json) {
		out_obj_begin(o, "models");
		out_key_arr(o, "models");
		for (size_t i = 0; i < nb; i++) {
			out_obj(o);
			model_json(o, model_builtin_at(i), 1);
			out_end(o);
		}
		for (size_t i = 0; i < ctx->ws->nmodels; i++) {
			out_obj(o);
			model_json(o, ctx->ws->models[i], 0);
			out_end(o);
		}
		out_obj_end(o);
		return 0;
	}
	out_puts(o, "built-in laws:\n");
	for (size_t i = 0; i < nb; i++)
		model_line(o, model_builtin_at(i));
	if (ctx->ws->nmodels > 0) {
		out_puts(o, "defined here:\n");
		for (size_t i = 0; i < ctx->ws->nmodels; i++)
			model_line(o, ctx->ws->models[i]);
	}
	return 0;
}

static int
cmd_model_show_exec(sx_ctx *ctx, const sx_args *a)
{
	sx_out *o = ctx->out;
	const char *name = arg(a, ctx->cmd, "NAME");
	const sx_model *m = ws_model(ctx->ws, name);

	if (m == NULL)
		return cmd_fail(ctx, arg_index(a, ctx->cmd, "NAME"),
		    "no model '%s' (see 'models')", name);
	if (o->json) {
		out_obj_begin(o, "model show");
		model_json(o, m, model_builtin(name) == m);
		out_key_str(o, "about", m->about);
		out_obj_end(o);
		return 0;
	}
	out_printf(o, "%s: L = %s\n", m->name, m->formula);
	if (m->about != NULL)
		out_printf(o, "  %s\n", m->about);
	out_puts(o, "  inputs:");
	for (size_t i = 0; i < m->nin; i++)
		out_printf(o, " %s", m->inputs[i]);
	out_puts(o, "\n  parameters:");
	for (size_t i = 0; i < m->np; i++)
		out_printf(o, " %s%s", m->params[i],
		    m->positive != NULL && m->positive[i] ? " (>0)" : "");
	out_puts(o, "\n");
	return 0;
}

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
	if (ctx->out->json) {
		out_obj_begin(ctx->out, "model define");
		model_json(ctx->out, m, 0);
		out_obj_end(ctx->out);
	} else {
		out_printf(ctx->out, "model %s: L(", m->name);
		for (size_t i = 0; i < m->nin; i++)
			out_printf(ctx->out, "%s%s", i > 0 ? "," : "", m->inputs[i]);
		out_puts(ctx->out, "), parameters");
		for (size_t i = 0; i < m->np; i++)
			out_printf(ctx->out, " %s", m->params[i]);
		out_puts(ctx->out, "\n");
	}
	ws_put_model(ctx->ws, m);
	return 0;
}

static const sx_argdef no_args[] = {
	{ NULL, 0, 0, NULL, NULL }
};
static const sx_argdef show_args[] = {
	{ "NAME", ARG_MODEL, 0, NULL, NULL },
	{ NULL, 0, 0, NULL, NULL }
};
static const sx_argdef define_args[] = {
	{ "NAME", ARG_NAME, 0, NULL, NULL },
	{ "EXPR", ARG_EXPR, ARG_REST, NULL, NULL },
	{ NULL, 0, 0, NULL, NULL }
};

const sx_cmd cmd_model_table[] = {
	{ "models", "models", "List the built-in laws and the ones defined here.\n",
	  no_args, 0, cmd_models_exec },
	{ "model", "model show|define ...", "Look at or define laws.\n",
	  no_args, 0, NULL },
	{ "model show", "model show NAME",
	  "A law's formula, inputs, parameters and citation.\n",
	  show_args, 0, cmd_model_show_exec },
	{ "model define", "model define NAME 'EXPR'",
	  "Define a law from a formula, e.g.\n"
	  "  model define mine 'E + A*N^-a + B*D^-b'\n"
	  "Names that are canonical columns (N D C L S t x) or columns of a\n"
	  "loaded dataset are inputs; every other name is a parameter. Fits use\n"
	  "exact derivatives of the formula (forward-mode dual numbers).\n",
	  define_args, CMD_STATE, cmd_model_define_exec },
	{ NULL, NULL, NULL, NULL, 0, NULL }
};
