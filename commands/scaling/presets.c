/* presets.c: presets, preset, preset show: the published constants. */
#include "config.h"

#include "commands/scaling/preset.h"
#include "scaling/presets.h"
#include "sessions/tableout.h"
#include "views/view.h"

static int
cmd_presets_exec(sx_ctx *ctx, const sx_args *a)
{
	sx_rec *r = rec_new("presets"), *list = rec_arr(r, "presets");

	for (size_t i = 0; i < preset_count(); i++) {
		sx_rec *p = rec_obj(list, NULL);

		rec_str(p, "name", preset_at(i)->name);
		rec_str(p, "title", preset_at(i)->title);
	}
	return tableout_put(ctx, a, r);
}

static int
cmd_preset_show_exec(sx_ctx *ctx, const sx_args *a)
{
	const char *name = arg(a, ctx->cmd, "NAME");
	const sx_preset *p = preset_find(name);
	sx_rec *r, *laws, *consts, *notes;

	if (p == NULL)
		return cmd_fail(ctx, arg_index(a, ctx->cmd, "NAME"),
		    "no preset '%s' (see 'presets')", name);
	r = rec_new("preset show");
	rec_str(r, "name", p->name);
	rec_str(r, "title", p->title);
	rec_str(r, "citation", p->citation);
	laws = rec_arr(r, "laws");
	for (size_t i = 0; i < p->nlaws; i++) {
		const sx_preset_law *l = &p->laws[i];
		sx_rec *lr = rec_obj(laws, NULL), *pr;

		rec_str(lr, "key", l->key);
		rec_str(lr, "model", l->model);
		rec_str(lr, "x", l->x);
		pr = rec_obj(lr, "params");
		for (size_t k = 0; k < l->np; k++)
			rec_num(pr, l->pnames[k], l->pvals[k]);
		rec_str(lr, "note", l->note);
	}
	consts = rec_obj(r, "constants");
	notes = rec_obj(r, "constant_notes");
	for (size_t i = 0; i < p->nconsts; i++) {
		rec_num(consts, p->consts[i].name, p->consts[i].value);
		rec_str(notes, p->consts[i].name, p->consts[i].note);
	}
	view_put(ctx->out, r);
	return 0;
}

static const sx_argdef show_args[] = {
	{ "NAME", ARG_PRESET, 0, NULL, NULL, NULL, NULL },
	{ NULL, 0, 0, NULL, NULL, NULL, NULL }
};
static const sx_argdef presets_args[] = {
	TABLEOUT_ARGS,
	{ NULL, 0, 0, NULL, NULL, NULL, NULL }
};

const sx_cmd cmd_presets_entry = {
	"presets", NULL,
	"List the presets: the published constants of Kaplan et al. 2020,\n"
	"Henighan et al. 2020, Hoffmann et al. 2022, Besiroglu et al. 2024 and\n"
	"others, each with its citation.\n", presets_args, 0, cmd_presets_exec
};

const sx_cmd cmd_preset_entry = {
	"preset", "preset show NAME", "Look at presets.\n", cmd_no_args, 0, NULL
};

const sx_cmd cmd_preset_show_entry = {
	"preset show", NULL,
	"A preset's laws with their parameters, its other constants, and where\n"
	"in the paper each comes from.\n", show_args, 0, cmd_preset_show_exec
};
