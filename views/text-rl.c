/* text-rl.c: text views of the RL commands' records. */
#include "config.h"

#include <math.h>
#include <string.h>

#include "views/gridview.h"
#include "views/text.h"

void
text_grid_list(sx_out *o, const sx_rec *r)
{
	const sx_rec *grids = rec_get(r, "grids");

	for (size_t i = 0; i < rec_len(grids); i++)
		out_printf(o, "%-10s %s\n", rec_get_str(rec_at(grids, i), "name"),
		    rec_get_str(rec_at(grids, i), "help"));
	out_puts(o, "(or 'grid load FILE' for a map of your own: see "
	    "'help grid load')\n");
}

void
text_rl_w(sx_out *o, const sx_rec *w)
{
	for (size_t k = 0; k < rec_len(w); k++)
		out_printf(o, "%s%.6g", k > 0 ? "," : "", rec_num_of(rec_at(w, k)));
}

void
text_rl_goal_note(sx_out *o, const sx_rec *r)
{
	if (rec_get_bool(r, "has_goal"))
		out_printf(o, " (goal %s)", rec_get_str(r, "goal"));
}

void
text_rl_set(sx_out *o, const sx_rec *set)
{
	if (rec_len(set) == 0)
		out_puts(o, "none");
	for (size_t k = 0; k < rec_len(set); k++)
		out_printf(o, "%s%lld", k > 0 ? "," : "",
		    (long long)rec_num_of(rec_at(set, k)));
}

/* "policy gpi on fourroom for w = 1,-1,0 (goal unit)" */
static void
tv_heading(sx_out *o, const char *what, const sx_rec *r)
{
	out_printf(o, "%s %s on %s for w = ", what, rec_get_str(r, "policy"),
	    rec_get_str(r, "grid"));
	text_rl_w(o, rec_get(r, "w"));
	text_rl_goal_note(o, r);
}

void
text_policy_show(sx_out *o, const sx_rec *r)
{
	tv_heading(o, "policy", r);
	out_puts(o, ", objects collected: ");
	text_rl_set(o, rec_get(r, "collected"));
	if (rec_get(r, "follows") != NULL) {
		out_puts(o, "; the base policy it follows (base:I; ties: one taking "
		    "GPI's action, then the lowest; *T an object of type T)\n");
		gridview_follows(o, rec_get(r, "map"), rec_get(r, "follows"));
		return;
	}
	out_puts(o, "\n");
	gridview_policy(o, rec_get(r, "map"), rec_get(r, "actions"));
}

void
text_value_show(sx_out *o, const sx_rec *r)
{
	tv_heading(o, "value of", r);
	out_puts(o, ", objects collected: ");
	text_rl_set(o, rec_get(r, "collected"));
	out_printf(o, "; at the start %.6f\n", rec_get_num(r, "start"));
	gridview_shade(o, rec_get(r, "map"), rec_get(r, "values"));
}

void
text_gmodel(sx_out *o, const sx_rec *r)
{
	const sx_rec *cell = rec_get(r, "cell"), *top = rec_get(r, "likeliest");

	out_printf(o, "gamma-model of %s on %s from %.0f,%.0f taking %s "
	    "(collected: ", rec_get_str(r, "policy"), rec_get_str(r, "grid"),
	    rec_num_of(rec_at(cell, 0)), rec_num_of(rec_at(cell, 1)),
	    rec_get_str(r, "action"));
	text_rl_set(o, rec_get(r, "collected"));
	out_printf(o, ", gamma %g): where the agent is after 1 + K steps, "
	    "K ~ Geometric(1 - gamma)\n", rec_get_num(r, "gamma"));
	gridview_shade(o, rec_get(r, "map"), rec_get(r, "mu"));
	out_puts(o, "likeliest cells:");
	for (size_t k = 0; k < rec_len(top); k++) {
		const sx_rec *at = rec_get(rec_at(top, k), "cell");

		out_printf(o, "  %.0f,%.0f %.4f", rec_num_of(rec_at(at, 0)),
		    rec_num_of(rec_at(at, 1)), rec_get_num(rec_at(top, k), "p"));
	}
	out_puts(o, "\n");
}

