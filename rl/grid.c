/* grid.c: built-in gridworlds and the text map parser: loading a world
 * and building its transition tables; moving in it is grid_dynamics.c. */
#include "config.h"

#include <errno.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/xalloc.h"
#include "rl/grid.h"
#include "rl/grid_impl.h"

/* The four-room object world of Barreto et al. (as MO-Gymnasium's
 * four-room-v0); row 0 at the top. */
static const char grid_fourroom_map[] =
    "name fourroom\n"
    "gamma 0.95\n"
    "horizon 200\n"
    "1....2X.....G\n"
    "......X......\n"
    "......1......\n"
    ".............\n"
    "......X......\n"
    "2....3X......\n"
    "XX3.XXXXX.1XX\n"
    "......X2....3\n"
    "......X......\n"
    ".............\n"
    "......2......\n"
    "......X......\n"
    "S.....X3....1\n";

/* Three terminal goals with one-hot features on an open 5x5 grid. */
static const char grid_corners_map[] =
    "name corners\n"
    "gamma 0.9\n"
    "horizon 200\n"
    "A...B\n"
    ".....\n"
    ".....\n"
    ".....\n"
    ".S..C\n";

static const struct {
	const char *name;
	const char *help;
	const char *text;
} grid_builtins[] = {
	{ "fourroom", "13x13 four rooms, 12 objects of 3 types, goal G; "
	    "gamma 0.95", grid_fourroom_map },
	{ "corners", "5x5 open grid, terminal goals A B C (one-hot); "
	    "gamma 0.9", grid_corners_map },
	{ "foraging", "10x10 torus, 2 object types respawning at random; "
	    "gamma 0.95, sampling only", NULL },
};
#define GRID_NBUILTIN (sizeof grid_builtins / sizeof grid_builtins[0])

size_t
grid_builtin_count(void)
{
	return GRID_NBUILTIN;
}

const char *
grid_builtin_name(size_t i)
{
	return i < GRID_NBUILTIN ? grid_builtins[i].name : NULL;
}

const char *
grid_builtin_help(size_t i)
{
	return i < GRID_NBUILTIN ? grid_builtins[i].help : NULL;
}

gsl_rng *
grid_rng(unsigned long seed)
{
	gsl_rng *r = gsl_rng_alloc(gsl_rng_mt19937);

	if (r == NULL)
		abort();
	gsl_rng_set(r, seed);
	return r;
}

void
grid_free(sx_grid *g)
{
	if (g == NULL)
		return;
	free(g->name);
	free(g->map);
	free(g->cell_pos);
	free(g->pos_cell);
	free(g->obj_pos);
	free(g->obj_type);
	free(g->term_pos);
	free(g->term_phi);
	free(g->dest);
	free(g->dest_obj);
	free(g);
}

static int
grid_is_map_char(int ch)
{
	return ch == '.' || ch == 'X' || ch == 'S' || ch == 'G' ||
	    (ch >= '1' && ch <= '9') ||
	    (ch >= 'A' && ch < 'A' + GRID_MAX_LETTERS);
}

/* Parse a header value "key value" into g; column of the value for errors. */
static int
grid_header(sx_grid *g, const char *line, size_t len, const char *where,
    int lineno, sx_err *err)
{
	char key[32], val[256], *end;
	size_t k = 0, v;
	double x;

	while (k < len && line[k] != ' ' && line[k] != '\t')
		k++;
	if (k >= sizeof key)
		return err_at(err, where, lineno, 1, "unknown header '%.*s'",
		    (int)(k > 40 ? 40 : k), line);
	memcpy(key, line, k);
	key[k] = '\0';
	v = k;
	while (v < len && (line[v] == ' ' || line[v] == '\t'))
		v++;
	if (len - v >= sizeof val || v == len)
		return err_at(err, where, lineno, (int)v + 1,
		    "header '%s' needs one value", key);
	memcpy(val, line + v, len - v);
	val[len - v] = '\0';
	if (strcmp(key, "name") == 0) {
		free(g->name);
		g->name = xstrdup(val);
		return 0;
	}
	if (strcmp(key, "gamma") != 0 && strcmp(key, "slip") != 0 &&
	    strcmp(key, "horizon") != 0)
		return err_at(err, where, lineno, 1, "unknown header '%s' "
		    "(expected name, gamma, slip or horizon)", key);
	errno = 0;
	x = strtod(val, &end);
	if (end == val || *end != '\0' || errno != 0 || !isfinite(x))
		return err_at(err, where, lineno, (int)v + 1,
		    "%s: not a number: '%s'", key, val);
	if (strcmp(key, "gamma") == 0) {
		if (!(x > 0 && x < 1))
			return err_at(err, where, lineno, (int)v + 1,
			    "gamma must be in (0, 1), not %s", val);
		g->gamma = x;
	} else if (strcmp(key, "slip") == 0) {
		if (!(x >= 0 && x <= 1))
			return err_at(err, where, lineno, (int)v + 1,
			    "slip must be in [0, 1], not %s", val);
		g->slip = x;
	} else {
		if (!(x >= 1 && x <= 1000000) || x != floor(x))
			return err_at(err, where, lineno, (int)v + 1,
			    "horizon must be a whole number in 1..1000000, "
			    "not %s", val);
		g->horizon = (int)x;
	}
	return 0;
}

