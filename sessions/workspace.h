/* workspace.h: the one workspace: datasets, user models, fits, the log. */
#ifndef SX_WORKSPACE_H
#define SX_WORKSPACE_H

#include <stddef.h>
#include <sys/types.h>

#include "rl/grid.h"
#include "rl/sf.h"
#include "scaling/dataset.h"
#include "scaling/fit.h"
#include "scaling/model.h"

/* A fit as the workspace keeps it: what was fitted to what, and the result. */
typedef struct sx_fitrec {
	char *name;
	char *model;        /* model name (user-defined or built-in) */
	char *data;         /* dataset it was fitted to */
	size_t nx;
	char **xcols;       /* dataset columns used for the model's inputs */
	char *ycol;
	char *wcol;         /* column of row weights (fit --weights), or NULL */
	char *by, *group;   /* a group fit (fit --by BY): the rows of data
	                       where column BY is GROUP; NULL otherwise.
	                       Its name is base[group] (fit_group_name) */
	char *base;         /* the name the group fits share, or NULL */
	enum sx_space space;
	/* The rows left out for missing values: of data_rows, complete were
	 * complete in ycol and the xcols; miss_rows[k] rows had no value in
	 * miss_cols[k] (only the columns with any, nmiss of them). */
	size_t data_rows, complete;
	size_t nmiss;
	char **miss_cols;
	size_t *miss_rows;
	sx_fit_result res;
} sx_fitrec;

typedef struct sx_workspace {
	size_t nds;
	sx_dataset **ds;
	size_t nmodels;
	sx_model **models;  /* user-defined; built-ins live in core */
	size_t nfits;
	sx_fitrec **fits;
	size_t nlog;
	char **log;         /* state-changing commands as executed, resolved */
	struct sx_logref **logref; /* per entry: NULL, or the data file that
	                     * entry loads, inlined at save (sessions/logref.h) */
	size_t saved_nlog;  /* nlog at the last save: unsaved work if less */
	char *cur_data;     /* the dataset or fit the user worked on last */
	char *cur_fit;
	sx_grid *grid;      /* the gridworld loaded by 'grid load', or NULL */
	sf_base *base;      /* its stored base policies ('sf base'), or NULL */
	/* Files this process wrote for this workspace (save, plot --out) or
	 * replayed it from: the ones those may replace without --force. */
	size_t nown;
	struct sx_ownfile {
		dev_t dev;
		ino_t ino;
	} *own;
} sx_workspace;

void ws_init(sx_workspace *ws);
void ws_free(sx_workspace *ws);

sx_dataset *ws_dataset(const sx_workspace *ws, const char *name);
/* Store ds under ds->name, replacing (and freeing) one of that name. */
void ws_put_dataset(sx_workspace *ws, sx_dataset *ds);
/* Remove and free; -1 when absent. */
int ws_drop_dataset(sx_workspace *ws, const char *name);

/* A user model first, then a built-in; NULL when neither. */
const sx_model *ws_model(const sx_workspace *ws, const char *name);
void ws_put_model(sx_workspace *ws, sx_model *m);

sx_fitrec *ws_fit(const sx_workspace *ws, const char *name);
/* The fits of a group fit called base (fit --by ... as base), in the order
 * stored: up to max of them into out; returns how many there are. */
size_t ws_group_fits(const sx_workspace *ws, const char *base,
    sx_fitrec **out, size_t max);
/* A group fit's name: "base[group]" (malloc'ed). */
char *fit_group_name(const char *base, const char *group);
/*
 * The rows fit f was fitted to: its dataset, or for a group fit a new
 * dataset of its group's rows, which *owned is then set to (free it with
 * dataset_free; NULL otherwise). NULL with e set when the data, or its
 * group column, is gone.
 */
const sx_dataset *ws_fit_data(const sx_workspace *ws, const sx_fitrec *f,
    sx_dataset **owned, sx_err *e);
void ws_put_fit(sx_workspace *ws, sx_fitrec *f);
void fitrec_free(sx_fitrec *f);

void ws_log_append(sx_workspace *ws, const char *cmdtext);
/* Append an entry that refers to a data file (owning ref; see logref.h);
 * cmdtext is what it is shown as when the file cannot be read. */
void ws_log_append_ref(sx_workspace *ws, const char *cmdtext,
    struct sx_logref *ref);
void ws_set_current(char **slot, const char *name);

#endif
