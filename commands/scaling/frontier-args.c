/* frontier-args.c: the options the frontier family parses alike. */
#include "config.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "base/xalloc.h"
#include "commands/scaling/frontier.h"

/*
 * Parse "LO..HI" (two positive finite numbers, LO <= HI) from the option
 * `opt`; leaves lo/hi alone when the option is absent.
 */
int
parse_range(sx_ctx *ctx, const sx_args *a, const char *opt, double *lo,
    double *hi)
{
	const char *s = arg(a, ctx->cmd, opt), *dots;
	int argi = arg_index(a, ctx->cmd, opt);
	char *left, *end;
	double l, h;

	if (s == NULL)
		return 0;
	dots = strstr(s, "..");
	if (dots == NULL)
		return cmd_fail(ctx, argi, "%s expects LO..HI (e.g. 1e18..1e26), "
		    "not '%s'", opt, s);
	left = xstrndup(s, (size_t)(dots - s));
	l = strtod(left, &end);
	if (end == left || *end != '\0' || !isfinite(l)) {
		free(left);
		return cmd_fail(ctx, argi, "%s: '%.*s' is not a number", opt,
		    (int)(dots - s), s);
	}
	free(left);
	h = strtod(dots + 2, &end);
	if (end == dots + 2 || *end != '\0' || !isfinite(h))
		return cmd_fail(ctx, argi, "%s: '%s' is not a number", opt, dots + 2);
	if (!(l > 0.0) || !(h > 0.0))
		return cmd_fail(ctx, argi, "%s %s: %s must be > 0", opt, s,
		    strcmp(opt, "--C") == 0 ? "compute" : "both ends");
	if (h < l)
		return cmd_fail(ctx, argi, "%s %s runs backwards (LO > HI)", opt, s);
	*lo = l;
	*hi = h;
	return 0;
}

/* Option `opt` (its row's default when absent), which must be > 0. */
int
parse_positive(sx_ctx *ctx, const sx_args *a, const char *opt, double *v)
{
	*v = arg_num(a, ctx->cmd, opt);
	if (!(*v > 0.0))
		return cmd_fail(ctx, arg_index(a, ctx->cmd, opt), "%s must be > 0, "
		    "not %s", opt, arg_str(a, ctx->cmd, opt));
	return 0;
}

