/* roff.h: help records as roff, for the man page's generated part. */
#ifndef SX_ROFF_H
#define SX_ROFF_H

#include "views/out.h"
#include "views/rec.h"

/* One command's help record (cmd_help_rec) as a man page entry: ".TP",
 * the synopsis in bold and italic, its text, then ".RS" and a ".TP" per
 * row of its spec, ".RE". */
void roff_help_entry(sx_out *o, const sx_rec *r);

#endif
