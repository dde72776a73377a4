/* complete.h: what may come next on a command line, from the command table. */
#ifndef SX_COMPLETE_H
#define SX_COMPLETE_H

#include <stddef.h>

#include "sessions/workspace.h"

/* Candidates for the word being typed; free with complete_free. */
typedef struct sx_completions {
	size_t n;
	char **words;
	int want_paths;   /* the word is a file path: the caller completes
	                     file names itself */
} sx_completions;

/*
 * Complete the last word of `line` (the text before the cursor): command
 * names and sub-commands, options and choices, names of datasets, fits,
 * models, presets and demos, and columns of the dataset named earlier on
 * the line, all read from the command table's argument specs. Only words
 * starting with the partial word are returned, sorted and unique.
 */
void complete_line(const sx_workspace *ws, const char *line,
    sx_completions *out);
void complete_free(sx_completions *c);

#endif
