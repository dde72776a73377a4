/* fasthash.h: a fast 64-bit checksum (not cryptographic), to tell later
 * whether a file's bytes are still those that were read. */
#ifndef SX_FASTHASH_H
#define SX_FASTHASH_H

#include <stddef.h>
#include <stdint.h>

/*
 * A hash of data[0..len), at memory speed (four independent multiply-mix
 * lanes over 8-byte words, then the tail and the length). Any change of a
 * byte, or of the length, changes it but with a chance of 2^-64; it is no
 * defence against someone who wants a collision (a session's data is
 * checked with SHA-256 when saved).
 */
uint64_t fasthash64(const void *data, size_t len);

/*
 * The same hash over bytes that arrive in pieces (a file read in chunks):
 * init, update with each piece in order, final. Any split of the bytes
 * gives fasthash64 of their concatenation.
 */
typedef struct fasthash_state {
	uint64_t h[4];
	unsigned char tail[32];  /* bytes short of a 32-byte block */
	size_t ntail;
	uint64_t len;
} fasthash_state;

void fasthash_init(fasthash_state *st);
void fasthash_update(fasthash_state *st, const void *data, size_t len);
uint64_t fasthash_final(const fasthash_state *st);

#endif
