/* groups.h: the rows of a dataset split by the values of one column, for
 * per-group fits (fit --by) and leave-one-group-out scores. */
#ifndef SX_GROUPS_H
#define SX_GROUPS_H

#include <stddef.h>

#include "base/err.h"
#include "scaling/dataset.h"

#define GROUP_NONE ((size_t)-1)

typedef struct sx_groups {
	size_t n;          /* groups, in the order their first row comes */
	char **names;      /* each group's value as text: a text column's
	                      string, a whole number in decimal */
	size_t *rows;      /* how many rows each group has */
	size_t *of_row;    /* the group of each row, GROUP_NONE where the
	                      column has no value (an empty text, NaN) */
	size_t nrows;
} sx_groups;

/*
 * The groups of column col of ds: a text column's distinct strings, or a
 * numeric column's distinct whole numbers. Fails (-1, e set) on a number
 * that is not whole (row and value named): such a column is a measurement,
 * not a label, and cutting it is derive's job.
 */
int groups_of_column(const sx_dataset *ds, size_t col, sx_groups *g,
    sx_err *e);
void groups_free(sx_groups *g);
/* The index of the group called name, or GROUP_NONE. */
size_t groups_find(const sx_groups *g, const char *name);
/* keep[i] = 1 for the rows of group k (nrows bytes). */
void groups_mask(const sx_groups *g, size_t k, unsigned char *keep);

#endif
