/* workspace.c: the workspace's tables of datasets, models and fits. */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "base/xalloc.h"
#include "scaling/groups.h"
#include "sessions/logref.h"
#include "sessions/workspace.h"

void
ws_init(sx_workspace *ws)
{
	memset(ws, 0, sizeof *ws);
}

void
fitrec_free(sx_fitrec *f)
{
	if (f == NULL)
		return;
	free(f->name);
	free(f->model);
	free(f->data);
	for (size_t i = 0; i < f->nx; i++)
		free(f->xcols[i]);
	free(f->xcols);
	free(f->ycol);
	free(f->wcol);
	for (size_t i = 0; i < f->nmiss; i++)
		free(f->miss_cols[i]);
	free(f->miss_cols);
	free(f->miss_rows);
	free(f->by);
	free(f->group);
	free(f->base);
	fit_result_free(&f->res);
	free(f);
}

void
ws_free(sx_workspace *ws)
{
	for (size_t i = 0; i < ws->nds; i++)
		dataset_free(ws->ds[i]);
	free(ws->ds);
	for (size_t i = 0; i < ws->nmodels; i++)
		model_free(ws->models[i]);
	free(ws->models);
	for (size_t i = 0; i < ws->nfits; i++)
		fitrec_free(ws->fits[i]);
	free(ws->fits);
	for (size_t i = 0; i < ws->nlog; i++) {
		free(ws->log[i]);
		logref_free(ws->logref[i]);
	}
	free(ws->log);
	free(ws->logref);
	free(ws->cur_data);
	free(ws->cur_fit);
	if (ws->base != NULL)
		sf_base_free(ws->base);
	if (ws->grid != NULL)
		grid_free(ws->grid);
	free(ws->own);
	memset(ws, 0, sizeof *ws);
}

sx_dataset *
ws_dataset(const sx_workspace *ws, const char *name)
{
	for (size_t i = 0; i < ws->nds; i++)
		if (strcmp(ws->ds[i]->name, name) == 0)
			return ws->ds[i];
	return NULL;
}

void
ws_put_dataset(sx_workspace *ws, sx_dataset *ds)
{
	for (size_t i = 0; i < ws->nds; i++) {
		if (strcmp(ws->ds[i]->name, ds->name) == 0) {
			dataset_free(ws->ds[i]);
			ws->ds[i] = ds;
			return;
		}
	}
	ws->ds = xreallocarray(ws->ds, ws->nds + 1, sizeof *ws->ds);
	ws->ds[ws->nds++] = ds;
}

int
ws_drop_dataset(sx_workspace *ws, const char *name)
{
	for (size_t i = 0; i < ws->nds; i++) {
		if (strcmp(ws->ds[i]->name, name) == 0) {
			dataset_free(ws->ds[i]);
			memmove(&ws->ds[i], &ws->ds[i + 1],
			    (ws->nds - i - 1) * sizeof *ws->ds);
			ws->nds--;
			return 0;
		}
	}
	return -1;
}

const sx_model *
ws_model(const sx_workspace *ws, const char *name)
{
	for (size_t i = 0; i < ws->nmodels; i++)
		if (strcmp(ws->models[i]->name, name) == 0)
			return ws->models[i];
	return model_builtin(name);
}

void
ws_put_model(sx_workspace *ws, sx_model *m)
{
	for (size_t i = 0; i < ws->nmodels; i++) {
		if (strcmp(ws->models[i]->name, m->name) == 0) {
			model_free(ws->models[i]);
			ws->models[i] = m;
			return;
		}
	}
	ws->models = xreallocarray(ws->models, ws->nmodels + 1,
	    sizeof *ws->models);
	ws->models[ws->nmodels++] = m;
}

sx_fitrec *
ws_fit(const sx_workspace *ws, const char *name)
{
	for (size_t i = 0; i < ws->nfits; i++)
		if (strcmp(ws->fits[i]->name, name) == 0)
			return ws->fits[i];
	return NULL;
}

size_t
ws_group_fits(const sx_workspace *ws, const char *base, sx_fitrec **out,
    size_t max)
{
	size_t n = 0;

	for (size_t i = 0; i < ws->nfits; i++)
		if (ws->fits[i]->base != NULL && strcmp(ws->fits[i]->base, base) == 0) {
			if (n < max)
				out[n] = ws->fits[i];
			n++;
		}
	return n;
}

char *
fit_group_name(const char *base, const char *group)
{
	return xasprintf("%s[%s]", base, group);
}

const sx_dataset *
ws_fit_data(const sx_workspace *ws, const sx_fitrec *f, sx_dataset **owned,
    sx_err *e)
{
	const sx_dataset *ds = ws_dataset(ws, f->data);
	unsigned char *keep;
	sx_groups g;
	size_t k;
	int c;

	*owned = NULL;
	if (ds == NULL) {
		err_set(e, "fit '%s': its data '%s' is gone", f->name, f->data);
		return NULL;
	}
	if (f->by == NULL)
		return ds;
	c = dataset_column_exact(ds, f->by);
	if (c < 0 || groups_of_column(ds, (size_t)c, &g, e) != 0) {
		if (c < 0)
			err_set(e, "fit '%s': its group column '%s' is gone from '%s'",
			    f->name, f->by, f->data);
		return NULL;
	}
	k = groups_find(&g, f->group);
	keep = xcalloc(ds->nrows + 1, 1);
	if (k != GROUP_NONE)
		groups_mask(&g, k, keep);
	*owned = dataset_select_rows(ds, keep, ds->name);
	free(keep);
	groups_free(&g);
	return *owned;
}

void
ws_put_fit(sx_workspace *ws, sx_fitrec *f)
{
	for (size_t i = 0; i < ws->nfits; i++) {
		if (strcmp(ws->fits[i]->name, f->name) == 0) {
			fitrec_free(ws->fits[i]);
			ws->fits[i] = f;
			return;
		}
	}
	ws->fits = xreallocarray(ws->fits, ws->nfits + 1, sizeof *ws->fits);
	ws->fits[ws->nfits++] = f;
}

void
ws_log_append(sx_workspace *ws, const char *cmdtext)
{
	ws_log_append_ref(ws, cmdtext, NULL);
}

void
ws_log_append_ref(sx_workspace *ws, const char *cmdtext, sx_logref *ref)
{
	ws->log = xreallocarray(ws->log, ws->nlog + 1, sizeof *ws->log);
	ws->logref = xreallocarray(ws->logref, ws->nlog + 1,
	    sizeof *ws->logref);
	ws->logref[ws->nlog] = ref;
	ws->log[ws->nlog++] = xstrdup(cmdtext);
}

void
ws_set_current(char **slot, const char *name)
{
	free(*slot);
	*slot = name != NULL ? xstrdup(name) : NULL;
}
