/* trust.c: the writes and checksums a replayed or sourced script is
 * allowed, as a stack that follows the nesting of replay and source. */
#include "config.h"

#include <errno.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include "sessions/trust.h"
#include "views/out.h"

#define TRUST_MAX 64

typedef struct trust {
	const char *path;
	int denied;       /* writes not allowed */
	int sums;         /* inlined data must carry --sha256 */
} trust;

static trust trust_stack[TRUST_MAX];
static int trust_depth, trust_ask = -1;

void
trust_push(const char *path, int allow_writes, int no_verify, int is_session)
{
	trust t = { path, !allow_writes, is_session && !no_verify };

	if (trust_depth > 0) {
		const trust *up = &trust_stack[trust_depth - 1];

		t.denied |= up->denied;
		t.sums |= up->sums;
	}
	/* Deeper than the stack (replay and source stop at 16): as the top. */
	if (trust_depth < TRUST_MAX)
		trust_stack[trust_depth] = t;
	trust_depth++;
}

void
trust_pop(void)
{
	if (trust_depth > 0)
		trust_depth--;
}

static const trust *
trust_top(void)
{
	if (trust_depth == 0)
		return NULL;
	return &trust_stack[(trust_depth > TRUST_MAX ? TRUST_MAX : trust_depth) -
	    1];
}

int
trust_nested(void)
{
	return trust_depth > 0;
}

int
trust_sums_required(void)
{
	return trust_depth > 0 && trust_top()->sums;
}

void
trust_set_ask(int on)
{
	trust_ask = on;
}

/* "y" or "yes" read from the terminal on standard input, a byte at a time
 * (nothing read past the line, which the console would otherwise lose). */
static int
trust_yes(FILE *errfp, const char *where, int line, const char *cmd,
    const char *path)
{
	char ans[16];
	size_t n = 0;
	char c;

	fprintf(errfp, "scalex: %s:%d: %s wants to write '", where, line, cmd);
	out_write_safe(errfp, path, strlen(path), 0);
	fputs("'; allow it? [y/N] ", errfp);
	fflush(errfp);
	for (;;) {
		ssize_t r = read(STDIN_FILENO, &c, 1);

		if (r < 0 && errno == EINTR)
			return 0;
		if (r <= 0 || c == '\n' || c == '\r')
			break;
		if (n < sizeof ans - 1)
			ans[n++] = c;
	}
	ans[n] = '\0';
	return strcmp(ans, "y") == 0 || strcmp(ans, "Y") == 0 ||
	    strcmp(ans, "yes") == 0;
}

int
trust_write(sx_ctx *ctx, const char *path)
{
	const trust *t = trust_top();
	FILE *errfp = ctx->out->errfp;
	int line = ctx->cl != NULL ? ctx->cl->line : 0;

	if (t == NULL || !t->denied)
		return 0;
	if (trust_ask < 0)
		trust_ask = isatty(STDIN_FILENO) && isatty(STDERR_FILENO);
	if (trust_ask && trust_yes(errfp, t->path, line, ctx->cmd->name, path))
		return 0;
	fflush(ctx->out->fp);
	fprintf(errfp, "scalex: %s:%d: %s: not writing '", t->path, line,
	    ctx->cmd->name);
	out_write_safe(errfp, path, strlen(path), 0);
	fputs("': a replayed or sourced file writes files only when allowed "
	    "(replay --allow-writes FILE, source --allow-writes FILE, or scalex "
	    "--replay FILE --allow-writes); the rest goes on\n", errfp);
	return 1;
}

int
trust_unverified(sx_ctx *ctx, int argi, const char *from)
{
	const trust *t = trust_top();

	if (t == NULL || !t->sums)
		return 0;
	if (from != NULL)
		return cmd_fail(ctx, argi, "inlined data of '%s' without its "
		    "--sha256 in a session file: it cannot be checked (a session "
		    "saved by scalex always has one); replay --no-verify FILE (or "
		    "scalex --replay FILE --no-verify) runs it anyway", from);
	fflush(ctx->out->fp);
	fprintf(ctx->out->errfp, "scalex: %s:%d: warning: inlined data without "
	    "--sha256, not checked (replay --no-verify FILE: no warning)\n",
	    t->path, ctx->cl != NULL ? ctx->cl->line : 0);
	return 0;
}
