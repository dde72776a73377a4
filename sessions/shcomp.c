/* shcomp.c: shell completion scripts made from the tables: the options
 * (with their values where the table lists them, files where a path is
 * expected), and after -c the command words of the command language. */
#include "config.h"

#include <stdio.h>
#include <string.h>

#include "sessions/cliopts.h"
#include "sessions/cmd.h"
#include "sessions/shcomp.h"

/* The first words of the commands ("data", "fit", ...), each once. */
static void
command_words(FILE *fp, const char *sep)
{
	const char *done[256];
	size_t ndone = 0, n = cmd_count();

	for (size_t i = 0; i < n; i++) {
		const char *name = cmd_at(i)->name;
		size_t len = strcspn(name, " "), k;

		for (k = 0; k < ndone; k++)
			if (strncmp(done[k], name, len) == 0 &&
			    (done[k][len] == ' ' || done[k][len] == '\0'))
				break;
		if (k < ndone)
			continue;
		if (ndone < sizeof done / sizeof done[0])
			done[ndone++] = name;
		fprintf(fp, "%s%.*s", ndone > 1 ? sep : "", (int)len, name);
	}
}

/* An option's values, '|' as `sep`. */
static void
values(FILE *fp, const char *v, char sep)
{
	for (; *v != '\0'; v++)
		fputc(*v == '|' ? sep : *v, fp);
}

static void
bash_script(FILE *fp)
{
	fputs("# bash completion for scalex: made by 'scalex --completion bash'\n"
	    "# from its options and command tables.\n"
	    "_scalex_files()\n{\n"
	    "\tlocal IFS=$'\\n'\n"
	    "\tcompopt -o filenames 2>/dev/null\n"
	    "\tCOMPREPLY=($(compgen -f -X \"!$1\" -- \"$cur\") "
	    "$(compgen -d -- \"$cur\"))\n}\n\n"
	    "_scalex()\n{\n"
	    "\tlocal cur=${COMP_WORDS[COMP_CWORD]} prev=\n"
	    "\t[ \"$COMP_CWORD\" -gt 0 ] && prev=${COMP_WORDS[COMP_CWORD-1]}\n"
	    "\tCOMPREPLY=()\n"
	    "\tcase $prev in\n", fp);
	for (const sx_cliopt *o = cliopts; o->help != NULL; o++) {
		if (o->meta == NULL)
			continue;
		fprintf(fp, "\t%s)\n", o->longname);
		if (o->values != NULL) {
			fputs("\t\tCOMPREPLY=($(compgen -W '", fp);
			values(fp, o->values, ' ');
			fputs("' -- \"$cur\"))\n", fp);
		} else if (o->files != NULL)
			fprintf(fp, "\t\t_scalex_files '%s'\n", o->files);
		else if (strcmp(o->longname, "-c") == 0) {
			fputs("\t\tCOMPREPLY=($(compgen -W '", fp);
			command_words(fp, " ");
			fputs("' -- \"$cur\"))\n", fp);
		}
		fputs("\t\treturn ;;\n", fp);
	}
	fputs("\tesac\n"
	    "\tcase $cur in\n"
	    "\t-*)\n"
	    "\t\tCOMPREPLY=($(compgen -W '", fp);
	for (const sx_cliopt *o = cliopts; o->help != NULL; o++)
		fprintf(fp, "%s%s%s%s", o == cliopts ? "" : " ",
		    o->shortname ? o->shortname : "", o->shortname ? " " : "",
		    o->longname);
	fputs("' -- \"$cur\"))\n"
	    "\t\treturn ;;\n"
	    "\tesac\n"
	    "\t# FILE.csv, a script or a session: any file.\n"
	    "\t_scalex_files '*'\n"
	    "}\n"
	    "complete -F _scalex scalex\n", fp);
}

/* Text for inside a zsh _arguments spec's [...] in single quotes. */
static void
zsh_help(FILE *fp, const char *h)
{
	for (; *h != '\0'; h++) {
		if (*h == '\n')
			fputc(' ', fp);
		else if (*h == '\'')
			fputs("'\\''", fp);
		else if (*h == '[' || *h == ']' || *h == ':')
			fprintf(fp, "\\%c", *h);
		else
			fputc(*h, fp);
	}
}

static void
zsh_script(FILE *fp)
{
	fputs("#compdef scalex\n"
	    "# zsh completion for scalex: made by 'scalex --completion zsh'\n"
	    "# from its options and command tables.\n"
	    "_arguments -s \\\n", fp);
	for (const sx_cliopt *o = cliopts; o->help != NULL; o++) {
		fputc('\t', fp);
		if (o->shortname != NULL)
			fprintf(fp, "'(%s %s)'{%s,%s}'[", o->shortname,
			    o->longname, o->shortname, o->longname);
		else
			fprintf(fp, "'%s[", o->longname);
		zsh_help(fp, o->help);
		fputc(']', fp);
		if (o->meta != NULL) {
			fprintf(fp, ":%s:", o->meta);
			if (o->values != NULL) {
				fputc('(', fp);
				values(fp, o->values, ' ');
				fputc(')', fp);
			} else if (o->files != NULL)
				fprintf(fp, "_files -g \"%s\"", o->files);
			else if (strcmp(o->longname, "-c") == 0) {
				fputc('(', fp);
				command_words(fp, " ");
				fputc(')', fp);
			}
		}
		fputs("' \\\n", fp);
	}
	fputs("\t'*:file:_files'\n", fp);
}

int
shcomp_write(FILE *fp, const char *shell)
{
	if (strcmp(shell, "bash") == 0)
		bash_script(fp);
	else if (strcmp(shell, "zsh") == 0)
		zsh_script(fp);
	else
		return -1;
	return 0;
}
