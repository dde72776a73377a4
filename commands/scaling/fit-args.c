/* fit-args.c: resolving and parsing the fit family's arguments. */
#include "config.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "base/fmt.h"
#include "base/xalloc.h"
#include "commands/scaling/fit.h"
#include "sessions/colbind.h"

/*
 * Parse "P=V,P=V" against model m's parameters into vals[]/given[].
 * Reports the bad pair through cmd_fail at argv index argi.
 */
int
fit_parse_assigns(sx_ctx *ctx, int argi, const sx_model *m, const char *text,
    double *vals, unsigned char *given)
{
	char *copy = xstrdup(text), *save = NULL;
	int rc = 0;

	for (char *tok = strtok_r(copy, ",", &save); tok != NULL;
	    tok = strtok_r(NULL, ",", &save)) {
		char *eq = strchr(tok, '='), *end;
		int k;
		double v;

		if (eq == NULL) {
			rc = cmd_fail(ctx, argi, "expected P=V, not '%s'", tok);
			break;
		}
		*eq = '\0';
		k = model_param_index(m, tok);
		if (k < 0) {
			rc = cmd_fail(ctx, argi, "'%s' is not a parameter of %s", tok,
			    m->name);
			break;
		}
		v = strtod(eq + 1, &end);
		if (end == eq + 1 || *end != '\0' || !isfinite(v)) {
			rc = cmd_fail(ctx, argi, "%s: '%s' is not a number", tok, eq + 1);
			break;
		}
		vals[k] = v;
		given[k] = 1;
	}
	free(copy);
	return rc;
}

/* The dataset column for model input `in`, honouring --x for one-input laws. */
int
fit_input_column(sx_ctx *ctx, const sx_args *a, const sx_dataset *ds,
    const sx_model *m, const char *in, int ycol)
{
	static const char *order[] = { "C", "N", "D", "S", "t" };
	const char *x = arg(a, ctx->cmd, "--x");

	if (x != NULL && m->nin == 1)
		return colbind_column(ctx, arg_index(a, ctx->cmd, "--x"), ds, x);
	if (strcmp(in, "x") != 0)
		return colbind_column(ctx, arg_index(a, ctx->cmd, "DATA"), ds, in);
	for (size_t i = 0; i < sizeof order / sizeof order[0]; i++) {
		int c = dataset_column(ds, order[i]);

		if (c >= 0 && c != ycol && ds->cols[c].v != NULL)
			return c;
	}
	return cmd_fail(ctx, arg_index(a, ctx->cmd, "DATA"), "%s is a law of one "
	    "column and '%s' has none of C, N, D, S, t: name it with --x COL",
	    m->name, ds->name);
}

/* --loss: "ls" or "huber:DELTA" with DELTA > 0. */
int
fit_parse_loss(sx_ctx *ctx, int argi, const char *v, sx_fit_opts *o)
{
	char *end;

	if (v == NULL || strcmp(v, "ls") == 0)
		return 0;
	if (strncmp(v, "huber:", 6) != 0)
		return cmd_fail(ctx, argi, "--loss expects ls or huber:DELTA, not "
		    "'%s'", v);
	o->delta = strtod(v + 6, &end);
	if (end == v + 6 || *end != '\0' || !isfinite(o->delta) ||
	    !(o->delta > 0.0))
		return cmd_fail(ctx, argi, "huber: DELTA must be a number > 0, not "
		    "'%s'", v + 6);
	o->loss = SX_LOSS_HUBER;
	return 0;
}

/* --starts: grid, N (random), or a grid spec (on parameters not fixed). */
int
fit_parse_starts(sx_ctx *ctx, int argi, const sx_model *m,
    const unsigned char *fixed, const char *v, sx_starts *st,
    sx_grid_axis **axes)
{
	char *end;
	sx_err e;

	memset(st, 0, sizeof *st);
	st->kind = SX_STARTS_ONE;
	if (v == NULL)
		return 0;
	if (strcmp(v, "grid") == 0) {
		st->kind = SX_STARTS_GRID;
		return 0;
	}
	if (strchr(v, '=') == NULL) {
		long k = strtol(v, &end, 10);

		if (end == v || *end != '\0' || k < 1 || k > 1000000)
			return cmd_fail(ctx, argi, "--starts expects grid, a count "
			    "1..1000000 or P=lo:hi:step,..., not '%s'", v);
		st->kind = SX_STARTS_RANDOM;
		st->count = (size_t)k;
		return 0;
	}
	err_clear(&e);
	if (fit_grid_parse(m, fixed, v, axes, &st->naxes, &e) != 0)
		return cmd_fail(ctx, argi, "%s", e.msg);
	st->kind = SX_STARTS_GRID;
	st->axes = *axes;
	return 0;
}

