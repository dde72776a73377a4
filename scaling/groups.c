/* groups.c: a dataset's rows split by the values of one column. */
#include "config.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/xalloc.h"
#include "scaling/groups.h"

/* Row i's value of column c as a group name (malloc'ed), or NULL when it
 * has none; -1 in *bad for a number that is not whole. */
static char *
group_name(const sx_column *c, size_t i, int *bad)
{
	double v;

	if (c->text != NULL)
		return c->text[i] != NULL && c->text[i][0] != '\0' ?
		    xstrdup(c->text[i]) : NULL;
	v = c->v[i];
	if (isnan(v))
		return NULL;
	if (!isfinite(v) || v != floor(v) || fabs(v) >= 1e15) {
		*bad = -1;
		return NULL;
	}
	return xasprintf("%.0f", v);
}

size_t
groups_find(const sx_groups *g, const char *name)
{
	for (size_t k = 0; k < g->n; k++)
		if (strcmp(g->names[k], name) == 0)
			return k;
	return GROUP_NONE;
}

int
groups_of_column(const sx_dataset *ds, size_t col, sx_groups *g, sx_err *e)
{
	const sx_column *c = &ds->cols[col];
	size_t cap = 0;

	memset(g, 0, sizeof *g);
	g->nrows = ds->nrows;
	g->of_row = xmalloc((ds->nrows + 1) * sizeof *g->of_row);
	for (size_t i = 0; i < ds->nrows; i++) {
		int bad = 0;
		char *name = group_name(c, i, &bad);
		size_t k;

		if (bad) {
			err_set(e, "column '%s' holds %g at row %zu: groups are the "
			    "values of a text or whole-number column", c->name,
			    c->v[i], i + 1);
			groups_free(g);
			return -1;
		}
		g->of_row[i] = GROUP_NONE;
		if (name == NULL)
			continue;
		/* Linear search: a sweep has a handful of groups. */
		k = groups_find(g, name);
		if (k == GROUP_NONE) {
			if (g->n == cap) {
				cap = cap ? 2 * cap : 8;
				g->names = xreallocarray(g->names, cap, sizeof *g->names);
				g->rows = xreallocarray(g->rows, cap, sizeof *g->rows);
			}
			k = g->n++;
			g->names[k] = name;
			g->rows[k] = 0;
		} else
			free(name);
		g->of_row[i] = k;
		g->rows[k]++;
	}
	return 0;
}

void
groups_mask(const sx_groups *g, size_t k, unsigned char *keep)
{
	for (size_t i = 0; i < g->nrows; i++)
		keep[i] = g->of_row[i] == k;
}

void
groups_free(sx_groups *g)
{
	for (size_t k = 0; k < g->n; k++)
		free(g->names[k]);
	free(g->names);
	free(g->rows);
	free(g->of_row);
	memset(g, 0, sizeof *g);
}
