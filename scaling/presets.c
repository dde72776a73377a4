/* presets.c: the papers' published constants as named, cited presets. */
#include "config.h"

#include <math.h>
#include <stddef.h>
#include <string.h>

#include "scaling/presets.h"

/*
 * Every number here is typed from /work/shared/data/published-constants.md,
 * which names its source; each law's note says where in the paper it is and
 * its units. Compute is in PF-days (1 PF-day = 8.64e19 FLOP) unless a note
 * says FLOP; losses are nats per token.
 *
 * Parameter names follow the built-in models of model.c:
 *   plc         L = Linf + (x0/x)^alpha
 *   kaplan_nd   L = [(Nc/N)^(alphaN/alphaD) + Dc/D]^alphaD
 *   kaplan_ns   L = (Nc/N)^alphaN + (Sc/S)^alphaS
 *   chinchilla  L = E + A/N^alpha + B/D^beta
 *   datacon     L = E + A/N'^alpha + B/D'^beta (law_datacon.c)
 * Table 5's pure power laws L = (x_c/x)^alpha are plc with Linf = 0.
 */
static const char *const plc_names[] = { "Linf", "x0", "alpha" };
static const char *const pl_names[] = { "A", "alpha" };
static const char *const knd_names[] = { "Nc", "Dc", "alphaN", "alphaD" };
static const char *const kns_names[] = { "Nc", "alphaN", "Sc", "alphaS" };
static const char *const chin_names[] = { "E", "A", "alpha", "B", "beta" };

#define NELEM(a) (sizeof(a) / sizeof((a)[0]))

#define LAW_PLC(key, x, linf, x0, alpha, note) \
	{ key, "plc", x, 3, plc_names, (const double[]){ linf, x0, alpha }, note }

#define PRESET(name, title, cite, laws, consts) \
	{ name, title, cite, NELEM(laws), laws, NELEM(consts), consts }
#define PRESET_NOLAWS(name, title, cite, consts) \
	{ name, title, cite, 0, NULL, NELEM(consts), consts }

/* ---- Kaplan et al. 2020 ------------------------------------------------ */

#define CITE_KAPLAN "Kaplan, McCandlish, Henighan, Brown, Chess, Child, " \
	"Gray, Radford, Wu, Amodei (2020). Scaling Laws for Neural Language " \
	"Models. arXiv:2001.08361"

static const sx_preset_law kaplan_laws[] = {
	LAW_PLC("L(N)", "N", 0.0, 8.8e13, 0.076,
	    "Table 5: L(N) = (N_c/N)^alpha_N; N non-embedding parameters, "
	    "L nats/token"),
	LAW_PLC("L(D)", "D", 0.0, 5.4e13, 0.095,
	    "Table 5: L(D) = (D_c/D)^alpha_D; D tokens, L nats/token"),
	LAW_PLC("L(C)", "C", 0.0, 1.6e7, 0.057,
	    "Table 5: L(C) = (C_c/C)^alpha_C at a fixed batch size; "
	    "C in PF-days, L nats/token"),
	LAW_PLC("L(Cmin)", "C", 0.0, 3.1e8, 0.050,
	    "Table 5: L(C_min) = (C_c^min/C_min)^alpha_C^min; C_min in PF-days "
	    "(compute at the critical batch size, eq. 5.5), L nats/token"),
	{ "L(N,D)", "kaplan_nd", NULL, 4, knd_names,
	    (const double[]){ 6.4e13, 1.8e13, 0.076, 0.103 },
	    "eq. 1.5 with the Table 2 refit: L = [(N_c/N)^(alpha_N/alpha_D) + "
	    "D_c/D]^alpha_D; N non-embedding parameters, D tokens, "
	    "L nats/token" },
	{ "L(N,S)", "kaplan_ns", NULL, 4, kns_names,
	    (const double[]){ 6.5e13, 0.077, 2.1e3, 0.76 },
	    "eq. 1.6 with the Table 3 refit: L = (N_c/N)^alpha_N + "
	    "(S_c/S_min)^alpha_S; N non-embedding parameters, S_min steps "
	    "(eq. 5.4), L nats/token" },
};

