/* host.c: what the TUI offers its panes: the workspace to read, the fit
 * they follow, and the one way to change anything, running commands. */
#include "config.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "sessions/run.h"
#include "tui/signals.h"
#include "tui/tui.h"

const sx_workspace *
tui_ws(const tui *t)
{
	return t->ws;
}

const sx_fitrec *
tui_fit(tui *t)
{
	const sx_fitrec *f = t->fit[0] != '\0' ? ws_fit(t->ws, t->fit) : NULL;

	if (f == NULL && t->ws->cur_fit != NULL)
		f = ws_fit(t->ws, t->ws->cur_fit);
	if (f == NULL && t->ws->nfits > 0)
		f = t->ws->fits[t->ws->nfits - 1];
	return f;
}

void
tui_output(tui *t, const char *text)
{
	for (int i = 0; i < TUI_NPANES; i++)
		if (t->panes[i].kind->output != NULL)
			t->panes[i].kind->output(&t->panes[i], t, text);
}

int
tui_run_text(tui *t, const char *text, const char *where)
{
	char *buf = NULL;
	size_t len = 0;
	FILE *mem = open_memstream(&buf, &len);
	FILE *ofp = t->out->fp, *oerr = t->out->errfp;
	int rc, w = t->panes[PANE_CONSOLE].w - 4;
	char cur[128];

	if (mem == NULL) {
		snprintf(t->status, sizeof t->status, "cannot run: %s",
		    strerror(errno));
		return -1;
	}
	t->out->fp = mem;
	t->out->errfp = mem;
	/* Plots typed in the console fit its width. */
	t->out->width = w >= 40 ? w : 80;
	t->out->height = 20;
	snprintf(cur, sizeof cur, "%s", t->ws->cur_fit != NULL ?
	    t->ws->cur_fit : "");
	sig_interrupted = 0;
	rc = run_text(t->ws, t->out, mem, text, strlen(text), where);
	/* The panes follow a fit the command made or picked. */
	if (t->ws->cur_fit != NULL && strcmp(cur, t->ws->cur_fit) != 0)
		snprintf(t->fit, sizeof t->fit, "%s", t->ws->cur_fit);
	sig_interrupted = 0;
	fclose(mem);
	t->out->fp = ofp;
	t->out->errfp = oerr;
	tui_output(t, buf);
	free(buf);
	t->gen++;
	t->status[0] = '\0';
	return rc;
}

int
tui_command(tui *t, const char *text)
{
	return tui_run_text(t, text, "console");
}
