/* figure.c: the figure model: its series, titles, scales and styles as
 * set by the caller; laid out in figure_layout.c, drawn in figure_draw.c. */
#include "config.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "plots/figure_impl.h"


px_figure *
figure_new(void)
{
	px_figure *f = calloc(1, sizeof *f);

	if (f == NULL)
		return NULL;
	f->fx[0] = f->fx[1] = f->fy[0] = f->fy[1] = NAN;
	f->rx[0] = f->rx[1] = f->ry[0] = f->ry[1] = NAN;
	return f;
}

void
figure_free(px_figure *f)
{
	int i;

	if (f == NULL)
		return;
	for (i = 0; i < f->ns; i++) {
		free(f->s[i].label);
		free(f->s[i].x);
		free(f->s[i].y);
		free(f->s[i].y2);
	}
	free(f->s);
	figure_free(f->right);
	free(f->title);
	free(f->xlabel);
	free(f->ylabel);
	free(f);
}

/* Replace *dst by a copy of src (NULL for NULL or ""). -1 when out of
 * memory. */
static int
set_text(char **dst, const char *src)
{
	char *copy = NULL;

	if (src != NULL && src[0] != '\0') {
		if ((copy = malloc(strlen(src) + 1)) == NULL)
			return -1;
		strcpy(copy, src);
	}
	free(*dst);
	*dst = copy;
	return 0;
}

int
figure_set_title(px_figure *f, const char *title)
{
	return set_text(&f->title, title);
}

int
figure_set_labels(px_figure *f, const char *xlabel, const char *ylabel)
{
	if (set_text(&f->xlabel, xlabel) < 0)
		return -1;
	return set_text(&f->ylabel, ylabel);
}

void
figure_set_log(px_figure *f, int xlog, int ylog)
{
	f->xlog = xlog != 0;
	f->ylog = ylog != 0;
}

void
figure_set_range(px_figure *f, double xlo, double xhi, double ylo, double yhi)
{
	f->fx[0] = xlo;
	f->fx[1] = xhi;
	f->fy[0] = ylo;
	f->fy[1] = yhi;
}

static double *
copy_array(const double *v, size_t n)
{
	double *d;

	if (v == NULL || n == 0)
		return NULL;
	if ((d = malloc(n * sizeof *d)) == NULL)
		return NULL;
	memcpy(d, v, n * sizeof *d);
	return d;
}

/* Append a series of the given kind, copying its arrays. */
static int
add_series(px_figure *f, int kind, const char *label, const double *x,
    const double *y, const double *y2, size_t n, px_err *e)
{
	struct series *s;

	if (n > 0 && (x == NULL || y == NULL || (kind == K_BAND && y2 == NULL)))
		return perr_set(e, "series '%s': missing data array",
		    label != NULL ? label : "");
	if (n > ((size_t)-1) / 2 / sizeof(double))
		return perr_set(e, "series '%s': too many points",
		    label != NULL ? label : "");
	if (f->ns == f->cap) {
		int cap = f->cap == 0 ? 8 : f->cap * 2;
		struct series *ns = realloc(f->s, (size_t)cap * sizeof *ns);

		if (ns == NULL)
			return perr_set(e, "out of memory adding a series");
		f->s = ns;
		f->cap = cap;
	}
	s = &f->s[f->ns];
	memset(s, 0, sizeof *s);
	s->kind = kind;
	s->colour = -1;
	s->n = n;
	if (set_text(&s->label, label) < 0 ||
	    (n > 0 && ((s->x = copy_array(x, n)) == NULL ||
	    (s->y = copy_array(y, n)) == NULL ||
	    (y2 != NULL && (s->y2 = copy_array(y2, n)) == NULL)))) {
		free(s->label);
		free(s->x);
		free(s->y);
		free(s->y2);
		return perr_set(e, "out of memory adding a series");
	}
	return f->ns++;
}

int
figure_scatter(px_figure *f, const char *label, const double *x,
    const double *y, size_t n, px_err *e)
{
	return add_series(f, K_SCATTER, label, x, y, NULL, n, e);
}

int
figure_line(px_figure *f, const char *label, const double *x,
    const double *y, size_t n, px_err *e)
{
	return add_series(f, K_LINE, label, x, y, NULL, n, e);
}

int
figure_function(px_figure *f, const char *label, px_fn fn, void *ctx,
    px_err *e)
{
	int i;

	if (fn == NULL)
		return perr_set(e, "series '%s': no function",
		    label != NULL ? label : "");
	if ((i = add_series(f, K_FUNC, label, NULL, NULL, NULL, 0, e)) < 0)
		return -1;
	f->s[i].fn = fn;
	f->s[i].ctx = ctx;
	return i;
}

int
figure_band(px_figure *f, const char *label, const double *x,
    const double *lo, const double *hi, size_t n, px_err *e)
{
	return add_series(f, K_BAND, label, x, lo, hi, n, e);
}

int
figure_hline(px_figure *f, const char *label, double y, px_err *e)
{
	double x = NAN;

	return add_series(f, K_HLINE, label, &x, &y, NULL, 1, e);
}

int
figure_vline(px_figure *f, const char *label, double x, px_err *e)
{
	double y = NAN;

	return add_series(f, K_VLINE, label, &x, &y, NULL, 1, e);
}

int
figure_highlight(px_figure *f, const char *label, double x, double y,
    px_err *e)
{
	return add_series(f, K_HILITE, label, &x, &y, NULL, 1, e);
}

int
figure_residuals(px_figure *f, const char *label, const double *x,
    const double *r, size_t n, px_err *e)
{
	return add_series(f, K_RESID, label, x, r, NULL, n, e);
}

int
figure_style(px_figure *f, int i, int colour, uint32_t marker)
{
	if (i < 0 || i >= f->ns || colour >= PX_NCOLOURS)
		return -1;
	f->s[i].colour = colour;
	f->s[i].marker = marker;
	return 0;
}

void
figure_ranges(const px_figure *f, double *xlo, double *xhi, double *ylo,
    double *yhi)
{
	*xlo = f->rx[0];
	*xhi = f->rx[1];
	*ylo = f->ry[0];
	*yhi = f->ry[1];
}

void
figure_set_right(px_figure *f, px_figure *g)
{
	if (f->right != g)
		figure_free(f->right);
	f->right = g;
}

px_figure *
figure_right(const px_figure *f)
{
	return f->right;
}

int
figure_no_legend(px_figure *f, int i)
{
	if (i < 0 || i >= f->ns)
		return -1;
	f->s[i].nolegend = 1;
	return 0;
}
