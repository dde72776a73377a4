/* shcomp.h: the bash and zsh completion scripts, made from the options
 * table (sessions/cliopts.c) and the command table, for
 * scalex --completion SHELL (make install installs both). */
#ifndef SX_SHCOMP_H
#define SX_SHCOMP_H

#include <stdio.h>

/* Write the script for `shell` ("bash" or "zsh"); -1 for another shell. */
int shcomp_write(FILE *fp, const char *shell);

#endif
