/* fit.h: what the fit family (commands/scaling/fit*.c, fits.c, predict.c,
 * set.c, compare.c) shares: argument parsing, the fit record, the entries. */
#ifndef SX_COMMANDS_FIT_H
#define SX_COMMANDS_FIT_H

#include "sessions/cmd.h"
#include "views/rec.h"

/* The most bootstrap replicates (as --starts N allows a million starts). */
#define FIT_MAX_BOOT 1000000

/* fit-args.c: resolving and parsing the family's arguments. Each reports
 * a bad argument through cmd_fail at argv index argi and returns -1. */
int fit_parse_assigns(sx_ctx *ctx, int argi, const sx_model *m,
    const char *text, double *vals, unsigned char *given);
int fit_input_column(sx_ctx *ctx, const sx_args *a, const sx_dataset *ds,
    const sx_model *m, const char *in, int ycol);
int fit_parse_loss(sx_ctx *ctx, int argi, const char *v, sx_fit_opts *o);
int fit_parse_starts(sx_ctx *ctx, int argi, const sx_model *m,
    const unsigned char *fixed, const double *lo, const char *v,
    sx_starts *st, sx_grid_axis **axes);
/* --bounds (or model define's --domain, opt) P=lo:hi,... (either side may
 * be empty: open) into lo, hi (np,
 * preset to -Inf, +Inf); --tie P=Q,... into tie (np, preset to itself):
 * each tied to the root of its chain. */
int fit_parse_bounds(sx_ctx *ctx, int argi, const char *opt,
    const sx_model *m, const char *text, double *lo, double *hi);
int fit_parse_ties(sx_ctx *ctx, int argi, const sx_model *m,
    const char *text, size_t *tie);
int fit_holdout_rows(sx_ctx *ctx, int argi, const sx_dataset *ds,
    const char *text, unsigned char *held);
int fit_weights(sx_ctx *ctx, const sx_args *a, const sx_dataset *ds,
    const double **w, int *wcol);
/* The rows of ds complete in its columns cols[0..n): ds itself when all
 * are, else a new dataset of them in *own (the caller frees it); with f,
 * what was left out goes to f's data_rows, complete and miss_*. */
const sx_dataset *fit_complete_rows(const sx_dataset *ds, const int *cols,
    size_t n, sx_fitrec *f, sx_dataset **own);
/* "" when f left no row out, else what it left out, for a message:
 * "; 2 of 3 rows complete, 1 has no L", in buf. */
const char *fit_missing_note(const sx_fitrec *f, char *buf, size_t len);
/*
 * fit-job.c: one fit as 'fit' asks for it. fit_job_parse reads the options
 * that do not depend on the data (the start, fixed values, loss, starts,
 * bootstrap, level, seed: drawn here when needed, seed_chosen set);
 * fit_job_run fits ds (its columns, weights and hold-out resolved there)
 * and returns the fit without a name, or NULL after cmd_fail.
 */
typedef struct fit_job {
	const sx_model *m;
	sx_fit_opts opts;
	double *init;
	unsigned char *given, *fixed;
	sx_starts starts;
	sx_grid_axis *axes;
	double *lo, *hi;       /* --bounds, or NULL */
	size_t *tie;           /* --tie, or NULL */
	size_t kboot;          /* 1 .. FIT_MAX_BOOT, or 0: none */
	double level;
	unsigned long seed;
	int seed_chosen;
} fit_job;

int fit_job_parse(sx_ctx *ctx, const sx_args *a, const sx_model *m,
    fit_job *j);
sx_fitrec *fit_job_run(sx_ctx *ctx, const sx_args *a, fit_job *j,
    const sx_dataset *ds);
void fit_job_free(fit_job *j);

/* The fit called name, or NULL after saying there is none. */
sx_fitrec *fit_find(sx_ctx *ctx, int argi, const char *name);
/* The fit called name, or every group fit of that name (fit --by ... as
 * name), in a malloc'ed array of *n; NULL after saying there is none. */
sx_fitrec **fit_find_all(sx_ctx *ctx, int argi, const char *name, size_t *n);
/* The model of fit f, or NULL after saying it is gone. */
const sx_model *fit_model(sx_ctx *ctx, int argi, const sx_fitrec *f);

/*
 * fit-record.c: the record of fit f of model m, kind "fit" or "fit show":
 * the report the fit command prints and the TUI's fit pane draws; with
 * the parameters' correlation matrix when corr is set.
 */
sx_rec *fit_record(const char *kind, const sx_fitrec *f, const sx_model *m,
    int corr);

/* What COL=V ... asked for: the inputs (have[k] set for each given), or
 * a budget C for a law of N and D that has no input C. */
struct pred_at {
	double *x;
	unsigned char *have;
	double C;       /* NaN: no budget */
};

/* Parse predict's COL=V ... for fit f of law m into at (x and have
 * allocated, m->nin + 1 each); -1 after cmd_fail. */
int pred_parse(sx_ctx *ctx, int argi, const sx_fitrec *f, const sx_model *m,
    const char *assigns, struct pred_at *at);

extern const sx_cmd cmd_fit_entry;
extern const sx_cmd cmd_fits_entry;
extern const sx_cmd cmd_fit_show_entry;
extern const sx_cmd cmd_predict_entry;
extern const sx_cmd cmd_set_entry;
extern const sx_cmd cmd_compare_entry;

#endif
