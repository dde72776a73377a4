/* view.c: which renderer writes a record: JSON from the tree, text by kind. */
#include "config.h"

#include <string.h>

#include "views/table.h"
#include "views/text.h"
#include "views/view.h"

static const struct {
	const char *kind;
	view_text_fn text;
} view_texts[] = {
	{ "presets", text_presets },
	{ "preset show", text_preset_show },
	{ "demo", text_demo },
	{ "models", text_models },
	{ "model show", text_model_show },
	{ "model define", text_model_define },
	{ "frontier", text_frontier },
	{ "frontier approach1", text_approach },
	{ "frontier approach2", text_approach },
	{ "frontier henighan", text_henighan },
	{ "henighan infogain", text_infogain },
	{ "henighan imagenet", text_imagenet },
	{ "henighan math", text_hen_math },
	{ "crossover", text_crossover },
	{ "design", text_design },
	{ "simulate", text_simulate },
	{ "suggest", text_suggest },
	{ "fit", text_fit },
	{ "fit show", text_fit },
	{ "fit by", text_fit_by },
	{ "fits", text_fits },
	{ "predict", text_predict },
	{ "set", text_set },
	{ "compare", text_compare },
	{ "grid list", text_grid_list },
	{ "grid load", text_grid_load },
	{ "grid show", text_grid_show },
	{ "policy show", text_policy_show },
	{ "value show", text_value_show },
	{ "gmodel", text_gmodel },
	{ "gmodel value", text_gmodel_value },
	{ "gmodel compose", text_gmodel_compose },
	{ "gmodel mve", text_gmodel_mve },
	{ "rollout", text_rollout },
	{ "sf base", text_sf_base },
	{ "gpe", text_gpe },
	{ "gpi", text_gpi },
	{ "w learn", text_w_learn },
	{ "transfer", text_transfer },
	{ "save", text_save },
	{ "history", text_history },
	{ "plot", text_plot },
	{ "plot written", text_plot_written },
	{ "table written", text_table_written },
	{ "help", text_help },
	{ "load", text_load },
	{ "data list", text_data_list },
	{ "data show", text_data_show },
	{ "data describe", text_data_describe },
	{ "data drop", text_data_drop },
	{ "rename", text_rename },
	{ "derive", text_derive },
	{ "filter", text_filter },
	{ "dropna", text_dropna },
};

view_text_fn
view_text_of(const char *kind)
{
	for (size_t i = 0; i < sizeof view_texts / sizeof view_texts[0]; i++)
		if (strcmp(view_texts[i].kind, kind) == 0)
			return view_texts[i].text;
	return NULL;
}

/* One value, inside an object (after its key) or an array. */
static void
json_value(sx_out *o, const sx_rec *r)
{
	if (r->key != NULL)
		out_key(o, r->key);
	switch (r->type) {
	case REC_NULL:
		out_null(o);
		break;
	case REC_BOOL:
		out_bool(o, r->v.b);
		break;
	case REC_INT:
		out_int(o, r->v.i);
		break;
	case REC_NUM:
		out_num(o, r->v.n);
		break;
	case REC_STR:
		out_str(o, r->v.s);
		break;
	case REC_OBJ:
	case REC_ARR:
		if (r->type == REC_OBJ)
			out_obj(o);
		else
			out_arr(o);
		for (size_t i = 0; i < r->nkids; i++)
			json_value(o, r->kids[i]);
		out_end(o);
		break;
	}
}

void
view_json(sx_out *o, const sx_rec *r)
{
	out_obj_begin(o, r->kind != NULL ? r->kind : "");
	for (size_t i = 0; i < r->nkids; i++)
		json_value(o, r->kids[i]);
	out_obj_end(o);
}

/* A record of a kind without a text view: "kind:", then its members. */
static void
text_generic(sx_out *o, const sx_rec *r, int depth)
{
	for (size_t i = 0; i < r->nkids; i++) {
		const sx_rec *k = r->kids[i];
		char num[40];

		out_printf(o, "%*s", 2 * depth, "");
		if (k->key != NULL)
			out_printf(o, "%s ", k->key);
		switch (k->type) {
		case REC_NULL:
			out_puts(o, "-\n");
			break;
		case REC_BOOL:
			out_puts(o, k->v.b ? "yes\n" : "no\n");
			break;
		case REC_INT:
			out_printf(o, "%lld\n", k->v.i);
			break;
		case REC_NUM:
			out_fmt_double(num, sizeof num, k->v.n);
			out_printf(o, "%s\n", num);
			break;
		case REC_STR:
			out_printf(o, "%s\n", k->v.s);
			break;
		case REC_OBJ:
		case REC_ARR:
			out_puts(o, k->key != NULL ? "\n" : "-\n");
			text_generic(o, k, depth + 1);
			break;
		}
	}
}

/* Records that are pictures or prose, shown as text in a table format. */
static int
view_untabular(const sx_rec *r)
{
	const char *k = r->view != NULL ? r->view : r->kind;

	return k != NULL && (strcmp(k, "plot") == 0 ||
	    strcmp(k, "help") == 0 || strcmp(k, "table written") == 0);
}

void
view_emit(sx_out *o, const sx_rec *r)
{
	view_text_fn text;

	if (o->json) {
		view_json(o, r);
		return;
	}
	if (o->format >= OUT_CSV && !view_untabular(r)) {
		view_table(o, &r, 1);
		return;
	}
	text = r->view != NULL ? view_text_of(r->view) : r->kind != NULL ?
	    view_text_of(r->kind) : NULL;
	if (text != NULL) {
		text(o, r);
		return;
	}
	out_printf(o, "%s:\n", r->kind != NULL ? r->kind : "result");
	text_generic(o, r, 1);
}

void
view_put(sx_out *o, sx_rec *r)
{
	view_emit(o, r);
	rec_free(r);
}

void
view_table(sx_out *o, const sx_rec *const *recs, size_t n)
{
	sx_table *t = table_new();

	for (size_t i = 0; i < n; i++)
		table_of(t, recs[i]);
	table_write(o, t);
	table_free(t);
}

int
view_put_all(sx_out *o, sx_rec **recs, size_t n, size_t made)
{
	int one = made == n && n > 1 && o->format >= OUT_CSV && !o->json &&
	    !view_untabular(recs[0]);

	if (one)
		view_table(o, (const sx_rec *const *)recs, n);
	for (size_t i = 0; i < n; i++)
		if (made == n && !one)
			view_put(o, recs[i]);
		else
			rec_free(recs[i]);
	return made == n ? 0 : -1;
}
