/* cmd-grid.c: gridworlds and RL transfer: grid, sf base, gpe, gpi, rollout,
 * policy show, value show, w learn, transfer, gmodel. */
#include "config.h"

#include <errno.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <unistd.h>

#include "base/sha256.h"
#include "base/xalloc.h"
#include "rl/gmodel.h"
#include "rl/gpi.h"
#include "rl/rollout.h"
#include "rl/sf.h"
#include "rl/transfer.h"
#include "rl/vi.h"
#include "rl/wlearn.h"
#include "scaling/csv.h"
#include "sessions/cmd.h"
#include "sessions/gridview.h"
#include "sessions/lex.h"
#include "sessions/plotout.h"
#include "sessions/progress.h"

/* Most base policies one 'sf base' may store, and the most successor
 * feature doubles all of them together may take (256 MB). */
#define GR_MAX_BASE 16
#define GR_MAX_PSI ((size_t)1 << 25)
/* Rollouts behind a value on a grid without a model (foraging). */
#define GR_MC_EPISODES 32

/* Which policy a command looks at: GPI, the optimum, or stored base i. */
typedef enum gr_polkind { GR_GPI, GR_OPT, GR_BASE } gr_polkind;

typedef struct gr_policy {
	gr_polkind kind;
	size_t i;          /* base index (0-based) */
	char label[32];    /* "gpi", "opt", "base:2" */
} gr_policy;

static const char *
gr_goal_name(const sx_grid *g)
{
	return g->goal == GRID_GOAL_SUM ? "sum" : "unit";
}

/* " (goal unit)" for text headings, or nothing on a grid without G. */
static const char *
gr_goal_note(const sx_grid *g)
{
	if (!g->has_goal)
		return "";
	return g->goal == GRID_GOAL_SUM ? " (goal sum)" : " (goal unit)";
}

/* The name of user feature k: the object type digit, or the goal letter. */
static void
gr_feature_name(const sx_grid *g, int k, char *buf, size_t len)
{
	snprintf(buf, len, "%c", k < g->ntypes ? '1' + k :
	    'A' + (k - g->ntypes));
}

/* "1,-1,0" as the user would write it. */
static void
gr_w_text(const double *w, int nw, char *buf, size_t len)
{
	size_t at = 0;

	buf[0] = '\0';
	for (int k = 0; k < nw && at < len; k++)
		at += (size_t)snprintf(buf + at, len - at, "%s%.6g", k > 0 ? "," : "",
		    w[k]);
}

static void
gr_json_w(sx_out *o, const char *key, const double *w, int nw)
{
	out_key_arr(o, key);
	for (int k = 0; k < nw; k++)
		out_num(o, w[k]);
	out_end(o);
}

static void
gr_json_cell(sx_out *o, const char *key, const sx_grid *g, int pos)
{
	out_key_arr(o, key);
	out_num(o, pos / g->cols);
	out_num(o, pos % g->cols);
	out_end(o);
}

/* The loaded grid, or an error pointing at the command. */
static sx_grid *
gr_need(sx_ctx *ctx)
{
	if (ctx->ws->grid == NULL)
		cmd_fail(ctx, -1, "no grid loaded (try 'grid load fourroom'; "
		    "'grid list' names the built-in ones)");
	return ctx->ws->grid;
}

