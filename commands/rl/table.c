/* table.c: the RL commands in help order. */
#include "config.h"

#include "commands/rl/rl.h"

const sx_cmd *const cmd_rl_entries[] = {
	&cmd_grid_entry,
	&cmd_grid_list_entry,
	&cmd_grid_load_entry,
	&cmd_grid_show_entry,
	&cmd_sf_entry,
	&cmd_sf_base_entry,
	&cmd_gpe_entry,
	&cmd_gpi_entry,
	&cmd_rollout_entry,
	&cmd_policy_entry,
	&cmd_policy_show_entry,
	&cmd_value_entry,
	&cmd_value_show_entry,
	&cmd_w_entry,
	&cmd_w_learn_entry,
	&cmd_transfer_entry,
	&cmd_gmodel_entry,
	&cmd_gmodel_value_entry,
	&cmd_gmodel_compose_entry,
	&cmd_gmodel_mve_entry,
	NULL
};
