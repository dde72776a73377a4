/* frontier.h: what the frontier family (frontier, frontier approach1,
 * approach2, henighan, crossover) shares: option parsing, the entries. */
#ifndef SX_COMMANDS_FRONTIER_H
#define SX_COMMANDS_FRONTIER_H

#include "sessions/cmd.h"

/* frontier-args.c. Each reports a bad option through cmd_fail. */
int parse_range(sx_ctx *ctx, const sx_args *a, const char *opt, double *lo,
    double *hi);
int parse_positive(sx_ctx *ctx, const sx_args *a, const char *opt,
    double *out);

extern const sx_cmd cmd_frontier_entry;
extern const sx_cmd cmd_approach1_entry;
extern const sx_cmd cmd_approach2_entry;
extern const sx_cmd cmd_henighan_entry;
extern const sx_cmd cmd_crossover_entry;

#endif
