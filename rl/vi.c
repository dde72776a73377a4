/* vi.c: value iteration, policy evaluation and successor features by levels
 * of the collected set (see the note in vi.h). */
#include "config.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "base/xalloc.h"
#include "rl/vi.h"

#define VI_MAX_SWEEPS 200000

enum vi_mode { VI_OPT, VI_EVAL, VI_PSI };

/* One solve: X is nstates * K (K = 1 for values, nphi for psi). */
typedef struct vi_job {
	const sx_grid *g;
	enum vi_mode mode;
	const unsigned char *pi;
	const double *w;
	int K;
	double *X;
	double tol;
	/* scratch for one collected set */
	int *inl;      /* ncell*4: cell within the set, or -1 when leaving it */
	double *con;   /* ncell*4*K: reward plus discounted value when leaving */
} vi_job;

/* Probability that action a is carried out as b. */
static double
vi_prob(const sx_grid *g, int a, int b)
{
	if (g->slip <= 0)
		return a == b ? 1 : 0;
	return g->slip / GRID_NACT + (a == b ? 1 - g->slip : 0);
}

/* Fill inl / con for collected set m. */
static void
vi_prepare(vi_job *j, uint32_t m)
{
	const sx_grid *g = j->g;
	size_t ncell = (size_t)g->ncell, c, K = (size_t)j->K;
	int b, k;

	for (c = 0; c < ncell; c++) {
		for (b = 0; b < GRID_NACT; b++) {
			size_t cb = c * GRID_NACT + (size_t)b;
			int d = g->dest[cb], o = g->dest_obj[cb];
			double *con = j->con + cb * K;

			j->inl[cb] = -1;
			if (d < 0) {
				const double *phi = g->term_phi +
				    (size_t)(-1 - d) * (size_t)g->nphi;

				if (j->mode == VI_PSI) {
					memcpy(con, phi, K * sizeof *con);
				} else {
					con[0] = 0;
					for (k = 0; k < g->nphi; k++)
						con[0] += j->w[k] * phi[k];
				}
			} else if (o >= 0 && !((m >> o) & 1u)) {
				size_t next = (size_t)(m | 1u << o) * ncell +
				    (size_t)d;
				const double *xn = j->X + next * K;
				int type = g->obj_type[o];

				if (j->mode == VI_PSI) {
					for (k = 0; k < j->K; k++)
						con[k] = g->gamma * xn[k];
					con[type] += 1;
				} else {
					con[0] = j->w[type] + g->gamma * xn[0];
				}
			} else {
				j->inl[cb] = d;
				memset(con, 0, K * sizeof *con);
			}
		}
	}
}

/* One Gauss-Seidel update of cell c under action a (values x of the set):
 * out = (sum_b p (con + gamma [inl] x_next, excluding self) ) / (1 - gamma
 * p_self). Returns nothing; out has K entries. */
static void
vi_backup(const vi_job *j, const double *x, size_t c, int a, double *out)
{
	const sx_grid *g = j->g;
	size_t K = (size_t)j->K;
	double self = 0;
	int b, k;

	for (k = 0; k < j->K; k++)
		out[k] = 0;
	for (b = 0; b < GRID_NACT; b++) {
		size_t cb = c * GRID_NACT + (size_t)b;
		double p = vi_prob(g, a, b);
		const double *con = j->con + cb * K;
		int d = j->inl[cb];

		if (p == 0)
			continue;
		if (d == (int)c) {
			self += p;
			continue;
		}
		for (k = 0; k < j->K; k++)
			out[k] += p * con[k];
		if (d >= 0)
			for (k = 0; k < j->K; k++)
				out[k] += p * g->gamma * x[(size_t)d * K + (size_t)k];
	}
	if (self > 0)
		for (k = 0; k < j->K; k++)
			out[k] /= 1 - g->gamma * self;
}

/* One sweep of a deterministic world (no slip): each action has a single
 * outcome, and a blocked move (a self-loop with phi = 0) is worth 0, the
 * closed form of x = gamma x. Returns the largest change. */
