/* tui.h: the ncurses front end: panes, layout, the loop that drives them. */
#ifndef SX_TUI_H
#define SX_TUI_H

#include <stddef.h>

#include "plots/canvas.h"
#include "views/out.h"
#include "sessions/workspace.h"

/*
 * The TUI is a view and a keyboard. Panes are a table of kinds (tui_kind)
 * whose handlers read the workspace through tui_ws() (const) and change it
 * only by running command text through tui_command(), which logs it like
 * any console line. Key handlers return TUI_* flags; the loop redraws
 * after TUI_REDRAW and leaves after TUI_QUIT. The files call one way:
 * tui.c (the loop) -> keys.c, layout.c and the panes, through the table
 * -> host.c and draw.c.
 */
#define TUI_HANDLED 0x1
#define TUI_REDRAW  0x2
#define TUI_QUIT    0x4

/* The panes, in the order of their digit keys (1..7). */
enum tui_pane_id {
	PANE_DATA = 0,
	PANE_FIT,
	PANE_PLOT,
	PANE_FRONTIER,
	PANE_XOVER,
	PANE_GRID,
	PANE_CONSOLE,
	TUI_NPANES
};

typedef struct tui tui;
typedef struct tui_pane tui_pane;

/*
 * A kind of pane. The loop reaches a pane only through these. Each pane
 * owns its state, p->state: the kind's struct of state_size bytes (its
 * view options and caches; none of it is in struct tui), zeroed by the
 * loop, given first values by init and emptied by end (both optional).
 * draw, key and resize for every kind; cursor places the terminal's
 * cursor while the pane has focus (NULL: hidden); interrupt takes Ctrl-C
 * while it has focus; output takes what commands print (the console's
 * scrollback).
 */
typedef struct tui_kind {
	const char *name;
	const char *title;   /* its name on screen: "Fit"; the help overlay's
	                        heading when title_of names each pane */
	const char *(*title_of)(const tui_pane *p);  /* or NULL */
	const char *hint;    /* the hint bar while the pane has focus */
	const char *const *keys;  /* help overlay: "KEY\tWHAT" rows, NULL-ended */
	void (*draw)(tui_pane *p, tui *t);
	int (*key)(tui_pane *p, tui *t, int key);
	void (*resize)(tui_pane *p, tui *t);
	size_t state_size;
	void (*init)(tui_pane *p, tui *t);
	void (*end)(tui_pane *p, tui *t);
	void (*cursor)(tui_pane *p, tui *t);
	void (*interrupt)(tui_pane *p, tui *t);
	void (*output)(tui_pane *p, tui *t, const char *text);
} tui_kind;

/* A pane on screen: its kind, its frame (h == 0: not shown), its state. */
struct tui_pane {
	const tui_kind *kind;
	int id;
	int y, x, h, w;
	void *state;
};

struct tui {
	sx_workspace *ws;
	sx_out *out;
	int rows, cols;
	int focus, back;     /* focused pane; where Esc from the console goes */
	int tabbed;          /* one main pane with a tab bar (small terminals) */
	int too_small;
	int help;            /* the help overlay's page (from 1), 0: not up */
	int help_pages;      /* how many pages it took when last drawn */
	int asking;          /* "quit with unsaved work?" is up */
	int quit;
	int utf8, colour;
	unsigned gen;        /* bumped by every command run */
	size_t start_nlog;   /* log length when the TUI opened */
	char fit[128];       /* the fit the fit, plot and frontier panes show */
	char status[256];    /* a message or a progress bar for the hint row */
	tui_pane panes[TUI_NPANES];
};

/* The pane kinds (one file each); the second plot's serves two panes. */
extern const tui_kind pane_data_kind;
extern const tui_kind pane_fit_kind;
extern const tui_kind pane_plot_kind;
extern const tui_kind pane_second_kind;
extern const tui_kind pane_grid_kind;
extern const tui_kind pane_console_kind;

/* tui.c: the loop. */

/*
 * Whether the TUI can run here: standard input and output terminals, TERM
 * set to a type terminfo knows that can move the cursor (not dumb). When
 * not, 0 and why, in words ("TERM is not set"). term.c.
 */
int tui_terminal_ok(char *why, size_t len);

/*
 * Run the TUI on ws until the user quits: the startup script (may be NULL)
 * is run first, through the interpreter, its output kept in the console.
 * Autosaves on the way out. Returns the process exit status (0, or 1 when
 * the terminal cannot be used or the autosave failed).
 */
int tui_run(sx_workspace *ws, sx_out *out, const char *script,
    const char *where);

/* host.c: what the panes may ask of the TUI. */

/* The workspace, read only. */
const sx_workspace *tui_ws(const tui *t);
/* The fit the panes follow (t->fit, or the workspace's current one),
 * NULL when there is none. */
const sx_fitrec *tui_fit(tui *t);
/* Run command text through the interpreter, reporting errors as from
 * `where`; its output and errors go to the panes that take output.
 * Returns 0, or -1 when a command failed. tui_command: from the console. */
int tui_run_text(tui *t, const char *text, const char *where);
int tui_command(tui *t, const char *text);
/* Hand text to the panes that take output (the console's scrollback). */
void tui_output(tui *t, const char *text);

/* draw.c: drawing in a pane: its name on screen, frame with title, text
 * in the inner area (row and col from 0, clipped), a canvas's cells,
 * colour attributes, the colours themselves. */
const char *tui_pane_name(const tui_pane *p);
void tui_frame(tui *t, const tui_pane *p, const char *title);
void tui_box(const tui *t, int y, int x, int h, int w);
void tui_hline(const tui *t, int y, int x, int n);
void tui_text(tui *t, const tui_pane *p, int row, int col, int attr,
    const char *s);
void tui_canvas(tui *t, const tui_pane *p, int row, const px_canvas *c);
int tui_attr(const tui *t, int pxcolour);
void tui_colours(tui *t);
/* Inner size of a pane (inside its border). */
int tui_iw(const tui_pane *p);
int tui_ih(const tui_pane *p);

/* layout.c: place the panes for the terminal size; the minimum size. */
#define TUI_MIN_W 60
#define TUI_MIN_H 18
void layout_apply(tui *t);
/* keys.c: the help overlay, tab bar, hint row and the too-small screen. */
void keys_draw_help(tui *t);
void keys_draw_bars(tui *t);
void keys_draw_small(tui *t);

#endif