/* Read the lines of a map into g->map / rows / cols; rowline[r] records
 * each row's line number for later errors. */
static int
grid_read_rows(sx_grid *g, const char *text, const char *where, int *rowline,
    sx_err *err)
{
	const char *p = text;
	int lineno = 0;

	g->map = xmalloc(GRID_MAX_SIDE * GRID_MAX_SIDE);
	while (*p != '\0') {
		const char *eol = strchr(p, '\n');
		size_t len = eol != NULL ? (size_t)(eol - p) : strlen(p);
		const char *next = eol != NULL ? eol + 1 : p + len;
		size_t j;

		lineno++;
		while (len > 0 && (p[len - 1] == '\r' || p[len - 1] == ' ' ||
		    p[len - 1] == '\t'))
			len--;
		if (len == 0 || p[0] == '#') {
			p = next;
			continue;
		}
		if (p[0] >= 'a' && p[0] <= 'z') {
			if (g->rows > 0)
				return err_at(err, where, lineno, 1,
				    "header line after the map rows");
			if (grid_header(g, p, len, where, lineno, err) != 0)
				return -1;
			p = next;
			continue;
		}
		if (g->rows >= GRID_MAX_SIDE)
			return err_at(err, where, lineno, 1, "map too big: more "
			    "than %d rows", GRID_MAX_SIDE);
		for (j = 0; j < len; j++) {
			int ch = (unsigned char)p[j];

			if (j >= GRID_MAX_SIDE)
				return err_at(err, where, lineno, (int)j + 1,
				    "map too big: more than %d columns",
				    GRID_MAX_SIDE);
			if (!grid_is_map_char(ch)) {
				if (ch >= 0x20 && ch < 0x7f)
					return err_at(err, where, lineno,
					    (int)j + 1, "wrong character '%c' "
					    "(expected . X S G A-H 1-9)", ch);
				return err_at(err, where, lineno, (int)j + 1,
				    "wrong character (byte 0x%02x; expected "
				    ". X S G A-H 1-9)", (unsigned)ch);
			}
		}
		if (g->rows == 0)
			g->cols = (int)len;
		else if ((int)len != g->cols)
			return err_at(err, where, lineno,
			    (int)(len < (size_t)g->cols ? len : (size_t)g->cols)
			    + 1, "ragged row: %zu cells, expected %d as in the "
			    "first row (line %d)", len, g->cols, rowline[0]);
		memcpy(g->map + (size_t)g->rows * (size_t)g->cols, p, len);
		rowline[g->rows++] = lineno;
		p = next;
	}
	if (g->rows == 0)
		return err_at(err, where, 0, 0, "no map rows");
	return 0;
}

/* Positions reachable from the start (terminals reached but not left). */
static void
grid_reach(const sx_grid *g, unsigned char *seen)
{
	int *queue = xmalloc((size_t)g->rows * (size_t)g->cols * sizeof *queue);
	int head = 0, tail = 0, a;

	memset(seen, 0, (size_t)g->rows * (size_t)g->cols);
	seen[g->start] = 1;
	queue[tail++] = g->start;
	while (head < tail) {
		int p = queue[head++];
		int r = p / g->cols, c = p % g->cols;

		if (g->pos_cell[p] < -1)
			continue;
		for (a = 0; a < GRID_NACT; a++) {
			int r2 = r + grid_dr[a], c2 = c + grid_dc[a], q;

			if (r2 < 0 || r2 >= g->rows || c2 < 0 || c2 >= g->cols)
				continue;
			q = r2 * g->cols + c2;
			if (g->map[q] == 'X' || seen[q])
				continue;
			seen[q] = 1;
			queue[tail++] = q;
		}
	}
	free(queue);
}

