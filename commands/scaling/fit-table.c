/* fit-table.c: the fit family in help order. */
#include "config.h"

#include "commands/scaling/fit.h"

const sx_cmd *const cmd_fit_entries[] = {
	&cmd_fit_entry,
	&cmd_fits_entry,
	&cmd_fit_show_entry,
	&cmd_predict_entry,
	&cmd_set_entry,
	&cmd_compare_entry,
	NULL
};
