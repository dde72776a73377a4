/* model.h: what the model family (commands/scaling/models.c,
 * model-define.c) shares: a law's record, and the entries. */
#ifndef SX_COMMANDS_MODEL_H
#define SX_COMMANDS_MODEL_H

#include "sessions/cmd.h"
#include "views/rec.h"

/* model-record.c: law m's name, formula, inputs, parameters and which
 * of those are positive scales, put into record to. */
void model_rec(sx_rec *to, const sx_model *m, int builtin);

extern const sx_cmd cmd_models_entry;
extern const sx_cmd cmd_model_entry;
extern const sx_cmd cmd_model_show_entry;
extern const sx_cmd cmd_model_define_entry;

#endif
