/* rec.h: results as records, the one value a command builds for a result. */
#ifndef SX_REC_H
#define SX_REC_H

#include <stddef.h>

/*
 * A record is a tree of typed values: objects (members in the order they
 * were put), arrays, strings, numbers, integers, booleans and null. A
 * command builds one record per result and hands it to views/view.h,
 * which renders it as text, JSON or a table; the TUI reads the same
 * record. So a result is computed once and formatted only by renderers:
 * JSON from the tree itself, text by the record kind's text view.
 *
 * By convention an array of objects with the same keys is a table (its
 * rows), which table renderers can write as CSV, Markdown or LaTeX.
 *
 * The builders take a key in an object and NULL in an array. Building
 * only allocates (through xalloc), so it cannot fail.
 */
typedef enum sx_rec_type {
	REC_NULL,
	REC_BOOL,
	REC_INT,
	REC_NUM,
	REC_STR,
	REC_OBJ,
	REC_ARR
} sx_rec_type;

typedef struct sx_rec sx_rec;
struct sx_rec {
	sx_rec_type type;
	char *key;        /* the member's name in an object, NULL otherwise */
	char *kind;       /* the root's kind ("preset show"), NULL below it */
	char *view;       /* the root's text view when not its kind's (a
	                     figure of "frontier --plot" is shown as "plot"),
	                     else NULL */
	union {
		int b;
		long long i;
		double n;
		char *s;
	} v;
	sx_rec **kids;    /* REC_OBJ, REC_ARR: members or elements */
	size_t nkids, cap;
};

/* A new root object of the given kind (the command's name). */
sx_rec *rec_new(const char *kind);
/* Show root r through the text view of `view` instead of its kind's: for
 * a command with two kinds of result (a table, or a figure with --plot),
 * whose JSON keeps the command's name. */
void rec_set_view(sx_rec *r, const char *view);
void rec_free(sx_rec *r);

/* Add a value to object or array `to` (key NULL in an array). */
void rec_str(sx_rec *to, const char *key, const char *s);  /* NULL: null */
void rec_num(sx_rec *to, const char *key, double v);
void rec_int(sx_rec *to, const char *key, long long v);
void rec_bool(sx_rec *to, const char *key, int v);
void rec_null(sx_rec *to, const char *key);
/* Add a nested object or array and return it, to fill. */
sx_rec *rec_obj(sx_rec *to, const char *key);
sx_rec *rec_arr(sx_rec *to, const char *key);
/* Add root record r (another command's result, e.g. one fit_record per
 * group) as a member of to, taking it over: r is freed. */
void rec_adopt(sx_rec *to, const char *key, sx_rec *r);

/*
 * Reading, for renderers. rec_get: the member `key` of object o, or NULL
 * when o is NULL, not an object or has no such member. The typed getters
 * return NULL / NaN / 0 when the member is absent or of another type
 * (an integer reads as a number too).
 */
const sx_rec *rec_get(const sx_rec *o, const char *key);
const char *rec_get_str(const sx_rec *o, const char *key);
double rec_get_num(const sx_rec *o, const char *key);
long long rec_get_int(const sx_rec *o, const char *key);
int rec_get_bool(const sx_rec *o, const char *key);
/* The number a value holds (an integer too), NaN for anything else:
 * for an array's elements. */
double rec_num_of(const sx_rec *r);
/* Members or elements of an object or array (0 for anything else). */
size_t rec_len(const sx_rec *r);
const sx_rec *rec_at(const sx_rec *r, size_t i);

#endif
