/* figures-crossover.c: binding a crossover's laws, and its figure. */
#include "config.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "base/xalloc.h"
#include "scaling/columns.h"
#include "scaling/presets.h"
#include "scaling/units.h"
#include "sessions/figures.h"
#include "sessions/figures-impl.h"

double
figures_cscale(const sx_workspace *ws, const sx_fitrec *f)
{
	const sx_dataset *ds = ws_dataset(ws, f->data);
	int c;

	if (ds != NULL && f->nx == 1 && (c = dataset_column_exact(ds,
	    f->xcols[0])) >= 0 && ds->cols[c].unit != NULL &&
	    (strcasecmp(ds->cols[c].unit, "PF-days") == 0 ||
	    strcasecmp(ds->cols[c].unit, "pfdays") == 0))
		return 1.0;
	return SX_FLOP_PER_PFDAY;
}

/* The canonical name of a column name, or "" when it has none. */
static const char *
figures_canon(const char *name)
{
	const char *c = column_canonical(name);

	return c != NULL ? c : "";
}

int
figures_xspec_auto(const sx_workspace *ws, figures_xspec *spec)
{
	const char **slot[4] = { &spec->compute, &spec->data, &spec->dline,
	    &spec->nline };
	int n = 0;

	for (size_t i = ws->nfits; i-- > 0;) {
		const sx_fitrec *f = ws->fits[i];
		const sx_model *m = ws_model(ws, f->model);
		const char *x, *y;
		int role = -1;

		if (m == NULL || m->nin != 1 || f->nx != 1)
			continue;
		x = figures_canon(f->xcols[0]);
		y = figures_canon(f->ycol);
		if (strcmp(x, "C") == 0 && strcmp(y, "L") == 0)
			role = 0;
		else if (strcmp(x, "D") == 0 && strcmp(y, "L") == 0)
			role = 1;
		else if (strcmp(x, "C") == 0 && strcmp(y, "D") == 0)
			role = 2;
		else if (strcmp(x, "C") == 0 && strcmp(y, "N") == 0)
			role = 3;
		if (role < 0 || *slot[role] != NULL)
			continue;
		*slot[role] = f->name;
		n++;
	}
	return n;
}

const char *const figures_law_what[FIGURES_NLAWS] = { "compute law L(C)",
	"data law L(D)", "data line D(C)", "size line N(C)" };

/*
 * Write a pl/plc fit into the power-law parameters (C in PF-days after the
 * scale s). Returns 0 when it could, -1 for another model.
 */
static int
figures_fit_params(const sx_model *m, const double *p, double s, int which,
    sx_xover_params *kp)
{
	int pl = strcmp(m->name, "pl") == 0, plc = strcmp(m->name, "plc") == 0;
	double linf, x0, al;

	if (m != model_builtin(m->name) || (!pl && !plc))
		return -1;
	if (which == FIGURES_LAW_DLINE || which == FIGURES_LAW_NLINE) {
		/* A*(s*C)^-alpha = (A*s^-alpha)*C^-alpha */
		if (!pl)
			return -1;
		if (which == FIGURES_LAW_DLINE) {
			kp->D_e = p[0] * exp(-p[1] * log(s));
			kp->p_D = -p[1];
		} else {
			kp->N_e = p[0] * exp(-p[1] * log(s));
			kp->p_N = -p[1];
		}
		return 0;
	}
	if (pl) {
		/* A*x^-alpha = (A^(1/alpha)/x)^alpha */
		if (!(p[1] > 0.0) || !(p[0] > 0.0))
			return -1;
		linf = 0.0;
		x0 = exp(log(p[0]) / p[1]);
		al = p[1];
	} else {
		linf = p[0];
		x0 = p[1];
		al = p[2];
	}
	if (which == FIGURES_LAW_C) {
		kp->Linf_C = linf;
		kp->C_c = x0 / s;
		kp->alpha_C = al;
	} else {
		kp->Linf_D = linf;
		kp->D_c = x0;
		kp->alpha_D = al;
	}
	return 0;
}

