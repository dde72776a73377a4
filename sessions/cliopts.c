/* cliopts.c: the table of scalex's command-line options and the --help
 * text made from it (doc/mkman makes the man page's OPTIONS from it too,
 * and sessions/shcomp.c the shell completion scripts). */
#include "config.h"

#include <stdio.h>
#include <string.h>

#include "sessions/cliopts.h"

const sx_cliopt cliopts[] = {
	{ NULL, "-c", "CMDS", NULL, NULL,
	  "commands to run (';' or newlines between them)",
	  "Run the commands\n.I CMDS\n(';' or newlines between them), then "
	  "exit." },
	{ NULL, "--json", NULL, NULL, NULL,
	  "results as JSON Lines, one object per command", NULL },
	{ NULL, "--format", "F", "text|json|csv|markdown|latex", NULL,
	  "results as text (the default), json (--json),\n"
	  "csv, markdown or latex tables",
	  "Results as\n.B text\n(the default),\n.B json\n(as\n.BR \\-\\-json ),\n"
	  "or tables:\n.B csv\n(RFC 4180 quoting, numbers at full precision, a "
	  "standard error in a\ncolumn of its own),\n.B markdown\n(a pipe table) "
	  "or\n.B latex\n(a booktabs tabular: \\etoprule, \\emidrule, "
	  "\\ebottomrule).\nA result's table is its array of rows (fits, "
	  "frontier, compare,\npresets), one row a parameter for a fit, one a "
	  "group for fit \\-\\-by,\none a policy for gpi, else the result itself "
	  "as one row. Commands\nwith a table also take\n.BR \\-\\-format ,\n"
	  ".B \\-\\-se\nand\n.BI \\-\\-out \" FILE\"\nfor one result." },
	{ NULL, "--se", "paren|pm", "paren|pm", NULL,
	  "tables' values with standard errors: 1.817(15)\n"
	  "(the default) or 1.817 ± 0.015",
	  "How markdown and latex write a value with its standard error: "
	  "rounded\nto two significant digits of the error,\n.B 1.817(15)\n"
	  "(the default) or\n.BR \"1.817 \\(+- 0.015\" ;\nwhen that rounding is "
	  "above the units, with the value's power of ten,\n.B 1.23(12)e3\n"
	  "for 1234.5 \\(+- 120." },
	{ NULL, "--repl", NULL, NULL, NULL,
	  "the interactive console (readline)",
	  "The interactive console (GNU readline): commands typed one at a "
	  "time;\nan error is reported and the console goes on." },
	{ NULL, "--replay", "FILE", NULL, "*.sx",
	  "replay a saved session (batch mode)",
	  "Replay a saved session (batch mode)." },
	{ NULL, "--allow-writes", NULL, NULL, NULL,
	  "let the replayed session write files (save,\n"
	  "--out); without it each write is asked about on\n"
	  "a terminal, else skipped with a warning",
	  "Let the session given to\n.B \\-\\-replay\nwrite files (save, "
	  "\\-\\-out); without it each write is asked\nabout on a terminal, "
	  "else skipped with a warning (see\n.BR SECURITY )." },
	{ NULL, "--no-verify", NULL, NULL, NULL,
	  "replay a session whose inlined data has no\n"
	  "SHA-256 (refused otherwise)",
	  "Replay a session whose data read from a file is inlined without a\n"
	  "SHA\\-256 (refused otherwise)." },
	{ NULL, "--tui", NULL, NULL, NULL,
	  "the full-screen front end (with --replay: replay\ninto it)",
	  "The full-screen front end (with\n.BR \\-\\-replay :\nreplay into it). "
	  "It needs a terminal: without one (standard input or\noutput "
	  "redirected)\n.B \\-\\-tui\nis refused; where\n.B TERM\nis unset, "
	  "unknown or cannot move the cursor (dumb), scalex says so and\nruns "
	  "the same start\\-up in the line console instead." },
	{ NULL, "--ascii", NULL, NULL, NULL,
	  "plots in ASCII instead of Unicode braille (the\n"
	  "default when the locale is not UTF-8)",
	  "Plots in ASCII instead of Unicode braille (the default when the\n"
	  "locale's character set is not UTF\\-8)." },
	{ NULL, "--color", "WHEN", "auto|always|never", NULL,
	  "ANSI colours: auto (a terminal, unless NO_COLOR is\n"
	  "set), always or never",
	  "ANSI colours:\n.B auto\n(the default: on a terminal, unless\n"
	  ".B NO_COLOR\nis set),\n.B always\nor\n.BR never .\nAn explicit "
	  "flag wins over\n.BR NO_COLOR ." },
	{ "-q", "--quiet", NULL, NULL, NULL,
	  "results only: no progress, banners or notices on\n"
	  "standard error (errors are still reported)",
	  "Results only: no progress bars, banners or notices on standard\n"
	  "error; errors are still reported there." },
	{ NULL, "--no-config", NULL, NULL, NULL,
	  "do not run the config file (see FILES in the manual)",
	  "Do not run the config file\n"
	  ".I $XDG_CONFIG_HOME/scalex/config\n(see\n.BR FILES )." },
	{ NULL, "--completion", "SHELL", "bash|zsh", NULL,
	  "print the completion script for bash or zsh",
	  "Print the completion script for\n.B bash\nor\n.B zsh\n(what\n"
	  ".B make install\ninstalls), then exit." },
	{ "-h", "--help", NULL, NULL, NULL,
	  "this text, then exit", "Print the usage, then exit." },
	{ "-V", "--version", NULL, NULL, NULL,
	  "the version, then exit", "Print the version, then exit." },
	{ NULL, NULL, NULL, NULL, NULL, NULL, NULL }
};

