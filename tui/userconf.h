/* userconf.h: the user's config file, $XDG_CONFIG_HOME/scalex/config
 * (default ~/.config/scalex/config), read at start unless --no-config. */
#ifndef SX_TUI_USERCONF_H
#define SX_TUI_USERCONF_H

#include "sessions/workspace.h"
#include "views/out.h"

/*
 * A config file is a script: a line starting with '-' is a display option
 * as on the command line (--ascii, --color WHEN, --se paren|pm, --quiet,
 * taken before the command line's own, which win; any other
 * line is a command run at start (model define, load ...), quietly, as
 * in every mode. Missing file: nothing.
 */
typedef struct sx_config {
	char *path;        /* the file read, or NULL when there is none */
	char **argv;       /* the options, split into words */
	int argc;
	char *cmds;        /* the other lines ('' for an option line, so
	                      that line numbers stay the file's) */
	int ncmds;         /* lines holding a command */
	char **merged;     /* config_argv's vector, freed by config_free */
} sx_config;

/* Read the config file. Returns 0, or 2 after saying on standard error
 * what is wrong and where (PATH:LINE). */
int config_read(sx_config *c);
void config_free(sx_config *c);
/* argv with the config's options after argv[0], before the command line's
 * own (which win); the words stay the config's and argv's. */
char **config_argv(sx_config *c, int argc, char **argv, int *nargc);
/* Run the config's commands in ws, their results discarded, errors on
 * standard error as PATH:LINE. Returns 0, or 1 when one failed. */
int config_run(const sx_config *c, sx_workspace *ws, const sx_out *out);

#endif
