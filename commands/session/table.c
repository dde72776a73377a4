/* table.c: the session commands in help order; help comes first, the
 * others last. */
#include "config.h"

#include "commands/session/session.h"

const sx_cmd *const cmd_help_entries[] = {
	&cmd_help_entry,
	NULL
};

const sx_cmd *const cmd_session_entries[] = {
	&cmd_save_entry,
	&cmd_replay_entry,
	&cmd_source_entry,
	&cmd_history_entry,
	NULL
};