static const sx_preset_const kaplan_consts[] = {
	{ "B_star", 2.1e8, "Table 5: B_crit scale B*, tokens" },
	{ "alpha_B", 0.21, "Table 5: B_crit(L) = B*/L^(1/alpha_B)" },
	{ "N_e", 1.3e9, "Table 6: N_opt = N_e*C_min^p_N, parameters, "
	    "C_min in PF-days" },
	{ "p_N", 0.73, "Table 6: exponent of N_opt(C_min)" },
	{ "B_e", 2.0e6, "Table 6: B = B_e*C_min^p_B, tokens, C_min in PF-days" },
	{ "p_B", 0.24, "Table 6: exponent of B(C_min)" },
	{ "S_e", 5.4e3, "Table 6: S_min = S_e*C_min^p_S, steps, "
	    "C_min in PF-days" },
	{ "p_S", 0.03, "Table 6: exponent of S_min(C_min)" },
	{ "D_e", 2e10, "Table 6: D_opt = D_e*C_min^p_D (1 epoch), tokens, "
	    "C_min in PF-days" },
	{ "p_D", 0.27, "Table 6: exponent of D_opt(C_min)" },
	{ "D_e_eq67", 4e10, "eq. 6.7: D = D_e_eq67*C_min^p_D_eq67, tokens, "
	    "C_min in PF-days (about 2x Table 6's line)" },
	{ "p_D_eq67", 0.26, "eq. 6.7: exponent of the data line" },
	{ "C_star_pfdays", 1e4, "eq. 6.8, stated value: C* ~ 1e4 PF-days where "
	    "L(C_min) meets L(D(C_min)); uncertain by 10x either way" },
	{ "N_star", 1e12, "eq. 6.8, stated value: N* ~ 1e12 parameters" },
	{ "D_star", 1e12, "eq. 6.8, stated value: D* ~ 1e12 tokens" },
	{ "L_star", 1.7, "eq. 6.8, stated value: L* ~ 1.7 nats/token" },
};

/* ---- Hoffmann et al. 2022 and Besiroglu et al. 2024 --------------------- */

#define CITE_HOFFMANN "Hoffmann, Borgeaud, Mensch, Buchatskaya, Cai, " \
	"Rutherford, et al. (2022). Training Compute-Optimal Large Language " \
	"Models. arXiv:2203.15556"

#define NOTE_CHIN "L = E + A/N^alpha + B/D^beta; N parameters, D tokens, " \
	"L nats/token; frontier with C = 6ND in FLOP"

static const sx_preset_law hoffmann_laws[] = {
	{ "L(N,D)", "chinchilla", NULL, 5, chin_names,
	    (const double[]){ 1.69, 406.4, 0.34, 410.7, 0.28 },
	    "App. D.2, approach 3, rounded: " NOTE_CHIN },
};

static const sx_preset_const hoffmann_consts[] = {
	{ "a_approach1", 0.50, "Table 2: N_opt ~ C^a, approach 1 "
	    "(minimum over training curves)" },
	{ "a_approach2", 0.49, "Table 2: N_opt ~ C^a, approach 2 (IsoFLOP)" },
	{ "a_approach3", 0.46, "Table 2: N_opt ~ C^a, approach 3 "
	    "(parametric fit)" },
	{ "a_kaplan", 0.73, "Table 2: N_opt ~ C^a as Kaplan et al. 2020" },
	{ "huber_delta", 1e-3, "App. D.2: Huber delta of the fit on log L" },
};

/*
 * The unrounded values are exp() of the logs the paper's source gives, so
 * they cannot be constant initialisers: presets_init fills this array once.
 */
static double hoffmann_unrounded_p[5];