static double
vi_sweep_det(vi_job *j, uint32_t m, double *x, int backward)
{
	const sx_grid *g = j->g;
	size_t ncell = (size_t)g->ncell, K = (size_t)j->K, i, k;
	const unsigned char *pi = j->pi != NULL ? j->pi + (size_t)m * ncell :
	    NULL;
	double delta = 0, gam = g->gamma;

	for (i = 0; i < ncell; i++) {
		size_t c = backward ? ncell - 1 - i : i;
		double *xc = x + c * K;

		if (j->mode == VI_OPT) {
			double best = -HUGE_VAL, v;
			int a;

			for (a = 0; a < GRID_NACT; a++) {
				size_t cb = c * GRID_NACT + (size_t)a;
				int d = j->inl[cb];

				v = d < 0 ? j->con[cb] : d == (int)c ? 0 :
				    gam * x[d];
				if (v > best)
					best = v;
			}
			if (fabs(best - xc[0]) > delta)
				delta = fabs(best - xc[0]);
			xc[0] = best;
		} else {
			size_t cb = c * GRID_NACT + pi[c];
			int d = j->inl[cb];

			for (k = 0; k < K; k++) {
				double v = d < 0 ? j->con[cb * K + k] :
				    d == (int)c ? 0 : gam * x[(size_t)d * K + k];

				if (fabs(v - xc[k]) > delta)
					delta = fabs(v - xc[k]);
				xc[k] = v;
			}
		}
	}
	return delta;
}

/* Sweep set m to convergence; x points at its first cell's values. */
static int
vi_sweep_set(vi_job *j, uint32_t m, sx_err *err)
{
	const sx_grid *g = j->g;
	size_t ncell = (size_t)g->ncell, K = (size_t)j->K, i;
	double *x = j->X + (size_t)m * ncell * K, out[GRID_MAX_PHI];
	int sweep, a, k;

	for (sweep = 0; sweep < VI_MAX_SWEEPS; sweep++) {
		double delta = 0;

		if (g->slip <= 0) {
			delta = vi_sweep_det(j, m, x, sweep % 2);
			if (delta <= j->tol)
				return 0;
			continue;
		}
		for (i = 0; i < ncell; i++) {
			size_t c = sweep % 2 == 0 ? i : ncell - 1 - i;
			double *xc = x + c * K;

			if (j->mode == VI_OPT) {
				double best = -HUGE_VAL;

				for (a = 0; a < GRID_NACT; a++) {
					vi_backup(j, x, c, a, out);
					if (out[0] > best)
						best = out[0];
				}
				out[0] = best;
			} else {
				vi_backup(j, x, c, j->pi[(size_t)m * ncell + c],
				    out);
			}
			for (k = 0; k < j->K; k++) {
				double dx = fabs(out[k] - xc[k]);

				if (dx > delta)
					delta = dx;
				xc[k] = out[k];
			}
		}
		if (delta <= j->tol)
			return 0;
	}
	return err_set(err, "%s: solver did not converge in %d sweeps",
	    g->name, VI_MAX_SWEEPS);
}

/* Largest |reward| of any transition, for the convergence tolerance. */
static double
vi_reward_scale(const sx_grid *g, const double *w)
{
	double s = 1;
	int t, k;

	if (w == NULL)
		return g->nphi;
	for (k = 0; k < g->ntypes; k++)
		if (fabs(w[k]) > s)
			s = fabs(w[k]);
	for (t = 0; t < g->nterm; t++) {
		double r = 0;

		for (k = 0; k < g->nphi; k++)
			r += w[k] * g->term_phi[(size_t)t * (size_t)g->nphi +
			    (size_t)k];
		if (fabs(r) > s)
			s = fabs(r);
	}
	return s;
}

static int
vi_run(const sx_grid *g, enum vi_mode mode, const unsigned char *pi,
    const double *w, double *X, sx_err *err)
{
	vi_job j;
	size_t s, nsets;
	int rc = 0;

	if (g->kind != GRID_TABULAR)
		return err_set(err, "%s has no exact model (sampling only)",
		    g->name);
	if (pi != NULL)
		for (s = 0; s < g->nstates; s++)
			if (pi[s] >= GRID_NACT)
				return err_set(err, "policy has action %d at "
				    "state %zu", pi[s], s);
	memset(&j, 0, sizeof j);
	j.g = g;
	j.mode = mode;
	j.pi = pi;
	j.w = w;
	j.K = mode == VI_PSI ? g->nphi : 1;
	j.X = X;
	j.tol = 1e-14 * (1 + vi_reward_scale(g, mode == VI_PSI ? NULL : w) /
	    (1 - g->gamma));
	j.inl = xmalloc((size_t)g->ncell * GRID_NACT * sizeof *j.inl);
	j.con = xmalloc((size_t)g->ncell * GRID_NACT * (size_t)j.K *
	    sizeof *j.con);
	memset(X, 0, g->nstates * (size_t)j.K * sizeof *X);
	nsets = (size_t)1 << g->nobj;
	for (s = nsets; s-- > 0;) {
		vi_prepare(&j, (uint32_t)s);
		if ((rc = vi_sweep_set(&j, (uint32_t)s, err)) != 0)
			break;
	}
	free(j.inl);
	free(j.con);
	return rc;
}

