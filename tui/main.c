/* main.c: scalex's entry point: options, then batch mode or the front end. */
#include "config.h"

#include <langinfo.h>
#include <locale.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <unistd.h>

#include "base/xalloc.h"
#include "commands/data/data.h"
#include "sessions/builtin.h"
#include "sessions/cliopts.h"
#include "sessions/lex.h"
#include "sessions/shcomp.h"
#include "views/out.h"
#include "views/table.h"
#include "sessions/run.h"
#include "sessions/workspace.h"
#include "tui/userconf.h"
#include "tui/repl.h"
#include "tui/signals.h"
#include "tui/tui.h"

/* A message on standard error, after "scalex: ", with control bytes
 * (from an argument, a path, TERM) shown as \xNN. Returns status. */
static int __attribute__((format(printf, 2, 3)))
main_say(int status, const char *fmt, ...)
{
	char buf[1024];
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(buf, sizeof buf, fmt, ap);
	va_end(ap);
	fputs("scalex: ", stderr);
	out_write_safe(stderr, buf, strlen(buf), 0);
	fputc('\n', stderr);
	return status;
}

static int
has_suffix(const char *s, const char *suffix)
{
	size_t ls = strlen(s), lx = strlen(suffix);

	return ls >= lx && strcmp(s + ls - lx, suffix) == 0;
}

/* What scalex FILE.csv runs: load names the dataset after the file (runs
 * for runs.csv), as load FILE does, then describes it. */
static char *
main_csv_script(const char *file)
{
	char *name = data_default_name(file), *qf = lex_quote(file),
	    *qn = lex_quote(name), *script;

	script = xasprintf("load %s as %s\ndata describe %s\n", qf, qn, qn);
	free(name);
	free(qf);
	free(qn);
	return script;
}

/*
 * How output may look: ASCII plots when asked or when the locale is not
 * UTF-8; colours (1) when asked, or on a terminal without NO_COLOR, -1 when
 * refused; plots as wide as the terminal when stdout is one.
 */
static void
main_display(sx_out *out, int ascii, const char *color)
{
	const char *nc = getenv("NO_COLOR");
	struct winsize ws;

	out->ascii = ascii || strcmp(nl_langinfo(CODESET), "UTF-8") != 0;
	if (strcmp(color, "always") == 0)
		out->color = 1;
	else if (strcmp(color, "never") == 0)
		out->color = -1;
	else
		out->color = isatty(STDOUT_FILENO) && (nc == NULL || nc[0] == '\0');
	if (isatty(STDOUT_FILENO) && ioctl(STDOUT_FILENO, TIOCGWINSZ, &ws) == 0 &&
	    ws.ws_col >= 20 && ws.ws_row >= 8) {
		out->width = ws.ws_col;
		out->height = ws.ws_row - 1;
	}
}

/*
 * The full-screen front end; where the terminal cannot show it (TERM
 * unset, unknown or dumb) the same start-up script, then the line
 * console, saying why. Without a terminal at all --tui is refused: a
 * front end reading /dev/null would wait for keys that never come.
 */
static int
main_front(sx_workspace *ws, sx_out *out, const char *script,
    const char *where)
{
	char why[160];

	if (tui_terminal_ok(why, sizeof why))
		return tui_run(ws, out, script, where);
	if (!isatty(STDIN_FILENO) || !isatty(STDOUT_FILENO))
		return main_say(2, "--tui needs a terminal: %s (without --tui: "
		    "batch mode)", why);
	if (!out->quiet)
		main_say(0, "no full-screen front end: %s; the line console "
		    "instead (as scalex --repl)", why);
	run_text(ws, out, stderr, script, strlen(script), where);
	fflush(stdout);
	return repl_run(ws, out);
}