/* "at 3,4" of a [row, col] member. */
static void
tv_at(sx_out *o, const sx_rec *e)
{
	const sx_rec *cell = rec_get(e, "cell");

	out_printf(o, "at %.0f,%.0f", rec_num_of(rec_at(cell, 0)),
	    rec_num_of(rec_at(cell, 1)));
}

void
text_rollout(sx_out *o, const sx_rec *r)
{
	const sx_rec *pickups = rec_get(r, "pickups"), *end = rec_get(r,
	    "reached");

	tv_heading(o, "rollout of", r);
	out_printf(o, ", seed %lld:\n", rec_get_int(r, "seed"));
	gridview_path(o, rec_get(r, "map"), rec_get(r, "path"),
	    rec_get(r, "actions"), rec_get_bool(r, "terminal"));
	for (size_t k = 0; k < rec_len(pickups); k++) {
		const sx_rec *e = rec_at(pickups, k);
		const sx_rec *num = rec_get(e, "number");

		out_printf(o, "  step %3lld: ", rec_get_int(e, "step"));
		if (num != NULL && num->type == REC_INT)
			out_printf(o, "picks up object #%lld (type %s) ", num->v.i,
			    rec_get_str(e, "feature"));
		else
			out_printf(o, "picks up a type %s ", rec_get_str(e, "feature"));
		tv_at(o, e);
		out_printf(o, ", reward %g\n", rec_get_num(e, "reward"));
	}
	if (end != NULL && end->type == REC_OBJ) {
		out_printf(o, "  step %3lld: reaches %s ", rec_get_int(end, "step"),
		    rec_get_str(end, "terminal"));
		tv_at(o, end);
		out_printf(o, ", reward %g\n", rec_get_num(end, "reward"));
	}
	out_printf(o, "  %lld steps, %s; return %.6f (discounted), %g "
	    "(undiscounted)\n", rec_get_int(r, "steps"),
	    rec_get_bool(r, "terminal") ? "episode over" : "time ran out",
	    rec_get_num(r, "return"), rec_get_num(r, "total"));
}

/* Plural ending. */
static const char *
tv_s(long long n)
{
	return n == 1 ? "" : "s";
}

void
text_grid_load(sx_out *o, const sx_rec *r)
{
	const sx_rec *feat = rec_get(r, "features");
	long long nw = (long long)rec_len(feat);
	long long nobj = rec_get_int(r, "objects"), ntypes = rec_get_int(r,
	    "types"), nletters = rec_get_int(r, "letters");
	int has_goal = rec_get_bool(r, "has_goal");
	const char *goal = rec_get_str(r, "goal");

	if (strcmp(rec_get_str(r, "kind"), "foraging") == 0) {
		out_printf(o, "%s: %lldx%lld torus, %lld objects of each of 2 types "
		    "respawning at random (seed %lld), gamma %g, slip %g, horizon "
		    "%lld; sampled only, no model\n", rec_get_str(r, "name"),
		    rec_get_int(r, "rows"), rec_get_int(r, "cols"), nobj / 2,
		    rec_get_int(r, "seed"), rec_get_num(r, "gamma"),
		    rec_get_num(r, "slip"), rec_get_int(r, "horizon"));
	} else {
		out_printf(o, "%s: %lldx%lld, %lld cells, ", rec_get_str(r, "name"),
		    rec_get_int(r, "rows"), rec_get_int(r, "cols"),
		    rec_get_int(r, "cells"));
		if (nobj > 0)
			out_printf(o, "%lld object%s of %lld type%s, ", nobj,
			    tv_s(nobj), ntypes, tv_s(ntypes));
		if (nletters > 0)
			out_printf(o, "%lld lettered goal%s, ", nletters,
			    tv_s(nletters));
		if (has_goal)
			out_printf(o, "goal G (%s), ", goal);
		out_printf(o, "gamma %g, slip %g, horizon %lld; %lld states\n",
		    rec_get_num(r, "gamma"), rec_get_num(r, "slip"),
		    rec_get_int(r, "horizon"), rec_get_int(r, "states"));
	}
	out_printf(o, "  W has %lld weight%s, for features ", nw, tv_s(nw));
	for (size_t k = 0; k < rec_len(feat); k++)
		out_printf(o, "%s%s", k > 0 ? " " : "",
		    rec_at(feat, k)->type == REC_STR ? rec_at(feat, k)->v.s : "?");
	out_printf(o, "%s\n", !has_goal ? "" : strcmp(goal, "unit") == 0 ?
	    " (the goal's weight is 1)" : " (the goal pays their sum)");
}

