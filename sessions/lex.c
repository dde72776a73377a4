/* lex.c: splitting script text into commands and words. */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/xalloc.h"
#include "sessions/lex.h"

/* A growable byte buffer for the word being read. */
struct buf {
	char *p;
	size_t len, cap;
};

static void
buf_put(struct buf *b, char c)
{
	if (b->len + 1 >= b->cap) {
		b->cap = b->cap != 0 ? b->cap * 2 : 64;
		b->p = xreallocarray(b->p, b->cap, 1);
	}
	b->p[b->len++] = c;
	b->p[b->len] = '\0';
}

/* Room for n entries, in powers of two: a line of many words is linear. */
static size_t
word_cap(size_t n)
{
	size_t cap = 4;

	while (cap < n)
		cap *= 2;
	return cap;
}

static void
cmd_push_word(sx_cmdline *c, struct buf *w, int col)
{
	size_t need = (size_t)c->argc + 2;

	/* The capacity is word_cap(argc + 1): grow only when that changes. */
	if (c->argc == 0 || word_cap(need) != word_cap(need - 1)) {
		c->argv = xreallocarray(c->argv, word_cap(need),
		    sizeof *c->argv);
		c->col = xreallocarray(c->col, word_cap(need), sizeof *c->col);
	}
	c->argv[c->argc] = xstrndup(w->p != NULL ? w->p : "", w->len);
	c->col[c->argc] = col;
	c->argc++;
	c->argv[c->argc] = NULL;
	w->len = 0;
	if (w->p != NULL)
		w->p[0] = '\0';
}

static void
cmdline_free(sx_cmdline *c)
{
	for (int i = 0; i < c->argc; i++)
		free(c->argv[i]);
	free(c->argv);
	free(c->col);
	free(c->src);
	free(c->heredoc);
	memset(c, 0, sizeof *c);
}

void
lex_script_free(sx_script *s)
{
	for (size_t i = 0; i < s->n; i++)
		cmdline_free(&s->cmds[i]);
	free(s->cmds);
	s->cmds = NULL;
	s->n = 0;
}

/* Copy of the line that starts at `start` (without its newline). */
static char *
line_copy(const char *start, const char *end)
{
	const char *nl = memchr(start, '\n', (size_t)(end - start));
	size_t len = (size_t)((nl != NULL ? nl : end) - start);

	if (len > 0 && start[len - 1] == '\r')
		len--;
	return xstrndup(start, len);
}

/*
 * Read the here-document for `tag` starting at *pp (the first byte after the
 * command's line). On success the body is stored in c and *pp / *line move
 * past the terminator line.
 */
static int
lex_heredoc(sx_cmdline *c, const char *tag, const char **pp, const char *end,
    int *line, const char *where, int tagline, int tagcol, sx_err *err,
    char **open)
{
	const char *p = *pp;
	struct buf body = { NULL, 0, 0 };
	size_t taglen = strlen(tag);

	c->heredoc_line = *line;
	while (p < end) {
		const char *nl = memchr(p, '\n', (size_t)(end - p));
		const char *le = nl != NULL ? nl : end;
		size_t ll = (size_t)(le - p);

		if (ll > 0 && p[ll - 1] == '\r')
			ll--;
		if (ll == taglen && memcmp(p, tag, taglen) == 0) {
			c->heredoc = body.p != NULL ? body.p : xstrdup("");
			c->heredoc_len = body.len;
			*pp = nl != NULL ? nl + 1 : end;
			(*line)++;
			return 0;
		}
		for (const char *q = p; q < le; q++) {
			/* As outside a body: the log is C text, so a NUL
			 * would cut the body short when saved. */
			if (*q == '\0') {
				free(body.p);
				return err_at(err, where, *line,
				    (int)(q - p) + 1, "NUL byte in input");
			}
			buf_put(&body, *q);
		}
		buf_put(&body, '\n');
		(*line)++;
		p = nl != NULL ? nl + 1 : end;
	}
	free(body.p);
	if (open != NULL)
		*open = xstrdup(tag);
	return err_at(err, where, tagline, tagcol,
	    "here-document '<<%s' is not terminated (no line '%s')", tag, tag);
}

