/* preset.h: the entries of the preset family (commands/scaling/presets.c,
 * demo.c). */
#ifndef SX_COMMANDS_PRESET_H
#define SX_COMMANDS_PRESET_H

#include "sessions/cmd.h"

extern const sx_cmd cmd_presets_entry;
extern const sx_cmd cmd_preset_entry;
extern const sx_cmd cmd_preset_show_entry;
extern const sx_cmd cmd_demo_entry;

#endif
