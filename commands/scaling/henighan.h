/* henighan.h: the henighan family: Henighan et al. 2020's findings beyond
 * Table 1 (whose frontiers are 'frontier henighan'). */
#ifndef SX_COMMANDS_HENIGHAN_H
#define SX_COMMANDS_HENIGHAN_H

#include "sessions/cmd.h"
#include "sessions/figures.h"

/* --plot of a henighan command over its --range (default lo..hi): the
 * figure to the sink or --out; 0, or -1 after cmd_fail. */
int henighan_plot(sx_ctx *ctx, const sx_args *a,
    figures_fig *(*build)(double lo, double hi, sx_err *e), double lo,
    double hi, const char *cmd);

extern const sx_cmd cmd_infogain_entry;
extern const sx_cmd cmd_imagenet_entry;
extern const sx_cmd cmd_hen_math_entry;

#endif
