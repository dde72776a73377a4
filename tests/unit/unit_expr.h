/* unit_expr.h: what the expression tests share. */
#ifndef SX_UNIT_EXPR_H
#define SX_UNIT_EXPR_H

#include "scaling/expr.h"

/* Parse `text`, or fail the test with the parser's column and message. */
sx_expr *unit_parse(const char *text);

#endif
