/* lm.h: one damped Newton / Levenberg-Marquardt driver with pluggable steps. */
#ifndef SX_LM_H
#define SX_LM_H

#include <stddef.h>

/* How the damped system (H + mu D) s = -g is solved, and what a failure
 * means. LM_LU: Gaussian elimination (H a Gauss-Newton model, positive
 * semidefinite); singular counts as a rejected step. LM_CHOLESKY: H an
 * exact Hessian that may be indefinite; mu is raised until H + mu D is
 * positive definite, and the run ends when mu passes 1e30. */
enum lm_solver { LM_LU, LM_CHOLESKY };

/*
 * The problem, as callbacks on the caller's state ctx, over k variables
 * (the free parameters in the units the step is taken in).
 */
typedef struct lm_ops {
	size_t k;
	enum lm_solver solver;
	/* The gradient g (k) and the Hessian or a Hessian model H (k x k,
	 * full, row-major) of the objective at the current point. Called
	 * before the first trial and after each accept, before the next. */
	void (*derive)(void *ctx, double *g, double *H);
	/* The objective at the current point moved by the step s (k): the
	 * trial point, kept until the next trial. +Inf when not finite. */
	double (*trial)(void *ctx, const double *s);
	/* Make the trial point the current one. */
	void (*accept)(void *ctx);
	/* Variable j at the current point (the scale of the tests). */
	double (*var)(void *ctx, size_t j);
	/* Optional: after an accepted step that did not converge, with the
	 * new objective; non-zero ends the run. */
	int (*stop)(void *ctx, double F);
} lm_ops;

typedef struct lm_out {
	double obj;       /* the objective at the last accepted point */
	int iterations;   /* accepted steps (the cap counts rejected ones too) */
	int converged;
	int stopped;      /* ended by ops->stop */
} lm_out;

/*
 * Minimise from the current point, where the objective is F, in at most
 * maxit trials. A step is
 * accepted when it lowers the objective and the ratio of actual to
 * predicted decrease exceeds 1e-4; then mu shrinks by 3 (ratio > 0.75) or
 * doubles (< 0.25); a rejection multiplies it by 4. Converged: an
 * accepted step changing no variable by more than 1e-9 (1 + |x|) and the
 * objective by at most 1e-13 of it, or a gradient (times max(1, |x|)) at
 * 1e-12 of the objective; after 41 rejections in a row, a gradient at
 * 1e-6 of it.
 */
void lm_run(const lm_ops *ops, void *ctx, double F, int maxit, lm_out *out);

/* Solve A s = b (k x k, row-major, in place: s overwrites b) by Gaussian
 * elimination with partial pivoting; -1 when singular. */
int lm_solve_lu(double *A, double *b, size_t k);
/* The same by Cholesky; -1 when A is not positive definite. */
int lm_solve_chol(double *A, double *b, size_t k);

#endif