static const sx_preset_law hoffmann_unrounded_laws[] = {
	{ "L(N,D)", "chinchilla", NULL, 5, chin_names, hoffmann_unrounded_p,
	    "App. D.2, approach 3, unrounded (E, A, B = exp of the source's "
	    "logs): " NOTE_CHIN },
};

static const sx_preset_const hoffmann_unrounded_consts[] = {
	{ "log_E", 0.5267228, "App. D.2 source: E = exp(log_E)" },
	{ "log_A", 6.0073404, "App. D.2 source: A = exp(log_A)" },
	{ "log_B", 6.0179186, "App. D.2 source: B = exp(log_B)" },
	{ "a_approach3", 0.46, "Table 2: N_opt ~ C^a, approach 3" },
};

#define CITE_BESIROGLU "Besiroglu, Erdil, Barnett, You (2024). Chinchilla " \
	"Scaling: A replication attempt. arXiv:2404.10102"

static const sx_preset_law besiroglu_laws[] = {
	{ "L(N,D)", "chinchilla", NULL, 5, chin_names,
	    (const double[]){ 1.817, 482.01, 0.3478, 2085.43, 0.3658 },
	    "refit of Hoffmann's approach 3 on 240 points read off its "
	    "Figure 4: " NOTE_CHIN },
};

static const sx_preset_const besiroglu_consts[] = {
	{ "se_E", 0.026, "standard error of E, 4,000 bootstrap refits" },
	{ "se_A", 124.5, "standard error of A, 4,000 bootstrap refits" },
	{ "se_alpha", 0.015, "standard error of alpha, 4,000 bootstrap refits" },
	{ "se_B", 1293.0, "standard error of B, 4,000 bootstrap refits" },
	{ "se_beta", 0.021, "standard error of beta, 4,000 bootstrap refits" },
	{ "n_points", 240.0, "data points of the refit (chinchilla_epoch.csv "
	    "less its 5 highest-loss rows)" },
	{ "n_bootstrap", 4000.0, "bootstrap refits behind the standard errors" },
};

/* ---- Muennighoff et al. 2023 -------------------------------------------- */

#define CITE_MUENNIGHOFF "Muennighoff, Rush, Barak, Le Scao, Piktus, Tazi, " \
	"Pyysalo, Wolf, Raffel (2023). Scaling Data-Constrained Language " \
	"Models. arXiv:2305.16264"

static const char *const datacon_names[] = { "E", "A", "alpha", "B", "beta",
    "rd_star", "rn_star" };

/* The authors' notebook values (github.com/huggingface/datablations,
 * utils/parametric_fit.ipynb): E, A, B are exp of its e, a, b. */
static const sx_preset_law muennighoff_laws[] = {
	{ "L(N,D,U)", "datacon", NULL, 7, datacon_names,
	    (const double[]){ 1.8691436784054858, 520.8249516599187, 0.3526596,
	    1487.716093782861, 0.3526596, 15.387756, 5.309743 },
	    "eq. 5 with the fitted half-lives R_D* = 15.4, R_N* = 5.3 (the "
	    "notebook's unrounded values) and E, A, B, alpha = beta from the "
	    "Chinchilla-form fit to their C4 runs of at most about 2.5 epochs; "
	    "N parameters, D tokens, U unique tokens, L nats/token; frontier "
	    "with C = 6ND in FLOP under a limit U (frontier --unique)" },
};

static const sx_preset_const muennighoff_consts[] = {
	{ "E_paper", 1.87, "the paper's rounded E" },
	{ "A_paper", 521.0, "the paper's rounded A" },
	{ "B_paper", 1488.0, "the paper's rounded B" },
	{ "alpha_paper", 0.353, "the paper's rounded alpha = beta" },
	{ "rd_star_paper", 15.4, "the paper's rounded R_D*" },
	{ "rn_star_paper", 5.3, "the paper's rounded R_N*" },
	{ "log_A", 6.255414, "notebook: A = exp(log_A)" },
	{ "log_B", 7.3049974, "notebook: B = exp(log_B)" },
	{ "huber_delta", 1e-3, "Huber delta of the fit on log L "
	    "(as Hoffmann et al.)" },
};

