/* mkman.c: write the man page with its COMMANDS section made from the
 * command table, so that the page cannot disagree with help. Reads the
 * page, copies it to standard output, and replaces what lies between the
 * two marker lines with the section, one subsection a family. Run by
 * 'make man'; tests/man/check-man.sh fails when the page is stale. */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "sessions/cmd.h"
#include "views/roff.h"

#define BEGIN_MARK ".\\\" BEGIN COMMANDS"
#define END_MARK ".\\\" END COMMANDS"

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
	int state = 0;   /* 0 before the section, 1 in it, 2 after it */
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
		if (state == 0 && strncmp(line, BEGIN_MARK, strlen(BEGIN_MARK)) == 0) {
			fputs(line, stdout);
			commands_section(&o);
			state = 1;
		} else if (state == 1 && strncmp(line, END_MARK,
		    strlen(END_MARK)) == 0) {
			fputs(line, stdout);
			state = 2;
		} else if (state != 1)
			fputs(line, stdout);
	}
	fclose(fp);
	if (state != 2) {
		fprintf(stderr, "mkman: %s: no '%s' ... '%s' lines\n", argv[1],
		    BEGIN_MARK, END_MARK);
		return 1;
	}
	return fflush(stdout) == 0 ? 0 : 1;
}