/* Apply "P=V,P=V" to kp; a law's values are not the user's to set when
 * the law comes from a fit. */
static int
figures_xover_set(const char *text, sx_xover_params *kp,
    const unsigned char *from_fit, sx_err *e)
{
	static const int owner[] = { FIGURES_LAW_C, FIGURES_LAW_C, FIGURES_LAW_C,
	    FIGURES_LAW_D, FIGURES_LAW_D, FIGURES_LAW_D, FIGURES_LAW_DLINE,
	    FIGURES_LAW_DLINE, FIGURES_LAW_NLINE, FIGURES_LAW_NLINE };
	char *copy = xstrdup(text), *save = NULL;
	int rc = 0;

	for (char *tok = strtok_r(copy, ",", &save); tok != NULL;
	    tok = strtok_r(NULL, ",", &save)) {
		char *eq = strchr(tok, '='), *end;
		double *v, x;
		size_t i;

		if (eq == NULL) {
			rc = err_set(e, "expected P=V, not '%s'", tok);
			break;
		}
		*eq = '\0';
		if ((v = crossover_param(kp, tok)) == NULL) {
			rc = err_set(e, "'%s' is not a crossover parameter (alpha_C, "
			    "C_c, Linf_C, alpha_D, D_c, Linf_D, D_e, p_D, N_e, p_N)",
			    tok);
			break;
		}
		for (i = 0; strcmp(crossover_param_names[i], tok) != 0; i++)
			;
		if (from_fit[owner[i]]) {
			rc = err_set(e, "%s belongs to the %s, which comes from a fit "
			    "(change the fit with 'set')", tok,
			    figures_law_what[owner[i]]);
			break;
		}
		x = strtod(eq + 1, &end);
		if (end == eq + 1 || *end != '\0' || !isfinite(x)) {
			rc = err_set(e, "%s: '%s' is not a number", tok, eq + 1);
			break;
		}
		*v = x;
	}
	free(copy);
	return rc;
}

/* The fits of spec into b->fitlaw and (pl, plc) b->kp. */
static int
figures_xover_fits(const sx_workspace *ws, const figures_xspec *spec,
    figures_xlaws *b, sx_err *e, int *errarg)
{
	const char *names[FIGURES_NLAWS] = { spec->compute, spec->data,
	    spec->dline, spec->nline };

	for (int w = 0; w < FIGURES_NLAWS; w++) {
		const sx_fitrec *f;
		const sx_model *m;

		if (names[w] == NULL)
			continue;
		*errarg = FIGURES_XARG_COMPUTE + w;
		if ((f = ws_fit(ws, names[w])) == NULL)
			return err_set(e, "no fit '%s' (see 'fits')", names[w]);
		if ((m = ws_model(ws, f->model)) == NULL)
			return err_set(e, "the model '%s' of fit '%s' no longer "
			    "exists", f->model, f->name);
		if (m->nin != 1)
			return err_set(e, "the %s must be a law of one column; fit "
			    "'%s' (%s) has %zu", figures_law_what[w], f->name, m->name,
			    m->nin);
		b->from_fit[w] = 1;
		b->fitlaw[w] = (sx_law1){ m, f->res.p, w == FIGURES_LAW_D ? 1.0 :
		    figures_cscale(ws, f) };
		if (figures_fit_params(m, f->res.p, b->fitlaw[w].xscale, w,
		    &b->kp) != 0)
			b->generic = 1;
	}
	return 0;
}

