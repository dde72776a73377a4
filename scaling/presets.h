/* presets.h: the papers' published constants as named, cited presets. */
#ifndef SX_PRESETS_H
#define SX_PRESETS_H

#include <stddef.h>

/* One law of a preset, as a built-in model with parameter values. */
typedef struct sx_preset_law {
	const char *key;        /* short name inside the preset: "L(N)", "L(N,D)" */
	const char *model;      /* built-in model name ("plc", "chinchilla", ...) */
	const char *x;          /* input column for one-input models, else NULL */
	size_t np;
	const char *const *pnames; /* the model's parameter names, in its order */
	const double *pvals;
	const char *note;       /* units and where in the paper */
} sx_preset_law;

/* A constant that is not a law parameter (allocation lines, crossovers). */
typedef struct sx_preset_const {
	const char *name;
	double value;
	const char *note;
} sx_preset_const;

typedef struct sx_preset {
	const char *name;       /* "kaplan2020", "hoffmann2022", "henighan2020-image16" */
	const char *title;
	const char *citation;   /* authors, year, title, arXiv id */
	size_t nlaws;
	const sx_preset_law *laws;
	size_t nconsts;
	const sx_preset_const *consts;
} sx_preset;

size_t preset_count(void);
const sx_preset *preset_at(size_t i);
const sx_preset *preset_find(const char *name);
/* Law `key` of preset p, or NULL. */
const sx_preset_law *preset_law(const sx_preset *p, const char *key);
/* Constant `name` of preset p; returns -1 when absent. */
int preset_const(const sx_preset *p, const char *name, double *value);

#endif
