/* table-views.c: the table of each kind of record whose natural table is
 * not one array of objects (a fit's parameters, a group fit's groups, a
 * gpi's policies, a prediction's point). */
#include "config.h"

#include <math.h>
#include <string.h>

#include "views/table.h"

/* One row a parameter: its name, value with its standard error, the rest
 * of its members (fixed). */
static void
tv_fit(sx_table *t, const sx_rec *r)
{
	const sx_rec *params = rec_get(r, "params");

	for (size_t i = 0; i < rec_len(params); i++) {
		const sx_rec *p = rec_at(params, i);

		table_row(t);
		if (rec_get_str(r, "group") != NULL)
			table_str(t, "group", rec_get_str(r, "group"));
		table_str(t, "param", p->key);
		table_num(t, "value", rec_get_num(p, "value"),
		    rec_get_num(p, "se"));
		for (size_t k = 0; k < rec_len(p); k++) {
			const sx_rec *m = rec_at(p, k);

			if (strcmp(m->key, "value") != 0 &&
			    strcmp(m->key, "se") != 0 && m->type == REC_BOOL)
				table_bool(t, m->key, m->v.b);
		}
	}
}

/* One row a group: its rows, each parameter with its error, the scores. */
static void
tv_fit_by(sx_table *t, const sx_rec *r)
{
	const sx_rec *groups = rec_get(r, "groups");

	for (size_t i = 0; i < rec_len(groups); i++) {
		const sx_rec *g = rec_at(groups, i);
		const sx_rec *params = rec_get(g, "params");

		table_row(t);
		table_str(t, "group", rec_get_str(g, "group"));
		table_int(t, "n", rec_get_int(g, "n"));
		for (size_t k = 0; k < rec_len(params); k++) {
			const sx_rec *p = rec_at(params, k);

			table_num(t, p->key, rec_get_num(p, "value"),
			    rec_get_num(p, "se"));
		}
		table_num(t, "rmse", rec_get_num(g, "rmse"), NAN);
		table_num(t, "r2", rec_get_num(g, "r2"), NAN);
		table_bool(t, "converged", rec_get_bool(g, "converged"));
	}
}

/* A weight vector as "1 0 0". */
static void
tv_words(sx_table *t, const char *col, const sx_rec *a)
{
	char buf[256];
	size_t n = 0;

	buf[0] = '\0';
	for (size_t i = 0; i < rec_len(a) && n + 42 < sizeof buf; i++) {
		char num[40];

		out_fmt_double(num, sizeof num, rec_num_of(rec_at(a, i)));
		n += (size_t)snprintf(buf + n, sizeof buf - n, "%s%s",
		    i > 0 ? " " : "", num);
	}
	table_str(t, col, buf);
}

/* One row a policy: GPI, the optimum (when there is one), each base. */
static void
tv_gpi(sx_table *t, const sx_rec *r)
{
	const sx_rec *values = rec_get(r, "values");
	const sx_rec *base = rec_get(values, "base");
	const sx_rec *base_w = rec_get(r, "base_w");

	table_row(t);
	table_str(t, "policy", "gpi");
	tv_words(t, "w", rec_get(r, "w"));
	table_num(t, "value", rec_get_num(values, "gpi"), NAN);
	if (rec_get(values, "optimal") != NULL &&
	    rec_get(values, "optimal")->type != REC_NULL) {
		table_row(t);
		table_str(t, "policy", "optimal");
		tv_words(t, "w", rec_get(r, "w"));
		table_num(t, "value", rec_get_num(values, "optimal"), NAN);
	}
	for (size_t i = 0; i < rec_len(base); i++) {
		char name[32];

		snprintf(name, sizeof name, "base %zu", i + 1);
		table_row(t);
		table_str(t, "policy", name);
		tv_words(t, "w", rec_at(base_w, i));
		table_num(t, "value", rec_num_of(rec_at(base, i)), NAN);
	}
}

/* One row a point: where, the prediction and its interval. */
static void
tv_predict(sx_table *t, const sx_rec *r)
{
	const char *y = rec_get_str(r, "y");
	const sx_rec *iv = rec_get(r, "interval");

	table_row(t);
	table_str(t, "fit", rec_get_str(r, "fit"));
	if (rec_get_str(r, "group") != NULL)
		table_str(t, "group", rec_get_str(r, "group"));
	table_flatten(t, rec_get(r, "at"), NULL);
	if (y != NULL)
		table_num(t, y, rec_get_num(r, y), NAN);
	if (iv != NULL && iv->type == REC_OBJ) {
		table_num(t, "lo", rec_get_num(iv, "lo"), NAN);
		table_num(t, "hi", rec_get_num(iv, "hi"), NAN);
		table_num(t, "level", rec_get_num(iv, "level"), NAN);
		table_str(t, "interval", rec_get_str(iv, "kind"));
	}
}

static const struct {
	const char *kind;
	table_view_fn fn;
} table_views[] = {
	{ "fit", tv_fit },
	{ "fit show", tv_fit },
	{ "fit by", tv_fit_by },
	{ "gpi", tv_gpi },
	{ "predict", tv_predict },
};

table_view_fn
table_view_of(const char *kind)
{
	for (size_t i = 0; i < sizeof table_views / sizeof table_views[0];
	    i++)
		if (strcmp(table_views[i].kind, kind) == 0)
			return table_views[i].fn;
	return NULL;
}
