/* common.c: what the RL commands share: the grid and base set they need,
 * and the parsing of tasks, cells, object sets and policies. */
#include "config.h"

#include <errno.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "base/xalloc.h"
#include "commands/rl/rl.h"
#include "rl/gpi.h"
#include "rl/sf.h"
#include "rl/vi.h"
#include "sessions/progress.h"

const char *
gr_goal_name(const sx_grid *g)
{
	return g->goal == GRID_GOAL_SUM ? "sum" : "unit";
}

/* The name of user feature k: the object type digit, or the goal letter. */
void
gr_feature_name(const sx_grid *g, int k, char *buf, size_t len)
{
	snprintf(buf, len, "%c", k < g->ntypes ? '1' + k :
	    'A' + (k - g->ntypes));
}

/* "1,-1,0" as the user would write it, for a plot's title (text views
 * write a record's task with text_rl_w). */
void
gr_w_text(const double *w, int nw, char *buf, size_t len)
{
	size_t at = 0;

	buf[0] = '\0';
	for (int k = 0; k < nw && at < len; k++)
		at += (size_t)snprintf(buf + at, len - at, "%s%.6g", k > 0 ? "," : "",
		    w[k]);
}

/* The loaded grid, or an error pointing at the command. */
sx_grid *
gr_need(sx_ctx *ctx)
{
	if (ctx->ws->grid == NULL)
		cmd_fail(ctx, -1, "no grid loaded (try 'grid load fourroom'; "
		    "'grid list' names the built-in ones)");
	return ctx->ws->grid;
}

int
gr_need_tabular(sx_ctx *ctx, const sx_grid *g)
{
	if (g->kind != GRID_TABULAR)
		return cmd_fail(ctx, -1, "'%s' needs a grid with a model; %s is "
		    "sampled only", ctx->cmd->name, g->name);
	return 0;
}

/*
 * Parse a task vector W ("1,-1,0") for grid g into w[nw] and its full form
 * wfull[nphi]; errors point at argv index argi.
 */
int
gr_parse_w(sx_ctx *ctx, int argi, const sx_grid *g, const char *text,
    double *w, double *wfull)
{
	const char *p = text;
	int n = 0;
	sx_err e;

	for (;;) {
		size_t len = strcspn(p, ",");
		char tok[64], *end;
		double v;

		if (n >= g->nw)
			return cmd_fail(ctx, argi, "W has more than %d weights: %s "
			    "has %d features (see 'grid show')", g->nw, g->name,
			    g->nw);
		snprintf(tok, sizeof tok, "%.*s", (int)(len < 63 ? len : 63), p);
		errno = 0;
		v = strtod(tok, &end);
		if (len == 0 || len > 63 || end == tok || *end != '\0' ||
		    !isfinite(v))
			return cmd_fail(ctx, argi, "weight %d of W is not a number: "
			    "'%.*s' (write W as 1,-1,0)", n + 1, (int)len, p);
		w[n++] = v;
		p += len;
		if (*p == '\0')
			break;
		p++;
	}
	if (n != g->nw)
		return cmd_fail(ctx, argi, "W needs %d weights for %s, got %d "
		    "(write W as %s)", g->nw, g->name, n,
		    g->nw == 3 ? "1,-1,0" : "one number per feature, commas between");
	err_clear(&e);
	if (grid_task(g, w, (size_t)n, wfull, &e) != 0)
		return cmd_fail_err(ctx, argi, &e);
	return 0;
}

/* Parse a cell "r,c" into a map position; any position on the map. */
int
gr_parse_cell(sx_ctx *ctx, int argi, const sx_grid *g, const char *text,
    int *pos)
{
	const char *p;
	long r, c;
	char *end;

	errno = 0;
	r = strtol(text, &end, 10);
	if (end == text || *end != ',')
		goto bad;
	p = end + 1;
	c = strtol(p, &end, 10);
	if (end == p || *end != '\0' || errno != 0)
		goto bad;
	if (r < 0 || r >= g->rows || c < 0 || c >= g->cols)
		return cmd_fail(ctx, argi, "cell %ld,%ld is off the %dx%d map "
		    "(rows 0-%d, columns 0-%d)", r, c, g->rows, g->cols, g->rows - 1,
		    g->cols - 1);
	*pos = (int)(r * g->cols + c);
	return 0;
bad:
	return cmd_fail(ctx, argi, "a cell is written ROW,COL (e.g. 12,0), "
	    "not '%s'", text);
}

