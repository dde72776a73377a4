/* predict.c: predict: a fitted law evaluated at given inputs. */
#include "config.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "base/xalloc.h"
#include "commands/scaling/fit.h"
#include "views/view.h"

static int
cmd_predict_exec(sx_ctx *ctx, const sx_args *a)
{
	const sx_fitrec *f = fit_find(ctx, arg_index(a, ctx->cmd, "FIT"),
	    arg(a, ctx->cmd, "FIT"));
	const sx_model *m = f != NULL ? fit_model(ctx, arg_index(a, ctx->cmd,
	    "FIT"), f) : NULL;
	const char *assigns = arg(a, ctx->cmd, "COL=V");
	int argi = arg_index(a, ctx->cmd, "COL=V");
	double *xv, y;
	const double **x;
	unsigned char *have;
	char *copy, *save = NULL;
	sx_rec *r, *at;
	int rc = -1;

	if (m == NULL)
		return -1;
	xv = xcalloc(m->nin, sizeof *xv);
	x = xcalloc(m->nin, sizeof *x);
	have = xcalloc(m->nin, 1);
	copy = xstrdup(assigns);
	for (char *tok = strtok_r(copy, " ,", &save); tok != NULL;
	    tok = strtok_r(NULL, " ,", &save)) {
		char *eq = strchr(tok, '='), *end;
		size_t k;

		if (eq == NULL) {
			cmd_fail(ctx, argi, "expected COL=V, not '%s'", tok);
			goto out;
		}
		*eq = '\0';
		for (k = 0; k < m->nin; k++)
			if (strcmp(tok, m->inputs[k]) == 0 ||
			    strcmp(tok, f->xcols[k]) == 0)
				break;
		if (k == m->nin) {
			cmd_fail(ctx, argi, "'%s' is not an input of %s", tok, f->name);
			goto out;
		}
		xv[k] = strtod(eq + 1, &end);
		if (end == eq + 1 || *end != '\0' || !isfinite(xv[k])) {
			cmd_fail(ctx, argi, "%s: '%s' is not a number", tok, eq + 1);
			goto out;
		}
		have[k] = 1;
	}
	for (size_t k = 0; k < m->nin; k++) {
		if (!have[k]) {
			cmd_fail(ctx, argi, "missing %s=V (%s needs", f->xcols[k], f->name);
			for (size_t j = 0; j < m->nin; j++)
				snprintf(ctx->err.msg + strlen(ctx->err.msg),
				    sizeof ctx->err.msg - strlen(ctx->err.msg), " %s",
				    f->xcols[j]);
			strncat(ctx->err.msg, ")", sizeof ctx->err.msg -
			    strlen(ctx->err.msg) - 1);
			goto out;
		}
		x[k] = &xv[k];
	}
	if (m->eval(m, x, 1, f->res.p, 0, &y, NULL) != 0 || !isfinite(y)) {
		cmd_fail(ctx, argi, "%s is not finite there", f->ycol);
		goto out;
	}
	r = rec_new("predict");
	rec_str(r, "fit", f->name);
	at = rec_obj(r, "at");
	for (size_t k = 0; k < m->nin; k++)
		rec_num(at, f->xcols[k], xv[k]);
	/* Keyed by the column predicted; the text view reads the member
	 * after "at". */
	rec_num(r, f->ycol, y);
	view_put(ctx->out, r);
	rc = 0;
out:
	free(copy);
	free(xv);
	free(x);
	free(have);
	return rc;
}

static const sx_argdef predict_args[] = {
	{ "FIT", ARG_FIT, 0, NULL, NULL, NULL, NULL },
	{ "COL=V", ARG_ASSIGNS, ARG_REST, NULL, NULL, NULL, NULL },
	{ NULL, 0, 0, NULL, NULL, NULL, NULL }
};
const sx_cmd cmd_predict_entry = {
	"predict", NULL,
	  "Evaluate a fitted law at given inputs, e.g. predict ch N=7e10 D=1.4e12\n",
	  predict_args, 0, cmd_predict_exec
};