static int
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
static int
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
static int
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
static int
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
static int
gr_parse_policy(sx_ctx *ctx, int argi, const char *text, gr_policy *pol,
    const char *dflt)
{
	if (text == NULL)
		text = dflt;
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
static int
gr_progress_begin(sx_progress *p, sx_ctx *ctx, const char *what)
{
	progress_begin(p, ctx->out, what);
	return 0;
}

/* Build base policies for tasks ws[n*nw] on g: exact on a tabular grid,
 * learned (Q-learning, then TD) with `seed` on foraging. */
static sf_base *
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
static double *
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
static sf_base *
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
static size_t
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
static unsigned char *
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

/* ---- grid list, grid load, grid show ---- */

static int
cmd_grid_list_exec(sx_ctx *ctx, const sx_args *a)
{
	sx_out *o = ctx->out;
	size_t n = grid_builtin_count();

	(void)a;
	if (o->json) {
		out_obj_begin(o, "grid list");
		out_key_arr(o, "grids");
		for (size_t i = 0; i < n; i++) {
			out_obj(o);
			out_key_str(o, "name", grid_builtin_name(i));
			out_key_str(o, "help", grid_builtin_help(i));
			out_end(o);
		}
		out_end(o);
		out_key_str(o, "loaded", ctx->ws->grid != NULL ?
		    ctx->ws->grid->name : NULL);
		out_obj_end(o);
		return 0;
	}
	for (size_t i = 0; i < n; i++)
		out_printf(o, "%-10s %s\n", grid_builtin_name(i),
		    grid_builtin_help(i));
	out_puts(o, "(or 'grid load FILE' for a map of your own: see "
	    "'help grid load')\n");
	return 0;
}

/* What a loaded grid is, one line of text or a JSON object's keys. */
static void
gr_describe(sx_out *o, const sx_grid *g, const char *cmd)
{
	char feat[4 * GRID_MAX_W], name[8];
	size_t at = 0;

	feat[0] = '\0';
	for (int k = 0; k < g->nw; k++) {
		gr_feature_name(g, k, name, sizeof name);
		at += (size_t)snprintf(feat + at, sizeof feat - at, "%s%s",
		    k > 0 ? " " : "", name);
	}
	if (o->json) {
		out_obj_begin(o, cmd);
		out_key_str(o, "name", g->name);
		out_key_str(o, "kind", g->kind == GRID_TABULAR ? "tabular" :
		    "foraging");
		out_key_int(o, "rows", g->rows);
		out_key_int(o, "cols", g->cols);
		out_key_num(o, "gamma", g->gamma);
		out_key_num(o, "slip", g->slip);
		out_key_int(o, "horizon", g->horizon);
		out_key_str(o, "goal", gr_goal_name(g));
		out_key_int(o, "seed", (long long)g->seed);
		out_key_arr(o, "features");
		for (int k = 0; k < g->nw; k++) {
			gr_feature_name(g, k, name, sizeof name);
			out_str(o, name);
		}
		out_end(o);
		out_key_int(o, "objects", g->kind == GRID_TABULAR ? g->nobj :
		    2 * g->forage_per_type);
		out_key_int(o, "states", (long long)g->nstates);
		gr_json_cell(o, "start", g, g->start);
		return;
	}
	if (g->kind == GRID_FORAGING) {
		out_printf(o, "%s: %dx%d torus, %d objects of each of 2 types "
		    "respawning at random (seed %lu), gamma %g, slip %g, horizon %d; "
		    "sampled only, no model\n", g->name, g->rows, g->cols,
		    g->forage_per_type, g->seed, g->gamma, g->slip, g->horizon);
	} else {
		out_printf(o, "%s: %dx%d, %d cells, ", g->name, g->rows, g->cols,
		    g->ncell);
		if (g->nobj > 0)
			out_printf(o, "%d object%s of %d type%s, ", g->nobj,
			    g->nobj == 1 ? "" : "s", g->ntypes,
			    g->ntypes == 1 ? "" : "s");
		if (g->nletters > 0)
			out_printf(o, "%d lettered goal%s, ", g->nletters,
			    g->nletters == 1 ? "" : "s");
		if (g->has_goal)
			out_printf(o, "goal G (%s), ", gr_goal_name(g));
		out_printf(o, "gamma %g, slip %g, horizon %d; %zu states\n",
		    g->gamma, g->slip, g->horizon, g->nstates);
	}
	out_printf(o, "  W has %d weight%s, for features %s%s\n", g->nw,
	    g->nw == 1 ? "" : "s", feat, g->has_goal && g->goal == GRID_GOAL_UNIT ?
	    " (the goal's weight is 1)" : g->has_goal ? " (the goal pays their "
	    "sum)" : "");
}

static int
gr_is_builtin(const char *name)
{
	for (size_t i = 0; i < grid_builtin_count(); i++)
		if (strcmp(name, grid_builtin_name(i)) == 0)
			return 1;
	return 0;
}

/* The log entry of a map read from a file: inlined as a here-document. */
static char *
gr_load_logtext(const sx_args *a, const sx_cmd *c, const char *from,
    const char *text, size_t len)
{
	char hex[65], *qf = lex_quote(from), *cmd, *s, extra[128];
	const char *goal = arg(a, c, "--goal"), *slip = arg(a, c, "--slip");
	const char *seed = arg(a, c, "--seed");

	extra[0] = '\0';
	if (goal != NULL)
		snprintf(extra + strlen(extra), sizeof extra - strlen(extra),
		    " --goal %s", goal);
	if (slip != NULL)
		snprintf(extra + strlen(extra), sizeof extra - strlen(extra),
		    " --slip %.17g", strtod(slip, NULL));
	if (seed != NULL)
		snprintf(extra + strlen(extra), sizeof extra - strlen(extra),
		    " --seed %lu", strtoul(seed, NULL, 10));
	sha256_hex(text, len, hex);
	cmd = xasprintf("grid load - --from %s --sha256 %s%s", qf, hex, extra);
	s = lex_with_heredoc(cmd, text, len);
	free(cmd);
	free(qf);
	return s;
}

static int
cmd_grid_load_exec(sx_ctx *ctx, const sx_args *a)
{
	const sx_cmd *c = ctx->cmd;
	const char *name = arg(a, c, "NAME"), *goal = arg(a, c, "--goal");
	const char *slip = arg(a, c, "--slip"), *seed = arg(a, c, "--seed");
	const char *from = arg(a, c, "--from"), *sum = arg(a, c, "--sha256");
	int argi = arg_index(a, c, "NAME");
	grid_opts go;
	sx_grid *g = NULL;
	sx_err e;

	memset(&go, 0, sizeof go);
	err_clear(&e);
	go.goal = goal != NULL && strcmp(goal, "sum") == 0 ? GRID_GOAL_SUM :
	    GRID_GOAL_UNIT;
	if (slip != NULL) {
		go.slip = strtod(slip, NULL);
		go.slip_set = 1;
		if (!(go.slip >= 0 && go.slip <= 1))
			return cmd_fail(ctx, arg_index(a, c, "--slip"), "--slip is a "
			    "probability in [0, 1], not %s", slip);
	}
	if (seed != NULL) {
		errno = 0;
		go.seed = strtoul(seed, NULL, 10);
		if (errno == ERANGE)
			return cmd_fail(ctx, arg_index(a, c, "--seed"), "--seed is "
			    "too large");
	}
	if (strcmp(name, "-") == 0) {
		char hex[65];

		if (ctx->cl->heredoc == NULL)
			return cmd_fail(ctx, argi, "'grid load -' reads a map from a "
			    "here-document: grid load - <<END");
		if (sum != NULL) {
			sha256_hex(ctx->cl->heredoc, ctx->cl->heredoc_len, hex);
			if (strcmp(hex, sum) != 0)
				return cmd_fail(ctx, arg_index(a, c, "--sha256"), "the "
				    "inlined map does not match its SHA-256: the session "
				    "file was changed or damaged");
		}
		g = grid_parse(ctx->cl->heredoc, "<here-document>", &go, &e);
		if (g == NULL && e.line > 0)
			e.line += ctx->cl->heredoc_line - 1;
		/* A map without a `name` header is named after its file, or "map". */
		if (g != NULL && strcmp(g->name, "<here-document>") == 0) {
			free(g->name);
			g->name = xstrdup(from != NULL ? from : "map");
		}
	} else {
		if (ctx->cl->heredoc != NULL || from != NULL || sum != NULL)
			return cmd_fail(ctx, argi, "a here-document, --from and "
			    "--sha256 go with 'grid load -', not a name or path");
		/* A bare word that is neither built in nor a file: say so. */
		if (!gr_is_builtin(name) && strpbrk(name, "/.") == NULL &&
		    access(name, F_OK) != 0)
			return cmd_fail(ctx, argi, "unknown grid '%s' (built in: %s; "
			    "or a map file)", name, "fourroom, corners, foraging");
		g = grid_load(name, &go, &e);
		if (g != NULL && !gr_is_builtin(name)) {
			/* From a file: keep its text for the log. */
			char *text = NULL;
			size_t len = 0;
			sx_err e2;

			err_clear(&e2);
			if (csv_read_text(name, &text, &len, &e2) != 0) {
				grid_free(g);
				return cmd_fail_err(ctx, argi, &e2);
			}
			ctx->logtext = gr_load_logtext(a, c, name, text, len);
			free(text);
		}
	}
	if (g == NULL)
		return cmd_fail_err(ctx, argi, &e);
	if (ctx->ws->base != NULL) {
		sf_base_free(ctx->ws->base);
		ctx->ws->base = NULL;
	}
	grid_free(ctx->ws->grid);
	ctx->ws->grid = g;
	gr_describe(ctx->out, g, "grid load");
	if (ctx->out->json)
		out_obj_end(ctx->out);
	return 0;
}

static int
cmd_grid_show_exec(sx_ctx *ctx, const sx_args *a)
{
	sx_out *o = ctx->out;
	const sx_grid *g = gr_need(ctx);

	(void)a;
	if (g == NULL)
		return -1;
	gr_describe(o, g, "grid show");
	if (o->json) {
		out_key_arr(o, "map");
		for (int r = 0; r < g->rows; r++) {
			char row[GRID_MAX_SIDE + 1];

			snprintf(row, sizeof row, "%.*s", g->cols, g->map + r * g->cols);
			out_str(o, row);
		}
		out_end(o);
		out_key_arr(o, "object_list");
		for (int k = 0; g->kind == GRID_TABULAR && k < g->nobj; k++) {
			out_obj(o);
			out_key_int(o, "number", k + 1);
			out_key_int(o, "type", g->obj_type[k] + 1);
			gr_json_cell(o, "cell", g, g->obj_pos[k]);
			out_end(o);
		}
		out_end(o);
		out_key_int(o, "base_policies", ctx->ws->base != NULL ?
		    (long long)ctx->ws->base->n : 0);
		out_obj_end(o);
		return 0;
	}
	gridview_map(o, g, g->map);
	if (g->kind == GRID_TABULAR && g->nobj > 0) {
		out_puts(o, "objects (for --collected):");
		for (int k = 0; k < g->nobj; k++)
			out_printf(o, "%s  #%-2d type %d at %2d,%-2d", k % 4 == 0 ?
			    "\n" : "", k + 1, g->obj_type[k] + 1,
			    g->obj_pos[k] / g->cols, g->obj_pos[k] % g->cols);
		out_puts(o, "\n");
	}
	if (ctx->ws->base != NULL)
		out_printf(o, "%zu base polic%s stored (see 'sf base')\n",
		    ctx->ws->base->n, ctx->ws->base->n == 1 ? "y" : "ies");
	return 0;
}

/* ---- sf base ---- */

/* Print the base set: each task and its successor features at the start. */
static void
gr_report_base(sx_out *o, const sx_grid *g, const sf_base *b)
{
	size_t s0 = gr_start_obs(g, g->seed, NULL), K = (size_t)b->nphi;
	double psi[GRID_MAX_PHI];
	char wt[256], name[8];

	if (o->json) {
		out_obj_begin(o, "sf base");
		out_key_str(o, "grid", g->name);
		out_key_bool(o, "learned", b->learned);
		if (b->learned) {
			out_key_int(o, "q_samples", (long long)b->q_samples);
			out_key_num(o, "q_alpha", b->q_alpha);
			out_key_num(o, "q_epsilon", b->q_epsilon);
			out_key_int(o, "td_episodes", (long long)b->td_episodes);
			out_key_num(o, "td_alpha", b->td_alpha);
			out_key_num(o, "td_epsilon", b->td_epsilon);
			out_key_int(o, "horizon", g->horizon);
			out_key_int(o, "check_episodes", (long long)b->check_episodes);
		}
		out_key_arr(o, "policies");
	} else {
		out_printf(o, "%zu base polic%s on %s, %s; successor features at "
		    "the start, psi(s0, pi(s0)):\n", b->n, b->n == 1 ? "y" : "ies",
		    g->name, b->learned ? "learned (Q-learning, then TD)" :
		    "exact (optimal policies)");
		if (b->learned)
			out_printf(o, "  (each: Q-learning from %zu transitions, "
			    "epsilon %g, alpha %g, random ties; then TD over %zu "
			    "episodes of at most %d steps, alpha %g, %s)\n",
			    b->q_samples, b->q_epsilon, b->q_alpha, b->td_episodes,
			    g->horizon, b->td_alpha, b->td_epsilon > 0 ?
			    "exploring" : "following the policy");
		out_printf(o, "  %-6s %-16s", "policy", "task w");
		for (int k = 0; k < g->nphi; k++) {
			if (k < g->nw)
				gr_feature_name(g, k, name, sizeof name);
			else
				snprintf(name, sizeof name, "G");
			out_printf(o, " %9s", name);
		}
		out_puts(o, "\n");
	}
	for (size_t i = 0; i < b->n; i++) {
		const double *w = b->w + i * (size_t)b->nw;

		sf_base_psi(g, b, i, s0, b->pi[i * b->nobs + s0], psi);
		if (o->json) {
			out_obj(o);
			gr_json_w(o, "w", w, b->nw);
			gr_json_w(o, "psi", psi, b->nphi);
			if (b->learned) {
				gr_json_w(o, "check_td", b->check.td + i * K, b->nphi);
				gr_json_w(o, "check_mc", b->check.mc + i * K, b->nphi);
				gr_json_w(o, "check_se", b->check.se + i * K, b->nphi);
				gr_json_w(o, "check_along", b->check.along + i * K,
				    b->nphi);
				out_key_num(o, "sf_error", sf_base_error(b, i));
			}
			out_end(o);
			continue;
		}
		gr_w_text(w, b->nw, wt, sizeof wt);
		out_printf(o, "  base:%-2zu %-16s", i + 1, wt);
		for (int k = 0; k < b->nphi; k++)
			out_printf(o, " %9.5f", psi[k]);
		out_puts(o, "\n");
	}
	if (o->json) {
		out_end(o);
		out_obj_end(o);
		return;
	}
	if (!b->learned)
		return;
	out_printf(o, "  check against the policies followed, %zu episodes each "
	    "from the start (fresh layouts):\n"
	    "    at the start: mean learned psi(s0, pi(s0)) | mean discounted "
	    "feature sums (standard error) | largest error\n"
	    "    along the policy's visits: mean of learned psi minus the "
	    "discounted feature sums from there on\n", b->check_episodes);
	for (size_t i = 0; i < b->n; i++) {
		out_printf(o, "  base:%-2zu", i + 1);
		for (int k = 0; k < b->nphi; k++)
			out_printf(o, " %8.4f", b->check.td[i * K + (size_t)k]);
		out_puts(o, " |");
		for (int k = 0; k < b->nphi; k++)
			out_printf(o, " %8.4f (%.4f)", b->check.mc[i * K + (size_t)k],
			    b->check.se[i * K + (size_t)k]);
		out_printf(o, " | %.4f\n    along:", sf_base_error(b, i));
		for (int k = 0; k < b->nphi; k++)
			out_printf(o, " %8.4f", b->check.along[i * K + (size_t)k]);
		out_puts(o, "\n");
	}
}

static int
cmd_sf_base_exec(sx_ctx *ctx, const sx_args *a)
{
	const sx_grid *g = gr_need(ctx);
	const char *list = arg(a, ctx->cmd, "W");
	const char *seedtxt = arg(a, ctx->cmd, "--seed");
	int argi = arg_index(a, ctx->cmd, "W");
	unsigned long seed;
	double *ws, wfull[GRID_MAX_PHI];
	size_t n = 0;
	sf_base *b;

	if (g == NULL)
		return -1;
	seed = seedtxt != NULL ? strtoul(seedtxt, NULL, 10) : g->seed;
	if (list == NULL) {
		ws = gr_unit_tasks(g);
		n = (size_t)g->nw;
	} else {
		/* Words of the joined REST value, each at its own argv index. */
		char *copy = xstrdup(list), *save = NULL;

		ws = xcalloc(GR_MAX_BASE * (size_t)g->nw, sizeof *ws);
		for (char *tok = strtok_r(copy, " ", &save); tok != NULL;
		    tok = strtok_r(NULL, " ", &save), n++) {
			if (n >= GR_MAX_BASE) {
				free(copy);
				free(ws);
				return cmd_fail(ctx, argi + (int)n, "at most %d base "
				    "policies", GR_MAX_BASE);
			}
			if (gr_parse_w(ctx, argi + (int)n, g, tok, ws + n * (size_t)g->nw,
			    wfull) != 0) {
				free(copy);
				free(ws);
				return -1;
			}
		}
		free(copy);
	}
	b = gr_build_base(ctx, g, ws, n, seed, argi);
	free(ws);
	if (b == NULL)
		return -1;
	if (ctx->ws->base != NULL)
		sf_base_free(ctx->ws->base);
	ctx->ws->base = b;
	/* A learned base logs its seed, resolved. */
	if (g->kind != GRID_TABULAR && seedtxt == NULL) {
		char extra[40];

		snprintf(extra, sizeof extra, "--seed %lu", seed);
		ctx->logtext = cmd_text(ctx->cl, extra);
	}
	gr_report_base(ctx->out, g, b);
	return 0;
}

/* ---- gpe, gpi ---- */

static int
cmd_gpe_exec(sx_ctx *ctx, const sx_args *a)
{
	sx_out *o = ctx->out;
	const sx_grid *g = gr_need(ctx);
	const char *at = arg(a, ctx->cmd, "--at");
	const char *coll = arg(a, ctx->cmd, "--collected");
	double w[GRID_MAX_W], wfull[GRID_MAX_PHI], *q, best[GRID_NACT];
	const sf_base *b;
	uint32_t m = 0;
	size_t s;
	int pos, act;
	char wt[256];
	sx_err e;

	if (g == NULL || gr_parse_w(ctx, arg_index(a, ctx->cmd, "W"), g,
	    arg(a, ctx->cmd, "W"), w, wfull) != 0)
		return -1;
	if ((at != NULL || coll != NULL) && gr_need_tabular(ctx, g) != 0)
		return -1;
	pos = g->start;
	if (at != NULL && gr_parse_cell(ctx, arg_index(a, ctx->cmd, "--at"), g,
	    at, &pos) != 0)
		return -1;
	if (gr_parse_collected(ctx, arg_index(a, ctx->cmd, "--collected"), g,
	    coll, &m) != 0)
		return -1;
	if (g->kind == GRID_TABULAR) {
		err_clear(&e);
		s = grid_state(g, pos / g->cols, pos % g->cols, m, &e);
		if (s == GRID_TERMINAL)
			return cmd_fail(ctx, arg_index(a, ctx->cmd, "--at"), "%s",
			    e.msg);
	} else
		s = gr_start_obs(g, g->seed, NULL);
	if ((b = gr_need_base(ctx, g)) == NULL)
		return -1;
	q = xmalloc(b->n * GRID_NACT * sizeof *q);
	gpe_q(g, b, wfull, s, q);
	act = gpi_act(g, b, wfull, s, NULL, best);
	gr_w_text(w, g->nw, wt, sizeof wt);
	if (o->json) {
		out_obj_begin(o, "gpe");
		gr_json_w(o, "w", w, g->nw);
		out_key_str(o, "goal", gr_goal_name(g));
		gr_json_cell(o, "cell", g, pos);
		out_key_arr(o, "q");
		for (size_t i = 0; i < b->n; i++) {
			out_arr(o);
			for (int k = 0; k < GRID_NACT; k++)
				out_num(o, q[i * GRID_NACT + (size_t)k]);
			out_end(o);
		}
		out_end(o);
		gr_json_w(o, "gpi_q", best, GRID_NACT);
		out_key_str(o, "gpi_action", gridview_action_name(act));
		out_obj_end(o);
		free(q);
		return 0;
	}
	out_printf(o, "GPE on %s: Q_i(s, a) = w . psi_i(s, a) for w = %s at "
	    "%d,%d\n", g->name, wt, pos / g->cols, pos % g->cols);
	out_printf(o, "  %-8s %10s %10s %10s %10s\n", "policy", "LEFT", "UP",
	    "RIGHT", "DOWN");
	for (size_t i = 0; i < b->n; i++) {
		out_printf(o, "  base:%-3zu", i + 1);
		for (int k = 0; k < GRID_NACT; k++)
			out_printf(o, " %10.5f", q[i * GRID_NACT + (size_t)k]);
		out_puts(o, "\n");
	}
	out_printf(o, "  %-8s", "max_i");
	for (int k = 0; k < GRID_NACT; k++)
		out_printf(o, " %10.5f", best[k]);
	out_printf(o, "\n  GPI acts %s\n", gridview_action_name(act));
	free(q);
	return 0;
}

static int
cmd_gpi_exec(sx_ctx *ctx, const sx_args *a)
{
	sx_out *o = ctx->out;
	const sx_grid *g = gr_need(ctx);
	double w[GRID_MAX_W], wfull[GRID_MAX_PHI], vg, vo, *vb, sfe = 0;
	const sf_base *b;
	char wt[256];
	sx_err e;

	if (g == NULL || gr_parse_w(ctx, arg_index(a, ctx->cmd, "W"), g,
	    arg(a, ctx->cmd, "W"), w, wfull) != 0)
		return -1;
	if ((b = gr_need_base(ctx, g)) == NULL)
		return -1;
	vb = xcalloc(b->n, sizeof *vb);
	for (size_t i = 0; i < b->n; i++)
		sfe = fmax(sfe, sf_base_error(b, i));
	err_clear(&e);
	if (g->kind == GRID_TABULAR && !b->learned) {
		gpi_values *v;

		if (gpi_values_compute(g, b, wfull, NULL, &v, &e) != 0) {
			free(vb);
			return cmd_fail_err(ctx, -1, &e);
		}
		vg = v->gpi[g->start_state];
		vo = v->opt[g->start_state];
		for (size_t i = 0; i < b->n; i++)
			vb[i] = v->base[i * g->nstates + g->start_state];
		gpi_values_free(v);
	} else {
		/* No model: mean discounted returns of seeded rollouts. */
		unsigned char *pi = xmalloc(b->nobs);

		if (gpi_policy(g, b, wfull, NULL, pi, &e) != 0) {
			free(pi);
			free(vb);
			return cmd_fail_err(ctx, -1, &e);
		}
		vg = rollout_value(g, pi, wfull, GR_MC_EPISODES, g->seed);
		vo = NAN;
		for (size_t i = 0; i < b->n; i++)
			vb[i] = rollout_value(g, b->pi + i * b->nobs, wfull,
			    GR_MC_EPISODES, g->seed);
		free(pi);
	}
	if (o->json) {
		out_obj_begin(o, "gpi");
		gr_json_w(o, "w", w, g->nw);
		out_key_str(o, "goal", gr_goal_name(g));
		out_key_obj(o, "values");
		out_key_num(o, "gpi", vg);
		out_key_num(o, "optimal", vo);
		gr_json_w(o, "base", vb, (int)b->n);
		out_end(o);
		if (b->learned)
			out_key_num(o, "sf_error_start", sfe);
		out_obj_end(o);
		free(vb);
		return 0;
	}
	gr_w_text(w, g->nw, wt, sizeof wt);
	out_printf(o, "GPI on %s for w = %s%s, value at the start "
	    "%d,%d%s:\n", g->name, wt, gr_goal_note(g), g->start / g->cols,
	    g->start % g->cols, g->kind == GRID_TABULAR ? "" :
	    " (mean return of 32 rollouts)");
	out_printf(o, "  %-22s %12.6f\n", "GPI", vg);
	if (isfinite(vo))
		out_printf(o, "  %-22s %12.6f\n", "optimal", vo);
	for (size_t i = 0; i < b->n; i++) {
		char label[256], bw[200];

		gr_w_text(b->w + i * (size_t)b->nw, b->nw, bw, sizeof bw);
		snprintf(label, sizeof label, "base:%zu (w = %s)", i + 1, bw);
		out_printf(o, "  %-22s %12.6f\n", label, vb[i]);
	}
	if (b->learned)
		out_printf(o, "  learned psi, largest error at the start %.4f (see "
		    "'sf base'); no guarantee:\n  the agent sees its neighbours, "
		    "not the state (see 'help gpi')\n", sfe);
	free(vb);
	return 0;
}

/* ---- rollout ---- */

static int
cmd_rollout_exec(sx_ctx *ctx, const sx_args *a)
{
	sx_out *o = ctx->out;
	const sx_cmd *c = ctx->cmd;
	const sx_grid *g = gr_need(ctx);
	const char *steps = arg(a, c, "--steps"), *seedtxt = arg(a, c, "--seed");
	double w[GRID_MAX_W], wfull[GRID_MAX_PHI];
	unsigned long seed;
	unsigned char *pi;
	const sf_base *b;
	gr_policy pol;
	char *layout, wt[256];
	rl_path p;
	long k = 0;
	sx_err e;

	if (g == NULL || gr_parse_w(ctx, arg_index(a, c, "W"), g,
	    arg(a, c, "W"), w, wfull) != 0)
		return -1;
	if (gr_parse_policy(ctx, arg_index(a, c, "--policy"),
	    arg(a, c, "--policy"), &pol, "gpi") != 0)
		return -1;
	if (steps != NULL) {
		k = strtol(steps, NULL, 10);
		if (k < 1 || k > 100000)
			return cmd_fail(ctx, arg_index(a, c, "--steps"), "--steps is "
			    "1 to 100000, not %s", steps);
	}
	seed = seedtxt != NULL ? strtoul(seedtxt, NULL, 10) : g->seed;
	if ((b = gr_need_base(ctx, g)) == NULL)
		return -1;
	pi = gr_policy_actions(ctx, arg_index(a, c, "--policy"), g, b, wfull,
	    &pol);
	if (pi == NULL)
		return -1;
	err_clear(&e);
	if (rollout_run(g, pi, wfull, (int)k, GRID_TERMINAL, seed, &p, &e) != 0) {
		free(pi);
		return cmd_fail_err(ctx, -1, &e);
	}
	free(pi);
	layout = xmalloc((size_t)g->rows * (size_t)g->cols);
	memcpy(layout, g->map, (size_t)g->rows * (size_t)g->cols);
	if (g->kind == GRID_FORAGING)
		gr_start_obs(g, seed, layout);
	if (o->json) {
		out_obj_begin(o, "rollout");
		gr_json_w(o, "w", w, g->nw);
		out_key_str(o, "policy", pol.label);
		out_key_int(o, "seed", (long long)seed);
		out_key_int(o, "steps", (long long)p.len);
		out_key_num(o, "return", p.ret);
		out_key_num(o, "total", p.total);
		out_key_bool(o, "terminal", p.terminal);
		out_key_arr(o, "path");
		for (size_t t = 0; t <= p.len; t++) {
			out_arr(o);
			out_num(o, p.pos[t] / g->cols);
			out_num(o, p.pos[t] % g->cols);
			out_end(o);
		}
		out_end(o);
		out_key_arr(o, "actions");
		for (size_t t = 0; t < p.len; t++)
			out_str(o, gridview_action_name(p.act[t]));
		out_end(o);
		out_key_arr(o, "pickups");
		for (size_t t = 0; t < p.len; t++) {
			if (p.event[t] < 0)
				continue;
			out_obj(o);
			out_key_int(o, "step", (long long)t + 1);
			out_key_int(o, "type", p.event[t] + 1);
			gr_json_cell(o, "cell", g, p.pos[t + 1]);
			out_key_num(o, "reward", p.reward[t]);
			out_end(o);
		}
		out_end(o);
		out_obj_end(o);
	} else {
		gr_w_text(w, g->nw, wt, sizeof wt);
		out_printf(o, "rollout of %s on %s for w = %s%s, seed %lu:\n",
		    pol.label, g->name, wt, gr_goal_note(g), seed);
		gridview_path(o, g, layout, &p);
		for (size_t t = 0; t < p.len; t++) {
			char name[8];

			if (p.event[t] >= 0) {
				int num = 0;

				for (int j = 0; g->kind == GRID_TABULAR && j < g->nobj; j++)
					if (g->obj_pos[j] == p.pos[t + 1])
						num = j + 1;
				gr_feature_name(g, p.event[t], name, sizeof name);
				if (num > 0)
					out_printf(o, "  step %3zu: picks up object #%d (type "
					    "%s) at %d,%d, reward %g\n", t + 1, num, name,
					    p.pos[t + 1] / g->cols, p.pos[t + 1] % g->cols,
					    p.reward[t]);
				else
					out_printf(o, "  step %3zu: picks up a type %s at "
					    "%d,%d, reward %g\n", t + 1, name,
					    p.pos[t + 1] / g->cols, p.pos[t + 1] % g->cols,
					    p.reward[t]);
			} else if (p.event[t] <= -2)
				out_printf(o, "  step %3zu: reaches %c at %d,%d, reward %g\n",
				    t + 1, g->map[p.pos[t + 1]], p.pos[t + 1] / g->cols,
				    p.pos[t + 1] % g->cols, p.reward[t]);
		}
		out_printf(o, "  %zu steps, %s; return %.6f (discounted), %g "
		    "(undiscounted)\n", p.len, p.terminal ? "episode over" :
		    "time ran out", p.ret, p.total);
	}
	free(layout);
	rollout_path_free(&p);
	return 0;
}

/* ---- policy show, value show ---- */

/*
 * For policy/value show: parse W, --policy and --collected, and compute
 * the exact values of the task (GPE, GPI and optimum) with the chosen
 * policy's actions and values.
 */
static int
gr_show_prepare(sx_ctx *ctx, const sx_args *a, const sx_grid **gp,
    double *w, gr_policy *pol, uint32_t *m, unsigned char **pi, double **V)
{
	const sx_cmd *c = ctx->cmd;
	const sx_grid *g = gr_need(ctx);
	double wfull[GRID_MAX_PHI];
	const sf_base *b;
	gpi_values *v;
	sx_err e;

	if (g == NULL || gr_need_tabular(ctx, g) != 0 ||
	    gr_parse_w(ctx, arg_index(a, c, "W"), g, arg(a, c, "W"), w,
	    wfull) != 0 ||
	    gr_parse_policy(ctx, arg_index(a, c, "--policy"),
	    arg(a, c, "--policy"), pol, "gpi") != 0 ||
	    gr_parse_collected(ctx, arg_index(a, c, "--collected"), g,
	    arg(a, c, "--collected"), m) != 0)
		return -1;
	if ((b = gr_need_base(ctx, g)) == NULL)
		return -1;
	if (pol->kind == GR_BASE && pol->i >= b->n) {
		unsigned char *t = gr_policy_actions(ctx, arg_index(a, c,
		    "--policy"), g, b, wfull, pol);

		free(t);
		return -1;
	}
	err_clear(&e);
	if (gpi_values_compute(g, b, wfull, NULL, &v, &e) != 0)
		return cmd_fail_err(ctx, -1, &e);
	*pi = xmalloc(g->nstates);
	*V = xmalloc(g->nstates * sizeof **V);
	if (pol->kind == GR_GPI) {
		memcpy(*pi, v->pi_gpi, g->nstates);
		memcpy(*V, v->gpi, g->nstates * sizeof **V);
	} else if (pol->kind == GR_OPT) {
		memcpy(*pi, v->pi_opt, g->nstates);
		memcpy(*V, v->opt, g->nstates * sizeof **V);
	} else {
		memcpy(*pi, b->pi + pol->i * b->nobs, g->nstates);
		memcpy(*V, v->base + pol->i * g->nstates, g->nstates * sizeof **V);
	}
	gpi_values_free(v);
	*gp = g;
	return 0;
}

/* "none" or "1,4,7": the collected set for headings. */
static void
gr_set_text(const sx_grid *g, uint32_t m, char *buf, size_t len)
{
	size_t at = 0;

	snprintf(buf, len, "none");
	for (int k = 0; k < g->nobj && at < len; k++)
		if (m & ((uint32_t)1 << k))
			at += (size_t)snprintf(buf + at, len - at, "%s%d",
			    at > 0 ? "," : "", k + 1);
}

static void
gr_json_set(sx_out *o, const sx_grid *g, uint32_t m)
{
	out_key_arr(o, "collected");
	for (int k = 0; k < g->nobj; k++)
		if (m & ((uint32_t)1 << k))
			out_num(o, k + 1);
	out_end(o);
}

static int
cmd_policy_show_exec(sx_ctx *ctx, const sx_args *a)
{
	sx_out *o = ctx->out;
	const sx_grid *g = NULL;
	double w[GRID_MAX_W], *V;
	unsigned char *pi;
	gr_policy pol;
	uint32_t m;
	char wt[256], st[64];

	if (gr_show_prepare(ctx, a, &g, w, &pol, &m, &pi, &V) != 0)
		return -1;
	if (o->json) {
		out_obj_begin(o, "policy show");
		gr_json_w(o, "w", w, g->nw);
		out_key_str(o, "policy", pol.label);
		gr_json_set(o, g, m);
		out_key_arr(o, "actions");
		for (int r = 0; r < g->rows; r++) {
			out_arr(o);
			for (int c = 0; c < g->cols; c++) {
				int k = g->pos_cell[r * g->cols + c];

				if (k < 0)
					out_num(o, NAN);
				else
					out_str(o, gridview_action_name(
					    pi[(size_t)m * (size_t)g->ncell + (size_t)k]));
			}
			out_end(o);
		}
		out_end(o);
		out_obj_end(o);
	} else {
		gr_w_text(w, g->nw, wt, sizeof wt);
		gr_set_text(g, m, st, sizeof st);
		out_printf(o, "policy %s on %s for w = %s%s, objects "
		    "collected: %s\n", pol.label, g->name, wt, gr_goal_note(g), st);
		gridview_policy(o, g, pi, m);
	}
	free(pi);
	free(V);
	return 0;
}

static int
cmd_value_show_exec(sx_ctx *ctx, const sx_args *a)
{
	sx_out *o = ctx->out;
	const sx_grid *g = NULL;
	double w[GRID_MAX_W], *V, *pv;
	unsigned char *pi;
	gr_policy pol;
	uint32_t m;
	size_t npos;
	char wt[256], st[64];

	if (gr_show_prepare(ctx, a, &g, w, &pol, &m, &pi, &V) != 0)
		return -1;
	npos = (size_t)g->rows * (size_t)g->cols;
	pv = xmalloc(npos * sizeof *pv);
	for (size_t p = 0; p < npos; p++) {
		int k = g->pos_cell[p];

		pv[p] = NAN;
		if (k < 0)
			continue;
		/* Uncollected objects' cells are never stood on (see gridview). */
		for (int j = 0; j < g->nobj; j++)
			if (g->obj_pos[j] == (int)p && !(m & ((uint32_t)1 << j)))
				k = -1;
		if (k >= 0)
			pv[p] = V[(size_t)m * (size_t)g->ncell + (size_t)k];
	}
	if (o->json) {
		out_obj_begin(o, "value show");
		gr_json_w(o, "w", w, g->nw);
		out_key_str(o, "policy", pol.label);
		gr_json_set(o, g, m);
		out_key_arr(o, "values");
		for (int r = 0; r < g->rows; r++) {
			out_arr(o);
			for (int c = 0; c < g->cols; c++)
				out_num(o, pv[r * g->cols + c]);
			out_end(o);
		}
		out_end(o);
		out_obj_end(o);
	} else {
		gr_w_text(w, g->nw, wt, sizeof wt);
		gr_set_text(g, m, st, sizeof st);
		out_printf(o, "value of %s on %s for w = %s%s, objects "
		    "collected: %s; at the start %.6f\n", pol.label, g->name, wt,
		    gr_goal_note(g), st, m == 0 ? V[g->start_state] :
		    pv[g->start]);
		gridview_shade(o, g, pv);
	}
	free(pv);
	free(pi);
	free(V);
	return 0;
}

/* ---- w learn, transfer ---- */

static int
cmd_w_learn_exec(sx_ctx *ctx, const sx_args *a)
{
	sx_out *o = ctx->out;
	const sx_cmd *c = ctx->cmd;
	const sx_grid *g = gr_need(ctx);
	const char *samp = arg(a, c, "--samples"), *noise = arg(a, c, "--noise");
	const char *seedtxt = arg(a, c, "--seed");
	double w[GRID_MAX_W], wfull[GRID_MAX_PHI], sd;
	size_t n;
	unsigned long seed;
	wl_result res;
	char name[8];
	sx_err e;

	if (g == NULL || gr_parse_w(ctx, arg_index(a, c, "W"), g, arg(a, c, "W"),
	    w, wfull) != 0)
		return -1;
	n = samp != NULL ? strtoul(samp, NULL, 10) : 10000;
	if (n < 1 || n > 100000000)
		return cmd_fail(ctx, arg_index(a, c, "--samples"), "--samples is 1 "
		    "to 100000000, not %s", samp);
	sd = noise != NULL ? strtod(noise, NULL) : 0;
	if (sd < 0)
		return cmd_fail(ctx, arg_index(a, c, "--noise"), "--noise is a "
		    "standard deviation >= 0, not %s", noise);
	seed = seedtxt != NULL ? strtoul(seedtxt, NULL, 10) : g->seed;
	err_clear(&e);
	if (wl_learn(g, w, n, sd, seed, &res, &e) != 0)
		return cmd_fail_err(ctx, -1, &e);
	if (o->json) {
		out_obj_begin(o, "w learn");
		gr_json_w(o, "w_true", w, g->nw);
		gr_json_w(o, "w", res.w, res.nw);
		out_key_int(o, "samples", (long long)res.samples);
		out_key_arr(o, "seen");
		for (int k = 0; k < res.nw; k++)
			out_num(o, (double)res.seen[k]);
		out_end(o);
		out_key_int(o, "rank", res.rank);
		out_key_num(o, "rmse", res.rmse);
		out_key_int(o, "seed", (long long)seed);
		out_obj_end(o);
		return 0;
	}
	out_printf(o, "w learned on %s from %zu transitions of a random policy "
	    "(noise sd %g, seed %lu):\n", g->name, res.samples, sd, seed);
	out_printf(o, "  %-8s %10s %10s %8s\n", "feature", "true", "learned",
	    "seen");
	for (int k = 0; k < res.nw; k++) {
		gr_feature_name(g, k, name, sizeof name);
		out_printf(o, "  %-8s %10.5g %10.5g %8zu\n", name, w[k], res.w[k],
		    res.seen[k]);
	}
	out_printf(o, "  rank %d, residual rms %.3g%s\n", res.rank, res.rmse,
	    res.rank < res.nw ? "; features never seen get weight 0" : "");
	return 0;
}

/* The learning curves against samples, the optimum as a reference line. */
static int
gr_transfer_plot(sx_ctx *ctx, const sx_args *a, const sx_grid *g,
    const double *w, const transfer_curve *cv)
{
	px_figure *fig = figure_new();
	double *x;
	char wt[256], *title, ql[64];
	px_err pe;
	int rc = -1;

	if (fig == NULL)
		return cmd_fail(ctx, -1, "out of memory");
	x = xcalloc(cv->n, sizeof *x);
	snprintf(ql, sizeof ql, "Q-learning (eps %g, alpha %g)", cv->epsilon,
	    cv->alpha);
	for (size_t j = 0; j < cv->n; j++)
		x[j] = (double)cv->samples[j];
	gr_w_text(w, g->nw, wt, sizeof wt);
	title = xasprintf("transfer on %s, w = %s", g->name, wt);
	figure_set_title(fig, title);
	figure_set_labels(fig, "transitions seen", "return from the start");
	if (figure_line(fig, "GPI, true w (zero-shot)", x, cv->gpi_zero, cv->n,
	    &pe) < 0 || figure_line(fig, "GPI, w fitted", x, cv->gpi_learned,
	    cv->n, &pe) < 0 || figure_line(fig, ql, x, cv->qlearn,
	    cv->n, &pe) < 0 || (isfinite(cv->optimal) && figure_hline(fig,
	    "optimal", cv->optimal, &pe) < 0))
		cmd_fail(ctx, -1, "%s", pe.msg);
	else
		rc = plotout_emit(ctx, a, fig, "transfer");
	figure_free(fig);
	free(x);
	free(title);
	return rc;
}

static int
cmd_transfer_exec(sx_ctx *ctx, const sx_args *a)
{
	sx_out *o = ctx->out;
	const sx_cmd *c = ctx->cmd;
	const sx_grid *g = gr_need(ctx);
	const char *samp = arg(a, c, "--samples"), *pts = arg(a, c, "--points");
	const char *seedtxt = arg(a, c, "--seed");
	const char *alpha = arg(a, c, "--alpha"), *eps = arg(a, c, "--epsilon");
	double w[GRID_MAX_W], wfull[GRID_MAX_PHI];
	transfer_opts to;
	transfer_curve *cv = NULL;
	const sf_base *b;
	sx_progress pr;
	char wt[256];
	int rc;
	sx_err e;

	if (g == NULL || gr_parse_w(ctx, arg_index(a, c, "W"), g, arg(a, c, "W"),
	    w, wfull) != 0)
		return -1;
	memset(&to, 0, sizeof to);
	to.samples = samp != NULL ? strtoul(samp, NULL, 10) : 20000;
	if (to.samples < 1 || to.samples > 10000000)
		return cmd_fail(ctx, arg_index(a, c, "--samples"), "--samples is 1 "
		    "to 10000000, not %s", samp);
	to.points = pts != NULL ? strtoul(pts, NULL, 10) : 10;
	if (to.points < 1 || to.points > 1000)
		return cmd_fail(ctx, arg_index(a, c, "--points"), "--points is 1 "
		    "to 1000, not %s", pts);
	to.alpha = alpha != NULL ? strtod(alpha, NULL) : QL_DEFAULT_ALPHA;
	if (!(to.alpha > 0 && to.alpha <= 1))
		return cmd_fail(ctx, arg_index(a, c, "--alpha"), "--alpha is a step "
		    "size in (0, 1], not %s", alpha);
	to.epsilon = eps != NULL ? strtod(eps, NULL) : QL_DEFAULT_EPSILON;
	if (!(to.epsilon > 0 && to.epsilon <= 1))
		return cmd_fail(ctx, arg_index(a, c, "--epsilon"), "--epsilon is a "
		    "probability in (0, 1], not %s", eps);
	to.seed = seedtxt != NULL ? strtoul(seedtxt, NULL, 10) : g->seed;
	if ((b = gr_need_base(ctx, g)) == NULL)
		return -1;
	gr_progress_begin(&pr, ctx, "transfer");
	to.progress = progress_update;
	to.ctx = &pr;
	err_clear(&e);
	rc = transfer_run(g, b, w, &to, &cv, &e);
	progress_end(&pr);
	if (rc != 0)
		return cmd_fail_err(ctx, -1, &e);
	if (arg(a, c, "--plot") != NULL) {
		rc = gr_transfer_plot(ctx, a, g, w, cv);
		transfer_curve_free(cv);
		return rc;
	}
	if (o->json) {
		out_obj_begin(o, "transfer");
		gr_json_w(o, "w", w, g->nw);
		out_key_int(o, "seed", (long long)to.seed);
		out_key_num(o, "alpha", cv->alpha);
		out_key_num(o, "epsilon", cv->epsilon);
		out_key_str(o, "ties", "random");
		out_key_arr(o, "samples");
		for (size_t j = 0; j < cv->n; j++)
			out_num(o, (double)cv->samples[j]);
		out_end(o);
		gr_json_w(o, "gpi_zero", cv->gpi_zero, (int)cv->n);
		gr_json_w(o, "gpi_learned", cv->gpi_learned, (int)cv->n);
		gr_json_w(o, "qlearn", cv->qlearn, (int)cv->n);
		out_key_num(o, "optimal", cv->optimal);
		gr_json_w(o, "w_learned", cv->w_learned, cv->nw);
		out_obj_end(o);
	} else {
		gr_w_text(w, g->nw, wt, sizeof wt);
		out_printf(o, "transfer on %s for w = %s (seed %lu): discounted "
		    "return from the start against transitions seen\n", g->name,
		    wt, to.seed);
		out_printf(o, "  Q-learning: Q = 0 at first, epsilon-greedy with "
		    "epsilon %g, step size alpha %g,\n  greedy ties broken "
		    "uniformly at random (seeded); GPI (w fit) explores with the "
		    "same epsilon\n", cv->epsilon, cv->alpha);
		out_printf(o, "  %10s %12s %12s %12s\n", "samples", "GPI (true w)",
		    "GPI (w fit)", "Q-learning");
		for (size_t j = 0; j < cv->n; j++)
			out_printf(o, "  %10zu %12.5f %12.5f %12.5f\n", cv->samples[j],
			    cv->gpi_zero[j], cv->gpi_learned[j], cv->qlearn[j]);
		if (isfinite(cv->optimal))
			out_printf(o, "  optimal %.5f\n", cv->optimal);
		gr_w_text(cv->w_learned, cv->nw, wt, sizeof wt);
		out_printf(o, "  w fit from GPI's own transitions: %s\n", wt);
	}
	transfer_curve_free(cv);
	return 0;
}

/* ---- gmodel ---- */

/* An action by name (LEFT UP RIGHT DOWN, any case, or a letter) or 0-3. */
static int
gr_parse_action(const char *text)
{
	for (int k = 0; k < GRID_NACT; k++) {
		const char *n = gridview_action_name(k);

		if (strcasecmp(text, n) == 0 || (text[0] != '\0' && text[1] ==
		    '\0' && (text[0] == n[0] || text[0] == n[0] + 32 ||
		    text[0] == '0' + k)))
			return k;
	}
	return -1;
}

static int
cmd_gmodel_exec(sx_ctx *ctx, const sx_args *a)
{
	sx_out *o = ctx->out;
	const sx_cmd *c = ctx->cmd;
	const sx_grid *g = gr_need(ctx);
	const char *wtxt = arg(a, c, "--w"), *atxt = arg(a, c, "A");
	double w[GRID_MAX_W], wfull[GRID_MAX_PHI], *mu;
	unsigned char *pi;
	const sf_base *b;
	gr_policy pol;
	uint32_t m;
	int pos, act, top[5], ntop = 0;
	size_t s, npos;
	char st[64];
	sx_err e;

	if (g == NULL || gr_need_tabular(ctx, g) != 0 ||
	    gr_parse_cell(ctx, arg_index(a, c, "S"), g, arg(a, c, "S"), &pos) != 0)
		return -1;
	if ((act = gr_parse_action(atxt)) < 0)
		return cmd_fail(ctx, arg_index(a, c, "A"), "an action is LEFT, UP, "
		    "RIGHT or DOWN (or L U R D, 0-3), not '%s'", atxt);
	if (gr_parse_policy(ctx, arg_index(a, c, "--policy"),
	    arg(a, c, "--policy"), &pol, "base:1") != 0 ||
	    gr_parse_collected(ctx, arg_index(a, c, "--collected"), g,
	    arg(a, c, "--collected"), &m) != 0)
		return -1;
	if (pol.kind != GR_BASE && wtxt == NULL)
		return cmd_fail(ctx, arg_index(a, c, "--policy"), "--policy %s "
		    "needs a task: add --w W", pol.label);
	memset(wfull, 0, sizeof wfull);
	if (wtxt != NULL && gr_parse_w(ctx, arg_index(a, c, "--w"), g, wtxt, w,
	    wfull) != 0)
		return -1;
	err_clear(&e);
	s = grid_state(g, pos / g->cols, pos % g->cols, m, &e);
	if (s == GRID_TERMINAL)
		return cmd_fail(ctx, arg_index(a, c, "S"), "%s", e.msg);
	if ((b = gr_need_base(ctx, g)) == NULL)
		return -1;
	pi = gr_policy_actions(ctx, arg_index(a, c, "--policy"), g, b, wfull,
	    &pol);
	if (pi == NULL)
		return -1;
	npos = (size_t)g->rows * (size_t)g->cols;
	mu = xmalloc(npos * sizeof *mu);
	if (gmodel_compute(g, pi, s, act, mu, &e) != 0) {
		free(pi);
		free(mu);
		return cmd_fail_err(ctx, -1, &e);
	}
	free(pi);
	/* The five likeliest cells, ties to the earlier position. */
	for (int k = 0; k < 5; k++) {
		int best = -1;

		for (size_t p = 0; p < npos; p++) {
			int used = 0;

			for (int j = 0; j < ntop; j++)
				used |= top[j] == (int)p;
			if (!used && mu[p] > 0 && (best < 0 || mu[p] > mu[best]))
				best = (int)p;
		}
		if (best >= 0)
			top[ntop++] = best;
	}
	if (o->json) {
		out_obj_begin(o, "gmodel");
		gr_json_cell(o, "cell", g, pos);
		out_key_str(o, "action", gridview_action_name(act));
		out_key_str(o, "policy", pol.label);
		gr_json_set(o, g, m);
		out_key_arr(o, "mu");
		for (int r = 0; r < g->rows; r++) {
			out_arr(o);
			for (int cc = 0; cc < g->cols; cc++)
				out_num(o, mu[r * g->cols + cc]);
			out_end(o);
		}
		out_end(o);
		out_obj_end(o);
	} else {
		gr_set_text(g, m, st, sizeof st);
		out_printf(o, "gamma-model of %s on %s from %d,%d taking %s "
		    "(collected: %s, gamma %g): where the agent is after 1 + K "
		    "steps, K ~ Geometric(1 - gamma)\n", pol.label, g->name,
		    pos / g->cols, pos % g->cols, gridview_action_name(act), st,
		    g->gamma);
		for (size_t p = 0; p < npos; p++)
			if (g->map[p] == 'X')
				mu[p] = NAN;
		gridview_shade(o, g, mu);
		out_puts(o, "likeliest cells:");
		for (int k = 0; k < ntop; k++)
			out_printf(o, "  %d,%d %.4f", top[k] / g->cols, top[k] % g->cols,
			    mu[top[k]]);
		out_puts(o, "\n");
	}
	free(mu);
	return 0;
}

/* ---- the table ---- */

static const sx_argdef no_args[] = {
	{ NULL, 0, 0, NULL, NULL }
};
static const sx_argdef load_args[] = {
	{ "NAME", ARG_PATH, 0, NULL, NULL },
	{ "--goal", ARG_CHOICE, 0, "unit|sum", "unit|sum" },
	{ "--slip", ARG_NUMBER, 0, NULL, "P" },
	{ "--seed", ARG_INT, 0, NULL, "S" },
	{ "--from", ARG_PATH, 0, NULL, "PATH" },
	{ "--sha256", ARG_WORD, 0, NULL, "HEX" },
	{ NULL, 0, 0, NULL, NULL }
};
static const sx_argdef base_args[] = {
	{ "W", ARG_WORD, ARG_OPT | ARG_REST, NULL, "W1 W2 ..." },
	{ "--seed", ARG_INT, 0, NULL, "S" },
	{ NULL, 0, 0, NULL, NULL }
};
static const sx_argdef gpe_args[] = {
	{ "W", ARG_WORD, 0, NULL, "W" },
	{ "--at", ARG_WORD, 0, NULL, "ROW,COL" },
	{ "--collected", ARG_WORD, 0, NULL, "LIST" },
	{ NULL, 0, 0, NULL, NULL }
};
static const sx_argdef gpi_args[] = {
	{ "W", ARG_WORD, 0, NULL, "W" },
	{ NULL, 0, 0, NULL, NULL }
};
static const sx_argdef rollout_args[] = {
	{ "W", ARG_WORD, 0, NULL, "W" },
	{ "--policy", ARG_WORD, 0, "gpi|opt|base:1", "gpi|opt|base:I" },
	{ "--steps", ARG_INT, 0, NULL, "K" },
	{ "--seed", ARG_INT, 0, NULL, "S" },
	{ NULL, 0, 0, NULL, NULL }
};
static const sx_argdef show_args[] = {
	{ "W", ARG_WORD, 0, NULL, "W" },
	{ "--policy", ARG_WORD, 0, "gpi|opt|base:1", "gpi|opt|base:I" },
	{ "--collected", ARG_WORD, 0, NULL, "LIST" },
	{ NULL, 0, 0, NULL, NULL }
};
static const sx_argdef wlearn_args[] = {
	{ "W", ARG_WORD, 0, NULL, "W" },
	{ "--samples", ARG_INT, 0, NULL, "K" },
	{ "--noise", ARG_NUMBER, 0, NULL, "SD" },
	{ "--seed", ARG_INT, 0, NULL, "S" },
	{ NULL, 0, 0, NULL, NULL }
};
static const sx_argdef transfer_args[] = {
	{ "W", ARG_WORD, 0, NULL, "W" },
	{ "--samples", ARG_INT, 0, NULL, "K" },
	{ "--points", ARG_INT, 0, NULL, "N" },
	{ "--epsilon", ARG_NUMBER, 0, NULL, "E" },
	{ "--alpha", ARG_NUMBER, 0, NULL, "A" },
	{ "--seed", ARG_INT, 0, NULL, "S" },
	{ "--plot", ARG_FLAG, 0, NULL, NULL },
	PLOTOUT_ARGS,
	{ NULL, 0, 0, NULL, NULL }
};
static const sx_argdef gmodel_args[] = {
	{ "S", ARG_WORD, 0, NULL, "ROW,COL" },
	{ "A", ARG_WORD, 0, "LEFT|UP|RIGHT|DOWN", "LEFT|UP|RIGHT|DOWN" },
	{ "--policy", ARG_WORD, 0, "base:1|gpi|opt", "base:I|gpi|opt" },
	{ "--w", ARG_WORD, 0, NULL, "W" },
	{ "--collected", ARG_WORD, 0, NULL, "LIST" },
	{ NULL, 0, 0, NULL, NULL }
};

#define GR_W_HELP \
	"W is the task: one weight per feature, commas between and no spaces\n" \
	"(1,-1,0 on fourroom: reward 1 for a type-1 object, -1 for type 2,\n" \
	"0 for type 3); 'grid show' names a grid's features.\n"

const sx_cmd cmd_grid_table[] = {
	{ "grid", "grid list|load|show ...",
	  "Gridworlds for transfer in reinforcement learning (Barreto et al.\n"
	  "2017, 2020): tasks are rewards r = w . phi over object features.\n",
	  no_args, 0, NULL },
	{ "grid list", "grid list", "Name the built-in gridworlds.\n",
	  no_args, 0, cmd_grid_list_exec },
	{ "grid load", "grid load NAME|FILE|- [--goal unit|sum] [--slip P] "
	  "[--seed S]",
	  "Load a built-in world (fourroom, corners, foraging) or a map file,\n"
	  "replacing the current grid and dropping its stored base policies.\n"
	  "--goal: how the goal G pays. unit (the default): a feature of its own\n"
	  "whose weight is always 1; sum: the goal's features are all 1, so it\n"
	  "pays w1 + w2 + w3. --slip P: each action is replaced by a uniformly\n"
	  "random one with probability P (a map's own 'slip' line otherwise).\n"
	  "--seed S: the foraging world's randomness.\n"
	  "A map file has optional header lines 'name N', 'gamma G', 'slip P',\n"
	  "'horizon H', then rows of equal length: '.' empty, 'X' wall, 'S' the\n"
	  "start, 'G' the goal, 'A'-'H' lettered terminal goals (one feature\n"
	  "each), '1'-'9' objects collected on entry (a feature per type);\n"
	  "'#' lines are comments. A map read from a file is saved in the\n"
	  "session inlined ('grid load - --from FILE --sha256 HEX <<END'), so\n"
	  "the session replays without the file.\n",
	  load_args, CMD_STATE, cmd_grid_load_exec },
	{ "grid show", "grid show",
	  "Draw the map with row and column numbers, and number its objects\n"
	  "(for --collected).\n", no_args, 0, cmd_grid_show_exec },
	{ "sf", "sf base ...",
	  "Successor features psi of stored base policies.\n", no_args, 0, NULL },
	{ "sf base", "sf base [W1 W2 ...] [--seed S]",
	  "Store one base policy per task Wi (default: e1 e2 ..., one per\n"
	  "feature) with its successor features psi(s, a), the expected\n"
	  "discounted sum of features from (s, a) on. On a grid with a model\n"
	  "each policy is optimal for its task (ties to LEFT < UP < RIGHT <\n"
	  "DOWN within 1e-9) and psi is exact, (I - gamma P_pi)^-1 phi; on\n"
	  "foraging it is learned, seeded by --seed or the grid's seed: each\n"
	  "policy is Q-learning's greedy one after 10^6 transitions (epsilon\n"
	  "0.1, step size 0.02, random ties), its psi(o, a) over observations\n"
	  "o is TD over 10^4 episodes following that policy (step size 0.03, no\n"
	  "exploration: psi of an action the policy never takes stays 0).\n"
	  "gpe, gpi, rollout, policy show and value show use the stored set,\n"
	  "and make the default set first when there is none.\n"
	  "Prints each policy's psi at the start; for a learned set also the\n"
	  "check of psi against the policy actually followed, over 256 episodes\n"
	  "from the start: the mean learned psi(s0, pi(s0)) against the mean\n"
	  "discounted feature sums with their standard errors and the largest\n"
	  "difference (the error at the start), and along the policy's own\n"
	  "visits the mean of the learned psi minus the discounted feature sums\n"
	  "from there on. On foraging the first is large and the second small:\n"
	  "psi(o, a) averages over the states the policy visits with\n"
	  "observation o, mostly where it has eaten what was near, so it is low\n"
	  "for the fresh layout of a start.\n",
	  base_args, CMD_STATE, cmd_sf_base_exec },
	{ "gpe", "gpe W [--at ROW,COL] [--collected LIST]",
	  "Generalised policy evaluation: every stored base policy scored on\n"
	  "task W at once, Q_i(s, a) = w . psi_i(s, a), at the start or at cell\n"
	  "ROW,COL with the objects in LIST collected; and GPI's choice there.\n"
	  GR_W_HELP, gpe_args, 0, cmd_gpe_exec },
	{ "gpi", "gpi W",
	  "Generalised policy improvement: act greedily on max_i w . psi_i(s, a)\n"
	  "over the stored base policies, with no learning on task W. Prints\n"
	  "the value at the start of GPI (exact evaluation of its policy), of\n"
	  "the optimal policy for W, and of each base policy. On foraging (no\n"
	  "model) the values are mean returns of 32 seeded rollouts and there is\n"
	  "no optimum.\n"
	  "The guarantee (Barreto et al. 2017, Theorem 1) is for a Markov state:\n"
	  "if |w . psi_i(s, a) - Q^pi_i(s, a)| <= eps for every policy i, state s\n"
	  "and action a, then Q^GPI(s, a) >= max_i Q^pi_i(s, a) - 2 eps / (1 -\n"
	  "gamma) everywhere. On a grid with a model psi is exact (eps = 0), so\n"
	  "GPI is never below a base policy there. On foraging psi is learned\n"
	  "and, worse, indexed by what the agent sees (its four neighbours), not\n"
	  "by the state, so the theorem does not apply and there is no bound:\n"
	  "'sf base' and gpi print the learned psi's largest error at the start\n"
	  "(against the returns of the policies followed: a lower bound on its\n"
	  "largest error anywhere, which times |w|_1 bounds eps in a Markov\n"
	  "setting), and GPI can fall below a base policy. With the\n"
	  "base trained as 'help sf base' says, on w = 1,0 0,1 1,1 1,-1 -1,1\n"
	  "and seeds 0-9 GPI was above the best base policy or at most 0.15\n"
	  "below it (the standard error of 32 rollouts is about 0.25).\n"
	  "GPI's results depend on which of several equally optimal base\n"
	  "policies is stored: ties go to the lowest action index (LEFT < UP <\n"
	  "RIGHT < DOWN) within 1e-9, when the base is made and when GPI acts.\n"
	  "GPI can score 0 where every base policy collects objects: with\n"
	  "w = -1,-1,-1 and the unit goal, each base policy walks through\n"
	  "objects to its own, so all look bad and GPI, taking the best of\n"
	  "them at every step, may stand still and never reach the goal.\n"
	  GR_W_HELP, gpi_args, 0, cmd_gpi_exec },
	{ "rollout", "rollout W [--policy gpi|opt|base:I] [--steps K] [--seed S]",
	  "Run one episode of a policy on task W from the start and draw its\n"
	  "path on the map: at each cell the action taken there, '@' where time\n"
	  "ran out; then the objects picked up, step by step, and the return.\n"
	  "--policy: gpi (the default), opt (optimal for W) or base:I (stored\n"
	  "base policy I, from 1). --steps K: stop after K steps (default: the\n"
	  "grid's horizon). --seed: slip and foraging randomness.\n"
	  GR_W_HELP, rollout_args, 0, cmd_rollout_exec },
	{ "policy", "policy show ...", "Policies drawn as arrows.\n",
	  no_args, 0, NULL },
	{ "policy show", "policy show W [--policy gpi|opt|base:I] "
	  "[--collected LIST]",
	  "An arrow per cell: the action the policy (default gpi) takes there\n"
	  "on task W when the objects in LIST are already collected (object\n"
	  "numbers as 'grid show' gives them, 'all' or 'none', the default).\n"
	  "An uncollected object's cell shows its type.\n"
	  GR_W_HELP, show_args, 0, cmd_policy_show_exec },
	{ "value", "value show ...", "Values drawn as shading.\n", no_args, 0,
	  NULL },
	{ "value show", "value show W [--policy gpi|opt|base:I] "
	  "[--collected LIST]",
	  "The exact value of the policy (default gpi) on task W at every cell,\n"
	  "with the objects in LIST collected, as shading from light (lowest)\n"
	  "to dark (highest).\n"
	  GR_W_HELP, show_args, 0, cmd_value_show_exec },
	{ "w", "w learn ...", "Task weights from rewards.\n", no_args, 0, NULL },
	{ "w learn", "w learn W [--samples K] [--noise SD] [--seed S]",
	  "Regress the task weights from rewards: a uniformly random policy\n"
	  "runs K transitions (default 10000) of task W, each reward gets\n"
	  "Gaussian noise of sd SD (default 0), and least squares r ~ w . phi\n"
	  "recovers w. Features never observed get weight 0.\n"
	  GR_W_HELP, wlearn_args, 0, cmd_w_learn_exec },
	{ "transfer", "transfer W [--samples K] [--points N] [--epsilon E] "
	  "[--alpha A] [--seed S] [--plot ...]",
	  "Return from the start against transitions seen, as in Barreto et al.\n"
	  "(PNAS 2020): GPI told the true W (zero-shot), GPI with w regressed\n"
	  "from the rewards its own agent has seen, and Q-learning from\n"
	  "scratch, each after the same number of transitions, at N checkpoints\n"
	  "(default 10) up to K (default 20000). Each point is the discounted\n"
	  "return from the start of the learner's greedy policy.\n"
	  "Q-learning is the textbook tabular one: Q = 0 at first, a uniformly\n"
	  "random action with probability E (default 0.1) and a greedy one\n"
	  "otherwise, greedy ties broken uniformly at random among the maximal\n"
	  "actions (within 1e-9), and Q(s,a) += A (r + gamma max Q(s',.) -\n"
	  "Q(s,a)) with step size A (default 0.1). The GPI agent that fits w\n"
	  "explores with the same E. Both are printed with the curves. Seeded\n"
	  "by --seed or the grid's seed. --plot draws the curves instead of the\n"
	  "table, with the plot options:\n" PLOTOUT_HELP GR_W_HELP, transfer_args, 0,
	  cmd_transfer_exec },
	{ "gmodel", "gmodel ROW,COL ACTION [--policy base:I|gpi|opt] [--w W] "
	  "[--collected LIST]",
	  "The tabular gamma-model (Janner et al. 2020) from cell ROW,COL taking\n"
	  "ACTION, then following the policy (default base:1; gpi and opt need\n"
	  "--w W): mu = (1 - gamma) P_pi (I - gamma P_pi)^-1, the distribution\n"
	  "of where the agent is after 1 + K steps, K ~ Geometric(1 - gamma),\n"
	  "drawn as a heat map over cells (terminals keep the mass of episodes\n"
	  "that end there). It is Dayan's (1993) successor representation\n"
	  "M = (I - gamma P_pi)^-1 one step on, scaled by (1 - gamma) so that it\n"
	  "sums to 1; the successor features are M applied to phi.\n",
	  gmodel_args, 0, cmd_gmodel_exec },
	{ NULL, NULL, NULL, NULL, 0, NULL }
};
