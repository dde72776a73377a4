/* cmd.c: the command table, argument parsing, dispatch, help. */
#include "config.h"

#include <errno.h>
#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/xalloc.h"
#include "sessions/cmd.h"
#include "sessions/logref.h"
#include "views/view.h"

/* The families in help order, each the NULL-terminated list of the
 * entries its files export, one file a command (tmux's cmd_entry), and
 * the title of its section in the man page. */
static const struct {
	const char *title;
	const sx_cmd *const *entries;
} cmd_families[] = {
	{ "Help", cmd_help_entries },
	{ "Data", cmd_data_entries },
	{ "Models", cmd_model_entries },
	{ "Fits", cmd_fit_entries },
	{ "Presets and demos", cmd_preset_entries },
	{ "Plots", cmd_plot_entries },
	{ "Frontiers and crossover", cmd_frontier_entries },
	{ "Henighan et al. 2020 beyond Table 1", cmd_henighan_entries },
	{ "Planning runs", cmd_plan_entries },
	{ "Gridworlds and successor features", cmd_rl_entries },
	{ "Sessions", cmd_session_entries },
};

#define NFAMILIES (sizeof cmd_families / sizeof cmd_families[0])

const sx_argdef cmd_no_args[] = {
	{ NULL, 0, 0, NULL, NULL, NULL, NULL }
};

/*
 * The families joined into one array on first use, so that lookups (run
 * for every command of every script) index it instead of walking the
 * families. Built once and never changed: scalex is single-threaded.
 */
static const sx_cmd **cmd_flat;
static size_t cmd_nflat;

static void
cmd_flatten(void)
{
	size_t n = 0;

	if (cmd_flat != NULL)
		return;
	for (size_t f = 0; f < NFAMILIES; f++)
		for (size_t i = 0; cmd_families[f].entries[i] != NULL; i++)
			n++;
	cmd_flat = xcalloc(n, sizeof *cmd_flat);
	for (size_t f = 0; f < NFAMILIES; f++)
		for (size_t i = 0; cmd_families[f].entries[i] != NULL; i++)
			cmd_flat[cmd_nflat++] = cmd_families[f].entries[i];
}

size_t
cmd_family_count(void)
{
	return NFAMILIES;
}

const char *
cmd_family_title(size_t f)
{
	return cmd_families[f].title;
}

const sx_cmd *const *
cmd_family_entries(size_t f)
{
	return cmd_families[f].entries;
}

size_t
cmd_count(void)
{
	cmd_flatten();
	return cmd_nflat;
}

const sx_cmd *
cmd_at(size_t i)
{
	cmd_flatten();
	return i < cmd_nflat ? cmd_flat[i] : NULL;
}

/* Number of words of `name` that argv starts with, 0 when it does not. */
static int
cmd_match(const char *name, int argc, char *const *argv)
{
	int k = 0;
	const char *p = name;

	while (*p != '\0') {
		size_t len = strcspn(p, " ");

		if (k >= argc || strlen(argv[k]) != len ||
		    strncmp(argv[k], p, len) != 0)
			return 0;
		k++;
		p += len;
		while (*p == ' ')
			p++;
	}
	return k;
}

const sx_cmd *
cmd_lookup(int argc, char *const *argv, int *nwords)
{
	const sx_cmd *best = NULL;
	int bestk = 0;

	for (size_t i = 0, n = cmd_count(); i < n; i++) {
		const sx_cmd *c = cmd_at(i);
		int k = cmd_match(c->name, argc, argv);

		if (k > bestk) {
			best = c;
			bestk = k;
		}
	}
	if (nwords != NULL)
		*nwords = bestk;
	return best;
}

static int
argdef_index(const sx_cmd *c, const char *name)
{
	for (int i = 0; c->args != NULL && c->args[i].name != NULL; i++)
		if (strcmp(c->args[i].name, name) == 0)
			return i;
	return -1;
}

const char *
arg(const sx_args *a, const sx_cmd *c, const char *name)
{
	int i = argdef_index(c, name);

	return i >= 0 ? a->val[i] : NULL;
}

int
arg_index(const sx_args *a, const sx_cmd *c, const char *name)
{
	int i = argdef_index(c, name);

	return i >= 0 && a->val[i] != NULL ? a->argi[i] : -1;
}

const char *
arg_str(const sx_args *a, const sx_cmd *c, const char *name)
{
	int i = argdef_index(c, name);

	if (i < 0)
		return NULL;
	return a->val[i] != NULL ? a->val[i] : c->args[i].dflt;
}

