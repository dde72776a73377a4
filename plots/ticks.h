/* ticks.h: nice tick positions and labels for linear and log10 axes. */
#ifndef SX_TICKS_H
#define SX_TICKS_H

#include <stddef.h>

#include "plots/axis.h"

#define PX_TICKS_MAX 400

typedef struct px_tick {
	double v;		/* data value */
	int major;		/* 1: labelled, 0: minor tick */
	int pos;		/* cell along the axis (column, or row from the top) */
	int lpos;		/* first cell of the label (column, or row) */
	char label[40];		/* UTF-8, empty for minor ticks */
} px_tick;

typedef struct px_ticks {
	int n;
	px_tick t[PX_TICKS_MAX];
} px_ticks;

/*
 * Extended Wilkinson labelling (Talbot, Lin and Hanrahan 2010, as in R's
 * labeling::extended with Q = 1 5 2 2.5 4 3 and weights .25 .2 .5 .05):
 * the best sequence lmin, lmin + lstep, ..., lmax for data dmin..dmax with
 * about m labels. only_loose demands lmin <= dmin and lmax >= dmax.
 * Returns the number of labels, or -1 when the input is not finite or
 * m < 2.
 */
int ticks_extended(double dmin, double dmax, int m, int only_loose,
    double *lmin, double *lmax, double *lstep);

/*
 * Ticks for axis a drawn with `sub` sub-pixels per cell. A horizontal axis
 * puts labels side by side (centred on their tick, at least one blank cell
 * apart, within cells lim0..lim1); a vertical one puts one label per row
 * with a blank row between labels. Linear axes use ticks_extended with as
 * many labels as fit. Log axes label decades (10^k with superscripts, or
 * 1e18 when ascii; 1 10 100 1k 10k when all are in that range), every
 * 2nd, 3rd, 5th, 10th... decade when they would collide, with minor ticks
 * in between; spans of under about two decades get 1-2-5 or linear labels.
 * Labels are short: 1.5k, 2M, 2.5e-4. Ticks are sorted by value.
 * Returns the number of ticks (0 when none fits).
 */
int ticks_make(px_ticks *t, const px_axis *a, int sub, int horizontal,
    int ascii, int lim0, int lim1);

/*
 * Format v as a short label given the spacing `step` of its neighbours
 * (enough decimals to tell them apart): plain, SI (1.5k, 2M, 3G, 4T) when
 * shorter, scientific (2.5e18, or 2.5×10¹⁸ unless ascii) for |v| >= 1e15 or
 * < 1e-3. Returns the width in cells.
 */
int ticks_format(char *buf, size_t len, double v, double step, int ascii);

/* 10^k as a label: "10¹⁸" ("1e18" when ascii). Returns the width. */
int ticks_decade(char *buf, size_t len, int k, int ascii);

#endif
