/* data.c: data, data list/show/describe/drop: the datasets loaded. */
#include "config.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "commands/data/data.h"
#include "scaling/columns.h"
#include "sessions/colbind.h"
#include "views/view.h"

static int
cmd_data_list_exec(sx_ctx *ctx, const sx_args *a)
{
	sx_workspace *ws = ctx->ws;
	sx_rec *r = rec_new("data list"), *list = rec_arr(r, "datasets");

	(void)a;
	for (size_t i = 0; i < ws->nds; i++) {
		sx_rec *d = rec_obj(list, NULL);

		rec_str(d, "name", ws->ds[i]->name);
		rec_int(d, "rows", (long long)ws->ds[i]->nrows);
		rec_int(d, "columns", (long long)ws->ds[i]->ncols);
		rec_str(d, "source", ws->ds[i]->source);
	}
	view_put(ctx->out, r);
	return 0;
}

static int
cmd_data_show_exec(sx_ctx *ctx, const sx_args *a)
{
	const sx_dataset *ds = colbind_dataset(ctx, arg_index(a, ctx->cmd, "NAME"),
	    arg(a, ctx->cmd, "NAME"));
	size_t k = arg_int(a, ctx->cmd, "--rows");
	sx_rec *r, *cols;

	if (ds == NULL)
		return -1;
	if (k > ds->nrows)
		k = ds->nrows;
	r = rec_new("data show");
	rec_str(r, "name", ds->name);
	rec_int(r, "rows", (long long)ds->nrows);
	cols = rec_obj(r, "columns");
	for (size_t c = 0; c < ds->ncols; c++) {
		sx_rec *col = rec_arr(cols, ds->cols[c].name);

		for (size_t i = 0; i < k; i++) {
			if (dataset_missing(&ds->cols[c], i))
				rec_null(col, NULL);
			else if (ds->cols[c].v != NULL)
				rec_num(col, NULL, ds->cols[c].v[i]);
			else
				rec_str(col, NULL, ds->cols[c].text[i]);
		}
	}
	view_put(ctx->out, r);
	return 0;
}

static int
cmd_data_describe_exec(sx_ctx *ctx, const sx_args *a)
{
	const sx_dataset *ds = colbind_dataset(ctx, arg_index(a, ctx->cmd, "NAME"),
	    arg(a, ctx->cmd, "NAME"));
	sx_rec *r, *cols;

	if (ds == NULL)
		return -1;
	r = rec_new("data describe");
	rec_str(r, "name", ds->name);
	rec_int(r, "rows", (long long)ds->nrows);
	cols = rec_arr(r, "columns");
	for (size_t c = 0; c < ds->ncols; c++) {
		const sx_column *col = &ds->cols[c];
		double mn = INFINITY, mx = -INFINITY, sum = 0, ss = 0, mean, sd;
		size_t miss = dataset_count_missing(ds, c), n = ds->nrows - miss;
		sx_rec *cr = rec_obj(cols, NULL);

		rec_str(cr, "name", col->name);
		rec_str(cr, "canonical", column_canonical(col->name));
		rec_str(cr, "type", col->v != NULL ? "number" : "text");
		rec_int(cr, "missing", (long long)miss);
		/* The statistics of the values there are. */
		if (col->v == NULL || n == 0)
			continue;
		for (size_t i = 0; i < ds->nrows; i++) {
			if (isnan(col->v[i]))
				continue;
			mn = fmin(mn, col->v[i]);
			mx = fmax(mx, col->v[i]);
			sum += col->v[i];
		}
		mean = sum / (double)n;
		for (size_t i = 0; i < ds->nrows; i++)
			if (!isnan(col->v[i]))
				ss += (col->v[i] - mean) * (col->v[i] - mean);
		sd = n > 1 ? sqrt(ss / (double)(n - 1)) : NAN;
		rec_num(cr, "min", mn);
		rec_num(cr, "max", mx);
		rec_num(cr, "mean", mean);
		rec_num(cr, "sd", sd);
	}
	view_put(ctx->out, r);
	return 0;
}

static int
cmd_data_drop_exec(sx_ctx *ctx, const sx_args *a)
{
	const char *name = arg(a, ctx->cmd, "NAME");
	sx_rec *r;

	if (colbind_dataset(ctx, arg_index(a, ctx->cmd, "NAME"), name) == NULL)
		return -1;
	r = rec_new("data drop");
	rec_str(r, "name", name);
	view_put(ctx->out, r);
	if (ctx->ws->cur_data != NULL && strcmp(ctx->ws->cur_data, name) == 0)
		ws_set_current(&ctx->ws->cur_data, NULL);
	ws_drop_dataset(ctx->ws, name);
	return 0;
}

static const sx_argdef name_args[] = {
	{ "NAME", ARG_DATASET, 0, NULL, NULL, NULL, NULL },
	{ NULL, 0, 0, NULL, NULL, NULL, NULL }
};
static const sx_argdef show_args[] = {
	{ "NAME", ARG_DATASET, 0, NULL, NULL, NULL, NULL },
	{ "--rows", ARG_INT, 0, NULL, "K", "how many rows to print", "10" },
	{ NULL, 0, 0, NULL, NULL, NULL, NULL }
};
const sx_cmd cmd_data_entry = {
	"data", "data list|show|describe|drop ...",
	"Look at and manage datasets.\n", cmd_no_args, 0, NULL
};

const sx_cmd cmd_data_list_entry = {
	"data list", NULL, "List the datasets: rows, columns, source.\n",
	cmd_no_args, 0, cmd_data_list_exec
};

const sx_cmd cmd_data_show_entry = {
	"data show", NULL,
	"Print the first rows of a dataset (a missing cell as NA).\n",
	show_args, 0, cmd_data_show_exec
};

const sx_cmd cmd_data_describe_entry = {
	"data describe", NULL,
	"Per column: the canonical quantity it stands for, the number of\n"
	"missing cells, and min, max, mean and standard deviation of the\n"
	"values there are.\n", name_args, 0, cmd_data_describe_exec
};

const sx_cmd cmd_data_drop_entry = {
	"data drop", NULL,
	"Remove a dataset (fits made from it stay).\n",
	name_args, CMD_STATE, cmd_data_drop_exec
};
