/* columns.h: canonical column names of scaling data and their aliases. */
#ifndef SX_COLUMNS_H
#define SX_COLUMNS_H

/*
 * The canonical columns: N parameters, D tokens, U unique tokens, C compute
 * (FLOP), L loss, S steps, t time. column_canonical("params") is "N"; matching ignores
 * case, spaces, '_' and '-'. Returns NULL for a name that is not an alias.
 */
const char *column_canonical(const char *name);

/* A short description of a canonical column ("parameters", ...), or NULL. */
const char *column_describe(const char *canonical);

#endif