/* ---- Henighan et al. 2020, one preset per domain of Table 1 -------------- */

#define CITE_HENIGHAN "Henighan, Kaplan, Katz, Chen, Hesse, Jackson, Jun, " \
	"Brown, Dhariwal, Gray, et al. (2020). Scaling Laws for Autoregressive " \
	"Generative Modeling. arXiv:2010.14701"

/* Table 1 writes (x/x0)^-alpha, which is plc's (x0/x)^alpha. */
#define HEN_NOTE_N(dom) "Table 1, " dom ": L(N) = Linf + (N/x0)^-alpha; " \
	"N parameters, L nats/token"
#define HEN_NOTE_C(dom) "Table 1, " dom ": L(C) = Linf + (C/x0)^-alpha " \
	"on the compute frontier; C in PF-days, L nats/token"
#define HEN_NOPT(c0, p) \
	{ "Nopt_C0", c0, "Table 1: N_opt(C) = (C/Nopt_C0)^Nopt_exp, " \
	    "C in PF-days, N parameters" }, \
	{ "Nopt_exp", p, "Table 1: exponent of N_opt(C)" }
#define HEN_TOKENS(t, how) \
	{ "tokens", t, "tokens per image (" how "); per-image loss " \
	    "Linf_img = tokens*Linf, x0_img = x0*tokens^(1/alpha)" }

#define HEN_LAWS(id, dom, nl, nx, na, cl, cx, ca) \
	static const sx_preset_law id[] = { \
		LAW_PLC("L(N)", "N", nl, nx, na, HEN_NOTE_N(dom)), \
		LAW_PLC("L(C)", "C", cl, cx, ca, HEN_NOTE_C(dom)), \
	}

HEN_LAWS(hen_language_laws, "language",
    0.0, 1.47e14, 0.070, 0.0, 3.47e8, 0.048);
HEN_LAWS(hen_image8_laws, "image 8x8",
    3.12, 8.0e1, 0.24, 3.13, 1.8e-8, 0.19);
HEN_LAWS(hen_image16_laws, "image 16x16",
    2.64, 2.8e2, 0.22, 2.64, 1.6e-8, 0.16);
HEN_LAWS(hen_image32_laws, "image 32x32",
    2.20, 6.3e1, 0.13, 2.21, 3.6e-9, 0.1);
HEN_LAWS(hen_imagevq16_laws, "image VQ 16x16",
    3.99, 2.7e4, 0.13, 4.09, 6.1e-7, 0.11);
HEN_LAWS(hen_imagevq32_laws, "image VQ 32x32",
    3.07, 1.9e4, 0.14, 3.17, 2.6e-6, 0.12);
HEN_LAWS(hen_video_laws, "video VQ 16x16x16",
    1.01, 3.7e4, 0.24, 0.95, 2.2e-5, 0.14);
HEN_LAWS(hen_math_laws, "math (extrapolate)",
    0.28, 1.1e4, 0.16, 0.14, 1.4e-5, 0.17);

/* The multimodal domains add the loss on their text part as a third law. */
static const sx_preset_law hen_text2image_laws[] = {
	LAW_PLC("L(N)", "N", 2.0, 5.1e3, 0.16,
	    HEN_NOTE_N("text-to-image, image part")),
	LAW_PLC("L(C)", "C", 1.93, 1.5e-6, 0.15,
	    HEN_NOTE_C("text-to-image, image part")),
	LAW_PLC("Ltext(N)", "N", 0.0, 5.6e8, 0.037,
	    "Table 1 notes, text-to-image, text part: L(N) = (N/x0)^-alpha; "
	    "N parameters, L nats/token"),
};