void
vi_q(const sx_grid *g, const double *V, const double *wfull, size_t s,
    double *q)
{
	grid_outcome o[GRID_NACT];
	int a, n, i;

	for (a = 0; a < GRID_NACT; a++) {
		n = grid_outcomes(g, s, a, o);
		q[a] = 0;
		for (i = 0; i < n; i++)
			q[a] += o[i].p * (grid_outcome_reward(g, &o[i], wfull) +
			    (o[i].next == GRID_TERMINAL ? 0 :
			    g->gamma * V[o[i].next]));
	}
}

void
vi_psi_sa(const sx_grid *g, const double *psi, size_t s, int a, double *out)
{
	grid_outcome o[GRID_NACT];
	double phi[GRID_MAX_PHI];
	size_t K = (size_t)g->nphi;
	int n, i, k;

	for (k = 0; k < g->nphi; k++)
		out[k] = 0;
	n = grid_outcomes(g, s, a, o);
	for (i = 0; i < n; i++) {
		grid_outcome_phi(g, &o[i], phi);
		for (k = 0; k < g->nphi; k++)
			out[k] += o[i].p * (phi[k] + (o[i].next == GRID_TERMINAL ?
			    0 : g->gamma * psi[o[i].next * K + (size_t)k]));
	}
}

void
vi_greedy(const sx_grid *g, const double *V, const double *wfull,
    const int *tie, unsigned char *pi)
{
	double q[GRID_NACT];
	size_t s;

	for (s = 0; s < g->nstates; s++) {
		vi_q(g, V, wfull, s, q);
		pi[s] = (unsigned char)grid_argmax(q, tie);
	}
}

int
vi_optimal(const sx_grid *g, const double *wfull, const int *tie,
    double *V, unsigned char *pi, sx_err *err)
{
	if (!grid_tie_valid(tie))
		return err_set(err, "tie order is not a permutation of 0..3");
	if (vi_run(g, VI_OPT, NULL, wfull, V, err) != 0)
		return -1;
	if (pi != NULL)
		vi_greedy(g, V, wfull, tie, pi);
	return 0;
}

int
vi_evaluate(const sx_grid *g, const unsigned char *pi, const double *wfull,
    double *V, sx_err *err)
{
	return vi_run(g, VI_EVAL, pi, wfull, V, err);
}

int
vi_psi(const sx_grid *g, const unsigned char *pi, double *psi, sx_err *err)
{
	return vi_run(g, VI_PSI, pi, NULL, psi, err);
}

double
vi_residual_optimal(const sx_grid *g, const double *V, const double *wfull)
{
	double q[GRID_NACT], worst = 0;
	size_t s;
	int a;

	for (s = 0; s < g->nstates; s++) {
		double best = -HUGE_VAL;

		vi_q(g, V, wfull, s, q);
		for (a = 0; a < GRID_NACT; a++)
			if (q[a] > best)
				best = q[a];
		if (fabs(best - V[s]) > worst)
			worst = fabs(best - V[s]);
	}
	return worst;
}

double
vi_residual_eval(const sx_grid *g, const unsigned char *pi, const double *V,
    const double *wfull)
{
	double q[GRID_NACT], worst = 0;
	size_t s;

	for (s = 0; s < g->nstates; s++) {
		vi_q(g, V, wfull, s, q);
		if (fabs(q[pi[s]] - V[s]) > worst)
			worst = fabs(q[pi[s]] - V[s]);
	}
	return worst;
}

double
vi_residual_psi(const sx_grid *g, const unsigned char *pi, const double *psi)
{
	double out[GRID_MAX_PHI], worst = 0;
	size_t s, K = (size_t)g->nphi;
	int k;

	for (s = 0; s < g->nstates; s++) {
		vi_psi_sa(g, psi, s, pi[s], out);
		for (k = 0; k < g->nphi; k++)
			if (fabs(out[k] - psi[s * K + (size_t)k]) > worst)
				worst = fabs(out[k] - psi[s * K + (size_t)k]);
	}
	return worst;
}
