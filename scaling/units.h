/* units.h: compute units. */
#ifndef SX_UNITS_H
#define SX_UNITS_H

/* 1 PF-day = 1e15 FLOP/s * 86400 s. */
#define SX_FLOP_PER_PFDAY 8.64e19

double units_pfdays_to_flop(double pfdays);
double units_flop_to_pfdays(double flop);

#endif
