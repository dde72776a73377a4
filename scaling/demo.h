/* demo.h: built-in demo datasets generated from presets with seeded noise. */
#ifndef SX_DEMO_H
#define SX_DEMO_H

#include <stddef.h>

#include "base/err.h"
#include "scaling/dataset.h"

typedef struct sx_demo_info {
	const char *name;   /* "chinchilla", "kaplan", "henighan-image16", ... */
	const char *about;  /* one line: what the runs are, from which preset */
} sx_demo_info;

size_t demo_count(void);
const sx_demo_info *demo_at(size_t i);

/*
 * Generate demo `name` as a dataset named `dsname`, noise from a GSL
 * mt19937 generator seeded with `seed` (same seed, same numbers, on every
 * machine). NULL with err set for an unknown name.
 */
sx_dataset *demo_generate(const char *name, const char *dsname,
    unsigned long seed, sx_err *err);

#endif
