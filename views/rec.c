/* rec.c: building and reading result records. */
#include "config.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "base/xalloc.h"
#include "views/rec.h"

static sx_rec *
rec_add(sx_rec *to, const char *key, sx_rec_type type)
{
	sx_rec *r = xcalloc(1, sizeof *r);

	r->type = type;
	r->key = key != NULL ? xstrdup(key) : NULL;
	if (to->nkids == to->cap) {
		to->cap = to->cap > 0 ? 2 * to->cap : 4;
		to->kids = xreallocarray(to->kids, to->cap, sizeof *to->kids);
	}
	to->kids[to->nkids++] = r;
	return r;
}

sx_rec *
rec_new(const char *kind)
{
	sx_rec *r = xcalloc(1, sizeof *r);

	r->type = REC_OBJ;
	r->kind = xstrdup(kind);
	return r;
}

void
rec_set_view(sx_rec *r, const char *view)
{
	free(r->view);
	r->view = xstrdup(view);
}

void
rec_free(sx_rec *r)
{
	if (r == NULL)
		return;
	for (size_t i = 0; i < r->nkids; i++)
		rec_free(r->kids[i]);
	if (r->type == REC_STR)
		free(r->v.s);
	free(r->kids);
	free(r->key);
	free(r->kind);
	free(r->view);
	free(r);
}

void
rec_str(sx_rec *to, const char *key, const char *s)
{
	if (s == NULL)
		rec_add(to, key, REC_NULL);
	else
		rec_add(to, key, REC_STR)->v.s = xstrdup(s);
}

void
rec_num(sx_rec *to, const char *key, double v)
{
	rec_add(to, key, REC_NUM)->v.n = v;
}

void
rec_int(sx_rec *to, const char *key, long long v)
{
	rec_add(to, key, REC_INT)->v.i = v;
}

void
rec_bool(sx_rec *to, const char *key, int v)
{
	rec_add(to, key, REC_BOOL)->v.b = v != 0;
}

void
rec_null(sx_rec *to, const char *key)
{
	rec_add(to, key, REC_NULL);
}

sx_rec *
rec_obj(sx_rec *to, const char *key)
{
	return rec_add(to, key, REC_OBJ);
}

sx_rec *
rec_arr(sx_rec *to, const char *key)
{
	return rec_add(to, key, REC_ARR);
}

void
rec_adopt(sx_rec *to, const char *key, sx_rec *r)
{
	sx_rec *slot = rec_add(to, key, REC_OBJ);

	/* The root's members move into the slot; its kind and view go. */
	slot->type = r->type;
	slot->kids = r->kids;
	slot->nkids = r->nkids;
	slot->cap = r->cap;
	r->kids = NULL;
	r->nkids = r->cap = 0;
	rec_free(r);
}

const sx_rec *
rec_get(const sx_rec *o, const char *key)
{
	if (o == NULL || o->type != REC_OBJ)
		return NULL;
	for (size_t i = 0; i < o->nkids; i++)
		if (strcmp(o->kids[i]->key, key) == 0)
			return o->kids[i];
	return NULL;
}

const char *
rec_get_str(const sx_rec *o, const char *key)
{
	const sx_rec *r = rec_get(o, key);

	return r != NULL && r->type == REC_STR ? r->v.s : NULL;
}

double
rec_num_of(const sx_rec *r)
{
	if (r != NULL && r->type == REC_NUM)
		return r->v.n;
	if (r != NULL && r->type == REC_INT)
		return (double)r->v.i;
	return NAN;
}

double
rec_get_num(const sx_rec *o, const char *key)
{
	return rec_num_of(rec_get(o, key));
}

long long
rec_get_int(const sx_rec *o, const char *key)
{
	const sx_rec *r = rec_get(o, key);

	return r != NULL && r->type == REC_INT ? r->v.i : 0;
}

int
rec_get_bool(const sx_rec *o, const char *key)
{
	const sx_rec *r = rec_get(o, key);

	return r != NULL && r->type == REC_BOOL ? r->v.b : 0;
}

size_t
rec_len(const sx_rec *r)
{
	return r != NULL && (r->type == REC_OBJ || r->type == REC_ARR) ?
	    r->nkids : 0;
}

const sx_rec *
rec_at(const sx_rec *r, size_t i)
{
	return i < rec_len(r) ? r->kids[i] : NULL;
}
