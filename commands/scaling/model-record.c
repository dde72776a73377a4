/* model-record.c: a law's record, which models, model show and model
 * define put. */
#include "config.h"

#include <math.h>

#include "commands/scaling/model.h"

/* A law's record: name, formula, inputs, parameters and which of those
 * are positive scales. */
void
model_rec(sx_rec *to, const sx_model *m, int builtin)
{
	sx_rec *in, *par, *pos;

	rec_str(to, "name", m->name);
	rec_str(to, "formula", m->formula);
	rec_bool(to, "builtin", builtin);
	in = rec_arr(to, "inputs");
	for (size_t i = 0; i < m->nin; i++)
		rec_str(in, NULL, m->inputs[i]);
	par = rec_arr(to, "params");
	pos = rec_arr(to, "positive");
	for (size_t i = 0; i < m->np; i++) {
		rec_str(par, NULL, m->params[i]);
		rec_bool(pos, NULL, m->positive != NULL && m->positive[i]);
	}
	if (m->domain != NULL) {
		sx_rec *dom = rec_obj(to, "domain");

		for (size_t i = 0; i < m->np; i++)
			if (isfinite(m->domain[2 * i]) || isfinite(m->domain[2 * i + 1])) {
				sx_rec *d = rec_arr(dom, m->params[i]);

				rec_num(d, NULL, m->domain[2 * i]);
				rec_num(d, NULL, m->domain[2 * i + 1]);
			}
	}
}
