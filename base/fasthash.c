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

uint64_t
fasthash64(const void *data, size_t len)
{
	const unsigned char *p = data;
	uint64_t h[4] = { 1, 2, 3, 4 }, w, out;
	size_t i = 0;

	for (; i + 32 <= len; i += 32) {
		for (int k = 0; k < 4; k++) {
			memcpy(&w, p + i + 8 * k, 8);
			h[k] = fh_mix(h[k], w);
		}
	}
	for (; i + 8 <= len; i += 8) {
		memcpy(&w, p + i, 8);
		h[0] = fh_mix(h[0], w);
	}
	if (i < len) {
		w = 0;
		memcpy(&w, p + i, len - i);
		h[1] = fh_mix(h[1], w);
	}
	out = (uint64_t)len;
	for (int k = 0; k < 4; k++)
		out = fh_mix(out, fh_final(h[k]));
	return fh_final(out);
}
