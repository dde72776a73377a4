/* plot.h: the plot command's entry (commands/scaling/plot.c). */
#ifndef SX_COMMANDS_PLOT_H
#define SX_COMMANDS_PLOT_H

#include "sessions/cmd.h"

extern const sx_cmd cmd_plot_entry;

#endif
