/* run.c: scripts through the one interpreter, with caret error reports. */
#include "config.h"

#include <errno.h>
#include <signal.h>
#include <stdlib.h>
#include <stdint.h>
#include <string.h>
#include <sys/stat.h>

#include "base/xalloc.h"
#include "sessions/cmd.h"
#include "sessions/lex.h"
#include "sessions/run.h"
#include "views/out.h"

/*
 * Errors echo what the user wrote, which may be anything (a colleague's
 * session file): control bytes, newlines too, are shown as \xNN by the
 * sink's helper (views/out.c), so that none reaches the terminal as an
 * escape sequence.
 */
static int
run_unsafe(unsigned char c)
{
	return out_unsafe_byte(c, 0);
}

static void
run_put(FILE *fp, const char *s)
{
	out_write_safe(fp, s, strlen(s), 0);
}

/* Print the source line and a caret (^~~~) under bytes col..col+len-1,
 * padding by what each byte before it shows as (UTF-8 continuation bytes
 * take no column; an escaped byte four). */
static void
run_caret(FILE *fp, const char *src, int col, int len)
{
	if (src == NULL)
		return;
	fputs("  ", fp);
	run_put(fp, src);
	fputs("\n  ", fp);
	for (int i = 1; i < col; i++) {
		unsigned char c = (unsigned char)src[i - 1];

		if (c == '\t')
			fputc('\t', fp);
		else if (run_unsafe(c))
			fputs("    ", fp);
		else if ((c & 0xC0) != 0x80)
			fputc(' ', fp);
	}
	fputc('^', fp);
	/* Under the word: as wide as it shows, the caret taking one column. */
	for (int i = col - 1, w = -1; i < col - 1 + len && src[i] != '\0'; i++) {
		unsigned char c = (unsigned char)src[i];

		w += run_unsafe(c) ? 4 : (c & 0xC0) != 0x80;
		for (; w > 0; w--)
			fputc('~', fp);
	}
	fputc('\n', fp);
}

/* The caret under line `line`, column `col` of text (a lexing error). */
static void
run_caret_at(FILE *fp, const char *text, size_t len, int line, int col)
{
	const char *p = text, *end = text + len, *nl;
	char *src;

	for (int l = 1; l < line && p < end; l++) {
		nl = memchr(p, '\n', (size_t)(end - p));
		if (nl == NULL)
			return;
		p = nl + 1;
	}
	nl = memchr(p, '\n', (size_t)(end - p));
	src = xstrndup(p, (size_t)((nl != NULL ? nl : end) - p));
	if (strlen(src) < 200 && col >= 1)
		run_caret(fp, src, col, 1);
	free(src);
}

/* Where the caret goes for argv index argi: that word, or the line's end. */
static void
run_report(FILE *fp, const char *where, const sx_cmdline *cl, const sx_ctx *ctx)
{
	int col, len;

	fflush(stdout);
	fprintf(fp, "scalex: %s:%d: ", where, cl->line);
	run_put(fp, ctx->err.msg);
	fputc('\n', fp);
	/* A huge line (a megabyte of words) is not echoed back whole. */
	if (strlen(cl->src) > 1000)
		return;
	if (ctx->err_arg >= 0 && ctx->err_arg < cl->argc) {
		col = cl->col[ctx->err_arg];
		len = (int)strlen(cl->argv[ctx->err_arg]);
	} else if (ctx->err_arg >= cl->argc) {
		col = (int)strlen(cl->src) + 1;
		len = 1;
	} else
		return;
	/* A word may have been quoted or may continue past the line. */
	if (col + len - 1 > (int)strlen(cl->src))
		len = (int)strlen(cl->src) - col + 2;
	if (len < 1)
		len = 1;
	run_caret(fp, cl->src, col, len);
}

/* Standard input for 'load -' (run_offer_stdin), and how deep run_text
 * is: only the outermost one's commands read standard input. */
static int run_stdin_offered, run_stdin_read, run_depth;

void
run_offer_stdin(int on)
{
	run_stdin_offered = on;
}

int
run_stdin(void)
{
	if (!run_stdin_offered || run_depth != 1)
		return 0;
	return run_stdin_read ? -1 : 1;
}

void
run_stdin_taken(void)
{
	run_stdin_read = 1;
}

static int run_text_nested(sx_workspace *ws, sx_out *out, FILE *errfp,
    const char *text, size_t len, const char *where);

/* A signal ended the run: say which command it stopped before (or
 * during, when `during`), once, where the innermost script saw it; the
 * caller runs no more. */
