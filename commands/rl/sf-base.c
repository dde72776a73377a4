/* sf-base.c: sf base: base policies and their successor features. */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "base/xalloc.h"
#include "commands/rl/rl.h"
#include "rl/sf.h"
#include "views/view.h"

/*
 * The record of the base set: each task and its successor features at the
 * start, and for a learned set how it was trained and the check of psi
 * against the policies followed.
 */
static sx_rec *
gr_rec_base(const sx_grid *g, const sf_base *b)
{
	size_t s0 = gr_start_obs(g, g->seed, NULL), K = (size_t)b->nphi;
	double psi[GRID_MAX_PHI];
	sx_rec *r = rec_new("sf base"), *pols, *names;
	char name[8];

	rec_str(r, "grid", g->name);
	rec_bool(r, "learned", b->learned);
	if (b->learned) {
		rec_int(r, "q_samples", (long long)b->q_samples);
		rec_num(r, "q_alpha", b->q_alpha);
		rec_num(r, "q_epsilon", b->q_epsilon);
		rec_int(r, "td_episodes", (long long)b->td_episodes);
		rec_num(r, "td_alpha", b->td_alpha);
		rec_num(r, "td_epsilon", b->td_epsilon);
		rec_int(r, "horizon", g->horizon);
		rec_int(r, "check_episodes", (long long)b->check_episodes);
	}
	pols = rec_arr(r, "policies");
	for (size_t i = 0; i < b->n; i++) {
		sx_rec *p = rec_obj(pols, NULL);

		sf_base_psi(g, b, i, s0, b->pi[i * b->nobs + s0], psi);
		gr_rec_w(p, "w", b->w + i * (size_t)b->nw, b->nw);
		gr_rec_w(p, "psi", psi, b->nphi);
		if (b->learned) {
			gr_rec_w(p, "check_td", b->check.td + i * K, b->nphi);
			gr_rec_w(p, "check_mc", b->check.mc + i * K, b->nphi);
			gr_rec_w(p, "check_se", b->check.se + i * K, b->nphi);
			gr_rec_w(p, "check_along", b->check.along + i * K, b->nphi);
			rec_num(p, "sf_error", sf_base_error(b, i));
		}
	}
	/* The names of psi's entries: the features, then G for the goal. */
	names = rec_arr(r, "psi_features");
	for (int k = 0; k < b->nphi; k++) {
		if (k < g->nw)
			gr_feature_name(g, k, name, sizeof name);
		else
			snprintf(name, sizeof name, "G");
		rec_str(names, NULL, name);
	}
	return r;
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
	seed = seedtxt != NULL ? arg_int(a, ctx->cmd, "--seed") : g->seed;
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
	view_put(ctx->out, gr_rec_base(g, b));
	return 0;
}

static const sx_argdef base_args[] = {
	{ "W", ARG_WORD, ARG_OPT | ARG_REST, NULL, "W1 W2 ...",
	  "the tasks, one base policy each (default: e1 e2 ..., one per "
	  "feature)", NULL },
	{ "--seed", ARG_INT, 0, NULL, "S",
	  "the learning's randomness on foraging (default: the grid's seed)",
	  NULL },
	{ NULL, 0, 0, NULL, NULL, NULL, NULL }
};

const sx_cmd cmd_sf_entry = {
	"sf", "sf base ...",
	"Successor features psi of stored base policies.\n", cmd_no_args, 0, NULL
};

const sx_cmd cmd_sf_base_entry = {
	"sf base", NULL,
	"Store one base policy per task Wi with its successor features\n"
	"psi(s, a), the expected discounted sum of features from (s, a) on.\n"
	"On a grid with a model each policy is optimal for its task (ties to\n"
	"LEFT < UP < RIGHT < DOWN within 1e-9) and psi is exact,\n"
	"(I - gamma P_pi)^-1 phi; on foraging it is learned: each\n"
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
	base_args, CMD_STATE, cmd_sf_base_exec
};
