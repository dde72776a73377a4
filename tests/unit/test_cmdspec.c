/* test_cmdspec.c: every option of the command table is written where a
 * user looks for it: in its command's synopsis, in its help and in the
 * man page's entry for that command; and every default is a value its
 * row accepts. A row added without those fails here, naming it. */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "sessions/cmd.h"
#include "tests/unit/unit.h"

/* Rows a user types: not the ones scalex writes into sessions. */
static int
shown(const sx_argdef *d)
{
	return !(d->flags & ARG_HIDDEN);
}

/* What 'help CMD' prints after its usage line. */
static char *
help_text(const sx_cmd *c)
{
	char *buf = NULL, *body;
	size_t len = 0;
	FILE *fp = open_memstream(&buf, &len);
	sx_out o;

	ck_assert_ptr_nonnull(fp);
	out_init(&o, fp, 0);
	cmd_print_help(&o, c);
	fclose(fp);
	body = strstr(buf, "\n\n");
	if (body != NULL)
		memmove(buf, body, strlen(body) + 1);
	return buf;
}

/* Does `text` hold `word` as a whole word ("--seed", not "--seeds")? */
static int
has_word(const char *text, const char *word)
{
	size_t n = strlen(word);

	for (const char *p = text; (p = strstr(p, word)) != NULL; p += n) {
		char after = p[n];

		if ((p == text || p[-1] != '-') && !(after == '-' ||
		    (after >= 'a' && after <= 'z') || (after >= 'A' &&
		    after <= 'Z') || (after >= '0' && after <= '9')))
			return 1;
	}
	return 0;
}

START_TEST(test_options_in_synopsis)
{
	int bad = 0;

	for (size_t i = 0; i < cmd_count(); i++) {
		const sx_cmd *c = cmd_at(i);
		const char *syn = cmd_synopsis(c);

		for (const sx_argdef *d = c->args; d->name != NULL; d++)
			if (d->name[0] == '-' && shown(d) && !(d->flags & ARG_SUB) &&
			    !has_word(syn, d->name)) {
				fprintf(stderr, "%s: %s is not in its synopsis '%s'\n",
				    c->name, d->name, syn);
				bad++;
			}
		/* And the synopsis names no option the spec lacks. */
		for (const char *p = syn; (p = strstr(p, "--")) != NULL;) {
			size_t n = strspn(p, "-abcdefghijklmnopqrstuvwxyz"
			    "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789");
			int found = 0;

			for (const sx_argdef *d = c->args; d->name != NULL; d++)
				found |= strlen(d->name) == n &&
				    strncmp(d->name, p, n) == 0;
			if (!found) {
				fprintf(stderr, "%s: its synopsis has %.*s, its spec "
				    "not\n", c->name, (int)n, p);
				bad++;
			}
			p += n;
		}
	}
	ck_assert_int_eq(bad, 0);
}
END_TEST

START_TEST(test_options_in_help)
{
	int bad = 0;

	for (size_t i = 0; i < cmd_count(); i++) {
		const sx_cmd *c = cmd_at(i);
		char *text = help_text(c);

		for (const sx_argdef *d = c->args; d->name != NULL; d++) {
			if (d->name[0] != '-' || !shown(d))
				continue;
			if (!has_word(text, d->name)) {
				fprintf(stderr, "%s: help does not mention %s\n",
				    c->name, d->name);
				bad++;
			}
			/* A command described by its spec explains each row. */
			if (c->synopsis == NULL && d->help == NULL) {
				fprintf(stderr, "%s: %s has no help line\n", c->name,
				    d->name);
				bad++;
			}
		}
		free(text);
	}
	ck_assert_int_eq(bad, 0);
}
END_TEST

/* Is v a value row d accepts? (What cmd.c's check of a value asks.) */
static int
accepts(const sx_argdef *d, const char *v)
{
	char *end;

	switch (d->type) {
	case ARG_NUMBER:
		strtod(v, &end);
		return end != v && *end == '\0';
	case ARG_INT:
		strtoul(v, &end, 10);
		return end != v && *end == '\0' && v[0] != '-';
	case ARG_CHOICE:
		for (const char *p = d->choices; *p != '\0';) {
			size_t l = strcspn(p, "|");

			if (l == strlen(v) && strncmp(p, v, l) == 0)
				return 1;
			p += l + (p[l] == '|');
		}
		return 0;
	case ARG_FLAG:
		return 0;
	default:
		return v[0] != '\0';
	}
}

