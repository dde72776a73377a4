/* data.h: what the data family (commands/data/) shares, and its entries. */
#ifndef SX_COMMANDS_DATA_H
#define SX_COMMANDS_DATA_H

#include "sessions/cmd.h"

/*
 * common.c: parse EXPR and evaluate it over every row of ds into a new
 * array (derive, filter); where a column it names is missing, so is the
 * value (NaN). NULL after cmd_fail at argv index argi; when
 * the value is text, the message is `textres` (NULL: "not a condition").
 */
/* The name load gives a file's dataset without "as NAME": its base name
 * up to the first '.' ("runs" for runs.csv), allocated. */
char *data_default_name(const char *path);
double *data_eval(sx_ctx *ctx, int argi, const sx_dataset *ds,
    const char *text, const char *textres);

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
