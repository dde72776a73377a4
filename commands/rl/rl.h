/* rl.h: what the RL commands (commands/rl/) share, and their entries. */
#ifndef SX_COMMANDS_RL_H
#define SX_COMMANDS_RL_H

#include <stddef.h>
#include <stdint.h>

#include "rl/grid.h"
#include "rl/sf.h"
#include "sessions/cmd.h"
#include "sessions/progress.h"
#include "views/rec.h"

/* Most base policies one 'sf base' may store, and the most successor
 * feature doubles all of them together may take (256 MB). */
#define GR_MAX_BASE 16
#define GR_MAX_PSI ((size_t)1 << 25)
/* Rollouts behind a value on a grid without a model (foraging). */
#define GR_MC_EPISODES 32

/* Which policy a command looks at: GPI, the optimum, or stored base i. */
typedef enum gr_polkind { GR_GPI, GR_OPT, GR_BASE } gr_polkind;

typedef struct gr_policy {
	gr_polkind kind;
	size_t i;          /* base index (0-based) */
	char label[32];    /* "gpi", "opt", "base:2" */
} gr_policy;

#define GR_W_HELP \
	"W is the task: one weight per feature, commas between and no spaces\n" \
	"(1,-1,0 on fourroom: reward 1 for a type-1 object, -1 for type 2,\n" \
	"0 for type 3); 'grid show' names a grid's features.\n"

/* The help lines of options several commands share. */
#define GR_POLICY_HELP \
	"gpi (GPI over the stored base), opt (optimal for the task) or " \
	"base:I (stored base policy I, from 1)"
#define GR_COLLECTED_HELP \
	"objects already collected: their numbers as 'grid show' gives " \
	"them, 'all' or 'none'"

const char *gr_goal_name(const sx_grid *g);
void gr_feature_name(const sx_grid *g, int k, char *buf, size_t len);
void gr_w_text(const double *w, int nw, char *buf, size_t len);
sx_grid *gr_need(sx_ctx *ctx);
int gr_need_tabular(sx_ctx *ctx, const sx_grid *g);
int gr_parse_w(sx_ctx *ctx, int argi, const sx_grid *g, const char *text,
    double *w, double *wfull);
int gr_parse_cell(sx_ctx *ctx, int argi, const sx_grid *g, const char *text,
    int *pos);
int gr_parse_collected(sx_ctx *ctx, int argi, const sx_grid *g,
    const char *text, uint32_t *m);
int gr_parse_policy(sx_ctx *ctx, int argi, const char *text, gr_policy *pol);
int gr_progress_begin(sx_progress *p, sx_ctx *ctx, const char *what);
sf_base *gr_build_base(sx_ctx *ctx, const sx_grid *g, const double *ws,
    size_t n, unsigned long seed, int argi);
double *gr_unit_tasks(const sx_grid *g);
sf_base *gr_need_base(sx_ctx *ctx, const sx_grid *g);
size_t gr_start_obs(const sx_grid *g, unsigned long seed, char *layout);
unsigned char *gr_policy_actions(sx_ctx *ctx, int argi, const sx_grid *g,
    const sf_base *b, const double *wfull, const gr_policy *pol);

/*
 * Record members the RL views read (views/text-rl.c): a task "w" as an
 * array of weights; a cell as [row, col]; "collected" as the object
 * numbers (from 1); and "grid" (its name), "goal" (the goal rule),
 * "has_goal" (whether a G cell exists) and "map" (row strings of map
 * characters, g->map or a foraging layout) for a picture's heading and
 * background.
 */
/* An action by name (LEFT UP RIGHT DOWN, any case, or a letter) or 0-3;
 * -1 for anything else. */
int gr_parse_action(const char *text);

void gr_rec_w(sx_rec *to, const char *key, const double *w, int nw);
void gr_rec_cell(sx_rec *to, const char *key, const sx_grid *g, int pos);
void gr_rec_set(sx_rec *to, const sx_grid *g, uint32_t m);
void gr_rec_grid(sx_rec *to, const sx_grid *g, const char *map);
/* "map" alone. */
void gr_rec_map(sx_rec *to, const sx_grid *g, const char *map);

extern const sx_cmd cmd_grid_entry;
extern const sx_cmd cmd_grid_list_entry;
extern const sx_cmd cmd_grid_load_entry;
extern const sx_cmd cmd_grid_show_entry;
extern const sx_cmd cmd_sf_entry;
extern const sx_cmd cmd_sf_base_entry;
extern const sx_cmd cmd_gpe_entry;
extern const sx_cmd cmd_gpi_entry;
extern const sx_cmd cmd_rollout_entry;
extern const sx_cmd cmd_policy_entry;
extern const sx_cmd cmd_policy_show_entry;
extern const sx_cmd cmd_value_entry;
extern const sx_cmd cmd_value_show_entry;
extern const sx_cmd cmd_w_entry;
extern const sx_cmd cmd_w_learn_entry;
extern const sx_cmd cmd_transfer_entry;
extern const sx_cmd cmd_gmodel_entry;
extern const sx_cmd cmd_gmodel_value_entry;
extern const sx_cmd cmd_gmodel_compose_entry;
extern const sx_cmd cmd_gmodel_mve_entry;

#endif
