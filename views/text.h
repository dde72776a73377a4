/* text.h: the text views of each kind of record, one file per domain
 * (text-*.c); view.c's table joins them. */
#ifndef SX_TEXT_H
#define SX_TEXT_H

#include "views/view.h"

/* text-preset.c */
void text_presets(sx_out *o, const sx_rec *r);
void text_preset_show(sx_out *o, const sx_rec *r);
void text_demo(sx_out *o, const sx_rec *r);
/* text-frontier.c */
void text_frontier(sx_out *o, const sx_rec *r);
void text_approach(sx_out *o, const sx_rec *r);
void text_henighan(sx_out *o, const sx_rec *r);
void text_infogain(sx_out *o, const sx_rec *r);
void text_imagenet(sx_out *o, const sx_rec *r);
void text_hen_math(sx_out *o, const sx_rec *r);
void text_crossover(sx_out *o, const sx_rec *r);
/* text-plan.c */
void text_design(sx_out *o, const sx_rec *r);
void text_simulate(sx_out *o, const sx_rec *r);
void text_suggest(sx_out *o, const sx_rec *r);
/* text-model.c */
void text_models(sx_out *o, const sx_rec *r);
void text_model_show(sx_out *o, const sx_rec *r);
void text_model_define(sx_out *o, const sx_rec *r);
/* text-data.c */
void text_load(sx_out *o, const sx_rec *r);
void text_data_list(sx_out *o, const sx_rec *r);
void text_data_show(sx_out *o, const sx_rec *r);
void text_data_describe(sx_out *o, const sx_rec *r);
void text_data_drop(sx_out *o, const sx_rec *r);
void text_rename(sx_out *o, const sx_rec *r);
void text_derive(sx_out *o, const sx_rec *r);
void text_filter(sx_out *o, const sx_rec *r);
void text_dropna(sx_out *o, const sx_rec *r);
/* "; 3 have no L, 1 has no N" from a record's "missing" array. */
void text_missing(sx_out *o, const sx_rec *miss);

/* text-fit.c */
void text_fit(sx_out *o, const sx_rec *r);
void text_fit_by(sx_out *o, const sx_rec *r);
void text_fits(sx_out *o, const sx_rec *r);
void text_predict(sx_out *o, const sx_rec *r);
void text_set(sx_out *o, const sx_rec *r);
/* text-compare.c */
void text_compare(sx_out *o, const sx_rec *r);

/* text-rl.c: the views, and the parts of headings RL views share: a
 * task "1,-1,0", " (goal unit)" when r's grid has a goal, a collected
 * set "none" or "1,4". */
void text_grid_list(sx_out *o, const sx_rec *r);
void text_grid_load(sx_out *o, const sx_rec *r);
void text_grid_show(sx_out *o, const sx_rec *r);
void text_policy_show(sx_out *o, const sx_rec *r);
void text_value_show(sx_out *o, const sx_rec *r);
void text_gmodel(sx_out *o, const sx_rec *r);
void text_gmodel_value(sx_out *o, const sx_rec *r);
void text_gmodel_compose(sx_out *o, const sx_rec *r);
void text_gmodel_mve(sx_out *o, const sx_rec *r);
void text_rollout(sx_out *o, const sx_rec *r);
void text_sf_base(sx_out *o, const sx_rec *r);
void text_gpe(sx_out *o, const sx_rec *r);
void text_gpi(sx_out *o, const sx_rec *r);
void text_w_learn(sx_out *o, const sx_rec *r);
void text_transfer(sx_out *o, const sx_rec *r);
void text_rl_w(sx_out *o, const sx_rec *w);
void text_rl_goal_note(sx_out *o, const sx_rec *r);
void text_rl_set(sx_out *o, const sx_rec *set);

/* text-session.c */
void text_save(sx_out *o, const sx_rec *r);
void text_history(sx_out *o, const sx_rec *r);
void text_plot(sx_out *o, const sx_rec *r);
void text_plot_written(sx_out *o, const sx_rec *r);

/* text-help.c */
void text_help(sx_out *o, const sx_rec *r);

/* text-table.c */
void text_table_written(sx_out *o, const sx_rec *r);

#endif
