/* model-record.c: a law's record, which models, model show and model
 * define put. */
#include "config.h"

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
}
