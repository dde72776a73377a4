/* fit.h: nonlinear least squares of a model to data (GSL multifit_nlinear). */
#ifndef SX_FIT_H
#define SX_FIT_H

#include <stddef.h>

#include "base/err.h"
#include "scaling/model.h"

enum sx_space { SX_SPACE_LINEAR = 0, SX_SPACE_LOG = 1 };

/* The loss summed over rows: half squares (r^2/2, the default) or Huber
 * terms (r^2/2 for |r| <= delta, delta*(|r| - delta/2) beyond; a sum,
 * never a mean, as Hoffmann et al. 2022, approach 3). Huber needs log
 * space. */
enum sx_loss { SX_LOSS_LS = 0, SX_LOSS_HUBER = 1 };

/* Where the solver starts: once (from init / the model's guess), from every
 * point of a grid, or from `count` seeded random points (multistart.c). */
enum sx_starts_kind { SX_STARTS_ONE = 0, SX_STARTS_GRID, SX_STARTS_RANDOM };

/* One axis of a start grid: values lo, lo+step, ..., hi of parameter
 * `param`, or of its natural logarithm when `logscale` (p = exp(value)). */
typedef struct sx_grid_axis {
	size_t param;
	int logscale;
	double lo, hi, step;
	const double *values;   /* when not NULL: these nvalues values, in
	                           the solver's parameter, instead of lo..hi */
	size_t nvalues;
} sx_grid_axis;

typedef struct sx_starts {
	enum sx_starts_kind kind;
	size_t naxes;              /* grid axes; 0 = the model's default grid */
	const sx_grid_axis *axes;
	size_t count;              /* random starts */
	unsigned long seed;
} sx_starts;

/* A progress hook: done of total; non-zero to cancel (sessions/progress.h). */
typedef int (*sx_progress_fn)(void *ctx, size_t done, size_t total);

typedef struct sx_fit_opts {
	enum sx_space space;
	const double *init;          /* np values or NULL; NAN = automatic */
	const unsigned char *fixed;  /* np flags or NULL: held at init[] */
	int max_iter;                /* 0 = default (200) */
	enum sx_loss loss;           /* default least squares */
	double delta;                /* Huber's delta (> 0) */
	const sx_starts *starts;     /* NULL: one start */
	const double *weights;       /* n row weights > 0, or NULL: all 1.
	                                The objective is sum w_i rho(r_i);
	                                the weights are relative (scaling
	                                them all changes nothing): the
	                                covariance takes its scale from the
	                                residuals, as scipy's curve_fit with
	                                sigma = 1/sqrt(w) does */
	const double *lo, *hi;       /* np bounds, or NULL: -Inf / +Inf. A
	                                bounded parameter is fitted through a
	                                map onto its interval (fit_reparam.c);
	                                one that ends on its bound is held
	                                there (sx_fit_result.bound) */
	const size_t *tie;           /* np: the parameter each one equals
	                                (itself when free), or NULL; the one
	                                named must be tied to nothing */
	sx_progress_fn progress;     /* or NULL: called before each start of
	                                several (grid or random); non-zero
	                                stops the fit with err "cancelled" */
	void *pctx;                  /* progress's ctx */
} sx_fit_opts;

typedef struct sx_fit_result {
	size_t np;
	size_t n;
	double *p;          /* np fitted values */
	double *se;         /* np standard errors; NaN for fixed ones */
	double *cov;        /* np x np covariance (0 rows/cols for fixed) */
	double rmse;        /* of residuals in the fit's space; weighted:
	                       sqrt(sum w r^2 / sum w) */
	double r2;          /* in the fit's space (weighted: 1 - sum w r^2
	                       over sum w (t - weighted mean)^2) */
	double chisq;       /* sum of (weighted) squared residuals, not
	                       halved */
	int iterations;
	int converged;      /* 1 when a stopping test passed */
	char reason[160];   /* why it stopped, in plain words */
	enum sx_loss loss;
	double delta;
	double objective;   /* what was minimised, sum rho(r) with rho(r) =
	                       r^2/2 (least squares: chisq / 2, as scipy's
	                       least_squares cost and GSL report it) or
	                       Huber's rho (fit_objective_formula) */
	size_t inside;      /* Huber: residuals with |r| <= delta at p */
	double cond;        /* condition number of J^T J in the solver's
	                       variables (log of positive scales); Inf when
	                       singular */
	size_t starts_total;     /* starts run (1 for a single start) */
	size_t starts_converged; /* of them, how many converged */
	char warn[640];     /* warnings (unidentifiable, running off), or "";
	                       a cut one ends with "…" */
	/* Bootstrap (fit_bootstrap): nboot x np replicate parameters, and the
	 * percentile interval [ci_lo, ci_hi] at ci_level per parameter. */
	size_t nboot;
	double *boot;
	double ci_level;
	double *ci_lo, *ci_hi;
	unsigned long boot_seed;
	/* Hold-out (fit_holdout): the rule, rows held out, and the error of
	 * the law there: RMSE of log y - log L and max |y - L|. */
	char *holdout;
	size_t ho_n;
	double ho_rmse_log, ho_maxabs;
	/* Bounds and ties (NULL without): per parameter 'l' or 'h' when it
	 * ended on its lower or upper bound and was held there (no standard
	 * error), else 0; and the parameter it is tied to (itself when none). */
	unsigned char *bound;
	size_t *tied;
} sx_fit_result;

