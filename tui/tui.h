/* tui.h: the ncurses front end: panes, layout, the loop that drives them. */
#ifndef SX_TUI_H
#define SX_TUI_H

#include <stddef.h>

#include "plots/canvas.h"
#include "views/out.h"
#include "sessions/workspace.h"

/*
 * The TUI is a view and a keyboard. Panes are a table of kinds, each with
 * draw, key and resize handlers; handlers read the workspace through
 * tui_ws() (const) and change it only by running command text through
 * tui_command(), which logs it like any console line. Key handlers return
 * TUI_* flags; the loop redraws after TUI_REDRAW and leaves after TUI_QUIT.
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

typedef struct tui_kind {
	const char *name;
	const char *hint;    /* the hint bar while the pane has focus */
	const char *const *keys;  /* help overlay: "KEY\tWHAT" rows, NULL-ended */
	void (*draw)(tui_pane *p, tui *t);
	int (*key)(tui_pane *p, tui *t, int key);
	void (*resize)(tui_pane *p, tui *t);
} tui_kind;

/* A pane on screen: its frame (h == 0: not shown) and its view state. */
struct tui_pane {
	const tui_kind *kind;
	int id;
	int y, x, h, w;
	int mode;            /* second plot: 0 frontier, 1 crossover */
	int sel, top;        /* a selected row, the first row shown */
	int logx, logy, ascii, resid;  /* plot view options */
	unsigned gen;        /* workspace generation the cache was built at */
	int cw, ch;          /* size the cache was built at */
	int copts;           /* view options the cache was built with */
	px_canvas *canvas;   /* cached figure */
	char err[512];       /* why there is no figure */
};

/* A `set` the fit pane ran, to undo. */
typedef struct tui_nudge {
	char *fit;
	char *param;
	double was;
} tui_nudge;

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
	tui_nudge *undo;     /* the fit pane's nudges, last on top ... */
	size_t nundo;
	size_t undo_nlog;    /* ... valid while the log is this long */
	char **sb;           /* console scrollback lines */
	size_t nsb;
	int sbscroll;        /* lines scrolled back from the bottom */
	char **comp;         /* completion candidates shown, or NULL */
	size_t ncomp;
};

/* The pane kinds (one file each). */
extern const tui_kind pane_data_kind;
extern const tui_kind pane_fit_kind;
extern const tui_kind pane_plot_kind;
extern const tui_kind pane_second_kind;
extern const tui_kind pane_grid_kind;
extern const tui_kind pane_console_kind;

/*
 * Run the TUI on ws until the user quits: the startup script (may be NULL)
 * is run first, through the interpreter, its output kept in the console.
 * Autosaves on the way out. Returns the process exit status (0, or 1 when
 * the terminal cannot be used or the autosave failed).
 */
int tui_run(sx_workspace *ws, sx_out *out, const char *script,
    const char *where);

/* "Fit", "Crossover": what a pane shows. */
const char *tui_pane_name(const tui_pane *p);

/* The workspace, read only. */
const sx_workspace *tui_ws(const tui *t);

/* Run command text through the interpreter; its output and errors go to
 * the console. Returns 0, or -1 when a command failed. */
int tui_command(tui *t, const char *text);

/* Forget the fit pane's nudges (they can no longer be undone). */
void tui_undo_clear(tui *t);

/* Append text (lines split at '\n') to the console's scrollback. */
void tui_console_add(tui *t, const char *text);

/* The fit the panes follow (t->fit, or the workspace's current one),
 * NULL when there is none. */
const sx_fitrec *tui_fit(tui *t);

/* Drawing in a pane: frame with title, text in the inner area (row and col
 * from 0, clipped), a canvas's cells, colour attributes. */
void tui_frame(tui *t, const tui_pane *p, const char *title);
void tui_box(const tui *t, int y, int x, int h, int w);
void tui_hline(const tui *t, int y, int x, int n);
void tui_text(tui *t, const tui_pane *p, int row, int col, int attr,
    const char *s);
void tui_canvas(tui *t, const tui_pane *p, int row, const px_canvas *c);
int tui_attr(const tui *t, int pxcolour);
/* Inner size of a pane (inside its border). */
int tui_iw(const tui_pane *p);
int tui_ih(const tui_pane *p);

/* layout.c: place the panes for the terminal size; the minimum size. */
#define TUI_MIN_W 60
#define TUI_MIN_H 18
void layout_apply(tui *t);
/* The help overlay, tab bar, hint row and the too-small screen. */
void keys_draw_help(tui *t);
void keys_draw_bars(tui *t);
void keys_draw_small(tui *t);

/* pane-console.c: readline set up and torn down; a key for readline. */
void console_init(tui *t);
void console_end(tui *t);
void console_cursor(tui *t);
void console_interrupt(tui *t);

#endif
