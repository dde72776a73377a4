/* complete.c: completion candidates read from the command table. */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "base/xalloc.h"
#include "scaling/demo.h"
#include "scaling/presets.h"
#include "sessions/cmd.h"
#include "sessions/complete.h"

#define MAXWORDS 64

static void
cand_add(sx_completions *c, const char *prefix, const char *word)
{
	if (word == NULL || strncmp(word, prefix, strlen(prefix)) != 0)
		return;
	for (size_t i = 0; i < c->n; i++)
		if (strcmp(c->words[i], word) == 0)
			return;
	c->words = xreallocarray(c->words, c->n + 1, sizeof *c->words);
	c->words[c->n++] = xstrdup(word);
}

static int
cand_cmp(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

void
complete_free(sx_completions *c)
{
	for (size_t i = 0; i < c->n; i++)
		free(c->words[i]);
	free(c->words);
	memset(c, 0, sizeof *c);
}

/*
 * Split the current command (after the last ';') into words, roughly as the
 * lexer does: quotes group, and the last word may be unfinished. Returns
 * the number of complete words; *partial is the word being typed.
 */
static int
split_words(const char *line, char **words, char **partial)
{
	const char *start = strrchr(line, ';');
	const char *p = start != NULL ? start + 1 : line;
	char buf[1024] = "";
	size_t len = 0;
	int n = 0, inword = 0;
	char quote = 0;

	for (; *p != '\0'; p++) {
		if (quote != 0) {
			if (*p == quote)
				quote = 0;
			else if (len + 1 < sizeof buf)
				buf[len++] = *p;
			continue;
		}
		if (*p == '\'' || *p == '"') {
			quote = *p;
			inword = 1;
			continue;
		}
		if (*p == ' ' || *p == '\t') {
			if (inword && n < MAXWORDS)
				words[n++] = xstrndup(buf, len);
			inword = 0;
			len = 0;
			continue;
		}
		inword = 1;
		if (len + 1 < sizeof buf)
			buf[len++] = *p;
	}
	*partial = xstrndup(buf, inword ? len : 0);
	return n;
}

/* The first word of every command ("data" for "data show"). */
static void
cand_commands(sx_completions *c, const char *prefix)
{
	for (size_t i = 0, n = cmd_count(); i < n; i++) {
		const char *name = cmd_at(i)->name;
		char *first = xstrndup(name, strcspn(name, " "));

		cand_add(c, prefix, first);
		free(first);
	}
}

/* Values of an argument of the given type. */
static void
cand_values(sx_completions *c, const sx_workspace *ws, const sx_argdef *d,
    const char *prefix, const sx_dataset *ds)
{
	switch (d->type) {
	case ARG_DATASET:
		for (size_t i = 0; i < ws->nds; i++)
			cand_add(c, prefix, ws->ds[i]->name);
		break;
	case ARG_FIT:
		for (size_t i = 0; i < ws->nfits; i++) {
			cand_add(c, prefix, ws->fits[i]->name);
			/* A group fit's name stands for all its groups. */
			cand_add(c, prefix, ws->fits[i]->base);
		}
		break;
	case ARG_MODEL:
		for (size_t i = 0; i < model_builtin_count(); i++)
			cand_add(c, prefix, model_builtin_at(i)->name);
		for (size_t i = 0; i < ws->nmodels; i++)
			cand_add(c, prefix, ws->models[i]->name);
		break;
	case ARG_PRESET:
		for (size_t i = 0; i < preset_count(); i++)
			cand_add(c, prefix, preset_at(i)->name);
		break;
	case ARG_DEMO:
		for (size_t i = 0; i < demo_count(); i++)
			cand_add(c, prefix, demo_at(i)->name);
		break;
	case ARG_COLUMN: {
		/* A list COL,COL,...: the last name, after what was typed. */
		const char *comma = strrchr(prefix, ',');
		size_t head = comma != NULL ? (size_t)(comma - prefix) + 1 : 0;

		for (size_t i = 0; ds != NULL && i < ds->ncols; i++) {
			char *w = xasprintf("%.*s%s", (int)head, prefix,
			    ds->cols[i].name);

			cand_add(c, prefix, w);
			free(w);
		}
		break;
	}
	case ARG_COMMAND:
		cand_commands(c, prefix);
		break;
	case ARG_WORD:
	case ARG_CHOICE:
		for (const char *p = d->choices; p != NULL && *p != '\0';) {
			size_t l = strcspn(p, "|");
			char *w = xstrndup(p, l);

			cand_add(c, prefix, w);
			free(w);
			p += l;
			if (*p == '|')
				p++;
		}
		break;
	case ARG_PATH:
		c->want_paths = 1;
		break;
	default:
		break;
	}
}

void
complete_line(const sx_workspace *ws, const char *line, sx_completions *out)
{
	char *words[MAXWORDS], *partial;
	int n = split_words(line, words, &partial), nw = 0, pos = 0;
	const sx_cmd *cmd;
	const sx_dataset *ds = NULL;
	const sx_argdef *want = NULL;

	memset(out, 0, sizeof *out);
	cmd = n > 0 ? cmd_lookup(n, words, &nw) : NULL;
	if (n == 0) {
		cand_commands(out, partial);
		goto done;
	}
	if (cmd == NULL)
		goto done;
	if (cmd->exec == NULL && n == nw) {
		/* A family word: its sub-commands. */
		size_t len = strlen(cmd->name);

		for (size_t i = 0, k = cmd_count(); i < k; i++) {
			const char *s = cmd_at(i)->name;

			if (strncmp(s, cmd->name, len) == 0 && s[len] == ' ')
				cand_add(out, partial, s + len + 1);
		}
		goto done;
	}
	/* Walk the words typed so far through the argument spec. */
	for (int w = nw; w < n; w++) {
		int d = -1;

		for (int i = 0; cmd->args[i].name != NULL; i++)
			if (strcmp(cmd->args[i].name, words[w]) == 0 &&
			    (words[w][0] == '-' || (cmd->args[i].flags & ARG_KEY)))
				d = i;
		if (d >= 0) {
			if (cmd->args[d].type != ARG_FLAG && w + 1 == n) {
				want = &cmd->args[d];
				break;
			}
			if (cmd->args[d].type != ARG_FLAG)
				w++;
			continue;
		}
		/* A positional: remember the dataset it names, for columns. */
		for (int i = 0, k = 0; cmd->args[i].name != NULL; i++) {
			if (cmd->args[i].name[0] == '-' ||
			    (cmd->args[i].flags & ARG_KEY))
				continue;
			if (k++ == pos) {
				if (cmd->args[i].type == ARG_DATASET)
					ds = ws_dataset(ws, words[w]);
				/* A fit's columns are its data's (compare --holdout-by). */
				if (cmd->args[i].type == ARG_FIT && ds == NULL &&
				    ws_fit(ws, words[w]) != NULL)
					ds = ws_dataset(ws, ws_fit(ws, words[w])->data);
				if ((cmd->args[i].flags & ARG_REST) == 0)
					pos++;
				break;
			}
		}
	}
	if (want == NULL && partial[0] == '-') {
		for (int i = 0; cmd->args[i].name != NULL; i++)
			if (cmd->args[i].name[0] == '-')
				cand_add(out, partial, cmd->args[i].name);
		cand_add(out, partial, "--help");
		goto done;
	}
	if (want == NULL) {
		for (int i = 0, k = 0; cmd->args[i].name != NULL; i++) {
			if (cmd->args[i].name[0] == '-' ||
			    (cmd->args[i].flags & ARG_KEY))
				continue;
			if (k++ == pos) {
				want = &cmd->args[i];
				break;
			}
		}
	}
	if (want != NULL)
		cand_values(out, ws, want, partial, ds);
done:
	if (out->n > 1)
		qsort(out->words, out->n, sizeof *out->words, cand_cmp);
	for (int i = 0; i < n; i++)
		free(words[i]);
	free(partial);
}