/* lex_script; *open (may be NULL) gets a copy of the tag when the text
 * ends inside a here-document. */
static int
lex_text(const char *text, size_t len, const char *where, sx_script *out,
    sx_err *err, char **open)
{
	const char *p = text, *end = text + len, *linestart = text;
	int line = 1;
	sx_script s = { 0, NULL };
	sx_cmdline cur;
	struct buf w = { NULL, 0, 0 };
	int inword = 0, wordcol = 0, quoted = 0;
	char *pending_tag = NULL;
	int tagline = 0, tagcol = 0;

	memset(&cur, 0, sizeof cur);
	memset(out, 0, sizeof *out);
	for (;;) {
		int c = p < end ? (unsigned char)*p : -1;
		int col = (int)(p - linestart) + 1;

		if (c == 0)
			{
			err_at(err, where, line, col,
			    "NUL byte in input");
			goto fail;
		}
		if (c == -1 || c == '\n' || c == ';' || c == ' ' || c == '\t' ||
		    c == '\r' || (c == '#' && !inword)) {
			if (inword) {
				if (!quoted && w.len > 2 && strncmp(w.p, "<<", 2) == 0 &&
				    pending_tag == NULL) {
					pending_tag = xstrdup(w.p + 2);
					tagline = line;
					tagcol = wordcol;
					w.len = 0;
				} else {
					if (cur.argc == 0) {
						cur.line = line;
						cur.src = line_copy(linestart, end);
					}
					cmd_push_word(&cur, &w, wordcol);
				}
				inword = 0;
			}
			if (c == '#') {
				while (p < end && *p != '\n')
					p++;
				continue;
			}
			if (c == -1 || c == '\n' || c == ';') {
				if (pending_tag != NULL && c == ';')
					{
			err_at(err, where, line, col,
					    "';' after a here-document start; put the body on the next lines");
			goto fail;
		}
				if (c == '\n' || c == -1) {
					p = c == '\n' ? p + 1 : p;
					line++;
					linestart = p;
				} else
					p++;
				if (pending_tag != NULL) {
					if (cur.argc == 0)
						{
			err_at(err, where, tagline, tagcol,
						    "here-document without a command");
			goto fail;
		}
					if (lex_heredoc(&cur, pending_tag, &p, end, &line,
					    where, tagline, tagcol, err, open) != 0)
						goto fail;
					linestart = p;
					free(pending_tag);
					pending_tag = NULL;
				}
				if (cur.argc > 0) {
					s.cmds = xreallocarray(s.cmds, s.n + 1, sizeof *s.cmds);
					s.cmds[s.n++] = cur;
					memset(&cur, 0, sizeof cur);
				}
				if (c == -1)
					break;
				continue;
			}
			p++;
			continue;
		}
		if (!inword) {
			inword = 1;
			quoted = 0;
			wordcol = col;
			w.len = 0;
			if (w.p != NULL)
				w.p[0] = '\0';
		}
		if (c == '\'' || c == '"') {
			int q = c, qcol = col;

			quoted = 1;
			p++;
			for (;;) {
				if (p >= end || *p == '\n')
					{
			err_at(err, where, line, qcol,
					    "quote %c not closed", q);
			goto fail;
		}
				if (*p == q) {
					p++;
					break;
				}
				if (q == '"' && *p == '\\' && p + 1 < end &&
				    (p[1] == '"' || p[1] == '\\' || p[1] == 'n')) {
					buf_put(&w, p[1] == 'n' ? '\n' : p[1]);
					p += 2;
					continue;
				}
				if (*p == '\0')
					{
			err_at(err, where, line,
					    (int)(p - linestart) + 1, "NUL byte in input");
			goto fail;
		}
				buf_put(&w, *p++);
			}
			continue;
		}
		buf_put(&w, (char)c);
		p++;
	}
	free(w.p);
	*out = s;
	return 0;

fail:
	free(w.p);
	free(pending_tag);
	cmdline_free(&cur);
	lex_script_free(&s);
	return -1;
}