/*
 * Fit model m to y over n points, x[k] the column for input k. Residuals
 * are y - L (linear) or log y - log L (log; y must be > 0). Fills res
 * (free with fit_result_free) and returns 0 when the fit produced finite
 * parameters, converged or not (res->converged and res->reason say which);
 * returns -1 with err set, res untouched, when it could not fit at all
 * (too few points, bad data, no finite start).
 */
int fit_run(const sx_model *m, const double *const *x, const double *y,
    size_t n, const sx_fit_opts *opts, sx_fit_result *res, sx_err *err);
void fit_result_free(sx_fit_result *res);

/* Huber's rho, its derivative psi and second derivative (0 or 1). */
double fit_huber_rho(double r, double delta);
/* The objective of a loss as a formula of the residuals r (UTF-8): "½Σr²"
 * or Huber's sum with rho written out; with the row weights w in the sum
 * when weighted. */
const char *fit_objective_formula(enum sx_loss loss, int weighted);

/*
 * Parse a grid spec "P=lo:hi:step,..." for model m (P a parameter name, or
 * logP for a positive one, or one whose lower bound in lo (np, or NULL)
 * is >= 0: p = exp(value)). Fills *axes (malloc'ed, free
 * it) and *naxes. Returns -1 with err set on a spec that does not parse,
 * an unknown parameter, one flagged in fixed (np flags or NULL), step <= 0,
 * hi < lo, or more than 1e6 points. (A grid never moves a fixed
 * parameter: the solver drops axes on one, which is how the default grid
 * collapses to the free parameters.)
 */
int fit_grid_parse(const sx_model *m, const unsigned char *fixed,
    const double *lo, const char *spec, sx_grid_axis **axes, size_t *naxes, sx_err *err);
/* The default grid's axes for m (chinchilla: Hoffmann et al.'s 4,500
 * points; other laws: 3 points per parameter around the automatic start,
 * axes with lo = hi = NaN meaning "around the start"). */
size_t fit_grid_default(const sx_model *m, sx_grid_axis *axes, size_t max);

/*
 * Bootstrap: K replicates, each resampling the n rows with replacement
 * (mt19937 seeded with `seed`), refitted from res->p with opts' loss and
 * space (one start); percentile intervals at `level` (0 < level < 1).
 * Fills res->boot, nboot, ci_lo, ci_hi, ci_level, boot_seed. Replicates
 * whose fit fails are redrawn (up to 10 K draws in all). progress (may be
 * NULL) is called after each replicate; when it returns non-zero the
 * bootstrap stops, res is left untouched and -1 is returned with err
 * "cancelled". Returns -1 with err set on K = 0 or a bad level too.
 */
int fit_bootstrap(const sx_model *m, const double *const *x, const double *y,
    size_t n, const sx_fit_opts *opts, size_t K, unsigned long seed,
    double level, sx_fit_result *res, sx_progress_fn progress, void *pctx,
    sx_err *err);

/*
 * Fit on the rows with held[i] == 0 and score the law on the rows with
 * held[i] != 0: fills res as fit_run does, plus ho_n, ho_rmse_log (RMSE of
 * log y - log L; NaN when some held y or L is not positive) and ho_maxabs
 * (max |y - L|), and holdout = a copy of `rule`. Fails (-1, err set) when
 * no row is held out, or the rows left are too few for the free
 * parameters, or the fit fails.
 */
int fit_holdout(const sx_model *m, const double *const *x, const double *y,
    size_t n, const unsigned char *held, const char *rule,
    const sx_fit_opts *opts, sx_fit_result *res, sx_err *err);
/*
 * The statistics of m at res->p, as fit_run reports them, over the rows
 * with held[i] == 0 (held may be NULL: every row) in `space`, with row
 * weights w (NULL: all 1): chisq, rmse,
 * r2, objective (for res->loss and res->delta) and inside; when held is
 * given and res has a hold-out rule, its scores too (fit_score_holdout).
 * The rest of res (errors, warnings, iterations) is left alone. Returns
 * -1 with err set, res untouched, when some y is not positive in log space
 * or the law is not finite at a row.
 */
int fit_score(const sx_model *m, const double *const *x, const double *y,
    const double *w, size_t n, const unsigned char *held, enum sx_space space,
    sx_fit_result *res, sx_err *err);
/* The hold-out scores of m at res->p over the rows with held[i] != 0 (at
 * least one): ho_n, ho_rmse_log and ho_maxabs as fit_holdout defines them. */
void fit_score_holdout(const sx_model *m, const double *const *x,
    const double *y, size_t n, const unsigned char *held, sx_fit_result *res);
/* Deep copy. */
void fit_result_copy(sx_fit_result *dst, const sx_fit_result *src);

#endif
