/* predict-args.c: predict's COL=V ...: the inputs of a fit, or a budget
 * C (and U) at which to take the compute-optimal allocation. */
#include "config.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/xalloc.h"
#include "commands/scaling/fit.h"
#include "scaling/frontier.h"

/* The input of fit f that tok names (the law's or the fit's column), or
 * m->nin when none. */
static size_t
pred_input(const sx_fitrec *f, const sx_model *m, const char *tok)
{
	size_t k;

	for (k = 0; k < m->nin; k++)
		if (strcmp(tok, m->inputs[k]) == 0 || strcmp(tok, f->xcols[k]) == 0)
			break;
	return k;
}

/* The "missing D=V (ch needs N D)" message. */
static int
pred_missing(sx_ctx *ctx, int argi, const sx_fitrec *f, size_t k)
{
	char need[256] = "";

	for (size_t j = 0; j < f->nx; j++)
		snprintf(need + strlen(need), sizeof need - strlen(need), " %s",
		    f->xcols[j]);
	return cmd_fail(ctx, argi, "missing %s=V (%s needs%s)", f->xcols[k],
	    f->name, need);
}

/* See fit.h. */
int
pred_parse(sx_ctx *ctx, int argi, const sx_fitrec *f, const sx_model *m,
    const char *assigns, struct pred_at *at)
{
	char *copy = xstrdup(assigns), *save = NULL;
	int rc = -1, ngiven = 0, in_n, in_d, u;

	at->C = NAN;
	for (char *tok = strtok_r(copy, " ,", &save); tok != NULL;
	    tok = strtok_r(NULL, " ,", &save)) {
		char *eq = strchr(tok, '='), *end;
		size_t k;
		double v;

		if (eq == NULL) {
			cmd_fail(ctx, argi, "expected COL=V, not '%s'", tok);
			goto out;
		}
		*eq = '\0';
		k = pred_input(f, m, tok);
		if (k == m->nin && strcmp(tok, "C") != 0) {
			cmd_fail(ctx, argi, "'%s' is not an input of %s", tok, f->name);
			goto out;
		}
		v = strtod(eq + 1, &end);
		if (end == eq + 1 || *end != '\0' || !isfinite(v)) {
			cmd_fail(ctx, argi, "%s: '%s' is not a number", tok, eq + 1);
			goto out;
		}
		if (k == m->nin) {
			/* C without an input C: the budget of an allocation (for
			 * a law of N, D and U, under the limit U also given). */
			if (frontier_u_input(m) < 0 &&
			    frontier_nd_inputs(m, &in_n, &in_d, NULL) != 0) {
				cmd_fail(ctx, argi, "C=V predicts at the compute-optimal "
				    "allocation, which needs a law of N and D (%s is a law "
				    "of %s%s)", f->name, f->xcols[0], f->nx > 1 ? ", ..." : "");
				goto out;
			}
			if (!(v > 0.0)) {
				cmd_fail(ctx, argi, "C must be > 0, not %s", eq + 1);
				goto out;
			}
			at->C = v;
		} else {
			at->x[k] = v;
			at->have[k] = 1;
			ngiven++;
		}
	}
	u = frontier_u_input(m);
	if (!isnan(at->C) && ngiven > (u >= 0 && at->have[u])) {
		cmd_fail(ctx, argi, "give C alone%s: N and D are its "
		    "compute-optimal allocation", u >= 0 ? " (and U)" : "");
		goto out;
	}
	if (!isnan(at->C) && u >= 0 && !at->have[u]) {
		cmd_fail(ctx, argi, "C=V for %s, a law of N, D and U, needs "
		    "%s=V too: the unique tokens available", f->name,
		    f->xcols[u]);
		goto out;
	}
	for (size_t k = 0; isnan(at->C) && k < m->nin; k++)
		if (!at->have[k]) {
			pred_missing(ctx, argi, f, k);
			goto out;
		}
	rc = 0;
out:
	free(copy);
	return rc;
}
