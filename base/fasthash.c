/* fasthash.c: see fasthash.h. */
#include "config.h"

#include <string.h>

#include "base/fasthash.h"

#define FH_K1 0x9E3779B97F4A7C15u
#define FH_K2 0xC2B2AE3D27D4EB4Fu

static uint64_t
fh_mix(uint64_t h, uint64_t w)
{
	h ^= w * FH_K2;
	h = (h << 31) | (h >> 33);
	return h * FH_K1;
}

/* The final avalanche of MurmurHash3 (fmix64). */
static uint64_t
fh_final(uint64_t h)
{
	h ^= h >> 33;
	h *= 0xFF51AFD7ED558CCDu;
	h ^= h >> 33;
	h *= 0xC4CEB9FE1A85EC53u;
	h ^= h >> 33;
	return h;
}

void
fasthash_init(fasthash_state *st)
{
	memset(st, 0, sizeof *st);
	for (int k = 0; k < 4; k++)
		st->h[k] = (uint64_t)k + 1;
}

/* Mix one 32-byte block into the four lanes. */
static void
fh_block(uint64_t h[4], const unsigned char *p)
{
	uint64_t w;

	for (int k = 0; k < 4; k++) {
		memcpy(&w, p + 8 * k, 8);
		h[k] = fh_mix(h[k], w);
	}
}

void
fasthash_update(fasthash_state *st, const void *data, size_t len)
{
	const unsigned char *p = data;
	size_t i = 0;

	st->len += len;
	if (st->ntail > 0) {
		size_t take = 32 - st->ntail < len ? 32 - st->ntail : len;

		memcpy(st->tail + st->ntail, p, take);
		st->ntail += take;
		i = take;
		if (st->ntail < 32)
			return;
		fh_block(st->h, st->tail);
		st->ntail = 0;
	}
	for (; i + 32 <= len; i += 32)
		fh_block(st->h, p + i);
	memcpy(st->tail, p + i, len - i);
	st->ntail = len - i;
}

/* The last bytes (fewer than 32) as 8-byte words into lane 0, a partial
 * word into lane 1, then the length and the avalanche. */
uint64_t
fasthash_final(const fasthash_state *st)
{
	uint64_t h[4], w, out;
	size_t i = 0;

	memcpy(h, st->h, sizeof h);
	for (; i + 8 <= st->ntail; i += 8) {
		memcpy(&w, st->tail + i, 8);
		h[0] = fh_mix(h[0], w);
	}
	if (i < st->ntail) {
		w = 0;
		memcpy(&w, st->tail + i, st->ntail - i);
		h[1] = fh_mix(h[1], w);
	}
	out = st->len;
	for (int k = 0; k < 4; k++)
		out = fh_mix(out, fh_final(h[k]));
	return fh_final(out);
}

uint64_t
fasthash64(const void *data, size_t len)
{
	fasthash_state st;

	fasthash_init(&st);
	fasthash_update(&st, data, len);
	return fasthash_final(&st);
}
