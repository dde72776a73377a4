/* view.h: results rendered from their records, in the output's format. */
#ifndef SX_VIEW_H
#define SX_VIEW_H

#include "views/out.h"
#include "views/rec.h"

/*
 * Write record r to o: one JSON object on one line with --json (its kind
 * as the "cmd" key, then its members), otherwise the text view registered
 * for its kind (view.c's table), or, for a kind without one, the members
 * as indented "key value" lines.
 */
void view_emit(sx_out *o, const sx_rec *r);
/* view_emit, then rec_free: for a command done with its result. */
void view_put(sx_out *o, sx_rec *r);
/* The n results of a command over several items (a group fit's groups):
 * all of them put when made is n (every one was made), else all freed,
 * so a failure shows no partial output. Returns 0, or -1 when not. The
 * array itself is the caller's. */
int view_put_all(sx_out *o, sx_rec **recs, size_t n, size_t made);

/* The n records as one table (their rows in order) in o's table format
 * (CSV, Markdown or LaTeX: views/table.h). view_emit does this for one
 * record in a table format, view_put_all for its n (a group fit's
 * predictions: one table). */
void view_table(sx_out *o, const sx_rec *const *recs, size_t n);

/* The JSON form alone, whatever o's format. */
void view_json(sx_out *o, const sx_rec *r);

/* A text view: writes the human form of one kind of record. */
typedef void (*view_text_fn)(sx_out *o, const sx_rec *r);

/* The text view of a kind, or NULL when it has none. */
view_text_fn view_text_of(const char *kind);

#endif
