/* compare.h: fits of the same data side by side: information criteria,
 * and each law refitted without some rows and scored on them (one
 * hold-out, or leave one group out). */
#ifndef SX_COMPARE_H
#define SX_COMPARE_H

#include <stddef.h>

#include "base/err.h"
#include "scaling/dataset.h"
#include "scaling/fit.h"

/*
 * One fit's row of the table. The likelihood assumed: residuals r_i in
 * the fit's space, independent Gaussian with variance sigma^2 / w_i
 * (w_i = 1 unweighted), sigma^2 estimated by maximum likelihood,
 * RSS / n with RSS = sum w_i r_i^2. Then, dropping n (1 + ln 2 pi) -
 * sum ln w_i, which is the same for fits of the same rows, weights and
 * space (and so cancels in every difference):
 *   AIC = n ln(RSS/n) + 2k,   BIC = n ln(RSS/n) + k ln n,
 * k the law's free parameters (the variance, common to all, is not
 * counted: it would add 2 to every AIC and ln n to every BIC). For a
 * Huber fit RSS is taken at its parameters, which are not the Gaussian
 * maximum: its AIC is that of the Gaussian likelihood at its estimate
 * (never below what least squares would give the same law).
 */
typedef struct sx_cmp_row {
	double rss;
	size_t n, k;
	double aic, bic;    /* compare_rank */
	double daic, dbic;  /* minus the smallest of the table's */
	double weight;      /* Akaike weight exp(-daic/2) / sum exp(-daic/2) */
} sx_cmp_row;

/* AIC and BIC of RSS over n rows with k free parameters, as above
 * (-Inf when RSS is 0; NaN when n is 0). */
void compare_ic(double rss, size_t n, size_t k, double *aic, double *bic);
/* Fill aic, bic, the differences to the best and the Akaike weights of
 * the nrows rows from their rss, n and k. */
void compare_rank(sx_cmp_row *rows, size_t nrows);

/* The free parameters of fit r (a fixed one has a zero row in the
 * covariance) into fixed[] (np flags, may be NULL); returns their number. */
size_t compare_free(const sx_fit_result *r, unsigned char *fixed);

/*
 * Refit m on the rows with held[i] == 0 and score it on the others, as
 * fit_holdout does with opts (loss, space, fixed parameters at init,
 * weights), from two starts: the automatic one (init[] for the fixed,
 * NaN for the free, as a fit without --init) and the estimate est[] (np
 * values, the fit being refitted), keeping the converged one of lower
 * objective on the rows it was fitted to (a converged one over one that
 * is not). opts->init is ignored. Fills res as fit_holdout does; returns
 * -1 with err set when neither start gives a fit (fit_holdout's message:
 * no row held out, too few rows left, the fit failed).
 */
int compare_refit(const sx_model *m, const double *const *x, const double *y,
    size_t n, const unsigned char *held, const char *rule,
    const sx_fit_opts *opts, const double *est, sx_fit_result *res,
    sx_err *err);

/* The groups of a column over n rows, for leave-one-group-out. */
typedef struct sx_groups {
	size_t n;          /* rows */
	size_t ng;         /* groups */
	size_t *id;        /* n: the group of each row, 0..ng-1 */
	size_t *count;     /* ng: rows in each group */
	char **label;      /* ng: the group's value as text */
	int numeric;       /* integer column: value[] holds the groups */
	double *value;     /* ng (numeric only), ascending */
} sx_groups;

/*
 * The groups of column c (n rows): a text column's distinct strings in
 * order of first appearance, or an integer column's distinct values in
 * ascending order. Returns -1 with err set on a numeric column with a
 * value that is not a whole number (or is missing), a missing text cell,
 * or fewer than two groups (leave-one-group-out needs two).
 */
int compare_groups(const sx_column *c, size_t n, sx_groups *g, sx_err *err);
void compare_groups_free(sx_groups *g);

/* Leave-one-group-out of one law: res[j] (g->ng of them) is compare_refit
 * holding out group j, whose rule is "COL == LABEL"; mean_rmse_log and
 * mean_maxabs are the means of the groups' scores. */
typedef struct sx_logo {
	size_t ng;
	sx_fit_result *res;
	double mean_rmse_log, mean_maxabs;
} sx_logo;

/*
 * Hold out each group of g in turn (col names the column, for the rules
 * and messages), refit m on the rest by compare_refit and score it on
 * the group. Fills lo (free with compare_logo_free). Returns -1 with err
 * set, lo untouched, when a refit fails; the message names the group.
 */
int compare_logo(const sx_model *m, const double *const *x, const double *y,
    size_t n, const sx_groups *g, const char *col, const sx_fit_opts *opts,
    const double *est, sx_logo *lo, sx_err *err);
void compare_logo_free(sx_logo *lo);

#endif
