/* grid.c: grid, grid list, grid load, grid show: the gridworld the RL
 * commands act on. */
#include "config.h"

#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "base/sha256.h"
#include "sessions/trust.h"
#include "base/xalloc.h"
#include "commands/rl/rl.h"
#include "rl/sf.h"
#include "scaling/csv.h"
#include "sessions/lex.h"
#include "views/view.h"

static int
cmd_grid_list_exec(sx_ctx *ctx, const sx_args *a)
{
	sx_rec *r = rec_new("grid list"), *grids = rec_arr(r, "grids");

	(void)a;
	for (size_t i = 0; i < grid_builtin_count(); i++) {
		sx_rec *gr = rec_obj(grids, NULL);

		rec_str(gr, "name", grid_builtin_name(i));
		rec_str(gr, "help", grid_builtin_help(i));
	}
	rec_str(r, "loaded", ctx->ws->grid != NULL ? ctx->ws->grid->name : NULL);
	view_put(ctx->out, r);
	return 0;
}

/* What a loaded grid is, one line of text or a JSON object's keys. */
/* The record of grid g that grid load and grid show begin with. */
static sx_rec *
gr_describe(const sx_grid *g, const char *kind)
{
	sx_rec *r = rec_new(kind), *feat;
	char name[8];

	rec_str(r, "name", g->name);
	rec_str(r, "kind", g->kind == GRID_TABULAR ? "tabular" : "foraging");
	rec_int(r, "rows", g->rows);
	rec_int(r, "cols", g->cols);
	rec_num(r, "gamma", g->gamma);
	rec_num(r, "slip", g->slip);
	rec_int(r, "horizon", g->horizon);
	rec_str(r, "goal", gr_goal_name(g));
	rec_int(r, "seed", (long long)g->seed);
	feat = rec_arr(r, "features");
	for (int k = 0; k < g->nw; k++) {
		gr_feature_name(g, k, name, sizeof name);
		rec_str(feat, NULL, name);
	}
	rec_int(r, "objects", g->kind == GRID_TABULAR ? g->nobj :
	    2 * g->forage_per_type);
	rec_int(r, "states", (long long)g->nstates);
	gr_rec_cell(r, "start", g, g->start);
	/* What the text's summary line says besides. */
	rec_int(r, "cells", g->ncell);
	rec_int(r, "types", g->ntypes);
	rec_int(r, "letters", g->nletters);
	rec_bool(r, "has_goal", g->has_goal);
	return r;
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
		    " --slip %.17g", arg_num(a, c, "--slip"));
	if (seed != NULL)
		snprintf(extra + strlen(extra), sizeof extra - strlen(extra),
		    " --seed %lu", arg_int(a, c, "--seed"));
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
	const char *name = arg(a, c, "NAME"), *goal = arg_str(a, c, "--goal");
	const char *slip = arg(a, c, "--slip"), *seed = arg(a, c, "--seed");
	const char *from = arg(a, c, "--from"), *sum = arg(a, c, "--sha256");
	int argi = arg_index(a, c, "NAME");
	grid_opts go;
	sx_grid *g = NULL;
	sx_err e;

	memset(&go, 0, sizeof go);
	err_clear(&e);
	go.goal = strcmp(goal, "sum") == 0 ? GRID_GOAL_SUM : GRID_GOAL_UNIT;
	if (slip != NULL) {
		go.slip = arg_num(a, c, "--slip");
		go.slip_set = 1;
		if (!(go.slip >= 0 && go.slip <= 1))
			return cmd_fail(ctx, arg_index(a, c, "--slip"), "--slip is a "
			    "probability in [0, 1], not %s", slip);
	}
	if (seed != NULL)
		go.seed = arg_int(a, c, "--seed");
	if (strcmp(name, "-") == 0) {
		char hex[65];

		if (ctx->cl->heredoc == NULL)
			return cmd_fail(ctx, argi, "'grid load -' reads a map from a "
			    "here-document: grid load - <<END");
		if (sum == NULL && trust_unverified(ctx, argi, from) != 0)
			return -1;
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
	view_put(ctx->out, gr_describe(g, "grid load"));
	return 0;
}

static int
cmd_grid_show_exec(sx_ctx *ctx, const sx_args *a)
{
	const sx_grid *g = gr_need(ctx);
	sx_rec *r, *objs;

	(void)a;
	if (g == NULL)
		return -1;
	r = gr_describe(g, "grid show");
	gr_rec_map(r, g, g->map);
	objs = rec_arr(r, "object_list");
	for (int k = 0; g->kind == GRID_TABULAR && k < g->nobj; k++) {
		sx_rec *ob = rec_obj(objs, NULL);

		rec_int(ob, "number", k + 1);
		rec_int(ob, "type", g->obj_type[k] + 1);
		gr_rec_cell(ob, "cell", g, g->obj_pos[k]);
	}
	rec_int(r, "base_policies", ctx->ws->base != NULL ?
	    (long long)ctx->ws->base->n : 0);
	view_put(ctx->out, r);
	return 0;
}

static const sx_argdef load_args[] = {
	{ "NAME", ARG_PATH, 0, NULL, "NAME|FILE|-", NULL, NULL },
	{ "--goal", ARG_CHOICE, 0, "unit|sum", "unit|sum",
	  "how the goal G pays. unit: a feature of its own whose weight is "
	  "always 1; sum: the goal's features are all 1, so it pays w1 + w2 "
	  "+ w3", "unit" },
	{ "--slip", ARG_NUMBER, 0, NULL, "P",
	  "each action is replaced by a uniformly random one with "
	  "probability P (default: the map's own 'slip' line, or 0)", NULL },
	{ "--seed", ARG_INT, 0, NULL, "S", "the foraging world's randomness",
	  NULL },
	{ "--from", ARG_PATH, ARG_HIDDEN, NULL, "PATH", NULL, NULL },
	{ "--sha256", ARG_WORD, ARG_HIDDEN, NULL, "HEX", NULL, NULL },
	{ NULL, 0, 0, NULL, NULL, NULL, NULL }
};

const sx_cmd cmd_grid_entry = {
	"grid", "grid list|load|show ...",
	"Gridworlds for transfer in reinforcement learning (Barreto et al.\n"
	"2017, 2020): tasks are rewards r = w . phi over object features.\n",
	cmd_no_args, 0, NULL
};

const sx_cmd cmd_grid_list_entry = {
	"grid list", NULL, "Name the built-in gridworlds.\n",
	cmd_no_args, 0, cmd_grid_list_exec
};

const sx_cmd cmd_grid_load_entry = {
	"grid load", NULL,
	"Load a built-in world (fourroom, corners, foraging) or a map file,\n"
	"replacing the current grid and dropping its stored base policies.\n"
	"A map file has optional header lines 'name N', 'gamma G', 'slip P',\n"
	"'horizon H', then rows of equal length: '.' empty, 'X' wall, 'S' the\n"
	"start, 'G' the goal, 'A'-'H' lettered terminal goals (one feature\n"
	"each), '1'-'9' objects collected on entry (a feature per type);\n"
	"'#' lines are comments. A map read from a file is saved in the\n"
	"session inlined ('grid load - --from FILE --sha256 HEX <<END'), so\n"
	"the session replays without the file.\n",
	load_args, CMD_STATE, cmd_grid_load_exec
};

const sx_cmd cmd_grid_show_entry = {
	"grid show", NULL,
	"Draw the map with row and column numbers, and number its objects\n"
	"(for --collected).\n", cmd_no_args, 0, cmd_grid_show_exec
};
