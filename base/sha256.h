/* sha256.h: SHA-256 (FIPS 180-4), to note the checksum of inlined data. */
#ifndef SX_SHA256_H
#define SX_SHA256_H

#include <stddef.h>

/* hex receives 64 lowercase hex digits and a NUL. */
void sha256_hex(const void *data, size_t len, char hex[65]);

#endif