static const sx_preset_law hen_image2text_laws[] = {
	LAW_PLC("L(N)", "N", 2.0, 5.5e3, 0.15,
	    HEN_NOTE_N("image-to-text, image part")),
	LAW_PLC("L(C)", "C", 1.97, 1.5e-6, 0.16,
	    HEN_NOTE_C("image-to-text, image part")),
	LAW_PLC("Ltext(N)", "N", 0.0, 7.0e8, 0.039,
	    "Table 1 notes, image-to-text, text part: L(N) = (N/x0)^-alpha; "
	    "N parameters, L nats/token"),
};

static const sx_preset_const hen_language_consts[] = {
	HEN_NOPT(3.3e-13, 0.73),
};
static const sx_preset_const hen_image8_consts[] = {
	HEN_NOPT(5.3e-14, 0.64), HEN_TOKENS(192.0, "3*8*8 raw pixels"),
};
static const sx_preset_const hen_image16_consts[] = {
	HEN_NOPT(4.8e-12, 0.75), HEN_TOKENS(768.0, "3*16*16 raw pixels"),
	{ "Nopt_s6_coef", 2.8e8, "section 6: N_opt ~ Nopt_s6_coef*C^Nopt_s6_exp, "
	    "C in PF-days, N parameters" },
	{ "Nopt_s6_exp", 0.74, "section 6: exponent of N_opt(C)" },
	{ "CD_coef", 5e-42, "section 6: C(D) ~ CD_coef*D^CD_exp, "
	    "C in PF-days, D tokens" },
	{ "CD_exp", 3.9, "section 6: exponent of C(D)" },
};
static const sx_preset_const hen_image32_consts[] = {
	HEN_NOPT(1.6e-13, 0.65), HEN_TOKENS(3072.0, "3*32*32 raw pixels"),
};
static const sx_preset_const hen_imagevq16_consts[] = {
	HEN_NOPT(6.2e-14, 0.64), HEN_TOKENS(256.0, "VQ codes, 16x16"),
};
static const sx_preset_const hen_imagevq32_consts[] = {
	HEN_NOPT(9.4e-13, 0.7), HEN_TOKENS(1024.0, "VQ codes, 32x32"),
};
static const sx_preset_const hen_text2image_consts[] = {
	HEN_NOPT(9.4e-13, 0.7),
};
static const sx_preset_const hen_image2text_consts[] = {
	HEN_NOPT(3.3e-12, 0.72),
};
static const sx_preset_const hen_video_consts[] = {
	HEN_NOPT(1.13e-12, 0.71),
};
static const sx_preset_const hen_math_consts[] = {
	HEN_NOPT(2.3e-12, 0.69),
};

/*
 * The findings of Henighan et al. 2020 beyond Table 1. Section 4
 * (multimodal models and information gain) quotes two points of the
 * InfoGain trend of its text-to-image models in words: a 1e9-parameter
 * model uses about 10% of a caption's information to define the image,
 * and about 20% would take about 3e12 parameters. The fitted curve is only
 * drawn in a figure, so the law scalex uses is the power law through the
 * two quoted points (scaling/henighan.h).
 */
static const sx_preset_const hen_infogain_consts[] = {
	{ "N1", 1e9, "section 4: a model of about 1e9 parameters ..." },
	{ "f1", 0.10, "... uses about 10% of a caption's information "
	    "(InfoGain) to define an image" },
	{ "N2", 3e12, "section 4: about 3e12 parameters ..." },
	{ "f2", 0.20, "... would be needed for 20%" },
};

/*
 * Section 3's ImageNet experiment: 32x32 image models fine-tuned to
 * classify ImageNet keep improving as a power law in N while their
 * generative loss levels off, and models trained from scratch get worse
 * at large sizes (they overfit). The paper shows these trends in a figure
 * and states no constants in its text: the values below are illustrative,
 * chosen to reproduce that shape, not the paper's fit.
 */
