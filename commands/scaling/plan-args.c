/* plan-args.c: the runs of a design or of a fit's data, and the target. */
#include "config.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "base/xalloc.h"
#include "commands/scaling/fit.h"
#include "commands/scaling/plan.h"
#include "scaling/frontier.h"

int
plan_runs_of(sx_ctx *ctx, int argi, const sx_dataset *ds, plan_runs *r)
{
	int cn = dataset_column(ds, "N"), cd = dataset_column(ds, "D");
	int cc = dataset_column(ds, "C");

	memset(r, 0, sizeof *r);
	if (cn < 0 || ds->cols[cn].v == NULL || ((cd < 0 ||
	    ds->cols[cd].v == NULL) && (cc < 0 || ds->cols[cc].v == NULL)))
		return cmd_fail(ctx, argi, "design '%s' needs columns N and D (or N "
		    "and C): planned runs, e.g. from 'design isoflop'", ds->name);
	if (ds->nrows == 0)
		return cmd_fail(ctx, argi, "design '%s' has no runs", ds->name);
	r->n = ds->nrows;
	r->N = xmalloc(3 * r->n * sizeof *r->N);
	r->D = r->N + r->n;
	r->C = r->D + r->n;
	for (size_t i = 0; i < r->n; i++) {
		double N = ds->cols[cn].v[i], C = cc >= 0 && ds->cols[cc].v != NULL ?
		    ds->cols[cc].v[i] : NAN;
		double D = cd >= 0 && ds->cols[cd].v != NULL ? ds->cols[cd].v[i] :
		    C / (SX_FRONTIER_K * N);

		if (!(N > 0.0 && D > 0.0 && isfinite(N) && isfinite(D))) {
			free(r->N);
			memset(r, 0, sizeof *r);
			return cmd_fail(ctx, argi, "design '%s', run %zu: N and D must "
			    "be > 0 and finite", ds->name, i + 1);
		}
		r->N[i] = N;
		r->D[i] = D;
		r->C[i] = isfinite(C) && C > 0.0 ? C : SX_FRONTIER_K * N * D;
	}
	return 0;
}

int
plan_runs_of_fit(sx_ctx *ctx, int argi, const sx_fitrec *f,
    const sx_model *m, plan_runs *r)
{
	const sx_dataset *ds = ws_dataset(ctx->ws, f->data);
	int in_n, in_d, cn, cd;
	sx_err e;

	memset(r, 0, sizeof *r);
	err_clear(&e);
	if (frontier_nd_inputs(m, &in_n, &in_d, &e) != 0)
		return cmd_fail(ctx, argi, "fit '%s': %s", f->name, e.msg);
	if (ds == NULL)
		return cmd_fail(ctx, argi, "the data '%s' of fit '%s' no longer "
		    "exists", f->data, f->name);
	cn = dataset_column_exact(ds, f->xcols[in_n]);
	cd = dataset_column_exact(ds, f->xcols[in_d]);
	if (cn < 0 || cd < 0)
		return cmd_fail(ctx, argi, "the columns of fit '%s' are gone from "
		    "'%s'", f->name, f->data);
	r->N = xmalloc(3 * (ds->nrows + 1) * sizeof *r->N);
	r->D = r->N + ds->nrows;
	r->C = r->D + ds->nrows;
	for (size_t i = 0; i < ds->nrows; i++) {
		double N = ds->cols[cn].v[i], D = ds->cols[cd].v[i];

		if (N > 0.0 && D > 0.0 && isfinite(N) && isfinite(D)) {
			r->N[r->n] = N;
			r->D[r->n] = D;
			r->C[r->n++] = SX_FRONTIER_K * N * D;
		}
	}
	/* r->D and r->C were laid out for all rows: close the gaps. */
	memmove(r->N + r->n, r->D, r->n * sizeof *r->N);
	memmove(r->N + 2 * r->n, r->C, r->n * sizeof *r->N);
	r->D = r->N + r->n;
	r->C = r->N + 2 * r->n;
	if (r->n == 0) {
		free(r->N);
		memset(r, 0, sizeof *r);
		return cmd_fail(ctx, argi, "fit '%s' has no runs with N, D > 0",
		    f->name);
	}
	return 0;
}

int
plan_target(sx_ctx *ctx, const sx_args *a, double *C_at)
{
	*C_at = arg_num(a, ctx->cmd, "--at");
	if (!(*C_at > 0.0 && isfinite(*C_at)))
		return cmd_fail(ctx, arg_index(a, ctx->cmd, "--at"), "--at %s: the "
		    "target is a compute budget C in FLOP, > 0 (e.g. 1e24)",
		    arg_str(a, ctx->cmd, "--at"));
	return 0;
}
