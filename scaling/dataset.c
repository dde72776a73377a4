/* dataset.c: named columns of doubles (or text), each with an optional unit. */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "base/err.h"
#include "base/fmt.h"
#include "base/xalloc.h"
#include "scaling/columns.h"
#include "scaling/dataset.h"

/*
 * A new dataset with `nrows` rows and no columns. A NULL name is stored as
 * "". Never returns NULL (allocation failure aborts).
 */
sx_dataset *
dataset_new(const char *name, size_t nrows)
{
	sx_dataset *ds = xcalloc(1, sizeof *ds);

	ds->name = xstrdup(name != NULL ? name : "");
	ds->nrows = nrows;
	return ds;
}

static void
dataset_column_free(sx_column *c, size_t nrows)
{
	size_t r;

	free(c->name);
	free(c->unit);
	free(c->v);
	if (c->text != NULL) {
		for (r = 0; r < nrows; r++)
			free(c->text[r]);
		free(c->text);
	}
}

/* Free a dataset and everything it owns. NULL is allowed. */
void
dataset_free(sx_dataset *ds)
{
	size_t i;

	if (ds == NULL)
		return;
	for (i = 0; i < ds->ncols; i++)
		dataset_column_free(&ds->cols[i], ds->nrows);
	free(ds->cols);
	free(ds->name);
	free(ds->source);
	free(ds->notes);
	free(ds);
}

/*
 * Copy column `src` into `dst`, keeping the rows where keep[r] != 0 (all
 * rows when keep is NULL); `nkept` is the number of rows kept.
 */
static void
dataset_column_copy(sx_column *dst, const sx_column *src, size_t nrows,
    const unsigned char *keep, size_t nkept)
{
	size_t r, k = 0;

	dst->name = xstrdup(src->name);
	dst->unit = src->unit != NULL ? xstrdup(src->unit) : NULL;
	dst->v = NULL;
	dst->text = NULL;
	if (src->v != NULL) {
		dst->v = xreallocarray(NULL, nkept, sizeof *dst->v);
		if (keep == NULL && nrows > 0)
			memcpy(dst->v, src->v, nrows * sizeof *dst->v);
		else {
			for (r = 0; r < nrows; r++) {
				if (keep[r])
					dst->v[k++] = src->v[r];
			}
		}
	} else {
		dst->text = xreallocarray(NULL, nkept, sizeof *dst->text);
		for (r = 0; r < nrows; r++) {
			if (keep == NULL || keep[r])
				dst->text[k++] = xstrdup(src->text != NULL &&
				    src->text[r] != NULL ? src->text[r] : "");
		}
	}
}

/* A copy of `ds` holding the kept rows, named `name` (NULL: ds's name). */
static sx_dataset *
dataset_copy_rows(const sx_dataset *ds, const unsigned char *keep,
    const char *name)
{
	sx_dataset *out;
	size_t r, i, nkept = ds->nrows;

	if (keep != NULL) {
		nkept = 0;
		for (r = 0; r < ds->nrows; r++)
			nkept += keep[r] != 0;
	}
	out = dataset_new(name != NULL ? name : ds->name, nkept);
	out->source = ds->source != NULL ? xstrdup(ds->source) : NULL;
	if (ds->ncols > 0) {
		out->cols = xcalloc(ds->ncols, sizeof *out->cols);
		for (i = 0; i < ds->ncols; i++)
			dataset_column_copy(&out->cols[i], &ds->cols[i], ds->nrows,
			    keep, nkept);
		out->ncols = ds->ncols;
	}
	return out;
}

/*
 * A deep copy of `ds` (columns, units, text, source) named `name`, or under
 * ds's own name when `name` is NULL. Never returns NULL.
 */
sx_dataset *
dataset_copy(const sx_dataset *ds, const char *name)
{
	return dataset_copy_rows(ds, NULL, name);
}

/*
 * A new dataset holding the rows r where keep[r] != 0, in order, named
 * `name` (NULL: ds's name). `keep` has ds->nrows entries; NULL keeps every
 * row. Never returns NULL.
 */
sx_dataset *
dataset_select_rows(const sx_dataset *ds, const unsigned char *keep,
    const char *name)
{
	return dataset_copy_rows(ds, keep, name);
}

/* Check that `name` can be added as a new column. Returns 0 or -1. */
static int
dataset_check_new_name(const sx_dataset *ds, const char *name, sx_err *err)
{
	if (name == NULL || name[0] == '\0')
		return err_set(err, "empty column name");
	if (dataset_column_exact(ds, name) >= 0)
		return err_set(err, "column '%s' exists already", name);
	return 0;
}

static sx_column *
dataset_append(sx_dataset *ds)
{
	sx_column *c;

	ds->cols = xreallocarray(ds->cols, ds->ncols + 1, sizeof *ds->cols);
	c = &ds->cols[ds->ncols++];
	memset(c, 0, sizeof *c);
	return c;
}

/*
 * Add a numeric column named `name` with unit `unit` (NULL for none). The
 * nrows `values` are copied; NULL values gives a column of zeros. Returns 0,
 * or -1 when the name is empty or a column of that name exists already.
 */
int
dataset_add_column(sx_dataset *ds, const char *name, const char *unit,
    const double *values, sx_err *err)
{
	sx_column *c;

	if (dataset_check_new_name(ds, name, err) != 0)
		return -1;
	c = dataset_append(ds);
	c->name = xstrdup(name);
	c->unit = unit != NULL ? xstrdup(unit) : NULL;
	c->v = xcalloc(ds->nrows, sizeof *c->v);
	if (values != NULL && ds->nrows > 0)
		memcpy(c->v, values, ds->nrows * sizeof *c->v);
	return 0;
}