/* Build cells, objects, terminals and the transition tables; validate. */
static int
grid_build(sx_grid *g, const char *where, const int *rowline, sx_err *err)
{
	int npos = g->rows * g->cols, p, t, c, a, nstart = 0, spos = -1;
	unsigned char *seen;

	g->pos_cell = xmalloc((size_t)npos * sizeof *g->pos_cell);
	g->cell_pos = xmalloc((size_t)npos * sizeof *g->cell_pos);
	g->obj_pos = xmalloc(GRID_MAX_OBJECTS * sizeof *g->obj_pos);
	g->obj_type = xmalloc(GRID_MAX_OBJECTS * sizeof *g->obj_type);
	g->term_pos = xmalloc((size_t)npos * sizeof *g->term_pos);
	for (p = 0; p < npos; p++) {
		int ch = g->map[p], line = rowline[p / g->cols];
		int col = p % g->cols + 1;

		g->pos_cell[p] = -1;
		if (ch == 'X')
			continue;
		if (ch == 'G' || (ch >= 'A' && ch <= 'H')) {
			if (ch == 'G')
				g->has_goal = 1;
			else if (ch - 'A' + 1 > g->nletters)
				g->nletters = ch - 'A' + 1;
			g->pos_cell[p] = -2 - g->nterm;
			g->term_pos[g->nterm++] = p;
			continue;
		}
		if (ch == 'S') {
			if (nstart++ > 0)
				return err_at(err, where, line, col, "second start "
				    "cell 'S' (the first is at %d:%d)",
				    rowline[spos / g->cols], spos % g->cols + 1);
			spos = p;
		}
		if (ch >= '1' && ch <= '9') {
			if (g->nobj >= GRID_MAX_OBJECTS)
				return err_at(err, where, line, col, "map too big: "
				    "more than %d objects", GRID_MAX_OBJECTS);
			if (ch - '0' > g->ntypes)
				g->ntypes = ch - '0';
			g->obj_pos[g->nobj] = p;
			g->obj_type[g->nobj++] = ch - '1';
		}
		g->pos_cell[p] = g->ncell;
		g->cell_pos[g->ncell++] = p;
	}
	if (nstart == 0)
		return err_at(err, where, 0, 0, "no start cell 'S'");
	if (g->nterm == 0)
		return err_at(err, where, 0, 0, "no goal cell (G or A-H)");
	g->nw = g->ntypes + g->nletters;
	if (g->nw == 0)
		return err_at(err, where, 0, 0, "no features: the map needs "
		    "objects 1-9 or lettered goals A-H");
	g->start = spos;
	seen = xmalloc((size_t)npos);
	grid_reach(g, seen);
	for (t = 0; t < g->nterm; t++) {
		p = g->term_pos[t];
		if (!seen[p]) {
			free(seen);
			return err_at(err, where, rowline[p / g->cols],
			    p % g->cols + 1, "goal '%c' cannot be reached from "
			    "the start", g->map[p]);
		}
	}
	free(seen);
	g->nphi = g->nw + (g->has_goal && g->goal == GRID_GOAL_UNIT);
	g->nstates = (size_t)g->ncell << g->nobj;
	if (g->nstates * (size_t)g->nphi > GRID_MAX_STATE_FEATURES)
		return err_at(err, where, 0, 0, "map too big: %zu states x %d "
		    "features exceeds %zu", g->nstates, g->nphi,
		    GRID_MAX_STATE_FEATURES);
	g->nobs = g->nstates;
	g->start_state = (size_t)g->pos_cell[g->start];
	g->term_phi = xcalloc((size_t)g->nterm * (size_t)g->nphi, sizeof(double));
	for (t = 0; t < g->nterm; t++) {
		double *phi = g->term_phi + (size_t)t * (size_t)g->nphi;
		int ch = g->map[g->term_pos[t]], k;

		if (ch != 'G')
			phi[g->ntypes + ch - 'A'] = 1;
		else if (g->goal == GRID_GOAL_UNIT)
			phi[g->nw] = 1;
		else
			for (k = 0; k < g->nw; k++)
				phi[k] = 1;
	}
	g->dest = xmalloc((size_t)g->ncell * GRID_NACT * sizeof *g->dest);
	g->dest_obj = xmalloc((size_t)g->ncell * GRID_NACT * sizeof *g->dest_obj);
	for (c = 0; c < g->ncell; c++) {
		int r0 = g->cell_pos[c] / g->cols, c0 = g->cell_pos[c] % g->cols;

		for (a = 0; a < GRID_NACT; a++) {
			int r2 = r0 + grid_dr[a], c2 = c0 + grid_dc[a], q, k;
			int *d = &g->dest[c * GRID_NACT + a];
			int *o = &g->dest_obj[c * GRID_NACT + a];

			*d = c;
			*o = -1;
			if (r2 < 0 || r2 >= g->rows || c2 < 0 || c2 >= g->cols)
				continue;
			q = r2 * g->cols + c2;
			if (g->pos_cell[q] == -1)
				continue;
			if (g->pos_cell[q] < -1) {
				*d = g->pos_cell[q] + 1;
				continue;
			}
			*d = g->pos_cell[q];
			for (k = 0; k < g->nobj; k++)
				if (g->obj_pos[k] == q)
					*o = k;
		}
	}
	return 0;
}