void
cliopt_label(const sx_cliopt *o, char *buf, size_t len)
{
	snprintf(buf, len, "%s%s%s%s%s", o->shortname ? o->shortname : "",
	    o->shortname && o->longname ? ", " : "",
	    o->longname ? o->longname : "", o->meta ? " " : "",
	    o->meta ? o->meta : "");
}

void
cliopt_usage(FILE *fp)
{
	fputs(
"usage: scalex [OPTIONS] [FILE.csv | SCRIPT | -]\n"
"\n"
"Explore neural scaling laws in a terminal: load training runs, fit laws\n"
"with error bars, and ask what a compute budget should buy.\n"
"\n"
"  scalex                 the built-in demo session: in the TUI on a\n"
"                         terminal, printed otherwise\n"
"  scalex FILE.csv        load FILE.csv (in the TUI on a terminal)\n"
"  scalex SCRIPT          run a script of commands (batch mode)\n"
"  scalex -               read commands from standard input\n"
"  scalex -c 'CMDS'       run commands given on the command line\n"
"  scalex --repl          the console: commands typed one at a time\n"
"\n"
"Options:\n", fp);
	for (const sx_cliopt *o = cliopts; o->help != NULL; o++) {
		char label[64];
		const char *h = o->help;

		cliopt_label(o, label, sizeof label);
		fprintf(fp, "  %-22s ", label);
		/* Continuation lines line up under the first. */
		for (; *h != '\0'; h++) {
			fputc(*h, fp);
			if (*h == '\n')
				fprintf(fp, "%25s", "");
		}
		fputc('\n', fp);
	}
	fputs(
"\n"
"In batch mode results go to standard output and errors to standard\n"
"error as FILE:LINE: message; the first failing command stops the run.\n"
"Exit status: 0 success, 1 a command failed, 2 bad usage, 128+N when\n"
"signal N (SIGHUP 1, SIGINT 2, SIGTERM 15) stopped the run; the console\n"
"and the TUI autosave first.\n"
"Type 'help' as a command (scalex -c help) for the command language; in\n"
"the TUI, ? lists the keys. The manual: man scalex.\n",
	    fp);
}