static int
run_stopped(const sx_out *out, FILE *errfp, const char *where,
    const sx_cmdline *cl, int during)
{
	static int said;
	int sig = out->stop != NULL ? *out->stop : 0;

	if (sig == 0)
		return 0;
	if (!said) {
		fflush(out->fp);
		fprintf(errfp, "scalex: %s:%d: stopped by %s %s '", where,
		    cl->line, sig == SIGTERM ? "SIGTERM" : sig == SIGHUP ?
		    "SIGHUP" : sig == SIGINT ? "SIGINT (Ctrl-C)" : "a signal",
		    during ? "during" : "before");
		run_put(errfp, cl->argv[0]);
		fputs(during ? "': nothing after it was run\n" :
		    "': it and what follows were not run\n", errfp);
		said = 1;
	}
	return 1;
}

int
run_text(sx_workspace *ws, sx_out *out, FILE *errfp, const char *text,
    size_t len, const char *where)
{
	int rc;

	run_depth++;
	rc = run_text_nested(ws, out, errfp, text, len, where);
	run_depth--;
	return rc;
}

static int
run_text_nested(sx_workspace *ws, sx_out *out, FILE *errfp,
    const char *text, size_t len, const char *where)
{
	sx_script s;
	sx_err err;

	err_clear(&err);
	if (lex_script(text, len, where, &s, &err) != 0) {
		char buf[1024];

		err_format(&err, buf, sizeof buf);
		fflush(out->fp);
		fputs("scalex: ", errfp);
		run_put(errfp, buf);
		fputc('\n', errfp);
		run_caret_at(errfp, text, len, err.line, err.col);
		fprintf(errfp, "scalex: %s: nothing was run\n", where);
		return -1;
	}
	/* Every command must resolve and parse before any runs. */
	for (size_t i = 0; i < s.n; i++) {
		sx_ctx ctx;

		if (cmd_check(&s.cmds[i], &ctx) != 0) {
			run_report(errfp, where, &s.cmds[i], &ctx);
			fprintf(errfp, "scalex: %s: nothing was run\n", where);
			cmd_ctx_free(&ctx);
			lex_script_free(&s);
			return -1;
		}
		cmd_ctx_free(&ctx);
	}
	for (size_t i = 0; i < s.n; i++) {
		sx_ctx ctx;

		if (run_stopped(out, errfp, where, &s.cmds[i], 0)) {
			lex_script_free(&s);
			return -1;
		}
		/* A Ctrl-C pending from before (one that came between two
		 * commands, or during one that does not poll) stops nothing
		 * it was not meant for. */
		if (out->interrupt != NULL)
			*out->interrupt = 0;
		if (cmd_exec(ws, out, &s.cmds[i], &ctx) != 0) {
			if (!ctx.silent)
				run_report(errfp, where, &s.cmds[i], &ctx);
			if (i + 1 < s.n)
				run_stopped(out, errfp, where, &s.cmds[i], 1);
			cmd_ctx_free(&ctx);
			lex_script_free(&s);
			return -1;
		}
		cmd_ctx_free(&ctx);
	}
	lex_script_free(&s);
	return 0;
}

/* The limit load has for a data file (1 GiB): a script is no larger. */
#define RUN_MAX_BYTES ((size_t)1 << 30)

char *
run_slurp(const char *path, size_t *len, char *errbuf, size_t errlen)
{
	FILE *fp = strcmp(path, "-") == 0 ? stdin : fopen(path, "rb");
	char *buf = NULL;
	size_t n = 0, cap = 0;
	struct stat st;

	if (fp == NULL) {
		snprintf(errbuf, errlen, "%s: %s", path, strerror(errno));
		return NULL;
	}
	if (fstat(fileno(fp), &st) == 0 && S_ISREG(st.st_mode) &&
	    (uintmax_t)st.st_size > RUN_MAX_BYTES) {
		snprintf(errbuf, errlen, "%s: larger than the 1 GiB limit for "
		    "scripts and sessions (%jd bytes)", path, (intmax_t)st.st_size);
		goto fail;
	}
	for (;;) {
		size_t got;

		if (cap - n < 65536) {
			if (cap > RUN_MAX_BYTES) {
				snprintf(errbuf, errlen, "%s: larger than the 1 GiB limit "
				    "for scripts and sessions", path);
				goto fail;
			}
			cap = cap != 0 ? cap * 2 : 65536;
			buf = xreallocarray(buf, cap + 1, 1);
		}
		got = fread(buf + n, 1, cap - n, fp);
		/* Commands are text: a NUL byte (a binary file, /dev/zero)
		 * ends the read at once, and the lexer says where it is. */
		if (got > 0 && memchr(buf + n, '\0', got) != NULL) {
			n += got;
			break;
		}
		n += got;
		if (got == 0)
			break;
	}
	if (ferror(fp)) {
		snprintf(errbuf, errlen, "%s: read error: %s", path, strerror(errno));
		goto fail;
	}
	if (fp != stdin)
		fclose(fp);
	buf[n] = '\0';
	*len = n;
	return buf;
fail:
	free(buf);
	if (fp != stdin)
		fclose(fp);
	return NULL;
}
