/* fit.h: what the fit family (commands/scaling/fit*.c, fits.c, predict.c,
 * set.c) shares: argument parsing, the fit record, the entries. */
#ifndef SX_COMMANDS_FIT_H
#define SX_COMMANDS_FIT_H

#include "sessions/cmd.h"
#include "views/rec.h"

/* fit-args.c: resolving and parsing the family's arguments. Each reports
 * a bad argument through cmd_fail at argv index argi and returns -1. */
int fit_parse_assigns(sx_ctx *ctx, int argi, const sx_model *m,
    const char *text, double *vals, unsigned char *given);
int fit_input_column(sx_ctx *ctx, const sx_args *a, const sx_dataset *ds,
    const sx_model *m, const char *in, int ycol);
int fit_parse_loss(sx_ctx *ctx, int argi, const char *v, sx_fit_opts *o);
int fit_parse_starts(sx_ctx *ctx, int argi, const sx_model *m,
    const unsigned char *fixed, const char *v, sx_starts *st,
    sx_grid_axis **axes);
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
/* The fit called name, or NULL after saying there is none. */
sx_fitrec *fit_find(sx_ctx *ctx, int argi, const char *name);
/* The model of fit f, or NULL after saying it is gone. */
const sx_model *fit_model(sx_ctx *ctx, int argi, const sx_fitrec *f);

/*
 * fit-record.c: the record of fit f of model m, kind "fit" or "fit show":
 * the report the fit command prints and the TUI's fit pane draws; with
 * the parameters' correlation matrix when corr is set.
 */
sx_rec *fit_record(const char *kind, const sx_fitrec *f, const sx_model *m,
    int corr);

extern const sx_cmd cmd_fit_entry;
extern const sx_cmd cmd_fits_entry;
extern const sx_cmd cmd_fit_show_entry;
extern const sx_cmd cmd_predict_entry;
extern const sx_cmd cmd_set_entry;

#endif
