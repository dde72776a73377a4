/* cliopts.h: the scalex program's command-line options, one table that
 * --help, the man page's OPTIONS section (doc/mkman) and the shell
 * completion scripts (scalex --completion) are all made from. */
#ifndef SX_CLIOPTS_H
#define SX_CLIOPTS_H

#include <stdio.h>

typedef struct sx_cliopt {
	const char *shortname;  /* "-V", or NULL */
	const char *longname;   /* "--version", or NULL (-c) */
	const char *meta;       /* the value's name ("WHEN"), NULL: no value */
	const char *values;     /* the values allowed, '|'-separated, or NULL */
	const char *files;      /* a path is expected: a glob of the files to
	                           offer ("*.sx"), "*" for any, or NULL */
	const char *help;       /* --help's text, '\n' between its lines */
	const char *man;        /* the man page's text (roff), NULL: help */
} sx_cliopt;

/* The options in --help order, ending with a row of NULLs. */
extern const sx_cliopt cliopts[];

/* "-V, --version", "-c CMDS", "--color WHEN" as --help shows them. */
void cliopt_label(const sx_cliopt *o, char *buf, size_t len);
/* The whole --help text. */
void cliopt_usage(FILE *fp);

#endif
