/* models.c: models, model, model show: the laws there are, and one law. */
#include "config.h"

#include "commands/scaling/model.h"
#include "views/view.h"

static int
cmd_models_exec(sx_ctx *ctx, const sx_args *a)
{
	sx_rec *r = rec_new("models"), *list = rec_arr(r, "models");

	(void)a;
	for (size_t i = 0; i < model_builtin_count(); i++)
		model_rec(rec_obj(list, NULL), model_builtin_at(i), 1);
	for (size_t i = 0; i < ctx->ws->nmodels; i++)
		model_rec(rec_obj(list, NULL), ctx->ws->models[i], 0);
	view_put(ctx->out, r);
	return 0;
}

static int
cmd_model_show_exec(sx_ctx *ctx, const sx_args *a)
{
	const char *name = arg(a, ctx->cmd, "NAME");
	const sx_model *m = ws_model(ctx->ws, name);
	sx_rec *r;

	if (m == NULL)
		return cmd_fail(ctx, arg_index(a, ctx->cmd, "NAME"),
		    "no model '%s' (see 'models')", name);
	r = rec_new("model show");
	model_rec(r, m, model_builtin(name) == m);
	rec_str(r, "about", m->about);
	view_put(ctx->out, r);
	return 0;
}

static const sx_argdef show_args[] = {
	{ "NAME", ARG_MODEL, 0, NULL, NULL, NULL, NULL },
	{ NULL, 0, 0, NULL, NULL, NULL, NULL }
};
const sx_cmd cmd_models_entry = {
	"models", NULL, "List the built-in laws and the ones defined here.\n",
	cmd_no_args, 0, cmd_models_exec
};

const sx_cmd cmd_model_entry = {
	"model", "model show|define ...", "Look at or define laws.\n",
	cmd_no_args, 0, NULL
};

const sx_cmd cmd_model_show_entry = {
	"model show", NULL,
	"A law's formula, inputs, parameters and citation.\n",
	show_args, 0, cmd_model_show_exec
};
