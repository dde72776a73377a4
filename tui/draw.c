/* draw.c: drawing in panes: frames, clipped text, canvases, colours. */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <curses.h>

#include "tui/tui.h"

const char *
tui_pane_name(const tui_pane *p)
{
	return p->kind->title_of != NULL ? p->kind->title_of(p) :
	    p->kind->title;
}

int
tui_iw(const tui_pane *p)
{
	return p->w > 2 ? p->w - 2 : 0;
}

int
tui_ih(const tui_pane *p)
{
	return p->h > 2 ? p->h - 2 : 0;
}

int
tui_attr(const tui *t, int c)
{
	if (!t->colour || c <= PX_DEFAULT || c >= PX_NCOLOURS)
		return c == PX_GREY ? A_DIM : A_NORMAL;
	return COLOR_PAIR(c) | (c == PX_GREY ? A_DIM : 0);
}

void
tui_hline(const tui *t, int y, int x, int n)
{
	for (int i = 0; i < n; i++)
		mvaddstr(y, x + i, t->utf8 ? "\xe2\x94\x80" : "-");
}

void
tui_box(const tui *t, int y, int x, int h, int w)
{
	/* Box drawing as text, not the ACS charset: capture-pane and every
	 * terminal then show the same thing. */
	tui_hline(t, y, x + 1, w - 2);
	tui_hline(t, y + h - 1, x + 1, w - 2);
	for (int r = y + 1; r < y + h - 1; r++) {
		mvaddstr(r, x, t->utf8 ? "\xe2\x94\x82" : "|");
		mvaddstr(r, x + w - 1, t->utf8 ? "\xe2\x94\x82" : "|");
	}
	mvaddstr(y, x, t->utf8 ? "\xe2\x94\x8c" : "+");
	mvaddstr(y, x + w - 1, t->utf8 ? "\xe2\x94\x90" : "+");
	mvaddstr(y + h - 1, x, t->utf8 ? "\xe2\x94\x94" : "+");
	mvaddstr(y + h - 1, x + w - 1, t->utf8 ? "\xe2\x94\x98" : "+");
}

void
tui_frame(tui *t, const tui_pane *p, const char *title)
{
	int focus = t->focus == p->id, attr = focus ? A_BOLD : A_NORMAL;
	char buf[256];

	if (p->h < 2 || p->w < 4)
		return;
	if (focus && t->colour)
		attr |= COLOR_PAIR(PX_CYAN);
	attron(attr);
	tui_box(t, p->y, p->x, p->h, p->w);
	snprintf(buf, sizeof buf, " %d %s%s%s ", p->id + 1, tui_pane_name(p),
	    title != NULL && title[0] != '\0' ? ": " : "",
	    title != NULL ? title : "");
	if ((int)strlen(buf) > p->w - 4)
		buf[p->w - 4 > 0 ? p->w - 4 : 0] = '\0';
	mvaddstr(p->y, p->x + 2, buf);
	attroff(attr);
}

void
tui_text(tui *t, const tui_pane *p, int row, int col, int attr, const char *s)
{
	int iw = tui_iw(p), n = 0;

	(void)t;
	if (row < 0 || row >= tui_ih(p) || col >= iw)
		return;
	/* Count cells as code points (UTF-8 lead bytes). */
	const char *e = s;
	while (*e != '\0' && n < iw - col) {
		e++;
		while ((*e & 0xc0) == 0x80)
			e++;
		n++;
	}
	attron(attr);
	mvaddnstr(p->y + 1 + row, p->x + 1 + col, s, (int)(e - s));
	attroff(attr);
}

void
tui_canvas(tui *t, const tui_pane *p, int row, const px_canvas *c)
{
	int w = canvas_width(c), h = canvas_height(c);
	char buf[4096];

	for (int r = 0; r < h && row + r < tui_ih(p); r++) {
		int col = 0;

		while (col < w && col < tui_iw(p)) {
			int colour = canvas_colour(c, r, col), start = col;
			size_t n = 0;

			/* A run of cells of one colour, as one string. */
			while (col < w && col < tui_iw(p) && n + 8 < sizeof buf &&
			    canvas_colour(c, r, col) == colour) {
				n += canvas_utf8(canvas_glyph(c, r, col), buf + n);
				col++;
			}
			buf[n] = '\0';
			attron(tui_attr(t, colour));
			mvaddstr(p->y + 1 + row + r, p->x + 1 + start, buf);
			attroff(tui_attr(t, colour));
		}
	}
}

/* The colours: one pair per plot colour on the terminal's own background. */
void
tui_colours(tui *t)
{
	static const short map[PX_NCOLOURS] = { -1, COLOR_BLUE, COLOR_RED,
	    COLOR_GREEN, COLOR_MAGENTA, COLOR_CYAN, COLOR_YELLOW, COLOR_WHITE };
	const char *nc = getenv("NO_COLOR");

	t->colour = 0;
	/* --color always wins over NO_COLOR; auto (0) gives way to it. */
	if ((t->out->color == 0 && nc != NULL && nc[0] != '\0') ||
	    !has_colors() || t->out->color < 0)
		return;
	if (start_color() == ERR)
		return;
	short bg = use_default_colors() == OK ? -1 : COLOR_BLACK;
	for (int i = 1; i < PX_NCOLOURS; i++)
		init_pair((short)i, map[i], bg);
	t->colour = 1;
}

