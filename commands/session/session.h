/* session.h: the entries of the session commands (commands/session/). */
#ifndef SX_COMMANDS_SESSION_H
#define SX_COMMANDS_SESSION_H

#include "sessions/cmd.h"

extern const sx_cmd cmd_help_entry;
extern const sx_cmd cmd_save_entry;
extern const sx_cmd cmd_replay_entry;
extern const sx_cmd cmd_source_entry;
extern const sx_cmd cmd_history_entry;

#endif
