/* unit_fit.h: a fit that must succeed, for the fit tests. */
#ifndef SX_UNIT_FIT_H
#define SX_UNIT_FIT_H

#include "scaling/fit.h"
#include "tests/unit/unit.h"

/* fit_run of m to (x, y), failing the test with the error when it fails. */
static inline void
unit_fit_ok(const sx_model *m, const double *const *x, const double *y,
    size_t n, const sx_fit_opts *o, sx_fit_result *r)
{
	sx_err e;

	err_clear(&e);
	ck_assert_msg(fit_run(m, x, y, n, o, r, &e) == 0, "%s", e.msg);
}

#endif
