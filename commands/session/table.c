/* table.c: the session commands in help order; help comes first. */
#include "config.h"

#include "commands/session/session.h"

const sx_cmd *const cmd_help_entries[] = {
	&cmd_help_entry,
	NULL
};
