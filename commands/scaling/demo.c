/* demo.c: demo: a dataset generated from a preset with seeded noise. */
#include "config.h"

#include <stdlib.h>

#include "base/xalloc.h"
#include "commands/scaling/preset.h"
#include "scaling/demo.h"
#include "views/view.h"

/* demo without NAME: the demos and what each is. */
static int
demo_list(sx_ctx *ctx)
{
	sx_rec *r = rec_new("demo"), *names = rec_arr(r, "demos");
	sx_rec *about = rec_obj(r, "about");

	ctx->nolog = 1;
	for (size_t i = 0; i < demo_count(); i++) {
		rec_str(names, NULL, demo_at(i)->name);
		rec_str(about, demo_at(i)->name, demo_at(i)->about);
	}
	view_put(ctx->out, r);
	return 0;
}

static int
cmd_demo_exec(sx_ctx *ctx, const sx_args *a)
{
	const char *name = arg(a, ctx->cmd, "NAME");
	const char *as = arg(a, ctx->cmd, "as");
	unsigned long seed = arg_int(a, ctx->cmd, "--seed");
	char *dsname;
	sx_dataset *ds;
	sx_rec *r;
	sx_err e;

	if (name == NULL)
		return demo_list(ctx);
	dsname = xstrdup(as != NULL ? as : name);
	for (char *p = dsname; *p != '\0'; p++)
		if (*p == '-')
			*p = '_';
	err_clear(&e);
	ds = demo_generate(name, dsname, seed, &e);
	if (ds == NULL) {
		free(dsname);
		return cmd_fail(ctx, arg_index(a, ctx->cmd, "NAME"), "%s (see 'demo')",
		    e.msg);
	}
	/* Log the resolved form: the seed and name used. */
	ctx->logtext = xasprintf("demo %s as %s --seed %lu", name, dsname, seed);
	r = rec_new("demo");
	rec_str(r, "demo", name);
	rec_str(r, "name", dsname);
	rec_int(r, "seed", (long long)seed);
	rec_int(r, "rows", (long long)ds->nrows);
	view_put(ctx->out, r);
	ws_put_dataset(ctx->ws, ds);
	ws_set_current(&ctx->ws->cur_data, dsname);
	free(dsname);
	return 0;
}

static const sx_argdef demo_args[] = {
	{ "NAME", ARG_DEMO, ARG_OPT, NULL, NULL, NULL, NULL },
	{ "as", ARG_NAME, ARG_KEY, NULL, "NAME",
	  "the dataset's name (default: the demo's)", NULL },
	{ "--seed", ARG_INT, 0, NULL, "S",
	  "the noise's seed: the same seed gives the same numbers everywhere",
	  "1" },
	{ NULL, 0, 0, NULL, NULL, NULL, NULL }
};
const sx_cmd cmd_demo_entry = {
	"demo", NULL,
	"Generate a demo dataset from a preset with seeded noise. Without\n"
	"NAME, list the demos.\n", demo_args, CMD_STATE, cmd_demo_exec
};
