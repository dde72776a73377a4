/* dataset.h: named columns of doubles, each with an optional unit. */
#ifndef SX_DATASET_H
#define SX_DATASET_H

#include <stddef.h>

#include "base/err.h"

typedef struct sx_column {
	char *name;   /* as given (may contain spaces: "Model Size") */
	char *unit;   /* "FLOP", "PF-days", "tokens", ... or NULL */
	double *v;    /* nrows values; NULL for a text column */
	char **text;  /* nrows strings for a text column (run names, ...);
	                 NULL for a numeric column */
} sx_column;

typedef struct sx_dataset {
	char *name;
	char *source;      /* path it was read from, or NULL when built in memory */
	char *notes;       /* what reading it noticed, a line each (a cell
	                      read as 0 by underflow, why a column is text),
	                      or NULL */
	size_t nrows;
	size_t ncols;
	sx_column *cols;
} sx_dataset;

/* A new empty dataset with nrows rows and no columns. Never NULL. */
sx_dataset *dataset_new(const char *name, size_t nrows);
void dataset_free(sx_dataset *ds);
/* A deep copy under a new name (NULL keeps the name). */
sx_dataset *dataset_copy(const sx_dataset *ds, const char *name);

/*
 * Add a column; `values` (nrows doubles) is copied. Fails when a column of
 * that name exists already.
 */
int dataset_add_column(sx_dataset *ds, const char *name, const char *unit,
    const double *values, sx_err *err);
/* Add a text column; the strings are copied. */
int dataset_add_text_column(sx_dataset *ds, const char *name,
    char *const *values, sx_err *err);
/* Remove column i (0 <= i < ncols). */
void dataset_remove_column(sx_dataset *ds, size_t i);
/* Rename; fails when `to` exists or `from` is missing. */
int dataset_rename_column(sx_dataset *ds, const char *from, const char *to,
    sx_err *err);

/*
 * Index of the column named `name` (exact, case-sensitive), or -1.
 */
int dataset_column_exact(const sx_dataset *ds, const char *name);

/*
 * Index of the column for `name`: an exact match first; otherwise, when
 * `name` is a canonical column (N, D, C, L, S, t), the first column whose
 * name is an alias of it (see columns.h). -1 when none.
 */
int dataset_column(const sx_dataset *ds, const char *name);

/*
 * dataset_column for a column of numbers: its index, or -1 with e saying
 * there is none (naming the columns there are, a long list cut with "…")
 * or that it holds text.
 */
int dataset_numeric_column(const sx_dataset *ds, const char *name,
    sx_err *e);

/*
 * Missing values: NaN in a numeric column, "" in a text column (the CSV
 * reader's spellings, csv.h). dataset_missing says whether row r of c is
 * missing; dataset_count_missing counts column c's missing rows.
 */
int dataset_missing(const sx_column *c, size_t r);
size_t dataset_count_missing(const sx_dataset *ds, size_t c);

/*
 * The rows complete in the columns cols[0..ncols) (indices into ds):
 * keep[r] = 1 when none of them is missing in row r, else 0 (keep has
 * nrows entries). When `missing` is not NULL, missing[k] is the number of
 * rows where column cols[k] is missing (a row missing two columns counts
 * in both). Returns the number of complete rows.
 */
size_t dataset_complete_rows(const sx_dataset *ds, const int *cols,
    size_t ncols, unsigned char *keep, size_t *missing);

/* A new dataset holding the rows i where keep[i] != 0. */
sx_dataset *dataset_select_rows(const sx_dataset *ds, const unsigned char *keep,
    const char *name);

#endif
