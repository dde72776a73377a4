/* logref.h: a log entry that refers to a data file instead of holding its
 * text: the data is inlined only when a session is saved. */
#ifndef SX_LOGREF_H
#define SX_LOGREF_H

#include <stddef.h>
#include <stdint.h>

#include "base/err.h"

/*
 * 'load PATH as NAME' of a regular file is logged as this reference: the
 * file is read again at save (or history), checked to hold the bytes the
 * load parsed (same size and fasthash64), and written as the here-document
 * a load always was in a session ("load - as NAME --from PATH --sha256
 * HEX <<SXEOF"). A run that never saves thus never hashes or copies the
 * data's text.
 */
typedef struct sx_logref {
	char *name;         /* the dataset's name */
	char *from;         /* the path as given, for --from */
	char *abs;          /* the file, absolute when it could be resolved */
	size_t size;
	uint64_t hash;
} sx_logref;

/* A reference for a load of `path` as `name` that read `size` bytes of
 * fasthash64 `hash`. */
sx_logref *logref_new(const char *name, const char *path, size_t size,
    uint64_t hash);
void logref_free(sx_logref *r);

/* "load - as NAME --from FROM --sha256 HEX" (malloc'ed): the command a
 * load with its data inlined is logged as. */
char *logref_load_cmd(const char *name, const char *from, const char *hex);

/*
 * The file of r read and checked: 0 with *data (malloc'ed), *len set, or
 * -1 with err saying the file changed or is gone.
 */
int logref_read(const sx_logref *r, char **data, size_t *len, sx_err *err);

/* The entry as a session holds it, data inlined (malloc'ed); NULL with
 * err when the file changed. */
char *logref_text(const sx_logref *r, sx_err *err);

/*
 * Write the entry to fd as logref_text would give it, from the bytes
 * logref_read returned (data, len). Returns 0 or -1.
 */
int logref_write(int fd, const sx_logref *r, const char *data, size_t len);

#endif