/*
 * Add a text column; the nrows strings are copied (a NULL array or NULL
 * entry gives ""). Returns 0, or -1 as dataset_add_column.
 */
int
dataset_add_text_column(sx_dataset *ds, const char *name,
    char *const *values, sx_err *err)
{
	sx_column *c;
	size_t r;

	if (dataset_check_new_name(ds, name, err) != 0)
		return -1;
	c = dataset_append(ds);
	c->name = xstrdup(name);
	c->text = xreallocarray(NULL, ds->nrows, sizeof *c->text);
	for (r = 0; r < ds->nrows; r++)
		c->text[r] = xstrdup(values != NULL && values[r] != NULL ?
		    values[r] : "");
	return 0;
}

/* Remove column i; the others keep their order. Out of range: no effect. */
void
dataset_remove_column(sx_dataset *ds, size_t i)
{
	if (i >= ds->ncols)
		return;
	dataset_column_free(&ds->cols[i], ds->nrows);
	memmove(&ds->cols[i], &ds->cols[i + 1],
	    (ds->ncols - i - 1) * sizeof *ds->cols);
	ds->ncols--;
}

/*
 * Rename column `from` (exact name) to `to`. Renaming a column to its own
 * name is a no-op. Returns 0, or -1 when `from` is missing, `to` is empty
 * or another column is named `to`.
 */
int
dataset_rename_column(sx_dataset *ds, const char *from, const char *to,
    sx_err *err)
{
	int i = dataset_column_exact(ds, from);

	if (i < 0)
		return err_set(err, "no column '%s'", from != NULL ? from : "");
	if (to == NULL || to[0] == '\0')
		return err_set(err, "empty column name");
	if (strcmp(from, to) == 0)
		return 0;
	if (dataset_column_exact(ds, to) >= 0)
		return err_set(err, "column '%s' exists already", to);
	free(ds->cols[i].name);
	ds->cols[i].name = xstrdup(to);
	return 0;
}

/* Index of the column named exactly `name` (case-sensitive), or -1. */
int
dataset_column_exact(const sx_dataset *ds, const char *name)
{
	size_t i;

	if (name == NULL)
		return -1;
	for (i = 0; i < ds->ncols; i++) {
		if (strcmp(ds->cols[i].name, name) == 0)
			return (int)i;
	}
	return -1;
}

/*
 * Index of the column for `name`: an exact match first; otherwise, when
 * `name` is a canonical column or any alias of one ("N", "params", ...),
 * the first numeric column whose name is an alias of the same canonical
 * column, else the first such text column (so that the caller can say the
 * column is text rather than missing). -1 when none.
 */
int
dataset_column(const sx_dataset *ds, const char *name)
{
	const char *canon;
	int i, text = -1;

	i = dataset_column_exact(ds, name);
	if (i >= 0)
		return i;
	canon = column_canonical(name);
	if (canon == NULL)
		return -1;
	for (i = 0; (size_t)i < ds->ncols; i++) {
		const char *c = column_canonical(ds->cols[i].name);

		if (c == NULL || strcmp(c, canon) != 0)
			continue;
		if (ds->cols[i].v != NULL)
			return i;
		if (text < 0)
			text = i;
	}
	return text;
}

int
dataset_numeric_column(const sx_dataset *ds, const char *name, sx_err *e)
{
	int c = dataset_column(ds, name);
	char list[400];

	if (c < 0) {
		list[0] = '\0';
		for (size_t i = 0; i < ds->ncols; i++)
			if (fmt_append(list, sizeof list, "%s%s", i > 0 ? ", " : "",
			    ds->cols[i].name) != 0)
				break;
		return err_set(e, "no column '%s' in '%s' (columns: %s)", name,
		    ds->name, list);
	}
	if (ds->cols[c].v == NULL)
		return err_set(e, "column '%s' of '%s' is text, not numbers",
		    ds->cols[c].name, ds->name);
	return c;
}

/*
 * Whether row r of column c is missing: NaN in a numeric column, the
 * empty string in a text one (see csv.h for the spellings read as such).
 */
int
dataset_missing(const sx_column *c, size_t r)
{
	if (c->v != NULL)
		return c->v[r] != c->v[r];
	return c->text == NULL || c->text[r] == NULL || c->text[r][0] == '\0';
}

size_t
dataset_count_missing(const sx_dataset *ds, size_t c)
{
	size_t n = 0;

	for (size_t r = 0; r < ds->nrows; r++)
		n += dataset_missing(&ds->cols[c], r) != 0;
	return n;
}

size_t
dataset_complete_rows(const sx_dataset *ds, const int *cols, size_t ncols,
    unsigned char *keep, size_t *missing)
{
	size_t nkept = 0;

	for (size_t k = 0; k < ncols && missing != NULL; k++)
		missing[k] = 0;
	for (size_t r = 0; r < ds->nrows; r++) {
		keep[r] = 1;
		for (size_t k = 0; k < ncols; k++) {
			if (!dataset_missing(&ds->cols[cols[k]], r))
				continue;
			keep[r] = 0;
			if (missing != NULL)
				missing[k]++;
		}
		nkept += keep[r];
	}
	return nkept;
}
