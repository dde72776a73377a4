/* frontier-table.c: the frontier family in help order. */
#include "config.h"

#include "commands/scaling/frontier.h"

const sx_cmd *const cmd_frontier_entries[] = {
	&cmd_frontier_entry,
	&cmd_approach1_entry,
	&cmd_approach2_entry,
	&cmd_henighan_entry,
	&cmd_crossover_entry,
	NULL
};