double
arg_num(const sx_args *a, const sx_cmd *c, const char *name)
{
	int i = argdef_index(c, name);

	return i >= 0 ? a->num[i] : NAN;
}

unsigned long
arg_int(const sx_args *a, const sx_cmd *c, const char *name)
{
	int i = argdef_index(c, name);

	return i >= 0 ? a->ival[i] : 0;
}

/* Does a rest-of-the-line row take several values (plot's items) rather
 * than one written in several words (an expression, a command name)? */
static int
row_takes_many(const sx_argdef *d)
{
	return (d->flags & ARG_REST) && d->type != ARG_EXPR &&
	    d->type != ARG_COMMAND;
}

/* A spec row as the synopsis shows it: META, [META], META ... (several
 * values), as NEW (a needed keyword), [as NAME], [--y COL]. */
static void
synopsis_row(char **s, const sx_argdef *d, int more)
{
	const char *meta = d->meta != NULL ? d->meta : d->name;
	char *t;

	if (d->type == ARG_LITERAL)
		t = xasprintf("%s %s", *s, d->name);
	else if (d->name[0] != '-' && !(d->flags & ARG_KEY))
		t = xasprintf(d->flags & ARG_OPT ? "%s [%s%s]" : "%s %s%s", *s, meta,
		    row_takes_many(d) && strstr(meta, "...") == NULL ? " ..." : "");
	else if (d->type == ARG_FLAG)
		t = xasprintf("%s [%s%s]", *s, d->name, more ? " ..." : "");
	else
		t = xasprintf(d->flags & ARG_NEED ? "%s %s %s" : "%s [%s %s]", *s,
		    d->name, meta);
	free(*s);
	*s = t;
}

/* The synopses made from specs, by command (built on first use). */
static char **cmd_made;

const char *
cmd_synopsis(const sx_cmd *c)
{
	size_t i;
	char *s;

	if (c->synopsis != NULL)
		return c->synopsis;
	cmd_flatten();
	for (i = 0; i < cmd_nflat && cmd_flat[i] != c; i++)
		;
	if (cmd_made == NULL)
		cmd_made = xcalloc(cmd_nflat + 1, sizeof *cmd_made);
	if (cmd_made[i] != NULL)
		return cmd_made[i];
	s = xstrdup(c->name);
	for (const sx_argdef *d = c->args; d != NULL && d->name != NULL; d++)
		if (!(d->flags & (ARG_HIDDEN | ARG_SUB)))
			synopsis_row(&s, d, (d + 1)->name != NULL &&
			    ((d + 1)->flags & ARG_SUB));
	return cmd_made[i] = s;
}

int
cmd_fail(sx_ctx *ctx, int argi, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(ctx->err.msg, sizeof ctx->err.msg, fmt, ap);
	va_end(ap);
	ctx->err_arg = argi;
	return -1;
}

int
cmd_fail_err(sx_ctx *ctx, int argi, const sx_err *e)
{
	char buf[sizeof e->msg + sizeof e->where + 32];

	err_format(e, buf, sizeof buf);
	return cmd_fail(ctx, argi, "%s", buf);
}

static int
is_option_word(const char *w)
{
	return w[0] == '-' && w[1] == '-' && w[2] != '\0';
}

static int
is_keyword(const sx_cmd *c, const char *w)
{
	int i = argdef_index(c, w);

	return i >= 0 && (c->args[i].flags & ARG_KEY) != 0;
}

/* Check a value against its type (names are checked by the handlers);
 * keep a number's value in *num, a whole number's in *ival. */
static int
arg_check(sx_ctx *ctx, const sx_argdef *d, const char *v, int argi,
    double *num, unsigned long *ival)
{
	char *end;

	switch (d->type) {
	case ARG_NUMBER: {
		double x;

		errno = 0;
		x = strtod(v, &end);
		if (end == v || *end != '\0' || !isfinite(x))
			return cmd_fail(ctx, argi, "%s expects a number, not '%s'",
			    d->name, v);
		*num = x;
		break;
	}
	case ARG_INT: {
		long x;

		errno = 0;
		x = strtol(v, &end, 10);
		if (end == v || *end != '\0' || x < 0 || errno == ERANGE)
			return cmd_fail(ctx, argi,
			    "%s expects a whole number >= 0, not '%s'", d->name, v);
		*ival = (unsigned long)x;
		break;
	}
	case ARG_NAME:
		if (v[0] == '\0' || strspn(v, "abcdefghijklmnopqrstuvwxyz"
		    "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_.-") != strlen(v))
			return cmd_fail(ctx, argi, "'%s' is not a valid name "
			    "(letters, digits, _ . -)", v);
		break;
	case ARG_CHOICE: {
		const char *p = d->choices;
		size_t len = strlen(v);

		while (p != NULL && *p != '\0') {
			size_t l = strcspn(p, "|");

			if (l == len && strncmp(p, v, l) == 0)
				return 0;
			p += l;
			if (*p == '|')
				p++;
		}
		return cmd_fail(ctx, argi, "%s expects one of %s, not '%s'",
		    d->name, d->choices, v);
	}
	default:
		break;
	}
	return 0;
}