void
text_grid_show(sx_out *o, const sx_rec *r)
{
	const sx_rec *objs = rec_get(r, "object_list");
	long long nbase = rec_get_int(r, "base_policies");

	text_grid_load(o, r);
	gridview_map(o, rec_get(r, "map"));
	if (rec_len(objs) > 0) {
		out_puts(o, "objects (for --collected):");
		for (size_t k = 0; k < rec_len(objs); k++) {
			const sx_rec *ob = rec_at(objs, k), *cell = rec_get(ob, "cell");

			out_printf(o, "%s  #%-2lld type %lld at %2.0f,%-2.0f",
			    k % 4 == 0 ? "\n" : "", rec_get_int(ob, "number"),
			    rec_get_int(ob, "type"), rec_num_of(rec_at(cell, 0)),
			    rec_num_of(rec_at(cell, 1)));
		}
		out_puts(o, "\n");
	}
	if (nbase > 0)
		out_printf(o, "%lld base polic%s stored (see 'sf base')\n", nbase,
		    nbase == 1 ? "y" : "ies");
}

/* A string element, "?" for anything else. */
static const char *
tv_str(const sx_rec *e)
{
	return e != NULL && e->type == REC_STR ? e->v.s : "?";
}

/* text_rl_w into buf, for a padded column. */
static void
tv_w_str(const sx_rec *w, char *buf, size_t len)
{
	size_t at = 0;

	buf[0] = '\0';
	for (size_t k = 0; k < rec_len(w) && at < len; k++)
		at += (size_t)snprintf(buf + at, len - at, "%s%.6g", k > 0 ? "," :
		    "", rec_num_of(rec_at(w, k)));
}

/* Each entry of array a as " %8.4f" (fmt). */
static void
tv_nums(sx_out *o, const char *fmt, const sx_rec *a)
{
	for (size_t k = 0; k < rec_len(a); k++)
		out_printf(o, fmt, rec_num_of(rec_at(a, k)));
}

void
text_sf_base(sx_out *o, const sx_rec *r)
{
	const sx_rec *pols = rec_get(r, "policies");
	const sx_rec *names = rec_get(r, "psi_features");
	size_t n = rec_len(pols);
	int learned = rec_get_bool(r, "learned");
	char wt[256];

	out_printf(o, "%zu base polic%s on %s, %s; successor features at "
	    "the start, psi(s0, pi(s0)):\n", n, n == 1 ? "y" : "ies",
	    rec_get_str(r, "grid"), learned ? "learned (Q-learning, then TD)" :
	    "exact (optimal policies)");
	if (learned)
		out_printf(o, "  (each: Q-learning from %lld transitions, "
		    "epsilon %g, alpha %g, random ties; then TD over %lld "
		    "episodes of at most %lld steps, alpha %g, %s)\n",
		    rec_get_int(r, "q_samples"), rec_get_num(r, "q_epsilon"),
		    rec_get_num(r, "q_alpha"), rec_get_int(r, "td_episodes"),
		    rec_get_int(r, "horizon"), rec_get_num(r, "td_alpha"),
		    rec_get_num(r, "td_epsilon") > 0 ? "exploring" :
		    "following the policy");
	out_printf(o, "  %-6s %-16s", "policy", "task w");
	for (size_t k = 0; k < rec_len(names); k++)
		out_printf(o, " %9s", tv_str(rec_at(names, k)));
	out_puts(o, "\n");
	for (size_t i = 0; i < n; i++) {
		tv_w_str(rec_get(rec_at(pols, i), "w"), wt, sizeof wt);
		out_printf(o, "  base:%-2zu %-16s", i + 1, wt);
		tv_nums(o, " %9.5f", rec_get(rec_at(pols, i), "psi"));
		out_puts(o, "\n");
	}
	if (!learned)
		return;
	out_printf(o, "  check against the policies followed, %lld episodes each "
	    "from the start (fresh layouts):\n"
	    "    at the start: mean learned psi(s0, pi(s0)) | mean discounted "
	    "feature sums (standard error) | largest error\n"
	    "    along the policy's visits: mean of learned psi minus the "
	    "discounted feature sums from there on\n",
	    rec_get_int(r, "check_episodes"));
	for (size_t i = 0; i < n; i++) {
		const sx_rec *p = rec_at(pols, i);
		const sx_rec *mc = rec_get(p, "check_mc"), *se = rec_get(p,
		    "check_se");

		out_printf(o, "  base:%-2zu", i + 1);
		tv_nums(o, " %8.4f", rec_get(p, "check_td"));
		out_puts(o, " |");
		for (size_t k = 0; k < rec_len(mc); k++)
			out_printf(o, " %8.4f (%.4f)", rec_num_of(rec_at(mc, k)),
			    rec_num_of(rec_at(se, k)));
		out_printf(o, " | %.4f\n    along:", rec_get_num(p, "sf_error"));
		tv_nums(o, " %8.4f", rec_get(p, "check_along"));
		out_puts(o, "\n");
	}
}

