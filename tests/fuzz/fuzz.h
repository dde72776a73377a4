/* fuzz.h: the entry point every fuzz target defines, and shared helpers. */
#ifndef SX_FUZZ_H
#define SX_FUZZ_H

#include <stddef.h>
#include <stdint.h>

/*
 * libFuzzer's entry point: run one input through a parser. Returns 0 (the
 * only value libFuzzer accepts); a bug shows as a crash, a sanitizer
 * report, or abort() on a broken invariant.
 */
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

/*
 * A NUL-terminated copy of the input, for parsers that take C strings.
 * Exactly size + 1 bytes, so a read past the terminator is caught by ASan.
 * The caller frees it.
 */
char *fuzz_cstr(const uint8_t *data, size_t size);

/* A stream that swallows output (/dev/null), opened once; never NULL. */
void *fuzz_sink(void);

#endif
