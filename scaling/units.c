/* units.c: FLOP <-> PF-day conversion. */
#include "config.h"

#include "scaling/units.h"

double
units_pfdays_to_flop(double pfdays)
{
	return pfdays * SX_FLOP_PER_PFDAY;
}

double
units_flop_to_pfdays(double flop)
{
	return flop / SX_FLOP_PER_PFDAY;
}