/* Parse the words after the command name into a by the command's spec. */
static int
args_parse(sx_ctx *ctx, sx_args *a)
{
	const sx_cmd *c = ctx->cmd;
	const sx_cmdline *cl = ctx->cl;
	int npos = 0, posdef[SX_MAXARGS];

	memset(a, 0, sizeof *a);
	for (int i = 0; c->args != NULL && c->args[i].name != NULL; i++)
		if (c->args[i].name[0] != '-' && !is_keyword(c, c->args[i].name))
			posdef[npos++] = i;
	int p = 0;
	for (int w = ctx->nwords; w < cl->argc; w++) {
		const char *word = cl->argv[w];

		if (is_option_word(word) || is_keyword(c, word)) {
			char name[64];
			const char *eq = is_option_word(word) ? strchr(word, '=') : NULL;
			size_t len = eq != NULL ? (size_t)(eq - word) : strlen(word);
			int d;

			snprintf(name, sizeof name, "%.*s", (int)len, word);
			d = argdef_index(c, name);
			if (d < 0) {
				if (!is_option_word(word))
					goto positional;
				return cmd_fail(ctx, w, "unknown option '%s' for '%s' "
				    "(see 'help %s')", name, c->name, c->name);
			}
			if (a->val[d] != NULL)
				return cmd_fail(ctx, w, "%s given twice", name);
			if (c->args[d].type == ARG_FLAG) {
				if (eq != NULL)
					return cmd_fail(ctx, w, "%s takes no value", name);
				a->val[d] = "";
				a->argi[d] = w;
				continue;
			}
			if (eq != NULL) {
				a->val[d] = eq + 1;
				a->argi[d] = w;
			} else {
				if (w + 1 >= cl->argc)
					return cmd_fail(ctx, w, "%s needs a value (%s)",
					    name, c->args[d].meta != NULL ?
					    c->args[d].meta : "a word");
				a->val[d] = cl->argv[++w];
				a->argi[d] = w;
			}
			if (arg_check(ctx, &c->args[d], a->val[d], a->argi[d],
			    &a->num[d], &a->ival[d]) != 0)
				return -1;
			continue;
		}
positional:
		if (p >= npos)
			return cmd_fail(ctx, w, "unexpected word '%s' (usage: %s)",
			    word, cmd_synopsis(c));
		{
			int d = posdef[p];
			const sx_argdef *def = &c->args[d];

			if (def->type == ARG_LITERAL && strcmp(word, def->name) != 0)
				return cmd_fail(ctx, w, "expected '%s' here, not '%s' "
				    "(usage: %s)", def->name, word, cmd_synopsis(c));
			a->argi[d] = w;
			if (def->flags & ARG_REST) {
				/* Join words up to the next option or keyword. */
				size_t len = 0;
				int e = w;

				while (e < cl->argc && !is_option_word(cl->argv[e]) &&
				    !is_keyword(c, cl->argv[e]))
					len += strlen(cl->argv[e++]) + 1;
				a->owned[d] = xmalloc(len + 1);
				a->owned[d][0] = '\0';
				/* Append at the end (strcat would rescan: quadratic
				 * on a line of many words). */
				for (int k = w, at = 0; k < e; k++) {
					size_t wl = strlen(cl->argv[k]);

					if (k > w)
						a->owned[d][at++] = ' ';
					memcpy(a->owned[d] + at, cl->argv[k], wl + 1);
					at += (int)wl;
				}
				a->val[d] = a->owned[d];
				w = e - 1;
			} else
				a->val[d] = word;
			if (arg_check(ctx, def, a->val[d], w, &a->num[d],
			    &a->ival[d]) != 0)
				return -1;
			p++;
		}
	}
	for (; p < npos; p++) {
		const sx_argdef *def = &c->args[posdef[p]];

		if (!(def->flags & ARG_OPT))
			return cmd_fail(ctx, cl->argc, "missing %s (usage: %s)",
			    def->meta != NULL ? def->meta : def->name,
			    cmd_synopsis(c));
	}
	for (int i = 0; c->args != NULL && c->args[i].name != NULL; i++)
		if ((c->args[i].flags & ARG_NEED) && a->val[i] == NULL)
			return cmd_fail(ctx, cl->argc, "missing '%s %s' (usage: %s)",
			    c->args[i].name, c->args[i].meta != NULL ?
			    c->args[i].meta : "a word", cmd_synopsis(c));
	/* The defaults of what was not given, parsed as a typed value is
	 * (arg() still says it was absent). */
	for (int i = 0; c->args != NULL && c->args[i].name != NULL; i++)
		if (a->val[i] == NULL && c->args[i].dflt != NULL &&
		    arg_check(ctx, &c->args[i], c->args[i].dflt, -1, &a->num[i],
		    &a->ival[i]) != 0)
			return -1;
	return 0;
}

