/* term.c: whether the terminal can show the full-screen front end. */
#include "config.h"

#include <curses.h>
#include <stdio.h>
#include <stdlib.h>
#include <term.h>
#include <unistd.h>

#include "tui/tui.h"

int
tui_terminal_ok(char *why, size_t len)
{
	const char *term = getenv("TERM");
	char *cup;
	int err = 0;

	if (!isatty(STDIN_FILENO) || !isatty(STDOUT_FILENO)) {
		snprintf(why, len, "standard %s is not a terminal",
		    !isatty(STDIN_FILENO) ? "input" : "output");
		return 0;
	}
	if (term == NULL || term[0] == '\0') {
		snprintf(why, len, "TERM is not set");
		return 0;
	}
	/* The terminal's description, read once and dropped again: newterm
	 * reads its own. */
	if (setupterm((char *)term, STDOUT_FILENO, &err) != OK) {
		if (err == 1)
			snprintf(why, len, "TERM=%.60s is a hardcopy terminal", term);
		else if (err == 0)
			snprintf(why, len, "TERM=%.60s is not a terminal type known "
			    "here (no terminfo entry)", term);
		else
			snprintf(why, len, "no terminfo database for TERM=%.60s",
			    term);
		return 0;
	}
	cup = tigetstr("cup");
	del_curterm(cur_term);    /* which unsets cur_term too */
	if (cup == NULL || cup == (char *)-1) {
		snprintf(why, len, "TERM=%.60s cannot move the cursor", term);
		return 0;
	}
	return 1;
}