static const sx_preset_law hen_imagenet_laws[] = {
	{ "Lft(N)", "pl", "N", 2, pl_names, (const double[]){ 10.0, 0.09 },
	    "section 3 (ImageNet), fine-tuned from the generative model: "
	    "L = A N^-alpha, classification loss in nats; ILLUSTRATIVE "
	    "constants (the paper's trend is in a figure only)" },
};

static const sx_preset_const hen_imagenet_consts[] = {
	{ "scratch_A", 10.0, "section 3 (ImageNet), trained from scratch: "
	    "L = A N^-alpha + (N/No)^g; ILLUSTRATIVE" },
	{ "scratch_alpha", 0.07, "from scratch: exponent of the falling part; "
	    "ILLUSTRATIVE" },
	{ "scratch_No", 1e9, "from scratch: scale of the overfitting part; "
	    "ILLUSTRATIVE" },
	{ "scratch_g", 0.5, "from scratch: exponent of the overfitting part; "
	    "ILLUSTRATIVE" },
};

/* ---- Dorner 2021 ---------------------------------------------------------- */

#define CITE_DORNER "Dorner (2021). Measuring Progress in Deep " \
	"Reinforcement Learning Sample Efficiency. arXiv:2102.04881"

static const sx_preset_const dorner_consts[] = {
	{ "atari_lo", 10.0, "sample-efficiency doubling time on Atari, "
	    "low end, months" },
	{ "atari_hi", 18.0, "sample-efficiency doubling time on Atari, "
	    "high end, months" },
	{ "state_lo", 5.0, "doubling time, state-based continuous control, "
	    "low end, months" },
	{ "state_hi", 24.0, "doubling time, state-based continuous control, "
	    "high end, months" },
	{ "pixel_lo", 4.0, "doubling time, pixel-based continuous control, "
	    "low end, months" },
	{ "pixel_hi", 9.0, "doubling time, pixel-based continuous control, "
	    "high end, months" },
};

/*
 * The table, in the order `preset list` shows it. Caballero et al. 2022
 * (broken power laws) publishes a functional form and no constants, so it
 * has no preset; its citation belongs to a broken-power-law model.
 */
static const sx_preset presets[] = {
	PRESET("kaplan2020", "Kaplan et al. 2020: language-model power laws "
	    "(Tables 2, 3, 5, 6; eq. 6.8)", CITE_KAPLAN,
	    kaplan_laws, kaplan_consts),
	PRESET("hoffmann2022", "Hoffmann et al. 2022 (Chinchilla): "
	    "L(N,D) = E + A/N^alpha + B/D^beta, rounded", CITE_HOFFMANN,
	    hoffmann_laws, hoffmann_consts),
	PRESET("hoffmann2022-unrounded", "Hoffmann et al. 2022 (Chinchilla): "
	    "L(N,D), unrounded constants", CITE_HOFFMANN,
	    hoffmann_unrounded_laws, hoffmann_unrounded_consts),
	PRESET("besiroglu2024", "Besiroglu et al. 2024: Chinchilla L(N,D) "
	    "refit, with bootstrap standard errors", CITE_BESIROGLU,
	    besiroglu_laws, besiroglu_consts),
	PRESET("muennighoff2023", "Muennighoff et al. 2023: data-constrained "
	    "L(N,D,U) with repeated epochs", CITE_MUENNIGHOFF,
	    muennighoff_laws, muennighoff_consts),
	PRESET("henighan2020-language", "Henighan et al. 2020: language",
	    CITE_HENIGHAN, hen_language_laws, hen_language_consts),
	PRESET("henighan2020-image8", "Henighan et al. 2020: images 8x8",
	    CITE_HENIGHAN, hen_image8_laws, hen_image8_consts),
	PRESET("henighan2020-image16", "Henighan et al. 2020: images 16x16",
	    CITE_HENIGHAN, hen_image16_laws, hen_image16_consts),
	PRESET("henighan2020-image32", "Henighan et al. 2020: images 32x32",
	    CITE_HENIGHAN, hen_image32_laws, hen_image32_consts),
	PRESET("henighan2020-imagevq16", "Henighan et al. 2020: images, "
	    "VQ 16x16", CITE_HENIGHAN, hen_imagevq16_laws,
	    hen_imagevq16_consts),
	PRESET("henighan2020-imagevq32", "Henighan et al. 2020: images, "
	    "VQ 32x32", CITE_HENIGHAN, hen_imagevq32_laws,
	    hen_imagevq32_consts),
	PRESET("henighan2020-text2image", "Henighan et al. 2020: "
	    "text-to-image", CITE_HENIGHAN, hen_text2image_laws,
	    hen_text2image_consts),
	PRESET("henighan2020-image2text", "Henighan et al. 2020: "
	    "image-to-text", CITE_HENIGHAN, hen_image2text_laws,
	    hen_image2text_consts),
	PRESET("henighan2020-video", "Henighan et al. 2020: video, "
	    "VQ 16x16x16", CITE_HENIGHAN, hen_video_laws, hen_video_consts),
	PRESET("henighan2020-math", "Henighan et al. 2020: mathematics "
	    "(extrapolation)", CITE_HENIGHAN, hen_math_laws, hen_math_consts),
	PRESET_NOLAWS("henighan2020-infogain", "Henighan et al. 2020: "
	    "text-to-image information gain (section 4)", CITE_HENIGHAN,
	    hen_infogain_consts),
	PRESET("henighan2020-imagenet", "Henighan et al. 2020: ImageNet "
	    "classification, fine-tuned and from scratch (section 3; shape "
	    "only)", CITE_HENIGHAN, hen_imagenet_laws, hen_imagenet_consts),
	PRESET_NOLAWS("dorner2021", "Dorner 2021: RL sample-efficiency "
	    "doubling times", CITE_DORNER, dorner_consts),
};