void
text_gpe(sx_out *o, const sx_rec *r)
{
	const sx_rec *cell = rec_get(r, "cell"), *q = rec_get(r, "q");

	out_printf(o, "GPE on %s: Q_i(s, a) = w . psi_i(s, a) for w = ",
	    rec_get_str(r, "grid"));
	text_rl_w(o, rec_get(r, "w"));
	out_printf(o, " at %.0f,%.0f\n", rec_num_of(rec_at(cell, 0)),
	    rec_num_of(rec_at(cell, 1)));
	out_printf(o, "  %-8s %10s %10s %10s %10s\n", "policy", "LEFT", "UP",
	    "RIGHT", "DOWN");
	for (size_t i = 0; i < rec_len(q); i++) {
		out_printf(o, "  base:%-3zu", i + 1);
		tv_nums(o, " %10.5f", rec_at(q, i));
		out_puts(o, "\n");
	}
	out_printf(o, "  %-8s", "max_i");
	tv_nums(o, " %10.5f", rec_get(r, "gpi_q"));
	out_printf(o, "\n  GPI acts %s\n", rec_get_str(r, "gpi_action"));
}

/* The shares of states where GPI follows each base policy. */
static void
tv_follows(sx_out *o, const sx_rec *r)
{
	const sx_rec *f = rec_get(r, "follows");

	if (f == NULL)
		return;
	out_printf(o, "  GPI follows, share of the %lld %s (ties: a base "
	    "taking GPI's action, then the lowest):\n",
	    rec_get_int(r, "follows_of"),
	    rec_get_str(r, "follows_over"));
	for (size_t i = 0; i < rec_len(f); i++) {
		char label[32];

		snprintf(label, sizeof label, "base:%zu", i + 1);
		out_printf(o, "  %-22s %12.6f\n", label,
		    rec_num_of(rec_at(f, i)));
	}
}

void
text_gpi(sx_out *o, const sx_rec *r)
{
	const sx_rec *start = rec_get(r, "start"), *vals = rec_get(r, "values");
	const sx_rec *base = rec_get(vals, "base"), *tasks = rec_get(r,
	    "base_w"), *mc = rec_get(r, "rollouts");
	double opt = rec_get_num(vals, "optimal");

	out_printf(o, "GPI on %s for w = ", rec_get_str(r, "grid"));
	text_rl_w(o, rec_get(r, "w"));
	text_rl_goal_note(o, r);
	out_printf(o, ", value at the start %.0f,%.0f",
	    rec_num_of(rec_at(start, 0)), rec_num_of(rec_at(start, 1)));
	if (mc != NULL && mc->type == REC_INT)
		out_printf(o, " (mean return of %lld rollouts)", mc->v.i);
	out_puts(o, ":\n");
	out_printf(o, "  %-22s %12.6f\n", "GPI", rec_get_num(vals, "gpi"));
	if (isfinite(opt))
		out_printf(o, "  %-22s %12.6f\n", "optimal", opt);
	for (size_t i = 0; i < rec_len(base); i++) {
		char label[256], bw[200];

		tv_w_str(rec_at(tasks, i), bw, sizeof bw);
		snprintf(label, sizeof label, "base:%zu (w = %s)", i + 1, bw);
		out_printf(o, "  %-22s %12.6f\n", label,
		    rec_num_of(rec_at(base, i)));
	}
	tv_follows(o, r);
	if (rec_get(r, "sf_error_start") != NULL)
		out_printf(o, "  learned psi, largest error at the start %.4f "
		    "(see 'sf base'); no guarantee:\n  the agent sees its "
		    "neighbours, not the state (see 'help gpi')\n",
		    rec_get_num(r, "sf_error_start"));
}