/* The collected set: "none", "all", or object numbers 1.. as in
 * 'grid show', comma-separated. */
int
gr_parse_collected(sx_ctx *ctx, int argi, const sx_grid *g, const char *text,
    uint32_t *m)
{
	const char *p = text;

	*m = 0;
	if (text == NULL || strcmp(text, "none") == 0)
		return 0;
	if (strcmp(text, "all") == 0) {
		*m = g->nobj > 0 ? (uint32_t)((1ul << g->nobj) - 1) : 0;
		return 0;
	}
	if (g->nobj == 0)
		return cmd_fail(ctx, argi, "%s has no objects to collect", g->name);
	for (;;) {
		char *end;
		long k;

		errno = 0;
		k = strtol(p, &end, 10);
		if (end == p || (*end != ',' && *end != '\0'))
			return cmd_fail(ctx, argi, "--collected takes object numbers "
			    "(1-%d, see 'grid show'), 'all' or 'none', not '%s'",
			    g->nobj, text);
		if (k < 1 || k > g->nobj)
			return cmd_fail(ctx, argi, "%s has no object %ld (objects are "
			    "1-%d, see 'grid show')", g->name, k, g->nobj);
		*m |= (uint32_t)1 << (k - 1);
		if (*end == '\0')
			return 0;
		p = end + 1;
	}
}

/* --policy gpi|opt|base:I (I from 1). */
int
gr_parse_policy(sx_ctx *ctx, int argi, const char *text, gr_policy *pol)
{
	memset(pol, 0, sizeof *pol);
	snprintf(pol->label, sizeof pol->label, "%s", text);
	if (strcmp(text, "gpi") == 0)
		pol->kind = GR_GPI;
	else if (strcmp(text, "opt") == 0)
		pol->kind = GR_OPT;
	else if (strncmp(text, "base:", 5) == 0) {
		char *end;
		long i;

		errno = 0;
		i = strtol(text + 5, &end, 10);
		if (end == text + 5 || *end != '\0' || i < 1 || i > GR_MAX_BASE)
			return cmd_fail(ctx, argi, "base policies are numbered from "
			    "1: base:1, base:2, ..., not '%s'", text);
		pol->kind = GR_BASE;
		pol->i = (size_t)i - 1;
	} else
		return cmd_fail(ctx, argi, "unknown policy '%s' (gpi, opt, or "
		    "base:I for stored base policy I)", text);
	return 0;
}

/* Progress and cancellation for long core work. */
int
gr_progress_begin(sx_progress *p, sx_ctx *ctx, const char *what)
{
	progress_begin(p, ctx->out, what);
	return 0;
}

/* Build base policies for tasks ws[n*nw] on g: exact on a tabular grid,
 * learned (Q-learning, then TD) with `seed` on foraging. */
sf_base *
gr_build_base(sx_ctx *ctx, const sx_grid *g, const double *ws, size_t n,
    unsigned long seed, int argi)
{
	sf_base *b = NULL;
	sx_err e;

	err_clear(&e);
	if (g->kind == GRID_TABULAR) {
		if (n * g->nstates * (size_t)g->nphi > GR_MAX_PSI) {
			cmd_fail(ctx, argi, "%zu base policies on %s would take more "
			    "than 256 MB: at most %zu", n, g->name,
			    GR_MAX_PSI / (g->nstates * (size_t)g->nphi));
			return NULL;
		}
		if (sf_base_exact(g, ws, n, NULL, &b, &e) != 0) {
			cmd_fail_err(ctx, argi, &e);
			return NULL;
		}
	} else {
		ql_opts qo = { 0 };
		sf_td_opts to = { 0 };
		sx_progress pr;

		gr_progress_begin(&pr, ctx, "sf base");
		sf_base_learn_opts(&qo, &to, seed);
		qo.progress = progress_update;
		qo.ctx = &pr;
		if (sf_base_learn(g, ws, n, &qo, &to, NULL, &b, &e) != 0)
			b = NULL;
		progress_end(&pr);
		if (b == NULL) {
			cmd_fail_err(ctx, argi, &e);
			return NULL;
		}
	}
	return b;
}

/* The default tasks e1 .. e_nw. */
double *
gr_unit_tasks(const sx_grid *g)
{
	double *ws = xcalloc((size_t)g->nw * (size_t)g->nw, sizeof *ws);

	for (int i = 0; i < g->nw; i++)
		ws[i * g->nw + i] = 1;
	return ws;
}

