/* table.c: the data family in help order. */
#include "config.h"

#include "commands/data/data.h"

const sx_cmd *const cmd_data_entries[] = {
	&cmd_load_entry,
	&cmd_data_entry,
	&cmd_data_list_entry,
	&cmd_data_show_entry,
	&cmd_data_describe_entry,
	&cmd_data_drop_entry,
	&cmd_rename_entry,
	&cmd_derive_entry,
	&cmd_filter_entry,
	&cmd_dropna_entry,
	NULL
};
