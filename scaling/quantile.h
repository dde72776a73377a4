/* quantile.h: percentile intervals of a sample (bootstrap replicates). */
#ifndef SX_QUANTILE_H
#define SX_QUANTILE_H

#include <stddef.h>

/*
 * Sort v[0..n-1] (n >= 1) in place and give the central interval at
 * `level` (0 < level < 1): the (1-level)/2 and (1+level)/2 quantiles,
 * linear between order statistics (type 7, numpy's default).
 */
void quantile_interval(double *v, size_t n, double level, double *lo,
    double *hi);

#endif