START_TEST(test_defaults_are_values)
{
	int bad = 0;

	for (size_t i = 0; i < cmd_count(); i++) {
		const sx_cmd *c = cmd_at(i);

		for (const sx_argdef *d = c->args; d->name != NULL; d++)
			if (d->dflt != NULL && !accepts(d, d->dflt)) {
				fprintf(stderr, "%s: %s's default '%s' is not one of "
				    "its values\n", c->name, d->name, d->dflt);
				bad++;
			}
	}
	ck_assert_int_eq(bad, 0);
}
END_TEST

/* The man page as plain text lines: roff's \- as -, font changes gone. */
static char **
man_lines(size_t *n)
{
	const char *src = getenv("SX_SRCDIR");
	char path[4096], line[4096], **lines = NULL;
	FILE *fp;

	snprintf(path, sizeof path, "%s/doc/scalex.1", src != NULL ? src : "..");
	fp = fopen(path, "r");
	ck_assert_msg(fp != NULL, "cannot read %s", path);
	*n = 0;
	while (fgets(line, sizeof line, fp) != NULL) {
		char *o = line;

		for (const char *p = line; *p != '\0'; p++)
			if (p[0] == '\\' && p[1] == '-')
				*o++ = '-', p++;
			else if (p[0] == '\\' && p[1] == 'f' && p[2] != '\0')
				p += 2;
			else
				*o++ = *p;
		*o = '\0';
		lines = realloc(lines, (*n + 1) * sizeof *lines);
		lines[(*n)++] = strdup(line);
	}
	fclose(fp);
	return lines;
}

/* The command whose entry line i of the page begins (".B name ..." right
 * after a ".TP"), the longest name matching; NULL for any other line. */
static const sx_cmd *
man_entry(char **lines, size_t i)
{
	const sx_cmd *best = NULL;

	if (i == 0 || strncmp(lines[i - 1], ".TP", 3) != 0 ||
	    strncmp(lines[i], ".B ", 3) != 0)
		return NULL;
	for (size_t k = 0; k < cmd_count(); k++) {
		const char *name = cmd_at(k)->name;
		size_t n = strlen(name);
		char after;

		if (strncmp(lines[i] + 3, name, n) != 0)
			continue;
		after = lines[i][3 + n];
		if ((after == ' ' || after == '\n' || after == '\0') &&
		    (best == NULL || n > strlen(best->name)))
			best = cmd_at(k);
	}
	return best;
}

START_TEST(test_options_in_man_entry)
{
	size_t n, i, j;
	char **lines = man_lines(&n);
	int bad = 0;

	for (size_t k = 0; k < cmd_count(); k++) {
		const sx_cmd *c = cmd_at(k);

		if (c->exec == NULL)
			continue;
		for (i = 0; i < n && man_entry(lines, i) != c; i++)
			;
		if (i == n) {
			fprintf(stderr, "%s: no entry in the man page\n", c->name);
			bad++;
			continue;
		}
		/* Its entry runs to the next command's, or the next section. */
		for (j = i + 1; j < n && man_entry(lines, j) == NULL &&
		    strncmp(lines[j], ".S", 2) != 0; j++)
			;
		for (const sx_argdef *d = c->args; d->name != NULL; d++) {
			int found = 0;

			if (d->name[0] != '-' || !shown(d) || (d->flags & ARG_SUB))
				continue;
			for (size_t l = i; l < j && !found; l++)
				found = has_word(lines[l], d->name);
			if (!found) {
				fprintf(stderr, "%s: the man page's entry does not "
				    "mention %s\n", c->name, d->name);
				bad++;
			}
		}
	}
	for (i = 0; i < n; i++)
		free(lines[i]);
	free(lines);
	ck_assert_int_eq(bad, 0);
}
END_TEST

Suite *
unit_suite(void)
{
	Suite *s = suite_create("cmdspec");
	TCase *tc = tcase_create("cmdspec");

	tcase_add_test(tc, test_options_in_synopsis);
	tcase_add_test(tc, test_options_in_help);
	tcase_add_test(tc, test_defaults_are_values);
	tcase_add_test(tc, test_options_in_man_entry);
	suite_add_tcase(s, tc);
	return s;
}
