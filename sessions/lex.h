/* lex.h: the command language's tokenizer (words, quotes, ;, #, heredocs). */
#ifndef SX_LEX_H
#define SX_LEX_H

#include <stddef.h>

#include "base/err.h"

/*
 * One command as written: its words with their source columns, the line it
 * starts on, and an optional here-document body. Words are unquoted:
 * 'single quotes' are literal, "double quotes" take \" \\ \n escapes, and
 * a word may mix quoted and bare parts (--title="a b"). A `#` at the start of
 * a word begins a comment to the end of the line; `;` and a newline end a
 * command. `<<TAG` as a word starts a here-document: the lines after the
 * command's line, up to a line holding only TAG, become `heredoc`.
 */
typedef struct sx_cmdline {
	int argc;
	char **argv;
	int *col;          /* 1-based source column of each word */
	int line;          /* 1-based line of the first word */
	char *src;         /* the source line the command is on (for carets) */
	char *heredoc;     /* NULL when none */
	size_t heredoc_len;
	int heredoc_line;  /* line of the body's first line */
} sx_cmdline;

typedef struct sx_script {
	size_t n;
	sx_cmdline *cmds;
} sx_script;

/*
 * Split `text` into commands. The whole text is read before anything runs:
 * an unterminated quote or here-document anywhere is an error (where, line,
 * col set) and *out is left empty. Returns 0 or -1.
 */
int lex_script(const char *text, size_t len, const char *where,
    sx_script *out, sx_err *err);
void lex_script_free(sx_script *s);

/*
 * Lines typed one at a time (the consoles). lex_pending_add appends a line;
 * it returns 1 when the text is ready to run (complete commands, or an
 * error that running it will report), 0 while a here-document begun on an
 * earlier line waits for its terminator. Run p->text, then clear it.
 */
typedef struct sx_pending {
	char *text;        /* the lines so far, each ended by '\n'; or NULL */
	size_t len, cap;
	char *tag;         /* the open here-document's tag, or NULL */
} sx_pending;

int lex_pending_add(sx_pending *p, const char *line);
void lex_pending_clear(sx_pending *p);

/* Quote a word so that lex_script reads it back unchanged (for the log). */
char *lex_quote(const char *word);

/*
 * "CMD <<TAG\nBODY TAG": a command with a here-document, choosing a TAG
 * (SXEOF, SXEOF1, ...) that no line of the body equals. The body gets a
 * final newline if it lacks one.
 */
char *lex_with_heredoc(const char *cmd, const char *body, size_t len);
/* The TAG lex_with_heredoc chooses for body. */
void lex_heredoc_tag(const char *body, size_t len, char tag[32]);
#endif