void
text_w_learn(sx_out *o, const sx_rec *r)
{
	const sx_rec *feat = rec_get(r, "features"), *wt = rec_get(r, "w_true");
	const sx_rec *wl = rec_get(r, "w"), *seen = rec_get(r, "seen");
	long long rank = rec_get_int(r, "rank");

	out_printf(o, "w learned on %s from %lld transitions of a random "
	    "policy (noise sd %g, seed %lld):\n", rec_get_str(r, "grid"),
	    rec_get_int(r, "samples"), rec_get_num(r, "noise"),
	    rec_get_int(r, "seed"));
	out_printf(o, "  %-8s %10s %10s %8s\n", "feature", "true", "learned",
	    "seen");
	for (size_t k = 0; k < rec_len(wl); k++)
		out_printf(o, "  %-8s %10.5g %10.5g %8.0f\n",
		    tv_str(rec_at(feat, k)), rec_num_of(rec_at(wt, k)),
		    rec_num_of(rec_at(wl, k)), rec_num_of(rec_at(seen, k)));
	out_printf(o, "  rank %lld, residual rms %.3g%s\n", rank,
	    rec_get_num(r, "rmse"), rank < (long long)rec_len(wl) ?
	    "; features never seen get weight 0" : "");
}

void
text_transfer(sx_out *o, const sx_rec *r)
{
	const sx_rec *samples = rec_get(r, "samples");
	const sx_rec *zero = rec_get(r, "gpi_zero"), *fit = rec_get(r,
	    "gpi_learned"), *ql = rec_get(r, "qlearn");
	double opt = rec_get_num(r, "optimal");

	out_printf(o, "transfer on %s for w = ", rec_get_str(r, "grid"));
	text_rl_w(o, rec_get(r, "w"));
	out_printf(o, " (seed %lld): discounted return from the start against "
	    "transitions seen\n", rec_get_int(r, "seed"));
	out_printf(o, "  Q-learning: Q = 0 at first, epsilon-greedy with "
	    "epsilon %g, step size alpha %g,\n  greedy ties broken "
	    "uniformly at random (seeded); GPI (w fit) explores with the "
	    "same epsilon\n", rec_get_num(r, "epsilon"),
	    rec_get_num(r, "alpha"));
	if (rec_get_num(r, "noise") > 0)
		out_printf(o, "  the rewards GPI (w fit) regresses on carry "
		    "Gaussian noise of sd %g (seeded)\n", rec_get_num(r, "noise"));
	out_printf(o, "  %10s %12s %12s %12s\n", "samples", "GPI (true w)",
	    "GPI (w fit)", "Q-learning");
	for (size_t j = 0; j < rec_len(samples); j++)
		out_printf(o, "  %10.0f %12.5f %12.5f %12.5f\n",
		    rec_num_of(rec_at(samples, j)), rec_num_of(rec_at(zero, j)),
		    rec_num_of(rec_at(fit, j)), rec_num_of(rec_at(ql, j)));
	if (isfinite(opt))
		out_printf(o, "  optimal %.5f\n", opt);
	out_puts(o, "  w fit from GPI's own transitions: ");
	text_rl_w(o, rec_get(r, "w_learned"));
	out_puts(o, "\n");
}
