/* data.h: what the data family (commands/data/) shares, and its entries. */
#ifndef SX_COMMANDS_DATA_H
#define SX_COMMANDS_DATA_H

#include "sessions/cmd.h"

/*
 * common.c: parse EXPR and evaluate it over every row of ds into a new
 * array (derive, filter); where a column it names is missing, the value
 * is missing (NaN). NULL after cmd_fail at argv index argi.
 */
double *data_eval(sx_ctx *ctx, int argi, const sx_dataset *ds,
    const char *text);
/* data_eval, also saying (when missing is not NULL) in a new mask, or
 * NULL when none, the rows where an input column is missing: the value
 * there is NaN, a missing value, as in every data_eval. */
double *data_eval_rows(sx_ctx *ctx, int argi, const sx_dataset *ds,
    const char *text, unsigned char **missing);

extern const sx_cmd cmd_load_entry;
extern const sx_cmd cmd_data_entry;
extern const sx_cmd cmd_data_list_entry;
extern const sx_cmd cmd_data_show_entry;
extern const sx_cmd cmd_data_describe_entry;
extern const sx_cmd cmd_data_drop_entry;
extern const sx_cmd cmd_rename_entry;
extern const sx_cmd cmd_derive_entry;
extern const sx_cmd cmd_filter_entry;
extern const sx_cmd cmd_dropna_entry;

#endif
