/* mkman.c: write the man page with its OPTIONS section made from the
 * options table (sessions/cliopts.c, as --help) and its COMMANDS section
 * from the command table, so that the page cannot disagree with help. Reads the
 * page, copies it to standard output, and replaces what lies between the
 * two marker lines with the section, one subsection a family. Run by
 * 'make man'; tests/man/check-man.sh fails when the page is stale. */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "sessions/cliopts.h"
#include "sessions/cmd.h"
#include "views/roff.h"

/* The generated sections, each between a BEGIN and an END marker line. */
static const char *const marks[][2] = {
	{ ".\\\" BEGIN OPTIONS", ".\\\" END OPTIONS" },
	{ ".\\\" BEGIN COMMANDS", ".\\\" END COMMANDS" },
};
#define NMARKS (sizeof marks / sizeof marks[0])

/* Words of the options table in roff: '-' as the minus sign \-. */
static void
roff_dashes(const char *s)
{
	for (; *s != '\0'; s++) {
		if (*s == '-')
			fputc('\\', stdout);
		fputc(*s, stdout);
	}
}

/* OPTIONS: one .TP entry a row of the table --help is made of. */
static void
options_section(void)
{
	fputs(".SH OPTIONS\n", stdout);
	for (const sx_cliopt *o = cliopts; o->help != NULL; o++) {
		char label[64];

		snprintf(label, sizeof label, "%s%s%s", o->shortname ?
		    o->shortname : "", o->shortname ? ", " : "", o->longname);
		fputs(o->meta != NULL ? ".TP\n.BI \"" : ".TP\n.B \"", stdout);
		roff_dashes(label);
		fputc('"', stdout);
		if (o->meta != NULL) {
			fputs(" \" ", stdout);
			roff_dashes(o->meta);
			fputc('"', stdout);
		}
		fputc('\n', stdout);
		if (o->man != NULL)
			fputs(o->man, stdout);
		else {
			/* --help's text as a sentence. */
			fputc(o->help[0] - 'a' + 'A', stdout);
			for (const char *h = o->help + 1; *h != '\0'; h++)
				fputc(*h == '\n' ? ' ' : *h, stdout);
			fputc('.', stdout);
		}
		fputc('\n', stdout);
	}
}

static void
commands_section(sx_out *o)
{
	out_puts(o, ".SH COMMANDS\n");
	for (size_t f = 0; f < cmd_family_count(); f++) {
		const sx_cmd *const *e = cmd_family_entries(f);

		out_printf(o, ".SS %s\n", cmd_family_title(f));
		for (; *e != NULL; e++) {
			sx_rec *r;

			/* A family word ("data") only names its sub-commands. */
			if ((*e)->exec == NULL)
				continue;
			r = cmd_help_rec(*e);
			roff_help_entry(o, r);
			rec_free(r);
		}
	}
}

int
main(int argc, char **argv)
{
	char line[4096];
	size_t m = 0;    /* the next (or current) marked section */
	int state = 0;   /* 0 before section m, 1 in it */
	FILE *fp;
	sx_out o;

	if (argc != 2) {
		fprintf(stderr, "usage: mkman PAGE > NEWPAGE\n");
		return 2;
	}
	fp = fopen(argv[1], "r");
	if (fp == NULL) {
		perror(argv[1]);
		return 1;
	}
	out_init(&o, stdout, 0);
	while (fgets(line, sizeof line, fp) != NULL) {
		if (m < NMARKS && state == 0 && strncmp(line, marks[m][0],
		    strlen(marks[m][0])) == 0) {
			fputs(line, stdout);
			if (m == 0)
				options_section();
			else
				commands_section(&o);
			state = 1;
		} else if (state == 1 && strncmp(line, marks[m][1],
		    strlen(marks[m][1])) == 0) {
			fputs(line, stdout);
			state = 0;
			m++;
		} else if (state == 0)
			fputs(line, stdout);
	}
	fclose(fp);
	if (m != NMARKS) {
		fprintf(stderr, "mkman: %s: no '%s' ... '%s' lines\n", argv[1],
		    marks[m][0], marks[m][1]);
		return 1;
	}
	return fflush(stdout) == 0 ? 0 : 1;
}