/*
 * The stored base policies. Without an 'sf base', the default base
 * (e1 .. e_nw) is made and kept: it is a function of the grid alone (its
 * seed included), so keeping it is a cache, and a replayed session makes
 * the same one.
 */
sf_base *
gr_need_base(sx_ctx *ctx, const sx_grid *g)
{
	double *ws;

	if (ctx->ws->base != NULL)
		return ctx->ws->base;
	ws = gr_unit_tasks(g);
	ctx->ws->base = gr_build_base(ctx, g, ws, (size_t)g->nw, g->seed, -1);
	free(ws);
	return ctx->ws->base;
}

/* The observation (or state) an episode from the start sees first. */
size_t
gr_start_obs(const sx_grid *g, unsigned long seed, char *layout)
{
	gsl_rng *rng = grid_rng(seed);
	grid_run run;
	size_t o;

	grid_reset(g, &run, GRID_TERMINAL, rng);
	gsl_rng_free(rng);
	o = grid_obs(g, &run);
	if (layout != NULL && g->kind == GRID_FORAGING) {
		for (int p = 0; p < GRID_FORAGE_CELLS; p++)
			layout[p] = run.layout[p] != 0 ? (char)('0' + run.layout[p]) :
			    '.';
		layout[g->start] = 'S';
	}
	return o;
}

/*
 * The actions of policy pol for task wfull (b->nobs of them, malloc'ed).
 * Fails for base:I beyond the stored ones, or opt without a model.
 */
unsigned char *
gr_policy_actions(sx_ctx *ctx, int argi, const sx_grid *g, const sf_base *b,
    const double *wfull, const gr_policy *pol)
{
	unsigned char *pi = xmalloc(b->nobs);
	sx_err e;

	err_clear(&e);
	switch (pol->kind) {
	case GR_BASE:
		if (pol->i >= b->n) {
			cmd_fail(ctx, argi, "there %s %zu stored base polic%s: "
			    "base:1 to base:%zu", b->n == 1 ? "is" : "are", b->n,
			    b->n == 1 ? "y" : "ies", b->n);
			goto fail;
		}
		memcpy(pi, b->pi + pol->i * b->nobs, b->nobs);
		return pi;
	case GR_GPI:
		if (gpi_policy(g, b, wfull, NULL, pi, &e) != 0) {
			cmd_fail_err(ctx, argi, &e);
			goto fail;
		}
		return pi;
	case GR_OPT:
		if (g->kind != GRID_TABULAR) {
			cmd_fail(ctx, argi, "%s has no model, so no optimal policy: "
			    "use gpi or base:I", g->name);
			goto fail;
		}
		{
			double *V = xmalloc(g->nstates * sizeof *V);
			int rc = vi_optimal(g, wfull, NULL, V, pi, &e);

			free(V);
			if (rc != 0) {
				cmd_fail_err(ctx, argi, &e);
				goto fail;
			}
		}
		return pi;
	}
fail:
	free(pi);
	return NULL;
}

void
gr_rec_w(sx_rec *to, const char *key, const double *w, int nw)
{
	sx_rec *a = rec_arr(to, key);

	for (int k = 0; k < nw; k++)
		rec_num(a, NULL, w[k]);
}

void
gr_rec_cell(sx_rec *to, const char *key, const sx_grid *g, int pos)
{
	sx_rec *a = rec_arr(to, key);

	rec_int(a, NULL, pos / g->cols);
	rec_int(a, NULL, pos % g->cols);
}

void
gr_rec_set(sx_rec *to, const sx_grid *g, uint32_t m)
{
	sx_rec *a = rec_arr(to, "collected");

	for (int k = 0; k < g->nobj; k++)
		if (m & ((uint32_t)1 << k))
			rec_int(a, NULL, k + 1);
}

void
gr_rec_map(sx_rec *to, const sx_grid *g, const char *map)
{
	sx_rec *rows = rec_arr(to, "map");
	char *line = xmalloc((size_t)g->cols + 1);

	for (int r = 0; r < g->rows; r++) {
		memcpy(line, map + (size_t)r * (size_t)g->cols, (size_t)g->cols);
		line[g->cols] = '\0';
		rec_str(rows, NULL, line);
	}
	free(line);
}

void
gr_rec_grid(sx_rec *to, const sx_grid *g, const char *map)
{
	rec_str(to, "grid", g->name);
	rec_str(to, "goal", gr_goal_name(g));
	rec_bool(to, "has_goal", g->has_goal);
	gr_rec_map(to, g, map);
}