/* Whether every law has its values: the preset's, --set's or a fit's. */
static int
figures_xover_complete(const figures_xspec *spec, const figures_xlaws *b,
    sx_err *e, int *errarg)
{
	sx_xover_params chk = b->kp;
	const sx_xover_params *kp = &b->kp;
	char miss[160];

	if (b->generic && b->from_fit[FIGURES_LAW_C])
		chk.alpha_C = chk.C_c = chk.Linf_C = 0;
	if (b->generic && b->from_fit[FIGURES_LAW_D])
		chk.alpha_D = chk.D_c = chk.Linf_D = 0;
	if (b->generic && b->from_fit[FIGURES_LAW_DLINE])
		chk.D_e = chk.p_D = 0;
	*errarg = FIGURES_XARG_PRESET;
	if (crossover_params_missing(&chk, miss, sizeof miss) > 0)
		return err_set(e, "%s%s publishes no value for %s: give %s with "
		    "--set P=V,... or a fitted law (--data FIT, --dline FIT)",
		    spec->preset != NULL ? "preset " : "", spec->preset != NULL ?
		    spec->preset : "the crossover", miss, strchr(miss, ',') !=
		    NULL ? "them" : "it");
	if (!b->generic && (!(kp->C_c > 0) || !(kp->D_c > 0) || !(kp->D_e > 0) ||
	    (!isnan(kp->N_e) && !(kp->N_e > 0)))) {
		if (spec->set != NULL)
			*errarg = FIGURES_XARG_SET;
		return err_set(e, "C_c, D_c, D_e and N_e must be > 0");
	}
	return 0;
}

int
figures_xover_bind(const sx_workspace *ws, const figures_xspec *spec,
    figures_xlaws *b, sx_err *e, int *errarg)
{
	memset(b, 0, sizeof *b);
	b->kp = (sx_xover_params){ NAN, NAN, 0.0, NAN, NAN, 0.0, NAN, NAN, NAN,
	    NAN };
	*errarg = FIGURES_XARG_PRESET;
	if (spec->preset != NULL) {
		const sx_preset *p = preset_find(spec->preset);

		if (p == NULL)
			return err_set(e, "no preset '%s' (crossover takes kaplan2020 "
			    "or henighan2020-*; fitted laws go in --compute, --data, "
			    "--dline, --nline)", spec->preset);
		if (crossover_params_preset(p, spec->data_line, &b->kp, e) != 0) {
			if (spec->data_line != NULL && strstr(e->msg, "data line") !=
			    NULL)
				*errarg = FIGURES_XARG_DATA_LINE;
			return -1;
		}
	} else if (spec->data_line != NULL) {
		*errarg = FIGURES_XARG_DATA_LINE;
		return err_set(e, "--data-line chooses a line of the kaplan2020 "
		    "preset; name it");
	}
	/* Fitted laws replace the preset's. */
	if (figures_xover_fits(ws, spec, b, e, errarg) != 0)
		return -1;
	*errarg = FIGURES_XARG_NONE;
	if (spec->preset == NULL && !(b->from_fit[FIGURES_LAW_C] &&
	    b->from_fit[FIGURES_LAW_D] && b->from_fit[FIGURES_LAW_DLINE]))
		return err_set(e, "crossover needs a preset (kaplan2020, "
		    "henighan2020-*) or fits for --compute, --data and --dline");
	*errarg = FIGURES_XARG_SET;
	if (spec->set != NULL && figures_xover_set(spec->set, &b->kp,
	    b->from_fit, e) != 0)
		return -1;
	if (b->generic && (spec->power || spec->set != NULL))
		for (int w = 0; w < FIGURES_NLAWS; w++)
			if (b->from_fit[w] && figures_fit_params(b->fitlaw[w].m,
			    b->fitlaw[w].p, b->fitlaw[w].xscale, w,
			    &(sx_xover_params){ 0 }) != 0) {
				const char *opt = spec->power ? "--sensitivity" : "--set";

				*errarg = spec->power ? FIGURES_XARG_POWER :
				    FIGURES_XARG_SET;
				return err_set(e, "%s needs power laws; the %s is a fit "
				    "of %s", opt, figures_law_what[w],
				    b->fitlaw[w].m->name);
			}
	/* The laws: the power-law parameters, with generic fits swapped in. */
	crossover_bind(&b->kp, &b->bound);
	b->laws = b->bound.laws;
	if (b->generic) {
		sx_law1 *slot[FIGURES_NLAWS] = { &b->laws.lc, &b->laws.ld,
		    &b->laws.dline, &b->laws.nline };

		for (int w = 0; w < FIGURES_NLAWS; w++)
			if (b->from_fit[w])
				*slot[w] = b->fitlaw[w];
	}
	return figures_xover_complete(spec, b, e, errarg);
}

