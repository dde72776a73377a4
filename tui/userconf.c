/* userconf.c: the config file, read at start (see userconf.h). */
#include "config.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/xalloc.h"
#include "sessions/run.h"
#include "tui/userconf.h"

/* The options a config file may hold: how output looks, not what runs. */
static const char *const allowed[] = {
	"--ascii", "--color", "--se", "--quiet", "-q", NULL
};

static char *
config_path(void)
{
	const char *xdg = getenv("XDG_CONFIG_HOME"), *home = getenv("HOME");

	if (xdg != NULL && xdg[0] == '/')
		return xasprintf("%s/scalex/config", xdg);
	if (home != NULL && home[0] != '\0')
		return xasprintf("%s/.config/scalex/config", home);
	return NULL;
}

static int
config_allowed(const char *w)
{
	size_t n = strcspn(w, "=");

	for (const char *const *a = allowed; *a != NULL; a++)
		if (strlen(*a) == n && strncmp(*a, w, n) == 0)
			return 1;
	return 0;
}

/* One option line: an option and, for --color and --se, its value. */
static int
config_option(sx_config *c, char *line, int lineno)
{
	char *save = NULL, *w[3];
	int n = 0, want;

	for (char *t = strtok_r(line, " \t", &save); t != NULL;
	    t = strtok_r(NULL, " \t", &save))
		if (n < 3)
			w[n++] = t;
		else
			n = 4;
	if (!config_allowed(w[0])) {
		fprintf(stderr, "scalex: %s:%d: '%s' is not an option a config "
		    "file can set (--ascii, --color WHEN, --se paren|pm, "
		    "--quiet)\n", c->path, lineno, w[0]);
		return 2;
	}
	want = strchr(w[0], '=') == NULL && (strcmp(w[0], "--color") == 0 ||
	    strcmp(w[0], "--se") == 0) ? 2 : 1;
	if (n != want) {
		fprintf(stderr, "scalex: %s:%d: %s takes %s on its line\n", c->path,
		    lineno, w[0], want == 2 ? "one value" : "no value");
		return 2;
	}
	c->argv = xreallocarray(c->argv, (size_t)c->argc + 3, sizeof *c->argv);
	for (int i = 0; i < n; i++)
		c->argv[c->argc++] = xstrdup(w[i]);
	c->argv[c->argc] = NULL;
	return 0;
}

int
config_read(sx_config *c)
{
	char err[512], *text, *line, *save = NULL;
	size_t len, used = 0;
	int lineno = 0;
	FILE *fp;

	memset(c, 0, sizeof *c);
	c->path = config_path();
	if (c->path == NULL)
		return 0;
	fp = fopen(c->path, "r");
	if (fp == NULL && errno == ENOENT) {
		free(c->path);
		c->path = NULL;
		return 0;
	}
	if (fp != NULL)
		fclose(fp);
	text = run_slurp(c->path, &len, err, sizeof err);
	if (text == NULL) {
		fprintf(stderr, "scalex: config file: %s (--no-config skips it)\n",
		    err);
		return 2;
	}
	c->cmds = xmalloc(len + 2);
	/* Line by line, keeping empty lines so that numbers stay right. */
	for (line = text; line != NULL; line = save) {
		char *nl = strchr(line, '\n'), *p = line;

		save = nl != NULL ? nl + 1 : NULL;
		if (nl != NULL)
			*nl = '\0';
		if (nl == NULL && *line == '\0')
			break;
		lineno++;
		while (*p == ' ' || *p == '\t')
			p++;
		if (*p == '-') {
			if (config_option(c, p, lineno) != 0) {
				free(text);
				return 2;
			}
		} else {
			size_t n = strlen(line);

			memcpy(c->cmds + used, line, n);
			used += n;
			if (*p != '\0' && *p != '#')
				c->ncmds++;
		}
		c->cmds[used++] = '\n';
	}
	c->cmds[used] = '\0';
	free(text);
	return 0;
}

void
config_free(sx_config *c)
{
	for (int i = 0; i < c->argc; i++)
		free(c->argv[i]);
	free(c->argv);
	free(c->merged);
	free(c->cmds);
	free(c->path);
}

char **
config_argv(sx_config *c, int argc, char **argv, int *nargc)
{
	char **v = xreallocarray(NULL, (size_t)(argc + c->argc + 1), sizeof *v);

	v[0] = argv[0];
	for (int i = 0; i < c->argc; i++)
		v[1 + i] = c->argv[i];
	for (int i = 1; i < argc; i++)
		v[c->argc + i] = argv[i];
	*nargc = argc + c->argc;
	v[*nargc] = NULL;
	free(c->merged);
	c->merged = v;
	return v;
}

int
config_run(const sx_config *c, sx_workspace *ws, const sx_out *out)
{
	sx_out quiet = *out;
	int rc;

	if (c->ncmds == 0)
		return 0;
	quiet.fp = fopen("/dev/null", "w");
	if (quiet.fp == NULL)
		quiet.fp = out->fp;
	rc = run_text(ws, &quiet, stderr, c->cmds, strlen(c->cmds), c->path);
	if (quiet.fp != out->fp)
		fclose(quiet.fp);
	if (rc != 0)
		fprintf(stderr, "scalex: the config file failed; nothing else was "
		    "run (--no-config skips it)\n");
	return rc != 0;
}
