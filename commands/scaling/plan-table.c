/* plan-table.c: the planning family in help order. */
#include "config.h"

#include "commands/scaling/plan.h"

const sx_cmd *const cmd_plan_entries[] = {
	&cmd_design_isoflop_entry,
	&cmd_design_grid_entry,
	&cmd_simulate_entry,
	&cmd_suggest_entry,
	NULL
};
