/* henighan.c: frontier henighan: Henighan et al. 2020's Table 1 frontiers. */
#include "config.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "commands/scaling/frontier.h"
#include "scaling/frontier.h"
#include "scaling/presets.h"
#include "scaling/units.h"
#include "views/view.h"

static int
cmd_henighan_exec(sx_ctx *ctx, const sx_args *a)
{
	double at, amin = INFINITY, amax = -INFINITY, asum = 0;
	size_t nd = 0;
	sx_rec *r, *doms;

	if (parse_positive(ctx, a, "--at", &at) != 0)
		return -1;
	r = rec_new("frontier henighan");
	rec_num(r, "at_pfdays", at);
	doms = rec_arr(r, "domains");
	for (size_t i = 0; i < preset_count(); i++) {
		const sx_preset *p = preset_at(i);
		const sx_preset_law *l = preset_law(p, "L(C)");
		double c0, ex, linf, x0, al, red, ceq;
		sx_rec *d;

		if (strncmp(p->name, "henighan2020-", 13) != 0 || l == NULL ||
		    l->np != 3 || preset_const(p, "Nopt_C0", &c0) != 0 ||
		    preset_const(p, "Nopt_exp", &ex) != 0)
			continue;
		linf = l->pvals[0];
		x0 = l->pvals[1];
		al = l->pvals[2];
		red = exp(al * (log(x0) - log(at)));
		/* Reducible = irreducible where (x0/C)^alpha = Linf. */
		ceq = linf > 0 ? x0 * exp(-log(linf) / al) : NAN;
		amin = fmin(amin, ex);
		amax = fmax(amax, ex);
		asum += ex;
		nd++;
		d = rec_obj(doms, NULL);
		rec_str(d, "preset", p->name);
		rec_num(d, "a", ex);
		rec_num(d, "N_opt", exp(ex * (log(at) - log(c0))));
		rec_num(d, "L", linf + red);
		rec_num(d, "irreducible", linf);
		rec_num(d, "reducible", red);
		rec_num(d, "reducible_share", red / (linf + red));
		rec_num(d, "C_reducible_equals_irreducible_pfdays", ceq);
	}
	if (nd == 0) {
		rec_free(r);
		return cmd_fail(ctx, -1, "no Henighan et al. presets found");
	}
	rec_num(r, "a_min", amin);
	rec_num(r, "a_max", amax);
	rec_num(r, "a_mean", asum / (double)nd);
	view_put(ctx->out, r);
	return 0;
}

static const sx_argdef henighan_args[] = {
	{ "--at", ARG_NUMBER, 0, NULL, "C", "compute in PF-days", "1" },
	{ NULL, 0, 0, NULL, NULL, NULL, NULL }
};
const sx_cmd cmd_henighan_entry = {
	"frontier henighan", NULL,
	"Henighan et al. 2020, every domain of Table 1: the exponent a of\n"
	"N_opt = (C/C0)^a (nearly universal, 0.64 to 0.75), N_opt at C, and the\n"
	"split of L(C) = Linf + (C0'/C)^alpha into the irreducible Linf and the\n"
	"reducible rest at C, with the compute where the two are equal.\n",
	henighan_args, 0, cmd_henighan_exec
};
