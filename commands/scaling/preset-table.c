/* preset-table.c: the preset family in help order. */
#include "config.h"

#include "commands/scaling/preset.h"

const sx_cmd *const cmd_preset_entries[] = {
	&cmd_presets_entry,
	&cmd_preset_entry,
	&cmd_preset_show_entry,
	&cmd_demo_entry,
	NULL
};
