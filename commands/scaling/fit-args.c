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
    const unsigned char *fixed, const double *lo, const char *v,
    sx_starts *st, sx_grid_axis **axes)
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
	if (fit_grid_parse(m, fixed, lo, v, axes, &st->naxes, &e) != 0)
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
	double *v = colbind_eval(ctx, argi, ds, text, "--holdout: ",
	    NULL);

	if (v == NULL)
		return -1;
	for (size_t i = 0; i < ds->nrows; i++)
		held[i] = !isnan(v[i]) && v[i] != 0.0;
	free(v);
	return 0;
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

sx_fitrec **
fit_find_all(sx_ctx *ctx, int argi, const char *name, size_t *n)
{
	sx_fitrec **all = xcalloc(ctx->ws->nfits + 1, sizeof *all);

	if ((all[0] = ws_fit(ctx->ws, name)) != NULL)
		*n = 1;
	else if ((*n = ws_group_fits(ctx->ws, name, all, ctx->ws->nfits)) == 0) {
		free(all);
		fit_find(ctx, argi, name);
		return NULL;
	}
	return all;
}

/* A bound's side: empty (open: inf) or a number. 0, or -1 when bad. */
static int
bound_side(const char *s, size_t len, double open, double *v)
{
	char buf[64], *end;

	if (len == 0) {
		*v = open;
		return 0;
	}
	if (len >= sizeof buf)
		return -1;
	memcpy(buf, s, len);
	buf[len] = '\0';
	*v = strtod(buf, &end);
	return end != buf && *end == '\0' && !isnan(*v) ? 0 : -1;
}

int
fit_parse_bounds(sx_ctx *ctx, int argi, const char *opt, const sx_model *m,
    const char *text, double *lo, double *hi)
{
	char *copy = xstrdup(text), *save = NULL;
	int rc = 0;

	for (char *tok = strtok_r(copy, ",", &save); tok != NULL && rc == 0;
	    tok = strtok_r(NULL, ",", &save)) {
		char *eq = strchr(tok, '='), *colon;
		int k;

		if (eq == NULL || (colon = strchr(eq + 1, ':')) == NULL) {
			rc = cmd_fail(ctx, argi, "%s expects P=lo:hi (either side may "
			    "be empty), not '%s'", opt, tok);
			break;
		}
		*eq = '\0';
		if ((k = model_param_index(m, tok)) < 0) {
			rc = cmd_fail(ctx, argi, "'%s' is not a parameter of %s", tok,
			    m->name);
			break;
		}
		if (bound_side(eq + 1, (size_t)(colon - eq - 1), -INFINITY,
		    &lo[k]) != 0 || bound_side(colon + 1, strlen(colon + 1),
		    INFINITY, &hi[k]) != 0)
			rc = cmd_fail(ctx, argi, "%s: '%s' is not lo:hi with numbers",
			    tok, eq + 1);
		else if (!(lo[k] < hi[k]))
			rc = cmd_fail(ctx, argi, "%s: the lower bound %g is not below "
			    "the upper %g", tok, lo[k], hi[k]);
	}
	free(copy);
	return rc;
}

int
fit_parse_ties(sx_ctx *ctx, int argi, const sx_model *m, const char *text,
    size_t *tie)
{
	char *copy = xstrdup(text), *save = NULL;
	int rc = 0;

	for (char *tok = strtok_r(copy, ",", &save); tok != NULL && rc == 0;
	    tok = strtok_r(NULL, ",", &save)) {
		char *eq = strchr(tok, '=');
		int a, b;

		if (eq == NULL) {
			rc = cmd_fail(ctx, argi, "--tie expects P=Q, not '%s'", tok);
			break;
		}
		*eq = '\0';
		a = model_param_index(m, tok);
		b = model_param_index(m, eq + 1);
		if (a < 0 || b < 0) {
			rc = cmd_fail(ctx, argi, "'%s' is not a parameter of %s",
			    a < 0 ? tok : eq + 1, m->name);
			break;
		}
		/* Union by roots: the second's root joins the first's. */
		while (tie[a] != (size_t)a)
			a = (int)tie[a];
		while (tie[b] != (size_t)b)
			b = (int)tie[b];
		if (a == b)
			continue;
		if (a > b) {
			int t = a;

			a = b;
			b = t;
		}
		tie[b] = (size_t)a;
	}
	/* Every parameter straight to its root. */
	for (size_t j = 0; j < m->np; j++)
		while (tie[j] != tie[tie[j]])
			tie[j] = tie[tie[j]];
	free(copy);
	return rc;
}