int
main(int argc, char **argv)
{
	const char *cmds = NULL, *file = NULL, *replay = NULL, *color = "auto";
	int json = 0, repl = 0, front = 0, ascii = 0, rc, format = OUT_TEXT;
	int se_pm = 0, quiet = 0, allow_writes = 0, no_verify = 0;
	sx_workspace ws;
	sx_out out;
	/* Static: the merged argv (which it holds, cfg.merged) points into
	 * it until exit, so the early exits leave nothing unreachable. */
	static sx_config cfg;
	int nocfg = 0;

	/* The user's locale for characters (UTF-8 in readline, ncurses and
	 * plots), the C locale for numbers: commands, sessions, CSV, JSON
	 * and printed results read and write '.' decimals whatever LC_NUMERIC
	 * or LC_ALL say, so a session replays the same everywhere. */
	setlocale(LC_ALL, "");
	setlocale(LC_NUMERIC, "C");
	xalloc_keep_freed();
	/* The config file's options go first: the command line's win.
	 * --help and --version work whatever the config holds. */
	for (int i = 1; i < argc; i++)
		nocfg |= strcmp(argv[i], "--no-config") == 0 ||
		    strcmp(argv[i], "--help") == 0 || strcmp(argv[i], "-h") == 0 ||
		    strcmp(argv[i], "--version") == 0 || strcmp(argv[i], "-V") == 0;
	if (!nocfg && (rc = config_read(&cfg)) != 0)
		return rc;
	argv = config_argv(&cfg, argc, argv, &argc);
	for (int i = 1; i < argc; i++) {
		const char *a = argv[i];

		if (strcmp(a, "--help") == 0 || strcmp(a, "-h") == 0) {
			cliopt_usage(stdout);
			return 0;
		} else if (strcmp(a, "--version") == 0 || strcmp(a, "-V") == 0) {
			printf("scalex %s\n", PACKAGE_VERSION);
			return 0;
		} else if (strcmp(a, "--json") == 0)
			json = 1, format = OUT_JSON;
		else if (strcmp(a, "--format") == 0 || strcmp(a, "--se") == 0 ||
		    strncmp(a, "--format=", 9) == 0 || strncmp(a, "--se=", 5) == 0) {
			int fmt = a[2] == 'f';
			const char *v = strchr(a, '=') ? strchr(a, '=') + 1 :
			    i + 1 < argc ? argv[++i] : "";

			if (fmt && table_format_of(v) >= 0)
				format = table_format_of(v);
			else if (!fmt && (strcmp(v, "paren") == 0 ||
			    strcmp(v, "pm") == 0))
				se_pm = strcmp(v, "pm") == 0;
			else if (*v == '\0') {
				fprintf(stderr, "scalex: %s needs a value (%s)\n",
				    fmt ? "--format" : "--se", fmt ?
				    OUT_FORMAT_WORDS : "paren|pm");
				return 2;
			} else {
				fprintf(stderr, "scalex: %s takes %s, not '%s'\n",
				    fmt ? "--format" : "--se", fmt ?
				    "text, json, csv, markdown or latex" :
				    "paren or pm", v);
				return 2;
			}
			json = format == OUT_JSON;
		}
		else if (strcmp(a, "--completion") == 0) {
			const char *sh = i + 1 < argc ? argv[++i] : "";

			if (shcomp_write(stdout, sh) != 0)
				return main_say(2, "--completion takes bash or zsh, "
				    "not '%s'", sh);
			return fflush(stdout) == 0 ? 0 : 1;
		} else if (strcmp(a, "--repl") == 0)
			repl = 1;
		else if (strcmp(a, "--quiet") == 0 || strcmp(a, "-q") == 0)
			quiet = 1;
		else if (strcmp(a, "--no-config") == 0)
			;  /* seen above */
		else if (strcmp(a, "--allow-writes") == 0)
			allow_writes = 1;
		else if (strcmp(a, "--no-verify") == 0)
			no_verify = 1;
		else if (strcmp(a, "--tui") == 0)
			front = 1;
		else if (strcmp(a, "--ascii") == 0)
			ascii = 1;
		else if (strcmp(a, "--color") == 0 || strncmp(a, "--color=", 8) == 0) {
			if (a[7] == '=')
				color = a + 8;
			else if (i + 1 < argc)
				color = argv[++i];
			else
				color = "";
			if (strcmp(color, "auto") != 0 && strcmp(color, "always") != 0 &&
			    strcmp(color, "never") != 0) {
				return main_say(2, "--color takes auto, always or "
				    "never, not '%s'", color);
			}
		}
		else if (strcmp(a, "--replay") == 0) {
			if (i + 1 >= argc) {
				fputs("scalex: --replay needs a session file\n", stderr);
				return 2;
			}
			replay = argv[++i];
		} else if (strcmp(a, "-c") == 0) {
			if (i + 1 >= argc) {
				fputs("scalex: -c needs commands (scalex -c 'help')\n",
				    stderr);
				return 2;
			}
			cmds = argv[++i];
		} else if (a[0] == '-' && a[1] != '\0') {
			return main_say(2, "unknown option '%s' (see scalex "
			    "--help)", a);
		} else if (file != NULL) {
			return main_say(2, "more than one file given ('%s' and "
			    "'%s')", file, a);
		} else
			file = a;
	}
	if ((cmds != NULL) + (file != NULL) + (replay != NULL) + repl > 1) {
		fputs("scalex: give one of -c, --repl, --replay or a file\n", stderr);
		return 2;
	}
	if (front && (cmds != NULL || repl || format != OUT_TEXT)) {
		fputs("scalex: --tui goes with --replay FILE, FILE.csv or nothing\n",
		    stderr);
		return 2;
	}
	if ((allow_writes || no_verify) && replay == NULL)
		return main_say(2, "%s goes with --replay FILE", allow_writes ?
		    "--allow-writes" : "--no-verify");
	/* On a terminal the demo and a CSV open in the TUI. */
	if (!front && cmds == NULL && replay == NULL && !repl && format == OUT_TEXT &&
	    isatty(STDIN_FILENO) && isatty(STDOUT_FILENO) && (file == NULL ||
	    has_suffix(file, ".csv") || has_suffix(file, ".tsv")))
		front = 1;
	ws_init(&ws);
	out_init(&out, stdout, json);
	table_set_format(&out, format);
	out.se_pm = se_pm;
	main_display(&out, ascii, color);
	/* Batch runs on a terminal show progress and stop long work on
	 * Ctrl-C too; the console installs the same handlers. */
	out.quiet = quiet;
	if (isatty(STDERR_FILENO) && !quiet)
		out.progress_fp = stderr;
	out.interrupt = &sig_interrupted;
	out.stop = &sig_terminate;
	signals_install();
	if (config_run(&cfg, &ws, &out) != 0) {
		ws_free(&ws);
		return 1;
	}
	if (repl) {
		rc = repl_run(&ws, &out);
		ws_free(&ws);
		return signals_status(rc);
	}
	if (front) {
		char *q = lex_quote(replay != NULL ? replay : file != NULL ? file :
		    ""), *script = NULL;

		if (replay != NULL)
			script = xasprintf("replay %s%s%s\n", allow_writes ?
			    "--allow-writes " : "", no_verify ? "--no-verify " : "",
			    q);
		else if (file != NULL && (has_suffix(file, ".csv") ||
		    has_suffix(file, ".tsv")))
			script = main_csv_script(file);
		else if (file != NULL) {
			main_say(2, "--tui opens FILE.csv or --replay FILE, not "
			    "'%s'", file);
			free(q);
			ws_free(&ws);
			return 2;
		}
		rc = main_front(&ws, &out, script != NULL ? script :
		    builtin_demo_session, replay != NULL ? "--replay" :
		    file != NULL ? file : "<demo>");
		free(q);
		free(script);
		ws_free(&ws);
		return signals_status(rc);
	}
	/* Batch mode: SIGTERM, SIGHUP and Ctrl-C stop the command running and
	 * run no more (a script's 'save' after them does not happen). */
	signals_batch_mode(1);
	if (replay != NULL) {
		char *q = lex_quote(replay), *script = xasprintf("replay %s%s%s",
		    allow_writes ? "--allow-writes " : "", no_verify ?
		    "--no-verify " : "", q);

		rc = run_text(&ws, &out, stderr, script, strlen(script), "--replay");
		free(q);
		free(script);
	} else if (cmds != NULL) {
		/* cat runs.csv | scalex -c 'load - as runs' */
		run_offer_stdin(!isatty(STDIN_FILENO));
		rc = run_text(&ws, &out, stderr, cmds, strlen(cmds), "-c");
	}
	else if (file != NULL && (has_suffix(file, ".csv") ||
	    has_suffix(file, ".tsv"))) {
		char *script = main_csv_script(file);

		rc = run_text(&ws, &out, stderr, script, strlen(script), file);
		free(script);
	} else if (file != NULL) {
		char err[512];
		size_t len;
		char *text = run_slurp(file, &len, err, sizeof err);

		if (text == NULL) {
			main_say(1, "%s", err);
			ws_free(&ws);
			return 1;
		}
		rc = run_text(&ws, &out, stderr, text, len,
		    strcmp(file, "-") == 0 ? "<stdin>" : file);
		free(text);
	} else
		rc = run_text(&ws, &out, stderr, builtin_demo_session,
		    strlen(builtin_demo_session), "<demo>");
	fflush(stdout);
	ws_free(&ws);
	return signals_status(rc == 0 ? 0 : 1);
}
