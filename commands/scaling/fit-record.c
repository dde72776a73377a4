/* fit-record.c: a fit's report as a record, for fit, fit show and the
 * TUI's fit pane. */
#include "config.h"

#include <math.h>
#include <stdio.h>
#include <string.h>

#include "commands/scaling/fit.h"

/* The loss in words: "ls" or "huber:DELTA". */
static void
fit_loss_text(const sx_fit_result *r, char *buf, size_t len)
{
	if (r->loss == SX_LOSS_HUBER)
		snprintf(buf, len, "huber:%g", r->delta);
	else
		snprintf(buf, len, "ls");
}

/* The parameter correlation matrix of a fit, from its covariance. */
static void
fit_record_corr(sx_rec *rec, const sx_fit_result *r)
{
	sx_rec *rows = rec_arr(rec, "corr");
	size_t np = r->np;

	for (size_t i = 0; i < np; i++) {
		sx_rec *row = rec_arr(rows, NULL);

		for (size_t j = 0; j < np; j++)
			rec_num(row, NULL, r->cov[i * np + j] / sqrt(r->cov[i * np + i] *
			    r->cov[j * np + j]));
	}
}

static void
fit_record_params(sx_rec *rec, const sx_fit_result *r, const sx_model *m)
{
	sx_rec *params = rec_obj(rec, "params");

	for (size_t i = 0; i < r->np; i++) {
		sx_rec *p = rec_obj(params, m->params[i]);

		rec_num(p, "value", r->p[i]);
		rec_num(p, "se", r->se[i]);
		if (r->ci_lo != NULL) {
			sx_rec *ci = rec_arr(p, "ci");

			rec_num(ci, NULL, r->ci_lo[i]);
			rec_num(ci, NULL, r->ci_hi[i]);
			rec_num(p, "ci_level", r->ci_level);
		}
		/* A fixed parameter has a zero row in the covariance; so has
		 * one held at its bound, which says so instead. */
		rec_bool(p, "fixed", r->cov != NULL && r->cov[i * r->np + i] == 0 &&
		    (r->bound == NULL || r->bound[i] == 0));
		if (r->bound != NULL && r->bound[i] != 0)
			rec_str(p, "bound", r->bound[i] == 'l' ? "lower" : "upper");
		if (r->tied != NULL && r->tied[i] != i)
			rec_str(p, "tied", m->params[r->tied[i]]);
	}
}

sx_rec *
fit_record(const char *kind, const sx_fitrec *f, const sx_model *m, int corr)
{
	const sx_fit_result *r = &f->res;
	sx_rec *rec = rec_new(kind), *o = NULL, *x;
	char loss[48];
	int td = m->doubling != NULL ? model_param_index(m, m->doubling) : -1;

	fit_loss_text(r, loss, sizeof loss);
	rec_str(rec, "name", f->name);
	rec_str(rec, "model", f->model);
	rec_str(rec, "data", f->data);
	rec_str(rec, "by", f->by);
	rec_str(rec, "group", f->group);
	rec_int(rec, "n", (long long)r->n);
	/* The rows left out for missing values (fit_complete_rows), only
	 * when there were any: the data's rows, how many were complete, and
	 * per column the rows without a value there. */
	if (f->nmiss > 0) {
		rec_int(rec, "rows", (long long)f->data_rows);
		rec_int(rec, "complete", (long long)f->complete);
		o = rec_arr(rec, "missing");
	}
	for (size_t i = 0; i < f->nmiss; i++) {
		sx_rec *mo = rec_obj(o, NULL);

		rec_str(mo, "column", f->miss_cols[i]);
		rec_int(mo, "rows", (long long)f->miss_rows[i]);
	}
	rec_str(rec, "space", f->space == SX_SPACE_LOG ? "log" : "linear");
	rec_str(rec, "loss", loss);
	fit_record_params(rec, r, m);
	rec_num(rec, "objective", r->objective);
	rec_str(rec, "objective_formula", fit_objective_formula(r->loss,
	    f->wcol != NULL));
	rec_str(rec, "weights", f->wcol);
	if (r->loss == SX_LOSS_HUBER)
		rec_int(rec, "inside_delta", (long long)r->inside);
	rec_num(rec, "cond", r->cond);
	o = rec_obj(rec, "starts");
	rec_int(o, "total", (long long)r->starts_total);
	rec_int(o, "converged", (long long)r->starts_converged);
	if (r->nboot > 0) {
		o = rec_obj(rec, "bootstrap");
		rec_int(o, "replicates", (long long)r->nboot);
		rec_int(o, "seed", (long long)r->boot_seed);
	}
	if (r->holdout != NULL) {
		o = rec_obj(rec, "holdout");
		rec_str(o, "rule", r->holdout);
		rec_int(o, "n", (long long)r->ho_n);
		rec_num(o, "rmse_log", r->ho_rmse_log);
		rec_num(o, "max_abs_err", r->ho_maxabs);
	}
	rec_num(rec, "rmse", r->rmse);
	rec_num(rec, "r2", r->r2);
	rec_int(rec, "iterations", r->iterations);
	rec_bool(rec, "converged", r->converged);
	rec_str(rec, "reason", r->reason);
	if (r->warn[0] != '\0')
		rec_str(rec, "warnings", r->warn);
	if (corr)
		fit_record_corr(rec, r);
	/* What the report's text says besides: the columns and the law. */
	rec_str(rec, "y", f->ycol);
	x = rec_arr(rec, "x");
	for (size_t i = 0; i < f->nx; i++)
		rec_str(x, NULL, f->xcols[i]);
	rec_str(rec, "formula", m->formula);
	/* A law's doubling-time parameter (exptrend's T), read as such. */
	if (td >= 0) {
		o = rec_obj(rec, "doubling_time");
		rec_num(o, "value", fabs(r->p[td]));
		rec_num(o, "se", r->se[td]);
		rec_bool(o, "halving", r->p[td] < 0);
	}
	return rec;
}
