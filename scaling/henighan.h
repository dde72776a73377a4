/* henighan.h: Henighan et al. 2020's findings beyond Table 1: multimodal
 * information gain, ImageNet classification after generative pre-training,
 * and the mathematics extrapolation law. */
#ifndef SX_HENIGHAN_H
#define SX_HENIGHAN_H

#include "base/err.h"

/*
 * InfoGain(N) = (N/N0)^p: the share of a caption's information a
 * text-to-image model of N parameters uses to define the image. The law
 * goes through the two points the paper quotes (preset
 * henighan2020-infogain: fraction f1 at N1, f2 at N2), so
 * p = ln(f2/f1) / ln(N2/N1) and N0 = N1 f1^(-1/p).
 */
typedef struct sx_infogain {
	double N1, f1, N2, f2;   /* the quoted points */
	double p, N0;            /* the law through them */
} sx_infogain;

/* The law from the preset; -1 with err set when it is missing or bad. */
int infogain_law(sx_infogain *ig, sx_err *err);
double infogain_at(const sx_infogain *ig, double N);
/* The N at which InfoGain reaches fraction f (0 < f <= 1). */
double infogain_size(const sx_infogain *ig, double f);

/*
 * ImageNet classification loss (nats) against model size N:
 * fine-tuned from the generative model, Lft(N) = A N^-alpha, a power law
 * that keeps falling; trained from scratch, Ls(N) = As N^-as + (N/No)^g,
 * which overfits and rises past its minimum
 * N* = ((as/g) As No^g)^(1/(as+g)). The generative loss beside them is
 * Table 1's 32x32 image law Lgen(N) = Linf + (x0/N)^ag.
 */
typedef struct sx_imagenet {
	double A, alpha;            /* fine-tuned */
	double As, as, No, g;       /* from scratch */
	double linf, x0, ag;        /* generative, nats/token */
} sx_imagenet;

int imagenet_law(sx_imagenet *in, sx_err *err);
double imagenet_ft(const sx_imagenet *in, double N);
double imagenet_scratch(const sx_imagenet *in, double N);
double imagenet_gen(const sx_imagenet *in, double N);
/* The size where from-scratch training is best (and gets worse after). */
double imagenet_scratch_best(const sx_imagenet *in);
/*
 * The size from which the generative loss's reducible part is below
 * `share` of its total: where pre-training "levels off" while the
 * fine-tuned classification loss still falls.
 */
double imagenet_gen_flat(const sx_imagenet *in, double share);

#endif