static double
figures_xlc(double C, void *laws)
{
	double lc, ld;

	crossover_curves(laws, C, &lc, &ld);
	return lc;
}

static double
figures_xld(double C, void *laws)
{
	double lc, ld;

	crossover_curves(laws, C, &lc, &ld);
	return ld;
}

/* The band from C* to three decades out on the side where the laws
 * disagree. */
static int
figures_xover_band(px_figure *f, const sx_xover_laws *laws,
    const sx_xover *r, px_err *pe)
{
	enum { NB = 120 };
	double bx[NB], blo[NB], bhi[NB];
	int side = r->inconsistent_above ? 1 : -1;

	for (int i = 0; i < NB; i++) {
		double t = (double)i / (NB - 1), lc, ld;

		bx[i] = r->C_star_pfdays * pow(1e3, side * t);
		crossover_curves(laws, bx[i], &lc, &ld);
		blo[i] = fmin(lc, ld);
		bhi[i] = fmax(lc, ld);
	}
	return figure_band(f, "inconsistent", bx, blo, bhi, NB, pe) < 0 ? -1 : 0;
}

figures_fig *
figures_crossover(const sx_workspace *ws, const figures_xspec *spec,
    sx_xover *r, sx_err *e, int *errarg)
{
	figures_fig *ff = figures_new();
	sx_xover x;
	px_err pe;
	char *title;
	int arg, rc;

	if (errarg == NULL)
		errarg = &arg;
	if (ff == NULL) {
		*errarg = FIGURES_XARG_NONE;
		err_set(e, "out of memory");
		return NULL;
	}
	if (figures_xover_bind(ws, spec, &ff->x, e, errarg) != 0) {
		figures_free(ff);
		return NULL;
	}
	*errarg = FIGURES_XARG_RANGE;
	if (crossover_find(&ff->x.laws, spec->c_lo, spec->c_hi, &x, e) != 0) {
		figures_free(ff);
		return NULL;
	}
	if (r != NULL)
		*r = x;
	*errarg = FIGURES_XARG_NONE;
	title = xasprintf("C* = %.4g PF-days, L* = %.4g", x.C_star_pfdays,
	    x.L_star);
	figure_set_log(ff->f, 1, 1);
	figure_set_range(ff->f, x.C_star_pfdays / 1e3, x.C_star_pfdays * 1e3,
	    NAN, NAN);
	rc = figure_function(ff->f, "L(C_min), compute frontier", figures_xlc,
	    &ff->x.laws, &pe) < 0 || figure_function(ff->f, "L(D(C_min)), data "
	    "bound", figures_xld, &ff->x.laws, &pe) < 0 ||
	    figures_xover_band(ff->f, &ff->x.laws, &x, &pe) != 0 ||
	    figure_highlight(ff->f, "C*", x.C_star_pfdays, x.L_star, &pe) < 0;
	if (!rc && (figure_set_title(ff->f, title) != 0 ||
	    figure_set_labels(ff->f, "C_min (PF-days)", "L (nats/token)") != 0)) {
		perr_set(&pe, "out of memory");
		rc = 1;
	}
	free(title);
	if (rc) {
		err_set(e, "%s", pe.msg);
		figures_free(ff);
		return NULL;
	}
	return ff;
}

figures_fig *
figures_crossover_pane(const sx_workspace *ws, figures_xspec *spec,
    sx_err *e)
{
	figures_xspec s = FIGURES_XSPEC_DEFAULT;

	figures_xspec_auto(ws, &s);
	if (spec != NULL)
		*spec = s;
	return figures_crossover(ws, &s, NULL, e, NULL);
}