static void
args_free(sx_args *a)
{
	for (int i = 0; i < SX_MAXARGS; i++)
		free(a->owned[i]);
}

char *
cmd_text(const sx_cmdline *cl, const char *extra)
{
	size_t len = 0, at = 0;
	char **q = xcalloc((size_t)cl->argc, sizeof *q);
	char *s;

	for (int i = 0; i < cl->argc; i++) {
		q[i] = lex_quote(cl->argv[i]);
		len += strlen(q[i]) + 1;
	}
	len += extra != NULL ? strlen(extra) + 1 : 0;
	s = xmalloc(len + 1);
	s[0] = '\0';
	for (int i = 0; i < cl->argc; i++) {
		size_t ql = strlen(q[i]);

		if (i > 0)
			s[at++] = ' ';
		memcpy(s + at, q[i], ql + 1);
		at += ql;
		free(q[i]);
	}
	free(q);
	if (extra != NULL) {
		s[at++] = ' ';
		memcpy(s + at, extra, strlen(extra) + 1);
	}
	if (cl->heredoc != NULL) {
		char *h = lex_with_heredoc(s, cl->heredoc, cl->heredoc_len);

		free(s);
		s = h;
	}
	return s;
}

/* Find the command of cl; 1 when it asks for --help, 0 to run, -1 error. */
static int
cmd_resolve(const sx_cmdline *cl, sx_ctx *ctx)
{
	ctx->err_arg = -1;
	ctx->cmd = cmd_lookup(cl->argc, cl->argv, &ctx->nwords);
	if (ctx->cmd == NULL) {
		const char *near = cmd_suggest(cl->argv[0]);

		if (near != NULL)
			return cmd_fail(ctx, 0, "unknown command '%s' (did you mean "
			    "'%s'?)", cl->argv[0], near);
		return cmd_fail(ctx, 0, "unknown command '%s' (try 'help')",
		    cl->argv[0]);
	}
	for (int w = ctx->nwords; w < cl->argc; w++)
		if (strcmp(cl->argv[w], "--help") == 0)
			return 1;
	if (ctx->cmd->exec == NULL) {
		/* A family word alone ("data"): name its sub-commands. */
		return cmd_fail(ctx, ctx->nwords < cl->argc ? ctx->nwords : -1,
		    "'%s' needs a sub-command (see 'help %s')", ctx->cmd->name,
		    ctx->cmd->name);
	}
	if (cl->heredoc != NULL && (ctx->cmd->flags & CMD_STATE) == 0)
		return cmd_fail(ctx, -1, "'%s' takes no here-document",
		    ctx->cmd->name);
	return 0;
}

int
cmd_check(const sx_cmdline *cl, sx_ctx *ctx)
{
	sx_args a;
	int rc;

	memset(ctx, 0, sizeof *ctx);
	ctx->cl = cl;
	rc = cmd_resolve(cl, ctx);
	if (rc != 0)
		return rc < 0 ? -1 : 0;
	rc = args_parse(ctx, &a);
	args_free(&a);
	return rc;
}

