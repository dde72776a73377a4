/* compare-impl.h: what compare.c (the table) and compare-holdout.c (the
 * refits without held-out rows) share. */
#ifndef SX_COMMANDS_COMPARE_IMPL_H
#define SX_COMMANDS_COMPARE_IMPL_H

#include "commands/scaling/fit.h"

#define CMP_MAX 32

/* The fits compared, their laws, and the data they share. */
struct cmp {
	size_t n;
	sx_fitrec *f[CMP_MAX];
	const sx_model *m[CMP_MAX];
	int argi[CMP_MAX];
	const sx_dataset *ds;   /* their rows: a group fit's, its group's */
	sx_dataset *owned;      /* ds when made for a group fit, or NULL */
};

/*
 * The hold-outs, each putting the laws' scores in their rows' records
 * (rowv[i], a "holdout" or "holdout_by" member) and what they held out in
 * rec: --holdout EXPR (each law refitted where EXPR is false) and
 * --holdout-by COL (each group left out in turn). c->ds is the fits'
 * data. -1 after cmd_fail.
 */
int cmp_holdout(sx_ctx *ctx, const sx_args *a, const struct cmp *c,
    sx_rec *const *rowv, sx_rec *rec);
int cmp_holdout_by(sx_ctx *ctx, const sx_args *a, const struct cmp *c,
    sx_rec *const *rowv, sx_rec *rec);

#endif
