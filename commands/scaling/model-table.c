/* model-table.c: the model family in help order. */
#include "config.h"

#include "commands/scaling/model.h"

const sx_cmd *const cmd_model_entries[] = {
	&cmd_models_entry,
	&cmd_model_entry,
	&cmd_model_show_entry,
	&cmd_model_define_entry,
	NULL
};