int
cmd_exec(sx_workspace *ws, sx_out *out, const sx_cmdline *cl, sx_ctx *ctx)
{
	sx_args a;
	int rc;

	memset(ctx, 0, sizeof *ctx);
	ctx->ws = ws;
	ctx->out = out;
	ctx->cl = cl;
	rc = cmd_resolve(cl, ctx);
	if (rc != 0) {
		if (rc > 0)
			cmd_print_help(out, ctx->cmd);
		return rc < 0 ? -1 : 0;
	}
	if (args_parse(ctx, &a) != 0) {
		args_free(&a);
		return -1;
	}
	rc = ctx->cmd->exec(ctx, &a);
	args_free(&a);
	if (rc == 0 && (((ctx->cmd->flags & CMD_STATE) && !ctx->nolog) ||
	    ctx->logfile)) {
		if (ctx->logtext == NULL)
			ctx->logtext = cmd_text(cl, NULL);
		ws_log_append_ref(ws, ctx->logtext, ctx->logref);
		ctx->logref = NULL;
	}
	return rc;
}

void
cmd_ctx_free(sx_ctx *ctx)
{
	free(ctx->logtext);
	ctx->logtext = NULL;
	logref_free(ctx->logref);
	ctx->logref = NULL;
}

/* The help of one command as a record: its text, the spec's rows when it
 * is described by its spec, and the sub-commands of a family word. */
sx_rec *
cmd_help_rec(const sx_cmd *c)
{
	sx_rec *r = rec_new("help");
	size_t n = cmd_count(), len = strlen(c->name);
	sx_rec *list;

	rec_str(r, "name", c->name);
	rec_str(r, "synopsis", cmd_synopsis(c));
	rec_str(r, "help", c->help);
	if (c->synopsis == NULL) {
		list = rec_arr(r, "arguments");
		for (const sx_argdef *d = c->args; d->name != NULL; d++) {
			sx_rec *o;

			if (d->flags & ARG_HIDDEN)
				continue;
			o = rec_obj(list, NULL);
			rec_str(o, "name", d->name);
			rec_bool(o, "positional", d->name[0] != '-' &&
			    !(d->flags & ARG_KEY));
			rec_str(o, "meta", d->type == ARG_FLAG ? NULL :
			    d->meta != NULL ? d->meta : d->name);
			rec_str(o, "help", d->help);
			rec_str(o, "default", d->dflt);
		}
	}
	if (c->exec != NULL)
		return r;
	list = rec_arr(r, "sub_commands");
	for (size_t i = 0; i < n; i++) {
		const sx_cmd *s = cmd_at(i);

		if (s != c && strncmp(s->name, c->name, len) == 0 &&
		    s->name[len] == ' ')
			rec_str(list, NULL, cmd_synopsis(s));
	}
	return r;
}

void
cmd_print_help(sx_out *out, const sx_cmd *c)
{
	sx_rec *r;

	if (c == NULL) {
		sx_rec *list;

		r = rec_new("help");
		list = rec_arr(r, "commands");
		for (size_t i = 0; i < cmd_count(); i++) {
			sx_rec *o = rec_obj(list, NULL);

			rec_str(o, "name", cmd_at(i)->name);
			rec_str(o, "synopsis", cmd_synopsis(cmd_at(i)));
			if (cmd_at(i)->exec == NULL)
				rec_bool(o, "family", 1);
		}
	} else
		r = cmd_help_rec(c);
	view_put(out, r);
}

/* Levenshtein distance, bounded to short words. */
static size_t
edit_distance(const char *a, const char *b)
{
	size_t la = strlen(a), lb = strlen(b), row[64];

	if (la >= 63 || lb >= 63)
		return 99;
	for (size_t j = 0; j <= lb; j++)
		row[j] = j;
	for (size_t i = 1; i <= la; i++) {
		size_t prev = row[0];

		row[0] = i;
		for (size_t j = 1; j <= lb; j++) {
			size_t cur = row[j];
			size_t sub = prev + (a[i - 1] != b[j - 1]);

			row[j] = row[j] + 1 < row[j - 1] + 1 ? row[j] + 1 : row[j - 1] + 1;
			if (sub < row[j])
				row[j] = sub;
			prev = cur;
		}
	}
	return row[lb];
}

const char *
cmd_suggest(const char *word)
{
	static char best[32];
	size_t bestd = 3, lw = strlen(word);

	for (size_t i = 0, n = cmd_count(); i < n; i++) {
		const char *name = cmd_at(i)->name;
		size_t lf = strcspn(name, " "), d;
		char first[32];

		/* The distance is at least the difference in length. */
		if ((lf > lw ? lf - lw : lw - lf) >= bestd)
			continue;
		snprintf(first, sizeof first, "%.*s", (int)lf, name);
		d = edit_distance(word, first);
		if (d < bestd && d < lw) {
			snprintf(best, sizeof best, "%s", first);
			bestd = d;
		}
	}
	return bestd < 3 ? best : NULL;
}