/* The rows EXPR holds out (non-zero, not NaN), into held[] (nrows). */
int
fit_holdout_rows(sx_ctx *ctx, int argi, const sx_dataset *ds,
    const char *text, unsigned char *held)
{
	sx_err e;
	sx_expr *ex;
	const double **cols = NULL;
	double *v;
	sx_expr_bind b;
	int rc = -1;

	err_clear(&e);
	if ((ex = expr_parse(text, &e)) == NULL)
		return cmd_fail(ctx, argi, "--holdout: %s", e.msg);
	if (colbind(ctx, argi, ds, ex, &cols) != 0) {
		expr_free(ex);
		return -1;
	}
	v = xcalloc(ds->nrows + 1, sizeof *v);
	b.col = cols;
	b.val = NULL;
	{
		double *vals = xcalloc(expr_nvars(ex) + 1, sizeof *vals);

		b.val = vals;
		if (expr_eval(ex, &b, ds->nrows, v, &e) != 0)
			cmd_fail(ctx, argi, "--holdout: %s", e.msg);
		else {
			for (size_t i = 0; i < ds->nrows; i++)
				held[i] = !isnan(v[i]) && v[i] != 0.0;
			rc = 0;
		}
		free(vals);
	}
	free(v);
	free(cols);
	expr_free(ex);
	return rc;
}

const sx_dataset *
fit_complete_rows(const sx_dataset *ds, const int *cols, size_t n,
    sx_fitrec *f, sx_dataset **own)
{
	unsigned char *keep = xcalloc(ds->nrows + 1, 1);
	size_t *miss = xcalloc(n + 1, sizeof *miss);
	size_t nkept = dataset_complete_rows(ds, cols, n, keep, miss);

	*own = NULL;
	if (f != NULL) {
		f->data_rows = ds->nrows;
		f->complete = nkept;
		f->miss_cols = xcalloc(n + 1, sizeof *f->miss_cols);
		f->miss_rows = xcalloc(n + 1, sizeof *f->miss_rows);
		for (size_t k = 0; k < n; k++) {
			/* A column named twice (an input that is also y) once. */
			int dup = 0;

			for (size_t j = 0; j < k; j++)
				dup |= cols[j] == cols[k];
			if (miss[k] == 0 || dup)
				continue;
			f->miss_cols[f->nmiss] = xstrdup(ds->cols[cols[k]].name);
			f->miss_rows[f->nmiss++] = miss[k];
		}
	}
	if (nkept < ds->nrows)
		*own = dataset_select_rows(ds, keep, ds->name);
	free(keep);
	free(miss);
	return *own != NULL ? *own : ds;
}

const char *
fit_missing_note(const sx_fitrec *f, char *buf, size_t len)
{
	buf[0] = '\0';
	if (f->nmiss == 0)
		return buf;
	fmt_set(buf, len, "; %zu of %zu rows complete", f->complete,
	    f->data_rows);
	for (size_t i = 0; i < f->nmiss; i++)
		fmt_append(buf, len, ", %zu ha%s no %s",
		    f->miss_rows[i], f->miss_rows[i] == 1 ? "s" : "ve",
		    f->miss_cols[i]);
	return buf;
}

sx_fitrec *
fit_find(sx_ctx *ctx, int argi, const char *name)
{
	sx_fitrec *f = ws_fit(ctx->ws, name);

	if (f == NULL)
		cmd_fail(ctx, argi, "no fit '%s'%s", name, ctx->ws->nfits == 0 ?
		    " (none yet: try 'fit MODEL DATA')" : " (see 'fits')");
	return f;
}

const sx_model *
fit_model(sx_ctx *ctx, int argi, const sx_fitrec *f)
{
	const sx_model *m = ws_model(ctx->ws, f->model);

	if (m == NULL)
		cmd_fail(ctx, argi, "the model '%s' of fit '%s' no longer exists",
		    f->model, f->name);
	return m;
}

/* The row weights named by --weights, or NULL without it; each finite and
 * > 0 (the objective is sum w rho(r)). -1 after saying which row is not. */
int
fit_weights(sx_ctx *ctx, const sx_args *a, const sx_dataset *ds,
    const double **w, int *wcol)
{
	const char *name = arg(a, ctx->cmd, "--weights");
	int argi = arg_index(a, ctx->cmd, "--weights"), c;

	*w = NULL;
	*wcol = -1;
	if (name == NULL)
		return 0;
	c = colbind_column(ctx, argi, ds, name);
	if (c < 0)
		return -1;
	for (size_t i = 0; i < ds->nrows; i++)
		if (isnan(ds->cols[c].v[i]))
			return cmd_fail(ctx, argi, "row %zu of '%s' has no weight "
			    "(column '%s' is missing there; 'dropna' can leave such "
			    "rows out)", i + 1, ds->name, ds->cols[c].name);
		else if (!(ds->cols[c].v[i] > 0.0 && isfinite(ds->cols[c].v[i])))
			return cmd_fail(ctx, argi, "weight %g of row %zu of '%s' "
			    "(column '%s') is not a finite number > 0", ds->cols[c].v[i],
			    i + 1, ds->name, ds->cols[c].name);
	*w = ds->cols[c].v;
	*wcol = c;
	return 0;
}