int
lex_script(const char *text, size_t len, const char *where, sx_script *out,
    sx_err *err)
{
	return lex_text(text, len, where, out, err, NULL);
}

int
lex_pending_add(sx_pending *p, const char *line)
{
	size_t n = strlen(line);
	sx_script s;
	sx_err err;

	if (p->len + n + 2 > p->cap) {
		p->cap = 2 * (p->len + n + 2);
		p->text = xreallocarray(p->text, p->cap, 1);
	}
	memcpy(p->text + p->len, line, n);
	p->len += n;
	p->text[p->len++] = '\n';
	p->text[p->len] = '\0';
	/* Inside a body only its terminator can change anything: lex the
	 * whole text again just then (a pasted file stays linear). */
	if (p->tag != NULL) {
		if (n > 0 && line[n - 1] == '\r')
			n--;
		if (strlen(p->tag) != n || memcmp(line, p->tag, n) != 0)
			return 0;
		free(p->tag);
		p->tag = NULL;
	}
	err_clear(&err);
	if (lex_text(p->text, p->len, "console", &s, &err, &p->tag) == 0)
		lex_script_free(&s);
	return p->tag == NULL;
}

void
lex_pending_clear(sx_pending *p)
{
	free(p->text);
	free(p->tag);
	memset(p, 0, sizeof *p);
}

char *
lex_quote(const char *word)
{
	struct buf b = { NULL, 0, 0 };
	int plain = word[0] != '\0';

	for (const char *p = word; *p != '\0'; p++) {
		unsigned char c = (unsigned char)*p;

		if (c <= ' ' || c == '\'' || c == '"' || c == ';' || c == '#' ||
		    c == '\\' || c == '`' || c == '<' || c >= 0x7f)
			plain = 0;
	}
	if (plain)
		return xstrdup(word);
	if (strchr(word, '\'') == NULL && strchr(word, '\n') == NULL) {
		buf_put(&b, '\'');
		for (const char *p = word; *p != '\0'; p++)
			buf_put(&b, *p);
		buf_put(&b, '\'');
		return b.p;
	}
	buf_put(&b, '"');
	for (const char *p = word; *p != '\0'; p++) {
		if (*p == '"' || *p == '\\')
			buf_put(&b, '\\');
		if (*p == '\n') {
			buf_put(&b, '\\');
			buf_put(&b, 'n');
			continue;
		}
		buf_put(&b, *p);
	}
	buf_put(&b, '"');
	return b.p;
}

/* Whether some line of body equals tag exactly. */
static int
body_has_line(const char *body, size_t len, const char *tag)
{
	size_t tl = strlen(tag);

	for (size_t i = 0; i < len;) {
		const char *nl = memchr(body + i, '\n', len - i);
		size_t ll = nl != NULL ? (size_t)(nl - (body + i)) : len - i;

		if (ll > 0 && body[i + ll - 1] == '\r')
			ll--;
		if (ll == tl && memcmp(body + i, tag, tl) == 0)
			return 1;
		i += (nl != NULL ? (size_t)(nl - (body + i)) + 1 : len - i);
	}
	return 0;
}

void
lex_heredoc_tag(const char *body, size_t len, char tag[32])
{
	snprintf(tag, 32, "SXEOF");
	for (int k = 1; body_has_line(body, len, tag); k++)
		snprintf(tag, 32, "SXEOF%d", k);
}

char *
lex_with_heredoc(const char *cmd, const char *body, size_t len)
{
	char tag[32];
	int nl = len > 0 && body[len - 1] == '\n';
	size_t total;
	char *s;

	lex_heredoc_tag(body, len, tag);
	total = strlen(cmd) + 3 + strlen(tag) + 1 + len + 1 + strlen(tag) + 1;
	s = xmalloc(total);
	snprintf(s, total, "%s <<%s\n%.*s%s%s", cmd, tag, (int)len, body,
	    nl ? "" : "\n", tag);
	return s;
}