sx_grid *
grid_parse(const char *text, const char *where, const grid_opts *o,
    sx_err *err)
{
	sx_grid *g = xcalloc(1, sizeof *g);
	int rowline[GRID_MAX_SIDE];

	g->kind = GRID_TABULAR;
	g->gamma = 0.95;
	g->horizon = 200;
	if (o != NULL) {
		g->goal = o->goal;
		g->seed = o->seed;
	}
	if (text == NULL) {
		err_set(err, "no map text");
		goto fail;
	}
	if (grid_read_rows(g, text, where, rowline, err) != 0)
		goto fail;
	if (o != NULL && o->slip_set) {
		if (!(o->slip >= 0 && o->slip <= 1)) {
			err_set(err, "slip must be in [0, 1]");
			goto fail;
		}
		g->slip = o->slip;
	}
	if (grid_build(g, where, rowline, err) != 0)
		goto fail;
	if (g->name == NULL)
		g->name = xstrdup(where != NULL ? where : "map");
	return g;
fail:
	grid_free(g);
	return NULL;
}

/* Foraging: the struct for sampling, with an example layout in `map`. */
static sx_grid *
grid_foraging(const grid_opts *o, sx_err *err)
{
	sx_grid *g = xcalloc(1, sizeof *g);
	grid_run run;
	gsl_rng *rng;
	int p;

	g->name = xstrdup("foraging");
	g->kind = GRID_FORAGING;
	g->rows = g->cols = GRID_FORAGE_SIDE;
	g->gamma = 0.95;
	g->horizon = 200;
	g->ntypes = 2;
	g->nw = g->nphi = 2;
	g->forage_per_type = 6;
	g->nobs = 81;
	g->start = (GRID_FORAGE_SIDE / 2) * GRID_FORAGE_SIDE + GRID_FORAGE_SIDE / 2;
	if (o != NULL) {
		if (o->slip_set && !(o->slip >= 0 && o->slip <= 1)) {
			err_set(err, "slip must be in [0, 1]");
			grid_free(g);
			return NULL;
		}
		g->slip = o->slip_set ? o->slip : 0;
		g->seed = o->seed;
	}
	rng = grid_rng(g->seed);
	grid_reset(g, &run, GRID_TERMINAL, rng);
	gsl_rng_free(rng);
	g->map = xmalloc(GRID_FORAGE_CELLS);
	for (p = 0; p < GRID_FORAGE_CELLS; p++)
		g->map[p] = run.layout[p] != 0 ? (char)('0' + run.layout[p]) : '.';
	g->map[g->start] = 'S';
	return g;
}

sx_grid *
grid_builtin(const char *name, const grid_opts *o, sx_err *err)
{
	size_t i;

	for (i = 0; name != NULL && i < GRID_NBUILTIN; i++) {
		if (strcmp(name, grid_builtins[i].name) != 0)
			continue;
		if (grid_builtins[i].text == NULL)
			return grid_foraging(o, err);
		return grid_parse(grid_builtins[i].text, name, o, err);
	}
	err_set(err, "unknown grid '%s' (built in: fourroom, corners, "
	    "foraging)", name != NULL ? name : "");
	return NULL;
}

sx_grid *
grid_load_file(const char *path, const grid_opts *o, sx_err *err)
{
	FILE *f = fopen(path, "rb");
	char *buf;
	size_t n = 0, cap = 4096;
	sx_grid *g;

	if (f == NULL)
		return (err_at(err, path, 0, 0, "cannot open: %s",
		    strerror(errno)), NULL);
	buf = xmalloc(cap);
	for (;;) {
		size_t got = fread(buf + n, 1, cap - n - 1, f);

		n += got;
		if (got == 0)
			break;
		if (n + 1 == cap) {
			if (cap >= (size_t)1 << 20) {
				fclose(f);
				free(buf);
				return (err_at(err, path, 0, 0, "map too big: "
				    "file over 1 MB"), NULL);
			}
			cap *= 2;
			buf = xreallocarray(buf, cap, 1);
		}
	}
	if (ferror(f)) {
		fclose(f);
		free(buf);
		return (err_at(err, path, 0, 0, "read error"), NULL);
	}
	fclose(f);
	buf[n] = '\0';
	if (memchr(buf, '\0', n) != NULL) {
		free(buf);
		return (err_at(err, path, 0, 0, "not a text map (NUL byte)"),
		    NULL);
	}
	g = grid_parse(buf, path, o, err);
	free(buf);
	return g;
}

sx_grid *
grid_load(const char *name_or_path, const grid_opts *o, sx_err *err)
{
	size_t i;

	if (name_or_path == NULL)
		return (err_set(err, "no grid named"), NULL);
	for (i = 0; i < GRID_NBUILTIN; i++)
		if (strcmp(name_or_path, grid_builtins[i].name) == 0)
			return grid_builtin(name_or_path, o, err);
	return grid_load_file(name_or_path, o, err);
}