/*
 * Fill the values that need a function call. scalex is single-threaded;
 * the first lookup (from main) fills them before anything reads them.
 */
static void
presets_init(void)
{
	static int ready;

	if (ready)
		return;
	hoffmann_unrounded_p[0] = exp(0.5267228);
	hoffmann_unrounded_p[1] = exp(6.0073404);
	hoffmann_unrounded_p[2] = 0.33917;
	hoffmann_unrounded_p[3] = exp(6.0179186);
	hoffmann_unrounded_p[4] = 0.28491;
	ready = 1;
}

/* The number of presets; preset_at(0 .. count-1) lists them in a fixed order. */
size_t
preset_count(void)
{
	return NELEM(presets);
}

/* Preset i, or NULL when i is out of range. */
const sx_preset *
preset_at(size_t i)
{
	presets_init();
	if (i >= NELEM(presets))
		return NULL;
	return &presets[i];
}

/* The preset named `name` (exact), or NULL (also for a NULL name). */
const sx_preset *
preset_find(const char *name)
{
	size_t i;

	presets_init();
	if (name == NULL)
		return NULL;
	for (i = 0; i < NELEM(presets); i++)
		if (strcmp(presets[i].name, name) == 0)
			return &presets[i];
	return NULL;
}

/* Law `key` (exact) of preset p, or NULL when absent or p/key is NULL. */
const sx_preset_law *
preset_law(const sx_preset *p, const char *key)
{
	size_t i;

	if (p == NULL || key == NULL)
		return NULL;
	for (i = 0; i < p->nlaws; i++)
		if (strcmp(p->laws[i].key, key) == 0)
			return &p->laws[i];
	return NULL;
}

/*
 * Constant `name` (exact) of preset p into *value; 0 on success, -1 when
 * absent or an argument is NULL (*value is then left alone).
 */
int
preset_const(const sx_preset *p, const char *name, double *value)
{
	size_t i;

	if (p == NULL || name == NULL || value == NULL)
		return -1;
	for (i = 0; i < p->nconsts; i++)
		if (strcmp(p->consts[i].name, name) == 0) {
			*value = p->consts[i].value;
			return 0;
		}
	return -1;
}
