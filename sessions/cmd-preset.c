/* cmd-preset.c: presets, preset show, demo. */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "core/demo.h"
#include "core/presets.h"
#include "core/xalloc.h"
#include "sessions/cmd.h"

static int
cmd_presets_exec(sx_ctx *ctx, const sx_args *a)
{
	sx_out *o = ctx->out;
	size_t n = preset_count(), w = 0;

	(void)a;
	if (o->json) {
		out_obj_begin(o, "presets");
		out_key_arr(o, "presets");
		for (size_t i = 0; i < n; i++) {
			out_obj(o);
			out_key_str(o, "name", preset_at(i)->name);
			out_key_str(o, "title", preset_at(i)->title);
			out_end(o);
		}
		out_obj_end(o);
		return 0;
	}
	for (size_t i = 0; i < n; i++)
		if (strlen(preset_at(i)->name) > w)
			w = strlen(preset_at(i)->name);
	for (size_t i = 0; i < n; i++)
		out_printf(o, "  %-*s  %s\n", (int)w, preset_at(i)->name,
		    preset_at(i)->title);
	return 0;
}

static int
cmd_preset_show_exec(sx_ctx *ctx, const sx_args *a)
{
	sx_out *o = ctx->out;
	const char *name = arg(a, ctx->cmd, "NAME");
	const sx_preset *p = preset_find(name);

	if (p == NULL)
		return cmd_fail(ctx, arg_index(a, ctx->cmd, "NAME"),
		    "no preset '%s' (see 'presets')", name);
	if (o->json) {
		out_obj_begin(o, "preset show");
		out_key_str(o, "name", p->name);
		out_key_str(o, "title", p->title);
		out_key_str(o, "citation", p->citation);
		out_key_arr(o, "laws");
		for (size_t i = 0; i < p->nlaws; i++) {
			const sx_preset_law *l = &p->laws[i];

			out_obj(o);
			out_key_str(o, "key", l->key);
			out_key_str(o, "model", l->model);
			out_key_str(o, "x", l->x);
			out_key_obj(o, "params");
			for (size_t k = 0; k < l->np; k++)
				out_key_num(o, l->pnames[k], l->pvals[k]);
			out_end(o);
			out_key_str(o, "note", l->note);
			out_end(o);
		}
		out_end(o);
		out_key_obj(o, "constants");
		for (size_t i = 0; i < p->nconsts; i++)
			out_key_num(o, p->consts[i].name, p->consts[i].value);
		out_obj_end(o);
		return 0;
	}
	out_printf(o, "%s: %s\n  %s\n", p->name, p->title, p->citation);
	for (size_t i = 0; i < p->nlaws; i++) {
		const sx_preset_law *l = &p->laws[i];

		out_printf(o, "  %-10s %s", l->key, l->model);
		if (l->x != NULL)
			out_printf(o, " of %s", l->x);
		out_puts(o, ":");
		for (size_t k = 0; k < l->np; k++)
			out_printf(o, " %s=%.6g", l->pnames[k], l->pvals[k]);
		if (l->note != NULL)
			out_printf(o, "\n             %s", l->note);
		out_puts(o, "\n");
	}
	for (size_t i = 0; i < p->nconsts; i++)
		out_printf(o, "  %-16s %-12.6g %s\n", p->consts[i].name,
		    p->consts[i].value, p->consts[i].note != NULL ?
		    p->consts[i].note : "");
	return 0;
}

static int
cmd_demo_exec(sx_ctx *ctx, const sx_args *a)
{
	const char *name = arg(a, ctx->cmd, "NAME");
	const char *as = arg(a, ctx->cmd, "as");
	const char *seed_s = arg(a, ctx->cmd, "--seed");
	unsigned long seed = seed_s != NULL ? strtoul(seed_s, NULL, 10) : 1;
	char *dsname;
	sx_dataset *ds;
	sx_err e;

	if (name == NULL) {
		sx_out *o = ctx->out;

		ctx->nolog = 1;
		if (o->json) {
			out_obj_begin(o, "demo");
			out_key_arr(o, "demos");
			for (size_t i = 0; i < demo_count(); i++)
				out_str(o, demo_at(i)->name);
			out_obj_end(o);
			return 0;
		}
		out_puts(o, "demos (demo NAME [as NAME] [--seed S]):\n");
		for (size_t i = 0; i < demo_count(); i++)
			out_printf(o, "  %-20s %s\n", demo_at(i)->name, demo_at(i)->about);
		return 0;
	}
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
	if (ctx->out->json) {
		out_obj_begin(ctx->out, "demo");
		out_key_str(ctx->out, "demo", name);
		out_key_str(ctx->out, "name", dsname);
		out_key_int(ctx->out, "seed", (long long)seed);
		out_key_int(ctx->out, "rows", (long long)ds->nrows);
		out_obj_end(ctx->out);
	} else
		out_printf(ctx->out, "%s: %zu rows of demo '%s' (seed %lu)\n", dsname,
		    ds->nrows, name, seed);
	ws_put_dataset(ctx->ws, ds);
	ws_set_current(&ctx->ws->cur_data, dsname);
	free(dsname);
	return 0;
}

static const sx_argdef no_args[] = {
	{ NULL, 0, 0, NULL, NULL }
};
static const sx_argdef show_args[] = {
	{ "NAME", ARG_PRESET, 0, NULL, NULL },
	{ NULL, 0, 0, NULL, NULL }
};
static const sx_argdef demo_args[] = {
	{ "NAME", ARG_DEMO, ARG_OPT, NULL, NULL },
	{ "as", ARG_NAME, ARG_KEY, NULL, "NAME" },
	{ "--seed", ARG_INT, 0, NULL, "S" },
	{ NULL, 0, 0, NULL, NULL }
};

const sx_cmd cmd_preset_table[] = {
	{ "presets", "presets",
	  "List the presets: the published constants of Kaplan et al. 2020,\n"
	  "Henighan et al. 2020, Hoffmann et al. 2022, Besiroglu et al. 2024 and\n"
	  "others, each with its citation.\n", no_args, 0, cmd_presets_exec },
	{ "preset", "preset show NAME", "Look at presets.\n", no_args, 0, NULL },
	{ "preset show", "preset show NAME",
	  "A preset's laws with their parameters, its other constants, and where\n"
	  "in the paper each comes from.\n", show_args, 0, cmd_preset_show_exec },
	{ "demo", "demo [NAME] [as NAME] [--seed S]",
	  "Generate a demo dataset from a preset with seeded noise (the same seed\n"
	  "gives the same numbers everywhere; default seed 1). Without NAME, list\n"
	  "the demos.\n", demo_args, CMD_STATE, cmd_demo_exec },
	{ NULL, NULL, NULL, NULL, 0, NULL }
};
