/* err.h: the error record every fallible function of the cores fills. */
#ifndef SX_ERR_H
#define SX_ERR_H

#include <stddef.h>

/*
 * The cores (scaling/, rl/) never print and never exit: a function that
 * can fail returns -1 (or NULL) and describes the failure here (a message
 * too long for msg ends with "…", see fmt.h). `line` and `col` are 1-based
 * positions in the input that caused it, 0 when there is none; `where` names
 * that input (a file path, "<command>", ...), empty when there is none.
 */
typedef struct sx_err {
	char msg[512];
	char where[1024];
	int line;
	int col;
} sx_err;

/* Clear an error record (all fields empty / zero). NULL is allowed. */
void err_clear(sx_err *e);

/* Set the message; keeps where/line/col. Returns -1 so callers can write
 * `return err_set(e, "...")`. NULL `e` is allowed (the message is dropped). */
int err_set(sx_err *e, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));

/* Set message and position together. Returns -1. */
int err_at(sx_err *e, const char *where, int line, int col, const char *fmt, ...)
	__attribute__((format(printf, 5, 6)));

/* Format "where:line:col: msg" (omitting absent parts) into buf. */
void err_format(const sx_err *e, char *buf, size_t len);

#endif
